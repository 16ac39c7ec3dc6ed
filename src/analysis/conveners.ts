/**
 * Conveners: greedy key-player selection, Borgatti (2006) "Identifying sets of key players in a
 * social network", KPP-Pos with the m-reach criterion, aimed at the target sectors.
 *
 * Scoring (per candidate v, given the set R of organisations already reached or picked):
 *   reach(v)       = the organisations within `reachSteps` (1 or 2) hops of v, v excluded;
 *   newTargets     = target-sector organisations in reach(v) that are not in R;
 *   newSectors     = target sectors with an organisation in newTargets ∪ {v} \ R and none in R yet;
 *   newCommunities = Louvain communities with an organisation in newTargets ∪ {v} \ R and no target
 *                    organisation in R yet;
 *   score = |newTargets| + SECTOR_BONUS·|newSectors| + COMMUNITY_BONUS·|newCommunities|.
 * The pick itself joins R (it is "in the room") but is not counted as reached.
 * The highest score wins; ties go to the higher degree, then the smaller id. Every part of the
 * score can only shrink as R grows, so a candidate's last score is an upper bound and the greedy
 * choice is computed lazily (CELF, Leskovec et al. 2007) with exactly the result of re-scoring every
 * candidate each round (`lazy: false` does that, for tests). Selection stops when nothing is added.
 *
 * Also here: Borgatti's m-reach of a given set and the greedy sector-pair cover of the reference.
 */
import { bfsDistances } from './bfs';
import type { Csr } from './csr';
import { compareIds } from './util';

export const SECTOR_BONUS = 10;
export const COMMUNITY_BONUS = 3;

export interface ConvenerOptions {
  /** Number of picks, 1–10; default 5. */
  k?: number;
  /** 1 or 2; default 1. */
  reachSteps?: 1 | 2;
  targets: readonly string[];
  /** Community index (0-based) per node. */
  community: Int32Array;
  /** The sector whose distance is reported ("the municipality"); default `government`. */
  municipalitySector?: string;
  sectorBonus?: number;
  communityBonus?: number;
  labels?: readonly string[];
  /** Lazy (CELF) evaluation; default true. False re-scores every candidate every round. */
  lazy?: boolean;
}

export interface ConvenerPick {
  rank: number;
  id: string;
  label: string;
  sector: string;
  degree: number;
  /** Community id (1-based) of the pick. */
  community: number;
  score: number;
  /** Target organisations this pick reaches that no earlier pick reaches, per target sector. */
  newlyReached: Record<string, number>;
  newlyReachedTotal: number;
  /** Communities (1-based ids) of those organisations, most first. */
  newlyReachedCommunities: number[];
  /** Communities touched by a target organisation for the first time. */
  newCommunities: number[];
  /** Target sectors reached for the first time. */
  newSectors: string[];
  /** Hops to the nearest organisation of the municipality sector (0 if it is one); null if none. */
  distanceToMunicipality: number | null;
  /** Cumulative target organisations reached by picks 1..rank. */
  cumulativeReached: number;
}

export interface ConvenerResult {
  k: number;
  reachSteps: 1 | 2;
  sectorBonus: number;
  communityBonus: number;
  targets: string[];
  municipalitySector: string;
  picks: ConvenerPick[];
  /** Target organisations in the graph. */
  targetTotal: number;
  /** Target organisations reached by the picks together (the picks themselves not counted). */
  reachedTotal: number;
  /** Borgatti m-reach of the picked set: organisations outside the set within m hops. */
  mReach: number;
}

interface Eval {
  score: number;
  newTargets: number[];
  newSectors: number[];
  newCommunities: number[];
}

/** Binary max-heap over candidates, ordered by (score, degree, -index). */
class CandidateHeap {
  private items: number[] = [];
  constructor(
    private readonly score: Float64Array,
    private readonly degree: Int32Array,
  ) {}
  private better(a: number, b: number): boolean {
    const sa = this.score[a]!;
    const sb = this.score[b]!;
    if (sa !== sb) return sa > sb;
    const da = this.degree[a]!;
    const db = this.degree[b]!;
    if (da !== db) return da > db;
    return a < b;
  }
  get size(): number {
    return this.items.length;
  }
  push(x: number): void {
    const it = this.items;
    it.push(x);
    let i = it.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.better(it[i]!, it[p]!)) break;
      [it[i], it[p]] = [it[p]!, it[i]!];
      i = p;
    }
  }
  pop(): number | undefined {
    const it = this.items;
    if (it.length === 0) return undefined;
    const top = it[0]!;
    const last = it.pop()!;
    if (it.length > 0) {
      it[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let b = i;
        if (l < it.length && this.better(it[l]!, it[b]!)) b = l;
        if (r < it.length && this.better(it[r]!, it[b]!)) b = r;
        if (b === i) break;
        [it[i], it[b]] = [it[b]!, it[i]!];
        i = b;
      }
    }
    return top;
  }
}

export function selectConveners(csr: Csr, options: ConvenerOptions): ConvenerResult {
  const { n, offsets, targets: adj, group, degree } = csr;
  const k = Math.max(1, Math.min(10, Math.floor(options.k ?? 5)));
  const reachSteps: 1 | 2 = options.reachSteps === 2 ? 2 : 1;
  const sectorBonus = options.sectorBonus ?? SECTOR_BONUS;
  const communityBonus = options.communityBonus ?? COMMUNITY_BONUS;
  const municipalitySector = options.municipalitySector ?? 'government';
  const labels = options.labels ?? csr.labels;
  const lazy = options.lazy ?? true;
  const targetNames = [...new Set(options.targets)];
  // targetIndex[g] = position of group g in targetNames, or -1.
  const targetIndex = new Int32Array(csr.groupNames.length).fill(-1);
  targetNames.forEach((t, i) => {
    const g = csr.groupNames.indexOf(t);
    if (g >= 0) targetIndex[g] = i;
  });
  const community = options.community;
  let communityCount = 0;
  for (let i = 0; i < n; i++) if (community[i]! + 1 > communityCount) communityCount = community[i]! + 1;

  let targetTotal = 0;
  for (let i = 0; i < n; i++) if (targetIndex[group[i]!]! >= 0) targetTotal++;

  const reached = new Uint8Array(n);
  const sectorCovered = new Uint8Array(targetNames.length);
  const communityTouched = new Uint8Array(communityCount);
  const seen = new Int32Array(n).fill(-1);
  const sectorSeen = new Int32Array(targetNames.length).fill(-1);
  const communitySeen = new Int32Array(communityCount).fill(-1);
  const frontier: number[] = [];
  let stampCounter = 0;

  const evaluate = (v: number, collect: boolean): Eval => {
    const stamp = stampCounter++;
    const newTargets: number[] = [];
    const newSectors: number[] = [];
    const newCommunities: number[] = [];
    let count = 0;
    const visit = (x: number, self: boolean) => {
      const t = targetIndex[group[x]!]!;
      if (t < 0 || reached[x]) return;
      if (!self) {
        count++;
        if (collect) newTargets.push(x);
      }
      if (!sectorCovered[t] && sectorSeen[t] !== stamp) {
        sectorSeen[t] = stamp;
        newSectors.push(t);
      }
      const c = community[x]!;
      if (!communityTouched[c] && communitySeen[c] !== stamp) {
        communitySeen[c] = stamp;
        newCommunities.push(c);
      }
    };
    seen[v] = stamp;
    visit(v, true);
    frontier.length = 0;
    for (let p = offsets[v]!, end = offsets[v + 1]!; p < end; p++) {
      const w = adj[p]!;
      if (seen[w] === stamp) continue;
      seen[w] = stamp;
      visit(w, false);
      if (reachSteps === 2) frontier.push(w);
    }
    for (const w of frontier) {
      for (let p = offsets[w]!, end = offsets[w + 1]!; p < end; p++) {
        const x = adj[p]!;
        if (seen[x] === stamp) continue;
        seen[x] = stamp;
        visit(x, false);
      }
    }
    return {
      score: count + sectorBonus * newSectors.length + communityBonus * newCommunities.length,
      newTargets,
      newSectors,
      newCommunities,
    };
  };

  // Lazy greedy (CELF): bound[v] is v's score when it was last evaluated (round[v]).
  const bound = new Float64Array(n);
  const round = new Int32Array(n);
  const heap = new CandidateHeap(bound, degree);
  for (let v = 0; v < n; v++) {
    bound[v] = evaluate(v, false).score;
    round[v] = 1; // evaluated against the empty selection, i.e. fresh for round 1
    if (bound[v]! > 0) heap.push(v);
  }

  const municipalityCode = csr.groupNames.indexOf(municipalitySector);
  const munSources: number[] = [];
  if (municipalityCode >= 0) for (let i = 0; i < n; i++) if (group[i] === municipalityCode) munSources.push(i);
  const munDist = bfsDistances(csr, munSources);

  const picks: ConvenerPick[] = [];
  const chosen: number[] = [];
  let cumulative = 0;
  for (let r = 1; r <= k && (heap.size > 0 || !lazy); r++) {
    let pick = -1;
    if (!lazy) {
      // Re-score everyone: the reference behaviour the lazy path must reproduce.
      for (let v = 0; v < n; v++) {
        bound[v] = evaluate(v, false).score;
        round[v] = r;
      }
      for (let v = 0; v < n; v++) {
        if (bound[v]! <= 0) continue;
        if (
          pick < 0 ||
          bound[v]! > bound[pick]! ||
          (bound[v] === bound[pick] && degree[v]! > degree[pick]!)
        )
          pick = v;
      }
    }
    while (lazy && heap.size > 0) {
      const v = heap.pop()!;
      if (round[v] === r) {
        pick = v;
        break;
      }
      bound[v] = evaluate(v, false).score;
      round[v] = r;
      if (bound[v]! > 0) heap.push(v);
    }
    if (pick < 0) break;
    const ev = evaluate(pick, true);
    if (ev.score <= 0) break;
    // Commit.
    reached[pick] = 1;
    for (const x of ev.newTargets) reached[x] = 1;
    for (const t of ev.newSectors) sectorCovered[t] = 1;
    for (const c of ev.newCommunities) communityTouched[c] = 1;
    chosen.push(pick);
    cumulative += ev.newTargets.length;
    const perSector: Record<string, number> = {};
    for (const t of targetNames) perSector[t] = 0;
    const perCommunity = new Map<number, number>();
    for (const x of ev.newTargets) {
      const t = targetNames[targetIndex[group[x]!]!]!;
      perSector[t] = perSector[t]! + 1;
      const c = community[x]! + 1;
      perCommunity.set(c, (perCommunity.get(c) ?? 0) + 1);
    }
    const d = munDist[pick]!;
    picks.push({
      rank: r,
      id: csr.ids[pick]!,
      label: labels[pick]!,
      sector: csr.groupNames[group[pick]!]!,
      degree: degree[pick]!,
      community: community[pick]! + 1,
      score: ev.score,
      newlyReached: perSector,
      newlyReachedTotal: ev.newTargets.length,
      newlyReachedCommunities: [...perCommunity.entries()]
        .sort((a, b) => b[1] - a[1] || a[0] - b[0])
        .map(([c]) => c),
      newCommunities: ev.newCommunities.map((c) => c + 1).sort((a, b) => a - b),
      newSectors: ev.newSectors.sort((a, b) => a - b).map((t) => targetNames[t]!),
      distanceToMunicipality: d >= 0 ? d : null,
      cumulativeReached: cumulative,
    });
  }
  return {
    k,
    reachSteps,
    sectorBonus,
    communityBonus,
    targets: targetNames,
    municipalitySector,
    picks,
    targetTotal,
    reachedTotal: cumulative,
    mReach: mReachOf(csr, chosen, reachSteps),
  };
}

/** Borgatti's m-reach: the number of nodes outside K within m hops of some member of K. */
export function mReachOf(csr: Csr, members: readonly number[], m: number): number {
  const dist = bfsDistances(csr, members, m);
  let count = 0;
  for (let i = 0; i < csr.n; i++) if (dist[i]! > 0) count++;
  return count;
}

/**
 * Greedy sector-pair cover (reference `greedy_sector_pair_cover_k2`): a node covers the sector
 * pair {g, h} when its closed neighbourhood holds both sectors; pick up to k nodes, each time the
 * one covering most uncovered pairs (ties: higher degree, then smaller id); stop when none adds.
 */
export function greedySectorPairCover(
  csr: Csr,
  k: number,
): { chosen: string[]; coveredPairs: string[]; allPairs: number } {
  const present = [...new Set(Array.from(csr.group))].sort((a, b) =>
    compareIds(csr.groupNames[a]!, csr.groupNames[b]!),
  );
  const pairList: [number, number][] = [];
  for (let x = 0; x < present.length; x++)
    for (let y = x + 1; y < present.length; y++) pairList.push([present[x]!, present[y]!]);
  const covers: Set<number>[] = [];
  for (let v = 0; v < csr.n; v++) {
    const S = new Set<number>([csr.group[v]!]);
    for (let p = csr.offsets[v]!; p < csr.offsets[v + 1]!; p++) S.add(csr.group[csr.targets[p]!]!);
    const c = new Set<number>();
    pairList.forEach(([g, h], i) => {
      if (S.has(g) && S.has(h)) c.add(i);
    });
    covers.push(c);
  }
  const covered = new Set<number>();
  const chosen: string[] = [];
  for (let r = 0; r < k; r++) {
    let best = -1;
    let bestGain = -1;
    for (let v = 0; v < csr.n; v++) {
      let gain = 0;
      for (const p of covers[v]!) if (!covered.has(p)) gain++;
      if (gain > bestGain || (gain === bestGain && csr.degree[v]! > csr.degree[best]!)) {
        best = v;
        bestGain = gain;
      }
    }
    if (best < 0 || bestGain <= 0) break;
    chosen.push(csr.ids[best]!);
    for (const p of covers[best]!) covered.add(p);
  }
  const coveredPairs = [...covered]
    .map((i) => {
      const [g, h] = pairList[i]!;
      return `${csr.groupNames[g]!}|${csr.groupNames[h]!}`;
    })
    .sort(compareIds);
  return { chosen, coveredPairs, allPairs: pairList.length };
}

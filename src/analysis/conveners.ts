/**
 * Conveners: the few organisations that together reach the most target-sector organisations
 * (key-player selection, Borgatti 2006, KPP-Pos with m-reach; the search itself is keyPlayers.ts).
 * This module turns the selection into what the app and the command line report, by id and
 * sector name, and keeps Borgatti's m-reach and the reference's greedy sector-pair cover.
 */
import { bfsDistances } from './bfs';
import type { Csr } from './csr';
import type { KeyPlayerResult } from './keyPlayers';
import { compareIds } from './util';

export interface ConvenerPick {
  rank: number;
  id: string;
  label: string;
  sector: string;
  degree: number;
  /** Community id (1-based) of the pick. */
  community: number;
  /** Target organisations this pick reaches that no earlier pick reaches, per target sector. */
  newlyReached: Record<string, number>;
  newlyReachedTotal: number;
  /** Communities (1-based ids) of those organisations, most first. */
  newlyReachedCommunities: number[];
  /** Communities touched by a reached target organisation for the first time. */
  newCommunities: number[];
  /** Target sectors reached for the first time. */
  newSectors: string[];
  /** What the whole set would lose without this pick (≥ 1). */
  marginal: number;
  /** Distinct target organisations reached by picks 1..rank (the picks themselves not counted). */
  cumulativeReached: number;
}

export interface SectorCoverage {
  sector: string;
  total: number;
  reached: number;
  /** reached / total; null when the sector has no organisation. */
  fraction: number | null;
}

export interface ConvenerResult {
  k: number;
  reachSteps: 1 | 2;
  targets: string[];
  picks: ConvenerPick[];
  /** How many fewer than k were picked: no further organisation adds anything. */
  shortBy: number;
  /** Target-sector organisations in the (visible) network. */
  targetTotal: number;
  /** Distinct target organisations within reach of the set, the picks themselves not counted. */
  reachedTotal: number;
  reachedFraction: number | null;
  /** Per target sector: how many of its organisations the set reaches. */
  coverage: SectorCoverage[];
  /** True only when every target sector has a reached organisation. */
  allSectorsReached: boolean;
  /** Borgatti's m-reach of the set over all organisations (not only target sectors). */
  mReach: number;
  /** Improving swaps made after the greedy selection. */
  swaps: number;
}

/** The key-player selection in the report's terms (ids, sector names, 1-based community ids). */
export function convenersOf(csr: Csr, result: KeyPlayerResult, community: Int32Array): ConvenerResult {
  const picks: ConvenerPick[] = result.picks.map((p) => {
    const newlyReached: Record<string, number> = {};
    result.targets.forEach((t, i) => (newlyReached[t] = p.newlyReached[i] ?? 0));
    return {
      rank: p.rank,
      id: p.id,
      label: csr.labels[p.node]!,
      sector: csr.groupNames[p.group] ?? 'other',
      degree: p.degree,
      community: community[p.node]! + 1,
      newlyReached,
      newlyReachedTotal: p.newlyReachedTotal,
      newlyReachedCommunities: p.communitiesReached.map((c) => c + 1),
      newCommunities: p.newCommunities.map((c) => c + 1).sort((a, b) => a - b),
      newSectors: p.newSectors.map((i) => result.targets[i]!),
      marginal: p.marginal,
      cumulativeReached: p.cumulativeReached,
    };
  });
  return {
    k: result.k,
    reachSteps: result.reachSteps,
    targets: result.targets,
    picks,
    shortBy: result.shortBy,
    targetTotal: result.targetTotal,
    reachedTotal: result.reachedTotal,
    reachedFraction: result.reachedFraction,
    coverage: result.coverage.map((c) => ({ sector: c.sector, total: c.total, reached: c.reached, fraction: c.fraction })),
    allSectorsReached: result.allSectorsReached,
    mReach: mReachOf(csr, result.picks.map((p) => p.node), result.reachSteps),
    swaps: result.swapCount,
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

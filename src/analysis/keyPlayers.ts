/**
 * Conveners as key players: Borgatti (2006), "Identifying sets of key players in a social
 * network", Comput. Math. Organ. Theory 12:21–34, KPP-Pos with the m-reach measure.
 *
 * Objective: for a set K of organisations, f(K) = the number of distinct *target-sector*
 * organisations within m steps (m = 1 or 2) of some member of K, **the members of K not counted**
 * (a pick is in the room; it is not reached by it). No bonuses: the count is the objective.
 *
 * Search, as Borgatti proposes: a greedy start followed by swap improvement.
 * - Greedy: add the organisation with the largest gain f(K ∪ {v}) − f(K); ties go to the one that
 *   adds more target sectors with a reached organisation, then more communities with a reached
 *   target organisation, then the higher degree, then the smallest id. An organisation whose gain is
 *   0 is never picked (so one without partners never is); when fewer than k organisations add
 *   anything, fewer are returned and `shortBy` says how many are missing.
 * - Swap: repeatedly make the best exchange of a pick for a non-pick while it strictly increases f
 *   (same tie-breaks on the resulting set). A pick whose own contribution drops to 0 after swaps is
 *   dropped and the greedy step refills.
 * The gain is exact and lazily evaluated: the covered-target count c_v(K) of a candidate can only
 * shrink as K grows (it is a coverage function), so an earlier value bounds it (CELF, Leskovec et al.
 * 2007); every candidate whose bound could still reach or tie the best is evaluated, so the choice is
 * the same as re-scoring everyone. For a swap of u, c_v(K \ u) = c_v(K) + |B(v) ∩ U_u \ {v}|, U_u
 * being the targets only u covered, which keeps the bounds valid without nested sets.
 *
 * Robustness: `convenerRobustness` reruns the selection on bootstrap resamples of the activities
 * (rows of the visible two-mode data drawn with replacement, re-projected) and reports how often
 * each original pick is chosen again.
 *
 * Everything returned is codes, numbers and ids; wording is the UI's job.
 */
import { csrFromSortedEdges, type Csr } from './csr';
import { mulberry32 } from './prng';
import { compareIds } from './util';
import { projectVisibleIncidence, ResampledAdjacency, tieRows, type VisibleIncidence } from './view';

export interface KeyPlayerOptions {
  /** Number of picks wanted; default 5. */
  k?: number;
  /** m of the m-reach: 1 or 2; default 1. */
  reachSteps?: 1 | 2;
  /** Target sector names (groups of the CSR); names that are not groups of the graph reach nobody. */
  targets: readonly string[];
  /** Community index (0-based) per node, for the tie-break and the report; optional. */
  community?: Int32Array;
  /** Swap improvement after the greedy start; default true. */
  swaps?: boolean;
  /** Cap on the number of swaps made; default 100. */
  maxSwaps?: number;
}

export interface KeyPlayerPick {
  /** 1-based, in the order the picks add reach (greedy order over the final set). */
  rank: number;
  /** CSR node index. */
  node: number;
  id: string;
  /** Group (sector) code of the pick. */
  group: number;
  degree: number;
  /** Community index (0-based) of the pick, or -1 without communities. */
  community: number;
  /** f(picks 1..rank) − f(picks 1..rank−1): what this pick adds after the earlier ones (≥ 1). */
  gain: number;
  /** Target organisations first reached by this pick, per target sector (aligned with `targets`). */
  newlyReached: number[];
  newlyReachedTotal: number;
  /** True when an earlier pick reached this organisation (a target); as a pick it no longer counts. */
  wasReached: boolean;
  /** Target sectors (positions in `targets`) with a reached organisation for the first time. */
  newSectors: number[];
  /** Communities (0-based) of the newly reached organisations, most reached first, then by index. */
  communitiesReached: number[];
  /** Communities (0-based) with a reached target organisation for the first time. */
  newCommunities: number[];
  /** f(all picks) − f(all picks but this one): what the set would lose without it (≥ 1). */
  marginal: number;
  /** f(picks 1..rank). */
  cumulativeReached: number;
}

export interface SectorCoverage {
  /** Target sector name and its group code (-1 when the graph has no such group). */
  sector: string;
  group: number;
  /** Organisations of the sector in the graph. */
  total: number;
  /** Reached by the picks (the picks themselves not counted). */
  reached: number;
  /** reached / total; null when the sector has no organisation. */
  fraction: number | null;
}

/**
 * What the selection reads of a network: who is tied to whom, sectors and ids. Not the tie
 * weights: reach counts organisations, so the bootstraps need not build them (ResampledAdjacency).
 */
export type KeyPlayerGraph = Pick<Csr, 'n' | 'ids' | 'offsets' | 'targets' | 'degree' | 'group' | 'groupNames'>;

export interface KeyPlayerResult {
  k: number;
  reachSteps: 1 | 2;
  /** Target sector names, de-duplicated, in the order given. */
  targets: string[];
  picks: KeyPlayerPick[];
  /** k − picks.length: picks missing because no other organisation adds anything. */
  shortBy: number;
  /** Distinct target organisations reached by the set (picks not counted) = f(K). */
  reachedTotal: number;
  /** Target organisations in the graph. */
  targetTotal: number;
  /** reachedTotal / targetTotal; null without target organisations. */
  reachedFraction: number | null;
  coverage: SectorCoverage[];
  /** Target sectors with at least one reached organisation. */
  sectorsReached: number;
  /** sectorsReached / number of target sectors (0 without target sectors). */
  sectorsReachedFraction: number;
  /** True only when every target sector has at least one reached organisation. */
  allSectorsReached: boolean;
  /** Node indices chosen by the greedy start, in order (before swaps and drops). */
  greedyPicks: number[];
  /** f after the greedy start, before swaps. */
  greedyReached: number;
  /** Swaps made. */
  swapCount: number;
}

interface Evaluation {
  /** Uncovered targets in the ball of v, v excluded: an upper bound of the gain that only shrinks. */
  covered: number;
  gain: number;
  dSectors: number;
  dCommunities: number;
}

/**
 * The search state for a set S: how many members' balls hold each node (`cnt`), and the reached
 * targets per target sector and per community. All updates are exact and O(|ball|).
 */
class ReachState {
  readonly n: number;
  readonly cnt: Int32Array;
  readonly inSet: Uint8Array;
  /** Target position (index into targets) per node, -1 for non-targets. */
  readonly target: Int32Array;
  readonly secReached: Int32Array;
  readonly comReached: Int32Array;
  reached = 0;
  sectorsReached = 0;
  communitiesReached = 0;
  private readonly stamp: Int32Array;
  private stampCounter = 0;
  readonly ballBuffer: Int32Array;
  private readonly secStamp: Int32Array;
  private readonly comStamp: Int32Array;

  constructor(
    private readonly csr: KeyPlayerGraph,
    readonly steps: 1 | 2,
    target: Int32Array,
    targetCount: number,
    readonly community: Int32Array | null,
    communityCount: number,
  ) {
    this.n = csr.n;
    this.cnt = new Int32Array(csr.n);
    this.inSet = new Uint8Array(csr.n);
    this.target = target;
    this.secReached = new Int32Array(targetCount);
    this.comReached = new Int32Array(communityCount);
    this.stamp = new Int32Array(csr.n);
    this.ballBuffer = new Int32Array(csr.n);
    this.secStamp = new Int32Array(targetCount);
    this.comStamp = new Int32Array(communityCount);
  }

  /** Writes the nodes within `steps` hops of v (v first) into `out`; returns how many. */
  ball(v: number, out: Int32Array = this.ballBuffer): number {
    const { offsets, targets } = this.csr;
    const s = ++this.stampCounter;
    const stamp = this.stamp;
    let len = 0;
    stamp[v] = s;
    out[len++] = v;
    const firstEnd = offsets[v + 1]!;
    for (let p = offsets[v]!; p < firstEnd; p++) {
      const y = targets[p]!;
      if (stamp[y] !== s) {
        stamp[y] = s;
        out[len++] = y;
      }
    }
    if (this.steps === 2) {
      const ring = len;
      for (let q = 1; q < ring; q++) {
        const y = out[q]!;
        for (let p = offsets[y]!, end = offsets[y + 1]!; p < end; p++) {
          const x = targets[p]!;
          if (stamp[x] !== s) {
            stamp[x] = s;
            out[len++] = x;
          }
        }
      }
    }
    return len;
  }

  private reach(x: number, delta: 1 | -1): void {
    const t = this.target[x]!;
    const before = this.secReached[t]!;
    this.secReached[t] = before + delta;
    if (before === 0 && delta === 1) this.sectorsReached++;
    else if (before === 1 && delta === -1) this.sectorsReached--;
    if (this.community) {
      const c = this.community[x]!;
      const cb = this.comReached[c]!;
      this.comReached[c] = cb + delta;
      if (cb === 0 && delta === 1) this.communitiesReached++;
      else if (cb === 1 && delta === -1) this.communitiesReached--;
    }
    this.reached += delta;
  }

  add(v: number): void {
    // v was counted as reached if it is a covered target; as a member it no longer is.
    if (this.target[v]! >= 0 && this.cnt[v]! > 0) this.reach(v, -1);
    this.inSet[v] = 1;
    const len = this.ball(v);
    const buf = this.ballBuffer;
    for (let q = 0; q < len; q++) {
      const x = buf[q]!;
      if (this.cnt[x]!++ === 0 && this.target[x]! >= 0 && !this.inSet[x]) this.reach(x, 1);
    }
  }

  remove(v: number): void {
    this.inSet[v] = 0;
    const len = this.ball(v);
    const buf = this.ballBuffer;
    for (let q = 0; q < len; q++) {
      const x = buf[q]!;
      if (--this.cnt[x]! === 0 && this.target[x]! >= 0 && !this.inSet[x] && x !== v) this.reach(x, -1);
    }
    if (this.target[v]! >= 0 && this.cnt[v]! > 0) this.reach(v, 1);
  }

  /**
   * Exact change of (f, sectors reached, communities reached) if v (not a member) were added. The
   * ball is walked here directly, without the buffer, because this is the hot loop (m = 2 on a
   * dense projection visits Σ deg² arcs when every node is evaluated).
   */
  evaluate(v: number): Evaluation {
    const { offsets, targets } = this.csr;
    const s = ++this.stampCounter;
    const stamp = this.stamp;
    const target = this.target;
    const cnt = this.cnt;
    const secReached = this.secReached;
    const secStamp = this.secStamp;
    const com = this.community;
    const comReached = this.comReached;
    const comStamp = this.comStamp;
    const tv = target[v]!;
    const cv = com ? com[v]! : -1;
    let covered = 0;
    let dSectors = 0;
    let dCommunities = 0;
    let keepsOwnSector = false;
    let keepsOwnCommunity = false;
    const visit = (x: number) => {
      const t = target[x]!;
      if (t < 0 || cnt[x]! !== 0) return;
      covered++;
      if (t === tv) keepsOwnSector = true;
      if (secReached[t] === 0 && secStamp[t] !== s) {
        secStamp[t] = s;
        dSectors++;
      }
      if (com) {
        const c = com[x]!;
        if (c === cv) keepsOwnCommunity = true;
        if (comReached[c] === 0 && comStamp[c] !== s) {
          comStamp[c] = s;
          dCommunities++;
        }
      }
    };
    stamp[v] = s;
    const start = offsets[v]!;
    const end = offsets[v + 1]!;
    for (let p = start; p < end; p++) {
      const y = targets[p]!;
      stamp[y] = s; // neighbour lists hold no duplicates
      visit(y);
    }
    if (this.steps === 2) {
      for (let p = start; p < end; p++) {
        const y = targets[p]!;
        for (let q = offsets[y]!, e2 = offsets[y + 1]!; q < e2; q++) {
          const x = targets[q]!;
          if (stamp[x] === s) continue;
          stamp[x] = s;
          // Most of the second ring is neither a target nor uncovered: test before the call.
          if (target[x]! >= 0 && cnt[x] === 0) visit(x);
        }
      }
    }
    let gain = covered;
    if (tv >= 0 && cnt[v]! > 0) {
      // v is reached now and stops counting once it is a member.
      gain--;
      if (secReached[tv] === 1 && !keepsOwnSector) dSectors--;
      if (com && comReached[cv] === 1 && !keepsOwnCommunity) dCommunities--;
    }
    return { covered, gain, dSectors, dCommunities };
  }
}

/** Candidate order: larger value, more sectors, more communities, higher degree, smaller id. */
function better(
  csr: KeyPlayerGraph,
  a: { value: number; sectors: number; communities: number; node: number },
  b: { value: number; sectors: number; communities: number; node: number },
): boolean {
  if (a.value !== b.value) return a.value > b.value;
  if (a.sectors !== b.sectors) return a.sectors > b.sectors;
  if (a.communities !== b.communities) return a.communities > b.communities;
  const da = csr.degree[a.node]!;
  const db = csr.degree[b.node]!;
  if (da !== db) return da > db;
  return compareIds(csr.ids[a.node]!, csr.ids[b.node]!) < 0;
}

interface Choice {
  node: number;
  value: number;
  sectors: number;
  communities: number;
  covered: number;
}

/** Scratch for bestAddition's candidate order, allocated once per selection. */
interface CandidateScratch {
  candidates: Int32Array;
  /** The bound of each candidate. */
  key: Int32Array;
  /** The candidates, highest bound first. */
  ordered: Int32Array;
  /** Counting-sort offsets, one per bound value (grown when a bound exceeds its length). */
  starts: Int32Array;
}

/**
 * The best node to add to the state's set, by (f after adding, sectors, communities, degree, id),
 * among nodes not in the set and not `exclude`, with f after adding ≥ `minValue`. `bound[v]` must be
 * ≥ v's covered count for the current set (plus `extra[v]` when given); it is tightened in place to
 * the exact covered count minus `extra` (exact for the set before the removal that `extra` undoes).
 */
function bestAddition(
  csr: KeyPlayerGraph,
  state: ReachState,
  bound: Int32Array,
  minValue: number,
  exclude: number,
  extra: Int32Array | null,
  scratch: CandidateScratch,
): Choice | null {
  const base = state.reached;
  const need = minValue - base; // the gain a candidate needs
  const { candidates, key } = scratch;
  let count = 0;
  let most = 0;
  for (let v = 0; v < state.n; v++) {
    if (state.inSet[v] || v === exclude) continue;
    const b = bound[v]! + (extra ? extra[v]! : 0);
    if (b < need || b <= 0) continue;
    key[v] = b;
    candidates[count++] = v;
    if (b > most) most = b;
  }
  // Highest bound first; ties by index (= id order), which is also the final tie-break. Bounds
  // are counts, so a counting sort (stable: candidates are in index order) gives that order in
  // linear time; a comparison sort of every candidate at every step was half of a selection's
  // time on H2020.
  if (scratch.starts.length < most + 2) scratch.starts = new Int32Array(most + 2);
  const starts = scratch.starts;
  starts.fill(0, 0, most + 2);
  for (let i = 0; i < count; i++) starts[most - key[candidates[i]!]! + 1]!++;
  for (let d = 0; d <= most; d++) starts[d + 1] = starts[d + 1]! + starts[d]!;
  const list = scratch.ordered;
  for (let i = 0; i < count; i++) {
    const v = candidates[i]!;
    list[starts[most - key[v]!]!++] = v;
  }
  let best: Choice | null = null;
  for (let i = 0; i < count; i++) {
    const v = list[i]!;
    const b = key[v]!;
    if (best ? b < best.value - base : b < need) break;
    const ev = state.evaluate(v);
    bound[v] = ev.covered - (extra ? extra[v]! : 0);
    if (ev.gain <= 0 || base + ev.gain < minValue) continue;
    const c: Choice = {
      node: v,
      value: base + ev.gain,
      sectors: state.sectorsReached + ev.dSectors,
      communities: state.communitiesReached + ev.dCommunities,
      covered: ev.covered,
    };
    if (!best || better(csr, c, best)) best = c;
  }
  return best;
}

/** Target position per node (-1 for non-targets) and the de-duplicated target names. */
function targetIndex(csr: KeyPlayerGraph, targets: readonly string[]): { names: string[]; codes: number[]; of: Int32Array } {
  const names = [...new Set(targets)];
  const codes = names.map((t) => csr.groupNames.indexOf(t));
  const byGroup = new Int32Array(csr.groupNames.length).fill(-1);
  codes.forEach((g, i) => {
    if (g >= 0) byGroup[g] = i;
  });
  const of = new Int32Array(csr.n);
  for (let i = 0; i < csr.n; i++) of[i] = byGroup[csr.group[i]!]!;
  return { names, codes, of };
}

/** Upper bounds of every node's covered-target count for the empty set (exact for m = 1). */
function initialBounds(csr: KeyPlayerGraph, steps: 1 | 2, target: Int32Array, targetTotal: number): Int32Array {
  const { n, offsets, targets } = csr;
  const tdeg = new Int32Array(n);
  for (let v = 0; v < n; v++) {
    let c = 0;
    for (let p = offsets[v]!; p < offsets[v + 1]!; p++) if (target[targets[p]!]! >= 0) c++;
    tdeg[v] = c;
  }
  if (steps === 1) return tdeg;
  const bound = new Int32Array(n);
  for (let v = 0; v < n; v++) {
    let c = tdeg[v]!;
    for (let p = offsets[v]!; p < offsets[v + 1]!; p++) c += tdeg[targets[p]!]!;
    bound[v] = Math.min(c, targetTotal);
  }
  return bound;
}

/**
 * KPP-Pos key players for target reach (see the file comment). Pure; O(k · n) plus the exact
 * evaluations the bounds cannot rule out, each O(|m-ball|).
 */
export function selectKeyPlayers(csr: KeyPlayerGraph, options: KeyPlayerOptions): KeyPlayerResult {
  const { n } = csr;
  const k = Math.max(1, Math.floor(options.k ?? 5));
  const steps: 1 | 2 = options.reachSteps === 2 ? 2 : 1;
  const useSwaps = options.swaps ?? true;
  const maxSwaps = Math.max(0, Math.floor(options.maxSwaps ?? 100));
  const community = options.community ?? null;
  if (community && community.length !== n) throw new Error('selectKeyPlayers: community has the wrong length');
  let communityCount = 0;
  if (community) for (let i = 0; i < n; i++) if (community[i]! + 1 > communityCount) communityCount = community[i]! + 1;
  const { names, codes, of: target } = targetIndex(csr, options.targets);
  const totals = new Int32Array(names.length);
  let targetTotal = 0;
  for (let i = 0; i < n; i++) {
    if (target[i]! >= 0) {
      totals[target[i]!]!++;
      targetTotal++;
    }
  }

  const state = new ReachState(csr, steps, target, names.length, community, communityCount);
  const bound = initialBounds(csr, steps, target, targetTotal);
  const scratch: CandidateScratch = { candidates: new Int32Array(n), key: new Int32Array(n), ordered: new Int32Array(n), starts: new Int32Array(n + 2) };
  const extra = new Int32Array(n);
  const picks: number[] = [];

  const greedyFill = () => {
    while (picks.length < k) {
      const c = bestAddition(csr, state, bound, state.reached + 1, -1, null, scratch);
      if (!c) break;
      state.add(c.node);
      picks.push(c.node);
    }
  };

  // extra[x] = |B(x) ∩ U_u \ {x}| for the targets U_u that the current set (u just removed) no
  // longer covers; returns the touched nodes so they can be reset.
  const ballScratch = new Int32Array(n);
  const touched: number[] = [];
  const fillExtra = (u: number) => {
    const len = state.ball(u, ballScratch);
    const uncovered: number[] = [];
    for (let q = 0; q < len; q++) {
      const x = ballScratch[q]!;
      if (state.target[x]! >= 0 && state.cnt[x] === 0 && !state.inSet[x]) uncovered.push(x);
    }
    for (const x of uncovered) {
      const l2 = state.ball(x);
      for (let q = 1; q < l2; q++) {
        const w = state.ballBuffer[q]!;
        if (extra[w] === 0) touched.push(w);
        extra[w]!++;
      }
    }
  };
  const clearExtra = () => {
    for (const w of touched) extra[w] = 0;
    touched.length = 0;
  };

  greedyFill();
  const greedyPicks = picks.slice();
  const greedyReached = state.reached;
  let swapCount = 0;
  // Each pass strictly increases f (a swap, a refill) or shrinks the set at equal f (a drop), so
  // the loop ends; the guard only bounds it.
  for (let guard = 0; guard <= 4 * k + maxSwaps; guard++) {
    // Swap improvement: the best exchange (u out, w in) that strictly increases f.
    let improved = false;
    while (useSwaps && swapCount < maxSwaps && picks.length > 0) {
      const f = state.reached;
      let best: (Choice & { out: number }) | null = null;
      for (let r = 0; r < picks.length; r++) {
        const u = picks[r]!;
        state.remove(u);
        fillExtra(u);
        const c = bestAddition(csr, state, bound, best ? best.value : f + 1, u, extra, scratch);
        if (c && (!best || better(csr, c, best))) best = { ...c, out: r };
        clearExtra();
        state.add(u);
      }
      if (!best) break;
      const u = picks[best.out]!;
      state.remove(u);
      // Bounds for the new set: c_x(K \ u ∪ w) ≤ c_x(K \ u) ≤ c_x(K) + extra_u[x].
      fillExtra(u);
      for (const w of touched) bound[w] = bound[w]! + extra[w]!;
      clearExtra();
      state.add(best.node);
      picks[best.out] = best.node;
      swapCount++;
      improved = true;
    }
    // A pick that adds nothing next to the others is dropped (never keep a zero-gain pick); the
    // greedy step then refills. f never decreases, so this ends.
    let dropped = false;
    for (;;) {
      let worst = -1;
      let worstMarginal = 1;
      for (let r = picks.length - 1; r >= 0; r--) {
        const m = marginalOf(state, picks[r]!);
        if (m < worstMarginal) {
          worstMarginal = m;
          worst = r;
        }
      }
      if (worst < 0) break;
      const u = picks[worst]!;
      state.remove(u);
      fillExtra(u);
      for (const w of touched) bound[w] = bound[w]! + extra[w]!;
      clearExtra();
      picks.splice(worst, 1);
      dropped = true;
    }
    if (dropped) greedyFill();
    if (!improved && !dropped) break;
  }

  // Report in greedy order over the final set.
  const finalSet = picks.slice();
  const marginals = new Map<number, number>();
  for (const p of finalSet) marginals.set(p, marginalOf(state, p));
  const coverage: SectorCoverage[] = names.map((sector, t) => ({
    sector,
    group: codes[t]!,
    total: totals[t]!,
    reached: state.secReached[t]!,
    fraction: totals[t]! > 0 ? state.secReached[t]! / totals[t]! : null,
  }));
  const reachedTotal = state.reached;
  const sectorsReached = state.sectorsReached;
  for (const p of finalSet) state.remove(p);
  const ordered = orderPicks(csr, state, finalSet, marginals);
  return {
    k,
    reachSteps: steps,
    targets: names,
    picks: ordered,
    shortBy: k - ordered.length,
    reachedTotal,
    targetTotal,
    reachedFraction: targetTotal > 0 ? reachedTotal / targetTotal : null,
    coverage,
    sectorsReached,
    sectorsReachedFraction: names.length > 0 ? sectorsReached / names.length : 0,
    allSectorsReached: names.length > 0 && sectorsReached === names.length,
    greedyPicks,
    greedyReached,
    swapCount,
  };
}

/** f(S) − f(S \ p) for a member p. */
function marginalOf(state: ReachState, p: number): number {
  const f = state.reached;
  state.remove(p);
  const without = state.reached;
  state.add(p);
  return f - without;
}

/** Orders a set greedily from the empty state (same tie-breaks) and describes what each pick adds. */
function orderPicks(csr: KeyPlayerGraph, state: ReachState, set: number[], marginals: Map<number, number>): KeyPlayerPick[] {
  const left = set.slice();
  const out: KeyPlayerPick[] = [];
  const T = state.secReached.length;
  while (left.length > 0) {
    let bestI = -1;
    let best: Choice | null = null;
    for (let i = 0; i < left.length; i++) {
      const v = left[i]!;
      const ev = state.evaluate(v);
      const c: Choice = {
        node: v,
        value: state.reached + ev.gain,
        sectors: state.sectorsReached + ev.dSectors,
        communities: state.communitiesReached + ev.dCommunities,
        covered: ev.covered,
      };
      if (!best || better(csr, c, best)) {
        best = c;
        bestI = i;
      }
    }
    const v = left.splice(bestI, 1)[0]!;
    const newlyReached = new Array<number>(T).fill(0);
    const perCommunity = new Map<number, number>();
    const wasSector = Int32Array.from(state.secReached);
    const len = state.ball(v);
    const buf = state.ballBuffer;
    const com = state.community;
    const newCommunities: number[] = [];
    for (let q = 1; q < len; q++) {
      const x = buf[q]!;
      const t = state.target[x]!;
      if (t < 0 || state.cnt[x] !== 0) continue;
      newlyReached[t]!++;
      if (com) perCommunity.set(com[x]!, (perCommunity.get(com[x]!) ?? 0) + 1);
    }
    if (com) for (const c of perCommunity.keys()) if (state.comReached[c] === 0) newCommunities.push(c);
    const wasReached = state.target[v]! >= 0 && state.cnt[v]! > 0;
    const before = state.reached;
    state.add(v);
    const newSectors: number[] = [];
    for (let t = 0; t < T; t++) if (wasSector[t] === 0 && state.secReached[t]! > 0) newSectors.push(t);
    let total = 0;
    for (const c of newlyReached) total += c;
    out.push({
      rank: out.length + 1,
      node: v,
      id: csr.ids[v]!,
      group: csr.group[v]!,
      degree: csr.degree[v]!,
      community: com ? com[v]! : -1,
      gain: state.reached - before,
      newlyReached,
      newlyReachedTotal: total,
      wasReached,
      newSectors,
      communitiesReached: [...perCommunity.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([c]) => c),
      newCommunities: newCommunities.sort((a, b) => a - b),
      marginal: marginals.get(v)!,
      cumulativeReached: state.reached,
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Robustness under bootstrap resampling of the activities
// ---------------------------------------------------------------------------------------------

export interface RobustnessOptions extends KeyPlayerOptions {
  /** Bootstrap resamples; default 50. */
  bootstraps?: number;
  /** Default 42. */
  seed?: number;
  /** The selection on the data itself, when already computed with the same options. */
  original?: KeyPlayerResult;
  /** How many other frequently chosen organisations to list; default 10. */
  maxAlternates?: number;
}

export interface PickRobustness {
  node: number;
  id: string;
  /** Rank in the original selection; 0 for an alternate. */
  rank: number;
  /** Fraction of bootstrap resamples whose selection contains this organisation. */
  fraction: number;
}

export interface RobustnessResult {
  bootstraps: number;
  seed: number;
  original: KeyPlayerResult;
  /** One entry per original pick, in rank order. */
  picks: PickRobustness[];
  /** Organisations not in the original selection, most often chosen first (then by id). */
  alternates: PickRobustness[];
  /** Mean over resamples of the fraction of original picks chosen again. */
  meanOverlap: number;
  /** Fraction of resamples whose selection reaches every target sector. */
  allSectorsReachedFraction: number;
  /** Mean reachedTotal over resamples. */
  meanReached: number;
}

type Incidence = Pick<VisibleIncidence, 'n' | 'memberOffsets' | 'members' | 'hub' | 'listing'>;

/**
 * Bootstrap robustness of the key-player selection as a generator yielding progress fractions
 * (one step per resample). Each resample draws as many activities as there are, with replacement
 * (seeded mulberry32) and keeps the ties `projectVisibleIncidence(vi, weight, rowWeight)` would
 * under either weight rule (`ResampledAdjacency`, from the rows of each tie found once), on the
 * same nodes; `vi` must be in the CSR's node numbers.
 */
export function* convenerRobustnessSteps(
  csr: Csr,
  vi: Incidence,
  options: RobustnessOptions,
): Generator<number, RobustnessResult, void> {
  if (vi.n !== csr.n) throw new Error('convenerRobustness: the two-mode data and the CSR have different nodes');
  const B = Math.max(0, Math.floor(options.bootstraps ?? 50));
  const seed = options.seed ?? 42;
  const maxAlternates = Math.max(0, Math.floor(options.maxAlternates ?? 10));
  const original = options.original ?? selectKeyPlayers(csr, options);
  const rows = vi.listing.length;
  const rng = mulberry32(seed);
  const chosen = new Int32Array(csr.n);
  const rowWeight = new Float64Array(rows);
  const isOriginal = new Uint8Array(csr.n);
  for (const p of original.picks) isOriginal[p.node] = 1;
  let overlapSum = 0;
  let allSectors = 0;
  let reachedSum = 0;
  const adjacency = B > 0 ? new ResampledAdjacency(csr.n, tieRows(vi)) : null;
  for (let b = 0; b < B; b++) {
    rowWeight.fill(0);
    for (let r = 0; r < rows; r++) rowWeight[Math.floor(rng() * rows)]!++;
    const r = selectKeyPlayers({ n: csr.n, ids: csr.ids, group: csr.group, groupNames: csr.groupNames, ...adjacency!.resample(rowWeight) }, options);
    let overlap = 0;
    for (const p of r.picks) {
      chosen[p.node]!++;
      if (isOriginal[p.node]) overlap++;
    }
    overlapSum += original.picks.length > 0 ? overlap / original.picks.length : 0;
    if (r.allSectorsReached) allSectors++;
    reachedSum += r.reachedTotal;
    yield (b + 1) / B;
  }
  const frac = (v: number) => (B > 0 ? chosen[v]! / B : 0);
  const picks = original.picks.map((p) => ({ node: p.node, id: p.id, rank: p.rank, fraction: frac(p.node) }));
  const others: number[] = [];
  for (let v = 0; v < csr.n; v++) if (!isOriginal[v] && chosen[v]! > 0) others.push(v);
  others.sort((a, b) => chosen[b]! - chosen[a]! || compareIds(csr.ids[a]!, csr.ids[b]!));
  const alternates = others.slice(0, maxAlternates).map((v) => ({ node: v, id: csr.ids[v]!, rank: 0, fraction: frac(v) }));
  return {
    bootstraps: B,
    seed,
    original,
    picks,
    alternates,
    meanOverlap: B > 0 ? overlapSum / B : 0,
    allSectorsReachedFraction: B > 0 ? allSectors / B : 0,
    meanReached: B > 0 ? reachedSum / B : 0,
  };
}

/** Runs `convenerRobustnessSteps` to completion. */
export function convenerRobustness(csr: Csr, vi: Incidence, options: RobustnessOptions): RobustnessResult {
  const steps = convenerRobustnessSteps(csr, vi, options);
  for (;;) {
    const s = steps.next();
    if (s.done) return s.value;
  }
}

/** The selection under the other tie rules: how much of the advice rests on the listing rule. */
export interface RuleAlternatives {
  /** Listings (consultations, funds…) left out: only activities that tie everyone count. */
  withoutListings: string[];
  /** Listings tie every pair of participants, as if working together. */
  listingsAsCliques: string[];
}

/**
 * Reselects the key players on the same organisations with listings left out and with listings
 * projected as cliques. Null when the view has no listing (both would equal the selection).
 */
export function convenersUnderOtherRules(csr: Csr, vi: Incidence, options: KeyPlayerOptions): RuleAlternatives | null {
  const rows = vi.listing.length;
  let listings = 0;
  for (let r = 0; r < rows; r++) listings += vi.listing[r]!;
  if (listings === 0) return null;
  const select = (incidence: Incidence, rowWeight?: Float64Array) => {
    const { edgeU, edgeV, edgeW } = projectVisibleIncidence(incidence, 'shared', rowWeight);
    const other = csrFromSortedEdges({ ids: csr.ids, index: csr.index, labels: csr.labels, group: csr.group, groupNames: csr.groupNames, edgeU, edgeV, edgeW });
    return selectKeyPlayers(other, options).picks.map((p) => p.id);
  };
  const keep = new Float64Array(rows);
  for (let r = 0; r < rows; r++) keep[r] = vi.listing[r] ? 0 : 1;
  return {
    withoutListings: select(vi, keep),
    listingsAsCliques: select({ ...vi, listing: new Uint8Array(rows) }),
  };
}

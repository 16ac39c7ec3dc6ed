/**
 * Two-mode null model for sector mixing: how many ties between two sectors chance would give if
 * every activity kept its size and every organisation kept its number of participations.
 *
 * Ties arrive as project cliques, so a configuration model on the projected network (mixing.ts)
 * misjudges what to expect: a consortium of ten makes 45 ties at once. Here the expectation comes
 * from degree-preserving randomisations of the participation matrix (rows = activities of a
 * `VisibleIncidence`, columns = organisations), each re-projected under the same tie rules as the
 * network (projection.ts: listings tie members to their hubs only).
 *
 * Randomisation: the Curveball algorithm (Strona, Nappo, Boccacci, Fattorini & San-Miguel-Ayanz
 * 2014, "A fast and unbiased procedure to randomize ecological binary matrices with fixed row and
 * column totals", Nature Communications 5:4114). A trade picks two rows, pools the members that
 * only one of them has, shuffles the pool and gives each row back as many as it had: row sums and
 * column sums stay fixed and no organisation enters a row twice. No JavaScript library implements
 * it (nor the fixed cells below), hence this file.
 *
 * Listing hubs are fixed: in a listing row, the hubs never move (a consultation keeps its
 * organiser); every other participation can move to any row where the organisation is not yet
 * present (a listing row keeps its hubs and its size, moved-in members are plain members). A
 * trade only ever moves an organisation that the other row lacks entirely, fixed or not. Every
 * trade is as likely as its reverse, so the chain's stationary distribution is uniform over the
 * matrices it can reach (the fixed hub cells are the only constraint besides the margins).
 *
 * Mixing: `DEFAULT_BURN_IN_PER_ROW` × rows trades before the first draw (5 × rows is the approximate
 * mixing time used by the R package backbone's `curveball()`/`fastball()`, Neal et al.), then
 * `DEFAULT_THIN_PER_ROW` × rows trades between draws. Both are cheap next to re-projecting a draw
 * (a trade costs the size of two rows, a draw the number of tie triples).
 *
 * Each draw counts the distinct ties between every unordered pair of sectors (within-sector pairs
 * included) and the E–I index per sector (group_edge_count convention, as mixing.ts). Results: the
 * mean over draws, the 2.5 and 97.5 percentiles (linear interpolation between order statistics,
 * numpy's default), a two-sided Monte-Carlo p-value with the +1 correction (Davison & Hinkley 1997)
 * and a batch-means standard error of the mean.
 */
import { mulberry32 } from './prng';
import type { VisibleIncidence } from './view';

/** The two-mode data the null model randomises (a `VisibleIncidence` fits). */
export type TwoModeData = Pick<VisibleIncidence, 'n' | 'memberOffsets' | 'members' | 'hub' | 'listing'>;

/** Sector code per organisation (CSR node) and the sector names (a `Csr` fits). */
export interface SectorLabels {
  group: ArrayLike<number>;
  groupNames: readonly string[];
}

export const DEFAULT_NULL_DRAWS = 1000;
export const DEFAULT_NULL_SEED = 42;
/** Burn-in trades per tradeable row before the first draw. */
export const DEFAULT_BURN_IN_PER_ROW = 5;
/** Trades per tradeable row between two draws. */
export const DEFAULT_THIN_PER_ROW = 1;
/** Floors for very small data, where 5 × rows trades would be only a handful. */
export const MIN_BURN_IN = 200;
export const MIN_THIN = 20;
/**
 * Work budget: work per draw × draws, the work of a draw being its tie triples, or, on data of many
 * tiny activities, the organisations, participations and thinning trades it visits. Measured on
 * Node 20 (2 shared cores): a draw costs about 25–40 ns per triple including its thinning trades,
 * so 1e8 is about 2.5–4 s. The CORDIS SC1 NL subset (7,407 participations, 84 k triples) makes all
 * 1,000 draws (~1.3 ms each); H2020 as a whole (145 k participations, ~1.1 M triples) gets the
 * floor of MIN_NULL_DRAWS = 100 draws (~30–40 ms each) instead of 1,000 (2e8 gave it 183): its 95 %
 * intervals then rest on the 3rd and 98th of 100 ordered draws, and the smallest p-value it can
 * show is 2/101. 200,000 organisations in pairs get the floor too (their work per draw is their
 * organisations and trades). The draws made are reported (`draws`, `requestedDraws`, `reduced`).
 */
export const DEFAULT_NULL_WORK_BUDGET = 1e8;
/** Draws are never cut below this by the budget (p-values need some resolution). */
export const MIN_NULL_DRAWS = 100;
/** Batches for the batch-means standard error of the expectation. */
const SE_BATCHES = 20;
/** Work units between two yields of the generator (about a millisecond). */
const YIELD_WORK = 250_000;

export interface TwoModeNullOptions {
  /** Draws requested; default 1,000 (fewer when the work budget says so). */
  draws?: number;
  seed?: number;
  /** Trades before the first draw; default max(MIN_BURN_IN, 5 × tradeable rows). */
  burnIn?: number;
  /** Trades between draws; default max(MIN_THIN, tradeable rows). */
  thin?: number;
  /** Max tie triples per draw × draws; default DEFAULT_NULL_WORK_BUDGET. */
  workBudget?: number;
  /** Lower bound on draws when the budget cuts them; default MIN_NULL_DRAWS. */
  minDraws?: number;
}

export interface SectorPairNull {
  /** Sector names with code(a) ≤ code(b); a = b for ties within a sector. */
  a: string;
  b: string;
  observed: number;
  /** Mean number of ties over the draws. */
  expectedTwoMode: number;
  /** Standard deviation of the draws. */
  sd: number;
  /** Batch-means standard error of `expectedTwoMode` (Monte-Carlo error, not the spread). */
  se: number;
  /** 2.5 and 97.5 percentiles of the draws. */
  low: number;
  high: number;
  /** Two-sided Monte-Carlo p-value: min(1, 2·min((1+#{draw ≤ obs})/(1+N), (1+#{draw ≥ obs})/(1+N))). */
  p: number;
  /** observed is 0, or observed < low. */
  missing: boolean;
  reason: 'sector_absent' | 'no_ties' | 'below_null' | null;
}

export interface SectorEINull {
  sector: string;
  /** Organisations of the sector with at least one participation in the data. */
  members: number;
  observed: { E: number; I: number; EI: number | null };
  /** Mean E–I over the draws where it is defined (E + I > 0); null when never defined. */
  expected: number | null;
  /** Batch-means standard error of `expected`. */
  se: number | null;
  low: number | null;
  high: number | null;
  p: number | null;
}

export interface TwoModeNullResult {
  sectors: string[];
  /** Every unordered pair of sectors (g ≤ h by code), in code order. */
  pairs: SectorPairNull[];
  ei: SectorEINull[];
  /** Draws made. */
  draws: number;
  requestedDraws: number;
  /** True when the work budget cut the draws. */
  reduced: boolean;
  seed: number;
  burnIn: number;
  thin: number;
  /** Trades made in all (burn-in + thinning). */
  trades: number;
  rows: number;
  /** Rows with at least one movable participation (the only ones that can trade). */
  tradeableRows: number;
  participations: number;
  /** Participations that can move (all but listing hubs). */
  movable: number;
  /** (pair, activity) triples per projection (the same in every draw: row shapes are fixed). */
  triplesPerDraw: number;
  /** Work units of one draw, as the budget counts them: max(triples, organisations + participations + thinning work). */
  workPerDraw: number;
  workBudget: number;
}

/**
 * The mutable state of the randomisation: the participation slots, row by row, with each row's
 * fixed slots (listing hubs) first. Slots never change rows; trades change who sits in them.
 */
export interface CurveballState {
  n: number;
  rows: number;
  rowStart: Int32Array;
  /** `rowStart[r]..fixedEnd[r]` are fixed slots (hubs of a listing row), `fixedEnd[r]..rowStart[r+1]` movable. */
  fixedEnd: Int32Array;
  listing: Uint8Array;
  /** Organisation in each slot. */
  slots: Int32Array;
  slotRow: Int32Array;
  /** Rows with a movable slot. */
  tradeable: Int32Array;
  /** Scratch for trades. */
  mark: Int32Array;
  stamp: number;
  posA: Int32Array;
  posB: Int32Array;
  pool: Int32Array;
}

/** Builds the randomisation state from two-mode data (copied; the input is not modified). */
export function curveballState(data: TwoModeData): CurveballState {
  const R = data.listing.length;
  const P = data.memberOffsets[R] ?? 0;
  const rowStart = Int32Array.from(data.memberOffsets.subarray(0, R + 1));
  const fixedEnd = new Int32Array(R);
  const listing = Uint8Array.from(data.listing);
  const slots = new Int32Array(P);
  const slotRow = new Int32Array(P);
  const tradeableList: number[] = [];
  let maxRow = 0;
  for (let r = 0; r < R; r++) {
    const start = rowStart[r]!;
    const end = rowStart[r + 1]!;
    let k = start;
    if (listing[r]) for (let p = start; p < end; p++) if (data.hub[p]) slots[k++] = data.members[p]!;
    fixedEnd[r] = k;
    for (let p = start; p < end; p++) if (!(listing[r] && data.hub[p])) slots[k++] = data.members[p]!;
    for (let p = start; p < end; p++) slotRow[p] = r;
    // A listing without hubs ties no one, observed or drawn: an organisation traded into it would
    // only lose its ties, and the chance ranges would fall for no reason. Its members stay put.
    const tiesNoOne = listing[r] === 1 && fixedEnd[r] === start;
    if (end > fixedEnd[r]! && !tiesNoOne) tradeableList.push(r);
    if (end - start > maxRow) maxRow = end - start;
  }
  for (let p = 0; p < P; p++) {
    const o = slots[p]!;
    if (!(o >= 0 && o < data.n)) throw new RangeError(`member ${o} is not an organisation index below ${data.n}`);
  }
  return {
    n: data.n,
    rows: R,
    rowStart,
    fixedEnd,
    listing,
    slots,
    slotRow,
    tradeable: Int32Array.from(tradeableList),
    mark: new Int32Array(data.n),
    stamp: 0,
    posA: new Int32Array(maxRow),
    posB: new Int32Array(maxRow),
    pool: new Int32Array(2 * maxRow),
  };
}

/**
 * One Curveball trade between rows a and b (Strona et al. 2014): the movable members of a that b
 * lacks and those of b that a lacks are pooled, and a uniformly chosen subset of the pool, as big
 * as a's share, goes to a; the rest to b.
 */
function trade(s: CurveballState, a: number, b: number, rng: () => number): void {
  const { rowStart, fixedEnd, slots, mark, posA, posB, pool } = s;
  // Stamp b's members (fixed and movable): a may only give away what b lacks.
  let t = ++s.stamp;
  for (let p = rowStart[b]!, end = rowStart[b + 1]!; p < end; p++) mark[slots[p]!] = t;
  let na = 0;
  for (let p = fixedEnd[a]!, end = rowStart[a + 1]!; p < end; p++) {
    const o = slots[p]!;
    if (mark[o] !== t) {
      posA[na] = p;
      pool[na++] = o;
    }
  }
  if (na === 0) return;
  t = ++s.stamp;
  for (let p = rowStart[a]!, end = rowStart[a + 1]!; p < end; p++) mark[slots[p]!] = t;
  let nb = 0;
  for (let p = fixedEnd[b]!, end = rowStart[b + 1]!; p < end; p++) {
    const o = slots[p]!;
    if (mark[o] !== t) {
      posB[nb] = p;
      pool[na + nb++] = o;
    }
  }
  if (nb === 0) return;
  // Partial Fisher–Yates: the first na of the pool are a uniform subset of size na.
  const total = na + nb;
  for (let i = 0; i < na; i++) {
    const j = i + Math.floor(rng() * (total - i));
    const x = pool[i]!;
    pool[i] = pool[j]!;
    pool[j] = x;
  }
  for (let i = 0; i < na; i++) slots[posA[i]!] = pool[i]!;
  for (let i = 0; i < nb; i++) slots[posB[i]!] = pool[na + i]!;
}

/** `count` trades between uniformly chosen pairs of distinct tradeable rows. */
export function curveballTrades(s: CurveballState, rng: () => number, count: number): void {
  const T = s.tradeable.length;
  if (T < 2) return;
  for (let k = 0; k < count; k++) {
    const x = Math.floor(rng() * T);
    let y = Math.floor(rng() * (T - 1));
    if (y >= x) y++;
    trade(s, s.tradeable[x]!, s.tradeable[y]!, rng);
  }
}

/**
 * The state as two-mode data (a copy), hubs flagged only where they are fixed, so that
 * `projectVisibleIncidence` projects it under the network's rules.
 */
export function curveballIncidence(s: CurveballState): TwoModeData {
  const P = s.slots.length;
  const hub = new Uint8Array(P);
  for (let r = 0; r < s.rows; r++) for (let p = s.rowStart[r]!; p < s.fixedEnd[r]!; p++) hub[p] = 1;
  return { n: s.n, memberOffsets: s.rowStart.slice(), members: s.slots.slice(), hub, listing: s.listing.slice() };
}

/** Scratch for counting ties: organisation → slots (column sums never change, so offsets are fixed). */
interface Counter {
  colOffsets: Int32Array;
  colFill: Int32Array;
  colSlots: Int32Array;
  /** Sector per organisation. */
  group: Int32Array;
  /** Sector of the organisation in each slot, filled with the column index: read next to the slot itself. */
  slotGroup: Int32Array;
  /** The last u that reached each organisation (de-duplication). */
  reachedBy: Int32Array;
  /** Tie counts per sector pair, as integers while counting. */
  counts: Int32Array;
  G: number;
}

function makeCounter(s: CurveballState, group: Int32Array, G: number): Counter {
  const colOffsets = new Int32Array(s.n + 1);
  for (let p = 0; p < s.slots.length; p++) colOffsets[s.slots[p]! + 1]!++;
  for (let i = 0; i < s.n; i++) colOffsets[i + 1] = colOffsets[i + 1]! + colOffsets[i]!;
  const P = s.slots.length;
  return {
    colOffsets,
    colFill: new Int32Array(s.n),
    colSlots: new Int32Array(P),
    group,
    slotGroup: new Int32Array(P),
    reachedBy: new Int32Array(s.n),
    counts: new Int32Array(G * G),
    G,
  };
}

/** Sorts the movable segment of every row (insertion sort: rows are small on average). */
function sortRows(s: CurveballState): void {
  const { rowStart, fixedEnd, slots } = s;
  for (let r = 0; r < s.rows; r++) {
    const from = fixedEnd[r]!;
    const to = rowStart[r + 1]!;
    if (to - from > 32) {
      slots.subarray(from, to).sort();
      continue;
    }
    for (let i = from + 1; i < to; i++) {
      const x = slots[i]!;
      let j = i - 1;
      while (j >= from && slots[j]! > x) {
        slots[j + 1] = slots[j]!;
        j--;
      }
      slots[j + 1] = x;
    }
  }
}

/**
 * Distinct ties between sectors in the current state, as a G × G matrix `out[g·G + h]` counting
 * each tie once at (group of smaller node, group of larger node). Count-only projection: for each
 * organisation u, the rows it sits in are scanned for partners v > u, de-duplicated with a stamp
 * per u; no tie list is built. Rows are sorted first, so in an ordinary row the partners v > u are
 * exactly the slots after u's; in a listing a non-hub is tied to the hubs only.
 */
function countTies(s: CurveballState, c: Counter, out: Float64Array): void {
  const { rowStart, fixedEnd, listing, slots, slotRow } = s;
  const { colOffsets, colFill, colSlots, group, slotGroup, reachedBy, counts, G } = c;
  const n = s.n;
  sortRows(s);
  counts.fill(0);
  colFill.set(colOffsets.subarray(0, n));
  for (let p = 0; p < slots.length; p++) {
    const o = slots[p]!;
    colSlots[colFill[o]!++] = p;
    slotGroup[p] = group[o]!;
  }
  reachedBy.fill(-1);
  for (let u = 0; u < n; u++) {
    const row = group[u]! * G;
    for (let q = colOffsets[u]!, qEnd = colOffsets[u + 1]!; q < qEnd; q++) {
      const p = colSlots[q]!;
      const r = slotRow[p]!;
      if (!listing[r]) {
        for (let x = p + 1, end = rowStart[r + 1]!; x < end; x++) {
          const v = slots[x]!;
          if (reachedBy[v] !== u) {
            reachedBy[v] = u;
            counts[row + slotGroup[x]!]!++;
          }
        }
        continue;
      }
      // A hub of a listing is tied to every member, a non-hub to the hubs only.
      const end = p >= fixedEnd[r]! ? fixedEnd[r]! : rowStart[r + 1]!;
      for (let x = rowStart[r]!; x < end; x++) {
        const v = slots[x]!;
        if (v > u && reachedBy[v] !== u) {
          reachedBy[v] = u;
          counts[row + slotGroup[x]!]!++;
        }
      }
    }
  }
  for (let i = 0; i < G * G; i++) out[i] = counts[i]!;
}

/**
 * Distinct ties between sectors in a state: `out[g·G + h]` counts each tie once, at (sector of its
 * smaller node, sector of its larger node). The same count the null model makes per draw.
 */
export function curveballTieMatrix(s: CurveballState, sectors: SectorLabels): Float64Array {
  const G = sectors.groupNames.length;
  const out = new Float64Array(G * G);
  countTies(s, makeCounter(s, Int32Array.from(sectors.group), G), out);
  return out;
}

/** Tie triples of the state (Σ over rows of the pairs each forms). */
function triplesOf(s: CurveballState): number {
  let total = 0;
  for (let r = 0; r < s.rows; r++) {
    const size = s.rowStart[r + 1]! - s.rowStart[r]!;
    if (!s.listing[r]) total += (size * (size - 1)) / 2;
    else {
      const h = s.fixedEnd[r]! - s.rowStart[r]!;
      total += (h * (h - 1)) / 2 + h * (size - h);
    }
  }
  return total;
}

/** Type-7 quantile (linear interpolation between order statistics) of a sorted array. */
function quantileSorted(sorted: Float64Array, q: number): number {
  const N = sorted.length;
  if (N === 0) return NaN;
  const h = (N - 1) * q;
  const lo = Math.floor(h);
  const hi = lo + 1 < N ? lo + 1 : lo;
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** Two-sided Monte-Carlo p-value with the +1 correction. */
export function monteCarloP(draws: ArrayLike<number>, observed: number): number {
  let le = 0;
  let ge = 0;
  let N = 0;
  for (let i = 0; i < draws.length; i++) {
    const x = draws[i]!;
    if (Number.isNaN(x)) continue;
    N++;
    if (x <= observed) le++;
    if (x >= observed) ge++;
  }
  const lower = (1 + le) / (1 + N);
  const upper = (1 + ge) / (1 + N);
  return Math.min(1, 2 * Math.min(lower, upper));
}

interface Summary {
  mean: number;
  sd: number;
  se: number;
  low: number;
  high: number;
  defined: number;
}

/** Mean, sd, batch-means standard error and 95 % interval of the defined (non-NaN) values, in draw order. */
function summarise(values: Float64Array): Summary {
  const kept = new Float64Array(values.length);
  let N = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i]!)) kept[N++] = values[i]!;
  const x = kept.subarray(0, N);
  if (N === 0) return { mean: NaN, sd: NaN, se: NaN, low: NaN, high: NaN, defined: 0 };
  let mean = 0;
  for (let i = 0; i < N; i++) mean += x[i]!;
  mean /= N;
  let ss = 0;
  for (let i = 0; i < N; i++) ss += (x[i]! - mean) ** 2;
  const sd = N > 1 ? Math.sqrt(ss / (N - 1)) : 0;
  // Successive draws of a Markov chain are correlated: the standard error comes from the spread
  // of the means of SE_BATCHES consecutive batches (batch means), not from sd / √N.
  let se = N > 1 ? sd / Math.sqrt(N) : 0;
  if (N >= 2 * SE_BATCHES) {
    let bm = 0;
    let bss = 0;
    const means = new Float64Array(SE_BATCHES);
    for (let b = 0; b < SE_BATCHES; b++) {
      const from = Math.floor((b * N) / SE_BATCHES);
      const to = Math.floor(((b + 1) * N) / SE_BATCHES);
      let s = 0;
      for (let i = from; i < to; i++) s += x[i]!;
      means[b] = s / (to - from);
      bm += means[b]! / SE_BATCHES;
    }
    for (let b = 0; b < SE_BATCHES; b++) bss += (means[b]! - bm) ** 2;
    se = Math.sqrt(bss / (SE_BATCHES - 1) / SE_BATCHES);
  }
  const sorted = Float64Array.from(x).sort();
  return { mean, sd, se, low: quantileSorted(sorted, 0.025), high: quantileSorted(sorted, 0.975), defined: N };
}

const eiOf = (E: number, I: number) => (E + I > 0 ? (E - I) / (E + I) : NaN);

/** E and I per sector from a G × G tie matrix (group_edge_count convention). */
function eiFromMatrix(m: Float64Array, G: number, E: Float64Array, I: Float64Array): void {
  E.fill(0);
  I.fill(0);
  for (let g = 0; g < G; g++) {
    for (let h = 0; h < G; h++) {
      const c = m[g * G + h]!;
      if (g === h) I[g] = I[g]! + c;
      else {
        E[g] = E[g]! + c;
        E[h] = E[h]! + c;
      }
    }
  }
}

/** Runs a progress generator to completion and returns its result. */
export function runToCompletion<T>(steps: Generator<number, T, unknown>): T {
  for (;;) {
    const s = steps.next();
    if (s.done) return s.value;
  }
}

/**
 * The two-mode null model as a generator: it yields progress fractions (0–1) about every
 * millisecond of work, so a worker can time-slice it and drop it when superseded, and returns the
 * result. `twoModeNull` runs it to completion.
 */
export function* twoModeNullSteps(
  data: TwoModeData,
  sectors: SectorLabels,
  options: TwoModeNullOptions = {},
): Generator<number, TwoModeNullResult, unknown> {
  const G = sectors.groupNames.length;
  const group = new Int32Array(data.n);
  for (let i = 0; i < data.n; i++) {
    const g = sectors.group[i]!;
    if (!(g >= 0 && g < G)) throw new RangeError(`organisation ${i} has sector code ${g}, not below ${G}`);
    group[i] = g;
  }
  const state = curveballState(data);
  const counter = makeCounter(state, group, G);
  const R = state.rows;
  const T = state.tradeable.length;
  const P = state.slots.length;
  let movable = 0;
  for (let r = 0; r < R; r++) movable += state.rowStart[r + 1]! - state.fixedEnd[r]!;
  const seed = options.seed ?? DEFAULT_NULL_SEED;
  const requestedDraws = Math.max(1, Math.floor(options.draws ?? DEFAULT_NULL_DRAWS));
  const workBudget = options.workBudget ?? DEFAULT_NULL_WORK_BUDGET;
  const minDraws = Math.max(1, Math.floor(options.minDraws ?? MIN_NULL_DRAWS));
  const triples = triplesOf(state);
  const canTrade = T >= 2;
  const burnIn = canTrade ? Math.max(0, Math.floor(options.burnIn ?? Math.max(MIN_BURN_IN, DEFAULT_BURN_IN_PER_ROW * T))) : 0;
  const thin = canTrade ? Math.max(0, Math.floor(options.thin ?? Math.max(MIN_THIN, DEFAULT_THIN_PER_ROW * T))) : 0;
  // Work units: a trade touches two rows; a draw visits every triple, and also sorts every row,
  // refills its per-organisation scratch and makes `thin` trades. On data of many tiny activities
  // that second part, not the triples, is the cost (200,000 organisations in pairs: 1,000 draws, 54 s).
  const tradeCost = T > 0 ? 2 * (P / Math.max(1, R)) + 2 : 1;
  const workPerDraw = Math.max(triples, data.n + P + thin * tradeCost);
  let draws = requestedDraws;
  if (workPerDraw * requestedDraws > workBudget) {
    draws = Math.min(requestedDraws, Math.max(minDraws, Math.floor(workBudget / Math.max(1, workPerDraw))));
  }

  // Observed counts: the unrandomised state under the same count.
  const PAIRS = (G * (G + 1)) / 2;
  const pairG = new Int32Array(PAIRS);
  const pairH = new Int32Array(PAIRS);
  for (let g = 0, k = 0; g < G; g++) {
    for (let h = g; h < G; h++, k++) {
      pairG[k] = g;
      pairH[k] = h;
    }
  }
  const mat = new Float64Array(G * G);
  const E = new Float64Array(G);
  const I = new Float64Array(G);
  const foldPairs = (into: Float64Array, offset: number) => {
    for (let k = 0; k < PAIRS; k++) {
      const g = pairG[k]!;
      const h = pairH[k]!;
      into[offset + k] = g === h ? mat[g * G + g]! : mat[g * G + h]! + mat[h * G + g]!;
    }
  };
  countTies(state, counter, mat);
  const observedPairs = new Float64Array(PAIRS);
  foldPairs(observedPairs, 0);
  eiFromMatrix(mat, G, E, I);
  const observedE = E.slice();
  const observedI = I.slice();

  // Progress: a draw visits every triple twice.
  const drawCost = 2 * triples + 2 * P + G * G + thin * tradeCost;
  const totalWork = burnIn * tradeCost + draws * drawCost;
  let done = 0;
  let sinceYield = 0;
  const rng = mulberry32(seed);

  // Burn-in, in chunks so the generator yields.
  const chunk = Math.max(1, Math.floor(YIELD_WORK / tradeCost));
  for (let t = 0; t < burnIn; t += chunk) {
    const k = Math.min(chunk, burnIn - t);
    curveballTrades(state, rng, k);
    done += k * tradeCost;
    yield totalWork > 0 ? done / totalWork : 0;
  }

  const pairDraws = new Float64Array(draws * PAIRS);
  const eiDraws = new Float64Array(draws * G);
  for (let d = 0; d < draws; d++) {
    if (d > 0) curveballTrades(state, rng, thin);
    countTies(state, counter, mat);
    foldPairs(pairDraws, d * PAIRS);
    eiFromMatrix(mat, G, E, I);
    for (let g = 0; g < G; g++) eiDraws[d * G + g] = eiOf(E[g]!, I[g]!);
    done += drawCost;
    sinceYield += drawCost;
    if (sinceYield >= YIELD_WORK && d + 1 < draws) {
      sinceYield = 0;
      yield done / totalWork;
    }
  }

  // Summaries.
  const members = new Int32Array(G);
  for (let i = 0; i < data.n; i++) if (counter.colOffsets[i + 1]! > counter.colOffsets[i]!) members[group[i]!]!++;
  const column = new Float64Array(draws);
  const pairs: SectorPairNull[] = [];
  for (let k = 0; k < PAIRS; k++) {
    for (let d = 0; d < draws; d++) column[d] = pairDraws[d * PAIRS + k]!;
    const s = summarise(column);
    const observed = observedPairs[k]!;
    const g = pairG[k]!;
    const h = pairH[k]!;
    let reason: SectorPairNull['reason'] = null;
    if (members[g] === 0 || members[h] === 0) reason = 'sector_absent';
    else if (observed === 0) reason = 'no_ties';
    else if (observed < s.low) reason = 'below_null';
    pairs.push({
      a: sectors.groupNames[g]!,
      b: sectors.groupNames[h]!,
      observed,
      expectedTwoMode: s.mean,
      sd: s.sd,
      se: s.se,
      low: s.low,
      high: s.high,
      p: monteCarloP(column, observed),
      missing: reason !== null,
      reason,
    });
  }
  const ei: SectorEINull[] = [];
  for (let g = 0; g < G; g++) {
    for (let d = 0; d < draws; d++) column[d] = eiDraws[d * G + g]!;
    const s = summarise(column);
    const obs = eiOf(observedE[g]!, observedI[g]!);
    const nullable = (x: number) => (s.defined > 0 && Number.isFinite(x) ? x : null);
    ei.push({
      sector: sectors.groupNames[g]!,
      members: members[g]!,
      observed: { E: observedE[g]!, I: observedI[g]!, EI: Number.isNaN(obs) ? null : obs },
      expected: nullable(s.mean),
      se: nullable(s.se),
      low: nullable(s.low),
      high: nullable(s.high),
      p: s.defined > 0 && !Number.isNaN(obs) ? monteCarloP(column, obs) : null,
    });
  }
  return {
    sectors: [...sectors.groupNames],
    pairs,
    ei,
    draws,
    requestedDraws,
    reduced: draws < requestedDraws,
    seed,
    burnIn,
    thin,
    trades: burnIn + Math.max(0, draws - 1) * thin,
    rows: R,
    tradeableRows: T,
    participations: P,
    movable,
    triplesPerDraw: triples,
    workPerDraw,
    workBudget,
  };
}

/** The two-mode null model, run to completion (see `twoModeNullSteps`). */
export function twoModeNull(data: TwoModeData, sectors: SectorLabels, options: TwoModeNullOptions = {}): TwoModeNullResult {
  return runToCompletion(twoModeNullSteps(data, sectors, options));
}

/** The entry of a sector pair (in either order), or undefined. */
export function sectorPair(result: TwoModeNullResult, a: string, b: string): SectorPairNull | undefined {
  return result.pairs.find((p) => (p.a === a && p.b === b) || (p.a === b && p.b === a));
}

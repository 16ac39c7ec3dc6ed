/**
 * Stable communities: consensus clustering over many Louvain runs.
 *
 * One seeded Louvain run (clusters.ts) is a single draw from a very flat modularity landscape: on
 * the CORDIS SC1 subset two seeds agree only at ARI 0.24–0.46, renaming the ids changes the
 * partition, and a community can come out as two disconnected pieces. Here:
 *
 * 1. Consensus clustering (Lancichinetti & Fortunato 2012, "Consensus clustering in complex
 *    networks", Sci. Rep. 2:336): run Louvain n_p times (graphology-communities-louvain, each run
 *    with its own seed and its own random node order), weigh every pair by the fraction of runs that
 *    put it in one community, drop pairs below τ, and cluster that consensus graph again, until the
 *    runs agree or a cap is reached.
 *    The consensus matrix is restricted to the graph's own ties, as in the "fast consensus" variant
 *    (Tandon, Albeshri, Thayananthan, Alhalabi & Fortunato 2019, "Fast consensus clustering in
 *    complex networks", Phys. Rev. E 99:042301): O(m) per round instead of O(n²). Unlike Tandon et
 *    al. we do not close random triads (add non-tie pairs), so a community can never gain a tie that
 *    the network does not have. As they do, a node whose ties all fall below τ keeps its strongest
 *    one, and the loop stops when fewer than δ of the remaining ties have a weight strictly between 0
 *    and 1; the final partition is one more Louvain run on the last consensus graph.
 * 2. Every community is split into its connected components (in the original network), so no
 *    community is ever disconnected.
 * 3. Stability per community: the mean co-assignment of its member pairs over the first-round runs
 *    (which cluster the network itself), computed exactly from per-run contingency counts.
 * 4. Weighted Newman modularity (Newman 2004, Phys. Rev. E 70:056131; with resolution γ as in
 *    Reichardt & Bornholdt 2006), equal to `networkx.community.modularity`.
 * 5. Numbering by size (largest = 1, ties by smallest member id), deterministic for a seed.
 *
 * The number of runs adapts to the graph's size under a deterministic work budget (ties + nodes
 * visited per run), so the same seed always gives the same partition and the whole of H2020 stays
 * within seconds. The loop is a generator yielding progress fractions, for the time-sliced worker.
 *
 * The Louvain runs use graphology-communities-louvain on a read-only adapter over the typed arrays
 * (`louvainView`) instead of a graphology copy: building a graphology graph of H2020's 800k ties
 * takes 3–15 s, longer than all the runs together, and the adapter makes a fresh node order per run
 * free. The adapter offers exactly what the library's undirected path reads (see the test that
 * compares it with a real graphology Graph built in the same order).
 */
import louvain from 'graphology-communities-louvain';
import { renumberBySize, type Partition } from './clusters';
import type { Csr } from './csr';
import { mulberry32 } from './prng';

export interface ConsensusOptions {
  /** Seed of every random choice (run seeds and node orders); default 42. */
  seed?: number;
  /** Louvain resolution γ (also used on the consensus graphs); default 1. */
  resolution?: number;
  /**
   * Consensus threshold τ: ties co-assigned in fewer than this fraction of runs are dropped; default
   * 0.7. Measured on CORDIS SC1 with 64 first-round runs: τ = 0.5 leaves the largest communities at
   * coin-flip stability (0.45–0.5) and reproduces worse under renaming (ARI 0.76–0.80 vs 0.81–0.83);
   * with 32 runs, τ = 0.2 (Tandon et al.'s example for Louvain) gave 0.67–0.76 against 0.81–0.82.
   * A higher τ gives more, smaller communities (SC1: about 155 at 0.7, 65 at 0.5) and a slightly
   * lower modularity (0.380 vs 0.398).
   */
  tau?: number;
  /** Stop when fewer than this fraction of the consensus ties are not 0/1; default 0.02 (Tandon et al.). */
  delta?: number;
  /** Runs per round; default: as many as the work budget allows, between `minRuns` and `maxRuns`. */
  runs?: number;
  /** Default 4. */
  minRuns?: number;
  /** Default 64. */
  maxRuns?: number;
  /** Runs per round after the first (which clusters the network itself); default 16. */
  laterRuns?: number;
  /** Maximum consensus rounds; default 10. */
  maxRounds?: number;
  /**
   * Work budget in (ties + nodes) per run, summed over all runs; default 8e6: all of H2020 (832k per
   * run) gets 5 first-round runs in about 4–5 s, the SC1 subset (71k per run) the full `maxRuns`.
   * Deterministic, unlike a time budget: the same seed gives the same partition on every machine.
   */
  workBudget?: number;
  /** Random node insertion order per run (true, default) or sorted id order for every run. */
  shuffleOrder?: boolean;
  /**
   * Runs some of the first round's Louvain runs elsewhere (another worker) meanwhile; the result is
   * the same, as every run depends only on its seed. Not used when absent.
   */
  elsewhere?: LouvainElsewhere;
  /**
   * Fraction of the first round's runs sent `elsewhere` (rounded up); default 0.5. Less when that
   * thread has stages of its own to run (the command line's helper).
   */
  elsewhereShare?: number;
  /**
   * Sends the same share of every later round's runs `elsewhere` too (on its consensus graph), for
   * a thread that has nothing else to do meanwhile (the browser's helper, while the map waits for
   * the communities). Default false: the command line's helper starts its own stages after the
   * first round, and runs asked of it then would wait for them.
   */
  elsewhereEveryRound?: boolean;
}

/**
 * Starts Louvain runs elsewhere (`louvainRuns` on another thread) and returns a poll: the labels
 * of every run in seed order once all are done, null while they run, 'failed' when they cannot be
 * done there (they are then run here).
 */
export type LouvainElsewhere = (
  edges: EdgeList,
  seeds: readonly number[],
  options: { resolution: number; shuffle: boolean },
) => () => Int32Array[] | null | 'failed';

/** What the consensus generator yields while it waits for runs done elsewhere (not a progress fraction). */
export const AWAITING_ELSEWHERE = -1;

export interface CommunityInfo {
  /** 1-based; 1 is the largest community. */
  id: number;
  size: number;
  /**
   * Mean over member pairs of the fraction of first-round runs that put the pair in one community;
   * null for a single-member community (no pairs).
   */
  stability: number | null;
}

export interface ConsensusResult extends Partition {
  communities: CommunityInfo[];
  /** Weighted modularity at `resolution`; null when the graph has no ties. */
  modularity: number | null;
  /** Weighted modularity at resolution 1. */
  modularityAt1: number | null;
  resolution: number;
  seed: number;
  tau: number;
  delta: number;
  /** Louvain runs per consensus round (the final single run not included). */
  runsPerRound: number[];
  /** Ties of the graph each round clustered (the network, then each consensus graph). */
  tiesPerRound: number[];
  /** All Louvain runs, the final one included. */
  totalRuns: number;
  /** True when the last round's runs agreed (non-0/1 fraction < δ); false when a cap stopped it. */
  converged: boolean;
  /** Fraction of the last consensus graph's ties with a weight strictly between 0 and 1. */
  undecidedFraction: number;
  /** Communities of the final Louvain run that were split into connected components. */
  splitCommunities: number;
  /** Work spent, in (ties + nodes) visited. */
  work: number;
}

/** An undirected weighted edge list over nodes 0..n-1 (u < v, no self-loops). */
export interface EdgeList {
  n: number;
  m: number;
  u: Int32Array;
  v: Int32Array;
  w: Float64Array;
}

/**
 * A read-only stand-in for a graphology Graph, holding only what graphology-communities-louvain
 * 2.x reads for an undirected graph (isGraph's duck-typing, `type`, `order`, `size`,
 * `selfLoopCount`, `forEachNode`, `undirectedDegreeWithoutSelfLoops`, `forEachEdge`). Nodes are
 * visited in `order`; the node keys are the node indices as numbers (the library keeps them as
 * property names, so its result reads like string keys "0", "1", …, but indexing its map with numbers
 * made the runs about 10% faster on H2020); the edge key passed to the weight getter is the edge index.
 */
export function louvainView(edges: EdgeList, order: Int32Array) {
  const degree = new Int32Array(edges.n);
  for (let e = 0; e < edges.m; e++) {
    degree[edges.u[e]!]!++;
    degree[edges.v[e]!]!++;
  }
  const readOnly = () => {
    throw new Error('louvainView is read-only');
  };
  return {
    type: 'undirected' as const,
    multi: false,
    order: edges.n,
    size: edges.m,
    selfLoopCount: 0,
    addUndirectedEdgeWithKey: readOnly,
    dropNode: readOnly,
    setNodeAttribute: readOnly,
    forEachNode(callback: (node: number) => void): void {
      for (let p = 0; p < edges.n; p++) callback(order[p]!);
    },
    undirectedDegreeWithoutSelfLoops(node: number): number {
      return degree[node]!;
    },
    forEachEdge(callback: (edge: number, attributes: undefined, source: number, target: number) => void): void {
      for (let e = 0; e < edges.m; e++) callback(e, undefined, edges.u[e]!, edges.v[e]!);
    },
  };
}

/** One Louvain run of the library on an edge list; returns a community label per node. */
function runLouvain(
  edges: EdgeList,
  order: Int32Array,
  resolution: number,
  rng: () => number,
): Int32Array {
  const labels = new Int32Array(edges.n);
  if (edges.m === 0) {
    for (let i = 0; i < edges.n; i++) labels[i] = i;
    return labels;
  }
  const w = edges.w;
  const view = louvainView(edges, order);
  // The library's types want a graphology Graph; the view has every member it reads.
  const communities = louvain(view as unknown as Parameters<typeof louvain>[0], {
    getEdgeWeight: ((edge: number) => w[edge]!) as unknown as 'weight',
    resolution,
    rng,
  });
  for (let i = 0; i < edges.n; i++) labels[i] = communities[i]!;
  return labels;
}

/** A uniformly random permutation of 0..n-1 (Fisher–Yates). */
function shuffled(n: number, rng: () => number): Int32Array {
  const p = new Int32Array(n);
  for (let i = 0; i < n; i++) p[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const t = p[i]!;
    p[i] = p[j]!;
    p[j] = t;
  }
  return p;
}

/** One Louvain run per seed, each with its own rng and (when `shuffle`) node order, as the consensus draws them. */
export function louvainRuns(edges: EdgeList, seeds: readonly number[], options: { resolution: number; shuffle: boolean }): Int32Array[] {
  return seeds.map((seed) => louvainRun(edges, seed, options.resolution, options.shuffle));
}

function louvainRun(edges: EdgeList, runSeed: number, resolution: number, shuffle: boolean): Int32Array {
  let order: Int32Array;
  if (shuffle) order = shuffled(edges.n, mulberry32(runSeed ^ 0x5bd1e995));
  else {
    order = new Int32Array(edges.n);
    for (let i = 0; i < edges.n; i++) order[i] = i;
  }
  return runLouvain(edges, order, resolution, mulberry32(runSeed));
}

/**
 * Splits every community of `labels` into its connected components in `csr` (BFS that only follows
 * ties inside a community). Returns the component label per node and how many communities split.
 */
export function splitIntoComponents(csr: Csr, labels: ArrayLike<number>): { labels: Int32Array; split: number } {
  const { n, offsets, targets } = csr;
  const comp = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  let count = 0;
  // pieces[c]: components found for original community c (labels may be any non-negative ints).
  const pieces = new Map<number, number>();
  for (let s = 0; s < n; s++) {
    if (comp[s] !== -1) continue;
    const c = labels[s]!;
    pieces.set(c, (pieces.get(c) ?? 0) + 1);
    comp[s] = count;
    let head = 0;
    let tail = 0;
    queue[tail++] = s;
    while (head < tail) {
      const x = queue[head++]!;
      for (let p = offsets[x]!, end = offsets[x + 1]!; p < end; p++) {
        const y = targets[p]!;
        if (comp[y] === -1 && labels[y] === c) {
          comp[y] = count;
          queue[tail++] = y;
        }
      }
    }
    count++;
  }
  let split = 0;
  for (const k of pieces.values()) if (k > 1) split++;
  return { labels: comp, split };
}

/**
 * Weighted Newman modularity with resolution γ:
 *   Q = Σ_c [ W_c / W − γ (S_c / 2W)² ],
 * W = total tie weight, W_c = weight of ties inside c, S_c = summed strength of c's members. This is
 * `networkx.community.modularity(G, communities, weight="weight", resolution=γ)`. Null without ties.
 */
export function modularity(csr: Csr, of: ArrayLike<number>, resolution = 1): number | null {
  const { n, m, edgeU, edgeV, edgeW, strength } = csr;
  let count = 0;
  for (let i = 0; i < n; i++) if (of[i]! + 1 > count) count = of[i]! + 1;
  const inside = new Float64Array(count);
  const total = new Float64Array(count);
  let W = 0;
  for (let e = 0; e < m; e++) {
    W += edgeW[e]!;
    const c = of[edgeU[e]!]!;
    if (c === of[edgeV[e]!]) inside[c] = inside[c]! + edgeW[e]!;
  }
  if (!(W > 0)) return null;
  for (let i = 0; i < n; i++) total[of[i]!] = total[of[i]!]! + strength[i]!;
  let q = 0;
  for (let c = 0; c < count; c++) {
    const s = total[c]! / (2 * W);
    q += inside[c]! / W - resolution * s * s;
  }
  return q;
}

/**
 * Adjusted Rand index (Hubert & Arabie 1985, "Comparing partitions", J. Classif. 2:193–218) of two
 * labelings of the same items: (index − expected) / (max − expected) over pair counts of the
 * contingency table. Labels can be any integers. 1 when both partitions are the same trivial one
 * (all together or all apart) or fewer than two items, as in scikit-learn.
 */
export function adjustedRandIndex(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  if (b.length !== n) throw new Error('adjustedRandIndex: labelings differ in length');
  if (n < 2) return 1;
  const da = denseLabels(a);
  const db = denseLabels(b);
  const choose2 = (x: number) => (x * (x - 1)) / 2;
  const rowSum = new Float64Array(da.count);
  const colSum = new Float64Array(db.count);
  for (let i = 0; i < n; i++) {
    rowSum[da.labels[i]!]!++;
    colSum[db.labels[i]!]!++;
  }
  // Contingency cells via a sort of the combined key (at most n distinct cells).
  const key = new Float64Array(n);
  for (let i = 0; i < n; i++) key[i] = da.labels[i]! * db.count + db.labels[i]!;
  key.sort();
  let index = 0;
  let run = 1;
  for (let i = 1; i <= n; i++) {
    if (i < n && key[i] === key[i - 1]) run++;
    else {
      index += choose2(run);
      run = 1;
    }
  }
  let sa = 0;
  let sb = 0;
  for (let r = 0; r < da.count; r++) sa += choose2(rowSum[r]!);
  for (let c = 0; c < db.count; c++) sb += choose2(colSum[c]!);
  const expected = (sa * sb) / choose2(n);
  const max = (sa + sb) / 2;
  if (max === expected) return 1;
  return (index - expected) / (max - expected);
}

/** Relabels arbitrary integer labels to 0..count-1 in order of first appearance. */
function denseLabels(x: ArrayLike<number>): { labels: Int32Array; count: number } {
  const map = new Map<number, number>();
  const labels = new Int32Array(x.length);
  for (let i = 0; i < x.length; i++) {
    let l = map.get(x[i]!);
    if (l === undefined) map.set(x[i]!, (l = map.size));
    labels[i] = l;
  }
  return { labels, count: map.size };
}

/**
 * Stability of every community of `of` (count communities): for each, the mean over its member
 * pairs of the fraction of `runs` that co-assign the pair. Per run, Σ over the run's communities c'
 * of C(n_{c,c'}, 2) counts the co-assigned pairs of c exactly (n_{c,c'} = members of c in c'), so no
 * pair is enumerated: O(n) per run.
 */
export function communityStability(of: Int32Array, count: number, runs: readonly Int32Array[]): (number | null)[] {
  const n = of.length;
  const size = new Float64Array(count);
  for (let i = 0; i < n; i++) size[of[i]!]!++;
  const together = new Float64Array(count);
  const cell = new Int32Array(count);
  const touched = new Int32Array(count);
  const byLabel = new Int32Array(n);
  const start = new Int32Array(n + 1);
  for (const labels of runs) {
    // Group nodes by the run's label (labels are < n for the library's output; dense otherwise).
    const dense = denseLabels(labels);
    start.fill(0);
    for (let i = 0; i < n; i++) start[dense.labels[i]! + 1]!++;
    for (let l = 0; l < dense.count; l++) start[l + 1] = start[l + 1]! + start[l]!;
    const fill = start.slice(0, dense.count);
    for (let i = 0; i < n; i++) byLabel[fill[dense.labels[i]!]!++] = i;
    for (let l = 0; l < dense.count; l++) {
      let t = 0;
      for (let p = start[l]!; p < start[l + 1]!; p++) {
        const c = of[byLabel[p]!]!;
        if (cell[c] === 0) touched[t++] = c;
        cell[c]!++;
      }
      for (let q = 0; q < t; q++) {
        const c = touched[q]!;
        const k = cell[c]!;
        together[c] = together[c]! + (k * (k - 1)) / 2;
        cell[c] = 0;
      }
    }
  }
  const out: (number | null)[] = new Array<number | null>(count);
  for (let c = 0; c < count; c++) {
    const pairs = (size[c]! * (size[c]! - 1)) / 2;
    out[c] = pairs > 0 && runs.length > 0 ? together[c]! / (pairs * runs.length) : null;
  }
  return out;
}

function clampInt(x: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, Math.floor(x)));
}

/**
 * The consensus clustering as a generator: yields progress fractions in [0, 1] after every Louvain
 * run and returns the result. Run it with `consensusCommunities` or time-slice it in a worker.
 */
export function* consensusCommunitySteps(csr: Csr, options: ConsensusOptions = {}): Generator<number, ConsensusResult, void> {
  const seed = options.seed ?? 42;
  const resolution = options.resolution ?? 1;
  const tau = options.tau ?? 0.7;
  const delta = options.delta ?? 0.02;
  const minRuns = Math.max(1, Math.floor(options.minRuns ?? 4));
  const maxRuns = Math.max(minRuns, Math.floor(options.maxRuns ?? 64));
  const laterRuns = Math.max(1, Math.floor(options.laterRuns ?? 16));
  const maxRounds = Math.max(1, Math.floor(options.maxRounds ?? 10));
  const budget = options.workBudget ?? 8e6;
  const shuffle = options.shuffleOrder ?? true;
  const { n } = csr;

  // One stream of run seeds; each run draws its own Louvain rng and node order from its seed.
  const seeds = mulberry32(seed);
  const nextSeed = () => Math.floor(seeds() * 4294967296);

  let edges: EdgeList = { n, m: csr.m, u: csr.edgeU, v: csr.edgeV, w: csr.edgeW };
  const firstRuns: Int32Array[] = [];
  const runsPerRound: number[] = [];
  const tiesPerRound: number[] = [];
  let work = 0;
  let converged = false;
  let undecided = 1;
  const progress = () => Math.min(0.99, work / budget);

  let firstRoundRuns = 0;
  for (let round = 0; round < maxRounds && edges.m > 0; round++) {
    const unit = edges.m + n;
    // The first round (runs on the network itself) decides the consensus: on CORDIS SC1, stopping
    // after it gives partitions as reproducible as iterating on (seed ARI 0.84–0.88 either way),
    // while its number of runs sets that reproducibility (τ = 0.5: rename ARI 0.69–0.77 at 32 runs,
    // 0.85–0.87 at 96). So it may spend 60% of the budget; later rounds only check and clean up the
    // consensus and get at most half of what is left and no more than `laterRuns` runs. A fixed
    // `runs` overrides all this.
    let np: number;
    if (options.runs !== undefined) np = Math.max(1, Math.floor(options.runs));
    else if (round === 0) np = clampInt((0.6 * budget) / unit, minRuns, maxRuns);
    else {
      np = clampInt((budget - work) / (2 * unit), 0, Math.min(maxRuns, laterRuns, firstRoundRuns));
      if (np < Math.min(minRuns, firstRoundRuns)) break; // budget spent: keep the last consensus graph
    }
    if (round === 0) firstRoundRuns = np;
    const together = new Int32Array(edges.m);
    const count = (labels: Int32Array) => {
      if (round === 0) firstRuns.push(labels);
      for (let e = 0; e < edges.m; e++) if (labels[edges.u[e]!] === labels[edges.v[e]!]) together[e]!++;
      work += unit;
    };
    // A round's runs are independent: with somewhere else to run them, a share goes there (by
    // default half, the odd one too: this thread also counts and reports; later rounds only when
    // asked). The seeds are drawn in the same order, and the counts and stability do not depend on
    // the order the runs are added in, so the partition is the same.
    const sendAway = options.elsewhere && (round === 0 || options.elsewhereEveryRound);
    const away = sendAway ? Math.min(np, Math.ceil(np * (options.elsewhereShare ?? 0.5))) : 0;
    const runSeeds = Array.from({ length: np }, nextSeed);
    const poll = away > 0 ? options.elsewhere!(edges, runSeeds.slice(np - away), { resolution, shuffle }) : null;
    for (let r = 0; r < np - away; r++) {
      count(louvainRun(edges, runSeeds[r]!, resolution, shuffle));
      yield progress();
    }
    if (poll) {
      let theirs = poll();
      while (theirs === null) {
        yield AWAITING_ELSEWHERE;
        theirs = poll();
      }
      if (theirs === 'failed') theirs = louvainRuns(edges, runSeeds.slice(np - away), { resolution, shuffle });
      for (const labels of theirs) count(labels);
      yield progress();
    }
    runsPerRound.push(np);
    tiesPerRound.push(edges.m);
    // The consensus graph: the ties co-assigned in at least τ of the runs, weighted by that fraction;
    // a node that would lose all its ties keeps its most co-assigned one (Tandon et al.).
    const keep = new Uint8Array(edges.m);
    const best = new Int32Array(n).fill(-1);
    const hasKept = new Uint8Array(n);
    for (let e = 0; e < edges.m; e++) {
      const d = together[e]! / np;
      const a = edges.u[e]!;
      const b = edges.v[e]!;
      if (d >= tau && d > 0) {
        keep[e] = 1;
        hasKept[a] = 1;
        hasKept[b] = 1;
      }
      // Strongest tie per endpoint; edges are sorted by (u, v), so the first max wins = smallest pair.
      if (together[e]! > 0) {
        if (best[a] === -1 || together[e]! > together[best[a]!]!) best[a] = e;
        if (best[b] === -1 || together[e]! > together[best[b]!]!) best[b] = e;
      }
    }
    for (let i = 0; i < n; i++) if (!hasKept[i] && best[i]! >= 0) keep[best[i]!] = 1;
    let m2 = 0;
    let fractional = 0;
    for (let e = 0; e < edges.m; e++) {
      if (!keep[e]) continue;
      m2++;
      if (together[e]! < np) fractional++;
    }
    const u2 = new Int32Array(m2);
    const v2 = new Int32Array(m2);
    const w2 = new Float64Array(m2);
    let k = 0;
    for (let e = 0; e < edges.m; e++) {
      if (!keep[e]) continue;
      u2[k] = edges.u[e]!;
      v2[k] = edges.v[e]!;
      w2[k] = together[e]! / np;
      k++;
    }
    edges = { n, m: m2, u: u2, v: v2, w: w2 };
    undecided = m2 > 0 ? fractional / m2 : 0;
    if (undecided < delta) {
      converged = true;
      break;
    }
  }
  if (csr.m === 0) converged = true;

  // Final partition: one more run on the last consensus graph (Tandon et al.), then components.
  const finalLabels = louvainRun(edges, nextSeed(), resolution, shuffle);
  work += edges.m + n;
  const { labels: pieces, split } = splitIntoComponents(csr, finalLabels);
  const partition = renumberBySize(pieces, n);
  const stability = communityStability(partition.of, partition.count, firstRuns);
  const size = new Int32Array(partition.count);
  for (let i = 0; i < n; i++) size[partition.of[i]!]!++;
  const communities: CommunityInfo[] = [];
  for (let c = 0; c < partition.count; c++) communities.push({ id: c + 1, size: size[c]!, stability: stability[c]! });
  yield 1;
  return {
    ...partition,
    communities,
    modularity: modularity(csr, partition.of, resolution),
    modularityAt1: modularity(csr, partition.of, 1),
    resolution,
    seed,
    tau,
    delta,
    runsPerRound,
    tiesPerRound,
    totalRuns: runsPerRound.reduce((s, x) => s + x, 0) + 1,
    converged,
    undecidedFraction: undecided,
    splitCommunities: split,
    work,
  };
}

/** Runs `consensusCommunitySteps` to completion. */
export function consensusCommunities(csr: Csr, options: ConsensusOptions = {}): ConsensusResult {
  const steps = consensusCommunitySteps(csr, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Betweenness with an error indication: exact below a size limit, otherwise pivot-sampled
 * (Brandes & Pich 2007, "Centrality estimation in large networks") in batches until the top of the
 * ranking settles, with a standard error per organisation. Built on the exact Brandes code of
 * betweenness.ts (`accumulateDependencies`, `rescaleBetweenness`, NetworkX 3.6 scaling). No
 * JavaScript library estimates betweenness with an error bar; this file does.
 *
 * Sampling rule. Pivots (BFS sources) are a random permutation of the nodes (mulberry32(seed)),
 * used in batches of `batchSize`. After at least `minBatches` batches, sampling stops as soon as
 * the top-`top` ranking (node order by estimate, ties by index) came out the same after
 * `stableBatches` + 1 successive batches, i.e. `stableBatches` new batches did not change it. It also
 * stops at the work budget: pivots × (n + 2m) ≤ `workBudget` (one BFS visits every node and arc),
 * which caps the time on large graphs, or when every node has been a pivot (then the values are
 * exact). So the number of pivots follows how hard the ranking is to settle, up to a budget
 * that shrinks as the graph grows (measured: 1,000–1,600 pivots for a 6,800-organisation synthetic
 * network, where exact takes 4–5 times longer; the top 10 then holds 9–10 of the exact top 10).
 *
 * Error. Pivots are processed in groups of `groupSize` (5); each group gives its own estimate (its
 * sums rescaled by its own pivots, as NetworkX's `_rescale` does for the whole sample). Pivots are
 * drawn independently of each other (unlike successive draws of a Markov chain), so the groups are
 * exchangeable and the standard error of the overall estimate is the batch-means one with the
 * finite-population correction for sampling without replacement:
 *   se = sqrt(s²_group / G · (1 − k / n)),
 * with s²_group the variance between the G group estimates and k the pivots used; 0 when k = n.
 * The variance estimate is unbiased (checked against the exact per-source variance on random and
 * preferential-attachment graphs), but a node whose betweenness comes from a few sources has a
 * skewed dependency distribution, and its se is then itself noisy and more often too small than
 * too large: on collaboration networks about 80–96 % of the organisations are within 2 se of the
 * exact value, not 95 % (on a sparse preferential-attachment graph only 60–70 %). A zero se with a positive value means every group saw the same value.
 *
 * The budget is in BFS work, not in milliseconds, so the result depends on the seed only.
 */
import { accumulateDependencies, DEFAULT_EXACT_BETWEENNESS_MAX_NODES, dependencyScratch, rescaleBetweenness } from './betweenness';
import type { Csr } from './csr';
import { mulberry32, sampleWithoutReplacement } from './prng';

/** Pivots between two looks at the ranking. */
export const DEFAULT_BATCH_SIZE = 50;
/** Pivots per group for the error: small groups give many degrees of freedom. */
export const DEFAULT_GROUP_SIZE = 5;
/** At least this many batches before the ranking may stop the sampling. */
export const DEFAULT_MIN_BATCHES = 10;
/** Batches in a row that must leave the top ranking unchanged. */
export const DEFAULT_STABLE_BATCHES = 2;
export const DEFAULT_TOP = 10;
/**
 * Default work budget in BFS node + arc visits (pivots × (n + 2m)). Measured on Node 20 with 2
 * shared cores: 6–16 ns per visit depending on load, so 3e8 is about 2–5 s. The synthetic national
 * network (17,000 organisations, 300,000 ties) gets up to 487 pivots; all of H2020 (35,871
 * organisations, 796,670 ties) 184, each organisation's value with its standard error (was 6e8:
 * 974 and 368 pivots, about twice the time for errors about √2 smaller).
 */
export const DEFAULT_BETWEENNESS_WORK_BUDGET = 3e8;
/** BFS node + arc visits between two yields of the generator (about 10 ms). */
const YIELD_WORK = 2_000_000;

export interface SampledBetweennessOptions {
  /** Exact (every node a pivot) up to this many nodes; default as betweenness.ts (5,000). */
  exactMaxNodes?: number;
  seed?: number;
  normalized?: boolean;
  batchSize?: number;
  minBatches?: number;
  stableBatches?: number;
  /** Pivots per group for the standard error (a divisor of batchSize is best); default 5. */
  groupSize?: number;
  /** Compare the top as a set (membership) rather than an ordered ranking. */
  stableSet?: boolean;
  /** Size of the ranking that must settle; default 10. */
  top?: number;
  /** Max pivots × (n + 2m). */
  workBudget?: number;
  /** Hard cap on pivots (default n). */
  maxSamples?: number;
}

export interface SampledBetweennessResult {
  /** Per node index (NetworkX 3.6 scaling, see betweenness.ts). */
  values: Float64Array;
  /** Standard error of each value; all 0 when exact. */
  stderr: Float64Array;
  /** Pivots used (n when exact). */
  samples: number;
  /** Batches of pivots (in exact mode: the chunks the work was cut into). */
  batches: number;
  estimated: boolean;
  normalized: boolean;
  /** Why sampling stopped. */
  stop: 'exact' | 'stable' | 'budget' | 'all_pivots';
  /** The top ranking at the end (node indices, highest first). */
  top: Int32Array;
}

/** The `k` nodes with the highest values (ties by lower index), highest first. O(n k). */
export function topNodes(values: Float64Array, k: number): Int32Array {
  const take = Math.min(k, values.length);
  const idx = new Int32Array(take);
  let size = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i]!;
    if (size === take && !(x > values[idx[take - 1]!]!)) continue;
    // Insert i keeping the list sorted by value desc, index asc (i is larger than every index held).
    let p = size < take ? size++ : take - 1;
    while (p > 0 && x > values[idx[p - 1]!]!) {
      idx[p] = idx[p - 1]!;
      p--;
    }
    idx[p] = i;
  }
  return idx;
}

/** Same nodes in the same order; with `asSet`, the same nodes in any order. */
function sameRanking(a: Int32Array | null, b: Int32Array, asSet: boolean): boolean {
  if (a === null || a.length !== b.length) return false;
  if (!asSet) return a.every((x, i) => x === b[i]);
  const x = Int32Array.from(a).sort();
  const y = Int32Array.from(b).sort();
  return x.every((v, i) => v === y[i]);
}

/**
 * The estimate as a generator: yields progress fractions (0–1) about every 10 ms of work and
 * returns the result; `sampledBetweenness` runs it to completion.
 */
export function* sampledBetweennessSteps(csr: Csr, options: SampledBetweennessOptions = {}): Generator<number, SampledBetweennessResult, unknown> {
  const n = csr.n;
  const normalized = options.normalized ?? true;
  const top = Math.max(1, Math.floor(options.top ?? DEFAULT_TOP));
  const bfsCost = n + 2 * csr.m;
  const perYield = Math.max(1, Math.floor(YIELD_WORK / Math.max(1, bfsCost)));
  const scratch = dependencyScratch(csr);

  if (n <= (options.exactMaxNodes ?? DEFAULT_EXACT_BETWEENNESS_MAX_NODES)) {
    const sum = new Float64Array(n);
    const all = new Int32Array(n);
    for (let i = 0; i < n; i++) all[i] = i;
    let chunks = 0;
    for (let from = 0; from < n; from += perYield) {
      const raw = accumulateDependencies(csr, all.subarray(from, Math.min(n, from + perYield)), undefined, scratch);
      for (let i = 0; i < n; i++) sum[i] = sum[i]! + raw[i]!;
      chunks++;
      if (from + perYield < n) yield (from + perYield) / n;
    }
    const values = rescaleBetweenness(sum, n, normalized, null);
    return { values, stderr: new Float64Array(n), samples: n, batches: chunks, estimated: false, normalized, stop: 'exact', top: topNodes(values, top) };
  }

  const batchSize = Math.max(2, Math.floor(options.batchSize ?? DEFAULT_BATCH_SIZE));
  const groupSize = Math.max(2, Math.min(batchSize, Math.floor(options.groupSize ?? DEFAULT_GROUP_SIZE)));
  const minBatches = Math.max(2, Math.floor(options.minBatches ?? DEFAULT_MIN_BATCHES));
  const stableBatches = Math.max(1, Math.floor(options.stableBatches ?? DEFAULT_STABLE_BATCHES));
  const budget = options.workBudget ?? DEFAULT_BETWEENNESS_WORK_BUDGET;
  // Pivots allowed: the budget, but never fewer than two batches (the error needs them).
  let maxSamples = Math.min(n, Math.floor(options.maxSamples ?? n));
  maxSamples = Math.min(maxSamples, Math.max(2 * batchSize, Math.floor(budget / Math.max(1, bfsCost))));
  maxSamples = Math.max(Math.min(n, 2), maxSamples);
  const pivots = sampleWithoutReplacement(mulberry32(options.seed ?? 42), n, maxSamples);

  const sumRaw = new Float64Array(n);
  const groupRaw = new Float64Array(n);
  // Welford running mean and sum of squared deviations of the group estimates, per node.
  const meanEst = new Float64Array(n);
  const m2Est = new Float64Array(n);
  let groups = 0;
  let used = 0;
  let batches = 0;
  let previous: Int32Array | null = null;
  let unchanged = 0;
  let stop: SampledBetweennessResult['stop'] = 'budget';
  let sinceYield = 0;
  while (used < maxSamples) {
    const end = Math.min(maxSamples, used + batchSize);
    for (let from = used; from < end; from += groupSize) {
      const to = Math.min(end, from + groupSize);
      const group = pivots.subarray(from, to);
      const raw = accumulateDependencies(csr, group, undefined, scratch);
      for (let i = 0; i < n; i++) {
        groupRaw[i] = raw[i]!;
        sumRaw[i] = sumRaw[i]! + raw[i]!;
      }
      // This group's own estimate, for the error (a short last group is left out of it).
      if (to - from === groupSize) {
        const est = rescaleBetweenness(groupRaw, n, normalized, group);
        groups++;
        for (let i = 0; i < n; i++) {
          const x = est[i]!;
          const d = x - meanEst[i]!;
          meanEst[i] = meanEst[i]! + d / groups;
          m2Est[i] = m2Est[i]! + d * (x - meanEst[i]!);
        }
      }
      sinceYield += (to - from) * bfsCost;
      if (sinceYield >= YIELD_WORK) {
        sinceYield = 0;
        yield to / maxSamples;
      }
    }
    used = end;
    batches++;
    if (used === n) {
      stop = 'all_pivots';
      break;
    }
    const ranking = topNodes(rescaleBetweenness(sumRaw, n, normalized, pivots.subarray(0, used)), top);
    unchanged = sameRanking(previous, ranking, options.stableSet ?? false) ? unchanged + 1 : 0;
    previous = ranking;
    if (batches >= minBatches && unchanged >= stableBatches) {
      stop = 'stable';
      break;
    }
  }
  const values = rescaleBetweenness(sumRaw, n, normalized, used === n ? null : pivots.subarray(0, used));
  const stderr = new Float64Array(n);
  if (used < n && groups >= 2) {
    const fpc = 1 - used / n;
    for (let i = 0; i < n; i++) stderr[i] = Math.sqrt((m2Est[i]! / (groups - 1) / groups) * fpc);
  }
  return {
    values,
    stderr,
    samples: used,
    batches,
    estimated: used < n,
    normalized,
    stop,
    top: topNodes(values, top),
  };
}

/** Betweenness with standard errors, run to completion (see `sampledBetweennessSteps`). */
export function sampledBetweenness(csr: Csr, options: SampledBetweennessOptions = {}): SampledBetweennessResult {
  const steps = sampledBetweennessSteps(csr, options);
  for (;;) {
    const s = steps.next();
    if (s.done) return s.value;
  }
}

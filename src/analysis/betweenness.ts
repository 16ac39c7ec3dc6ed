/**
 * Hop-count betweenness centrality on the CSR graph.
 *
 * Exact: Brandes (2001), "A faster algorithm for betweenness centrality", with the same
 * normalisation as NetworkX 3.6 `betweenness_centrality(G)` on an undirected graph: every ordered
 * pair (s, t) is accumulated, then divided by (n − 1)(n − 2), i.e. the unordered-pair count
 * times 2 / ((n − 1)(n − 2)).
 *
 * Estimate: pivot sampling, Brandes & Pich (2007), "Centrality estimation in large networks":
 * k source nodes drawn without replacement with the seeded PRNG and the sum extrapolated exactly as
 * NetworkX 3.6 `_rescale(..., endpoints=False, sampled_nodes=...)` does: non-sampled nodes are
 * scaled by 1 / (k (n − 2)), sampled nodes by 1 / ((k − 1)(n − 2)) (a node is never on a path from
 * itself, so only the other k − 1 pivots inform its value). With k = n this is the exact value.
 */
import type { Csr } from './csr';
import { mulberry32, sampleWithoutReplacement } from './prng';

/**
 * Default largest graph for which betweenness is exact. Exact Brandes costs n BFS passes over all
 * 2m arcs. Measured with scripts/bench-analysis.ts' generator (Node 20, 2 shared cores): 4,930
 * organisations and 110,844 ties take about 5–7 s exact, against about 1 s for 500 pivots. Bruggen's
 * regional datasets (hundreds of organisations) are always exact; national-scale data is sampled.
 */
export const DEFAULT_EXACT_BETWEENNESS_MAX_NODES = 5000;
/** Default number of pivots (source nodes) for the sampled estimate. */
export const DEFAULT_BETWEENNESS_SAMPLES = 500;

export interface BetweennessOptions {
  exactMaxNodes?: number;
  samples?: number;
  seed?: number;
  normalized?: boolean;
  onProgress?: (fraction: number) => void;
}

export interface BetweennessResult {
  /** Per node index. */
  values: Float64Array;
  estimated: boolean;
  /** Number of source nodes used (n when exact). */
  samples: number;
  normalized: boolean;
}

/**
 * Nodes whose neighbours are all tied to each other (on project data: an organisation in one
 * project only, or a leaf). Such a node is never between two others on a shortest path, and a BFS
 * finds nothing through it: the node that reached it is tied to all of its other neighbours, so
 * they are already found, none of them further from the source. The BFS in
 * `accumulateDependencies` therefore does not scan their ties (unless the node is the source),
 * which leaves its DAG, its sums and their order exactly as they were. A self-loop or a repeated
 * arc makes a node count as not simplicial.
 *
 * These are the "side vertices" of Sarıyüce, Saule, Kaya & Çatalyürek (2013), "Shattering and
 * compressing networks for betweenness centrality" (SIAM SDM), which removes them from the graph
 * and corrects the others' values; here they stay in the graph and are only not expanded, which
 * needs no correction. No graphology library finds them, hence this function.
 */
export function simplicialNodes(csr: Pick<Csr, 'n' | 'offsets' | 'targets'>): Uint8Array {
  const { n, offsets, targets } = csr;
  const degree = (x: number) => offsets[x + 1]! - offsets[x]!;
  // Each pair of neighbours is checked once, from the one with fewer ties (then the smaller
  // index): a hub's long list is then read only for the few neighbours ranked above it, and by
  // binary search where the lists are sorted (as csrFromSortedEdges makes them).
  const ranksBelow = (x: number, y: number) => degree(x) < degree(y) || (degree(x) === degree(y) && x < y);
  let sorted = true;
  for (let x = 0; x < n && sorted; x++) {
    for (let p = offsets[x]! + 1; p < offsets[x + 1]!; p++) {
      if (targets[p]! <= targets[p - 1]!) {
        sorted = false;
        break;
      }
    }
  }
  const contains = (x: number, y: number) => {
    let lo = offsets[x]!;
    let hi = offsets[x + 1]! - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const t = targets[mid]!;
      if (t === y) return true;
      if (t < y) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  };
  const out = new Uint8Array(n);
  const mark = new Int32Array(n).fill(-1);
  const hit = new Int32Array(n).fill(-1);
  const neighbours = new Int32Array(n);
  let tick = 0;
  for (let w = 0; w < n; w++) {
    const start = offsets[w]!;
    const k = degree(w);
    // Every neighbour is tied to w and the k − 1 others: a degree below k rules w out at once.
    // A simplicial neighbour x is then w's twin: w is tied to all of x's clique, which has as
    // many members as w has neighbours plus one (no fewer, as x has at least k ties; no more, as
    // they are all w's neighbours), so that clique is w's own and w is simplicial too. The other
    // members of one project need no check.
    let simplicial = true;
    let twin = false;
    for (let p = start; p < start + k && simplicial; p++) {
      const x = targets[p]!;
      if (x === w || mark[x] === w || degree(x) < k) simplicial = false;
      if (out[x]) twin = true;
      mark[x] = w;
    }
    if (!simplicial) continue;
    if (twin) {
      out[w] = 1;
      continue;
    }
    const nb = neighbours.subarray(0, k);
    nb.set(targets.subarray(start, start + k));
    nb.sort((a, b) => (ranksBelow(a, b) ? -1 : ranksBelow(b, a) ? 1 : 0));
    for (let i = 0; i + 1 < k && simplicial; i++) {
      const x = nb[i]!;
      const need = k - 1 - i;
      if (sorted && degree(x) > 16 * need) {
        for (let j = i + 1; j < k && simplicial; j++) if (!contains(x, nb[j]!)) simplicial = false;
        continue;
      }
      tick++;
      let found = 0;
      for (let q = offsets[x]!, qEnd = offsets[x + 1]!; q < qEnd && found < need; q++) {
        const y = targets[q]!;
        if (mark[y] === w && hit[y] !== tick && y !== x && ranksBelow(x, y)) {
          hit[y] = tick;
          found++;
        }
      }
      if (found < need) simplicial = false;
    }
    if (simplicial) out[w] = 1;
  }
  return out;
}

/** Scratch for `accumulateDependencies`, reusable across calls on the same graph. */
export interface DependencyScratch {
  sigma: Float64Array;
  delta: Float64Array;
  dist: Int32Array;
  order: Int32Array;
  arcFrom: Int32Array;
  arcTo: Int32Array;
  /** `simplicialNodes`: nodes whose ties a BFS does not need to scan. */
  simplicial: Uint8Array;
}

export function dependencyScratch(csr: Csr): DependencyScratch {
  const { n, m } = csr;
  return {
    sigma: new Float64Array(n),
    delta: new Float64Array(n),
    dist: new Int32Array(n).fill(-1),
    order: new Int32Array(n),
    // Arcs of the shortest-path DAG (v one level above w), in the order the BFS finds them; every
    // undirected tie gives at most one such arc, so m slots suffice.
    arcFrom: new Int32Array(m),
    arcTo: new Int32Array(m),
    simplicial: simplicialNodes(csr),
  };
}

/**
 * Raw Brandes dependency sums δ over the given sources (ordered pairs, not halved).
 * Exposed so tests can compare against NetworkX with a fixed set of sources. A caller that makes
 * many calls on one graph passes one `dependencyScratch` (it is left as it was found).
 */
export function accumulateDependencies(
  csr: Csr,
  sources: ArrayLike<number>,
  onProgress?: (fraction: number) => void,
  scratch: DependencyScratch = dependencyScratch(csr),
): Float64Array {
  const { n, offsets, targets } = csr;
  const { sigma, delta, dist, order, arcFrom, arcTo, simplicial } = scratch;
  const bc = new Float64Array(n);
  const every = Math.max(1, Math.floor(sources.length / 50));
  for (let k = 0; k < sources.length; k++) {
    const s = sources[k]!;
    // BFS from s, counting shortest paths and recording the DAG arcs.
    let head = 0;
    let tail = 0;
    let arcs = 0;
    order[tail++] = s;
    dist[s] = 0;
    sigma[s] = 1;
    while (head < tail) {
      const v = order[head++]!;
      if (simplicial[v] && v !== s) continue;
      const dv = dist[v]! + 1;
      const sv = sigma[v]!;
      for (let p = offsets[v]!, end = offsets[v + 1]!; p < end; p++) {
        const w = targets[p]!;
        const dw = dist[w]!;
        if (dw < 0) {
          dist[w] = dv;
          sigma[w] = sv;
          order[tail++] = w;
          arcFrom[arcs] = v;
          arcTo[arcs++] = w;
        } else if (dw === dv) {
          sigma[w] = sigma[w]! + sv;
          arcFrom[arcs] = v;
          arcTo[arcs++] = w;
        }
      }
    }
    // Accumulate dependencies over the DAG arcs in reverse: every arc leaving w was recorded after
    // every arc entering w (BFS order), so δ(w) is complete before it is passed up.
    for (let a = arcs - 1; a >= 0; a--) {
      const v = arcFrom[a]!;
      const w = arcTo[a]!;
      delta[v] = delta[v]! + (sigma[v]! / sigma[w]!) * (1 + delta[w]!);
    }
    for (let q = 0; q < tail; q++) {
      const v = order[q]!;
      if (v !== s) bc[v] = bc[v]! + delta[v]!;
      // Reset only what was touched.
      dist[v] = -1;
      sigma[v] = 0;
      delta[v] = 0;
    }
    if (onProgress && (k + 1) % every === 0) onProgress((k + 1) / sources.length);
  }
  return bc;
}

/** Rescales raw ordered-pair sums like NetworkX 3.6 `_rescale` with endpoints=False. */
export function rescaleBetweenness(
  raw: Float64Array,
  n: number,
  normalized: boolean,
  sampled: ArrayLike<number> | null,
): Float64Array {
  const out = new Float64Array(raw);
  const N = n - 1;
  if (N < 2) return out;
  const k = sampled === null ? N : sampled.length;
  if (sampled === null || k === n) {
    // Exact (also when every node was sampled: N/(k-1) = 1 for sources, no non-sources).
    const scale = normalized ? 1 / (N * (N - 1)) : 0.5;
    for (let i = 0; i < n; i++) out[i] = out[i]! * scale;
    return out;
  }
  const isSource = new Uint8Array(n);
  for (let j = 0; j < sampled.length; j++) isSource[sampled[j]!] = 1;
  const scaleSource = normalized ? (k > 1 ? 1 / ((k - 1) * (N - 1)) : NaN) : k > 1 ? N / ((k - 1) * 2) : NaN;
  const scaleOther = normalized ? 1 / (k * (N - 1)) : N / (k * 2);
  for (let i = 0; i < n; i++) out[i] = out[i]! * (isSource[i] ? scaleSource : scaleOther);
  return out;
}

/**
 * Betweenness with hop-count shortest paths: exact up to `exactMaxNodes` nodes, otherwise
 * estimated from `samples` pivots drawn with mulberry32(seed).
 */
export function betweenness(csr: Csr, options: BetweennessOptions = {}): BetweennessResult {
  const n = csr.n;
  const exactMax = options.exactMaxNodes ?? DEFAULT_EXACT_BETWEENNESS_MAX_NODES;
  const normalized = options.normalized ?? true;
  if (n <= exactMax) {
    const all = new Int32Array(n);
    for (let i = 0; i < n; i++) all[i] = i;
    const raw = accumulateDependencies(csr, all, options.onProgress);
    return { values: rescaleBetweenness(raw, n, normalized, null), estimated: false, samples: n, normalized };
  }
  const k = Math.min(n, Math.max(2, options.samples ?? DEFAULT_BETWEENNESS_SAMPLES));
  const sources = sampleWithoutReplacement(mulberry32(options.seed ?? 42), n, k);
  const raw = accumulateDependencies(csr, sources, options.onProgress);
  return {
    values: rescaleBetweenness(raw, n, normalized, sources),
    estimated: k < n,
    samples: k,
    normalized,
  };
}

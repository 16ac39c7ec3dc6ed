/**
 * Clusters: connected components (graphology-components) and Louvain communities
 * (graphology-communities-louvain; Blondel et al. 2008), with a profile of each cluster.
 *
 * Cluster ids are 1-based and stable: clusters are numbered by size (largest first), ties by
 * their smallest member id.
 */
import Graph from 'graphology';
import { connectedComponents } from 'graphology-components';
import louvain from 'graphology-communities-louvain';
import type { AnyGraph, Csr } from './csr';
import { mulberry32 } from './prng';
import { compareIds } from './util';

export interface ClusterTie {
  /** The other cluster's id. */
  cluster: number;
  /** Number of ties between the two clusters. */
  ties: number;
  /** Sum of those ties' weights (shared activities). */
  weight: number;
}

export interface BoundarySpanner {
  id: string;
  label: string;
  sector: string;
  /** Ties to organisations in other clusters. */
  outsideTies: number;
}

export interface ClusterSummary {
  /** 1-based; 1 is the largest cluster. */
  id: number;
  size: number;
  /** Number of members per sector (every sector of the graph, zeros included). */
  sectors: Record<string, number>;
  /** Target sectors without any member in this cluster. */
  lacksTargets: string[];
  internalTies: number;
  internalWeight: number;
  outsideTies: number;
  outsideWeight: number;
  /** Ties to other clusters, most ties first (then by cluster id). */
  tiesTo: ClusterTie[];
  /** Members holding outside ties, most outside ties first (then by id); at most `maxListed`. */
  boundarySpanners: BoundarySpanner[];
  /** Number of members with at least one outside tie (the list above may be cut). */
  boundarySpannerCount: number;
  /**
   * Communities only: the mean share of runs in which two members were put together (see
   * communities.ts); below STABLE_COMMUNITY the cluster is uncertain and not named in findings.
   */
  stability?: number | null;
}

/** Communities at least this stable are named in findings; the others are listed as uncertain. */
export const STABLE_COMMUNITY = 0.5;

/**
 * Clusters are named and counted from this size on: a pair or a lone organisation is a community of
 * Louvain, not a cluster a reader can act on (the findings, the focal organisation's reach).
 */
export const MIN_CLUSTER_SIZE = 3;

export interface Partition {
  /** Cluster index (0-based, = id - 1) per node index. */
  of: Int32Array;
  count: number;
}

export interface LouvainOptions {
  resolution?: number;
  seed?: number;
  /** Edge attribute used as weight; default `weight`. */
  weightAttribute?: string;
}

export interface LouvainPartition extends Partition {
  /** Modularity of the partition, as reported by graphology-communities-louvain. */
  modularity: number;
  resolution: number;
  seed: number;
}

/** Renumbers arbitrary labels so that clusters are ordered by size desc, then smallest member. */
export function renumberBySize(labels: ArrayLike<number>, n: number): Partition {
  // Node indices are in sorted id order, so the first index seen is the smallest member id.
  const first = new Map<number, number>();
  const size = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const l = labels[i]!;
    if (!first.has(l)) first.set(l, i);
    size.set(l, (size.get(l) ?? 0) + 1);
  }
  const order = [...first.keys()].sort(
    (a, b) => size.get(b)! - size.get(a)! || first.get(a)! - first.get(b)!,
  );
  const rank = new Map<number, number>();
  order.forEach((l, r) => rank.set(l, r));
  const of = new Int32Array(n);
  for (let i = 0; i < n; i++) of[i] = rank.get(labels[i]!)!;
  return { of, count: order.length };
}

/**
 * Connected components of the CSR by breadth-first labelling, O(n + m) on typed arrays (building a
 * graphology graph for graphology-components costs more than the search itself at European scale).
 */
export function componentsOfCsr(csr: Csr): Partition {
  const { n, offsets, targets } = csr;
  const label = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  let count = 0;
  for (let s = 0; s < n; s++) {
    if (label[s] !== -1) continue;
    let head = 0;
    let tail = 0;
    label[s] = count;
    queue[tail++] = s;
    while (head < tail) {
      const v = queue[head++]!;
      for (let p = offsets[v]!, end = offsets[v + 1]!; p < end; p++) {
        const w = targets[p]!;
        if (label[w] === -1) {
          label[w] = count;
          queue[tail++] = w;
        }
      }
    }
    count++;
  }
  return renumberBySize(label, n);
}

/** Connected components via graphology-components. */
export function componentPartition(graph: AnyGraph, csr: Csr): Partition {
  const labels = new Int32Array(csr.n);
  connectedComponents(graph).forEach((members, c) => {
    for (const id of members) labels[csr.index.get(id)!] = c;
  });
  return renumberBySize(labels, csr.n);
}

/**
 * True when nodes are stored in sorted id order and edges in sorted (smaller, larger) order,
 * which is what `buildOrganisationNetwork` produces. Louvain depends on both orders.
 */
export function isCanonicalOrder(graph: AnyGraph, csr: Csr): boolean {
  if (graph.multi || graph.type !== 'undirected') return false;
  const nodes = graph.nodes();
  for (let i = 0; i < nodes.length; i++) if (nodes[i] !== csr.ids[i]) return false;
  let prevU = -1;
  let prevV = -1;
  let ok = true;
  graph.someEdge((_e, _a, s, t) => {
    let u = csr.index.get(s)!;
    let v = csr.index.get(t)!;
    if (u > v) [u, v] = [v, u];
    if (u === v || u < prevU || (u === prevU && v <= prevV)) {
      ok = false;
      return true;
    }
    prevU = u;
    prevV = v;
    return false;
  });
  return ok;
}

/** A graphology copy of the CSR graph with nodes and edges inserted in sorted order. */
export function canonicalGraph(csr: Csr): Graph {
  const g = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  for (const id of csr.ids) g.addNode(id);
  for (let e = 0; e < csr.m; e++) {
    g.addUndirectedEdge(csr.ids[csr.edgeU[e]!]!, csr.ids[csr.edgeV[e]!]!, { weight: csr.edgeW[e]! });
  }
  return g;
}

/**
 * Louvain communities, deterministic: the `rng` is mulberry32(seed) and the algorithm runs on a
 * graph whose nodes and edges are in sorted order (a canonical copy is made when the input graph
 * was built in another order), so the same ties always give the same partition.
 */
export function louvainPartition(
  graph: AnyGraph,
  csr: Csr,
  options: LouvainOptions = {},
): LouvainPartition {
  const resolution = options.resolution ?? 1;
  const seed = options.seed ?? 42;
  const canonical = isCanonicalOrder(graph, csr);
  const g: AnyGraph = canonical ? graph : canonicalGraph(csr);
  const weightAttribute = canonical ? (options.weightAttribute ?? 'weight') : 'weight';
  const labels = new Int32Array(csr.n);
  let modularity = 0;
  if (csr.m > 0) {
    const detailed = louvain.detailed(g, {
      getEdgeWeight: weightAttribute,
      resolution,
      rng: mulberry32(seed),
    });
    modularity = detailed.modularity;
    for (let i = 0; i < csr.n; i++) labels[i] = detailed.communities[csr.ids[i]!]!;
  } else {
    for (let i = 0; i < csr.n; i++) labels[i] = i;
  }
  return { ...renumberBySize(labels, csr.n), modularity, resolution, seed };
}

export interface SummaryOptions {
  /** Target sectors; a cluster "lacks" those with no member. */
  targets: readonly string[];
  /** Maximum boundary spanners listed per cluster; default 20. */
  maxListed?: number;
  /** Node labels (names); default the ids. */
  labels?: readonly string[];
}

/** Size, sector composition, missing target sectors and outside ties of every cluster. */
export function summariseClusters(
  csr: Csr,
  partition: Partition,
  options: SummaryOptions,
): ClusterSummary[] {
  const { n, m, groupNames } = csr;
  const { of, count } = partition;
  const maxListed = options.maxListed ?? 20;
  const labels = options.labels ?? csr.labels;
  const G = groupNames.length;
  const sectorCount = new Int32Array(count * G);
  for (let i = 0; i < n; i++) sectorCount[of[i]! * G + csr.group[i]!]!++;
  const internalTies = new Float64Array(count);
  const internalWeight = new Float64Array(count);
  const outsideTies = new Float64Array(count);
  const outsideWeight = new Float64Array(count);
  const between = new Map<number, { ties: number; weight: number }>();
  const nodeOutside = new Int32Array(n);
  for (let e = 0; e < m; e++) {
    const u = csr.edgeU[e]!;
    const v = csr.edgeV[e]!;
    const w = csr.edgeW[e]!;
    const a = of[u]!;
    const b = of[v]!;
    if (a === b) {
      internalTies[a]!++;
      internalWeight[a] = internalWeight[a]! + w;
      continue;
    }
    nodeOutside[u]!++;
    nodeOutside[v]!++;
    outsideTies[a]!++;
    outsideTies[b]!++;
    outsideWeight[a] = outsideWeight[a]! + w;
    outsideWeight[b] = outsideWeight[b]! + w;
    const key = a < b ? a * count + b : b * count + a;
    const cur = between.get(key);
    if (cur) {
      cur.ties++;
      cur.weight += w;
    } else between.set(key, { ties: 1, weight: w });
  }
  const tiesTo: ClusterTie[][] = Array.from({ length: count }, () => []);
  for (const [key, t] of between) {
    const a = Math.floor(key / count);
    const b = key % count;
    tiesTo[a]!.push({ cluster: b + 1, ties: t.ties, weight: t.weight });
    tiesTo[b]!.push({ cluster: a + 1, ties: t.ties, weight: t.weight });
  }
  const spanners: number[][] = Array.from({ length: count }, () => []);
  for (let i = 0; i < n; i++) if (nodeOutside[i]! > 0) spanners[of[i]!]!.push(i);
  const targetCodes = options.targets
    .map((t) => ({ name: t, code: groupNames.indexOf(t) }))
    .filter((t, k, all) => all.findIndex((x) => x.name === t.name) === k);

  const out: ClusterSummary[] = [];
  for (let c = 0; c < count; c++) {
    const sectors: Record<string, number> = {};
    let size = 0;
    for (let g = 0; g < G; g++) {
      sectors[groupNames[g]!] = sectorCount[c * G + g]!;
      size += sectorCount[c * G + g]!;
    }
    const lacksTargets = targetCodes
      .filter((t) => t.code < 0 || sectorCount[c * G + t.code] === 0)
      .map((t) => t.name);
    const list = spanners[c]!;
    list.sort((x, y) => nodeOutside[y]! - nodeOutside[x]! || x - y);
    out.push({
      id: c + 1,
      size,
      sectors,
      lacksTargets,
      internalTies: internalTies[c]!,
      internalWeight: internalWeight[c]!,
      outsideTies: outsideTies[c]!,
      outsideWeight: outsideWeight[c]!,
      tiesTo: tiesTo[c]!.sort((x, y) => y.ties - x.ties || x.cluster - y.cluster),
      boundarySpanners: list.slice(0, maxListed).map((i) => ({
        id: csr.ids[i]!,
        label: labels[i]!,
        sector: groupNames[csr.group[i]!]!,
        outsideTies: nodeOutside[i]!,
      })),
      boundarySpannerCount: list.length,
    });
  }
  return out;
}

/** Member ids per cluster (sorted), handy for tests and the UI. */
export function membersOf(csr: Csr, partition: Partition): string[][] {
  const out: string[][] = Array.from({ length: partition.count }, () => []);
  for (let i = 0; i < csr.n; i++) out[partition.of[i]!]!.push(csr.ids[i]!);
  return out.map((l) => l.sort(compareIds));
}

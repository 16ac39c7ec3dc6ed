import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import {
  canonicalGraph,
  componentPartition,
  isCanonicalOrder,
  louvainPartition,
  membersOf,
  renumberBySize,
  summariseClusters,
} from '../../../src/analysis/clusters';
import { buildCsr } from '../../../src/analysis/csr';
import { mulberry32 } from '../../../src/analysis/prng';
import { generateNationalDataset } from '../../../src/analysis/synthetic';
import { datasetGraph, loadGraph } from './helpers';

const TARGETS = ['tech', 'care', 'government'];

describe('connected components', () => {
  const graph = loadGraph('multi');
  const csr = buildCsr(graph);
  const p = componentPartition(graph, csr);
  const s = summariseClusters(csr, p, { targets: TARGETS });

  it('numbers components by size, then smallest member id', () => {
    expect(s.map((c) => c.size)).toEqual([11, 6, 3, 1, 1]);
    expect(membersOf(csr, p).map((m) => m[0])).toEqual(['a01', 'b01', 'c01', 'z01', 'z02']);
    expect(s.map((c) => c.id)).toEqual([1, 2, 3, 4, 5]);
  });

  it('profiles sector composition, missing target sectors and internal ties', () => {
    expect(s[0]!.sectors).toEqual({ care: 4, government: 1, knowledge: 1, network: 1, tech: 4 });
    expect(s[0]!.lacksTargets).toEqual([]);
    expect(s[0]!.internalTies).toBe(16);
    expect(s[0]!.internalWeight).toBe(28);
    expect(s[1]!.internalTies).toBe(6);
    expect(s[2]!.sectors).toEqual({ care: 1, government: 1, knowledge: 0, network: 0, tech: 1 });
    expect(s[3]!.lacksTargets).toEqual(['care', 'government']);
    expect(s[4]!.lacksTargets).toEqual(['tech', 'government']);
    for (const c of s) {
      expect(c.tiesTo).toEqual([]);
      expect(c.outsideTies).toBe(0);
      expect(c.boundarySpanners).toEqual([]);
    }
  });
});

describe('cluster summaries of a given partition', () => {
  const graph = loadGraph('multi');
  const csr = buildCsr(graph);
  const raw: Record<string, number> = {};
  for (const id of csr.ids) {
    raw[id] = id.startsWith('b')
      ? 3
      : id.startsWith('c')
        ? 4
        : id === 'z01'
          ? 5
          : id === 'z02'
            ? 6
            : ['a01', 'a02', 'a03', 'a04'].includes(id)
              ? 0
              : ['a05', 'a06', 'a07', 'a08'].includes(id)
                ? 1
                : 2;
  }
  const p = renumberBySize(
    csr.ids.map((id) => raw[id]!),
    csr.n,
  );
  const s = summariseClusters(csr, p, { targets: TARGETS, maxListed: 2 });

  it('renumbers by size desc, then smallest member id', () => {
    expect(membersOf(csr, p).map((m) => m[0])).toEqual(['b01', 'a01', 'a05', 'a09', 'c01', 'z01', 'z02']);
  });

  it('counts ties and weights between clusters, and who holds them', () => {
    const x = s[1]!; // a01..a04
    const y = s[2]!; // a05..a08
    const z = s[3]!; // a09..a11
    expect(x.tiesTo).toEqual([{ cluster: 3, ties: 3, weight: 4 }]);
    expect(y.tiesTo).toEqual([
      { cluster: 2, ties: 3, weight: 4 },
      { cluster: 4, ties: 1, weight: 1 },
    ]);
    expect(z.tiesTo).toEqual([{ cluster: 3, ties: 1, weight: 1 }]);
    expect(x.boundarySpanners.map((b) => [b.id, b.outsideTies])).toEqual([
      ['a04', 2],
      ['a01', 1],
    ]);
    // three members hold outside ties, only two are listed (maxListed = 2)
    expect(y.boundarySpanners.map((b) => [b.id, b.outsideTies])).toEqual([
      ['a05', 2],
      ['a06', 1],
    ]);
    expect(y.boundarySpannerCount).toBe(3);
    expect(y.outsideTies).toBe(4);
    expect(y.outsideWeight).toBe(5);
    expect(x.lacksTargets).toEqual(['care', 'government']);
    expect(y.lacksTargets).toEqual(['tech']);
    expect(z.lacksTargets).toEqual(['government']);
  });
});

describe('Louvain communities', () => {
  const dataset = generateNationalDataset({ scale: 0.03, seed: 7 });
  const graph = datasetGraph(dataset);
  const csr = buildCsr(graph);

  it('gives the same partition in 3 runs with the same seed', () => {
    const runs = [0, 1, 2].map(() => Array.from(louvainPartition(graph, csr, { seed: 42 }).of));
    expect(new Set(runs.map((r) => r.join(','))).size).toBe(1);
    const p = louvainPartition(graph, csr, { seed: 42 });
    expect(p.count).toBeGreaterThan(2);
    expect(p.modularity).toBeGreaterThan(0.2);
  });

  it('gives the same partition when the graph is rebuilt, also with a shuffled insertion order', () => {
    const a = louvainPartition(graph, csr, { seed: 42 });
    const rebuilt = datasetGraph(dataset);
    const b = louvainPartition(rebuilt, buildCsr(rebuilt), { seed: 42 });
    expect(Array.from(b.of)).toEqual(Array.from(a.of));
    // Shuffled nodes and edges: not canonical, so a canonical copy is used.
    const rng = mulberry32(3);
    const shuffled = new Graph({ type: 'undirected' });
    const nodes = graph.nodes().sort(() => rng() - 0.5);
    for (const n of nodes) shuffled.addNode(n, graph.getNodeAttributes(n));
    const edges = graph.edges().sort(() => rng() - 0.5);
    for (const e of edges) {
      const [s, t] = graph.extremities(e);
      if (rng() < 0.5) shuffled.addUndirectedEdge(t, s, { ...graph.getEdgeAttributes(e) });
      else shuffled.addUndirectedEdge(s, t, { ...graph.getEdgeAttributes(e) });
    }
    const shuffledCsr = buildCsr(shuffled);
    expect(isCanonicalOrder(shuffled, shuffledCsr)).toBe(false);
    expect(isCanonicalOrder(graph, csr)).toBe(true);
    expect(isCanonicalOrder(canonicalGraph(csr), csr)).toBe(true);
    const c = louvainPartition(shuffled, shuffledCsr, { seed: 42 });
    expect(Array.from(c.of)).toEqual(Array.from(a.of));
  });

  it('numbers communities by size desc, then smallest member id, and respects components', () => {
    const p = louvainPartition(graph, csr, { seed: 42 });
    const members = membersOf(csr, p);
    for (let i = 1; i < members.length; i++) {
      const prev = members[i - 1]!;
      const cur = members[i]!;
      expect(prev.length > cur.length || (prev.length === cur.length && prev[0]! < cur[0]!)).toBe(true);
    }
    const comp = componentPartition(graph, csr);
    const compOf = new Map<number, number>();
    for (let i = 0; i < csr.n; i++) {
      const c = p.of[i]!;
      if (compOf.has(c)) expect(compOf.get(c)).toBe(comp.of[i]);
      else compOf.set(c, comp.of[i]!);
    }
  });

  it('a higher resolution gives more communities; another seed may differ but stays valid', () => {
    const low = louvainPartition(graph, csr, { seed: 42, resolution: 0.5 });
    const high = louvainPartition(graph, csr, { seed: 42, resolution: 2 });
    expect(high.count).toBeGreaterThan(low.count);
    const s = summariseClusters(csr, high, { targets: TARGETS });
    expect(s.reduce((x, c) => x + c.size, 0)).toBe(csr.n);
    expect(s.reduce((x, c) => x + c.internalTies, 0) + s.reduce((x, c) => x + c.outsideTies, 0) / 2).toBe(csr.m);
  });

  it('handles a graph without ties (every organisation its own community)', () => {
    const g = new Graph({ type: 'undirected' });
    for (const id of ['b', 'a', 'c']) g.addNode(id, { sector: 'care' });
    const p = louvainPartition(g, buildCsr(g));
    expect(p.count).toBe(3);
    expect(Array.from(p.of)).toEqual([0, 1, 2]);
  });
});

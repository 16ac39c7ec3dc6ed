/**
 * Brokerage normalised against random sector assignment (Gould & Fernandez 1989): exact values on
 * hand-computed graphs, and agreement with the mean over many random label permutations.
 */
import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { betweenSectorRatio, brokerageNormalised, brokerageNormOf, roleProbabilities } from '../../../src/analysis/brokerageNorm';
import { buildCsr, type Csr } from '../../../src/analysis/csr';
import { mulberry32 } from '../../../src/analysis/prng';
import { randomGraph } from './helpers';

const SECTORS = ['tech', 'care', 'government'];

function graphOf(nodes: [string, string][], edges: [string, string][]): Csr {
  const g = new Graph({ type: 'undirected' });
  for (const [id, sector] of nodes) g.addNode(id, { sector });
  for (const [a, b] of edges) g.addUndirectedEdge(a, b);
  return buildCsr(g, { groupOrder: SECTORS });
}

describe('brokerage normalised against random sector assignment', () => {
  // v (tech) in the middle of a star: a tech, b and c care, d government; e government is isolated.
  // Sector sizes tech 2, care 2, government 2; for v the other five are tech 1, care 2, government 2,
  // N = 5, N(N−1) = 20: coordinator 1·0/20 = 0, itinerant (2·1 + 2·1)/20 = 0.2,
  // gatekeeper 2·1·4/20 = 0.4, liaison (4² − (2² + 2²))/20 = 0.4.
  const nodes: [string, string][] = [
    ['a', 'tech'],
    ['b', 'care'],
    ['c', 'care'],
    ['d', 'government'],
    ['e', 'government'],
    ['v', 'tech'],
  ];
  const star: [string, string][] = [
    ['v', 'a'],
    ['v', 'b'],
    ['v', 'c'],
    ['v', 'd'],
  ];

  it('role probabilities by hand', () => {
    const p = roleProbabilities([2, 2, 2], 0);
    expect(p.coordinator).toBe(0);
    expect(p.itinerant).toBeCloseTo(0.2, 15);
    expect(p.gatekeeper_or_representative).toBeCloseTo(0.4, 15);
    expect(p.liaison).toBeCloseTo(0.4, 15);
    // A broker in a sector of 4 among 10: others are 3 / 3 / 3, N = 9, N(N−1) = 72.
    const q = roleProbabilities([4, 3, 3], 0);
    expect(q.coordinator).toBeCloseTo(6 / 72, 15);
    expect(q.itinerant).toBeCloseTo(12 / 72, 15);
    expect(q.gatekeeper_or_representative).toBeCloseTo(36 / 72, 15);
    expect(q.liaison).toBeCloseTo((36 - 18) / 72, 15);
    expect(roleProbabilities([1, 1], 0)).toEqual({ coordinator: 0, itinerant: 0, gatekeeper_or_representative: 0, liaison: 0 });
  });

  it('a star: six open pairs at v', () => {
    const csr = graphOf(nodes, star);
    const r = brokerageNormalised(csr);
    const v = csr.index.get('v')!;
    expect(r.openPairs[v]).toBe(6);
    expect(Array.from(r.sectorSize)).toEqual([2, 2, 2]);
    const b = brokerageNormOf(r, v);
    // Observed: a–b, a–c, a–d gatekeeper; b–c itinerant; b–d, c–d liaison.
    expect(b.coordinator).toEqual({ observed: 0, expected: 0, ratio: null });
    expect(b.itinerant.observed).toBe(1);
    expect(b.itinerant.expected).toBeCloseTo(1.2, 12);
    expect(b.itinerant.ratio).toBeCloseTo(1 / 1.2, 12);
    expect(b.gatekeeper_or_representative.observed).toBe(3);
    expect(b.gatekeeper_or_representative.expected).toBeCloseTo(2.4, 12);
    expect(b.gatekeeper_or_representative.ratio).toBeCloseTo(1.25, 12);
    expect(b.liaison.observed).toBe(2);
    expect(b.liaison.expected).toBeCloseTo(2.4, 12);
    expect(b.liaison.ratio).toBeCloseTo(2 / 2.4, 12);
    // Leaves and the isolate broker nothing: expected 0, ratio null.
    for (const id of ['a', 'b', 'c', 'd', 'e']) {
      const x = brokerageNormOf(r, csr.index.get(id)!);
      for (const role of Object.values(x)) expect(role).toEqual({ observed: 0, expected: 0, ratio: null });
    }
  });

  it('the ratio between sectors: gatekeeper and liaison pairs over their expectation (all four roles would give 1)', () => {
    const csr = graphOf(nodes, star);
    const r = brokerageNormalised(csr);
    const v = csr.index.get('v')!;
    const ratio = betweenSectorRatio(r);
    // Observed 3 gatekeeper + 2 liaison pairs; expected 2.4 + 2.4 (see the star above).
    expect(ratio[v]).toBeCloseTo(5 / 4.8, 12);
    // Every role together: 6 open pairs over 0 + 1.2 + 2.4 + 2.4 = 6 expected, 1 whatever the network.
    const all = (a: typeof r.observed) => a.coordinator[v]! + a.itinerant[v]! + a.gatekeeper[v]! + a.liaison[v]!;
    expect(all(r.observed) / all(r.expected)).toBeCloseTo(1, 12);
    // Nothing expected (leaves, the isolate): NaN, shown as no value.
    for (const id of ['a', 'b', 'c', 'd', 'e']) expect(ratio[csr.index.get(id)!]).toBeNaN();
    // A tech broker between two care organisations only: one gatekeeper-free, liaison-free pair, ratio 0.
    const within = graphOf(nodes, [
      ['v', 'b'],
      ['v', 'c'],
    ]);
    expect(betweenSectorRatio(brokerageNormalised(within))[within.index.get('v')!]).toBe(0);
  });

  it('closing b–c removes the itinerant pair: five open pairs', () => {
    const csr = graphOf(nodes, [...star, ['b', 'c']]);
    const r = brokerageNormalised(csr);
    const b = brokerageNormOf(r, csr.index.get('v')!);
    expect(r.openPairs[csr.index.get('v')!]).toBe(5);
    expect(b.itinerant).toEqual({ observed: 0, expected: 1, ratio: 0 });
    expect(b.gatekeeper_or_representative.expected).toBeCloseTo(2, 12);
    expect(b.liaison.expected).toBeCloseTo(2, 12);
    // b's only pair {v, c} is closed.
    expect(r.openPairs[csr.index.get('b')!]).toBe(0);
  });

  it('a care broker between two care organisations: coordinator expected from the care share', () => {
    // Path x – y – z, all care, plus three tech isolates: n = 6, sizes care 3, tech 3.
    const csr = graphOf(
      [
        ['x', 'care'],
        ['y', 'care'],
        ['z', 'care'],
        ['t1', 'tech'],
        ['t2', 'tech'],
        ['t3', 'tech'],
      ],
      [
        ['x', 'y'],
        ['y', 'z'],
      ],
    );
    const b = brokerageNormOf(brokerageNormalised(csr), csr.index.get('y')!);
    // Others: care 2, tech 3, N = 5: coordinator 2·1/20 = 0.1.
    expect(b.coordinator.observed).toBe(1);
    expect(b.coordinator.expected).toBeCloseTo(0.1, 12);
    expect(b.coordinator.ratio).toBeCloseTo(10, 12);
    expect(b.itinerant.expected).toBeCloseTo(0.3, 12);
    expect(b.gatekeeper_or_representative.expected).toBeCloseTo(0.6, 12);
    expect(b.liaison.expected).toBe(0);
    expect(b.liaison.ratio).toBeNull();
  });

  it('expected roles add up to the open pairs', () => {
    const csr = buildCsr(randomGraph(200, 700, 3, SECTORS), { groupOrder: SECTORS });
    const r = brokerageNormalised(csr);
    for (let v = 0; v < csr.n; v++) {
      const sum = r.expected.coordinator[v]! + r.expected.itinerant[v]! + r.expected.gatekeeper[v]! + r.expected.liaison[v]!;
      expect(Math.abs(sum - r.openPairs[v]!)).toBeLessThan(1e-9);
    }
  });

  it('equals the mean over random permutations of the other labels (statistical tolerance)', () => {
    const csr = buildCsr(randomGraph(80, 260, 17, [...SECTORS, 'knowledge']), { groupOrder: SECTORS });
    const r = brokerageNormalised(csr);
    const adj = new Set<number>();
    for (let e = 0; e < csr.m; e++) adj.add(csr.edgeU[e]! * csr.n + csr.edgeV[e]!);
    const tied = (a: number, b: number) => adj.has(a < b ? a * csr.n + b : b * csr.n + a);
    // The brokers with the most open pairs.
    const brokers = Array.from({ length: csr.n }, (_, i) => i)
      .sort((a, b) => r.openPairs[b]! - r.openPairs[a]! || a - b)
      .slice(0, 6);
    const rng = mulberry32(99);
    const K = 3000;
    for (const v of brokers) {
      const nb = Array.from(csr.targets.subarray(csr.offsets[v]!, csr.offsets[v + 1]!));
      const others = Array.from({ length: csr.n }, (_, i) => i).filter((i) => i !== v);
      const labels = others.map((i) => csr.group[i]!);
      const label = new Int32Array(csr.n);
      const sums = [0, 0, 0, 0];
      const squares = [0, 0, 0, 0];
      for (let k = 0; k < K; k++) {
        // Fisher–Yates over the other nodes' labels; v keeps its own.
        for (let i = labels.length - 1; i > 0; i--) {
          const j = Math.floor(rng() * (i + 1));
          const t = labels[i]!;
          labels[i] = labels[j]!;
          labels[j] = t;
        }
        others.forEach((o, i) => (label[o] = labels[i]!));
        const gv = csr.group[v]!;
        const c = [0, 0, 0, 0];
        for (let x = 0; x < nb.length; x++) {
          for (let y = x + 1; y < nb.length; y++) {
            const i = nb[x]!;
            const j = nb[y]!;
            if (tied(i, j)) continue;
            const gi = label[i]!;
            const gj = label[j]!;
            if (gi === gj) c[gi === gv ? 0 : 1]!++;
            else if (gi === gv || gj === gv) c[2]!++;
            else c[3]!++;
          }
        }
        for (let q = 0; q < 4; q++) {
          sums[q] = sums[q]! + c[q]!;
          squares[q] = squares[q]! + c[q]! * c[q]!;
        }
      }
      const expected = [r.expected.coordinator[v]!, r.expected.itinerant[v]!, r.expected.gatekeeper[v]!, r.expected.liaison[v]!];
      for (let q = 0; q < 4; q++) {
        const mean = sums[q]! / K;
        const sd = Math.sqrt(Math.max(0, squares[q]! / K - mean * mean));
        const se = sd / Math.sqrt(K);
        expect(Math.abs(mean - expected[q]!), `node ${v} role ${q}: ${mean} vs ${expected[q]} (se ${se})`).toBeLessThanOrEqual(4 * se + 1e-9);
      }
    }
  });
});

/**
 * Property tests: the fast CSR algorithms against naive definitions on random small graphs.
 */
import fc from 'fast-check';
import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { betweenness } from '../../../src/analysis/betweenness';
import { brokerageOf, brokerageRoles } from '../../../src/analysis/brokerage';
import { buildCsr, byDecreasingDegree, type Csr } from '../../../src/analysis/csr';
import { cutpoints } from '../../../src/analysis/cutpoints';
import { structuralHoles } from '../../../src/analysis/structuralHoles';

const GROUPS = ['tech', 'care', 'government'];

const graphArb = fc
  .record({
    n: fc.integer({ min: 1, max: 11 }),
    groups: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 11, maxLength: 11 }),
    edges: fc.array(
      fc.tuple(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 10 }), fc.integer({ min: 1, max: 5 })),
      { maxLength: 30 },
    ),
  })
  .map(({ n, groups, edges }) => {
    const g = new Graph({ type: 'undirected' });
    for (let i = 0; i < n; i++) g.addNode(`n${String(i).padStart(2, '0')}`, { sector: GROUPS[groups[i]!]! });
    for (const [a, b, w] of edges) {
      if (a >= n || b >= n || a === b) continue;
      const s = `n${String(a).padStart(2, '0')}`;
      const t = `n${String(b).padStart(2, '0')}`;
      if (!g.hasEdge(s, t)) g.addUndirectedEdge(s, t, { weight: w });
    }
    return g;
  });

const adjacent = (csr: Csr, a: number, b: number) => {
  for (let p = csr.offsets[a]!; p < csr.offsets[a + 1]!; p++) if (csr.targets[p] === b) return true;
  return false;
};
const neighbours = (csr: Csr, v: number) => Array.from(csr.targets.subarray(csr.offsets[v]!, csr.offsets[v + 1]!));

function componentsWithout(csr: Csr, node = -1, edge: [number, number] | null = null): number {
  const seen = new Uint8Array(csr.n);
  let count = 0;
  for (let s = 0; s < csr.n; s++) {
    if (s === node || seen[s]) continue;
    count++;
    const stack = [s];
    seen[s] = 1;
    while (stack.length) {
      const v = stack.pop()!;
      for (const w of neighbours(csr, v)) {
        if (w === node || seen[w]) continue;
        if (edge && ((v === edge[0] && w === edge[1]) || (v === edge[1] && w === edge[0]))) continue;
        seen[w] = 1;
        stack.push(w);
      }
    }
  }
  return count;
}

describe('properties on random small graphs', () => {
  it('Gould–Fernandez counts equal the naive enumeration of open 2-paths', () => {
    fc.assert(
      fc.property(graphArb, (g) => {
        const csr = buildCsr(g);
        const b = brokerageRoles(csr);
        for (let v = 0; v < csr.n; v++) {
          const c = { coordinator: 0, itinerant: 0, gatekeeper_or_representative: 0, liaison: 0 };
          const nb = neighbours(csr, v);
          for (let x = 0; x < nb.length; x++) {
            for (let y = x + 1; y < nb.length; y++) {
              const i = nb[x]!;
              const j = nb[y]!;
              if (adjacent(csr, i, j)) continue;
              const [gi, gj, gv] = [csr.group[i], csr.group[j], csr.group[v]];
              if (gi === gv && gj === gv) c.coordinator++;
              else if (gi === gj) c.itinerant++;
              else if (gi === gv || gj === gv) c.gatekeeper_or_representative++;
              else c.liaison++;
            }
          }
          expect(brokerageOf(b, v)).toEqual(c);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('articulation points and bridges equal the remove-and-count definition', () => {
    fc.assert(
      fc.property(graphArb, (g) => {
        const csr = buildCsr(g);
        const c = cutpoints(csr);
        const base = componentsWithout(csr);
        for (let v = 0; v < csr.n; v++) {
          // Removing v removes its own component when v is isolated, hence the degree guard.
          const isCut = csr.degree[v]! > 0 && componentsWithout(csr, v) > base;
          expect(c.isArticulation[v] === 1, `node ${v}`).toBe(isCut);
        }
        const bridges = new Set(c.bridges.map(([u, v]) => `${u}-${v}`));
        for (let e = 0; e < csr.m; e++) {
          const pair: [number, number] = [csr.edgeU[e]!, csr.edgeV[e]!];
          expect(bridges.has(`${pair[0]}-${pair[1]}`)).toBe(componentsWithout(csr, -1, pair) > base);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('unweighted effective size equals Borgatti n − 2t/n and constraint equals the formula', () => {
    fc.assert(
      fc.property(graphArb, (g) => {
        const csr = buildCsr(g);
        const h = structuralHoles(csr, false);
        const hw = structuralHoles(csr, true);
        for (let v = 0; v < csr.n; v++) {
          const nb = neighbours(csr, v);
          if (nb.length === 0) {
            expect(h.effectiveSize[v]).toBeNaN();
            expect(hw.constraint[v]).toBeNaN();
            continue;
          }
          let t = 0;
          for (let x = 0; x < nb.length; x++) for (let y = x + 1; y < nb.length; y++) if (adjacent(csr, nb[x]!, nb[y]!)) t++;
          expect(Math.abs(h.effectiveSize[v]! - (nb.length - (2 * t) / nb.length))).toBeLessThan(1e-9);
          // Weighted constraint by the definition.
          const w = (a: number, b: number) => {
            for (let p = csr.offsets[a]!; p < csr.offsets[a + 1]!; p++) if (csr.targets[p] === b) return csr.weights[p]!;
            return 0;
          };
          const pij = (a: number, b: number) => w(a, b) / csr.strength[a]!;
          let c = 0;
          for (const j of nb) {
            let ind = 0;
            for (const q of nb) if (q !== j) ind += pij(v, q) * pij(q, j);
            c += (pij(v, j) + ind) ** 2;
          }
          expect(Math.abs(hw.constraint[v]! - c)).toBeLessThan(1e-9);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('betweenness equals pair-dependency counting from all-pairs BFS', () => {
    fc.assert(
      fc.property(graphArb, (g) => {
        const csr = buildCsr(g);
        const n = csr.n;
        const dist: number[][] = [];
        const sigma: number[][] = [];
        for (let s = 0; s < n; s++) {
          const d = new Array<number>(n).fill(-1);
          const sg = new Array<number>(n).fill(0);
          d[s] = 0;
          sg[s] = 1;
          const q = [s];
          for (let k = 0; k < q.length; k++) {
            const v = q[k]!;
            for (const w of neighbours(csr, v)) {
              if (d[w] === -1) {
                d[w] = d[v]! + 1;
                q.push(w);
              }
              if (d[w] === d[v]! + 1) sg[w]! += sg[v]!;
            }
          }
          dist.push(d);
          sigma.push(sg);
        }
        const bc = betweenness(csr, { exactMaxNodes: Infinity, normalized: false }).values;
        for (let v = 0; v < n; v++) {
          let sum = 0;
          for (let s = 0; s < n; s++) {
            for (let t = s + 1; t < n; t++) {
              if (s === v || t === v || dist[s]![t]! <= 0) continue;
              if (dist[s]![v]! >= 0 && dist[v]![t]! >= 0 && dist[s]![v]! + dist[v]![t]! === dist[s]![t]!) {
                sum += (sigma[s]![v]! * sigma[v]![t]!) / sigma[s]![t]!;
              }
            }
          }
          expect(Math.abs(bc[v]! - sum)).toBeLessThan(1e-9);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('renumbering by decreasing degree keeps every tie and its weight, sorts the lists, and keeps the order of equal degrees', () => {
    fc.assert(
      fc.property(graphArb, (g) => {
        const csr = buildCsr(g);
        const r = byDecreasingDegree(csr);
        const n = csr.n;
        expect(Array.from(r.original).sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
        for (let k = 0; k < n; k++) {
          expect(r.position[r.original[k]!]).toBe(k);
          expect(r.degree[k]).toBe(csr.degree[r.original[k]!]);
          if (k > 0) {
            expect(r.degree[k - 1]!).toBeGreaterThanOrEqual(r.degree[k]!);
            if (r.degree[k - 1] === r.degree[k]) expect(r.original[k - 1]!).toBeLessThan(r.original[k]!);
          }
          const list = Array.from(r.targets.subarray(r.offsets[k]!, r.offsets[k + 1]!));
          expect(list).toEqual([...list].sort((a, b) => a - b));
        }
        const ties = (offsets: Int32Array, targets: Int32Array, weights: Float64Array, name: (i: number) => number) => {
          const out: string[] = [];
          for (let i = 0; i < n; i++) for (let p = offsets[i]!; p < offsets[i + 1]!; p++) out.push(`${name(i)}-${name(targets[p]!)}:${weights[p]}`);
          return out.sort();
        };
        expect(ties(r.offsets, r.targets, r.weights, (k) => r.original[k]!)).toEqual(ties(csr.offsets, csr.targets, csr.weights, (i) => i));
      }),
      { numRuns: 200 },
    );
  });
});

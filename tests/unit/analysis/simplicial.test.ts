/**
 * The BFS of `accumulateDependencies` does not scan the ties of simplicial nodes (all neighbours
 * tied to each other): on graphs made of project cliques, with extra ties, leaves, isolates and
 * unsorted or repeated arcs, that must give exactly the sums of a BFS that scans every node, and
 * `simplicialNodes` must agree with its definition checked pair by pair.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accumulateDependencies, dependencyScratch, simplicialNodes } from '../../../src/analysis/betweenness';
import { csrFromSortedEdges, type Csr } from '../../../src/analysis/csr';
import { mulberry32 } from '../../../src/analysis/prng';

/** A CSR from undirected pairs (deduplicated and sorted, as the analysis builds them). */
function csrOf(n: number, pairs: [number, number][]): Csr {
  const keys = [...new Set(pairs.filter(([a, b]) => a !== b).map(([a, b]) => Math.min(a, b) * n + Math.max(a, b)))].sort((x, y) => x - y);
  const ids = Array.from({ length: n }, (_, i) => `o${String(i).padStart(3, '0')}`);
  return csrFromSortedEdges({
    ids,
    labels: ids,
    group: new Int32Array(n),
    groupNames: ['other'],
    edgeU: Int32Array.from(keys, (k) => Math.floor(k / n)),
    edgeV: Int32Array.from(keys, (k) => k % n),
    edgeW: new Float64Array(keys.length).fill(1),
  });
}

/**
 * Organisations in projects (each a clique), a few ties between projects, and hubs tied to many
 * (a hub's long list is read by binary search); `shuffled` lists each node's ties out of order (a
 * CSR built from a graphology graph), which takes the scanning path instead.
 */
const graphArb = fc
  .record({
    n: fc.integer({ min: 1, max: 60 }),
    projects: fc.array(fc.uniqueArray(fc.integer({ min: 0, max: 59 }), { minLength: 1, maxLength: 7 }), { maxLength: 14 }),
    hubs: fc.array(fc.tuple(fc.integer({ min: 0, max: 59 }), fc.uniqueArray(fc.integer({ min: 0, max: 59 }), { minLength: 20, maxLength: 50 })), { maxLength: 3 }),
    extra: fc.array(fc.tuple(fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 59 })), { maxLength: 8 }),
    shuffled: fc.boolean(),
    seed: fc.integer(),
  })
  .map(({ n, projects, hubs, extra, shuffled, seed }) => {
    const pairs: [number, number][] = [];
    for (const members of projects) {
      const inRange = members.filter((o) => o < n);
      for (let i = 0; i < inRange.length; i++) for (let j = i + 1; j < inRange.length; j++) pairs.push([inRange[i]!, inRange[j]!]);
    }
    for (const [hub, partners] of hubs) if (hub < n) for (const o of partners) if (o < n) pairs.push([hub, o]);
    for (const [a, b] of extra) if (a < n && b < n) pairs.push([a, b]);
    const csr = csrOf(n, pairs);
    if (!shuffled) return csr;
    const rng = mulberry32(seed);
    const targets = csr.targets.slice();
    for (let v = 0; v < n; v++) {
      for (let i = csr.offsets[v + 1]! - 1; i > csr.offsets[v]!; i--) {
        const j = csr.offsets[v]! + Math.floor(rng() * (i - csr.offsets[v]! + 1));
        [targets[i], targets[j]] = [targets[j]!, targets[i]!];
      }
    }
    return { ...csr, targets };
  });

/** Simplicial by definition: every two neighbours are tied. */
function simplicialByDefinition(csr: Csr): number[] {
  const tied = (a: number, b: number) => Array.from(csr.targets.subarray(csr.offsets[a]!, csr.offsets[a + 1]!)).includes(b);
  const out: number[] = [];
  for (let w = 0; w < csr.n; w++) {
    const nb = Array.from(csr.targets.subarray(csr.offsets[w]!, csr.offsets[w + 1]!));
    if (nb.every((x, i) => nb.every((y, j) => i === j || tied(x, y)))) out.push(w);
  }
  return out;
}

const flagged = (flags: Uint8Array) => [...flags.keys()].filter((i) => flags[i]);

describe('simplicial nodes in the betweenness BFS', () => {
  it('simplicialNodes agrees with the definition', () => {
    fc.assert(
      fc.property(graphArb, (csr) => {
        expect(flagged(simplicialNodes(csr))).toEqual(simplicialByDefinition(csr));
      }),
      { numRuns: 400 },
    );
  });

  it('not scanning them leaves every dependency sum exactly as it was', () => {
    fc.assert(
      fc.property(graphArb, (csr) => {
        const all = Int32Array.from({ length: csr.n }, (_, i) => i);
        const scanningAll = { ...dependencyScratch(csr), simplicial: new Uint8Array(csr.n) };
        const skipping = dependencyScratch(csr);
        expect(Array.from(accumulateDependencies(csr, all, undefined, skipping))).toEqual(Array.from(accumulateDependencies(csr, all, undefined, scanningAll)));
        // The scratch is left as it was found: a second call gives the same sums.
        expect(Array.from(accumulateDependencies(csr, all, undefined, skipping))).toEqual(Array.from(accumulateDependencies(csr, all, undefined, scanningAll)));
      }),
      { numRuns: 400 },
    );
  });

  it('in a project network, the members of one project only are simplicial, and hubs and leaves as expected', () => {
    // Projects {0,1,2,3} and {3,4,5}; 6 hangs off 5; 7 is alone.
    const csr = csrOf(8, [
      [0, 1], [0, 2], [0, 3], [1, 2], [1, 3], [2, 3],
      [3, 4], [3, 5], [4, 5],
      [5, 6],
    ]);
    expect(flagged(simplicialNodes(csr))).toEqual([0, 1, 2, 4, 6, 7]);
  });

  it('a node with a repeated arc or a self-loop is not taken as simplicial', () => {
    // 0–1 and 0–2, with the arc 0→1 listed twice and a loop on 2 (a CSR the analysis never builds).
    const csr = {
      n: 3,
      offsets: Int32Array.from([0, 3, 4, 6]),
      targets: Int32Array.from([1, 1, 2, 0, 0, 2]),
    };
    expect(flagged(simplicialNodes(csr))).toEqual([1]);
    // 0's neighbours 1, 2, 3, where 1 lists 2 twice and is not tied to 3: 0 is not simplicial.
    const repeatedElsewhere = {
      n: 4,
      offsets: Int32Array.from([0, 3, 6, 10, 13]),
      targets: Int32Array.from([1, 2, 3, 0, 2, 2, 0, 1, 1, 3, 0, 2, 2]),
    };
    expect(flagged(simplicialNodes(repeatedElsewhere))).toEqual([]);
  });
});

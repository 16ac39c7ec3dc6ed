/**
 * Re-projecting a resample of the activities (the convener bootstraps): scanning the rows again
 * (`projectVisibleIncidence`) must give what a brute-force walk over every (pair, row) gives, and
 * `ResampledAdjacency` (from the rows of each tie, found once) the same ties as adjacency lists,
 * for any two-mode data: listings with hubs, rows whose members are not in order, both weight
 * rules, rows drawn 0, 1 or more times, one resample after another on the same object.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csrFromSortedEdges } from '../../../src/analysis/csr';
import { projectVisibleIncidence, ResampledAdjacency, tieRows } from '../../../src/analysis/view';
import type { WeightMode } from '../../../src/graph/projection';
import { twoModeRowsArb } from './helpers';

interface TwoMode {
  n: number;
  memberOffsets: Int32Array;
  members: Int32Array;
  hub: Uint8Array;
  listing: Uint8Array;
}

const dataArb = fc
  .record({
    n: fc.integer({ min: 2, max: 12 }),
    rows: twoModeRowsArb({ orgs: 12, rowSize: 7, hubs: 3, rows: 10 }),
    weight: fc.constantFrom<WeightMode>('shared', 'newman'),
    draws: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 10, maxLength: 10 }),
    nextDraws: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 10, maxLength: 10 }),
  })
  .map(({ n, rows, weight, draws, nextDraws }) => {
    const offsets = [0];
    const members: number[] = [];
    const hub: number[] = [];
    const listing: number[] = [];
    for (const r of rows) {
      // Members in the generated order: rows are not always sorted.
      const inRow = r.members.filter((o) => o < n);
      if (inRow.length === 0) continue;
      inRow.forEach((o, i) => {
        members.push(o);
        hub.push(i < r.hubCount ? 1 : 0);
      });
      offsets.push(members.length);
      listing.push(r.listing ? 1 : 0);
    }
    const data: TwoMode = {
      n,
      memberOffsets: Int32Array.from(offsets),
      members: Int32Array.from(members),
      hub: Uint8Array.from(hub),
      listing: Uint8Array.from(listing),
    };
    return { data, weight, rowWeight: Float64Array.from(draws.slice(0, listing.length)), nextRowWeight: Float64Array.from(nextDraws.slice(0, listing.length)) };
  });

/** Every (pair, row) the rules tie, rows in order, summed per pair; sorted by (u, v). */
function bruteForce(d: TwoMode, weight: WeightMode, rowWeight: Float64Array) {
  const sums = new Map<number, number>();
  for (let r = 0; r < d.listing.length; r++) {
    const t = rowWeight[r]!;
    if (!(t > 0)) continue;
    const start = d.memberOffsets[r]!;
    const end = d.memberOffsets[r + 1]!;
    const c = (weight === 'newman' ? 1 / (end - start - 1) : 1) * t;
    for (let p = start; p < end; p++) {
      for (let x = start; x < end; x++) {
        const u = d.members[p]!;
        const v = d.members[x]!;
        if (u >= v) continue;
        if (d.listing[r] && !d.hub[p] && !d.hub[x]) continue;
        const key = u * d.n + v;
        sums.set(key, (sums.get(key) ?? 0) + c);
      }
    }
  }
  const keys = [...sums.keys()].sort((a, b) => a - b);
  return {
    edgeU: keys.map((k) => Math.floor(k / d.n)),
    edgeV: keys.map((k) => k % d.n),
    edgeW: keys.map((k) => sums.get(k)!),
  };
}

/** Adjacency lists of an edge list sorted by (u, v), as the selection reads them. */
function adjacencyLists(n: number, edges: { edgeU: number[]; edgeV: number[] }): number[][] {
  const csr = csrFromSortedEdges({ ids: Array.from({ length: n }, (_, i) => String(i)), labels: [], group: new Int32Array(n), groupNames: [], edgeU: Int32Array.from(edges.edgeU), edgeV: Int32Array.from(edges.edgeV), edgeW: new Float64Array(edges.edgeU.length) });
  return Array.from({ length: n }, (_, x) => Array.from(csr.targets.subarray(csr.offsets[x], csr.offsets[x + 1])));
}

function listsOf(a: { offsets: Int32Array; targets: Int32Array; degree: Int32Array }, n: number): number[][] {
  return Array.from({ length: n }, (_, x) => {
    expect(a.offsets[x + 1]! - a.offsets[x]!).toBe(a.degree[x]);
    return Array.from(a.targets.subarray(a.offsets[x], a.offsets[x + 1]));
  });
}

describe('re-projecting a resample', () => {
  it('scanning the rows again equals a brute-force walk, to the last bit', () => {
    fc.assert(
      fc.property(dataArb, ({ data, weight, rowWeight }) => {
        const scanned = projectVisibleIncidence(data, weight, rowWeight);
        const brute = bruteForce(data, weight, rowWeight);
        expect(Array.from(scanned.edgeU)).toEqual(brute.edgeU);
        expect(Array.from(scanned.edgeV)).toEqual(brute.edgeV);
        expect(Array.from(scanned.edgeW)).toEqual(brute.edgeW);
      }),
      { numRuns: 500 },
    );
  });

  it('ResampledAdjacency has the brute-force ties as sorted lists, resample after resample', () => {
    fc.assert(
      fc.property(dataArb, ({ data, weight, rowWeight, nextRowWeight }) => {
        const adjacency = new ResampledAdjacency(data.n, tieRows(data));
        expect(listsOf(adjacency.resample(rowWeight), data.n)).toEqual(adjacencyLists(data.n, bruteForce(data, weight, rowWeight)));
        // The second resample overwrites the first in the same buffers.
        expect(listsOf(adjacency.resample(nextRowWeight), data.n)).toEqual(adjacencyLists(data.n, bruteForce(data, weight, nextRowWeight)));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps every tie when every row is drawn once, none when no row is, and a row drawn twice once', () => {
    // Two projects {0, 1, 2} and {1, 2, 3}, and a listing with hub 4 and members 0, 3.
    const data: TwoMode = {
      n: 5,
      memberOffsets: Int32Array.from([0, 3, 6, 9]),
      members: Int32Array.from([0, 1, 2, 1, 2, 3, 4, 0, 3]),
      hub: Uint8Array.from([0, 0, 0, 0, 0, 0, 1, 0, 0]),
      listing: Uint8Array.from([0, 0, 1]),
    };
    const adjacency = new ResampledAdjacency(5, tieRows(data));
    expect(listsOf(adjacency.resample([1, 1, 1]), 5)).toEqual([[1, 2, 4], [0, 2, 3], [0, 1, 3], [1, 2, 4], [0, 3]]);
    expect(listsOf(adjacency.resample([0, 0, 0]), 5)).toEqual([[], [], [], [], []]);
    expect(listsOf(adjacency.resample([0, 2, 0]), 5)).toEqual([[], [2, 3], [1, 3], [1, 2], []]);
  });
});

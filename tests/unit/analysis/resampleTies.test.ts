/**
 * Re-projecting a resample of the activities (the convener bootstraps): `resampleTies` from the
 * rows of each tie must give exactly what scanning the rows again (`projectVisibleIncidence`) gives,
 * and both what a brute-force walk over every (pair, row) gives, for any two-mode data: listings
 * with hubs, rows whose members are not in order, both weight rules, rows drawn 0, 1 or more times.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { projectVisibleIncidence, resampleTies, tieRows } from '../../../src/analysis/view';
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
  })
  .map(({ n, rows, weight, draws }) => {
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
    return { data, weight, rowWeight: Float64Array.from(draws.slice(0, listing.length)) };
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

describe('resampleTies', () => {
  it('equals scanning the rows again and a brute-force walk, to the last bit', () => {
    fc.assert(
      fc.property(dataArb, ({ data, weight, rowWeight }) => {
        const fast = resampleTies(tieRows(data, weight), rowWeight);
        const scanned = projectVisibleIncidence(data, weight, rowWeight);
        const brute = bruteForce(data, weight, rowWeight);
        expect(Array.from(fast.edgeU)).toEqual(brute.edgeU);
        expect(Array.from(fast.edgeV)).toEqual(brute.edgeV);
        expect(Array.from(fast.edgeW)).toEqual(brute.edgeW);
        expect(Array.from(scanned.edgeU)).toEqual(brute.edgeU);
        expect(Array.from(scanned.edgeV)).toEqual(brute.edgeV);
        expect(Array.from(scanned.edgeW)).toEqual(brute.edgeW);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps every tie once when every row is drawn once, and none when no row is', () => {
    // Two projects {0, 1, 2} and {1, 2, 3}, and a listing with hub 4 and members 0, 3.
    const data: TwoMode = {
      n: 5,
      memberOffsets: Int32Array.from([0, 3, 6, 9]),
      members: Int32Array.from([0, 1, 2, 1, 2, 3, 4, 0, 3]),
      hub: Uint8Array.from([0, 0, 0, 0, 0, 0, 1, 0, 0]),
      listing: Uint8Array.from([0, 0, 1]),
    };
    const ties = tieRows(data, 'shared');
    const all = resampleTies(ties, [1, 1, 1]);
    expect([...all.edgeU].map((u, e) => `${u}-${all.edgeV[e]}:${all.edgeW[e]}`)).toEqual(['0-1:1', '0-2:1', '0-4:1', '1-2:2', '1-3:1', '2-3:1', '3-4:1']);
    expect(resampleTies(ties, [0, 0, 0]).edgeU.length).toBe(0);
    const twice = resampleTies(ties, [0, 2, 0]);
    expect([...twice.edgeU].map((u, e) => `${u}-${twice.edgeV[e]}:${twice.edgeW[e]}`)).toEqual(['1-2:2', '1-3:2', '2-3:2']);
  });
});

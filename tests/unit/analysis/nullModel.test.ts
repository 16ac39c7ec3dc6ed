/**
 * Two-mode null model (Curveball on the participation matrix, listing hubs fixed): margins and hubs
 * preserved, the count-only projection equals the network's projection, determinism, an exactly
 * enumerable case, and agreement with an independent checkerboard-swap chain
 * (scripts/make-null-reference.py → tests/fixtures/reference/twomode_null_values.json).
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csrFromSortedEdges } from '../../../src/analysis/csr';
import { eiIndex, mixingMatrices } from '../../../src/analysis/mixing';
import {
  curveballIncidence,
  curveballState,
  curveballTieMatrix,
  curveballTrades,
  monteCarloP,
  sectorPair,
  twoModeNull,
  twoModeNullSteps,
  type SectorLabels,
  type TwoModeData,
} from '../../../src/analysis/nullModel';
import { mulberry32 } from '../../../src/analysis/prng';
import { projectVisibleIncidence } from '../../../src/analysis/view';
import { FIXTURES, twoModeRowsArb } from './helpers';

interface Row {
  members: number[];
  hubs?: number[];
  listing?: boolean;
}

/** Two-mode data from rows of organisation indices (members sorted, hubs flagged). */
function twoMode(n: number, rows: Row[]): TwoModeData {
  const offsets = [0];
  const members: number[] = [];
  const hub: number[] = [];
  for (const r of rows) {
    for (const o of [...r.members].sort((a, b) => a - b)) {
      members.push(o);
      hub.push(r.hubs?.includes(o) ? 1 : 0);
    }
    offsets.push(members.length);
  }
  return {
    n,
    memberOffsets: Int32Array.from(offsets),
    members: Int32Array.from(members),
    hub: Uint8Array.from(hub),
    listing: Uint8Array.from(rows.map((r) => (r.listing ? 1 : 0))),
  };
}

function rowSets(d: TwoModeData): number[][] {
  const out: number[][] = [];
  for (let r = 0; r < d.listing.length; r++) {
    out.push(Array.from(d.members.subarray(d.memberOffsets[r]!, d.memberOffsets[r + 1]!)).sort((a, b) => a - b));
  }
  return out;
}

/** Fixed (row, organisation) cells: the hubs of listing rows. */
function fixedCells(d: TwoModeData): string[] {
  const out: string[] = [];
  for (let r = 0; r < d.listing.length; r++) {
    if (!d.listing[r]) continue;
    for (let p = d.memberOffsets[r]!; p < d.memberOffsets[r + 1]!; p++) if (d.hub[p]) out.push(`${r}:${d.members[p]}`);
  }
  return out.sort();
}

function columnSums(d: TwoModeData): number[] {
  const c = new Array<number>(d.n).fill(0);
  for (const o of d.members) c[o]!++;
  return c;
}

/** Sector-pair tie counts via the network's projection (view.ts) and mixing.ts, as a G × G matrix. */
function referenceMatrix(d: TwoModeData, sectors: SectorLabels): { matrix: number[][]; ei: ReturnType<typeof eiIndex> } {
  const { edgeU, edgeV, edgeW } = projectVisibleIncidence(d, 'shared');
  const ids = Array.from({ length: d.n }, (_, i) => `o${String(i).padStart(4, '0')}`);
  const csr = csrFromSortedEdges({
    ids,
    labels: ids,
    group: Int32Array.from(sectors.group),
    groupNames: [...sectors.groupNames],
    edgeU,
    edgeV,
    edgeW,
  });
  const mix = mixingMatrices(csr, false);
  const matrix = sectors.groupNames.map((g) => sectors.groupNames.map((h) => mix.observed[g]![h]!));
  return { matrix, ei: eiIndex(csr, false) };
}

const SECTORS3 = ['tech', 'care', 'government'];

const dataArb = fc
  .record({
    n: fc.integer({ min: 2, max: 9 }),
    groups: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 9, maxLength: 9 }),
    rows: twoModeRowsArb({ orgs: 9, rowSize: 6, hubs: 2, rows: 8 }),
    seed: fc.integer(),
  })
  .map(({ n, groups, rows, seed }) => {
    const rs: Row[] = [];
    for (const r of rows) {
      const members = r.members.filter((o) => o < n);
      if (members.length === 0) continue;
      rs.push({ members, listing: r.listing, hubs: members.slice(0, r.hubCount) });
    }
    if (rs.length === 0) rs.push({ members: [0, 1] });
    return { data: twoMode(n, rs), sectors: { group: Int32Array.from(groups.slice(0, n)), groupNames: SECTORS3 }, seed };
  });

describe('Curveball trades (Strona et al. 2014) with fixed listing hubs', () => {
  it('preserve row sizes, column sums and the fixed hubs, and never put an organisation twice in a row', () => {
    fc.assert(
      fc.property(dataArb, fc.integer({ min: 1, max: 300 }), ({ data, seed }, trades) => {
        const state = curveballState(data);
        curveballTrades(state, mulberry32(seed), trades);
        const after = curveballIncidence(state);
        expect(Array.from(after.memberOffsets)).toEqual(Array.from(data.memberOffsets));
        expect(columnSums(after)).toEqual(columnSums(data));
        expect(fixedCells(after)).toEqual(fixedCells(data));
        for (const row of rowSets(after)) expect(new Set(row).size).toBe(row.length);
      }),
      { numRuns: 300 },
    );
  });

  it('the count-only projection equals projectVisibleIncidence + mixing on every randomised state', () => {
    fc.assert(
      fc.property(dataArb, fc.integer({ min: 0, max: 50 }), ({ data, sectors, seed }, trades) => {
        const state = curveballState(data);
        curveballTrades(state, mulberry32(seed), trades);
        const m = curveballTieMatrix(state, sectors);
        const { matrix } = referenceMatrix(curveballIncidence(state), sectors);
        for (let g = 0; g < 3; g++) {
          for (let h = g; h < 3; h++) {
            const got = g === h ? m[g * 3 + g]! : m[g * 3 + h]! + m[h * 3 + g]!;
            expect(got, `${g}-${h}`).toBe(matrix[g]![h]);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('actually moves participations (a listing member can leave, a hub cannot)', () => {
    // Row 0 is a listing with hub 0; organisation 0 also sits in row 1 where it can move.
    const data = twoMode(6, [
      { members: [0, 1, 2], hubs: [0], listing: true },
      { members: [0, 3] },
      { members: [4, 5] },
    ]);
    const state = curveballState(data);
    const seen = new Set<string>();
    const rng = mulberry32(3);
    for (let i = 0; i < 200; i++) {
      curveballTrades(state, rng, 1);
      const rows = rowSets(curveballIncidence(state));
      expect(rows[0]).toContain(0);
      seen.add(JSON.stringify(rows));
    }
    expect(seen.size).toBeGreaterThan(5);
  });
});

describe('two-mode null model', () => {
  const tiny = twoMode(6, [
    { members: [0, 1, 2] },
    { members: [1, 3] },
    { members: [2, 4, 5] },
    { members: [0, 3, 4], hubs: [0], listing: true },
  ]);
  const tinySectors: SectorLabels = { group: Int32Array.from([0, 0, 1, 1, 2, 2]), groupNames: SECTORS3 };

  it('observed counts and E–I equal the network projection with mixing.ts', () => {
    const r = twoModeNull(tiny, tinySectors, { draws: 50 });
    const { matrix, ei } = referenceMatrix(tiny, tinySectors);
    for (const p of r.pairs) {
      const g = SECTORS3.indexOf(p.a);
      const h = SECTORS3.indexOf(p.b);
      expect(g).toBeLessThanOrEqual(h);
      expect(p.observed, `${p.a}-${p.b}`).toBe(matrix[g]![h]);
    }
    expect(r.pairs).toHaveLength(6);
    for (const e of r.ei) {
      expect(e.observed.E).toBe(ei.groupEdgeCount[e.sector]!.E);
      expect(e.observed.I).toBe(ei.groupEdgeCount[e.sector]!.I);
      expect(e.observed.EI).toBe(ei.groupEdgeCount[e.sector]!.EI);
    }
  });

  it('matches the exact null distribution enumerated by brute force', () => {
    // Every matrix with the same row sizes, column sums and fixed hub, each equally likely.
    const rows = rowSets(tiny);
    const fixed = [[], [], [], [0]];
    const colTarget = columnSums(tiny);
    const choose = (pool: number[], k: number): number[][] => {
      if (k === 0) return [[]];
      const out: number[][] = [];
      pool.forEach((x, i) => {
        for (const rest of choose(pool.slice(i + 1), k - 1)) out.push([x, ...rest]);
      });
      return out;
    };
    const options = rows.map((row, r) =>
      choose(
        [0, 1, 2, 3, 4, 5].filter((o) => !fixed[r]!.includes(o)),
        row.length - fixed[r]!.length,
      ).map((free) => [...fixed[r]!, ...free]),
    );
    const totals = new Map<string, number>();
    let count = 0;
    const pick: number[][] = [];
    const visit = (r: number) => {
      if (r === rows.length) {
        const cols = new Array<number>(6).fill(0);
        for (const row of pick) for (const o of row) cols[o]!++;
        if (cols.some((c, i) => c !== colTarget[i])) return;
        count++;
        const d = twoMode(6, pick.map((m, i) => (i === 3 ? { members: m, hubs: [0], listing: true } : { members: m })));
        const { matrix } = referenceMatrix(d, tinySectors);
        for (let g = 0; g < 3; g++) for (let h = g; h < 3; h++) totals.set(`${g}${h}`, (totals.get(`${g}${h}`) ?? 0) + matrix[g]![h]!);
        return;
      }
      for (const o of options[r]!) {
        pick.push(o);
        visit(r + 1);
        pick.pop();
      }
    };
    visit(0);
    expect(count).toBeGreaterThan(20);
    const r = twoModeNull(tiny, tinySectors, { draws: 40_000, workBudget: Infinity, seed: 7 });
    expect(r.draws).toBe(40_000);
    for (const p of r.pairs) {
      const g = SECTORS3.indexOf(p.a);
      const h = SECTORS3.indexOf(p.b);
      const exact = totals.get(`${g}${h}`)! / count;
      expect(Math.abs(p.expectedTwoMode - exact), `${p.a}-${p.b}: ${p.expectedTwoMode} vs exact ${exact} (se ${p.se})`).toBeLessThanOrEqual(
        4 * p.se + 1e-12,
      );
    }
  });

  it('is deterministic for a seed and reports what it did', () => {
    const a = twoModeNull(tiny, tinySectors, { draws: 300, seed: 11 });
    const b = twoModeNull(tiny, tinySectors, { draws: 300, seed: 11 });
    const c = twoModeNull(tiny, tinySectors, { draws: 300, seed: 12 });
    expect(a).toEqual(b);
    expect(a.pairs.map((p) => p.expectedTwoMode)).not.toEqual(c.pairs.map((p) => p.expectedTwoMode));
    expect(a.seed).toBe(11);
    expect(a.draws).toBe(300);
    expect(a.reduced).toBe(false);
    expect(a.rows).toBe(4);
    expect(a.tradeableRows).toBe(4);
    expect(a.participations).toBe(11);
    expect(a.movable).toBe(10);
    expect(a.burnIn).toBeGreaterThanOrEqual(5 * 4);
    expect(a.trades).toBe(a.burnIn + 299 * a.thin);
    expect(a.triplesPerDraw).toBe(3 + 1 + 3 + 2);
  });

  it('cuts the draws to the work budget, never below minDraws, and yields increasing progress', () => {
    const perDraw = twoModeNull(tiny, tinySectors, { draws: 1 }).workPerDraw;
    // 9 triples, but 6 organisations, 11 participations and 20 trades of two rows: the trades are the work.
    expect(perDraw).toBe(6 + 11 + 20 * (2 * (11 / 4) + 2));
    const r = twoModeNull(tiny, tinySectors, { draws: 1000, workBudget: perDraw * 150 });
    expect(r.draws).toBe(150);
    expect(r.reduced).toBe(true);
    expect(r.requestedDraws).toBe(1000);
    const floor = twoModeNull(tiny, tinySectors, { draws: 1000, workBudget: 9, minDraws: 40 });
    expect(floor.draws).toBe(40);
    const steps = twoModeNullSteps(tiny, tinySectors, { draws: 2000, burnIn: 100_000 });
    const progress: number[] = [];
    let s = steps.next();
    while (!s.done) {
      progress.push(s.value);
      s = steps.next();
    }
    expect(progress.length).toBeGreaterThan(3);
    for (let i = 0; i < progress.length; i++) {
      expect(progress[i]).toBeGreaterThanOrEqual(i > 0 ? progress[i - 1]! : 0);
      expect(progress[i]).toBeLessThanOrEqual(1);
    }
    expect(s.value.draws).toBe(2000);
  });

  it('counts a draw\'s rows, organisations and trades, not only its triples: many tiny activities are bounded too', () => {
    // 2,000 organisations in 1,000 pairs: 1,000 triples, but a draw sorts 1,000 rows, refills 2,000
    // organisations' scratch and makes 1,000 trades. By triples alone all 1,000 draws fitted the
    // budget; at 200,000 organisations that was 54 s.
    const pairs = twoMode(2000, Array.from({ length: 1000 }, (_, i) => ({ members: [2 * i, 2 * i + 1] })));
    const sectors: SectorLabels = { group: Int32Array.from({ length: 2000 }, (_, i) => i % 3), groupNames: SECTORS3 };
    const r = twoModeNull(pairs, sectors, { draws: 1000, workBudget: 1e6 });
    expect(r.triplesPerDraw).toBe(1000);
    expect(r.workPerDraw).toBe(2000 + 2000 + 1000 * (2 * 2 + 2));
    expect(r.draws).toBe(100);
    expect(r.reduced).toBe(true);
  });

  it('a listing without hubs ties no one and trades no one: its members stay, and the chance ranges do not fall', () => {
    // tiny plus a hub-less listing of three new organisations (6, 7, 8) and two real ones (1, 3):
    // traded into it, an organisation lost every tie (what-if lists of 200 new organisations turned
    // missing bridges into "bridged"). It is not traded, so the draws are tiny's own.
    const rows = [
      { members: [0, 1, 2] },
      { members: [1, 3] },
      { members: [2, 4, 5] },
      { members: [0, 3, 4], hubs: [0], listing: true },
    ];
    const withList = twoMode(9, [...rows, { members: [1, 3, 6, 7, 8], listing: true }]);
    const state = curveballState(withList);
    expect(Array.from(state.tradeable)).toEqual([0, 1, 2, 3]);
    const rng = mulberry32(5);
    for (let i = 0; i < 300; i++) {
      curveballTrades(state, rng, 1);
      expect(rowSets(curveballIncidence(state))[4]).toEqual([1, 3, 6, 7, 8]);
    }
    const sectors: SectorLabels = { group: Int32Array.from([0, 0, 1, 1, 2, 2, 0, 1, 2]), groupNames: SECTORS3 };
    const base = twoModeNull(tiny, tinySectors, { draws: 400, seed: 3 });
    const listed = twoModeNull(withList, sectors, { draws: 400, seed: 3 });
    expect(listed.pairs.map((p) => [p.a, p.b, p.observed, p.low, p.high])).toEqual(base.pairs.map((p) => [p.a, p.b, p.observed, p.low, p.high]));
  });

  it('with nothing to trade every draw is the observed network', () => {
    const one = twoMode(4, [{ members: [0, 1, 2, 3] }]);
    const r = twoModeNull(one, { group: Int32Array.from([0, 0, 1, 2]), groupNames: SECTORS3 }, { draws: 20 });
    expect(r.trades).toBe(0);
    for (const p of r.pairs) {
      expect(p.expectedTwoMode).toBe(p.observed);
      expect(p.low).toBe(p.observed);
      expect(p.high).toBe(p.observed);
      expect(p.p).toBe(1);
    }
  });

  it('Monte-Carlo p-value with the +1 correction', () => {
    // 9 draws, observed 0: #{≤} = 0 → (1+0)/10 = 0.1, two-sided 0.2.
    expect(monteCarloP([1, 2, 3, 4, 5, 6, 7, 8, 9], 0)).toBeCloseTo(0.2, 12);
    expect(monteCarloP([1, 2, 3, 4, 5, 6, 7, 8, 9], 10)).toBeCloseTo(0.2, 12);
    // observed 3: #{≤} = 3, #{≥} = 7 → 2 · 4/10.
    expect(monteCarloP([1, 2, 3, 4, 5, 6, 7, 8, 9], 3)).toBeCloseTo(0.8, 12);
    expect(monteCarloP([5, 5, 5], 5)).toBe(1);
  });
});

describe('two-mode null model against an independent checkerboard-swap chain (make-null-reference.py)', () => {
  const readCsv = (name: string) =>
    readFileSync(new URL(name, FIXTURES), 'utf8')
      .trim()
      .split(/\r?\n/)
      .slice(1)
      .map((l) => l.split(','));
  const nodes = readCsv('twomode_nodes.csv');
  const ids = nodes.map((r) => r[0]!).sort();
  const index = new Map(ids.map((id, i) => [id, i]));
  const sectorOf = new Map(nodes.map((r) => [r[0]!, r[1]!]));
  const sectors: SectorLabels = {
    group: Int32Array.from(ids.map((id) => SECTORS3.indexOf(sectorOf.get(id)!))),
    groupNames: SECTORS3,
  };
  const byActivity = new Map<string, Row>();
  for (const [act, org, hub, listing] of readCsv('twomode_participations.csv')) {
    let row = byActivity.get(act!);
    if (!row) byActivity.set(act!, (row = { members: [], hubs: [], listing: listing === '1' }));
    row.members.push(index.get(org!)!);
    if (hub === '1') row.hubs!.push(index.get(org!)!);
  }
  const data = twoMode(
    ids.length,
    [...byActivity.keys()].sort().map((a) => byActivity.get(a)!),
  );
  const reference = JSON.parse(readFileSync(new URL('twomode_null_values.json', FIXTURES), 'utf8')) as {
    pairs: { a: string; b: string; observed: number; mean: number; sd: number; se: number }[];
    ei: { sector: string; observed: number | null; mean: number; se: number }[];
  };
  const result = twoModeNull(data, sectors, { draws: 20_000, workBudget: Infinity, seed: 2024 });

  it('has the same observed counts', () => {
    for (const ref of reference.pairs) expect(sectorPair(result, ref.a, ref.b)!.observed).toBe(ref.observed);
    for (const ref of reference.ei) expect(result.ei.find((e) => e.sector === ref.sector)!.observed.EI).toBeCloseTo(ref.observed!, 12);
  });

  it('expected ties per sector pair agree within 4 standard errors', () => {
    for (const ref of reference.pairs) {
      const p = sectorPair(result, ref.a, ref.b)!;
      const tol = 4 * Math.hypot(p.se, ref.se);
      expect(Math.abs(p.expectedTwoMode - ref.mean), `${ref.a}-${ref.b}: ${p.expectedTwoMode} vs ${ref.mean} (tol ${tol})`).toBeLessThanOrEqual(tol);
      // The spread of the draws agrees too (loosely: it is not what the test is about).
      expect(Math.abs(p.sd - ref.sd) / ref.sd).toBeLessThan(0.05);
    }
  });

  it('expected E–I per sector agrees within 4 standard errors', () => {
    for (const ref of reference.ei) {
      const e = result.ei.find((x) => x.sector === ref.sector)!;
      expect(e.expected).not.toBeNull();
      const tol = 4 * Math.hypot(e.se!, ref.se);
      expect(Math.abs(e.expected! - ref.mean), `${ref.sector}: ${e.expected} vs ${ref.mean}`).toBeLessThanOrEqual(tol);
    }
  });

  it('flags missing pairs by the rule observed = 0 or observed < 2.5th percentile', () => {
    for (const p of result.pairs) {
      expect(p.missing).toBe(p.observed === 0 || p.observed < p.low);
      expect(p.low).toBeLessThanOrEqual(p.expectedTwoMode);
      expect(p.high).toBeGreaterThanOrEqual(p.expectedTwoMode);
    }
    // In the fixture tech and care meet in two projects only (3 ties, about 8 by chance).
    const tc = sectorPair(result, 'tech', 'care')!;
    expect(tc.missing).toBe(true);
    expect(tc.reason).toBe('below_null');
    expect(tc.p).toBeLessThan(0.05);
  });
});

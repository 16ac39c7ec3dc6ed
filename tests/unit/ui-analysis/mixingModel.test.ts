import { describe, expect, it } from 'vitest';
import { DEFAULT_TARGET_SECTORS } from '../../../src/data/sectors';
import {
  eiRows,
  heatmapModel,
  presentSectors,
  reachRows,
  sortSectors,
  targetPairStatus,
} from '../../../src/ui/analysis/mixingModel';
import { denHaagResult, smallResult } from './helpers';

describe('mixing model on the Den Haag data', () => {
  const result = denHaagResult();
  const targets = [...DEFAULT_TARGET_SECTORS];

  it('lists only sectors with organisations', () => {
    const sectors = presentSectors(result);
    expect(sectors.length).toBeGreaterThan(0);
    for (const s of sectors) expect(result.mixing.unweighted.groupSize[s]).toBeGreaterThan(0);
  });

  it('builds a square, symmetric grid of observed vs expected', () => {
    const model = heatmapModel(result, targets);
    expect(model.cells).toHaveLength(model.sectors.length);
    let sum = 0;
    model.cells.forEach((row, i) => {
      expect(row).toHaveLength(model.sectors.length);
      row.forEach((c, j) => {
        const mirror = model.cells[j]![i]!;
        expect(c.observed).toBe(mirror.observed);
        expect(c.expected).toBeCloseTo(mirror.expected!, 9);
        expect(c.missing).toBe(mirror.missing);
        if (j >= i) sum += c.observed;
      });
    });
    // Each tie is counted once on or above the diagonal.
    expect(sum).toBe(result.meta.ties);
  });

  it('marks exactly the engine’s missing target pairs, on both sides of the diagonal', () => {
    const model = heatmapModel(result, targets);
    const marked = model.cells.flat().filter((c) => c.missing);
    const missingPairs = result.mixing.targetPairs.filter((p) => p.missing && p.reason !== 'sector_absent');
    expect(marked).toHaveLength(2 * missingPairs.length);
    for (const p of missingPairs) {
      const cell = marked.find((c) => c.row === p.a && c.col === p.b);
      expect(cell?.missing).toBe(p.reason);
    }
    for (const c of model.cells.flat()) if (c.row === c.col) expect(c.missing).toBeNull();
  });

  it("shows the engine's verdict with the two-mode interval, never one of its own", () => {
    const status = targetPairStatus(result);
    expect(status).toHaveLength(result.mixing.targetPairs.length);
    for (const p of result.mixing.targetPairs) {
      const s = status.find((x) => x.a === p.a && x.b === p.b)!;
      expect([s.ties, s.missing, s.reason, s.low, s.high]).toEqual([p.ties, p.missing, p.reason, p.low ?? null, p.high ?? null]);
      if (p.reason === 'below_null') expect(p.ties).toBeLessThan(p.low!);
    }
  });

  it('reports E–I per present sector in the declared convention', () => {
    const ei = eiRows(result);
    expect(ei.convention).toBe(result.meta.eiConvention);
    expect(ei.rows.map((r) => r.sector)).toEqual(presentSectors(result));
    for (const r of ei.rows) {
      const g = result.mixing.ei.groupEdgeCount[r.sector]!;
      expect(r.E).toBe(g.E);
      expect(r.I).toBe(g.I);
      if (r.E + r.I > 0) expect(r.EI).toBeCloseTo((r.E - r.I) / (r.E + r.I), 12);
    }
  });

  it('lists reach for every ordered target pair in target order', () => {
    const rows = reachRows(result, targets);
    expect(rows).toHaveLength(6);
    expect(rows[0]).toMatchObject({ from: 'tech', to: 'care' });
    for (const r of rows) {
      expect(r.within1).toBeLessThanOrEqual(r.within2);
      expect(r.within2).toBeLessThanOrEqual(r.size);
    }
  });
});

describe('mixing model on a small network', () => {
  it('flags tech–care without ties as "no_ties" and orders sectors canonically', () => {
    const r = smallResult();
    const pairs = targetPairStatus(r, ['tech', 'care', 'government']);
    const techCare = pairs.find((p) => p.a === 'tech' && p.b === 'care')!;
    expect(techCare).toMatchObject({ ties: 0, missing: true, reason: 'no_ties' });
    const model = heatmapModel(r, ['tech', 'care', 'government']);
    expect(model.cells[0]![1]!.missing).toBe('no_ties');
    expect(sortSectors(['other', 'zeta', 'care', 'tech', 'alpha'])).toEqual(['tech', 'care', 'other', 'alpha', 'zeta']);
  });

  it('reports an absent target sector', () => {
    const r = smallResult({ targets: ['tech', 'citizens'] });
    const pairs = targetPairStatus(r, ['tech', 'citizens']);
    expect(pairs[0]).toMatchObject({ missing: true, reason: 'sector_absent' });
    // An absent sector has no row in the grid, so nothing is marked.
    expect(heatmapModel(r, ['tech', 'citizens']).cells.flat().some((c) => c.missing)).toBe(false);
  });
});

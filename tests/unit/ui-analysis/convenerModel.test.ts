import { describe, expect, it } from 'vitest';
import { convenerCoverage, convenersStale, robustnessLevel } from '../../../src/ui/analysis/convenerModel';
import { denHaagResult } from './helpers';

describe('convener coverage', () => {
  for (const options of [{}, { k: 3, reachSteps: 2 as const }, { k: 10 }]) {
    it(`adds up the picks (${JSON.stringify(options)})`, () => {
      const result = denHaagResult(options);
      const c = convenerCoverage(result);
      expect(c.perSector.reduce((s, x) => s + x.reached, 0)).toBe(result.conveners.reachedTotal);
      expect(c.reachedTotal).toBeLessThanOrEqual(c.targetTotal);
      for (const s of c.perSector) expect(s.reached).toBeLessThanOrEqual(s.total);
      expect(c.perSector.map((x) => x.sector)).toEqual(result.conveners.targets);
      // "Everything reached" only when every target organisation is; a sector counts as covered
      // only when one of its organisations is reached.
      expect(c.verdict === 'all').toBe(c.perSector.every((x) => x.reached === x.total));
      expect(c.verdict === 'missing').toBe(c.perSector.some((x) => x.reached === 0));
      for (const w of c.weakest) expect(w.reached).toBeLessThan(w.total);
      expect(c.clusters.length).toBeLessThanOrEqual(c.clustersWithTargets);
      expect(c.picks).toBe(result.conveners.picks.length);
      expect(result.conveners.shortBy).toBe(result.conveners.k - c.picks);
      const last = result.conveners.picks.at(-1);
      if (last) expect(last.cumulativeReached).toBe(c.reachedTotal);
    });
  }

  it('names the weakest sector first when every sector is reached in part', () => {
    const result = denHaagResult({ k: 3 });
    const c = convenerCoverage(result);
    expect(c.verdict).toBe('every-sector');
    const shares = c.weakest.map((w) => w.reached / w.total);
    expect(shares).toEqual([...shares].sort((a, b) => a - b));
    const all = c.perSector.filter((x) => x.total > 0).map((x) => x.reached / x.total);
    expect(shares[0]).toBe(Math.min(...all));
  });

  it('grades robustness by the share of resamples that choose a pick again', () => {
    expect([1, 0.8, 0.79, 0.5, 0.49, 0].map(robustnessLevel)).toEqual(['firm', 'firm', 'fair', 'fair', 'weak', 'weak']);
    expect(robustnessLevel(undefined)).toBeNull();
    expect(robustnessLevel(Number.NaN)).toBeNull();
  });

  it('knows when the shown picks belong to other settings', () => {
    const result = denHaagResult();
    expect(convenersStale(result, result.conveners.k, result.conveners.reachSteps)).toBe(false);
    expect(convenersStale(result, result.conveners.k + 1, result.conveners.reachSteps)).toBe(true);
    expect(convenersStale(result, result.conveners.k, result.conveners.reachSteps === 1 ? 2 : 1)).toBe(true);
  });
});

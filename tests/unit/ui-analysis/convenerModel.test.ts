import { describe, expect, it } from 'vitest';
import { convenerCoverage, convenersStale } from '../../../src/ui/analysis/convenerModel';
import { denHaagResult } from './helpers';

describe('convener coverage', () => {
  for (const options of [{}, { k: 3, reachSteps: 2 as const }, { k: 10 }]) {
    it(`adds up the picks (${JSON.stringify(options)})`, () => {
      const result = denHaagResult(options);
      const c = convenerCoverage(result);
      expect(c.perSector.reduce((s, x) => s + x.reached, 0)).toBe(result.conveners.reachedTotal);
      expect(c.reachedTotal).toBeLessThanOrEqual(c.targetTotal);
      for (const s of c.perSector) expect(s.reached).toBeLessThanOrEqual(s.total);
      expect([...c.coveredSectors, ...c.uncoveredSectors].sort()).toEqual([...result.conveners.targets].sort());
      expect(c.clusters.length).toBeLessThanOrEqual(c.clustersWithTargets);
      expect(c.picks).toBe(result.conveners.picks.length);
      expect(c.stoppedEarly).toBe(c.picks < result.conveners.k);
      const last = result.conveners.picks.at(-1);
      if (last) expect(last.cumulativeReached).toBe(c.reachedTotal);
    });
  }

  it('knows when the shown picks belong to other settings', () => {
    const result = denHaagResult();
    expect(convenersStale(result, result.conveners.k, result.conveners.reachSteps)).toBe(false);
    expect(convenersStale(result, result.conveners.k + 1, result.conveners.reachSteps)).toBe(true);
    expect(convenersStale(result, result.conveners.k, result.conveners.reachSteps === 1 ? 2 : 1)).toBe(true);
  });
});

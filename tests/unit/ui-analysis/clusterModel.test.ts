import { describe, expect, it } from 'vitest';
import { DEFAULT_TARGET_SECTORS } from '../../../src/data/sectors';
import {
  clustersOf,
  clustersWithTargets,
  compositionSegments,
  dominantSector,
  lackingClusters,
  lacksTargets,
} from '../../../src/ui/analysis/clusterModel';
import { denHaagResult } from './helpers';

describe('clusters lacking a target sector', () => {
  const result = denHaagResult();
  const targets = [...DEFAULT_TARGET_SECTORS];

  it('recomputes the same lacking sectors as the engine for its targets', () => {
    for (const kind of ['community', 'component'] as const) {
      for (const c of clustersOf(result, kind)) {
        expect(lacksTargets(c, result.meta.targets)).toEqual(c.lacksTargets);
      }
    }
  });

  it('splits clusters into listed, complete and small ones', () => {
    for (const kind of ['community', 'component'] as const) {
      const clusters = clustersOf(result, kind);
      const m = lackingClusters(clusters, targets, 3);
      expect(m.considered).toBe(clusters.filter((c) => c.size >= 3).length);
      expect(m.lacking.every((x) => x.cluster.size >= 3 && x.lacks.length > 0)).toBe(true);
      const small = clusters.filter((c) => c.size < 3 && lacksTargets(c, targets).length > 0);
      expect(m.smallLacking).toBe(small.length);
      expect(m.smallLackingOrganisations).toBe(small.reduce((s, c) => s + c.size, 0));
      for (let i = 1; i < m.lacking.length; i++) {
        expect(m.lacking[i - 1]!.cluster.size).toBeGreaterThanOrEqual(m.lacking[i]!.cluster.size);
      }
    }
  });

  it('lists every cluster with minSize 1', () => {
    const all = lackingClusters(result.communities, targets, 1);
    expect(all.smallLacking).toBe(0);
    expect(all.considered).toBe(result.communities.length);
  });

  it('counts communities with a target organisation', () => {
    const n = clustersWithTargets(result.communities, targets);
    expect(n).toBe(result.communities.filter((c) => lacksTargets(c, targets).length < targets.length).length);
  });
});

describe('composition bar', () => {
  it('makes consecutive segments that fill the bar, in sector order, without empty sectors', () => {
    const segs = compositionSegments({ other: 1, care: 2, tech: 1, knowledge: 0 });
    expect(segs.map((s) => s.sector)).toEqual(['tech', 'care', 'other']);
    expect(segs.reduce((s, x) => s + x.width, 0)).toBeCloseTo(1, 12);
    expect(segs[1]!.start).toBeCloseTo(0.25, 12);
    expect(segs[2]!.start + segs[2]!.width).toBeCloseTo(1, 12);
    expect(compositionSegments({ tech: 0 })).toEqual([]);
  });

  it('picks the most common sector, ties in sector order', () => {
    expect(dominantSector({ care: 3, tech: 3, knowledge: 1 })).toBe('tech');
    expect(dominantSector({ care: 1, knowledge: 4 })).toBe('knowledge');
    expect(dominantSector({ care: 0 })).toBeNull();
  });
});

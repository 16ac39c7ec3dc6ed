import { describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../../src/analysis';
import type { Sector } from '../../../src/data/sectors';
import { CLUSTER_PALETTE, computeAppearance, densitySizeScale, nodeSizeForDegree, viridis } from '../../../src/graph/appearance';

const sectors = new Map<string, Sector>([['a', 'tech'], ['b', 'care'], ['c', 'care']]);
const degrees = new Map([['a', 0], ['b', 4], ['c', 1]]);
const row = (id: string, community: number, betweenness: number | null, brokerageTotal: number) =>
  ({ id, community, component: 1, betweenness, brokerageTotal, degree: 1, strength: 1, constraint: null }) as unknown as AnalysisResult['organisations'][number];
const result = {
  organisations: [row('a', 1, 0, 0), row('b', 2, 0.5, 3), row('c', 1, null, 1)],
  communities: [{ id: 1, size: 2 }, { id: 2, size: 1 }],
  components: [{ id: 1, size: 3 }],
} as unknown as AnalysisResult;

describe('appearance', () => {
  it('colours by sector with a legend of counts, sizes by degree', () => {
    const a = computeAppearance(sectors, degrees, null, 'sector', 'degree');
    expect(a.colour.get('a')).toBe('#0072B2');
    expect(a.legend).toEqual({ kind: 'sector', entries: [{ sector: 'tech', count: 1 }, { sector: 'care', count: 2 }] });
    expect(a.size.get('b')).toBeCloseTo(nodeSizeForDegree(4));
    expect(a.size.get('b')!).toBeGreaterThan(a.size.get('c')!);
  });

  it('colours by community with the palette and a matching legend', () => {
    const a = computeAppearance(sectors, degrees, result, 'community', 'degree');
    expect(a.colour.get('a')).toBe(CLUSTER_PALETTE[0]);
    expect(a.colour.get('b')).toBe(CLUSTER_PALETTE[1]);
    expect(a.legend).toMatchObject({ kind: 'cluster', entries: [{ id: 1, colour: CLUSTER_PALETTE[0], size: 2 }, { id: 2 }], others: 0 });
  });

  it('colours a metric on viridis, grey where undefined, and sizes by it', () => {
    const a = computeAppearance(sectors, degrees, result, 'betweenness', 'brokerage');
    expect(a.colour.get('a')).toBe(viridis(0));
    expect(a.colour.get('b')).toBe(viridis(1));
    expect(a.colour.get('c')).toBe('#b4b9c2');
    expect(a.legend).toMatchObject({ kind: 'scale', min: 0, max: 0.5, missing: 1 });
    expect(a.size.get('b')!).toBeGreaterThan(a.size.get('c')!);
    expect(a.size.get('a')).toBe(3);
  });

  it('interpolates viridis between its ends', () => {
    expect(viridis(0)).toBe('#440154');
    expect(viridis(1)).toBe('#fde725');
    expect(viridis(0.5)).toBe('#21908d');
  });

  it('keeps nodes full size on small maps and shrinks their area in proportion on crowded ones', () => {
    expect(densitySizeScale(220)).toBe(1);
    expect(densitySizeScale(1500)).toBe(1);
    expect(densitySizeScale(6000)).toBeCloseTo(0.5);
    expect(densitySizeScale(17000) ** 2 * 17000).toBeCloseTo(1500);
  });
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_ANALYSIS_OPTIONS, runStages, StagedAnalysis, type AnalysisInput } from '../../../src/analysis/stages';
import type { Dataset } from '../../../src/data/model';
import { SECTORS, type Sector } from '../../../src/data/sectors';
import { applyFilters, DEFAULT_FILTERS } from '../../../src/filters/filters';
import { CLUSTER_PALETTE, computeAppearance, densitySizeScale, nodeSizeForDegree, OTHER_CLUSTER_COLOUR, stagesRead, viridis } from '../../../src/graph/appearance';
import { COLOUR_BY, SIZE_BY } from '../../../src/measures/registry';
import type { SizeBy } from '../../../src/session/viewState';
import { buildNetwork, sectorCodes } from '../../../src/graph/network';

/** a (tech) alone; b (care) in two projects with c and d; c (care) and d (government). */
function small(): Dataset {
  const org = (id: string, sector: Sector) => ({ id, name: id.toUpperCase(), sector, aliases: [], provenance: ['t'] });
  const act = (id: string) => ({ id, title: id, kind: 'project', source: 't', provenance: ['t'] });
  return {
    name: 'small',
    organisations: [org('a', 'tech'), org('b', 'care'), org('c', 'care'), org('d', 'government')],
    activities: [act('p1'), act('p2'), act('p3')],
    participations: [
      { activityId: 'p1', organisationId: 'b' },
      { activityId: 'p1', organisationId: 'c' },
      { activityId: 'p2', organisationId: 'b' },
      { activityId: 'p2', organisationId: 'd' },
      { activityId: 'p3', organisationId: 'b' },
      { activityId: 'p3', organisationId: 'c' },
    ],
  };
}

describe('appearance', () => {
  const network = buildNetwork(small());
  const sectors = sectorCodes(network);
  const visibility = applyFilters(network, sectors, DEFAULT_FILTERS);
  const engine = new StagedAnalysis(network, 'n', sectors, '0');
  const input: AnalysisInput = { ...DEFAULT_ANALYSIS_OPTIONS, filters: DEFAULT_FILTERS, sectorsVersion: '0' };
  const stages = runStages(engine, input, ['structure', 'betweenness', 'communities', 'roles']);
  const structure = stages.structure!.data;
  const betweenness = stages.betweenness!.data;
  const communities = stages.communities!.data;
  const roles = stages.roles!.data;
  const i = (id: string) => network.projection.incidence.orgIndex.get(id)!;
  const base = { network, sectors, visibility, structure, betweenness, communities, roles };

  it('colours by sector with a legend of counts, sizes by partners', () => {
    const a = computeAppearance({ ...base, colourBy: 'sector', sizeBy: 'degree' });
    expect(a.colour[i('a')]).toBe('#0072B2');
    expect(a.legend).toEqual({ kind: 'sector', entries: [{ sector: 'tech', count: 1 }, { sector: 'care', count: 2 }, { sector: 'government', count: 1 }] });
    expect(a.size[i('b')]).toBeCloseTo(nodeSizeForDegree(2));
    expect(a.size[i('b')]!).toBeGreaterThan(a.size[i('c')]!);
  });

  it('follows a sector correction without any new analysis', () => {
    const corrected = sectorCodes(network, new Map([['a', 'care']]));
    const a = computeAppearance({ ...base, sectors: corrected, colourBy: 'sector', sizeBy: 'degree' });
    expect(a.colour[i('a')]).toBe('#D55E00');
  });

  it('colours by community with the palette and a matching legend', () => {
    const a = computeAppearance({ ...base, colourBy: 'community', sizeBy: 'degree' });
    const c = (id: string) => communities.of[structure.ids.indexOf(id)]!;
    expect(a.colour[i('b')]).toBe(CLUSTER_PALETTE[c('b')]);
    expect(a.legend.kind).toBe('cluster');
    if (a.legend.kind === 'cluster') expect(a.legend.entries.reduce((s, e) => s + e.size, 0)).toBe(4);
  });

  it('colours a measure on viridis, grey where it is undefined, and sizes by it', () => {
    const a = computeAppearance({ ...base, colourBy: 'constraint', sizeBy: 'betweenness' });
    // a has no partner: no constraint.
    expect(a.colour[i('a')]).toBe(OTHER_CLUSTER_COLOUR);
    expect(a.legend).toMatchObject({ kind: 'scale', metric: 'constraint', missing: 1 });
    // b lies between c and d: the only non-zero betweenness.
    expect(a.size[i('b')]!).toBeGreaterThan(a.size[i('c')]!);
    expect(a.sizeMetric).toBe('betweenness');
  });

  it('reads betweenness from its own stage: sizes by partners while that stage is still running', () => {
    const a = computeAppearance({ ...base, betweenness: null, colourBy: 'constraint', sizeBy: 'betweenness' });
    expect(a.colourMetric).toBe('constraint');
    expect(a.sizeMetric).toBe('degree');
    expect(a.size[i('b')]).toBeCloseTo(nodeSizeForDegree(2));
  });

  it('falls back to sector colours and partner sizes until the analysis is there', () => {
    const a = computeAppearance({ ...base, structure: null, betweenness: null, communities: null, roles: null, colourBy: 'community', sizeBy: 'brokerageTotal' });
    expect(a.colourMetric).toBe('sector');
    expect(a.sizeMetric).toBe('degree');
    expect(a.colour[i('d')]).toBe('#009E73');
    expect(SECTORS).toContain('government');
  });

  it('names exactly the stages a choice of colour and size reads (the map keeps its look when another arrives)', () => {
    const all = ['structure', 'betweenness', 'communities', 'roles'] as const;
    let choices = 0;
    for (const colourBy of COLOUR_BY) {
      for (const sizeBy of ['degree', ...SIZE_BY] as SizeBy[]) {
        const read = stagesRead(colourBy, sizeBy);
        const full = computeAppearance({ ...base, colourBy, sizeBy });
        // Without the stages it does not read: the same colours, sizes and legend.
        const only = Object.fromEntries(all.map((s) => [s, read.has(s) ? base[s] : null]));
        expect(computeAppearance({ ...base, ...only, colourBy, sizeBy })).toEqual(full);
        // Without any one it reads: the choice falls back (sector colours or partner sizes).
        for (const stage of read) {
          const without = computeAppearance({ ...base, [stage]: null, colourBy, sizeBy });
          expect([without.colourMetric, without.sizeMetric]).not.toEqual([full.colourMetric, full.sizeMetric]);
        }
        choices++;
      }
    }
    expect(choices).toBeGreaterThan(40);
    // The defaults (sector, partners) read nothing: no stage's arrival recolours the map.
    expect([...stagesRead('sector', 'degree')]).toEqual([]);
    expect([...stagesRead('community', 'betweenness')].sort()).toEqual(['betweenness', 'communities']);
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

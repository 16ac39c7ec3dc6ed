import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../../src/data/model';
import { layoutIndexedGraph, networkLayoutGraph } from '../../../src/graph/layout';
import { buildNetwork, sectorCodes } from '../../../src/graph/network';
import { OrganisationSearch } from '../../../src/graph/search';

/** sector8 from shared/reference-metrics/sector8_bipartite_edges.csv: 13 projects × 8 organisations. */
const SECTOR8 =
  'P1,T1 P1,T2 P1,T3 P2,T1 P2,T2 P3,T1 P3,T2 P4,T2 P4,T3 P4,T4 P5,T1 P5,M P6,T1 P6,M P7,M P7,C1 P7,C2 P8,M P8,C2 P9,C2 P9,C3 P10,C2 P10,C3 P11,C1 P11,C3 P12,C2 P12,C3 P13,M P13,T3';

function sector8(): Dataset {
  const rows = SECTOR8.split(' ').map((l) => l.split(',') as [string, string]);
  const orgs = [...new Set(rows.map((r) => r[1]))];
  return {
    name: 'sector8',
    organisations: orgs.map((id) => ({ id, name: id, sector: id.startsWith('T') ? 'tech' : id.startsWith('C') ? 'care' : 'government', aliases: [], provenance: ['test'] })),
    activities: [...new Set(rows.map((r) => r[0]))].map((id) => ({ id, title: id, kind: 'project', source: 'test', provenance: ['test'] })),
    participations: rows.map(([activityId, organisationId]) => ({ activityId, organisationId })),
  };
}

describe('organisation network (one-mode projection)', () => {
  const network = buildNetwork(sector8());
  const { ties, incidence } = network.projection;
  const id = (i: number) => incidence.orgIds[i]!;

  it('weighs ties by shared activities like NetworkX weighted_projected_graph', () => {
    const weights = new Map<string, number>();
    for (let e = 0; e < ties.m; e++) weights.set([id(ties.u[e]!), id(ties.v[e]!)].sort().join('-'), ties.weight[e]!);
    // sector8_values.json "edges_weight" (NetworkX 3.6.1), keys sorted the same way.
    expect(Object.fromEntries(weights)).toEqual({
      'C1-C2': 1, 'C1-C3': 1, 'C2-C3': 3, 'C1-M': 1, 'C2-M': 2, 'M-T1': 2, 'T1-T2': 3, 'T1-T3': 1,
      'T2-T3': 2, 'T2-T4': 1, 'M-T3': 1, 'T3-T4': 1,
    });
    expect(network.organisations).toHaveLength(8);
    expect(ties.m).toBe(12);
  });

  it('numbers organisations in sorted id order and lists each tie\'s activities', () => {
    expect(incidence.orgIds).toEqual([...incidence.orgIds].sort());
    const activitiesOf = (a: string, b: string) => {
      for (let e = 0; e < ties.m; e++) {
        if (id(ties.u[e]!) === a && id(ties.v[e]!) === b) return Array.from(ties.acts.subarray(ties.actOffsets[e]!, ties.actOffsets[e + 1]!), (x) => incidence.actIds[x]!).sort();
      }
      return [];
    };
    expect(activitiesOf('C2', 'C3')).toEqual(['P10', 'P12', 'P9']);
    expect(activitiesOf('M', 'T3')).toEqual(['P13']);
  });

  it('lays out deterministically, isolates apart below the network', () => {
    const data = sector8();
    data.organisations.push({ id: 'Z', name: 'Zeta', sector: 'citizens', aliases: [], provenance: ['t'] });
    const net = buildNetwork(data);
    const graph = networkLayoutGraph(net, sectorCodes(net));
    const a = layoutIndexedGraph(graph, 3);
    const b = layoutIndexedGraph(graph, 3);
    expect(a).toEqual(b);
    const z = net.projection.incidence.orgIndex.get('Z')!;
    let minConnectedY = Infinity;
    for (let i = 0; i < net.organisations.length; i++) if (i !== z && a.y[i]! < minConnectedY) minConnectedY = a.y[i]!;
    expect(a.y[z]!).toBeLessThan(minConnectedY);
  });
});

describe('organisation search', () => {
  const search = new OrganisationSearch([
    { id: 'gdh', name: 'Gemeente Den Haag', sector: 'government', aliases: ["'s-Gravenhage"], provenance: [] },
    { id: 'hhs', name: 'De Haagse Hogeschool', sector: 'knowledge', aliases: ['Haagse Hogeschool'], provenance: [] },
    { id: 'hmc', name: 'Haaglanden Medisch Centrum', sector: 'care', aliases: ['HMC'], provenance: [] },
  ]);
  it('matches case- and accent-insensitively, prefixes first', () => {
    expect(search.search('haag').map((h) => h.id)).toEqual(['hmc', 'hhs', 'gdh']);
    expect(search.search('GEMEENTE den')[0]!.id).toBe('gdh');
  });
  it('matches aliases and says which alias matched', () => {
    expect(search.search('hmc')[0]).toEqual({ kind: 'organisation', id: 'hmc', name: 'Haaglanden Medisch Centrum', alias: 'HMC' });
    expect(search.search('gravenhage')[0]!.id).toBe('gdh');
    expect(search.search('xyz')).toEqual([]);
  });
  it('finds activities by title after equally good organisation matches', () => {
    const both = new OrganisationSearch(
      [{ id: 'fh', name: 'Fast Hospital', sector: 'care', aliases: [], provenance: [] }],
      [{ id: 'sia-fast-at-home', title: 'Fast@Home', kind: 'project', source: 'SIA', provenance: [] }],
    );
    expect(both.search('fast')).toEqual([
      { kind: 'organisation', id: 'fh', name: 'Fast Hospital' },
      { kind: 'activity', id: 'sia-fast-at-home', name: 'Fast@Home' },
    ]);
    expect(both.search('home')[0]).toMatchObject({ kind: 'activity', id: 'sia-fast-at-home' });
    expect(both.search('fast', 8, 'organisation')).toEqual([{ kind: 'organisation', id: 'fh', name: 'Fast Hospital' }]);
  });
  it('gives an activity’s English title with its hit, for the English UI to name it by', () => {
    const both = new OrganisationSearch(
      [],
      [{ id: 'sia-perfecte-sportrolstoel', title: 'De Perfecte sportrolstoel', titleEn: 'The perfect sports wheelchair', kind: 'project', source: 'SIA', provenance: [] }],
    );
    expect(both.search('sportrolstoel')).toEqual([{ kind: 'activity', id: 'sia-perfecte-sportrolstoel', name: 'De Perfecte sportrolstoel', nameEn: 'The perfect sports wheelchair' }]);
    expect(both.search('wheelchair')[0]).toMatchObject({ alias: 'The perfect sports wheelchair', nameEn: 'The perfect sports wheelchair' });
  });
  it('counts every match, beyond the ones it returns', () => {
    expect(search.searchCounted('haag', 2)).toEqual({ hits: search.search('haag', 2), total: 3 });
    expect(search.searchCounted('haag', 2).hits.map((h) => h.id)).toEqual(['hmc', 'hhs']);
    expect(search.searchCounted('hmc')).toMatchObject({ total: 1 });
    expect(search.searchCounted('  ')).toEqual({ hits: [], total: 0 });
  });
});

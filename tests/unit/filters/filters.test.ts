import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCanonicalFiles } from '../../../src/data/canonical';
import { computeFacets } from '../../../src/filters/facets';
import { applyFilters, DEFAULT_FILTERS, visibleNetwork, type Filters } from '../../../src/filters/filters';
import { buildOrganisationNetwork } from '../../../src/graph/build';

const DIR = join(__dirname, '../../../data/den-haag');
const { dataset } = parseCanonicalFiles(
  ['organisations.csv', 'activities.csv', 'participations.csv'].map((name) => ({ name, text: readFileSync(join(DIR, name), 'utf8') })),
);
const network = buildOrganisationNetwork(dataset);
const filter = (f: Partial<Filters>) => applyFilters(dataset, network, { ...DEFAULT_FILTERS, ...f });

describe('filters on the Den Haag data', () => {
  it('shows everything by default', () => {
    const v = filter({});
    expect(v.counts).toEqual({
      organisations: dataset.organisations.length,
      organisationsTotal: dataset.organisations.length,
      activities: dataset.activities.length,
      activitiesTotal: dataset.activities.length,
      ties: network.size,
      tiesTotal: network.size,
    });
  });

  it('keeps only the organisations of SIA projects when filtering on source SIA', () => {
    const v = filter({ sources: ['SIA'] });
    const sia = dataset.activities.filter((a) => a.source === 'SIA').map((a) => a.id);
    expect([...v.activities].sort()).toEqual(sia.sort());
    const members = new Set(dataset.participations.filter((p) => sia.includes(p.activityId)).map((p) => p.organisationId));
    expect(v.organisations).toEqual(members);
    // Hogeschool Leiden and De Haagse Hogeschool share exactly two SIA projects.
    const edge = network.edge('de-haagse-hogeschool', 'hogeschool-leiden')!;
    expect(v.ties.get(edge)).toBe(2);
    // A tie made only by non-SIA activities disappears.
    expect(v.ties.has(network.edge('gemeente-den-haag', 'gemeente-rijswijk')!)).toBe(false);
  });

  it('filters organisations by sector and hides the ties that lose an end', () => {
    const v = filter({ sectors: ['government'] });
    for (const id of v.organisations) expect(network.getNodeAttribute(id, 'sector')).toBe('government');
    for (const edge of v.ties.keys()) {
      const [s, t] = network.extremities(edge);
      expect(v.organisations.has(s) && v.organisations.has(t)).toBe(true);
    }
    expect(v.organisations.has('gemeente-den-haag')).toBe(true);
  });

  it('applies the minimum tie strength and hides isolates', () => {
    const v = filter({ minWeight: 2, hideIsolates: true });
    for (const w of v.ties.values()) expect(w).toBeGreaterThanOrEqual(2);
    const ends = new Set([...v.ties.keys()].flatMap((e) => network.extremities(e)));
    expect(v.organisations).toEqual(ends);
  });

  it('keeps the ego network within N steps', () => {
    const one = filter({ ego: { id: 'gemeente-den-haag', steps: 1 } });
    expect(one.organisations).toEqual(new Set(['gemeente-den-haag', ...network.neighbors('gemeente-den-haag')]));
    const two = filter({ ego: { id: 'gemeente-den-haag', steps: 2 } });
    expect(two.organisations.size).toBeGreaterThan(one.organisations.size);
    for (const n of network.neighbors('hagaziekenhuis')) expect(two.organisations.has(n)).toBe(true);
  });

  it('filters on a year range, with or without undated activities', () => {
    const dated = dataset.activities.filter((a) => a.startYear !== undefined && a.startYear >= 2016 && a.startYear <= 2019);
    expect(dated.length).toBeGreaterThan(0);
    const strict = filter({ years: [2016, 2019], includeUndated: false });
    expect([...strict.activities].sort()).toEqual(
      dataset.activities
        .filter((a) => {
          const s = a.startYear ?? a.endYear;
          const e = a.endYear ?? a.startYear;
          return s !== undefined && e !== undefined && e >= 2016 && s <= 2019;
        })
        .map((a) => a.id)
        .sort(),
    );
    const loose = filter({ years: [2016, 2019] });
    expect(loose.activities.size).toBeGreaterThan(strict.activities.size);
  });

  it('builds the visible network with the filtered weights', () => {
    const v = filter({ sources: ['SIA'] });
    const g = visibleNetwork(network, v);
    expect(g.order).toBe(v.organisations.size);
    expect(g.size).toBe(v.ties.size);
    expect(g.getEdgeAttribute(g.edge('de-haagse-hogeschool', 'hogeschool-leiden')!, 'activities').sort()).toEqual([
      'sia-fast-at-home',
      'sia-skills4life',
    ]);
  });

  it('lists the facet values with counts', () => {
    const facets = computeFacets(dataset, 5);
    expect(facets.sources.find((s) => s.value === 'SIA')?.count).toBe(3);
    expect(facets.sectors.map((s) => s.value)).toContain('government');
    expect(facets.years![0]).toBeLessThanOrEqual(2016);
  });
});

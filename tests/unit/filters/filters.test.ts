import { describe, expect, it } from 'vitest';
import { visibleCsr } from '../../../src/analysis/view';
import { SECTORS } from '../../../src/data/sectors';
import { computeFacets } from '../../../src/filters/facets';
import { applyFilters, DEFAULT_FILTERS, type Filters, type Visibility } from '../../../src/filters/filters';
import { sectorCodes } from '../../../src/graph/network';
import { denHaagDataset, denHaagNetwork } from '../../helpers/denHaag';

const dataset = denHaagDataset();
const network = denHaagNetwork();
const sectors = sectorCodes(network);
const { orgIndex, actIndex } = network.projection.incidence;
const { ties } = network.projection;
const filter = (f: Partial<Filters>) => applyFilters(network, sectors, { ...DEFAULT_FILTERS, ...f });

/** Visible organisation ids, activity ids and ties (as "a|b" id pairs) of a visibility. */
const orgs = (v: Visibility) => new Set(network.organisations.filter((_o, i) => v.orgs[i]).map((o) => o.id));
const acts = (v: Visibility) => new Set(network.activities.filter((_a, i) => v.acts[i]).map((a) => a.id));
function tieOf(a: string, b: string): number {
  const x = orgIndex.get(a)!;
  const y = orgIndex.get(b)!;
  for (let e = 0; e < ties.m; e++) if (ties.u[e] === Math.min(x, y) && ties.v[e] === Math.max(x, y)) return e;
  return -1;
}
const neighbours = (id: string) => {
  const i = orgIndex.get(id)!;
  const { offsets, neighbours: n } = network.adjacency;
  return Array.from(n.subarray(offsets[i]!, offsets[i + 1]!), (j) => network.organisations[j]!.id);
};

describe('filters on the Den Haag data', () => {
  it('shows everything by default', () => {
    expect(filter({}).counts).toEqual({
      organisations: dataset.organisations.length,
      organisationsTotal: dataset.organisations.length,
      activities: dataset.activities.length,
      activitiesTotal: dataset.activities.length,
      ties: ties.m,
      tiesTotal: ties.m,
    });
  });

  it('keeps only the organisations of SIA projects when filtering on source SIA, with ties re-weighted', () => {
    const v = filter({ sources: ['SIA'] });
    const sia = dataset.activities.filter((a) => a.source === 'SIA').map((a) => a.id);
    expect([...acts(v)].sort()).toEqual(sia.sort());
    const members = new Set(dataset.participations.filter((p) => sia.includes(p.activityId)).map((p) => p.organisationId));
    expect(orgs(v)).toEqual(members);
    // Hogeschool Leiden and De Haagse Hogeschool share exactly two SIA projects.
    expect(v.tieShared[tieOf('de-haagse-hogeschool', 'hogeschool-leiden')]).toBe(2);
    // A tie made only by non-SIA activities disappears.
    expect(v.tieShared[tieOf('gemeente-den-haag', 'gemeente-rijswijk')]).toBe(0);
  });

  it('filters organisations by sector, hides the ties that lose an end and counts only activities with a visible participant', () => {
    const v = filter({ sectors: ['government'] });
    for (const id of orgs(v)) expect(dataset.organisations.find((o) => o.id === id)!.sector).toBe('government');
    for (let e = 0; e < ties.m; e++) if (v.tieShared[e]) expect(v.orgs[ties.u[e]!] && v.orgs[ties.v[e]!]).toBeTruthy();
    expect(orgs(v).has('gemeente-den-haag')).toBe(true);
    expect(v.counts.activities).toBeLessThan(v.counts.activitiesTotal);
    const inc = network.projection.incidence;
    for (const a of acts(v)) {
      const j = actIndex.get(a)!;
      const participants = Array.from(inc.participants.subarray(inc.participantOffsets[j]!, inc.participantOffsets[j + 1]!));
      expect(participants.some((o) => v.orgs[o])).toBe(true);
    }
  });

  it('applies the minimum tie strength and hides isolates', () => {
    const v = filter({ minWeight: 2, hideIsolates: true });
    const ends = new Set<number>();
    for (let e = 0; e < ties.m; e++) {
      if (!v.tieShared[e]) continue;
      expect(v.tieShared[e]).toBeGreaterThanOrEqual(2);
      ends.add(ties.u[e]!);
      ends.add(ties.v[e]!);
    }
    expect(new Set(network.organisations.map((_o, i) => i).filter((i) => v.orgs[i]))).toEqual(ends);
  });

  it('keeps the ego network within N steps', () => {
    const one = filter({ ego: { id: 'gemeente-den-haag', steps: 1 } });
    expect(orgs(one)).toEqual(new Set(['gemeente-den-haag', ...neighbours('gemeente-den-haag')]));
    const two = filter({ ego: { id: 'gemeente-den-haag', steps: 2 } });
    expect(two.counts.organisations).toBeGreaterThan(one.counts.organisations);
    for (const n of neighbours(neighbours('gemeente-den-haag')[0]!)) expect(orgs(two).has(n)).toBe(true);
  });

  it('filters on a year range, with or without undated activities', () => {
    const strict = filter({ years: [2016, 2019], includeUndated: false });
    expect([...acts(strict)].sort()).toEqual(
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
    expect(loose.counts.activities).toBeGreaterThan(strict.counts.activities);
  });

  it('keeps only stated relations when asked: implied participations form no tie', () => {
    const implied = dataset.participations.filter((p) => p.confidence && p.confidence !== 'stated');
    expect(implied.length).toBeGreaterThan(0);
    const all = filter({});
    const stated = filter({ statedOnly: true });
    expect(stated.counts.ties).toBeLessThan(all.counts.ties);
    for (let e = 0; e < ties.m; e++) {
      if (!all.tieShared[e] || stated.tieShared[e]) continue;
      // A tie that went is one whose every shared activity rests on an implied or inferred participation.
      for (let p = ties.actOffsets[e]!; p < ties.actOffsets[e + 1]!; p++) expect(ties.actConfidence[p]).toBeGreaterThan(0);
    }
  });

  it('gives the analysis the visible network with the filtered weights', () => {
    const v = filter({ sources: ['SIA'] });
    const csr = visibleCsr(network, v, sectors);
    expect(csr.n).toBe(v.counts.organisations);
    expect(csr.m).toBe(v.counts.ties);
    const a = csr.index.get('de-haagse-hogeschool')!;
    const b = csr.index.get('hogeschool-leiden')!;
    let w = 0;
    for (let p = csr.offsets[a]!; p < csr.offsets[a + 1]!; p++) if (csr.targets[p] === b) w = csr.weights[p]!;
    expect(w).toBe(2);
  });
});

describe('cross-filtered facets', () => {
  it('count what ticking an option would give, and keep options with nothing left (0)', () => {
    const none = computeFacets(network, sectors, DEFAULT_FILTERS);
    const sia = none.sources.find((s) => s.value === 'SIA')!;
    expect(sia.count).toBe(dataset.activities.filter((a) => a.source === 'SIA').length);
    expect(none.sectors.map((s) => s.value)).toEqual(SECTORS.filter((s) => none.sectors.some((x) => x.value === s)));
    expect(none.years![0]).toBeLessThanOrEqual(2016);
    expect(none.undated).toBe(dataset.activities.filter((a) => a.startYear === undefined && a.endYear === undefined).length);
    // With no filter on, each option counts what ticking it alone gives.
    for (const s of none.sources) expect(s.count, s.value).toBe(filter({ sources: [s.value] }).counts.activities);
    for (const s of none.sectors) expect(s.count, s.value).toBe(filter({ sectors: [s.value] }).counts.organisations);
    for (const c of none.cities) expect(c.count, c.value).toBe(filter({ cities: [c.value] }).counts.organisations);

    // With a sector filter on, a source counts only activities with a participant of that sector…
    const care = computeFacets(network, sectors, { ...DEFAULT_FILTERS, sectors: ['care'] });
    for (const s of care.sources) {
      const v = filter({ sectors: ['care'], sources: [s.value] });
      expect(s.count, s.value).toBe(v.counts.activities);
    }
    // …while the sector facet itself counts as if its own filter were off.
    expect(care.sectors.find((s) => s.value === 'tech')!.count).toBe(none.sectors.find((s) => s.value === 'tech')!.count);
    // Every option stays listed, also those that would give nothing.
    expect(care.sources.map((s) => s.value).sort()).toEqual(none.sources.map((s) => s.value).sort());

    // "Activities without a year" counts the undated ones the other filters keep: with a source
    // ticked, that source's undated activities, not all of them.
    const undated = (a: (typeof dataset.activities)[number]) => a.startYear === undefined && a.endYear === undefined;
    const source = none.sources.find((s) => dataset.activities.some((a) => a.source === s.value && undated(a)) && dataset.activities.some((a) => a.source !== s.value && undated(a)))!;
    expect(source).toBeDefined();
    const years = none.years!;
    const one = computeFacets(network, sectors, { ...DEFAULT_FILTERS, sources: [source.value], years: [years[0], years[0]] });
    expect(one.undated).toBe(dataset.activities.filter((a) => a.source === source.value && undated(a)).length);
    expect(one.undated).toBeLessThan(none.undated);
  });
});

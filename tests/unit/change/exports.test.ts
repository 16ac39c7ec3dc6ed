import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { compareScenario, compareViews } from '../../../src/analysis/compare';
import { comparisonCsv, comparisonJson, participationsCsv, scenarioRowsCsv, COMPARISON_CSV_COLUMNS } from '../../../src/change/csv';
import { comparisonMapModel, scenarioMapModel, TIE_FORMED, TIE_LOST } from '../../../src/change/mapModel';
import { meetingPack } from '../../../src/change/meetingPack';
import { introductionScenarioRows, newActivityRows } from '../../../src/change/scenarioRows';
import { writeParticipationsCsv } from '../../../src/data/canonical';
import { applyScenario, readScenarioCsv } from '../../../src/data/scenario';
import { applyFilters, DEFAULT_FILTERS } from '../../../src/filters/filters';
import { sectorCodes } from '../../../src/graph/network';
import { denHaagDataset, denHaagNetwork, denHaagView } from '../../helpers/denHaag';

const dataset = denHaagDataset();
const network = denHaagNetwork();
const sectors = sectorCodes(network);
const before = { ...DEFAULT_FILTERS, years: [2006, 2019] as [number, number] };
const after = { ...DEFAULT_FILTERS, years: [2006, 2020] as [number, number] };
const fast = { focal: 'gemeente-den-haag', nullDraws: 100, bootstraps: 0 };
const compared = compareViews(dataset, before, after, { ...fast, network });
const names = (id: string) => {
  const o = dataset.organisations.find((x) => x.id === id);
  return o && { id, name: o.name, sector: o.sector };
};

describe('exports of a comparison', () => {
  it('one long CSV: every number of the comparison under its section, ties and organisations by id and name', () => {
    const rows = Papa.parse<Record<string, string>>(comparisonCsv(compared.comparison, names), { header: true, skipEmptyLines: true });
    expect(rows.meta.fields).toEqual([...COMPARISON_CSV_COLUMNS]);
    const get = (section: string, item: string, extra: Partial<Record<string, string>> = {}) =>
      rows.data.find((r) => r.section === section && r.item === item && Object.entries(extra).every(([k, v]) => r[k] === v));
    expect(get('size', 'ties')).toMatchObject({ before: '321', after: '373' });
    expect(get('size', 'organisations')).toMatchObject({ before: '126', after: '171' });
    expect(get('target_pair', 'ties', { sector_a: 'care', sector_b: 'government' })).toMatchObject({ before: '2', after: '21' });
    expect(get('target_pair', 'missing_bridge', { sector_a: 'tech', sector_b: 'government' })).toMatchObject({ before: 'yes', after: 'yes' });
    // Care–government: 2 ties before where chance gives 2–14 (a listing without hubs is held in place), so not missing; 21 after.
    expect(get('target_pair', 'missing_bridge', { sector_a: 'care', sector_b: 'government' })).toMatchObject({ before: 'no', after: 'no' });
    expect(get('focal', 'distance', { sector_a: 'finance' })).toMatchObject({ before: '', after: '3', organisation_a: 'Gemeente Den Haag' });
    expect(rows.data.filter((r) => r.section === 'tie_formed')).toHaveLength(compared.comparison.tiesFormed.length);
    expect(rows.data.filter((r) => r.section === 'organisation_entered')).toHaveLength(45);
    const committee = rows.data.find((r) => r.section === 'tie_formed' && r.organisation_a_id === 'ambulancezorg-groningen');
    expect(committee).toMatchObject({ organisation_a: 'Ambulancezorg Groningen', organisation_b_id: 'commissie-werken-in-de-zorg', hypothetical: '' });
  });

  it('the JSON is the command line’s document under its key', () => {
    expect(JSON.parse(comparisonJson('comparison', { ...compared.comparison, filters: { before: 'years=2006-2019', after: 'years=2006-2020' }, bridgeTracker: { firstYear: null, lastYear: null, pairs: [], rows: [] } }))).toHaveProperty('comparison.tiesFormed.length', 52);
  });

  it('the map draws exactly the ties formed and lost', () => {
    const model = comparisonMapModel(network, compared.before.visibility, compared.after.visibility);
    expect(model.counts.formed).toBe(compared.comparison.tiesFormed.length);
    expect(model.counts.lost).toBe(compared.comparison.tiesLost.length);
    expect(model.counts.unchanged).toBe(321);
    // The other way round, every formed tie is lost.
    const reversed = comparisonMapModel(network, compared.after.visibility, compared.before.visibility);
    expect(reversed.counts.lost).toBe(52);
    expect(reversed.dashed).toHaveLength(52);
    expect(Array.from(reversed.ties).filter((s) => s === TIE_LOST)).toHaveLength(52);
    expect(Array.from(model.ties).filter((s) => s === TIE_FORMED)).toHaveLength(52);
  });
});

describe('exports of a what-if scenario', () => {
  const rows = [
    ...newActivityRows(dataset, [], { title: 'Living lab', kind: 'living_lab', organisations: [{ id: 'gemeente-den-haag', name: 'Gemeente Den Haag' }, { id: 'senseglove', name: 'SenseGlove' }] }),
    { activity_id: 'what-if-1', organisation: 'Thuiszorgtech Haaglanden', sector: 'tech' },
  ];

  it('the data’s participations never carry hypothetical rows unless asked, and then marked', () => {
    expect(participationsCsv(dataset, rows, false)).toBe(writeParticipationsCsv(dataset));
    const marked = Papa.parse<Record<string, string>>(participationsCsv(dataset, rows, true), { header: true, skipEmptyLines: true }).data;
    expect(marked).toHaveLength(dataset.participations.length + 3);
    expect(marked.filter((r) => r.hypothetical === 'yes').map((r) => r.organisation)).toEqual(['Gemeente Den Haag', 'SenseGlove', 'Thuiszorgtech Haaglanden']);
    expect(marked.filter((r) => r.hypothetical === 'no')).toHaveLength(dataset.participations.length);
  });

  it('the scenario CSV reads back to the same hypothetical participations', () => {
    const csv = scenarioRowsCsv(dataset, rows);
    const table = readScenarioCsv(csv, 'what-if.csv');
    const again = applyScenario(dataset, table.rows);
    const first = applyScenario(dataset, rows);
    expect(again.report.rowsUsed).toBe(3);
    expect(again.dataset.participations.filter((p) => p.hypothetical).map((p) => [p.activityId, p.organisationId])).toEqual(
      first.dataset.participations.filter((p) => p.hypothetical).map((p) => [p.activityId, p.organisationId]),
    );
  });

  it('the map: hypothetical ties dashed, a new organisation placed among its partners', () => {
    const applied = applyScenario(dataset, rows);
    const { comparison } = compareScenario(applied.dataset, DEFAULT_FILTERS, fast);
    const layout = { x: Float32Array.from(network.organisations, (_o, i) => i), y: Float32Array.from(network.organisations, () => 0) };
    const added = applied.organisations.map((id) => ({ id, name: 'Thuiszorgtech Haaglanden', sector: 'tech', hypothetical: true }));
    const model = scenarioMapModel(network, layout, applyFilters(network, sectors, DEFAULT_FILTERS), comparison.tiesFormed, added);
    expect(model.counts.hypothetical).toBe(comparison.tiesFormed.length);
    expect(model.dashed.every((d) => d.kind === 'hypothetical')).toBe(true);
    expect(model.extra).toHaveLength(1);
    const partners = ['gemeente-den-haag', 'senseglove'].map((id) => network.projection.incidence.orgIndex.get(id)!);
    expect(model.extra[0]!.x).toBeGreaterThan(Math.min(...partners) - network.organisations.length * 0.05);
    expect(model.extra[0]!.x).toBeLessThan(Math.max(...partners) + network.organisations.length * 0.05);
  });
});

describe('the meeting pack', () => {
  it('one page per convener: three introductions at most, each between partners of the convener, the convener first among the shared partners', () => {
    const view = denHaagView();
    const pages = meetingPack(view.result, view.network, view.visibility);
    expect(pages.map((p) => p.convener.id)).toEqual(view.result.conveners.picks.map((p) => p.id));
    const withIntros = pages.filter((p) => p.introductions.length);
    expect(withIntros.length).toBeGreaterThan(0);
    for (const page of withIntros) {
      expect(page.introductions.length).toBeLessThanOrEqual(3);
      for (const i of page.introductions) {
        expect(i.shared[0]!.partner.id).toBe(page.convener.id);
        expect(i.shared[0]!.withA.length).toBeGreaterThan(0);
        expect(i.shared[0]!.withB.length).toBeGreaterThan(0);
        expect(i.a.sector).not.toBe(i.b.sector);
      }
    }
    // In English the activities behind each shared partner are their English titles, in the same order.
    const english = meetingPack(view.result, view.network, view.visibility, { lang: 'en' });
    const titles = new Map(view.network.activities.map((a) => [a.title, a.titleEn ?? a.title]));
    let translated = 0;
    english.forEach((page, p) =>
      page.introductions.forEach((intro, i) =>
        intro.shared.forEach((shared, k) => {
          const dutch = pages[p]!.introductions[i]!.shared[k]!;
          expect(shared.withA).toEqual(dutch.withA.map((title) => titles.get(title)));
          expect(shared.withB).toEqual(dutch.withB.map((title) => titles.get(title)));
          translated += [...shared.withA, ...shared.withB].filter((title, x) => title !== [...dutch.withA, ...dutch.withB][x]).length;
        }),
      ),
    );
    expect(translated).toBeGreaterThan(0);
    // Its scenario: the introductions as hypothetical ties.
    const rows = introductionScenarioRows(dataset, [], withIntros[0]!.introductions.map((i) => ({ a: { id: i.a.id, name: i.a.label }, b: { id: i.b.id, name: i.b.label } })));
    expect(applyScenario(dataset, rows).report.rowsUsed).toBe(2 * withIntros[0]!.introductions.length);
  });
});

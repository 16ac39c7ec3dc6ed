import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseDataset } from '../../../src/analysis';
import { parseCanonicalFiles } from '../../../src/data/canonical';
import type { Dataset } from '../../../src/data/model';
import { applyScenario } from '../../../src/data/scenario';
import { setupI18n } from '../../../src/i18n';
import { problemText } from '../../../src/ui/import/problemText';
import { importWords } from '../../../src/ui/import/useImportMessages';
import { parseWorklistCsv, writeWorklistCsv } from '../../../src/worklist/csv';
import { convenerIntroductions } from '../../../src/worklist/introductions';
import { matchWorklist } from '../../../src/worklist/match';
import { addIntroductions, removeIntroduction, suggestedIntroductions, updateIntroduction, type Introduction } from '../../../src/worklist/worklist';

const DIR = join(__dirname, '../../fixtures/compare');
const read = (name: string) => ({ name, text: readFileSync(join(DIR, name), 'utf8') });

const party = (id: string, name: string, sector: string) => ({ id, name, sector });
const intro = (a: Introduction['a'], b: Introduction['b'], extra: Partial<Introduction> = {}): Introduction => ({
  a,
  b,
  status: 'to_make',
  owner: '',
  note: '',
  origin: 'manual',
  convener: null,
  via: [],
  created: '2025-01-15',
  updated: '2025-01-15',
  ...extra,
});

describe('the worklist CSV', () => {
  const worklist: Introduction[] = [
    intro(party('tech-b', 'Sensor BV', 'tech'), party('care-a', 'Zorg Thuis', 'care'), {
      owner: 'Anna de Vries',
      note: 'Bellen na de zomer, "eerst" offerte; daarna =SUM(A1)',
      origin: 'suggestion',
      via: [{ id: 'gem', name: 'Gemeente Testdorp' }],
    }),
    intro(party('gem', 'Gemeente Testdorp', 'government'), party('tech-c', '+31 Robotics', 'tech'), {
      status: 'made',
      owner: '@team-zorg',
      note: 'Line one\nline two, with a comma',
      origin: 'convener',
      convener: { id: 'uni', name: 'Hogeschool Testdorp' },
      via: [
        { id: 'uni', name: 'Hogeschool Testdorp' },
        { id: 'care-a', name: 'Zorg Thuis' },
      ],
      created: '2024-11-02',
      updated: '2025-02-01',
    }),
    intro(party('', 'Stichting Één', ''), party('iso', "'=quoted", 'network'), { status: 'active', note: '-5 minutes', created: '', updated: '' }),
  ];

  it('round-trips: write → parse gives the same worklist', () => {
    const text = writeWorklistCsv(worklist);
    const { worklist: back, report } = parseWorklistCsv(text, 'worklist.csv');
    expect(back).toEqual(worklist);
    expect(report).toMatchObject({ rowsRead: 3, rowsUsed: 3, rowsMerged: 0, rowsRejected: 0 });
    expect(report.problems).toEqual([]);
  });

  it('escapes cells a spreadsheet would run as formulas', () => {
    const text = writeWorklistCsv(worklist);
    expect(text.split('\n')[0]).toBe(
      'organisation_a_id,organisation_a,sector_a,organisation_b_id,organisation_b,sector_b,status,owner,note,origin,convener_id,convener,via_ids,via,created,updated',
    );
    expect(text).toContain("'+31 Robotics");
    expect(text).toContain("'@team-zorg");
    expect(text).toContain("''=quoted");
    expect(text).toContain("'-5 minutes");
    expect(text).not.toMatch(/(^|,)[=+@-]/m);
  });

  it('reports every row: read = used + merged + rejected, with row and column; Dutch labels and the latest word win', () => {
    const text = [
      'organisation_a_id;organisation_a;organisation_b_id;organisation_b;status;owner;note;created;updated',
      'tech-b;Sensor BV;care-a;Zorg Thuis;gelegd;Anna;;2025-01-10;2025-01-10',
      ';;care-a;Zorg Thuis;te leggen;;;;',
      'gem;Gemeente;gem;Gemeente;actief;;;;',
      'uni;Hogeschool;gem;Gemeente;misschien;;;2025-13-01;',
      'care-a;Zorg Thuis;tech-b;Sensor BV;Actief;Piet;Samen project;2025-01-10;2025-03-01',
      'tech-b;Sensor BV;care-a;Zorg Thuis;to_make;Kees;;2024-01-01;2024-01-01',
    ].join('\n');
    const { worklist: list, report } = parseWorklistCsv(text, 'lijst.csv');
    expect(report).toMatchObject({ file: 'lijst.csv', rowsRead: 6, rowsUsed: 2, rowsMerged: 2, rowsRejected: 2 });
    expect(report.problems.map((p) => [p.code, p.row, p.column ?? null])).toEqual([
      ['missing-organisation', 3, 'organisation_a'],
      ['same-organisation', 4, 'organisation_b'],
      ['unknown-status', 5, 'status'],
      ['invalid-date', 5, 'created'],
      ['duplicate-introduction', 6, null],
      ['duplicate-introduction', 7, null],
    ]);
    // Every problem is worded in the UI's language from its code and parameters (the panel shows them).
    setupI18n('nl');
    const extra = parseWorklistCsv('organisation_a;organisation_b;origin;kleur\nA;B;ergens;rood\n', 'x.csv').report.problems;
    expect(extra.map((p) => p.code)).toEqual(['extra-columns', 'unknown-origin']);
    for (const p of [...report.problems, ...extra]) {
      const dutch = problemText(p, importWords('nl'));
      expect(problemText(p, importWords('en')).message, p.code).toBe(p.message);
      expect(dutch.message, p.code).not.toContain('{{');
      expect(dutch.message, p.code).not.toBe(p.message);
    }
    expect(list).toHaveLength(2);
    expect(list[0]).toMatchObject({ a: { id: 'tech-b' }, b: { id: 'care-a' }, status: 'active', owner: 'Piet', note: 'Samen project', created: '2025-01-10', updated: '2025-03-01', origin: 'manual' });
    expect(list[1]).toMatchObject({ a: { id: 'uni' }, b: { id: 'gem' }, status: 'to_make', created: '' });
  });

  it('merges a row that names a pair by names into an earlier row that names it by ids (it was used twice)', () => {
    const text = ['organisation_a_id,organisation_a,organisation_b_id,organisation_b,status', 'tech-b,Sensor BV,care-a,Zorg Thuis,gelegd', ',zorg thuis,,SENSOR BV,actief', 'tech-x,Sensor BV,care-a,Zorg Thuis,actief'].join('\n');
    const { worklist: list, report } = parseWorklistCsv(text, 'lijst.csv');
    // The third row is another organisation of the same name (another id): another pair.
    expect(report).toMatchObject({ rowsRead: 3, rowsUsed: 2, rowsMerged: 1, rowsRejected: 0 });
    expect(report.problems.map((p) => [p.code, p.row])).toEqual([['duplicate-introduction', 3]]);
    expect(list.map((i) => [i.a.id, i.status])).toEqual([['tech-b', 'made'], ['tech-x', 'active']]);
  });

  it('rejects a file without the organisation columns', () => {
    const { worklist: list, report } = parseWorklistCsv('name,status\nX,made\n', 'x.csv');
    expect(list).toEqual([]);
    expect(report).toMatchObject({ rowsRead: 1, rowsRejected: 1 });
    expect(report.problems[0]!.code).toBe('unrecognised-columns');
  });
});

describe('introductions from an analysis', () => {
  // A star: convener x (network) tied to t1 (tech), c1 (care) and g1 (government); c1 and g1 tied.
  const star: Dataset = {
    name: 'star',
    organisations: [
      { id: 'x', name: 'X', sector: 'network', aliases: [], provenance: [] },
      { id: 't1', name: 'T1', sector: 'tech', aliases: [], provenance: [] },
      { id: 'c1', name: 'C1', sector: 'care', aliases: [], provenance: [] },
      { id: 'g1', name: 'G1', sector: 'government', aliases: [], provenance: [] },
    ],
    activities: ['s1', 's2', 's3', 's4'].map((id) => ({ id, title: id, kind: 'project', source: 'test', provenance: [] })),
    participations: [
      ['s1', 'x'],
      ['s1', 't1'],
      ['s2', 'x'],
      ['s2', 'c1'],
      ['s3', 'x'],
      ['s3', 'g1'],
      ['s4', 'c1'],
      ['s4', 'g1'],
    ].map(([activityId, organisationId]) => ({ activityId: activityId!, organisationId: organisationId! })),
  };
  const { result } = analyseDataset(star, { k: 3 });

  it("pairs a convener's own neighbours across target sectors that are not tied", () => {
    expect(result.conveners.picks.map((p) => p.id)).toEqual(['x']);
    const intros = convenerIntroductions(result);
    expect(intros.map((i) => [i.convener.id, i.a.id, i.b.id, i.resourceAllocation, i.commonNeighbours])).toEqual([
      ['x', 'c1', 't1', 1 / 3, 1],
      ['x', 'g1', 't1', 1 / 3, 1],
    ]);
    expect(intros[0]!.sharedPartners.map((p) => p.id)).toEqual(['x']);
  });

  it('turns suggested ties and convener introductions into introductions to make', () => {
    const list = suggestedIntroductions(result, { date: '2025-04-01', owner: 'Anna' });
    expect(list.map((i) => [i.a.id, i.b.id, i.origin, i.convener?.id ?? null, i.status, i.owner, i.created, i.updated])).toEqual([
      ['t1', 'c1', 'suggestion', 'x', 'to_make', 'Anna', '2025-04-01', '2025-04-01'],
      ['t1', 'g1', 'suggestion', 'x', 'to_make', 'Anna', '2025-04-01', '2025-04-01'],
    ]);
    expect(list[0]!.via).toEqual([{ id: 'x', name: 'X' }]);
  });

  it('adds, updates and removes introductions by their pair', () => {
    const first = suggestedIntroductions(result, { date: '2025-04-01' });
    const { worklist, added, existing } = addIntroductions(first.slice(0, 1), first);
    expect([added, existing, worklist.length]).toEqual([1, 1, 2]);
    const updated = updateIntroduction(worklist, { id: 'c1', name: '' }, { id: 't1', name: '' }, { status: 'made', note: 'Koffie gedronken' }, '2025-05-02');
    expect(updated[0]).toMatchObject({ status: 'made', note: 'Koffie gedronken', created: '2025-04-01', updated: '2025-05-02' });
    expect(updated[1]).toBe(worklist[1]);
    expect(removeIntroduction(updated, { id: 't1', name: '' }, { id: 'c1', name: '' }).map((i) => i.b.id)).toEqual(['g1']);
  });

  it('tells introductions named only by names apart (they all had the key of two empty ids)', () => {
    const named = (a: string, b: string) => ({ ...intro(party('', a, ''), party('', b, '')) });
    const three = [named('Zorg Thuis', 'Sensor BV'), named('Zorg Thuis', 'Gemeente'), named('Sensor BV', 'Gemeente')];
    const { worklist, added, existing } = addIntroductions([], three);
    expect([added, existing, worklist.length]).toEqual([3, 0, 3]);
    // The same pair again, reversed and written differently, is held already; so is the pair with
    // an id on one side (it was added a second time).
    const again = addIntroductions(worklist, [named('GEMEENTE', 'sensor bv'), intro(party('t1', 'Sensor BV', 'tech'), party('', 'Gemeente', ''))]);
    expect([again.added, again.existing]).toEqual([0, 2]);
    const made = updateIntroduction(worklist, { id: '', name: 'gemeente' }, { id: '', name: 'Zorg Thuis' }, { status: 'made' }, '2025-05-02');
    expect(made.map((i) => i.status)).toEqual(['to_make', 'made', 'to_make']);
    expect(removeIntroduction(made, { id: '', name: 'Sensor BV' }, { id: '', name: 'Zorg thuis' }).map((i) => `${i.a.name}–${i.b.name}`)).toEqual(['Zorg Thuis–Gemeente', 'Sensor BV–Gemeente']);
  });
});

describe('reading introductions back into a worklist', () => {
  it('finds a pair held by ids when a row names it by names, and the other way round; two ids stay two organisations', () => {
    const byIds = [intro(party('t1', 'Sensor BV', 'tech'), party('c1', 'Zorg Thuis', 'care'), { status: 'made', note: 'Koffie' })];
    const byNames = intro(party('', 'zorg thuis', ''), party('', 'SENSOR BV', ''));
    expect(addIntroductions(byIds, [byNames])).toMatchObject({ added: 0, existing: 1 });
    expect(addIntroductions([byNames], byIds)).toMatchObject({ added: 0, existing: 1 });
    // One side by id, the other by name.
    expect(addIntroductions(byIds, [intro(party('c1', '', ''), party('', 'Sensor BV', ''))])).toMatchObject({ added: 0, existing: 1 });
    // Another organisation of the same name (another id) is another pair.
    const namesake = intro(party('t2', 'Sensor BV', 'tech'), party('c1', 'Zorg Thuis', 'care'));
    expect(addIntroductions(byIds, [namesake])).toMatchObject({ added: 1, existing: 0 });
    // And the held introduction keeps its status and note.
    expect(addIntroductions(byIds, [byNames]).worklist).toEqual(byIds);
  });
});

describe('a worklist against a later dataset', () => {
  const later = parseCanonicalFiles([read('participations.csv'), read('later-participations.csv')], { datasetName: 'later' }).dataset;
  const worklist: Introduction[] = [
    intro(party('tech-b', 'Sensor BV', 'tech'), party('care-a', 'Zorg Thuis', 'care'), { status: 'made' }),
    intro(party('gem', 'Gemeente Testdorp', 'government'), party('tech-c', 'Nieuwe Robotica', 'tech')),
    intro(party('old-id', 'Ziekenhuis West', 'care'), party('gem', 'Gemeente Testdorp', 'government'), { status: 'active' }),
    intro(party('nope', 'Onbekend', 'tech'), party('gem', 'Gemeente Testdorp', 'government')),
  ];

  it('says which introductions became ties, by id and else by name, and which could not be matched', () => {
    const m = matchWorklist(worklist, later);
    expect([m.tied, m.notTied, m.unmatched]).toEqual([2, 1, 1]);
    expect(m.matches.map((x) => [x.index, x.outcome, x.activities, x.suggestedStatus])).toEqual([
      [0, 'tied', ['P8'], 'active'],
      [1, 'not_tied', [], null],
      [2, 'tied', ['C1', 'P4'], null],
      [3, 'unmatched', [], null],
    ]);
    expect(m.matches[2]!.a).toEqual({ id: 'care-b', by: 'name', ambiguous: false });
    expect(m.matches[2]!.b).toEqual({ id: 'gem', by: 'id', ambiguous: false });
    expect(m.matches[3]!.a).toEqual({ id: null, by: null, ambiguous: false });
  });

  it('does not count hypothetical ties of a scenario', () => {
    const withScenario = applyScenario(later, [
      { activity_id: 'X1', organisation_id: 'gem' },
      { activity_id: 'X1', organisation_id: 'tech-c' },
    ]).dataset;
    expect(matchWorklist(worklist, withScenario).matches[1]!.outcome).toBe('not_tied');
  });

  it('says so when both sides are one organisation of the data (one by id, one by name)', () => {
    const m = matchWorklist([intro(party('gem', '', ''), party('', 'gemeente testdorp', ''))], later);
    expect(m.matches[0]).toMatchObject({ outcome: 'unmatched', sameOrganisation: true, a: { id: 'gem', by: 'id' }, b: { id: 'gem', by: 'name' } });
    expect(matchWorklist(worklist, later).matches.map((x) => x.sameOrganisation)).toEqual([false, false, false, false]);
  });

  it('leaves a name two organisations share unmatched', () => {
    const twins: Dataset = {
      ...later,
      organisations: later.organisations.concat([{ id: 'care-b-2', name: 'Ziekenhuis West', sector: 'care', aliases: [], provenance: [] }]),
    };
    const m = matchWorklist(worklist, twins);
    expect(m.matches[2]).toMatchObject({ outcome: 'unmatched', a: { id: null, by: null, ambiguous: true } });
  });

  it('round-trips through CSV and still matches', () => {
    const { worklist: back } = parseWorklistCsv(writeWorklistCsv(worklist), 'w.csv');
    expect(matchWorklist(back, later)).toEqual(matchWorklist(worklist, later));
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCanonicalFiles, writeActivitiesCsv, writeOrganisationsCsv, writeParticipationsCsv } from '../../../src/data/canonical';
import {
  applyScenario,
  introductionRows,
  isScenario,
  scenarioCsv,
  scenarioFromCsv,
  withoutHypothetical,
} from '../../../src/data/scenario';
import { setupI18n } from '../../../src/i18n';
import { problemText } from '../../../src/ui/import/problemText';
import { importWords } from '../../../src/ui/import/useImportMessages';

const DIR = join(__dirname, '../../fixtures/compare');
const read = (name: string) => ({ name, text: readFileSync(join(DIR, name), 'utf8') });
const { dataset } = parseCanonicalFiles([read('participations.csv')], { datasetName: 'fixture' });
const scenarioText = read('scenario.csv').text;

describe('applying a scenario', () => {
  it('accounts for every row: read = used + merged + rejected, with file, row and column', () => {
    const { report } = scenarioFromCsv(dataset, scenarioText, 'scenario.csv');
    expect(report).toMatchObject({ file: 'scenario.csv', rowsRead: 8, rowsUsed: 4, rowsMerged: 2, rowsRejected: 2 });
    expect(report.rowsRead).toBe(report.rowsUsed + report.rowsMerged + report.rowsRejected);
    const problem = (code: string) => report.problems.filter((p) => p.code === code).map((p) => [p.row, p.column ?? null]);
    expect(problem('already-in-data')).toEqual([[6, null]]);
    expect(problem('duplicate-participation')).toEqual([[7, null]]);
    expect(problem('missing-activity-id')).toEqual([[8, 'activity_id']]);
    expect(problem('unknown-organisation-id')).toEqual([[9, 'organisation_id']]);
    expect(report.problems.filter((p) => p.severity === 'error').every((p) => p.file === 'scenario.csv')).toBe(true);
  });

  it('marks what it adds as hypothetical and finds organisations by id, then by name', () => {
    const s = scenarioFromCsv(dataset, scenarioText, 'scenario.csv');
    expect(s.organisations).toEqual(['nieuwe-zorgstart']);
    expect(s.activities).toEqual(['NEW1']);
    expect(s.participations).toBe(4);
    const added = s.dataset.participations.filter((p) => p.hypothetical).map((p) => `${p.activityId}:${p.organisationId}`);
    // "Robot BV" (no id) is tech-a.
    expect(added).toEqual(['P5:gem', 'NEW1:tech-a', 'NEW1:care-b', 'NEW1:nieuwe-zorgstart']);
    const newAct = s.dataset.activities.find((a) => a.id === 'NEW1')!;
    expect(newAct).toMatchObject({ title: 'Thuiszorgrobot pilot', kind: 'living_lab', startYear: 2021, hypothetical: true });
    const newOrg = s.dataset.organisations.find((o) => o.id === 'nieuwe-zorgstart')!;
    expect(newOrg).toMatchObject({ name: 'Nieuwe Zorgstart', sector: 'care', hypothetical: true });
    // A real activity joined by a hypothetical participant stays real.
    expect(s.dataset.activities.find((a) => a.id === 'P5')!.hypothetical).toBeUndefined();
    expect(isScenario(s.dataset)).toBe(true);
    expect(isScenario(dataset)).toBe(false);
  });

  it('does not change the dataset it is given', () => {
    const before = JSON.stringify(dataset);
    const s = scenarioFromCsv(dataset, scenarioText, 'scenario.csv');
    expect(JSON.stringify(dataset)).toBe(before);
    expect(withoutHypothetical(s.dataset)).toEqual(dataset);
  });

  it('never changes real data: differing activity or sector values are reported, not used', () => {
    const s = applyScenario(dataset, [{ activity_id: 'P1', activity_title: 'Another title', organisation_id: 'tech-b', sector: 'care' }]);
    expect(s.report.rowsUsed).toBe(1);
    expect(s.dataset.activities.find((a) => a.id === 'P1')!.title).toBe('Wijkzorg pilot');
    expect(s.dataset.organisations.find((o) => o.id === 'tech-b')!.sector).toBe('tech');
    expect(s.report.problems.map((p) => [p.code, p.row, p.column])).toEqual([
      ['conflicting-sector', 2, 'sector'],
      ['conflicting-value', 2, 'activity_title'],
    ]);
  });

  it("words every row problem in the UI's language from code and parameters, as the importer's", () => {
    // One row for each problem a scenario row can have, and a column not in the format (its
    // remark was English in the Dutch UI). Every row has a value for every column (kolom_x empty).
    const text = [
      'activity_id,organisation_id,organisation,sector,activity_title,start_year,confidence,kolom_x',
      ',tech-a,,,,,,', // no activity
      'P1,nobody,,,,,,', // unknown id, no name
      'P1,,!!!,,,,,', // no letters
      'P1,,,,,,,', // no organisation
      'P1,tech-b,,care,Another title,,,', // sector and title differ from the data
      'NEW2,zzz,Robot BV,,,,,', // matched by name
      'NEW2,,Nieuwe Partij,zorgachtig,,0x7E4,misschien,', // unknown sector, year, confidence
      'NEW2,,Nieuwe Partij,,,,,', // twice in the scenario
      'NEW3,,Eerste,,Titel A,,,',
      'NEW3,,Tweede,,Titel B,,,', // another title for the new activity
      `${dataset.participations[0]!.activityId},${dataset.participations[0]!.organisationId},,,,,,`, // already in the data
    ].join('\n');
    const { report } = scenarioFromCsv(dataset, text, 'scenario.csv');
    const codes = report.problems.map((p) => `${p.code}${p.variant ? `/${p.variant}` : ''}`);
    expect(new Set(codes).size).toBe(14);
    expect(codes).toContain('extra-columns/not-used');
    setupI18n('nl');
    for (const p of report.problems) {
      expect(p.params, p.code).toBeDefined();
      const dutch = problemText(p, importWords('nl'));
      const english = problemText(p, importWords('en'));
      // The English words of the app are those of the CLI, but for sector ids, which the app names.
      if (!p.params?.sector) expect(english.message, p.code).toBe(p.message);
      expect(dutch.message, p.code).not.toContain('{{');
      expect(dutch.message, p.code).not.toBe(english.message);
      if (english.fix) expect(dutch.fix, p.code).not.toBe(english.fix);
    }
    // "0x7E4" is no year (decimal digits only, as the importer reads them).
    expect(report.problems.find((p) => p.code === 'invalid-year')?.params).toEqual({ value: '0x7E4' });
  });

  it('takes control and direction characters out of a scenario file and says so, as the importer does', () => {
    // A title ending in a right-to-left override reversed what the panel showed after it.
    const s = scenarioFromCsv(dataset, 'activity_id,organisation,activity_title\nNEW9,Nieuwe Partij,Title\u202E\nNEW9,Tweede\u0000 Partij,\n', 'rlo.csv');
    expect(s.dataset.activities.find((a) => a.id === 'NEW9')!.title).toBe('Title');
    expect(s.dataset.organisations.map((o) => o.name)).toContain('Tweede Partij');
    expect(s.report.problems.map((p) => [p.code, p.row, p.column])).toEqual(
      expect.arrayContaining([
        ['direction-controls', 2, 'activity_title'],
        ['control-characters', 3, 'organisation'],
      ]),
    );
  });

  it('rejects a file that is not a participations table', () => {
    const s = scenarioFromCsv(dataset, 'name,sector\nX,tech\nY,care\n', 'wrong.csv');
    expect(s.report).toMatchObject({ rowsRead: 2, rowsUsed: 0, rowsRejected: 2 });
    expect(s.report.problems.at(-1)!.code).toBe('unrecognised-columns');
    expect(s.dataset.participations).toHaveLength(dataset.participations.length);
  });

  it('turns introductions into hypothetical two-party activities', () => {
    const rows = introductionRows(dataset, [
      { a: 'tech-b', b: 'care-a' },
      { a: 'gem', b: 'uni' },
    ]);
    const s = applyScenario(dataset, rows);
    expect(s.report).toMatchObject({ rowsRead: 4, rowsUsed: 4 });
    expect(s.activities).toEqual(['introduction-1', 'introduction-2']);
    expect(s.dataset.activities.filter((a) => a.hypothetical).map((a) => a.kind)).toEqual(['introduction', 'introduction']);
  });
});

describe('exports and scenarios', () => {
  const s = scenarioFromCsv(dataset, scenarioText, 'scenario.csv');

  it('leave hypothetical rows out of the data exports unless asked', () => {
    expect(writeParticipationsCsv(s.dataset)).toBe(writeParticipationsCsv(dataset));
    expect(writeOrganisationsCsv(s.dataset)).toBe(writeOrganisationsCsv(dataset));
    expect(writeActivitiesCsv(s.dataset)).toBe(writeActivitiesCsv(dataset));
    expect(writeParticipationsCsv(s.dataset, { hypothetical: 'include' }).trim().split('\n')).toHaveLength(1 + dataset.participations.length + 4);
  });

  it('write the scenario as a canonical CSV that reads back to the same scenario', () => {
    const text = scenarioCsv(s.dataset);
    expect(text.trim().split('\n')).toHaveLength(1 + 4);
    const again = scenarioFromCsv(dataset, text, 'again.csv');
    expect(again.report).toMatchObject({ rowsRead: 4, rowsUsed: 4, rowsMerged: 0, rowsRejected: 0 });
    const strip = (d: typeof dataset) => ({ ...d, participations: d.participations.map(({ provenance: _p, ...rest }) => rest), organisations: d.organisations.map(({ provenance: _p, ...rest }) => rest), activities: d.activities.map(({ provenance: _p, ...rest }) => rest) });
    expect(strip(again.dataset)).toEqual(strip(s.dataset));
  });
});

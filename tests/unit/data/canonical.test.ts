import { describe, expect, it } from 'vitest';
import {
  parseCanonicalFiles,
  writeActivitiesCsv,
  writeOrganisationsCsv,
  writeParticipationsCsv,
  writeStatedCountsCsv,
} from '../../../src/data/canonical';
import { validateDataset } from '../../../src/data/validate';
import { setupI18n } from '../../../src/i18n';
import { problemText } from '../../../src/ui/import/problemText';
import { importWords } from '../../../src/ui/import/useImportMessages';

const header =
  'activity_id,activity_title,activity_kind,source,scheme,theme,start_year,end_year,organisation_id,organisation,sector,city,region,country,role,provenance';

function parse(text: string, name = 'p.csv') {
  return parseCanonicalFiles([{ name, text }]);
}

function expectInvariant(r: ReturnType<typeof parse>['report']) {
  expect(r.rowsRead).toBe(r.rowsUsed + r.rowsMerged + r.rowsRejected);
  for (const f of r.files) expect(f.rowsRead).toBe(f.rowsUsed + f.rowsMerged + f.rowsRejected);
}

describe('canonical participations CSV', () => {
  it('needs only activity_id and organisation; the normalised name identifies the organisation', () => {
    const { dataset, report } = parse(
      'activity_id,organisation\nA1,De Haagse Hogeschool\nA1,Gemeente Den Haag\nA2,de haagse  hogeschool\n',
    );
    expect(report.rowsRead).toBe(3);
    expect(report.rowsUsed).toBe(3);
    expect(dataset.organisations.map((o) => o.id)).toEqual(['de-haagse-hogeschool', 'gemeente-den-haag']);
    expect(dataset.activities.map((a) => a.id)).toEqual(['A1', 'A2']);
    expect(dataset.participations).toHaveLength(3);
    // The second spelling differs only in case/spaces, so it is the same organisation and no alias.
    expect(dataset.organisations[0]!.aliases).toEqual([]);
    expectInvariant(report);
  });

  it('reads every canonical column', () => {
    const { dataset, report } = parse(
      `${header}\nsia-1,Fast@Home,project,SIA,RAAK,rehabilitation,2014,2016,hhs,De Haagse Hogeschool,knowledge,Den Haag,Haaglanden,NL,applicant,seed.txt#SIA\n`,
    );
    expect(report.problems.filter((p) => p.severity !== 'info')).toEqual([]);
    expect(dataset.activities[0]).toMatchObject({
      id: 'sia-1',
      title: 'Fast@Home',
      kind: 'project',
      source: 'SIA',
      scheme: 'RAAK',
      theme: 'rehabilitation',
      startYear: 2014,
      endYear: 2016,
    });
    expect(dataset.organisations[0]).toMatchObject({
      id: 'hhs',
      name: 'De Haagse Hogeschool',
      sector: 'knowledge',
      city: 'Den Haag',
      region: 'Haaglanden',
      country: 'NL',
    });
    expect(dataset.participations[0]).toEqual({
      activityId: 'sia-1',
      organisationId: 'hhs',
      role: 'applicant',
      provenance: 'seed.txt#SIA',
    });
  });

  it('rejects rows without activity or organisation, with file, row and column', () => {
    const { report } = parse('activity_id,organisation\n,Gemeente Delft\nA1,\nA1,???\nA1,TU Delft\n', 'mine.csv');
    expect(report.rowsRead).toBe(4);
    expect(report.rowsRejected).toBe(3);
    expect(report.rowsUsed).toBe(1);
    const errors = report.problems.filter((p) => p.severity === 'error');
    expect(errors.map((e) => [e.file, e.row, e.column, e.code])).toEqual([
      ['mine.csv', 2, 'activity_id', 'missing-activity-id'],
      ['mine.csv', 3, 'organisation', 'missing-organisation'],
      ['mine.csv', 4, 'organisation', 'missing-organisation'],
    ]);
    expect(errors.every((e) => e.fix && e.message.length > 20)).toBe(true);
    expectInvariant(report);
  });

  it('merges a repeated (activity, organisation) row and says so', () => {
    const { dataset, report } = parse('activity_id,organisation,role\nA1,X B.V.,lead\nA1,x b.v.,partner\n');
    expect(report.rowsMerged).toBe(1);
    expect(dataset.participations).toHaveLength(1);
    expect(dataset.participations[0]!.role).toBe('lead; partner');
    expect(report.problems.some((p) => p.code === 'duplicate-participation' && p.row === 3)).toBe(true);
    expectInvariant(report);
  });

  it('detects ; delimiters, strips a BOM and ignores blank lines (counted)', () => {
    const { dataset, report } = parse('\uFEFFactivity_id;organisation;sector\nA1;Gemeente Den Haag;government\n\nA1;HagaZiekenhuis;care\n');
    expect(report.files[0]!.delimiter).toBe(';');
    expect(report.files[0]!.blankLinesSkipped).toBe(1);
    expect(dataset.organisations.map((o) => o.sector).sort()).toEqual(['care', 'government']);
    expectInvariant(report);
  });

  it('keeps quoted separators and line breaks inside fields', () => {
    const { dataset } = parse('activity_id,activity_title,organisation\nA1,"Fast@Home, thuis revalideren\nna een beroerte",Sophia Stichting\n');
    expect(dataset.activities[0]!.title).toBe('Fast@Home, thuis revalideren\nna een beroerte');
  });

  it('infers a missing sector from the name and marks it inferred', () => {
    const { dataset, report } = parse('activity_id,organisation\nA1,Gemeente Rijswijk\nA1,Robot Care Systems B.V.\nA1,Zebra\n');
    const byName = Object.fromEntries(dataset.organisations.map((o) => [o.name, o]));
    expect(byName['Gemeente Rijswijk']).toMatchObject({ sector: 'government', sectorInferred: true });
    expect(byName['Zebra']).toMatchObject({ sector: 'other', sectorInferred: true });
    expect(report.problems.filter((p) => p.code === 'sector-inferred')).toHaveLength(3);
  });

  it('reports an unknown sector value and a bad year without dropping the row', () => {
    const { dataset, report } = parse('activity_id,organisation,sector,start_year\nA1,Gemeente Delft,municipal body,20x6\n');
    expect(report.rowsUsed).toBe(1);
    expect(dataset.organisations[0]!.sector).toBe('government');
    const codes = report.problems.map((p) => [p.code, p.row, p.column]);
    expect(codes).toContainEqual(['unknown-sector', 2, 'sector']);
    expect(codes).toContainEqual(['invalid-year', 2, 'start_year']);
  });

  it('reads years and counts in decimal digits only (not 0x7E4, 2.02e3 or 0b11111100100 as 2020)', () => {
    const rows = ['0x7E4', '2.02e3', '0b11111100100', ' 2020 '].map((y, i) => `A${i},Org ${i},${y}`).join('\n');
    const { dataset, report } = parse(`activity_id,organisation,start_year\n${rows}\n`);
    expect(report.problems.filter((p) => p.code === 'invalid-year').map((p) => p.row)).toEqual([2, 3, 4]);
    expect(dataset.activities.map((a) => a.startYear)).toEqual([undefined, undefined, undefined, 2020]);
  });

  it('reports an unknown sector value on every row that has it, a known type once per file', () => {
    // The builder remembers sector readings per value; a reading with a problem of its own row is not remembered.
    const { dataset, report } = parse(
      'activity_id,organisation_id,organisation,sector,organisation_type\nA1,o1,Zebra,municipal body,\nA1,o2,Yak,municipal body,\nA2,o3,Gnu,,PRC\nA2,o4,Emu,,PRC\n',
    );
    expect(report.rowsUsed).toBe(4);
    const unknown = report.problems.filter((p) => p.code === 'unknown-sector').map((p) => p.row);
    expect(unknown).toEqual([2, 3]);
    expect(report.problems.filter((p) => p.code === 'sector-mapped')).toHaveLength(1);
    expect(dataset.organisations.filter((o) => o.organisationType === 'PRC').map((o) => o.sector)).toEqual(['tech', 'tech']);
  });

  it('keeps a second spelling under one organisation id as an alias', () => {
    const { dataset } = parse('activity_id,organisation_id,organisation\nA1,hhs,De Haagse Hogeschool\nA2,hhs,Haagse Hogeschool (THUAS)\n');
    expect(dataset.organisations).toHaveLength(1);
    expect(dataset.organisations[0]).toMatchObject({ name: 'De Haagse Hogeschool', aliases: ['Haagse Hogeschool (THUAS)'] });
  });

  it('rejects a file whose columns it does not recognise, counting every row', () => {
    const { report } = parse('foo,bar\n1,2\n3,4\n');
    expect(report.rowsRead).toBe(2);
    expect(report.rowsRejected).toBe(2);
    expect(report.problems[0]).toMatchObject({ code: 'unrecognised-columns', row: 1, severity: 'error' });
  });
});

describe('organisations and activities files', () => {
  const orgs =
    'organisation_id,name,sector,city,region,country,aliases,description,listed_in,provenance\n' +
    'gemeente-den-haag,Gemeente Den Haag,government,Den Haag,Haaglanden,NL,Den Haag | gemeente Den Haag,,,s.txt#a\n' +
    'bobergo,BOBErgo B.V.,tech,Delft,Haaglanden,NL,,,SIA actors,s.txt#b\n';
  const acts =
    'activity_id,title,kind,source,scheme,theme,start_year,end_year,region,stated_participants,description,provenance\n' +
    'rvo-x,Intelligent Consumer Systems,project,RVO,,,,,Haaglanden,,,s.txt#c\n';
  const parts = 'activity_id,organisation_id,organisation,role,provenance\nsecuradar,gemeente-den-haag,De gemeente Den Haag,partner,s.txt#d\n';

  it('joins the three files whatever their order, keeping isolates and empty activities', () => {
    const { dataset, report } = parseCanonicalFiles([
      { name: 'participations.csv', text: parts },
      { name: 'activities.csv', text: acts },
      { name: 'organisations.csv', text: orgs },
    ]);
    expect(report.problems.filter((p) => p.severity !== 'info')).toEqual([]);
    expect(report.files.map((f) => f.role)).toEqual(['organisations', 'activities', 'participations']);
    expect(dataset.organisations.map((o) => o.id)).toEqual(['bobergo', 'gemeente-den-haag']);
    expect(dataset.organisations[0]!.listedIn).toEqual(['SIA actors']);
    expect(dataset.organisations[1]!.aliases).toEqual(['Den Haag', 'gemeente Den Haag']);
    expect(dataset.activities.map((a) => a.id)).toEqual(['rvo-x', 'securadar']);
    expect(dataset.participations[0]).toMatchObject({ nameAsWritten: 'De gemeente Den Haag' });
  });

  it('names an organisation the organisations file lists without a name after its participation rows', () => {
    const { dataset } = parseCanonicalFiles([
      { name: 'participations.csv', text: 'activity_id,organisation_id,organisation\nA,org2,Org Two\nA,org3,Org Three\nB,org2,ORG TWO B.V.\n' },
      { name: 'organisations.csv', text: 'organisation_id,name,sector\norg2,,tech\norg3,Org Drie,care\n' },
    ]);
    // org2 had only its id: the first participation's name is its name; a later spelling stays on
    // its participation, as for every organisation of the file (org3 keeps the file's name).
    expect(dataset.organisations.map((o) => [o.id, o.name, o.aliases])).toEqual([
      ['org2', 'Org Two', []],
      ['org3', 'Org Drie', []],
    ]);
    expect(dataset.participations.map((p) => p.nameAsWritten)).toEqual([undefined, 'Org Three', 'ORG TWO B.V.']);
  });

  it('round-trips through the canonical writers without changing a value', () => {
    const first = parseCanonicalFiles([
      { name: 'organisations.csv', text: orgs },
      { name: 'activities.csv', text: acts },
      { name: 'participations.csv', text: parts },
    ]).dataset;
    first.organisations[1]!.description = '=HYPERLINK("x")';
    const again = parseCanonicalFiles([
      { name: 'o.csv', text: writeOrganisationsCsv(first) },
      { name: 'a.csv', text: writeActivitiesCsv(first) },
      { name: 'p.csv', text: writeParticipationsCsv(first) },
    ]).dataset;
    expect(writeOrganisationsCsv(first)).toContain(`'=HYPERLINK`);
    expect(again.organisations).toEqual(first.organisations);
    expect(again.activities.map((a) => ({ ...a, provenance: [] }))).toEqual(
      first.activities.map((a) => ({ ...a, provenance: [] })),
    );
    expect(again.participations.map((p) => [p.activityId, p.organisationId, p.role])).toEqual(
      first.participations.map((p) => [p.activityId, p.organisationId, p.role]),
    );
  });
});

describe('confidence, English titles and descriptions', () => {
  const orgs =
    'organisation_id,name,sector,description,description_en,provenance\n' +
    'tpy,Technology Park Ypenburg,network,Bedrijvenpark met een fieldlab.,Business park with a field lab.,s.txt#a\n' +
    'kve,KVE,tech,,,s.txt#b\n';
  const acts =
    'activity_id,title,title_en,kind,source,description,description_en,provenance\n' +
    'tpy-campus,Technology Park Ypenburg (bedrijvenpark),Technology Park Ypenburg (business park),campus,regional_networks,Het park huisvest hightechbedrijven.,The park houses high-tech firms.,s.txt#c\n';

  it('reads confidence per participation; empty or "stated" is the default', () => {
    const { dataset, report } = parseCanonicalFiles([
      { name: 'o.csv', text: orgs },
      { name: 'a.csv', text: acts },
      { name: 'p.csv', text: 'activity_id,organisation_id,role,confidence,provenance\ntpy-campus,tpy,host,,s.txt#c\ntpy-campus,kve,member,implied,s.txt#c\n' },
    ]);
    expect(report.problems.filter((p) => p.severity !== 'info')).toEqual([]);
    expect(dataset.participations.find((p) => p.organisationId === 'tpy')!.confidence).toBeUndefined();
    expect(dataset.participations.find((p) => p.organisationId === 'kve')!.confidence).toBe('implied');
    expect(validateDataset(dataset)).toEqual([]);
  });

  it('reports an unknown confidence with file, row, column and fix, and reads it as inferred', () => {
    const { dataset, report } = parse('activity_id,organisation,confidence\nA1,KVE,zeker\nA1,GTM,Inferred\n', 'mine.csv');
    const problem = report.problems.find((p) => p.code === 'unknown-confidence')!;
    expect(problem).toMatchObject({ file: 'mine.csv', row: 2, column: 'confidence', severity: 'warning' });
    expect(problem.fix).toMatch(/stated/);
    expect(report.rowsUsed).toBe(2);
    expect(dataset.participations.map((p) => p.confidence)).toEqual(['inferred', 'inferred']);
  });

  it('keeps the best-supported confidence when a participation is read twice', () => {
    const { dataset } = parse('activity_id,organisation,confidence\nA1,KVE,inferred\nA1,KVE,implied\nA2,GTM,implied\nA2,GTM,\n');
    expect(dataset.participations.map((p) => [p.activityId, p.confidence])).toEqual([
      ['A1', 'implied'],
      ['A2', undefined],
    ]);
  });

  it('reads and writes title_en and description_en, and round-trips confidence', () => {
    const first = parseCanonicalFiles([
      { name: 'o.csv', text: orgs },
      { name: 'a.csv', text: acts },
      { name: 'p.csv', text: 'activity_id,organisation_id,role,confidence,provenance\ntpy-campus,kve,member,implied,s.txt#c\n' },
    ]).dataset;
    expect(first.activities[0]).toMatchObject({ title: 'Technology Park Ypenburg (bedrijvenpark)', titleEn: 'Technology Park Ypenburg (business park)', descriptionEn: 'The park houses high-tech firms.' });
    expect(first.organisations.find((o) => o.id === 'tpy')).toMatchObject({ description: 'Bedrijvenpark met een fieldlab.', descriptionEn: 'Business park with a field lab.' });
    expect(writeActivitiesCsv(first).split('\n')[0]).toContain('title,title_en,kind');
    const again = parseCanonicalFiles([
      { name: 'o.csv', text: writeOrganisationsCsv(first) },
      { name: 'a.csv', text: writeActivitiesCsv(first) },
      { name: 'p.csv', text: writeParticipationsCsv(first) },
    ]).dataset;
    expect(again.organisations).toEqual(first.organisations);
    expect(again.activities).toEqual(first.activities);
    expect(again.participations).toEqual(first.participations);
  });
});

describe('stated-counts file', () => {
  const orgs = 'organisation_id,name,sector,provenance\nmrdh,MRDH,government,s.txt#a\ngemeente-den-haag,Gemeente Den Haag,government,s.txt#a\n';
  const parts = 'activity_id,organisation_id,role,provenance\nwmo-inkoop,gemeente-den-haag,lead,s.txt#b\n';
  const header = 'subject_kind,subject_id,counted,value,qualifier,provenance,note\n';

  it('is recognised by its header in any order and kept, conflicts included', () => {
    const counts =
      header +
      'organisation,mrdh,gemeenten,23,,s.txt#c,\n' +
      'activity,wmo-inkoop,providers,61,exact,s.txt#Wmo,one slide\n' +
      'activity,wmo-inkoop,zorgaanbieders,63,,s.txt#Zorginfrastructuur,another slide\n' +
      'activity,wmo-inkoop,providers,100,meer dan,s.txt#Jeugd,\n';
    const { dataset, report } = parseCanonicalFiles([
      { name: 'stated-counts.csv', text: counts },
      { name: 'participations.csv', text: parts },
      { name: 'organisations.csv', text: orgs },
    ]);
    expect(report.problems.filter((p) => p.severity !== 'info')).toEqual([]);
    expect(report.files.map((f) => f.role)).toEqual(['organisations', 'participations', 'stated-counts']);
    expect(dataset.statedCounts).toEqual([
      { subjectKind: 'organisation', subjectId: 'mrdh', counted: 'municipalities', value: 23, qualifier: 'exact', provenance: 's.txt#c' },
      { subjectKind: 'activity', subjectId: 'wmo-inkoop', counted: 'providers', value: 61, qualifier: 'exact', provenance: 's.txt#Wmo', note: 'one slide' },
      { subjectKind: 'activity', subjectId: 'wmo-inkoop', counted: 'providers', value: 63, qualifier: 'exact', provenance: 's.txt#Zorginfrastructuur', note: 'another slide' },
      { subjectKind: 'activity', subjectId: 'wmo-inkoop', counted: 'providers', value: 100, qualifier: 'at_least', provenance: 's.txt#Jeugd' },
    ]);
    expectInvariant(report);
    // The disagreement is reported as information, not as an error.
    const problems = validateDataset(dataset);
    expect(problems.map((p) => [p.severity, p.code])).toEqual([['info', 'conflicting-counts']]);
    expect(problems[0]!.message).toMatch(/61 .* vs 63 .* vs at least 100/);
  });

  it('does not call several counts of one statement a conflict', () => {
    const counts =
      header +
      'organisation,mrdh,partners,56,,s.txt#p,premium partners\n' +
      'organisation,mrdh,partners,151,,s.txt#p,network partners\n';
    const { dataset } = parseCanonicalFiles([{ name: 'o.csv', text: orgs }, { name: 'c.csv', text: counts }]);
    expect(dataset.statedCounts).toHaveLength(2);
    expect(validateDataset(dataset)).toEqual([]);
  });

  it('rejects counts it cannot use, with file, row, column and fix, and merges repeats', () => {
    const counts =
      header +
      'activity,nowhere,participants,5,,s.txt#x,\n' +
      'thing,mrdh,members,5,,s.txt#x,\n' +
      'organisation,mrdh,members,1.429,,s.txt#x,\n' +
      'organisation,mrdh,,5,,s.txt#x,\n' +
      'organisation,mrdh,members,5,ongeveer,s.txt#x,\n' +
      'organisation,mrdh,members,5,about,s.txt#x,\n' +
      'organisation,mrdh,members,7,veel,s.txt#y,\n' +
      // Beyond a million (and beyond 2^53, where the number would not be read as written).
      'organisation,mrdh,members,2000000,,s.txt#z,\n' +
      'organisation,mrdh,members,99999999999999999999,,s.txt#z,\n';
    const { dataset, report } = parseCanonicalFiles([{ name: 'o.csv', text: orgs }, { name: 'counts.csv', text: counts }]);
    const file = report.files.find((f) => f.file === 'counts.csv')!;
    expect([file.rowsRead, file.rowsUsed, file.rowsMerged, file.rowsRejected]).toEqual([9, 2, 1, 6]);
    expectInvariant(report);
    const byRow = (row: number) => report.problems.find((p) => p.file === 'counts.csv' && p.row === row)!;
    expect(byRow(2)).toMatchObject({ column: 'subject_id', code: 'unknown-count-subject', severity: 'error' });
    expect(byRow(3)).toMatchObject({ column: 'subject_kind', code: 'invalid-count-subject-kind' });
    expect(byRow(4)).toMatchObject({ column: 'value', code: 'invalid-count-value' });
    expect(byRow(5)).toMatchObject({ column: 'counted', code: 'missing-counted' });
    expect(byRow(7)).toMatchObject({ code: 'duplicate-count', severity: 'info' });
    expect(byRow(8)).toMatchObject({ column: 'qualifier', code: 'unknown-count-qualifier', severity: 'warning' });
    expect(byRow(9)).toMatchObject({ column: 'value', code: 'implausible-count', variant: 'stated-count', severity: 'error' });
    expect(byRow(9).message).toBe('"2000000" is more than 1,000,000, more than any count of participants, members or partners can be; the count was not used.');
    expect(byRow(10)).toMatchObject({ column: 'value', code: 'implausible-count', params: { value: '99999999999999999999' } });
    for (const row of [2, 3, 4, 5, 8, 9, 10]) expect(byRow(row).fix, `row ${row}`).toBeTruthy();
    // Every remark is worded from its code and parameters, so the app says it in Dutch too (the
    // importer's stated-counts remarks were English literals in the Dutch UI).
    setupI18n('nl');
    for (const p of report.problems.filter((q) => q.file === 'counts.csv')) {
      expect(p.params, p.code).toBeDefined();
      const dutch = problemText(p, importWords('nl'));
      expect(problemText(p, importWords('en')).message, p.code).toBe(p.message);
      expect(dutch.message, p.code).not.toBe(p.message);
      expect(dutch.message, p.code).not.toContain('{{');
    }
    expect(byRow(2).message).toBe('This count is about activity "nowhere", which is not in the data; it was not used.');
    expect(problemText(byRow(3), importWords('nl')).message).toBe('"thing" is geen soort onderwerp; een aantal gaat over een activiteit ("activity") of een organisatie ("organisation").');
    expect(dataset.statedCounts!.map((c) => [c.value, c.qualifier])).toEqual([
      [5, 'about'],
      [7, 'about'],
    ]);
  });

  it('round-trips through writeStatedCountsCsv', () => {
    const counts = header + 'organisation,mrdh,municipalities,23,exact,s.txt#c,"a note, with a comma"\n';
    const first = parseCanonicalFiles([{ name: 'o.csv', text: orgs }, { name: 'c.csv', text: counts }]).dataset;
    const written = writeStatedCountsCsv(first);
    expect(written.split('\n')[0]).toBe('subject_kind,subject_id,counted,value,qualifier,provenance,note');
    const again = parseCanonicalFiles([{ name: 'o.csv', text: orgs }, { name: 'c.csv', text: written }]).dataset;
    expect(again.statedCounts).toEqual(first.statedCounts);
  });

  it('leaves statedCounts undefined when there is no stated-counts file', () => {
    expect(parse('activity_id,organisation\nA1,X\n').dataset.statedCounts).toBeUndefined();
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { loadFilesForCommandLine } from '../../../src/data/import/commandLine';
import { autoColumns, recogniseTable } from '../../../src/data/import/recognise';
import { importFiles, needsMappingStep, planMappings, ImportSession } from '../../../src/data/import/pipeline';
import { encodeCp1252, expectInvariant, input } from './helpers';

/**
 * Imports a network manager can trust (issue 10 §3): Dutch and English header synonyms, and a
 * file whose kind is not clear goes to the mapping step with the reason, never guessed silently.
 */

const field = (header: string) => autoColumns([header, 'organisatie'], 'participations')[0];

describe('header synonyms', () => {
  it.each([
    ['project', 'activity_id'],
    ['Projectnummer', 'activity_id'],
    ['projectcode', 'activity_id'],
    ['Project code', 'activity_id'],
    ['activiteit', 'activity_id'],
    ['Activity', 'activity_id'],
    ['titel', 'activity_title'],
    ['Projectnaam', 'activity_title'],
    ['Project name', 'activity_title'],
    ['rol', 'role'],
    ['Rol in project', 'role'],
    ['jaar', 'start_year'],
    ['Startjaar', 'start_year'],
    ['Start year', 'start_year'],
    ['startdatum', 'start_date'],
    ['Start date', 'start_date'],
    ['plaats', 'city'],
    ['Vestigingsplaats', 'city'],
    ['bron', 'source'],
    ['Financier', 'source'],
    ['Funded by', 'source'],
    ['sector', 'sector'],
    ['Type organisatie', 'organisation_type'],
  ])('%s → %s', (header, expected) => {
    expect(field(header)).toBe(expected);
  });

  it.each(['organisatie', 'deelnemer', 'partner', 'Organisation name', 'Company', 'Participant'])('%s → organisation', (header) => {
    expect(autoColumns(['project', header], 'participations')).toEqual(['activity_id', 'organisation']);
  });

  it('a precise id column wins over the plain word "project", which is then the title', () => {
    expect(autoColumns(['Project', 'Projectnummer', 'Deelnemer'], 'participations')).toEqual(['activity_title', 'activity_id', 'organisation']);
  });
});

describe('the hand-kept Dutch spreadsheet of issue 10', () => {
  // Semicolons, Windows-1252, dd-mm-jjjj dates, Dutch sector words, and one row without a project.
  const text = [
    'project;titel;bron;jaar;organisatie;sector;plaats',
    'P-01;Thuis revalideren;SIA;2021;De Haagse Hogeschool;kennis;Den Haag',
    'P-01;Thuis revalideren;SIA;2021;Gemeente Den Haag;overheid;Den Haag',
    'P-01;Thuis revalideren;SIA;2021;HagaZiekenhuis;zorg;Den Haag',
    'P-02;Zorgrobot café;RVO;01-03-2022;Robotica Zoë B.V.;bedrijfsleven;Delft',
    'P-02;Zorgrobot café;RVO;01-03-2022;Cliëntenraad Haaglanden;burgers;Den Haag',
    ';Zonder project;SIA;2023;Stichting Nergens;overig;Leiden',
  ].join('\r\n');

  it('is read as participations, without a mapping step, and the row without a project is rejected', async () => {
    const { plans, outcome, summaries } = await importFiles([input('deelnemers.csv', encodeCp1252(text))]);
    expect(summaries[0]!.tables[0]).toMatchObject({ delimiter: ';', encoding: 'windows-1252' });
    expect(plans[0]!.mapping.role).toBe('participations');
    expect(plans[0]!.mapping.columns).toEqual(['activity_id', 'activity_title', 'source', 'start_year', 'organisation', 'sector', 'city']);
    expect(needsMappingStep(plans)).toBe(false);
    const { dataset, report } = outcome;
    expectInvariant(report);
    expect(report).toMatchObject({ rowsRead: 6, rowsUsed: 5, rowsRejected: 1 });
    expect(report.problems.filter((p) => p.severity === 'error')).toMatchObject([{ code: 'missing-activity-id', row: 7, column: 'project' }]);
    expect(dataset.activities.map((a) => [a.id, a.title, a.source])).toEqual([
      ['P-01', 'Thuis revalideren', 'SIA'],
      ['P-02', 'Zorgrobot café', 'RVO'],
    ]);
    // A date in the year column is its year; the Dutch sector words are sectors, not inferred.
    expect(dataset.activities.map((a) => a.startYear)).toEqual([2021, 2022]);
    expect(report.problems.filter((p) => p.code === 'invalid-year')).toEqual([]);
    const sectors = Object.fromEntries(dataset.organisations.map((o) => [o.name, [o.sector, o.sectorInferred ?? false]]));
    expect(sectors).toEqual({
      'De Haagse Hogeschool': ['knowledge', false],
      'Gemeente Den Haag': ['government', false],
      HagaZiekenhuis: ['care', false],
      'Robotica Zoë B.V.': ['tech', false],
      'Cliëntenraad Haaglanden': ['citizens', false],
    });
  });

  it('reads dd-mm-jjjj dates in a start-date column as years', async () => {
    const { outcome } = await importFiles([input('d.csv', 'projectcode;startdatum;deelnemer\nA;01-07-2023;X\nB;15-1-1999;Y\n')]);
    expect(outcome.dataset.activities.map((a) => a.startYear)).toEqual([2023, 1999]);
  });
});

describe('uncertain files go to the mapping step with the reason', () => {
  const plan = async (text: string) => planMappings((await new ImportSession().read([input('x.csv', text)]))!)[0]!;

  it('project columns without a recognised project id: not silently an organisations file', async () => {
    const p = await plan('dossier;titel;bron;jaar;organisatie;sector;plaats\nD1;Iets;SIA;2021;Gemeente Delft;overheid;Delft\n');
    expect(p.mapping.role).toBe('organisations');
    expect(p.uncertain).toEqual({ code: 'activity-columns-without-id', params: { columns: '"titel", "bron", "jaar"' } });
    expect(needsMappingStep([p])).toBe(true);
  });

  it('organisation columns in what looks like a projects file', async () => {
    const p = await plan('id,title,organisation\n1,Een,Gemeente Delft\n');
    expect(p).toMatchObject({ mapping: { role: 'activities' }, uncertain: { code: 'organisation-columns-without-organisation', params: { columns: '"organisation"' } } });
  });

  it('a bare "name" column does not say whose name it is', async () => {
    expect((await plan('projectnummer,naam\n1,Slim thuis\n')).uncertain).toEqual({ code: 'generic-name-only', params: { column: 'naam' } });
    expect((await plan('name,email\nA,a@b\n')).uncertain).toEqual({ code: 'generic-name-only', params: { column: 'name' } });
    // With anything that says "organisation" it is clear.
    expect((await plan('name,sector\nA,zorg\n')).uncertain).toBeUndefined();
    expect((await plan('projectnummer,naam,rol\n1,A,penvoerder\n')).uncertain).toBeUndefined();
  });

  it('the known layouts stay certain', () => {
    for (const header of [
      'activity_id,organisation,sector',
      'organisation_id,name,sector,city',
      'activity_id,title,kind,source',
      'id,acronym,status,title,startDate,endDate,topics,frameworkProgramme,fundingScheme',
      'projectID,projectAcronym,organisationID,name,shortName,activityType,city,country,role',
      'orgId,name,shortName,activityType,city,country',
      'rcn,role,pic,type,contribution,country,start_date,end_date',
      'Projectnummer,Titel,Regeling,Penvoerder,Organisatie,Plaats',
    ]) {
      expect(recogniseTable(header.split(',')), header).toMatchObject({ complete: true });
    }
  });

  it('the command line refuses an uncertain file with the reason (exit 1)', async () => {
    let err = '';
    const result = await loadFilesForCommandLine(['x.csv'], {
      readFile: async () => new TextEncoder().encode('dossier;titel;bron;jaar;organisatie\nD1;Iets;SIA;2021;Gemeente Delft\n'),
      err: (t) => void (err += t),
    });
    expect(result).toEqual({ code: 1 });
    expect(err).toContain('x.csv: It is not clear what this file lists: it has project columns ("titel", "bron", "jaar") but no column was recognised as the project id');
  });
});

describe('an import without participations says why (app and command line)', () => {
  it('only an organisations file', async () => {
    const { outcome } = await importFiles([input('orgs.csv', 'organisation_id,name,sector\na,A,care\n')]);
    expect(outcome.noParticipations).toMatchObject({ code: 'no-participations', variant: 'no-participations-file', severity: 'error' });
    expect(outcome.noParticipations!.message).toBe(
      'No participations were imported, so there is no network: orgs.csv describe only organisations or projects, and no file says which organisation took part in which project.',
    );
    let err = '';
    const cli = await loadFilesForCommandLine(['orgs.csv'], { readFile: async () => new TextEncoder().encode('organisation_id,name,sector\na,A,care\n'), err: (t) => void (err += t) });
    expect(cli).toEqual({ code: 1 });
    expect(err).toContain(outcome.noParticipations!.message);
    expect(err).toContain(`Fix: ${outcome.noParticipations!.fix}`);
  });

  it('every row rejected, and why most were', async () => {
    const { outcome } = await importFiles([input('p.csv', 'activity_id,organisation\n,A\n,B\nX,\n')]);
    expectInvariant(outcome.report);
    expect(outcome.noParticipations).toMatchObject({ variant: 'all-rejected-missing-activity-id', params: { n: 3, top: 2, files: 'p.csv' } });
    expect(outcome.noParticipations!.message).toContain('all 3 rows of p.csv were rejected, 2 of them because they name no project or activity');
  });
});

describe('CORDIS organisation names from an organisations file', () => {
  const DATA = join(process.cwd(), 'data/cordis-h2020');
  it('participations that give only PICs take the names of odfest2017_h2020_organisations.csv', { timeout: 60_000 }, async () => {
    // The first 3,000 rows of every H2020 participation (rcn, role, pic, type…: no names).
    const lines = gunzipSync(readFileSync(join(DATA, 'h2020.csv.gz'))).toString('utf8').split('\n').slice(0, 3001).join('\n');
    const { plans, outcome } = await importFiles([input('h2020.csv', lines), input('odfest2017_h2020_organisations.csv', new Uint8Array(readFileSync(join(DATA, 'odfest2017_h2020_organisations.csv'))))]);
    expect(plans.map((p) => [p.mapping.role, p.uncertain])).toEqual([['participations', undefined], ['organisations', undefined]]);
    expectInvariant(outcome.report);
    const participants = new Set(outcome.dataset.participations.map((p) => p.organisationId));
    const orgs = outcome.dataset.organisations.filter((o) => participants.has(o.id));
    const named = orgs.filter((o) => o.name !== o.id).length;
    const note = outcome.report.problems.find((p) => p.code === 'names-from-organisations-file')!;
    expect(note.params).toMatchObject({ named, unnamed: orgs.length - named, n: orgs.length, files: 'odfest2017_h2020_organisations.csv' });
    // A 2017 snapshot: most, not all, participants of 2014–2020 projects are in it.
    expect(named / orgs.length).toBeGreaterThan(0.7);
    const plymouth = outcome.dataset.organisations.find((o) => o.id === '999854661');
    if (plymouth && participants.has('999854661')) expect(plymouth.name).toBe('UNIVERSITY OF PLYMOUTH');
  });
});

describe("Bruggen's own files through the import", () => {
  it('give the dataset the canonical reader gives: confidence, English titles and descriptions kept', async () => {
    const { parseCanonicalFiles } = await import('../../../src/data/canonical');
    const dir = join(process.cwd(), 'data/den-haag');
    const names = ['organisations.csv', 'activities.csv', 'participations.csv'];
    const canonical = parseCanonicalFiles(names.map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }))).dataset;
    const { plans, outcome } = await importFiles(names.map((name) => input(name, new Uint8Array(readFileSync(join(dir, name))))));
    expect(plans.map((p) => [p.mapping.role, p.mapping.layout, p.mapping.columns.includes(null)])).toEqual([
      ['organisations', 'bruggen', false],
      ['activities', 'bruggen', false],
      ['participations', 'bruggen', false],
    ]);
    expect(outcome.dataset.organisations).toEqual(canonical.organisations);
    expect(outcome.dataset.activities).toEqual(canonical.activities);
    expect(outcome.dataset.participations).toEqual(canonical.participations);
    expect(outcome.dataset.participations.some((p) => p.confidence === 'implied')).toBe(true);
  });
});

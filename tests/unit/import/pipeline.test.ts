import { write as writeGexf } from 'graphology-gexf';
import Graph from 'graphology';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCanonicalFiles } from '../../../src/data/canonical';
import { importFiles, ImportSession, planMappings, needsMappingStep } from '../../../src/data/import/pipeline';
import { loadMapping, saveMapping, headerSignature } from '../../../src/data/import/mappingStore';
import { recogniseTable, type ColumnMapping } from '../../../src/data/import/recognise';
import { reportToCsv, reportToText } from '../../../src/data/import/reportCsv';
import { expectInvariant, fixture, input, shared, SHARED } from './helpers';
import type { Participation } from '../../../src/data/model';
import { loadBuiltinFromDisk } from '../../../scripts/lib/builtin';

const codes = (problems: { code: string }[]) => problems.map((p) => p.code);

describe('the mapping flow (what the browser test does, without a browser)', () => {
  it('reads a ;-separated Windows-1252 file, asks for a mapping, and imports it', async () => {
    const session = new ImportSession();
    const summaries = (await session.read([fixture('deelnemers-cp1252.csv')]))!;
    const table = summaries[0]!.tables[0]!;
    expect(table).toMatchObject({ delimiter: ';', encoding: 'windows-1252', rowCount: 15 });
    expect(table.header).toEqual(['Trajectcode', 'Trajectnaam', 'Betrokkene', 'Soort betrokkene', 'Vestigingsplaats']);
    expect(table.preview[6]![2]).toBe('Cliëntenraad Haaglanden');
    expect(codes(summaries[0]!.problems)).toContain('encoding-fallback');
    const plans = planMappings(summaries);
    expect(needsMappingStep(plans)).toBe(true);
    expect(plans[0]!.missing).toEqual(['activity_id', 'organisation']);
    // Only the city column is recognised on its own.
    expect(plans[0]!.mapping.columns).toEqual([null, null, null, null, 'city']);
    const mapping: ColumnMapping = { ...plans[0]!.mapping, columns: ['activity_id', 'activity_title', 'organisation', 'organisation_type', 'city'] };
    const outcome = session.build({ datasetName: 'deelnemers', mappings: new Map([[table.id, mapping]]) });
    const { report, dataset } = outcome;
    expectInvariant(report);
    expect(report).toMatchObject({ rowsRead: 15, rowsUsed: 14, rowsMerged: 0, rowsRejected: 1 });
    const rejected = report.problems.find((p) => p.severity === 'error')!;
    expect(rejected).toMatchObject({ file: 'deelnemers-cp1252.csv', row: 16, column: 'Trajectcode', code: 'missing-activity-id' });
    expect(dataset.activities.map((a) => a.title)).toEqual([
      'Thuis revalideren na een beroerte',
      'Slimme zorg; dichtbij huis',
      'Café Zorg & Technologie – €-pilot',
    ]);
    const byName = Object.fromEntries(dataset.organisations.map((o) => [o.name, o]));
    expect(byName['Cliëntenraad Haaglanden']).toMatchObject({ sector: 'citizens', city: 'Den Haag' });
    expect(byName['HagaZiekenhuis']!.sector).toBe('care');
    expect(byName['Gemeente Rijswijk']!.sector).toBe('government');
    expect(byName['Robotica Zoë B.V.']).toMatchObject({ sector: 'tech', sectorInferred: true });
    expect(byName['GGZ Delfland']).toMatchObject({ sector: 'care', sectorInferred: true });
    expect(byName['Fonds Zorginnovatie Zuid-Holland']!.sector).toBe('finance');
    expect(outcome.duplicates.map((g) => g.names)).toEqual([['De Haagse Hogeschool', 'Haagse Hogeschool']]);
    expect(dataset.organisations).toHaveLength(13);
  });

  it('remembers a mapping by header signature and uses it next time', async () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v), removeItem: (k: string) => void store.delete(k) };
    const header = ['Trajectcode', 'Trajectnaam', 'Betrokkene', 'Soort betrokkene', 'Vestigingsplaats'];
    const mapping: ColumnMapping = { role: 'participations', columns: ['activity_id', 'activity_title', 'organisation', 'organisation_type', 'city'], constants: { source: 'Gemeente' } };
    saveMapping(header, mapping, storage);
    expect(loadMapping(['trajectcode', 'Traject naam', 'BETROKKENE', 'soort_betrokkene', 'vestigingsplaats'], storage)).toEqual(mapping);
    expect(headerSignature(header)).toBe('trajectcode|trajectnaam|betrokkene|soortbetrokkene|vestigingsplaats');
    expect(loadMapping([...header, 'extra'], storage)).toBeUndefined();
    const summaries = (await new ImportSession().read([fixture('deelnemers-cp1252.csv')]))!;
    const plans = planMappings(summaries, storage);
    expect(plans[0]).toMatchObject({ origin: 'saved', missing: [] });
    // A damaged stored value is ignored, not a crash.
    for (const k of store.keys()) store.set(k, '{not json');
    expect(planMappings(summaries, storage)[0]!.origin).toBe('auto');
  });
});

describe('bad input never crashes and always says what is wrong', () => {
  const failure = async (name: string, content: string | Uint8Array) => {
    const { summaries, outcome } = await importFiles([input(name, content)]);
    expectInvariant(outcome.report);
    // Nothing to build a network from: the report starts by saying so, in plain words.
    expect(outcome.noParticipations?.code).toBe('no-participations');
    expect(outcome.report.problems[0]).toBe(outcome.noParticipations);
    return { summaries, outcome, codes: codes(outcome.report.problems.slice(1)) };
  };

  it('an empty file, a blank file, binaries renamed .csv, an old .xls', async () => {
    expect((await failure('empty.csv', '')).codes).toEqual(['empty-file']);
    expect((await failure('blank.csv', '\n  \r\n\t\n')).codes).toEqual(['blank-file']);
    expect((await failure('photo.csv', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).codes).toEqual(['image-file']);
    expect((await failure('data.csv', Uint8Array.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2]))).codes).toEqual(['binary-file']);
    expect((await failure('old.xls', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).codes).toEqual(['old-office-file']);
    expect((await failure('doc.csv', '%PDF-1.4\n%âãÏÓ')).codes).toEqual(['pdf-file']);
    expect((await failure('fake.xlsx', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]))).codes).toEqual(['suspicious-workbook']);
    expect((await failure('x.json', '{"nope": 1}')).codes).toEqual(['not-bruggen-json']);
    expect((await failure('x.json', '{"dataset": [')).codes).toEqual(['invalid-json']);
    // A record list given as an object was read as empty, and every organisation without a
    // participation vanished unsaid; the file is refused and the section named.
    const notAList = await failure('x.json', JSON.stringify({ dataset: { organisations: { a: 1 }, activities: [], participations: [{ activityId: 'p', organisationId: 'o' }] } }));
    expect(notAList.codes).toEqual(['not-bruggen-json']);
    expect(notAList.outcome.report.problems[1]).toMatchObject({ variant: 'not-a-list', params: { section: 'organisations' } });
    expect((await failure('x.gexf', '<gexf><graph><nodes><node id="1"')).codes).toEqual(['invalid-gexf']);
  });

  it('text named as a workbook: prose is refused, a web page or Excel 2003 XML too, a delimited table is read and said', async () => {
    // Before, "Dit is geen werkmap" went to the mapping step as a column of that name.
    const prose = await failure('begroting.xlsx', 'Dit is geen werkmap');
    expect(prose.codes).toEqual(['not-a-workbook']);
    expect(prose.outcome.report.problems[1]!.message).toContain('"begroting.xlsx" is named as a workbook but is plain text');
    expect((await failure('export.xls', '<html><body><table><tr><td>a</td></tr></table></body></html>')).codes).toEqual(['html-file']);
    expect((await failure('export.xls', '\n<!DOCTYPE html>\n<html>')).codes).toEqual(['html-file']);
    expect((await failure('export.xls', '<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook>')).codes).toEqual(['old-office-file']);
    // A table in a .txt is not refused for its first line; one named .xls is read, with a warning.
    expect((await failure('notes.txt', 'Dit is geen werkmap')).codes).not.toContain('not-a-workbook');
    const { outcome } = await importFiles([input('export.xls', 'activity_id\torganisation\nP1\tZorg BV\nP1\tTech BV\n')]);
    expect(outcome.report.rowsUsed).toBe(2);
    expect(outcome.report.problems.find((p) => p.code === 'text-named-as-workbook')).toMatchObject({ file: 'export.xls', severity: 'warning', params: { extension: 'xls' } });
  });

  it('a file with only a header', async () => {
    const { outcome, codes: c } = await failure('kop.csv', 'activity_id;organisation\n');
    expect(c).toEqual(['header-only']);
    expect(outcome.report.problems[1]!.message).toContain('activity_id, organisation');
    expect(outcome.noParticipations).toMatchObject({ variant: 'no-rows', message: expect.stringContaining('kop.csv has a header but no rows') });
  });

  it('no recognisable columns: the mapping step, and rows rejected if imported anyway', async () => {
    const { summaries, outcome } = await importFiles([input('x.csv', 'foo,bar\n1,2\n3,4\n')]);
    expect(planMappings(summaries)[0]!.missing).toEqual(['activity_id', 'organisation']);
    expect(outcome.report).toMatchObject({ rowsRead: 2, rowsRejected: 2 });
    expect(outcome.report.problems.find((p) => p.severity === 'error' && p.code !== 'no-participations')!.code).toBe('mapping-incomplete');
    expect(outcome.noParticipations).toMatchObject({ variant: 'not-imported' });
  });

  it('a 10,000-character field, HTML and script in names, formula-like cells: kept as text and reported', async () => {
    const long = 'x'.repeat(10_000);
    const { outcome } = await importFiles([
      input('odd.csv', `activity_id,organisation,activity_title\nA1,"<script>alert(1)</script>",${long}\nA1,=HYPERLINK("http://x"),"<b>vet</b>"\nA2,@SUM(A1),-5\n`),
    ]);
    const { dataset, report } = outcome;
    expectInvariant(report);
    expect(report.rowsUsed).toBe(3);
    expect(dataset.organisations.map((o) => o.name).sort()).toEqual(['<script>alert(1)</script>', '=HYPERLINK("http://x")', '@SUM(A1)']);
    expect(dataset.activities.find((a) => a.id === 'A1')!.title).toBe(long);
    const c = codes(report.problems);
    expect(c).toContain('long-value');
    expect(c.filter((x) => x === 'markup-in-value')).toHaveLength(2);
    expect(c.filter((x) => x === 'formula-like')).toHaveLength(2);
    // Every CSV Bruggen writes escapes them.
    expect(reportToCsv(report)).not.toMatch(/(^|,)[=@+-]/m);
  });
});

describe('known layouts', () => {
  it('recognises the canonical, CORDIS, Forskningsrådet, RVO, NWOpen and Dutch SIA-style headers', () => {
    const layout = (h: string) => {
      const r = recogniseTable(h.split(','));
      return [r.mapping.role, r.mapping.layout, r.complete];
    };
    expect(layout('activity_id,organisation,sector')).toEqual(['participations', 'bruggen', true]);
    expect(layout('id,acronym,status,title,startDate,endDate,topics,frameworkProgramme,fundingScheme')).toEqual(['activities', 'cordis', true]);
    expect(layout('projectID,projectAcronym,organisationID,name,shortName,activityType,city,country,role')).toEqual(['participations', 'cordis', true]);
    expect(layout('project_rcn,cordis_url,pic,organisation_name,activity_type,role,city,country')).toEqual(['participations', 'cordis', true]);
    expect(layout('project_id,acronym,title,org_number_no,organisation_name,rd_sector_code,rd_sector_en,municipality')).toEqual(['participations', 'forskningsradet', true]);
    expect(layout("Subsidie categorie,TKI/Thema,Subsidieregeling,Projectnummer,Looptijd,Penvoerder,Projectconsortium,Projecttitel")).toEqual(['participations', 'rvo', true]);
    expect(layout('project_id,title,funding_scheme,start_date,end_date,role,first_name,last_name,organisation')).toEqual(['participations', 'nwopen', true]);
    expect(layout('Projectnummer,Titel,Regeling,Penvoerder,Organisatie,Plaats')).toEqual(['participations', 'rvo', true]);
    expect(layout('orgId,name,shortName,activityType,city,country')).toEqual(['organisations', 'cordis', true]);
    expect(layout('Trajectcode,Betrokkene')).toEqual(['participations', 'generic', false]);
  });

  it('joins the official CORDIS project.csv and organization.csv by project id', async () => {
    const { outcome, plans } = await importFiles([fixture('cordis-project.csv'), fixture('cordis-organization.csv')]);
    const { dataset, report } = outcome;
    expectInvariant(report);
    expect(plans.map((p) => [p.mapping.role, p.table.delimiter])).toEqual([['activities', ';'], ['participations', ';']]);
    expect(report).toMatchObject({ rowsRead: 10, rowsUsed: 9, rowsRejected: 1 });
    const care = dataset.activities.find((a) => a.id === '101000001')!;
    expect(care).toMatchObject({ title: 'CAREBRIDGE: Bridging home care and municipal services', source: 'CORDIS', scheme: 'RIA', theme: 'SC1-DTH-2020', startYear: 2021, endYear: 2024 });
    expect(care.description).toBe('Home care; with "quotes" and a line\nbreak');
    const org = (id: string) => dataset.organisations.find((o) => o.id === id)!;
    expect(org('999900001')).toMatchObject({ name: 'STICHTING DE HAAGSE HOGESCHOOL', sector: 'knowledge', aliases: ['THUAS'], city: 'DEN HAAG' });
    expect(org('999900002').sector).toBe('government');
    expect(org('999900003')).toMatchObject({ sector: 'care', sectorInferred: true });
    expect(org('999900004')).toMatchObject({ sector: 'tech', sectorInferred: true });
    expect(outcome.duplicates.map((g) => g.organisationIds)).toEqual([['999900001', '999900005']]);
  });

  // The RVO export has no licence to redistribute, so it is not in the repository: this test runs
  // where ../shared/data is beside it, and is skipped on a bare clone.
  it.skipIf(!existsSync(join(SHARED, 'rvo-topsector-energie/rvo_export.xlsx')))('expands RVO lead + consortium cells into one participation per organisation (real export, .xlsx)', async () => {
    const { outcome } = await importFiles([shared('rvo-topsector-energie/rvo_export.xlsx')]);
    const { dataset, report } = outcome;
    expectInvariant(report);
    expect(report.files[0]).toMatchObject({ rowsRead: 785, rowsUsed: 782, rowsRejected: 3, sheet: 'Worksheet' });
    // The three projects that list no organisation at all are the rejected rows, named by their columns.
    expect(report.problems.filter((p) => p.severity === 'error').map((p) => p.column)).toEqual(['Penvoerder, Projectconsortium', 'Penvoerder, Projectconsortium', 'Penvoerder, Projectconsortium']);
    const first = dataset.participations.filter((p) => p.activityId === 'KIACE-22-03360660');
    expect(first.map((p) => [dataset.organisations.find((o) => o.id === p.organisationId)!.name, p.role])).toEqual([
      ['Sustainer Homes B.V.', 'lead'],
      ['Technische Universiteit Eindhoven', 'partner'],
    ]);
    expect(dataset.activities.find((a) => a.id === 'VEKI523010')).toMatchObject({ startYear: 2023, endYear: 2025, source: 'RVO' });
    expect(dataset.organisations.every((o) => o.sectorInferred)).toBe(true);
  });

  it('reads NWOpen and SIA-style exports', async () => {
    const nw = (await importFiles([fixture('nwopen-export.csv')])).outcome;
    expectInvariant(nw.report);
    expect(nw.dataset.activities.map((a) => [a.id, a.source, a.scheme, a.startYear, a.endYear])).toEqual([
      ['KICH1.ST01.20.005', 'NWO', 'KIC', 2020, 2023],
      ['NWA.1234.20.001', 'NWO', 'NWA-ORC', 2021, 2026],
    ]);
    expect(codes(nw.report.problems)).toContain('unused-columns');
    const sia = (await importFiles([fixture('sia-projecten.csv')])).outcome;
    expectInvariant(sia.report);
    // Row 5 names Hogeschool Leiden, which row 4 already added as the lead: merged.
    expect(sia.report.files[0]).toMatchObject({ delimiter: ';', encoding: 'utf-8-bom', rowsRead: 5, rowsUsed: 4, rowsMerged: 1 });
    const fast = sia.dataset.participations.filter((p) => p.activityId === 'RAAK.PUB05.012');
    expect(fast).toHaveLength(3);
    expect(fast.find((p) => p.organisationId === 'de-haagse-hogeschool')!.role).toBe('lead');
    expect(sia.dataset.participations.filter((p) => p.activityId === 'RAAK.MKB10.003')).toHaveLength(2);
  });

  it('says which part of a lead/consortium row was not used or merged, with a severity that matches the row', async () => {
    const bad = 'Projectnummer;Titel;Regeling;Penvoerder;Organisatie\nP1;T;RAAK;Alpha BV;Beta Zorg\nP1;T;RAAK;!!!;Gamma\nP2;T;RAAK;!!!;!!!\n';
    const { outcome } = await importFiles([input('leads.csv', bad)]);
    expectInvariant(outcome.report);
    // Row 3 is used (Gamma): its unusable lead is a warning on the lead's column; row 4 has nothing usable: errors.
    expect(outcome.report.files[0]).toMatchObject({ rowsRead: 3, rowsUsed: 2, rowsRejected: 1 });
    const missing = outcome.report.problems.filter((p) => p.code === 'missing-organisation').map((p) => [p.row, p.column, p.severity]);
    expect(missing).toEqual([
      [3, 'Penvoerder', 'warning'],
      [4, 'Organisatie', 'error'],
      [4, 'Penvoerder', 'error'],
    ]);
    // Its fix is not "delete the row", which would lose Gamma.
    const part = outcome.report.problems.find((p) => p.code === 'missing-organisation' && p.row === 3)!;
    expect([part.variant, part.message, part.fix]).toEqual([
      'no-letters-part',
      '"!!!" contains no letters or digits, so it cannot identify an organisation; the other organisations of this row were used.',
      'Correct the name in this column, or take it out of the list.',
    ]);
    const repeated = 'Projectnummer;Titel;Regeling;Penvoerder;Organisatie\nP1;T;RAAK;Alpha BV;Alpha BV\nP1;T;RAAK;Alpha BV;Beta Zorg\nP1;T;RAAK;Alpha BV;Beta Zorg\n';
    const again = (await importFiles([input('herhaald.csv', repeated)])).outcome;
    expectInvariant(again.report);
    expect(again.report.files[0]).toMatchObject({ rowsRead: 3, rowsUsed: 2, rowsMerged: 1 });
    const merged = again.report.problems.filter((p) => p.code === 'duplicate-participation').map((p) => [p.row, p.column ?? null, p.variant ?? null]);
    // Row 3: only its lead (repeated on every row) was merged; row 4 was merged whole (each part names its column).
    expect(merged).toEqual([
      [3, 'Penvoerder', 'part'],
      [4, null, null],
      [4, 'Penvoerder', null],
    ]);
    expect(again.report.problems.find((p) => p.variant === 'part')!.message).toBe(
      'Organisation "alpha-bv" already takes part in activity "P1" (herhaald.csv row 2); this part of the row was merged into that one, and the rest of the row was used.',
    );
  });

  it('reads the app\'s own JSON export back to the same dataset', async () => {
    const original = parseCanonicalFiles([{ name: 'p.csv', text: 'activity_id,activity_title,organisation,sector,role\nA1,Eén,Gemeente Delft,government,lead\nA1,Eén,TU Delft,,partner\nA2,Twee,TU Delft,,\n' }]).dataset;
    const { outcome } = await importFiles([input('export.json', JSON.stringify({ id: 'x', dataset: original, positions: {} }))]);
    expectInvariant(outcome.report);
    expect(outcome.report.files.map((f) => [f.file, f.rowsRead, f.rowsUsed])).toEqual([
      ['export.json (organisations)', 2, 2],
      ['export.json (activities)', 2, 2],
      ['export.json (participations)', 3, 3],
    ]);
    expect(outcome.dataset.participations).toEqual(original.participations);
    expect(outcome.dataset.activities.map((a) => a.title)).toEqual(['Eén', 'Twee']);
    expect(outcome.dataset.organisations.map((o) => [o.id, o.name, o.sector])).toEqual(original.organisations.map((o) => [o.id, o.name, o.sector]));
  });

  it('reads the built-in data as JSON back whole: English titles and descriptions, and implied relations stay implied', async () => {
    // These were dropped: opening the app's own bundle made its 10 implied relations stated.
    const original = loadBuiltinFromDisk().dataset;
    const { outcome } = await importFiles([input('den-haag.json', JSON.stringify({ id: 'den-haag', dataset: original }))]);
    expectInvariant(outcome.report);
    const confidences = (ps: readonly Participation[]) => ps.filter((p) => p.confidence).map((p) => `${p.activityId} ${p.organisationId} ${p.confidence}`).sort();
    expect(confidences(original.participations).length).toBeGreaterThan(0);
    expect(confidences(outcome.dataset.participations)).toEqual(confidences(original.participations));
    const field = <T extends { id: string }>(records: readonly T[], key: keyof T) => Object.fromEntries(records.map((r) => [r.id, r[key] ?? null]));
    expect(field(outcome.dataset.activities, 'titleEn')).toEqual(field(original.activities, 'titleEn'));
    expect(field(outcome.dataset.activities, 'descriptionEn')).toEqual(field(original.activities, 'descriptionEn'));
    expect(field(outcome.dataset.organisations, 'descriptionEn')).toEqual(field(original.organisations, 'descriptionEn'));
    expect(outcome.report.problems.filter((p) => p.code === 'json-unread-fields')).toEqual([]);
  });

  it('names the fields of JSON records it does not read, and values that are not text, per kind of record', async () => {
    const dataset = {
      organisations: [
        { id: 'a', name: 'Zorg A', sector: 'care', website: 'https://a.example' },
        { id: 'b', name: { nl: 'Tech B' }, sector: 'tech', website: 'https://b.example', extra: { kvk: '123' } },
      ],
      activities: [{ id: 'P', title: 'Project P', budget: 5000 }],
      participations: [
        { activityId: 'P', organisationId: 'a' },
        { activityId: 'P', organisationId: 'b', hypothetical: true },
      ],
    };
    const { outcome } = await importFiles([input('eigen.json', JSON.stringify({ dataset }))]);
    expectInvariant(outcome.report);
    const unread = outcome.report.problems.filter((p) => p.code === 'json-unread-fields').map((p) => [p.file, p.params?.fields]);
    expect(unread).toEqual([
      ['eigen.json (organisations)', 'website (2×), name (1×)'],
      ['eigen.json (activities)', 'budget (1×)'],
      ['eigen.json (participations)', 'hypothetical (1×)'],
    ]);
    // The records themselves are read; "extra" is kept as an attribute.
    expect(outcome.report.rowsUsed).toBe(5);
    expect(outcome.dataset.organisations.find((o) => o.id === 'b')?.extra).toEqual({ kvk: '123' });
  });

  it('never lets an extra attribute stand in for a field of the record (an inferred sector stays inferred)', async () => {
    const dataset = {
      organisations: [
        { id: 'a', name: 'Zorg A', sector: 'care', sectorInferred: true, extra: { sector: 'finance', kvk: '1' } },
        { name: 'Zonder id', extra: { organisation_id: 'b' } },
      ],
      activities: [{ id: 'P', title: 'Project P', extra: { kind: 'fund' } }],
      participations: [
        { activityId: 'P', organisationId: 'a' },
        { activityId: 'P', organisationId: 'zonder-id' },
      ],
    };
    const { outcome } = await importFiles([input('eigen.json', JSON.stringify({ dataset }))]);
    expectInvariant(outcome.report);
    const a = outcome.dataset.organisations.find((o) => o.name === 'Zorg A')!;
    // Inferred again from the name, not the extra's "finance", and said to be inferred.
    expect([a.sector, a.sectorInferred, a.extra]).toEqual(['care', true, { kvk: '1' }]);
    expect(outcome.dataset.organisations.map((o) => o.id)).not.toContain('b');
    expect(outcome.dataset.activities[0]!.kind).not.toBe('fund');
    const unread = outcome.report.problems.filter((p) => p.code === 'json-unread-fields').map((p) => [p.file, p.params?.fields]);
    expect(unread).toEqual([
      ['eigen.json (organisations)', 'extra.sector (1×), extra.organisation_id (1×)'],
      ['eigen.json (activities)', 'extra.kind (1×)'],
    ]);
  });

  it('reads a lone half of a surrogate pair (JSON\'s "\\ud800") as U+FFFD, as the page does, and says how many', async () => {
    const text = '{"participations":[{"activityId":"p\\ud800","organisationId":"a\\udc00"},{"activityId":"p\\ud800","organisationId":"b"},{"activityId":"p\\ud800","organisationId":"\\ud83d\\ude00"}]}';
    const { outcome } = await importFiles([input('halves.json', text)]);
    expectInvariant(outcome.report);
    expect(outcome.dataset.activities.map((a) => a.id)).toEqual(['p\ufffd']);
    expect(outcome.dataset.organisations.map((o) => o.id).sort()).toEqual(['a\ufffd', 'b', '\u{1f600}'].sort());
    const halves = outcome.report.problems.filter((p) => p.code === 'json-lone-surrogates');
    expect(halves.map((p) => [p.file, p.severity, p.params?.n])).toEqual([['halves.json', 'warning', 4]]);
    // Every id is well-formed text: JSON.stringify writes no escape a strict parser refuses.
    expect(JSON.stringify(outcome.dataset)).not.toMatch(/\\ud[89a-f]/i);
  });

  it('GEXF: a node without an id and an edge without an end are rejected with why, and a second graph is said', async () => {
    const gexf = `<?xml version="1.0" encoding="UTF-8"?><gexf xmlns="http://gexf.net/1.3" version="1.3">
      <graph defaultedgetype="undirected"><nodes><node id="a" label="A"/><node id="b" label="B"/><node label="NoId"/><node id="" label="Empty"/></nodes>
      <edges><edge id="e1" source="a" target="b"/><edge id="e2" source="" target="a"/><edge id="e3" source="b"/></edges></graph>
      <graph defaultedgetype="undirected"><nodes><node id="c"/><node id="d"/></nodes><edges><edge id="e4" source="c" target="d"/></edges></graph></gexf>`;
    const { outcome } = await importFiles([input('twee.gexf', gexf)]);
    expectInvariant(outcome.report);
    expect(outcome.report.files.map((f) => [f.file, f.rowsRead, f.rowsUsed, f.rowsRejected])).toEqual([
      ['twee.gexf (nodes)', 4, 2, 2],
      ['twee.gexf (edges)', 3, 1, 2],
    ]);
    expect(outcome.dataset.organisations.map((o) => o.id).sort()).toEqual(['a', 'b']);
    // No activity of one member from the edge without a source.
    expect(outcome.dataset.activities.map((a) => a.id)).toEqual(['tie:a--b']);
    const said = outcome.report.problems.filter((p) => p.code.startsWith('gexf-') && p.code !== 'gexf-weight-ignored').map((p) => [p.code, p.file, p.row ?? null, p.column ?? null, p.severity]);
    expect(said).toEqual([
      ['gexf-node-without-id', 'twee.gexf (nodes)', 3, 'id', 'error'],
      ['gexf-node-without-id', 'twee.gexf (nodes)', 4, 'id', 'error'],
      ['gexf-edge-without-end', 'twee.gexf (edges)', 2, 'source', 'error'],
      ['gexf-edge-without-end', 'twee.gexf (edges)', 3, 'target', 'error'],
      ['gexf-more-graphs', 'twee.gexf', null, null, 'warning'],
    ]);
    expect(outcome.report.problems.find((p) => p.code === 'gexf-more-graphs')!.message).toBe('The file holds 2 graphs; only the first was read (the rows counted here are its nodes and edges).');
  });

  it('GEXF: a node only edges name is no node row read, a self-loop is rejected, and weights that are no positive number are said', async () => {
    // The browser probe: two nodes were "3 read", the self-loop said "merged" with 0 merged in the
    // table, and weights -3 and NaN passed without a word.
    const gexf = `<?xml version="1.0"?><gexf version="1.2"><graph defaultedgetype="undirected"><nodes><node id="a" label="Alpha Zorg"/><node id="b" label="Beta Tech BV"/></nodes>
      <edges><edge id="e1" source="a" target="b" weight="-3"/><edge id="e2" source="a" target="ghost" weight="NaN"/><edge id="e3" source="a" target="a" weight="2"/><edge id="e4" source="b" target="b"><attvalues><attvalue for="activities" value="P9"/></attvalues></edge></edges></graph></gexf>`;
    const { outcome } = await importFiles([input('klein.gexf', gexf)]);
    expectInvariant(outcome.report);
    expect(outcome.report.files.map((f) => [f.file, f.rowsRead, f.rowsUsed, f.rowsMerged, f.rowsRejected])).toEqual([
      ['klein.gexf (nodes)', 2, 2, 0, 0],
      ['klein.gexf (edges)', 4, 3, 0, 1],
    ]);
    expect(outcome.dataset.organisations.map((o) => o.id)).toEqual(['a', 'b', 'ghost']);
    // A self-loop listing an activity says its organisation took part in it, once.
    expect(outcome.dataset.participations.filter((p) => p.activityId === 'P9').map((p) => p.organisationId)).toEqual(['b']);
    expect(outcome.dataset.activities.map((a) => a.id).sort()).toEqual(['P9', 'tie:a--b', 'tie:a--ghost']);
    const said = (code: string) => outcome.report.problems.find((p) => p.code === code);
    expect(said('gexf-self-loop')).toMatchObject({ file: 'klein.gexf (edges)', row: 3, params: { id: 'e3', name: 'Alpha Zorg' } });
    expect(said('gexf-weight-not-positive')).toMatchObject({ severity: 'warning', params: { count: 2, examples: 'e1: -3, e2: NaN' } });
    expect(said('gexf-undeclared-node')).toMatchObject({ severity: 'warning', params: { count: 1, ids: 'ghost' } });
    // The rejected self-loop's weight of 2 is not "a weight that was not kept".
    expect(said('gexf-weight-ignored')).toBeUndefined();
    expect(said('duplicate-participation')).toBeUndefined();
  });

  it('reads GEXF: nodes with a sector become organisations, edges shared activities or ties', async () => {
    const g = new Graph();
    g.addNode('gdh', { label: 'Gemeente Den Haag', sector: 'government' });
    g.addNode('hhs', { label: 'De Haagse Hogeschool', sector: 'Kennis en onderwijs' });
    g.addNode('haga', { label: 'HagaZiekenhuis', type: 'Ziekenhuis' });
    g.addNode('x', { label: 'Loose B.V.' });
    g.addEdge('gdh', 'hhs', { weight: 2, activities: 'fast-home|securadar' });
    g.addEdge('hhs', 'haga', { weight: 3 });
    const { outcome } = await importFiles([input('net.gexf', writeGexf(g))]);
    const { dataset, report } = outcome;
    expectInvariant(report);
    expect(dataset.organisations.map((o) => [o.id, o.name, o.sector, o.sectorInferred ?? false])).toEqual([
      ['gdh', 'Gemeente Den Haag', 'government', false],
      ['haga', 'HagaZiekenhuis', 'care', false],
      ['hhs', 'De Haagse Hogeschool', 'knowledge', false],
      ['x', 'Loose B.V.', 'tech', true],
    ]);
    expect(dataset.activities.map((a) => [a.id, a.kind])).toEqual([
      ['fast-home', 'unspecified'],
      ['securadar', 'unspecified'],
      ['tie:haga--hhs', 'partnership'],
    ]);
    expect(dataset.participations).toHaveLength(6);
    expect(codes(report.problems)).toContain('gexf-weight-ignored');
  });

  it('GEXF: a tie is one activity per pair, even when ids hold "--"; every node declaration is counted', async () => {
    const gexf = (nodes: string, edges: string) =>
      `<?xml version="1.0" encoding="UTF-8"?><gexf xmlns="http://www.gexf.net/1.2draft" version="1.2"><graph defaultedgetype="undirected"><attributes class="node"><attribute id="sector" title="sector" type="string"/></attributes><nodes>${nodes}</nodes><edges>${edges}</edges></graph></gexf>`;
    const node = (id: string, sector = 'tech') => `<node id="${id}" label="${id}"><attvalues><attvalue for="sector" value="${sector}"/></attvalues></node>`;
    // "a--b"–"c" and "a"–"b--c" both read "tie:a--b--c": they became one activity of three, six ties.
    const dashes = await importFiles([input('dashes.gexf', gexf(['a', 'b', 'c', 'a--b', 'b--c'].map((id) => node(id)).join(''), '<edge source="a--b" target="c"/><edge source="a" target="b--c"/><edge source="c" target="a--b"/>'))]);
    expectInvariant(dashes.outcome.report);
    const { activities, participations } = dashes.outcome.dataset;
    expect(activities.map((a) => a.id)).toEqual(['tie:a--b--c', 'tie:a--b--c (2)']);
    const members = (id: string) => participations.filter((p) => p.activityId === id).map((p) => p.organisationId).sort();
    expect(members('tie:a--b--c')).toEqual(['a--b', 'c']);
    expect(members('tie:a--b--c (2)')).toEqual(['a', 'b--c']);
    // A repeated node is merged (and said so), an empty id rejected: neither is skipped unread.
    const repeated = await importFiles([input('repeated.gexf', gexf(node('x') + node('x', 'care') + node('y', 'government') + '<node id=""/><node/>', '<edge source="x" target="y"/>'))]);
    const { report, dataset } = repeated.outcome;
    expectInvariant(report);
    expect(report.files[0]).toMatchObject({ file: 'repeated.gexf (nodes)', rowsRead: 5, rowsUsed: 2, rowsMerged: 1, rowsRejected: 2 });
    expect(dataset.organisations.map((o) => [o.id, o.sector])).toEqual([['x', 'tech'], ['y', 'government']]);
    expect(report.problems.find((p) => p.code === 'duplicate-organisation')).toMatchObject({ file: 'repeated.gexf (nodes)', row: 2 });
  });

  it('reads a stated-counts file with the others, as the built-in data is read (no mapping step)', async () => {
    // The README documents the file, but the import refused it: "no column was recognised as activity_id".
    const dir = join(__dirname, '../../../data/den-haag');
    const names = ['participations.csv', 'organisations.csv', 'activities.csv', 'stated-counts.csv'];
    const texts = names.map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
    const extra = 'subject_kind,subject_id,counted,value,qualifier,provenance,note,Remark\nactivity,no-such-activity,participants,3,exact,x,,hi\n';
    const { summaries, plans, outcome } = await importFiles([...texts.map((t) => input(t.name, t.text)), input('more-counts.csv', extra)]);
    expect(plans.map((p) => p.table.file).sort()).toEqual(['activities.csv', 'organisations.csv', 'participations.csv']);
    expect(needsMappingStep(plans)).toBe(false);
    expect(summaries.every((x) => x.status !== 'failed')).toBe(true);
    expectInvariant(outcome.report);
    const builtin = parseCanonicalFiles(texts);
    expect(outcome.dataset.statedCounts).toEqual(builtin.dataset.statedCounts);
    expect(outcome.report.files.filter((f) => f.role === 'stated-counts').map((f) => [f.file, f.rowsRead, f.rowsUsed, f.rowsRejected])).toEqual([
      ['stated-counts.csv', builtin.dataset.statedCounts!.length, builtin.dataset.statedCounts!.length, 0],
      ['more-counts.csv', 1, 0, 1],
    ]);
    expect(outcome.report.problems.find((p) => p.file === 'more-counts.csv' && p.severity === 'error')).toMatchObject({ row: 2 });
    expect(outcome.report.problems.find((p) => p.file === 'more-counts.csv' && p.code === 'unused-columns')!.message).toContain('Remark');
  });

  it('says when an activity ends before it starts, and refuses an implausible participant count', async () => {
    const { outcome } = await importFiles([
      input('p.csv', 'activity_id,organisation\nA1,Org One\nA1,Org Two\nA2,Org One\n'),
      input('a.csv', 'activity_id,title,start_year,end_year,stated_participants\nA1,Een,2020,2019,1000000000\nA2,Twee,2019,2020,1000000\n'),
    ]);
    expectInvariant(outcome.report);
    const a1 = outcome.dataset.activities.find((a) => a.id === 'A1')!;
    // Both years kept (the source may be right about either), the count of a billion not used.
    expect([a1.startYear, a1.endYear, a1.statedParticipants]).toEqual([2020, 2019, undefined]);
    expect(outcome.dataset.activities.find((a) => a.id === 'A2')!.statedParticipants).toBe(1_000_000);
    const said = outcome.report.problems.filter((p) => p.severity === 'warning').map((p) => [p.code, p.file, p.row, p.column]);
    expect(said).toEqual([
      ['implausible-count', 'a.csv', 2, 'stated_participants'],
      ['years-reversed', 'a.csv', 2, 'end_year'],
    ]);
  });

  it('a document with no participation is not said to have "a header but no rows", nor its parts named twice', async () => {
    const { outcome } = await importFiles([input('empty.json', JSON.stringify({ dataset: { organisations: [{ id: 'x', name: 'X' }], activities: [], participations: [] } }))]);
    expect(outcome.noParticipations).toMatchObject({ code: 'no-participations', variant: 'no-rows-document' });
    expect(outcome.noParticipations!.message).not.toContain('header');
    const text = reportToText(outcome.report);
    expect(text).toContain('empty.json (organisations): 1 rows read');
    expect(text).not.toContain('(organisations) (');
  });

  it('a header written twice: says so, and names the unused column by its position', async () => {
    const { outcome } = await importFiles([input('dup.csv', 'activity_id,organisation,organisation,sector,sector\nA1,Acme,Other,tech,care\nA1,Beta,,care,\n')]);
    expectInvariant(outcome.report);
    expect(outcome.dataset.organisations.map((o) => [o.name, o.sector])).toEqual([['Acme', 'tech'], ['Beta', 'care']]);
    const said = new Map(outcome.report.problems.map((p) => [p.code, p.message]));
    expect(said.get('repeated-header')).toContain('"organisation", "sector"');
    expect(said.get('unused-columns')).toBe('Columns not mapped to a field were not imported: organisation (column 3), sector (column 5).');
    // Headers are compared as the mapping compares them: case and spacing aside.
    const cased = (await importFiles([input('case.csv', 'activity_id,Organisation,ORGANISATION\nA1,Acme,Other\n')])).outcome;
    const words = new Map(cased.report.problems.map((p) => [p.code, p.message]));
    expect(words.get('repeated-header')).toContain('"Organisation", "ORGANISATION"');
    expect(words.get('unused-columns')).toBe('Columns not mapped to a field were not imported: ORGANISATION (column 3).');
  });

  it('warns when a participants file does not join its projects file', async () => {
    const { outcome } = await importFiles([
      input('projects.csv', 'id,acronym,title\nP1,ONE,One\nP2,TWO,Two\n'),
      input('participants.csv', 'projectID,organisation\nX1,Gemeente Delft\nX2,TU Delft\n'),
    ]);
    expect(outcome.report.problems.find((p) => p.code === 'join-no-match')).toMatchObject({ file: 'participants.csv', column: 'projectID', severity: 'warning' });
  });
});

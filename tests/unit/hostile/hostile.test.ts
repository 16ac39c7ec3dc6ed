// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import fc from 'fast-check';
import Papa from 'papaparse';
import { createElement } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runConverter } from '../../../src/data/import/converter';
import { MAX_GEXF_TIE_ROWS } from '../../../src/data/import/datasetFiles';
import { loadFilesForCommandLine } from '../../../src/data/import/commandLine';
import { importFiles, ImportSession, planMappings, type SourceInput } from '../../../src/data/import/pipeline';
import { MAX_COLUMNS } from '../../../src/data/import/table';
import { normaliseName } from '../../../src/data/normalise';
import { hasMarkup, PROBLEM_LIMIT } from '../../../src/data/import/values';
import { SHEET_CELL_LIMIT, sheetExtent } from '../../../src/data/import/sheetCheck';
import { ZIP_TOTAL_LIMIT } from '../../../src/data/import/zipCheck';
import type { ImportReport } from '../../../src/data/report';
import { setupI18n } from '../../../src/i18n';
import { MappingStep, type EditablePlan } from '../../../src/ui/import/MappingStep';
import { importWords } from '../../../src/ui/import/useImportMessages';
import { makeXlsx, makeZip } from './zip';

/**
 * Nothing a file can do blanks the app (issue 12 §2–5): ids that are JavaScript built-ins, ragged
 * and enormous rows, one huge line, sixty thousand columns, quadratic-regex bait, ZIP bombs — and
 * any table at all (fast-check): no exception, and read = used + merged + rejected for every file.
 */

const input = (name: string, content: string | Uint8Array): SourceInput => ({
  name,
  blob: new Blob([typeof content === 'string' ? new TextEncoder().encode(content) : (content as Uint8Array<ArrayBuffer>)]),
});

function expectInvariant(report: ImportReport) {
  expect(report.rowsRead).toBe(report.rowsUsed + report.rowsMerged + report.rowsRejected);
  for (const f of report.files) expect(f.rowsRead, f.file).toBe(f.rowsUsed + f.rowsMerged + f.rowsRejected);
  expect(report.rowsRead).toBe(report.files.reduce((a, f) => a + f.rowsRead, 0));
}

const BUILT_INS = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__'] as const;
/** Every built-in takes part in every other built-in's activity. */
const PAIRS = BUILT_INS.flatMap((a) => BUILT_INS.map((o) => [a, o] as const));

describe('ids with characters that show as nothing', () => {
  it('are the same id as written without them, in tables and documents, and each is said', async () => {
    const csv = 'activity_id,organisation_id,organisation\nP\u200b1,a,Alpha\nP1,b,Beta\nP1,\u00ada\u2060,Alpha\n';
    const { outcome } = await importFiles([input('ids.csv', csv)]);
    expectInvariant(outcome.report);
    expect(outcome.dataset.activities.map((a) => a.id)).toEqual(['P1']);
    expect(outcome.dataset.organisations.map((o) => o.id).sort()).toEqual(['a', 'b']);
    expect(outcome.report.problems.filter((p) => p.code === 'invisible-in-id').map((p) => [p.row, p.column, p.params?.characters])).toEqual([
      [2, 'activity_id', 'U+200B'],
      [4, 'organisation_id', 'U+00AD, U+2060'],
    ]);
    const json = JSON.stringify({ participations: [{ activityId: 'Q', organisationId: 'x\u200dy' }, { activityId: 'Q', organisationId: 'xy' }] });
    const doc = (await importFiles([input('ids.json', json)])).outcome;
    expectInvariant(doc.report);
    expect(doc.dataset.organisations.map((o) => o.id)).toEqual(['xy']);
    expect(doc.report.problems.find((p) => p.code === 'invisible-in-id')!.message).toBe(
      'The id "xy" held characters that show as nothing (U+200D: zero-width spaces, joiners or soft hyphens); they were taken out, so it is the same id as written without them.',
    );
  });

  it('are one id whether their accents are composed (NFC) or not (NFD, as macOS writes)', async () => {
    const csv = `activity_id,organisation_id,organisation\nP1,${'café'.normalize('NFD')},Café A\nP1,café,Café A\nP1,b,Beta\n`;
    const { outcome } = await importFiles([input('nfd.csv', csv)]);
    expectInvariant(outcome.report);
    expect(outcome.dataset.organisations.map((o) => o.id).sort()).toEqual(['b', 'café']);
    expect(outcome.report.problems.filter((p) => p.code === 'id-composed').map((p) => [p.row, p.column, p.severity])).toEqual([[2, 'organisation_id', 'info']]);
  });
});

describe('ids and names that are JavaScript built-ins work in every format', () => {
  const expectAll = async (files: SourceInput[], participations = PAIRS.length) => {
    const { outcome, summaries } = await importFiles(files);
    expect(summaries.map((s) => [s.file, s.status, s.problems.filter((p) => p.severity === 'error')])).toEqual(files.map((f) => [f.name, expect.not.stringMatching('failed'), []]));
    expectInvariant(outcome.report);
    expect(outcome.dataset.organisations.map((o) => o.id).sort()).toEqual([...BUILT_INS].sort());
    expect(outcome.dataset.organisations.map((o) => o.name).sort()).toEqual([...BUILT_INS].sort());
    expect(outcome.dataset.participations).toHaveLength(participations);
    return outcome;
  };

  it('CSV, with the names as ids, names, sectors, extra columns and header names', async () => {
    const orgs = Papa.unparse([['organisation_id', 'name', 'sector', '__proto__', 'constructor'], ...BUILT_INS.map((n) => [n, n, 'care', `p-${n}`, `c-${n}`])]);
    const parts = Papa.unparse([['activity_id', 'organisation_id', 'organisation', 'role'], ...PAIRS.map(([a, o]) => [a, o, o, o])]);
    const outcome = await expectAll([input('organisations.csv', orgs), input('participations.csv', parts)]);
    const proto = outcome.dataset.organisations.find((o) => o.id === '__proto__')!;
    // Extra columns named after built-ins are kept as values, not swallowed as a prototype.
    expect(Object.getPrototypeOf(proto.extra)).toBe(Object.prototype);
    expect(Object.hasOwn(proto.extra!, '__proto__')).toBe(true);
    expect(proto.extra!['__proto__']).toBe('p-__proto__');
    expect(proto.extra!['constructor']).toBe('c-__proto__');
    expect(outcome.dataset.activities.map((a) => a.id).sort()).toEqual([...BUILT_INS].sort());
  });

  it('names without ids (organisations identified by name)', async () => {
    const parts = Papa.unparse([['activity_id', 'organisation'], ...PAIRS]);
    const { outcome } = await importFiles([input('p.csv', parts)]);
    expectInvariant(outcome.report);
    expect(outcome.dataset.organisations.map((o) => o.name).sort()).toEqual([...BUILT_INS].sort());
    expect(outcome.dataset.participations).toHaveLength(PAIRS.length);
  });

  it('xlsx', async () => {
    await expectAll([input('p.xlsx', makeXlsx([['activity_id', 'organisation_id', 'organisation', '__proto__'], ...PAIRS.map(([a, o]) => [a, o, o, 'x'])]))]);
  });

  it("the app's JSON export", async () => {
    const json = JSON.parse(
      JSON.stringify({
        dataset: {
          organisations: BUILT_INS.map((n) => ({ id: n, name: n, sector: 'care', aliases: [], provenance: [] })),
          activities: BUILT_INS.map((n) => ({ id: n, title: n, kind: 'project', source: 'x', provenance: [] })),
          participations: PAIRS.map(([a, o]) => ({ activityId: a, organisationId: o })),
        },
      }),
    );
    // Own "__proto__" and "constructor" keys, as JSON.parse makes them.
    json.dataset.organisations[0] = JSON.parse('{"id":"__proto__","name":"__proto__","extra":{"__proto__":"x","constructor":"y"}}');
    await expectAll([input('export.json', JSON.stringify(json))]);
  });

  it('GEXF with built-in node ids, edge ids and attribute titles (graphology refused them)', async () => {
    const gexf = `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2"><graph defaultedgetype="undirected">
<attributes class="node"><attribute id="__proto__" title="constructor" type="string"/><attribute id="s" title="sector" type="string"/></attributes>
<nodes>${BUILT_INS.map((n) => `<node id="${n}" label="${n}"><attvalues><attvalue for="__proto__" value="x"/><attvalue for="s" value="care"/></attvalues></node>`).join('')}</nodes>
<edges>${BUILT_INS.slice(1).map((n, i) => `<edge id="${BUILT_INS[i]}" source="${BUILT_INS[0]}" target="${n}"/>`).join('')}<edge id="x" source="valueOf" target="__proto__"/><edge id="y" source="__proto__" target="valueOf"/></edges>
</graph></gexf>`;
    // Six edges, each one activity of two organisations; the last two are the same tie, so merged.
    const outcome = await expectAll([input('net.gexf', gexf)], 10);
    expect(outcome.report.files.find((f) => f.file === 'net.gexf (edges)')).toMatchObject({ rowsRead: 6, rowsUsed: 5, rowsMerged: 1 });
  });

  it('through the command line (converter)', async () => {
    const parts = Papa.unparse([['activity_id', 'organisation_id', 'organisation'], ...PAIRS]);
    const written: Record<string, string> = {};
    let err = '';
    const code = await runConverter('nwopen', ['p.csv', '-o', 'out.csv'], {
      readFile: async () => new TextEncoder().encode(parts),
      writeFile: async (p, t) => void (written[p] = t),
      out: () => {},
      err: (t) => void (err += t),
    });
    expect(code, err).toBe(0);
    expect(written['out.organisations.csv']!.split('\n').slice(1, -1).map((l) => l.split(',')[0]).sort()).toEqual([...BUILT_INS].sort());
  });
});

describe('names in any script identify organisations', () => {
  // The name key kept only a–z and 0–9: 東京大学 Lab and 京都大学 Lab both became "lab" and were merged
  // without a word, Ιατρείο 1 (care) disappeared into Πανεπιστήμιο 1, and 北京大学 was rejected as
  // "no letters or digits".
  const NAMES = ['東京大学 Lab', '京都大学 Lab', 'Πανεπιστήμιο 1', 'Ιατρείο 1', 'جامعة القاهرة', 'Москва', 'Мосгорздрав', '北京大学', 'हिन्दी संस्थान', 'Øresund Care', 'Oresund Care', 'Straße AG'];

  it('every distinct name is its own organisation, in tables and as the name key', async () => {
    const table = Papa.unparse([['activity_id', 'organisation'], ...NAMES.map((n, i) => [`A${i >> 1}`, n])]);
    const { outcome } = await importFiles([input('scripts.csv', table)]);
    expectInvariant(outcome.report);
    expect(outcome.report.rowsRejected).toBe(0);
    expect(outcome.report.rowsMerged).toBe(0);
    expect(outcome.dataset.organisations.map((o) => o.name).sort()).toEqual([...NAMES].sort());
    expect(new Set(NAMES.map(normaliseName)).size).toBe(NAMES.length);
    // Case and accents still make no difference.
    expect(normaliseName('ΙΑΤΡΕΊΟ 1')).toBe(normaliseName('Ιατρείο 1'));
    expect(normaliseName('  De Haagse   Hogeschool! ')).toBe('de haagse hogeschool');
    expect(normaliseName('Zorginstelling Café-Noël')).toBe('zorginstelling cafe noel');
  });

  it('the key is its definition for any text, ASCII (a faster path) or not (fast-check)', () => {
    const definition = (name: string) =>
      name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/['’`´"“”]/g, '').replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ').trim();
    for (const unit of ['binary', 'grapheme', 'grapheme-ascii'] as const) {
      fc.assert(fc.property(fc.string({ unit }), (s) => normaliseName(s) === definition(s)), { numRuns: 2000 });
    }
  });

  it('the same name in two scripts\' cases is one organisation', async () => {
    const table = Papa.unparse([['activity_id', 'organisation'], ['A', 'МОСКВА'], ['A', 'Acme'], ['B', 'москва'], ['B', 'Acme']]);
    const { outcome } = await importFiles([input('case.csv', table)]);
    expectInvariant(outcome.report);
    expect(outcome.dataset.organisations).toHaveLength(2);
  });
});

describe('control characters are taken out of every value and reported where they were', () => {
  // Past the first 8 KB (where the binary check looks), NUL, escape sequences and other controls went
  // into names and ids unremarked: "a\u0001b" and "a\u0002b" became two organisations that every
  // export then wrote as "ab", and an escape sequence in a name cleared the terminal.
  it('in tables (after 8 KB of ordinary rows) and in JSON', async () => {
    const filler = Array.from({ length: 400 }, (_, i) => ['F', `Filler organisation ${i}`, `f${i}`]);
    const table = Papa.unparse([['activity_id', 'organisation', 'organisation_id'], ...filler, ['P1', 'Bad\u0000Org', 'a\u0001b'], ['P1', 'Esc\u001b[2Jname\u009b', 'a\u0002b'], ['P1', 'Tab\tand line', 'ab']]);
    expect(table.indexOf('Bad')).toBeGreaterThan(8192);
    const { outcome } = await importFiles([input('late.csv', table)]);
    expectInvariant(outcome.report);
    const names = outcome.dataset.organisations.filter((o) => !o.id.startsWith('f')).map((o) => [o.id, o.name]);
    // The two ids that differed only by a control are one organisation now (and the merge is counted).
    expect(names).toEqual([['ab', 'BadOrg']]);
    expect(outcome.report.rowsMerged).toBe(2);
    const found = outcome.report.problems.filter((p) => p.code === 'control-characters').map((p) => [p.row, p.column, p.params!.controls]);
    expect(found).toEqual([
      [402, 'organisation', 'U+0000'],
      [402, 'organisation_id', 'U+0001'],
      [403, 'organisation', 'U+001B, U+009B'],
      [403, 'organisation_id', 'U+0002'],
    ]);
    const json = JSON.stringify({ organisations: [{ id: 'x\u0007y', name: 'Bell\u0007 BV' }], activities: [{ id: 'A' }], participations: [{ activityId: 'A', organisationId: 'x\u0007y' }] });
    const fromJson = (await importFiles([input('bell.json', json)])).outcome;
    expectInvariant(fromJson.report);
    expect(fromJson.dataset.organisations.map((o) => [o.id, o.name])).toEqual([['xy', 'Bell BV']]);
    expect(fromJson.report.problems.filter((p) => p.code === 'control-characters').length).toBeGreaterThanOrEqual(2);
  });
});

describe('a name may equal its id', () => {
  it('is counted as a name from the organisations file, not as "no name there"', async () => {
    const orgs = Papa.unparse([['organisation_id', 'name'], ['ACME', 'ACME'], ['__proto__', '__proto__'], ['x9', '']]);
    const parts = Papa.unparse([['activity_id', 'organisation_id'], ['A', 'ACME'], ['A', '__proto__'], ['A', 'x9']]);
    const { outcome } = await importFiles([input('organisations.csv', orgs), input('participations.csv', parts)]);
    expectInvariant(outcome.report);
    const note = outcome.report.problems.find((p) => p.code === 'names-from-organisations-file')!;
    expect(note.params).toMatchObject({ named: 2, unnamed: 1 });
  });
});

describe('a value of only invisible characters is empty', () => {
  it('zero-width spaces round an id or a name are trimmed like spaces (a no-break space already was)', async () => {
    const table = Papa.unparse([['activity_id', 'organisation_id', 'organisation'], ['\u200b', 'x1', 'Org One'], ['A1', '\u2060\u200b', 'Org Two'], ['A1', 'x3\u200d', 'Org Three\u200b'], ['A1', 'x1', 'Org One']]);
    const { outcome } = await importFiles([input('zw.csv', table)]);
    expectInvariant(outcome.report);
    expect(outcome.dataset.organisations.map((o) => [o.id, o.name])).toEqual([['org-two', 'Org Two'], ['x1', 'Org One'], ['x3', 'Org Three']]);
    expect(outcome.report.problems.filter((p) => p.severity === 'error').map((p) => [p.code, p.row])).toEqual([['missing-activity-id', 2]]);
  });
});

describe('encodings and formats Bruggen does not read get their own message', () => {
  it('UTF-32, UTF-16 without a byte-order mark, GraphML', async () => {
    const text = 'activity_id,organisation\nA1,Org One\nA1,Org Two\n';
    const utf32 = new Uint8Array(4 + 4 * text.length);
    utf32.set([0xff, 0xfe, 0, 0]);
    for (let i = 0; i < text.length; i++) utf32[4 + 4 * i] = text.charCodeAt(i);
    const utf16 = new Uint8Array(2 * text.length);
    for (let i = 0; i < text.length; i++) utf16[2 * i] = text.charCodeAt(i);
    const graphml = '<?xml version="1.0"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="undirected"><node id="a"/></graph></graphml>';
    const { summaries, outcome } = await importFiles([input('u32.csv', utf32), input('u16.csv', utf16), input('net.graphml', graphml), input('net.xml', graphml)]);
    expectInvariant(outcome.report);
    // UTF-32 was read as UTF-16 (names full of NULs), UTF-16 without a mark called binary data, and
    // GraphML refused for having no "activity_id" column, quoting its XML as the column names.
    expect(summaries.map((x) => [x.file, x.status, x.problems[0]?.code])).toEqual([
      ['u32.csv', 'failed', 'utf-32-file'],
      ['u16.csv', 'failed', 'utf-16-without-bom'],
      ['net.graphml', 'failed', 'graphml-file'],
      ['net.xml', 'failed', 'graphml-file'],
    ]);
    // Not mistaken for UTF-16 without a mark: ordinary UTF-8 and UTF-16 with one.
    const bom16 = new Uint8Array([0xff, 0xfe, ...utf16]);
    const fine = await importFiles([input('ok.csv', text), input('bom16.csv', bom16)]);
    expect(fine.summaries.map((x) => x.status)).toEqual(['tables', 'tables']);
  });
});

describe('characters that turn the text after a name around ("Trojan Source")', () => {
  const RLO = '\u202E';
  const LRI = '\u2066';
  const read = async (name: string, content: string) => {
    const { outcome } = await importFiles([input(name, content)]);
    expectInvariant(outcome.report);
    expect(outcome.report.rowsRejected).toBe(0);
    return { ...outcome, found: outcome.report.problems.filter((p) => p.code === 'direction-controls') };
  };

  it('are taken out of names, titles and ids in tables, JSON and GEXF, and reported where they were', async () => {
    const table = Papa.unparse([
      ['activity_id', 'activity_title', 'organisation'],
      ['P1', `Zorg${LRI} thuis`, `Gemeente ${RLO}gaaH neD`],
      ['P1', 'Zorg thuis', 'Org B'],
    ]);
    const csv = await read('rlo.csv', table);
    expect(csv.dataset.organisations.map((o) => o.name).sort()).toEqual(['Gemeente gaaH neD', 'Org B']);
    expect(csv.dataset.activities[0]!.title).toBe('Zorg thuis');
    expect(csv.found.map((p) => [p.row, p.column, p.params!.controls])).toEqual([
      [2, 'activity_title', 'U+2066'],
      [2, 'organisation', 'U+202E'],
    ]);
    expect(csv.found[1]!.message).toBe(
      '"Gemeente gaaH neD" contained characters that change the direction of the text after them (U+202E). They were taken out, so that the name and the text after it read as written.',
    );

    const gexf = `<gexf version="1.3"><graph><nodes><node id="a${RLO}" label="Org ${RLO}A"/><node id="b" label="B"/></nodes><edges><edge source="a${RLO}" target="b"/></edges></graph></gexf>`;
    const fromGexf = await read('rlo.gexf', gexf);
    expect(fromGexf.dataset.organisations.map((o) => [o.id, o.name])).toEqual([
      ['a', 'Org A'],
      ['b', 'B'],
    ]);
    expect(fromGexf.found.map((p) => p.column)).toEqual(expect.arrayContaining(['organisation_id', 'name']));

    const json = {
      dataset: {
        organisations: [
          { id: 'x', name: `${RLO}Org X`, sector: 'care', aliases: [], provenance: [] },
          { id: 'y', name: 'Org Y', sector: 'tech', aliases: [], provenance: [] },
        ],
        activities: [{ id: 'p', title: 'P', kind: 'project', source: 's', provenance: [] }],
        participations: [
          { activityId: 'p', organisationId: 'x' },
          { activityId: 'p', organisationId: 'y' },
        ],
      },
    };
    const fromJson = await read('rlo.json', JSON.stringify(json));
    expect(fromJson.dataset.organisations.map((o) => o.name)).toEqual(['Org X', 'Org Y']);
    expect(fromJson.found).toHaveLength(1);
  });
});

describe('huge, ragged and wide files', () => {
  it('a row too short is said; a row whose quote never closes is rejected, not made into one organisation named after the rest of the file', async () => {
    const csv = [
      'activity_id,activity_title,sector,organisation_id,organisation,city',
      'a1,T,tech,o1,Org One,Den Haag',
      'a1,T,care,o2,Org Two',
      'a1,T,care,o3,"Org ""Three,Delft',
      'a2,T2,care,o4,Org Four,Delft',
      'a2,T2,tech,o1,Org One,Den Haag',
    ].join('\n');
    const { outcome } = await importFiles([input('ragged.csv', csv)]);
    expectInvariant(outcome.report);
    expect(outcome.report).toMatchObject({ rowsRead: 3, rowsUsed: 2, rowsRejected: 1 });
    const at = (code: string) => outcome.report.problems.filter((p) => p.code === code).map((p) => [p.row, p.severity]);
    expect(at('short-row')).toEqual([[3, 'warning']]);
    expect(at('unclosed-quote-row')).toEqual([[4, 'error']]);
    // No organisation holds a line break: the swallowed lines are in no name.
    expect(outcome.dataset.organisations.map((o) => o.name).sort()).toEqual(['Org One', 'Org Two']);
  });

  it('120,000 ragged rows: no stack overflow, table-level problems capped with the rest counted', { timeout: 60_000 }, async () => {
    const lines = ['activity_id,organisation'];
    for (let i = 0; i < 120_000; i++) lines.push(`a${i % 1000},org ${i % 5000},extra ${i},more`);
    const { outcome } = await importFiles([input('ragged.csv', lines.join('\n'))]);
    expectInvariant(outcome.report);
    expect(outcome.report.rowsRead).toBe(120_000);
    const ragged = outcome.report.problems.filter((p) => p.code === 'ragged-row');
    expect(ragged).toHaveLength(PROBLEM_LIMIT + 1);
    expect(ragged.at(-1)).toMatchObject({ omitted: 120_000 - PROBLEM_LIMIT, params: { n: 120_000 - PROBLEM_LIMIT, limit: PROBLEM_LIMIT } });
  });

  it('a 20 MB line: one enormous cell, and a header of millions of separators', { timeout: 60_000 }, async () => {
    const cell = 'x'.repeat(20 << 20);
    const one = await importFiles([input('one.csv', `activity_id,organisation\nA,"${cell}"\n`)]);
    expectInvariant(one.outcome.report);
    expect(one.outcome.dataset.organisations[0]!.name).toHaveLength(cell.length);
    expect(one.outcome.report.problems.map((p) => p.code)).toContain('long-value');
    const commas = ','.repeat(20 << 20);
    const wide = await importFiles([input('commas.csv', `activity_id,organisation${commas}x\nA,B\n`)]);
    expectInvariant(wide.outcome.report);
    expect(wide.summaries[0]!.tables[0]!.header.length).toBeLessThanOrEqual(MAX_COLUMNS);
    expect(wide.outcome.report.problems.find((p) => p.code === 'too-many-columns')!.params).toMatchObject({ n: (20 << 20) + 2, limit: MAX_COLUMNS });
    expect(wide.outcome.dataset.participations).toHaveLength(1);
    const noBreak = await importFiles([input('noline.csv', `activity_id,organisation\n${'A,B,'.repeat(5 << 20)}`)]);
    expectInvariant(noBreak.outcome.report);
  });

  it('60,000 columns: read, recognised, built, and the mapping step renders a page of them', { timeout: 60_000 }, async () => {
    const header = Array.from({ length: 60_000 }, (_, i) => `kolom ${i}`);
    header[0] = 'project';
    header[59_999] = 'organisatie';
    const row = (i: number) => Array.from({ length: 60_000 }, (_, j) => (j === 0 ? `P${i % 7}` : j === 59_999 ? `Org ${i}` : `${i}.${j}`));
    const text = [header, row(1), row(2), row(3)].map((r) => r.join(';')).join('\n');
    const session = new ImportSession();
    const summaries = (await session.read([input('wide.csv', text)]))!;
    const plans = planMappings(summaries);
    expect(plans[0]!.mapping.role).toBe('participations');
    const outcome = session.build({ datasetName: 'wide', mappings: new Map(plans.map((p) => [p.table.id, p.mapping])) });
    expectInvariant(outcome.report);
    expect(outcome.dataset.participations).toHaveLength(3);
    // The unused-columns message names a few, not sixty thousand.
    expect(outcome.report.problems.find((p) => p.code === 'unused-columns')!.message.length).toBeLessThan(2000);

    setupI18n('nl');
    const view = render(
      createElement(MappingStep, {
        plans: plans.map((p): EditablePlan => ({ ...p, remember: false })),
        words: importWords('nl'),
        onChange: () => {},
        onContinue: () => {},
        onBack: () => {},
      }),
    );
    const rows = view.container.querySelectorAll('.import-columns tbody tr');
    expect(rows.length).toBeLessThan(100);
    expect(view.container.querySelector('select[data-column="organisatie"]')).not.toBeNull();
    expect(view.container.querySelectorAll('.import-preview th').length).toBeLessThanOrEqual(30);
    cleanup();
  });
});

describe('documents built to hurt a parser', () => {
  it('GEXF entities are not expanded (no "billion laughs", no file read): refused with line and column', async () => {
    const laughs = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('');
    const bomb = `<?xml version="1.0"?><!DOCTYPE gexf [<!ENTITY lol "lol">${laughs}]>
<gexf version="1.3"><graph><nodes><node id="a" label="&lol9;"/><node id="b"/></nodes><edges><edge source="a" target="b"/></edges></graph></gexf>`;
    const external = `<?xml version="1.0"?><!DOCTYPE gexf [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<gexf version="1.3"><graph><nodes><node id="a" label="&x;"/><node id="b"/></nodes><edges><edge source="a" target="b"/></edges></graph></gexf>`;
    for (const [name, text] of [['bomb.gexf', bomb], ['external.gexf', external]] as const) {
      const { outcome } = await importFiles([input(name, text)]);
      expectInvariant(outcome.report);
      const refused = outcome.report.problems.find((p) => p.code === 'invalid-gexf')!;
      // xmldom's line is where the element with the entity starts, or before it when a DOCTYPE precedes.
      expect(refused).toMatchObject({ file: name, severity: 'error', variant: 'entity' });
      expect(refused.params!.line).toBeGreaterThanOrEqual(1);
      expect(refused.params!.column).toBeGreaterThan(0);
      expect(refused.message).toMatch(/^The file uses the entity &\w+; \(line \d+\), which Bruggen does not expand/);
      expect(refused.message).not.toContain('xmldom');
    }
  });

  it('a GEXF whose edges would make millions of rows (an attribute default listing 3,000 activities) is refused before they are made', { timeout: 60_000 }, async () => {
    // 260 KB: every one of 3,000 edges gets the default, 3,000 activities: 18 million rows, which
    // ran the command line out of memory after 78 s and crashed the tab.
    const list = Array.from({ length: 3_000 }, (_, i) => `a${i}`).join('|');
    const edges = Array.from({ length: 3_000 }, (_, i) => `<edge source="n${i}" target="n${i + 1}"/>`).join('');
    const gexf = `<gexf version="1.3"><graph><attributes class="edge"><attribute id="0" title="activities" type="string"><default>${list}</default></attribute></attributes><edges>${edges}</edges></graph></gexf>`;
    const started = performance.now();
    const { outcome } = await importFiles([input('default.gexf', gexf)]);
    expect(performance.now() - started).toBeLessThan(30_000);
    expectInvariant(outcome.report);
    const refused = outcome.report.problems.find((p) => p.code === 'gexf-too-many-rows')!;
    expect(refused).toMatchObject({ file: 'default.gexf', severity: 'error', params: { rows: 18_000_000, edges: 3_000, limit: MAX_GEXF_TIE_ROWS } });
    expect(refused.message).toContain('looks like a damaged or malicious GEXF');
    expect(outcome.dataset.participations).toHaveLength(0);
    // The same default on a few edges is read: the limit is on the rows, not on defaults.
    const few = gexf.replace(edges, edges.slice(0, edges.indexOf('<edge', 100)));
    const read = await importFiles([input('few.gexf', few)]);
    expectInvariant(read.outcome.report);
    expect(read.outcome.dataset.activities).toHaveLength(3_000);
  });

  it('GEXF nodes nested 60,000 deep (hierarchical GEXF): every node read, no stack overflow', { timeout: 60_000 }, async () => {
    const depth = 60_000;
    const open = Array.from({ length: depth }, (_, i) => `<nodes><node id="n${i}" label="Org ${i}">`).join('');
    const gexf = `<gexf version="1.3"><graph>${open}${'</node></nodes>'.repeat(depth)}<edges><edge source="n0" target="n${depth - 1}"/></edges></graph></gexf>`;
    const { outcome } = await importFiles([input('deep.gexf', gexf)]);
    expectInvariant(outcome.report);
    expect(outcome.dataset.organisations).toHaveLength(depth);
    expect(outcome.dataset.participations).toHaveLength(2);
    // Document order: a node before the nodes inside it.
    expect(outcome.report.files.find((f) => f.file === 'deep.gexf (nodes)')).toMatchObject({ rowsRead: depth, rowsUsed: depth });
  });

  it('JSON nested 200,000 deep, and XML elements nested 200,000 deep: read or refused, never a crash', { timeout: 60_000 }, async () => {
    const json = `{"dataset":{"organisations":${'['.repeat(200_000)}${']'.repeat(200_000)}}}`;
    const deepJson = await importFiles([input('deep.json', json)]);
    expectInvariant(deepJson.outcome.report);
    expect(deepJson.outcome.report.problems.some((p) => p.severity === 'error')).toBe(true);
    const xml = `<gexf version="1.3"><graph><nodes><node id="a"/><node id="b"/></nodes><edges><edge source="a" target="b"/></edges>${'<x>'.repeat(200_000)}${'</x>'.repeat(200_000)}</graph></gexf>`;
    const deepXml = await importFiles([input('deep.gexf', xml)]);
    expectInvariant(deepXml.outcome.report);
    expect(deepXml.outcome.dataset.participations).toHaveLength(2);
  });
});

describe('the markup check is linear', () => {
  it('a 2 MB cell of "<a" without ">" (the regex took minutes), and the usual cases', () => {
    const bait = '<a'.repeat(1 << 20);
    const start = performance.now();
    expect(hasMarkup(bait)).toBe(false);
    expect(hasMarkup(`${bait}>`)).toBe(true);
    expect(hasMarkup('< '.repeat(1 << 20))).toBe(false);
    expect(hasMarkup(`${'<   '.repeat(1 << 18)}/ b>`)).toBe(true);
    // Generous: linear is milliseconds; the old regex needed minutes for one of these.
    expect(performance.now() - start).toBeLessThan(5_000);
    for (const [value, markup] of [
      ['<script>alert(1)</script>', true],
      ['<b>vet</b>', true],
      ['< / b >', true],
      ['a < b > c', true],
      ['a<3 and b>2', false],
      ['1 < 2', false],
      ['<>', false],
      ['JavaScript:void(0)', true],
      ['Zorg & Welzijn', false],
    ] as const) {
      expect(hasMarkup(value), value).toBe(markup);
      expect(/<\s*\/?\s*[a-z][^>]*>|javascript:/i.test(value), value).toBe(markup);
    }
  });
});

describe('ZIP: declared sizes and ratios are checked before inflating', () => {
  const refuse = async (name: string, bytes: Uint8Array) => {
    const { summaries, outcome } = await importFiles([input(name, bytes)]);
    expectInvariant(outcome.report);
    const p = summaries[0]!.problems[0]!;
    expect(summaries[0]!.status).toBe('failed');
    expect(p.code).toBe('suspicious-workbook');
    expect(p.message).toContain(`"${name}" looks like a damaged or malicious workbook`);
    return p;
  };

  it('a real bomb: 64 MB of one byte in a sheet, packed about a thousandfold', { timeout: 30_000 }, async () => {
    const sheet = new Uint8Array(64 << 20).fill(0x20);
    const p = await refuse('bomb.xlsx', makeXlsx([], sheet));
    expect(p.variant).toBe('ratio');
    expect(p.params).toMatchObject({ entry: 'xl/worksheets/sheet1.xml' });
    expect(Number(p.params!.ratio)).toBeGreaterThan(250);
  });

  it('parts that claim to unpack to more than the limit, many parts, a damaged table of contents', async () => {
    const claims = makeZip([
      { name: 'xl/a.xml', data: new Uint8Array(10), claimedSize: 0x7fffffff },
    ]);
    expect((await refuse('huge.xlsx', claims)).variant).toBe('entry-size');
    // Each part below the ratio check's floor, together above the total.
    const many = makeZip(Array.from({ length: 70 }, (_, i) => ({ name: `xl/${i}.xml`, data: new Uint8Array(10), claimedSize: ZIP_TOTAL_LIMIT / 64 })));
    expect((await refuse('many-big.xlsx', many)).variant).toBe('total');
    const parts = makeZip(Array.from({ length: 20_001 }, (_, i) => ({ name: `p${i}`, data: new Uint8Array(0), deflate: false })));
    expect((await refuse('parts.xlsx', parts)).variant).toBe('entries');
    const ok = makeXlsx([['a', 'b']]);
    expect((await refuse('cut.xlsx', ok.slice(0, ok.length - 30))).variant).toBe('structure');
    expect((await refuse('stub.xlsx', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4]))).variant).toBe('structure');
  });

  it('a date cell a spreadsheet cannot show is read as empty and reported by row and column, not thrown', async () => {
    // Serial 1e15 makes an invalid Date in the reader (toISOString threw "Invalid time value"),
    // 2958466 the year 10000 ("+010000-01-01": a formula warning on text nobody wrote), -1e9 is before 1900.
    const rows = [['activity_id', 'organisation', 'start_date'], ['A', 'Alpha', { dateSerial: 1e15 }], ['A', 'Beta', { dateSerial: 2958466 }], ['B', 'Gamma', { dateSerial: -1e9 }], ['B', 'Delta', { dateSerial: 44927 }]];
    const { outcome, summaries } = await importFiles([input('dates.xlsx', makeXlsx(rows))]);
    expect(summaries[0]!.status).not.toBe('failed');
    expectInvariant(outcome.report);
    expect(outcome.report.rowsUsed).toBe(4);
    const dates = outcome.report.problems.filter((p) => p.code === 'workbook-date-out-of-range');
    expect(dates.map((p) => [p.row, p.column, p.severity])).toEqual([
      [2, 'start_date', 'warning'],
      [3, 'start_date', 'warning'],
      [4, 'start_date', 'warning'],
    ]);
    expect(dates[0]!.message).toContain('read as empty');
    expect(outcome.report.problems.filter((p) => p.code === 'formula-like')).toEqual([]);
    // The date Excel can show (2023-01-01) still gives its year.
    expect(outcome.dataset.activities.find((a) => a.id === 'B')!.startYear).toBe(2023);
    expect(outcome.dataset.activities.find((a) => a.id === 'A')!.startYear).toBeUndefined();
  });

  it('a cell the reader cannot read names its row and column', async () => {
    const head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
    const sheet = new TextEncoder().encode(
      `${head}<row r="1"><c r="A1" t="inlineStr"><is><t>activity_id</t></is></c><c r="B1" t="inlineStr"><is><t>organisation</t></is></c><c r="C1" t="inlineStr"><is><t>start_year</t></is></c></row>` +
        '<row r="2"><c r="A2" t="inlineStr"><is><t>A</t></is></c><c r="B2" t="inlineStr"><is><t>Alpha</t></is></c><c r="C2"><v>NaN</v></c></row></sheetData></worksheet>',
    );
    const { summaries, outcome } = await importFiles([input('nan.xlsx', makeXlsx([], sheet))]);
    expectInvariant(outcome.report);
    expect(summaries[0]!.status).toBe('failed');
    expect(summaries[0]!.problems[0]).toMatchObject({ code: 'unreadable-workbook', variant: 'cell', params: { row: 2, column: 'C' } });
    expect(summaries[0]!.problems[0]!.message).toBe(
      '"nan.xlsx" has a cell the workbook reader cannot read: row 2, column C (a value that does not fit the cell\'s type, such as text in a number or date cell). Nothing was read from the workbook.',
    );
  });

  it('a normal workbook still opens', async () => {
    const { outcome } = await importFiles([input('ok.xlsx', makeXlsx([['activity_id', 'organisation'], ['A', 'B']]))]);
    expect(outcome.dataset.participations).toHaveLength(1);
  });
});

describe('workbook sheets: where the cells reach is checked before the grid is made', () => {
  // read-excel-file makes a full grid of each sheet; a 1.6 KB file with one far cell ran the
  // process out of memory (XFD1048576, row 99999999999) or killed V8 outright (ZZZZZZZ4).
  const head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
  const sheet = (rows: string) =>
    new TextEncoder().encode(`${head}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`);
  const cell = (ref: string, v: string) => `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`;
  const row = (r: number | string, ...cells: string[]) => `<row r="${r}">${cells.join('')}</row>`;
  const header = row(1, cell('A1', 'activity_id'), cell('B1', 'organisation')) + row(2, cell('A2', 'P1'), cell('B2', 'Org A')) + row(3, cell('A3', 'P1'), cell('B3', 'Org B'));
  const refused = async (name: string, rows: string) => {
    const { summaries, outcome } = await importFiles([input(name, makeXlsx([], sheet(header + rows)))]);
    expectInvariant(outcome.report);
    expect(summaries[0]!.status).toBe('failed');
    const p = summaries[0]!.problems[0]!;
    expect(p.code).toBe('suspicious-workbook');
    return p;
  };

  it('refuses references beyond Excel\'s last cell, naming the sheet and the reference', { timeout: 30_000 }, async () => {
    for (const [rows, written] of [
      [row(4, cell('ZZZZZZZ4', 'x')), 'ZZZZZZZ4'],
      [row(99999999999, cell('A99999999999', 'x')), '<row r="99999999999">'],
      [row(5, cell('A99999999999', 'x')), 'A99999999999'],
      [row(4, cell('XFE4', 'x')), 'XFE4'],
      [row(-5, cell('A4', 'x')), '<row r="-5">'],
      // Lower case: read as column 33 by the reader, so the row was misplaced and then rejected.
      [row(4, cell('a4', 'x')), 'a4'],
    ] as const) {
      const p = await refused('far.xlsx', rows);
      expect(p).toMatchObject({ variant: 'beyond-excel', params: { sheet: 'Blad1', cell: written } });
      expect(p.message).toContain(`its sheet "Blad1" refers to "${written}"`);
    }
  });

  it('refuses a grid larger than the limit: one value in the last cell Excel has', { timeout: 30_000 }, async () => {
    const p = await refused('corner.xlsx', row(1_048_576, cell('XFD1048576', 'far')));
    expect(p).toMatchObject({
      variant: 'too-many-cells-one-cell',
      params: { sheet: 'Blad1', rows: 1_048_576, columns: 16_384, rowCell: 'XFD1048576', columnCell: 'XFD1048576', limit: SHEET_CELL_LIMIT },
    });
    // One cell makes both the last row and the last column: it is named once.
    expect(p.message).toContain('reaches row 1,048,576 and column 16,384, both in cell XFD1048576:');
    expect(p.message.split('XFD1048576')).toHaveLength(2);
    expect(p.fix).toContain('(in XFD1048576)');
    expect(p.fix).toContain('save it as CSV');
  });

  it('names both cells when the last row and the last column are reached in different cells', { timeout: 30_000 }, async () => {
    const p = await refused('two-corners.xlsx', row(4, cell('XFD4', 'wide')) + row(1_048_576, cell('A1048576', 'tall')));
    expect(p).toMatchObject({ variant: 'too-many-cells', params: { rows: 1_048_576, columns: 16_384, rowCell: 'A1048576', columnCell: 'XFD4' } });
    expect(p.message).toContain('reaches row 1,048,576 (in cell A1048576) and column 16,384 (in cell XFD4)');
    expect(p.fix).toContain('(in A1048576, XFD4)');
  });

  it('checks a sheet wherever the workbook puts it, as the reader reads it from there', { timeout: 30_000 }, async () => {
    // A 1.6 KB workbook with its sheet outside xl/worksheets/ passed the check and ran the command
    // line out of memory (and crashed the tab).
    const far = sheet(header + row(1_048_576, cell('XFD1048576', 'far')));
    for (const at of [
      { target: '/xl/data/s1.xml', part: 'xl/data/s1.xml' },
      { target: '../sheets/s1.xml', part: 'xl/../sheets/s1.xml' },
    ]) {
      const { summaries, outcome } = await importFiles([input('elsewhere.xlsx', makeXlsx([], far, at))]);
      expectInvariant(outcome.report);
      expect(summaries[0]!.problems[0]).toMatchObject({ code: 'suspicious-workbook', variant: 'too-many-cells-one-cell', params: { sheet: 'Blad1' } });
      const fine = await importFiles([input('elsewhere-ok.xlsx', makeXlsx([], sheet(header), at))]);
      expect(fine.outcome.dataset.organisations.map((o) => o.name).sort()).toEqual(['Org A', 'Org B']);
    }
  });

  it('reads sheets that reach far in one direction only, and cells that hold only a format', { timeout: 30_000 }, async () => {
    const { outcome } = await importFiles([
      input('tall.xlsx', makeXlsx([], sheet(header + row(1_048_576, cell('A1048576', 'P2'), cell('B1048576', 'Org C'))))),
      input('wide.xlsx', makeXlsx([], sheet(header + row(4, cell('A4', 'P3'), cell('B4', 'Org D'), '<c r="XFD4" s="1"/>')))),
    ]);
    expectInvariant(outcome.report);
    expect(outcome.dataset.organisations.map((o) => o.name).sort()).toEqual(['Org A', 'Org B', 'Org C', 'Org D']);
  });

  it('a sheet the reader trips over is called damaged, without the reader\'s internal error', async () => {
    const noReference = sheet(header.replace('<c r="B3"', '<c'));
    const { summaries, outcome } = await importFiles([input('no-r.xlsx', makeXlsx([], noReference))]);
    expectInvariant(outcome.report);
    const p = summaries[0]!.problems[0]!;
    expect(p).toMatchObject({ code: 'unreadable-workbook', variant: 'damaged' });
    expect(p.message).not.toMatch(/undefined|properties/);
  });

  it('reads the extent from the bytes: prefixed names, spaces round "=", ">" inside values, apostrophes', () => {
    const xml = (body: string) => new TextEncoder().encode(body);
    expect(sheetExtent(xml('<x:row r="7"><x:c r = "C7" t="s"><x:v>1</x:v></x:c></x:row>'))).toMatchObject({ rows: 7, columns: 3, rowCell: 'C7' });
    expect(sheetExtent(xml(`<c t="a>b" r='AB12'><v>1</v></c><c r="B40"><v>2</v></c>`))).toMatchObject({ rows: 40, columns: 28, rowCell: 'B40', columnCell: 'AB12' });
    // <col>, <cols>, <cfRule r=…> are not cells; an attribute ending in "r" is not r.
    expect(sheetExtent(xml('<cols><col min="1" max="16384"/></cols><cfRule r="ZZZZZZZZ1"/><c xr="ZZZZ9" r="B2"><v>1</v></c>'))).toMatchObject({ rows: 2, columns: 2 });
    expect(sheetExtent(xml('<c r="$D$9"><v>1</v></c>'))).toMatchObject({ rows: 9, columns: 4 });
    expect(sheetExtent(xml('<c r="A1"><v>1</v></c><c r="A1048577"/>')).beyond).toBe('A1048577');
  });
});

/** What XML 1.0 can hold (a sheet cannot contain the rest). */
// eslint-disable-next-line no-control-regex
const xmlText = (v: string) => v.replace(/[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD]/g, '');

describe('any table (fast-check): no exception, every row accounted for', () => {
  beforeAll(() => setupI18n('nl'));
  afterEach(cleanup);

  const cellText = fc.oneof(
    { weight: 3, arbitrary: fc.string({ maxLength: 12 }) },
    { weight: 2, arbitrary: fc.constantFrom(...BUILT_INS, '', ' ', '"', '""', ',', ';', '\n', '\r', '\t', '=1+1', "'=x", '<b>x</b>', '\u0000', '\uFEFF', '\uD800', 'é€', 'ￂ') },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
  );
  const headerName = fc.oneof(
    fc.constantFrom('activity_id', 'organisation', 'organisation_id', 'sector', 'start_year', 'role', 'project', 'naam', 'titel', 'id', 'name', ...BUILT_INS, ''),
    fc.string({ maxLength: 8 }),
  );
  const table = fc.record({
    header: fc.array(headerName, { minLength: 1, maxLength: 8 }),
    rows: fc.array(fc.array(cellText, { maxLength: 10 }), { maxLength: 25 }),
    delimiter: fc.constantFrom(',', ';', '\t', '|'),
    format: fc.constantFrom('csv', 'xlsx', 'json'),
  });

  it('holds for CSV, xlsx and JSON', async () => {
    await fc.assert(
      fc.asyncProperty(table, async ({ header, rows, delimiter, format }) => {
        const file =
          format === 'csv'
            ? input('t.csv', Papa.unparse([header, ...rows], { delimiter }))
            : format === 'xlsx'
              ? input('t.xlsx', makeXlsx([header, ...rows].map((r) => r.map(xmlText))))
              : input('t.json', JSON.stringify({ dataset: { organisations: rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]]))), participations: rows.map((r) => ({ activityId: r[0], organisationId: r[1], nameAsWritten: r[2] })) } }));
        const { outcome } = await importFiles([file]);
        expectInvariant(outcome.report);
        for (const p of outcome.report.problems) expect(typeof p.message).toBe('string');
      }),
      { numRuns: 150 },
    );
  });

  it('holds for any bytes at all, and the command line never throws', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), fc.constantFrom('x.csv', 'x.json', 'x.gexf', 'x.xlsx', 'x.txt'), async (bytes, name) => {
        const { outcome } = await importFiles([input(name, bytes)]);
        expectInvariant(outcome.report);
        const result = await loadFilesForCommandLine([name], { readFile: async () => bytes, err: () => {} });
        expect('code' in result ? [1] : [0, 1]).toContain('code' in result ? result.code : 0);
      }),
      { numRuns: 200 },
    );
  });
});

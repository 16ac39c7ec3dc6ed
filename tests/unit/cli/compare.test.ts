import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PROJECTION_RULES } from '../../../src/graph/projection';
import { applyFilters } from '../../../src/filters/filters';
import { buildNetwork, sectorCodes } from '../../../src/graph/network';
import { cleanViewState } from '../../../src/session/clean';
import { parseViewState } from '../../../src/session/url';
import { parseWorklistCsv } from '../../../src/worklist/csv';
import { loadBuiltinFromDisk } from '../../../scripts/lib/builtin';

const run = promisify(execFile);
const TSX = join(__dirname, '../../../node_modules/.bin/tsx');
const SCRIPT = join(__dirname, '../../../scripts/analyze.ts');
const FIXTURES = join(__dirname, '../../fixtures/compare');
const DATA = join(FIXTURES, 'participations.csv');

async function analyze(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(TSX, [SCRIPT, ...args], { maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

const pairs = (ties: { source: string; target: string }[]) => ties.map((t) => `${t.source}|${t.target}`);

describe('npm run analyze -- --compare', () => {
  it('compares two periods: JSON key comparison with the known answers of the fixture', async () => {
    const { code, stdout, stderr } = await analyze(DATA, '--focal', 'gem', '--view', 'years=2019-2019', '--compare', '?years=2020-2020', '--json');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    const c = doc.comparison;
    expect(Object.keys(c)).toEqual(expect.arrayContaining(['before', 'after', 'tiesFormed', 'tiesLost', 'organisationsEntered', 'organisationsLeft']));
    expect(c.filters).toEqual({ before: 'years=2019-2019', after: 'years=2020-2020' });
    expect(c.before).toMatchObject({ organisations: 7, ties: 4, components: 3, isolates: 1 });
    expect(c.after).toMatchObject({ organisations: 7, ties: 9, components: 2, isolates: 0 });
    expect(pairs(c.tiesFormed)).toEqual(['care-a|tech-a', 'care-a|tech-c', 'care-a|uni', 'care-b|gem', 'gem|tech-b', 'tech-a|tech-c', 'tech-c|uni']);
    expect(pairs(c.tiesLost)).toEqual(['care-a|gem', 'gem|tech-a']);
    expect(c.organisationsEntered).toEqual(['tech-c']);
    expect(c.organisationsLeft).toEqual(['iso']);
    expect(c.after.targetPairs.map((p: { a: string; b: string; ties: number }) => `${p.a}-${p.b}:${p.ties}`)).toEqual(['tech-care:3', 'tech-government:1', 'care-government:1']);
    expect(c.before.targetPairs[0]).toEqual({
      a: 'tech',
      b: 'care',
      ties: 1,
      ratio: expect.any(Number),
      missing: expect.any(Boolean),
      reason: c.before.targetPairs[0].missing ? expect.any(String) : null,
      interval: { expected: expect.any(Number), low: expect.any(Number), high: expect.any(Number) },
      p: expect.any(Number),
    });
    expect(c.before.focal.distances).toContainEqual({ sector: 'knowledge', distance: 2 });
    // The main document is the first view.
    expect(doc.meta.organisations).toBe(7);
    expect(doc.meta.ties).toBe(4);
    // The bridge tracker: the first view's filters over every year.
    expect(c.bridgeTracker.rows.filter((r: { a: string; b: string }) => r.a === 'tech' && r.b === 'government').map((r: { year: number; ties: number }) => [r.year, r.ties])).toEqual([
      [2018, 1],
      [2019, 1],
      [2020, 1],
    ]);
  }, 60_000);

  it('prints a readable comparison in English and Dutch', async () => {
    const en = await analyze(DATA, '--focal', 'gem', '--view', 'years=2019-2019', '--compare', 'years=2020-2020');
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('Change: years=2019-2019 → years=2020-2020');
    expect(en.stdout).toContain('Organisations 7 → 7 (+1 entered, −1 left); ties 4 → 9 (+7 formed, −2 lost); components 3 → 2 (isolates 1 → 0).');
    expect(en.stdout).toMatch(/technology – care: 1 → 3 ties \(by chance [\d.]+–[\d.]+ → [\d.]+–[\d.]+\)/);
    expect(en.stdout).toContain('Gemeente Testdorp, steps to the nearest organisation: technology 1 → 1, care 1 → 1, knowledge 2 → –');
    // Ties between two target sectors first, with their sectors.
    expect(en.stdout).toContain(
      [
        'Ties formed (7; 4 between target sectors, listed first):',
        '  Zorg Thuis – Robot BV (care – technology)',
        '  Zorg Thuis – Nieuwe Robotica (care – technology)',
        '  Ziekenhuis West – Gemeente Testdorp (care – government)',
        '  Gemeente Testdorp – Sensor BV (government – technology)',
        '  Zorg Thuis – Hogeschool Testdorp',
      ].join('\n'),
    );
    expect(en.stdout).toContain('Ties lost (2; 2 between target sectors, listed first):\n  Zorg Thuis – Gemeente Testdorp (care – government)\n  Gemeente Testdorp – Robot BV (government – technology)');
    expect(en.stdout).toContain('Organisation left (1): Stichting Alleen');
    expect(en.stdout).toContain('technology – government: 2018 1 · 2019 1 · 2020 1; 2 ties in all, 0 only through undated activities');
    const nl = await analyze(DATA, '--focal', 'gem', '--compare', 'years=2020-2020', '--lang', 'nl');
    expect(nl.code).toBe(0);
    expect(nl.stdout).toContain('Verandering: alle gegevens → years=2020-2020');
    expect(nl.stdout).toContain('Organisatie weg (1): Stichting Alleen');
  }, 60_000);

  it('says when the focal organisation is in one view only', async () => {
    const r = await analyze(DATA, '--focal', 'gem', '--compare', 'sector=tech,care');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Gemeente Testdorp is only in the first view; steps to the nearest organisation there: technology 1, care 1, knowledge 2.');
  }, 60_000);

  it('warns that the second view only contributes its filters, and reports values not in the data', async () => {
    const r = await analyze(DATA, '--compare', 'years=2020-2020&k=2&source=nowhere', '--json');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('--compare: dropped source=nowhere: not in this data.');
    expect(r.stderr).toContain('--compare: k ignored: only the second view');
    expect(JSON.parse(r.stdout).comparison.filters.after).toBe('years=2020-2020');
  }, 60_000);
});

describe('npm run analyze -- --assume', () => {
  it('adds hypothetical rows: JSON key scenario, same shape as comparison', async () => {
    const { code, stdout } = await analyze(DATA, '--focal', 'gem', '--assume', join(FIXTURES, 'scenario.csv'), '--json');
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    const s = doc.scenario;
    expect(Object.keys(s)).toEqual(expect.arrayContaining(['before', 'after', 'tiesFormed', 'tiesLost', 'organisationsEntered', 'organisationsLeft']));
    expect(s.import).toMatchObject({ file: 'scenario.csv', rowsRead: 8, rowsUsed: 4, rowsMerged: 2, rowsRejected: 2 });
    expect(s.added).toEqual({ organisations: ['nieuwe-zorgstart'], activities: ['NEW1'], participations: 4 });
    expect(s.tiesFormed).toEqual([
      { source: 'care-b', target: 'nieuwe-zorgstart', hypothetical: true },
      { source: 'care-b', target: 'tech-a', hypothetical: true },
      { source: 'nieuwe-zorgstart', target: 'tech-a', hypothetical: true },
    ]);
    expect(s.after.hypotheticalTies).toEqual({ only: 3, partly: 2 });
    // The data's own document stays the real data: no hypothetical organisation or tie in it.
    expect(doc.organisations.map((o: { id: string }) => o.id)).not.toContain('nieuwe-zorgstart');
    expect(doc.meta.ties).toBe(11);
  }, 60_000);

  it('an activity the scenario adds may be listed with --view, and is not reported as dropped', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bruggen-cli-'));
    const file = join(dir, 'big.csv');
    writeFileSync(file, ['activity_id,organisation_id,organisation', 'whatif-big,gem,', 'whatif-big,new-1,New 1', 'whatif-big,new-2,New 2'].join('\n'));
    const r = await analyze(DATA, '--assume', file, '--view', 'listed=whatif-big,not-there', '--json');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('--view: dropped listed=not-there: not in this data.\n');
  }, 60_000);

  it('fails with the problems when no row can be used', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bruggen-cli-'));
    const file = join(dir, 'bad.csv');
    writeFileSync(file, 'activity_id,organisation_id\n,gem\nX,ghost\n');
    const r = await analyze(DATA, '--assume', file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('bad.csv: 2 rows read, 0 used, 0 merged, 2 rejected.');
    expect(r.stderr).toContain('bad.csv row 2, activity_id:');
    expect(r.stderr).toContain('bad.csv row 3, organisation_id:');
  }, 60_000);
});

describe('npm run analyze -- --new-worklist / --worklist', () => {
  it('writes the suggested introductions and matches them against a later dataset', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bruggen-cli-'));
    const file = join(dir, 'worklist.csv');
    const written = await analyze(DATA, '--focal', 'gem', '--new-worklist', file, '--json');
    expect(written.code).toBe(0);
    const { worklist, report } = parseWorklistCsv(readFileSync(file, 'utf8'), 'worklist.csv');
    expect(report.rowsRejected).toBe(0);
    expect(JSON.parse(written.stdout).newWorklist.introductions).toBe(worklist.length);
    expect(worklist.map((i) => `${i.a.id}|${i.b.id}`)).toContain('tech-b|care-a');
    const matched = await analyze(DATA, join(FIXTURES, 'later-participations.csv'), '--worklist', file, '--json');
    expect(matched.code).toBe(0);
    const w = JSON.parse(matched.stdout).worklist;
    expect(w.tied + w.notTied + w.unmatched).toBe(worklist.length);
    const tied = w.introductions.filter((i: { match: { outcome: string } }) => i.match.outcome === 'tied');
    expect(tied.map((i: { a: { id: string }; b: { id: string }; match: { activities: string[] } }) => [i.a.id, i.b.id, i.match.activities])).toEqual([['tech-b', 'care-a', ['P8']]]);
  }, 60_000);

  it('refuses a file that is not a CSV, or a worklist without its columns; reads a Windows-1252 file and says so', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bruggen-cli-'));
    const image = join(dir, 'worklist.csv');
    writeFileSync(image, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]));
    for (const option of ['--worklist', '--assume']) {
      const r = await analyze(DATA, option, image);
      expect([r.code, r.stderr]).toEqual([1, '"worklist.csv" is an image, not a table. Fix: Export the table itself from the source as CSV or Excel.\n']);
    }
    const document = join(dir, 'export.json');
    writeFileSync(document, '{"dataset":{}}');
    expect((await analyze(DATA, '--worklist', document)).stderr).toContain('"export.json" is a JSON or GEXF document; this needs a CSV file.');
    // A header without organisation_a/b and no rows: before, "0 introductions" and exit 0.
    const headerOnly = join(dir, 'header.csv');
    writeFileSync(headerOnly, 'name,role\n');
    const h = await analyze(DATA, '--worklist', headerOnly);
    expect(h.code).toBe(1);
    expect(h.stderr).toContain('A worklist needs the columns organisation_a');
    // A scenario of a header only: no "see the problems above" when there are none.
    const scenarioHeader = join(dir, 'scenario.csv');
    writeFileSync(scenarioHeader, 'activity_id,organisation\n');
    const s = await analyze(DATA, '--assume', scenarioHeader);
    expect([s.code, s.stderr]).toEqual([
      1,
      'scenario.csv: 0 rows read, 0 used, 0 merged, 0 rejected.\nThe file has no rows below its header, so there is no scenario to compare. Fix: add the hypothetical participations, one per row (activity_id, organisation or organisation_id).\n',
    ]);
    const latin = join(dir, 'latin.csv');
    writeFileSync(latin, Buffer.from('activity_id,organisation_id,organisation\nNEW,caf,Caf\xe9 Z\xfcrich\nNEW,gem,Gemeente\n', 'latin1'));
    const l = await analyze(DATA, '--assume', latin);
    expect(l.code).toBe(0);
    expect(l.stderr).toContain('latin.csv: The file is not valid UTF-8, so it was read as Windows-1252');
    expect(l.stdout).toContain('Café Zürich');
  }, 60_000);

  it('refuses to write the new worklist over one of its inputs, by path or through a link', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bruggen-cli-'));
    const data = join(dir, 'data.csv');
    const original = readFileSync(DATA, 'utf8');
    writeFileSync(data, original);
    symlinkSync(data, join(dir, 'link.csv'));
    for (const [args, named] of [
      [[data, '--new-worklist', data], data],
      [[data, '--new-worklist', join(dir, '..', basename(dir), 'data.csv')], data],
      [[data, '--new-worklist', join(dir, 'link.csv')], data],
      [[DATA, '--assume', data, '--new-worklist', data], data],
    ] as const) {
      const r = await analyze(...args);
      expect([r.code, r.stderr]).toEqual([2, expect.stringContaining(`is also an input ("${named}"), which it would overwrite. Give another file name.`)]);
    }
    expect(readFileSync(data, 'utf8')).toBe(original);
  }, 60_000);

  it('says where it could not write the worklist, and what to do, without a stack trace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bruggen-cli-'));
    const file = join(dir, 'no-such-folder', 'worklist.csv');
    const r = await analyze(DATA, '--focal', 'gem', '--new-worklist', file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`Cannot write "${file}": ENOENT`);
    expect(r.stderr).toContain('Fix: give a file in a folder that exists');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);
});

describe('--view parity with the app', () => {
  // The app: tie rules from the view, sectors, cleanViewState, then applyFilters (session/store.ts).
  const { dataset } = loadBuiltinFromDisk();
  const appCounts = (query: string) => {
    const view = parseViewState(query);
    const network = buildNetwork(dataset, { ...DEFAULT_PROJECTION_RULES, ...view.rules });
    const sectors = sectorCodes(network);
    const { state } = cleanViewState(view, network, sectors);
    return applyFilters(network, sectors, state.filters).counts;
  };
  const queries = [
    '?years=2020-2020&undated=0',
    '?kind=project,living_lab,innovation&isolates=0',
    '?sector=tech,care,government&min=2',
    '?ego=gemeente-den-haag:2&stated=1',
    '?source=SIA,RVO&city=nowhere&listing=&weight=newman',
  ];

  it.each(queries)('gives the same counts as the app for %s', async (query) => {
    const { code, stdout } = await analyze('--view', query, '--json');
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    const counts = appCounts(query);
    expect(doc.graph.visible).toEqual(counts);
    expect([doc.meta.organisations, doc.meta.ties]).toEqual([counts.organisations, counts.ties]);
    expect(counts.organisations).toBeLessThan(counts.organisationsTotal);
  }, 60_000);
});

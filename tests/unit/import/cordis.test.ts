import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCanonicalFiles } from '../../../src/data/canonical';
import { runConverter, summariseOutcome, type ConverterSummary } from '../../../src/data/import/converter';
import { importFiles } from '../../../src/data/import/pipeline';
import { cordis, CORDIS, expectInvariant, fixture } from './helpers';

/** The real CORDIS H2020 "SC1 Health with a Dutch participant" files (data/cordis-h2020, CC BY 4.0). */
const PROJECTS = 'sc1_nl_projects.csv';
const PARTICIPATIONS = 'sc1_nl_participations.csv';

function memoryIO(files: Record<string, Uint8Array> = {}) {
  const written: Record<string, string> = {};
  let out = '';
  let err = '';
  return {
    io: {
      readFile: async (p: string) => files[p] ?? new Uint8Array(readFileSync(p)),
      writeFile: async (p: string, t: string) => void (written[p] = t),
      out: (t: string) => void (out += t),
      err: (t: string) => void (err += t),
    },
    written,
    output: () => out,
    errors: () => err,
  };
}

describe('the real CORDIS dataset', () => {
  it('imports through the pipeline with every row accounted for', async () => {
    const { outcome, plans } = await importFiles([cordis(PROJECTS), cordis(PARTICIPATIONS)]);
    expectInvariant(outcome.report);
    expect(plans.map((p) => [p.mapping.role, p.mapping.layout])).toEqual([['activities', 'cordis'], ['participations', 'cordis']]);
    // As PROVENANCE.md states: 466 projects, 7,407 participations, 2,757 organisations.
    expect(summariseOutcome(outcome)).toMatchObject({
      rowsRead: 7873,
      rowsUsed: 7873,
      rowsMerged: 0,
      rowsRejected: 0,
      organisations: 2757,
      activities: 466,
      participations: 7407,
    });
    // CORDIS activity types are a starting point, not the answer: every sector is inferred, with its reason.
    const orgs = outcome.dataset.organisations;
    expect(orgs.every((o) => o.sectorInferred && o.sectorReason)).toBe(true);
    const byName = (pattern: RegExp) => orgs.find((o) => pattern.test(o.name))!;
    expect(byName(/ERASMUS UNIVERSITAIR MEDISCH CENTRUM/)).toMatchObject({ sector: 'knowledge', sectorReason: 'name:academic-hospital', organisationType: 'HES', city: 'ROTTERDAM', country: 'NL' });
    expect(byName(/^STICHTING SINT ANTONIUS ZIEKENHUIS$/)).toMatchObject({ sector: 'care', sectorReason: 'name:hospital', organisationType: 'REC' });
    expect(byName(/^STICHTING GGZ INGEEST$/)).toMatchObject({ sector: 'care', sectorReason: 'name:mental-health', organisationType: 'REC' });
    expect(byName(/^ROBOT CARE SYSTEMS BV$/)).toMatchObject({ sector: 'tech', sectorReason: 'name:tech-company' });
    expect(byName(/^NEMO HEALTHCARE BV$/)).toMatchObject({ sector: 'tech', sectorReason: 'type:PRC' });
    expect(byName(/^UNIVERSITEIT UTRECHT$/)).toMatchObject({ sector: 'knowledge', sectorReason: 'name:university' });
    // The sector shares docs/import.md reports (care was 23 with the previous rules).
    const shares = new Map<string, number>();
    for (const o of orgs) shares.set(o.sector, (shares.get(o.sector) ?? 0) + 1);
    expect(Object.fromEntries(shares)).toEqual({ care: 76, citizens: 34, finance: 2, government: 235, knowledge: 1083, network: 45, other: 220, tech: 1062 });
  });

  it('converts with the converter to the same counts, and the canonical output reads back identically', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bruggen-cordis-'));
    const out = join(dir, 'cordis.csv');
    const json = join(dir, 'summary.json');
    // The real command line, as documented.
    execFileSync(process.execPath, ['--import', 'tsx', 'scripts/convert-cordis.ts', join(CORDIS, PROJECTS), join(CORDIS, PARTICIPATIONS), '-o', out, '--json', json], { stdio: 'pipe' });
    const cli = JSON.parse(readFileSync(json, 'utf8')) as ConverterSummary;
    const { outcome } = await importFiles([cordis(PROJECTS), cordis(PARTICIPATIONS)]);
    expect(cli).toEqual(summariseOutcome(outcome));
    const back = parseCanonicalFiles(['cordis.organisations.csv', 'cordis.activities.csv', 'cordis.csv'].map((f) => ({ name: f, text: readFileSync(join(dir, f), 'utf8') })));
    expect(back.report.rowsRejected).toBe(0);
    expect(back.dataset.participations).toHaveLength(7407);
    expect(back.dataset.organisations.map((o) => [o.id, o.name, o.sector])).toEqual(outcome.dataset.organisations.map((o) => [o.id, o.name, o.sector]));
  }, 60_000);

  it('the committed subset converts in-process to the same counts as the pipeline', async () => {
    const m = memoryIO();
    const code = await runConverter('cordis', ['tests/fixtures/import/cordis-sc1-subset-projects.csv', 'tests/fixtures/import/cordis-sc1-subset-participations.csv', '--json', 's.json', '-o', 'o.csv'], m.io);
    expect(code).toBe(0);
    const { outcome } = await importFiles([fixture('cordis-sc1-subset-projects.csv'), fixture('cordis-sc1-subset-participations.csv')]);
    expect(JSON.parse(m.written['s.json']!)).toEqual(summariseOutcome(outcome));
    expect(summariseOutcome(outcome)).toMatchObject({ rowsRead: 61, rowsUsed: 61, activities: 5, participations: 56 });
    expect(m.errors()).toContain('Total: 61 rows read = 61 used + 0 merged + 0 rejected.');
  });
});

describe('converters reject bad input with the same specific messages', () => {
  const run = async (kind: 'cordis' | 'nwopen', args: string[], files: Record<string, Uint8Array> = {}) => {
    const m = memoryIO(files);
    const code = await runConverter(kind, args, m.io);
    return { code, err: m.errors(), out: m.output() };
  };
  const bytes = (s: string) => new TextEncoder().encode(s);

  it('exit 2 on bad usage, 1 on bad files, 0 on success', async () => {
    expect((await run('cordis', [])).code).toBe(2);
    expect((await run('cordis', ['a', 'b', 'c'])).code).toBe(2);
    expect((await run('cordis', ['x.csv', '--bogus'])).code).toBe(2);
    const binary = await run('cordis', ['tests/fixtures/import/broken.csv']);
    expect(binary.code).toBe(1);
    expect(binary.err).toContain('is not a text file: it contains binary data');
    const empty = await run('nwopen', ['e.csv'], { 'e.csv': new Uint8Array() });
    expect(empty).toMatchObject({ code: 1 });
    expect(empty.err).toContain('The file is empty (0 bytes)');
    const header = await run('nwopen', ['h.csv'], { 'h.csv': bytes('project_id;organisation\n') });
    expect(header.code).toBe(1);
    expect(header.err).toContain('but no data rows below it');
    expect(header.err).toContain('No participations were imported, so there is no network: h.csv has a header but no rows.');
    const unknown = await run('nwopen', ['tests/fixtures/import/deelnemers-cp1252.csv']);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('no column was recognised as "activity_id" or "organisation" (found columns: Trajectcode, Trajectnaam, Betrokkene');
    const notCordis = await run('cordis', ['tests/fixtures/import/nwopen-export.csv']);
    expect(notCordis.code).toBe(1);
    expect(notCordis.err).toContain('this is not a CORDIS file');
    expect((await run('nwopen', ['tests/fixtures/import/cordis-organization.csv'])).err).toContain('use convert-cordis.ts instead');
  });

  it('names a file it cannot write, and what to do (exit 1, no stack trace)', async () => {
    const m = memoryIO();
    m.io.writeFile = async (p: string) => {
      if (p.startsWith('/missing/')) throw Object.assign(new Error(`ENOENT: no such file or directory, open '${p}'`), { code: 'ENOENT' });
    };
    const report = await runConverter('nwopen', ['tests/fixtures/import/sia-projecten.csv', '--report', '/missing/report.csv'], m.io);
    expect(report).toBe(1);
    expect(m.errors()).toContain('Cannot write "/missing/report.csv": ENOENT: no such file or directory');
    expect(m.errors()).toContain('Fix: give a file in a folder that exists');
    const out = memoryIO();
    out.io.writeFile = m.io.writeFile;
    expect(await runConverter('nwopen', ['tests/fixtures/import/sia-projecten.csv', '-o', '/missing/out.csv'], out.io)).toBe(1);
    expect(out.errors()).toContain('Cannot write "/missing/out.csv"');
    expect(out.errors()).not.toContain('Wrote ');
  });

  it('writes canonical CSV to stdout and the report to stderr', async () => {
    const ok = await run('nwopen', ['tests/fixtures/import/sia-projecten.csv']);
    expect(ok.code).toBe(0);
    expect(ok.out.split('\n')[0]).toBe('activity_id,activity_title,activity_kind,source,scheme,theme,start_year,end_year,organisation_id,organisation,sector,city,region,country,role,provenance,confidence');
    expect(ok.err).toContain('sia-projecten.csv (participations, utf-8-bom, separator ";"): 5 rows read = 4 used + 1 merged + 0 rejected');
  });
});

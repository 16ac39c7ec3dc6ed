import { execFile, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { HELPER_LOUVAIN_SHARE } from '../../../scripts/lib/stageHelper';

const run = promisify(execFile);
const TSX = join(__dirname, '../../../node_modules/.bin/tsx');
const SCRIPT = join(__dirname, '../../../scripts/analyze.ts');

/** `npm run analyze`: the command line compiled by scripts/cli.mjs. */
const COMPILED = join(__dirname, '../../../scripts/cli.mjs');
const CORDIS = join(__dirname, '../../../data/cordis-h2020');

async function analyze(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return runCommand(TSX, [SCRIPT, ...args]);
}

async function runCommand(command: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(command, args, { maxBuffer: 256 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('npm run analyze', () => {
  it('summarises the built-in Den Haag data: missing bridges, clusters, conveners', async () => {
    const { code, stdout } = await analyze('--k', '3');
    expect(code).toBe(0);
    expect(stdout).toContain('Den Haag care-innovation ecosystem');
    // A missing bridge is judged against the two-mode null model's interval.
    expect(stdout).toMatch(/Missing bridges\n-+\n• Technology and government have \d+ ties; chance would give \d+–\d+: a missing bridge\./);
    expect(stdout).toContain('Conveners');
    expect(stdout.match(/^\d\. .+ \(\w+\) links /gm)).toHaveLength(3);
    // One focal organisation, by name, never "the municipality" for every public body.
    expect(stdout).toMatch(/Our municipality\n-+\n• Gemeente Den Haag /);
  }, 60_000);

  it("lists rejected rows and each kind of warning in the summary's language, with how many and where the first is", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bruggen-cli-warnings-'));
    const file = join(dir, 'p.csv');
    writeFileSync(file, 'activity_id,organisation_id,organisation,start_year\nA1,x1,,2020\nA1,x2,,20x0\nA2,x1,,\nA2,x3,Zorg Drie,1800\nA3,,Zorg Vier,\n,x9,Iemand,\n');
    const nl = await runCommand(process.execPath, [COMPILED, file, '--lang', 'nl']);
    expect(nl.code).toBe(0);
    expect(nl.stdout).toContain('  p.csv rij 7, activity_id: Deze rij heeft geen activity_id,');
    expect(nl.stdout).toContain('  waarschuwing, 2×, eerst op p.csv rij 2, organisation: Organisatie-id "x1" heeft op deze rij geen naam;');
    expect(nl.stdout).toContain('  waarschuwing, 2×, eerst op p.csv rij 3, start_year: "20x0" is geen jaartal');
    const en = await runCommand(process.execPath, [COMPILED, file, '--lang', 'en']);
    expect(en.stdout).toContain('  warning, 2×, first at p.csv row 3, start_year: "20x0" is not a year');
  }, 60_000);

  it('gives the figures of the view it analysed, with filters, and words numbers and sectors as the app does', async () => {
    const nl = await runCommand(process.execPath, [COMPILED, '--view', 'source=SIA', '--lang', 'nl']);
    expect(nl.code).toBe(0);
    const [, counts, view] = nl.stdout.split('\n');
    // It read "229 organisaties, 114 activiteiten, 173 verbindingen": all organisations beside the view's ties.
    const shown = /^Weergave: (\d+) van 229 organisaties, (\d+) van 114 activiteiten, (\d+) van 373 verbindingen\.$/.exec(view!)!;
    expect(shown).not.toBeNull();
    expect(counts).toMatch(new RegExp(`^${shown[1]} organisaties, ${shown[2]} activiteiten, ${shown[3]} verbindingen; .+ \\(modulariteit \\d,\\d\\d\\)\\.$`));
    // The brokers' sectors as the legend names them, decimals with a comma.
    expect(nl.stdout).toMatch(/^ {2}.+ \((Overheid|Zorg en welzijn|Kennis en onderwijs|Netwerk en intermediair|Technologie|Financiering|Burgers en cliënten|Overig)\): tussenpositie \d,\d{3}, beperking (\d,\d\d|–), /m);
  }, 60_000);

  it('reads a --view link as the app reads a pasted one: from the first "?", without the "#…"', async () => {
    // The fragment was read as part of k's value ("ignored k=3#frag=1") and a later k=4 was used.
    const { code, stdout, stderr } = await analyze('--view', 'https://example.org/bruggen/?k=3#frag=1&k=4');
    expect([code, stderr]).toEqual([0, '']);
    expect(stdout.match(/^\d\. .+ \(\w+\) links /gm)).toHaveLength(3);
  }, 60_000);

  it('stops quietly when its reader goes away (| head), instead of a stack trace', async () => {
    for (const args of [['--json'], []]) {
      const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [COMPILED, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
        let stderr = '';
        child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
        // Read the first bytes, then close the pipe, as `head -c 10` does.
        child.stdout.once('data', () => child.stdout.destroy());
        child.on('close', (code) => resolve({ code, stderr }));
      });
      expect(stderr, args.join(' ')).not.toMatch(/EPIPE|Error/);
      expect(code, args.join(' ')).toBe(0);
    }
  }, 60_000);

  it('never sends a control character from an option or a file to the terminal', async () => {
    // An escape sequence given as --focal (or in a file name) was echoed raw: it could clear the
    // screen or retitle the window.
    const dir = mkdtempSync(join(tmpdir(), 'bruggen-cli-esc-'));
    const file = join(dir, 'esc\u001b]0;PWNED\u0007.csv');
    writeFileSync(file, 'activity_id,organisation\nA1,One\nA1,Two\n');
    const { code, stdout, stderr } = await analyze(file, '--focal', '\u001b[31mRED');
    expect(code).toBe(0);
    expect(stderr).toContain('--focal: no organisation in this data has the id "\\u001b[31mRED"');
    expect(stdout).toContain('esc\\u001b]0;PWNED\\u0007.csv');
    // eslint-disable-next-line no-control-regex
    expect(`${stdout}${stderr}`).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/);
  }, 60_000);

  it('prints one JSON document with the documented schema', async () => {
    const { code, stdout } = await analyze('--json', '--targets', 'tech,care,government,citizens', '--exact');
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    expect(Object.keys(doc)).toEqual(
      expect.arrayContaining(['import', 'graph', 'organisations', 'activities', 'ties', 'components', 'communities', 'mixing', 'conveners', 'suggestions', 'municipality', 'meta']),
    );
    expect(doc.import.rowsRead).toBe(doc.import.rowsUsed + doc.import.rowsMerged + doc.import.rowsRejected);
    expect(doc.graph.organisations).toBe(doc.organisations.length);
    expect(doc.meta.targets).toEqual(['tech', 'care', 'government', 'citizens']);
    expect(doc.meta.betweenness.estimated).toBe(false);
    const row = doc.organisations.find((o: { id: string }) => o.id === 'gemeente-den-haag');
    expect(Object.keys(row)).toEqual(expect.arrayContaining(['id', 'name', 'sector', 'degree', 'strength', 'betweenness', 'constraint', 'effectiveSize', 'component', 'community', 'brokerage']));
    const md = doc.activities.find((a: { id: string }) => a.id === 'md-partnership');
    expect(md.organisations).toContain('gemeente-delft');
    expect(md.organisations).not.toContain('gemeente-den-haag');
    expect(doc.ties[0]).toEqual({ source: expect.any(String), target: expect.any(String), weight: expect.any(Number), bridge: expect.any(Boolean) });
  }, 60_000);

  it('analyses a canonical file given on the command line and reports its rejected rows', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bruggen-cli-'));
    const file = join(dir, 'mine.csv');
    writeFileSync(file, 'activity_id,organisation,sector\nA1,Gemeente Delft,government\nA1,TU Delft,knowledge\n,Nobody,care\nA2,TU Delft,knowledge\nA2,Robot BV,tech\n');
    const { code, stdout } = await analyze(file);
    expect(code).toBe(0);
    expect(stdout).toContain('Import: 5 rows read, 4 used, 0 merged, 1 rejected');
    expect(stdout).toMatch(/mine\.csv row 4, activity_id: /);
    expect(stdout).toContain('3 organisations, 2 activities, 2 ties');
  }, 60_000);

  it('says why a file whose name is not UTF-8 is not found, and what to do', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bruggen-cli-'));
    // "café.csv" in Latin-1: the name's bytes are c a f 0xE9; the shell passes them on as they are.
    writeFileSync(Buffer.concat([Buffer.from(`${dir}/caf`), Buffer.from([0xe9]), Buffer.from('.csv')]), 'activity_id,organisation\nA,X\nA,Y\n');
    const { code, stderr } = await runCommand('sh', ['-c', `"$0" "$1" "$(printf '%s/caf\\351.csv' "$2")"`, process.execPath, COMPILED, dir]);
    expect(code).toBe(1);
    expect(stderr).toContain('no file has this name: it holds bytes that are not UTF-8 (shown as \uFFFD)');
    expect(stderr).toContain('Fix: rename the file with UTF-8 characters only');
  }, 60_000);

  it('fails with a specific message on bad input and bad options', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bruggen-cli-'));
    const binary = join(dir, 'broken.csv');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2, 3, 0, 0, 255]));
    const bad = await analyze(binary);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('broken.csv');
    expect(bad.stderr).toMatch(/broken\.csv" is an image, not a table\. Fix: /);
    const missing = await analyze(join(dir, 'nope.csv'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('Cannot read');
    // A device never ends (/dev/zero was read until memory ran out) and a pipe without a writer
    // never answers: both are refused before reading, as is a folder, with what to do instead.
    const fifo = join(dir, 'pipe.csv');
    execFileSync('mkfifo', [fifo]);
    const assume = join(__dirname, '../../../data/den-haag/participations.csv');
    for (const args of [['/dev/zero'], [fifo], [assume, '--assume', '/dev/zero'], [assume, '--worklist', fifo]]) {
      const out = await analyze(...args);
      expect([out.code, out.stderr]).toEqual([1, expect.stringMatching(/^Cannot read ".+": it is not a file but a device, pipe or socket, which may never end\. Fix: save the data to a file/)]);
    }
    const folder = await analyze(dir);
    expect([folder.code, folder.stderr]).toEqual([1, expect.stringContaining('it is a folder. Fix: give the files in it')]);
    const usage = await analyze('--targets', 'tech,aliens');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('Unknown sector(s) in --targets: aliens');
    // One sector named twice is one target, not the two the analysis needs.
    for (const targets of ['tech,tech', 'care, care,care']) {
      const twice = await analyze('--targets', targets);
      expect([twice.code, twice.stderr.split('\n')[0]]).toEqual([2, '--targets needs at least two sectors, e.g. --targets tech,care,government.']);
    }
    // The same range as a link's res: beyond it every organisation is its own community.
    // Numbers as a link writes them (decimal digits): 0x1, 1e0 and " 3" were taken.
    for (const res of ['1e308', '0', 'NaN', '10.5', '0x1', '1e0', '1e-320', ' 1']) {
      const out = await analyze('--resolution', res);
      expect([out.code, out.stderr.split('\n')[0]]).toEqual([2, '--resolution must be a number above 0 and at most 10 (1 is standard modularity).']);
    }
    for (const k of ['0x3', '1e0', ' 3', '3.0', '11']) {
      const out = await analyze('--k', k);
      expect([out.code, out.stderr.split('\n')[0]]).toEqual([2, '--k must be a whole number from 1 to 10.']);
    }
  }, 60_000);

  it('names the activities that make a network too large to build, and the --view that lists them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bruggen-cli-'));
    const file = join(dir, 'huge.csv');
    // 2,500 participants: 3,123,750 ties (and one more from A2), over the 3,000,000 the projection builds.
    const rows = Array.from({ length: 2_500 }, (_, i) => `everyone,Org ${i},${i === 0 ? 'network' : 'tech'},${i === 0 ? 'coordinator' : ''}`);
    writeFileSync(file, `activity_id,organisation,sector,role\n${rows.join('\n')}\nA2,Org 1,tech,\nA2,Org 2,tech,\n`);
    const refused = await analyze(file, '--k', '2');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('The network would have 3,123,751 ties');
    expect(refused.stderr).toContain('  everyone: 2,500 participants, 3,123,750 ties');
    expect(refused.stderr).not.toMatch(/\n\s+at /);
    const view = refused.stderr.match(/--view "([^"]+)"/)![1]!;
    // The options given stay in it (--k is part of the view).
    expect(view).toBe('k=2&listed=everyone');
    // The suggested view builds: the activity is tied to its coordinator only.
    const listed = await analyze(file, '--view', view);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain('2,500 organisations, 2 activities, 2,500 ties');
  }, 60_000);

  it('says which --view values and parameters it could not read, and goes on with the rest', async () => {
    const [{ code, stdout, stderr }, clean] = await Promise.all([
      analyze('--view', 'k=abc&colour=bogus&sector=alien,care&colr=x&reach=2&reach=1&years=2020-2006', '--k', '3'),
      analyze('--view', 'sector=care&reach=2&years=2006-2020', '--k', '3'),
    ]);
    expect(code).toBe(0);
    expect(stderr).toContain('--view: ignored k=abc: not a value k can have.');
    expect(stderr).toContain('--view: ignored colour=bogus: not a value colour can have.');
    expect(stderr).toContain('--view: ignored sector=alien: not a value sector can have.');
    expect(stderr).toMatch(/--view: ignored unknown parameter\(s\) colr=x; a view has: view, source, /);
    expect(stderr).toContain('--view: ignored reach=1: given more than once; the first value is used.');
    expect(stderr).toContain('--view: read years=2020-2006 the other way round (earliest year first).');
    // The rest of the view, and --k, count as if the unreadable parts were not there.
    expect(clean.stderr).toBe('');
    expect(stdout).toBe(clean.stdout);
    expect(stdout).toContain('Conveners');
  }, 60_000);

  it('says when a listing kind matches no activity (a typo replaced the default kinds without a word)', async () => {
    const [typo, viaView, fine, none] = await Promise.all([
      analyze('--listing-kinds', 'consultaton,fund', '--json'),
      analyze('--view', 'listing=__proto__', '--json'),
      analyze('--listing-kinds', 'consultation,fund,event', '--json'),
      analyze('--listing-kinds', '', '--json'),
    ]);
    expect(typo.code).toBe(0);
    expect(typo.stderr).toBe(
      'Listing kinds (--listing-kinds, or listing= in --view): no activity in this data is of kind "consultaton". The kinds given replace the default ones, so the listings are now the activities of kind: consultaton, fund (default: consultation, fund). Kinds in this data: award, campus, chair, consultation, event, fund, innovation, lectorate, living_lab, network, partnership, pps, practorate, procurement, project, study.\n',
    );
    expect(viaView.stderr).toContain('no activity in this data is of kind "__proto__"');
    // Kinds the data has, and no kinds at all, are choices, not typos.
    expect([fine.stderr, none.stderr]).toEqual(['', '']);
    expect(JSON.parse(typo.stdout).graph.ties).toBeGreaterThan(JSON.parse(fine.stdout).graph.ties);
  }, 60_000);

  it('names an unknown --focal as that option, and one in a --view as the view', async () => {
    const [option, view] = await Promise.all([analyze('--focal', 'nobody'), analyze('--view', 'focal=nobody')]);
    expect([option.code, option.stderr]).toEqual([0, '--focal: no organisation in this data has the id "nobody"; the dataset\'s own focal organisation is used, if it has one.\n']);
    expect([view.code, view.stderr]).toEqual([0, '--view: dropped focal=nobody: not in this data.\n']);
    expect(option.stdout).toBe(view.stdout);
  }, 60_000);

  it('runs compiled (npm run analyze) with the same output as under tsx', async () => {
    const [compiled, tsx] = await Promise.all([runCommand(process.execPath, [COMPILED, '--lang', 'en']), analyze('--lang', 'en')]);
    expect(compiled.code).toBe(0);
    expect(compiled.stdout).toContain('Missing bridges');
    expect(compiled.stdout).toBe(tsx.stdout);
  });

  it('closes the early helper when a large file makes a small network, and still finishes', async () => {
    // About 1.3 MB of participations, two organisations per activity: past the size at which the
    // helper starts before reading, far below the ties at which it takes analysis stages.
    const lines = ['activity_id,organisation,organisation_type'];
    for (let a = 0; a < 9_000; a++) {
      lines.push(`activity-${a},Zorgorganisatie nummer ${a} met een lange naam,`);
      lines.push(`activity-${a},Technologiebedrijf nummer ${a + 1} B.V.,`);
    }
    const file = join(mkdtempSync(join(tmpdir(), 'bruggen-early-helper-')), 'participations.csv');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const { code, stderr } = await runCommand(process.execPath, [COMPILED, file, '--threads', '2', '--timings', '--lang', 'en']);
    expect(code).toBe(0);
    const timings = JSON.parse(stderr.slice(stderr.lastIndexOf('\n{'))) as { threads: number; sectorGuesses: { taken: number; made: number } };
    expect(timings.threads).toBe(1);
    expect(timings.sectorGuesses.taken + timings.sectorGuesses.made).toBe(18_000);
  }, 120_000);

  it('gives the same document on two threads as on one (CORDIS SC1, 68,294 ties: past the second thread\'s threshold)', async () => {
    const files = [join(CORDIS, 'sc1_nl_participations.csv'), join(CORDIS, 'sc1_nl_projects.csv')];
    const one = await runCommand(process.execPath, [COMPILED, ...files, '--json', '--threads', '1', '--timings']);
    const two = await runCommand(process.execPath, [COMPILED, ...files, '--json', '--threads', '2', '--timings']);
    expect(one.code).toBe(0);
    expect(two.code).toBe(0);
    // --timings says which thread did what: the two-thread run really used its helper.
    const timingsOf = (stderr: string) =>
      JSON.parse(stderr.slice(stderr.lastIndexOf('\n{'))) as { threads: number; sectorGuesses: { taken: number; made: number } | null; louvainRuns: { helper: number; total: number } | null };
    expect(timingsOf(one.stderr)).toMatchObject({ threads: 1, sectorGuesses: null, louvainRuns: null });
    // The helper made its share (HELPER_LOUVAIN_SHARE, rounded up) of the 64 first-round Louvain runs.
    expect(timingsOf(two.stderr).louvainRuns).toMatchObject({ helper: Math.ceil(64 * HELPER_LOUVAIN_SHARE) });
    expect(timingsOf(two.stderr).louvainRuns!.total).toBeGreaterThan(64);
    // The input (1.4 MB) starts the helper before the files are read, to guess sectors meanwhile:
    // CORDIS has no sector column, so every organisation is guessed, there or (what had not
    // arrived) here, and the document is the same.
    const guesses = timingsOf(two.stderr).sectorGuesses!;
    expect(timingsOf(two.stderr).threads).toBe(2);
    expect(guesses.taken + guesses.made).toBe(2_757);
    const withoutTimes = (text: string) => {
      const doc = JSON.parse(text) as { meta: Record<string, unknown>; ties: unknown[] };
      delete doc.meta.timings;
      delete doc.meta.totalMs;
      return doc;
    };
    const a = withoutTimes(one.stdout);
    expect(a.ties.length).toBe(68_294);
    expect(withoutTimes(two.stdout)).toEqual(a);
    // The document is written a top-level value at a time (with the helper's tie rows in their
    // place on two threads): byte for byte what one JSON.stringify of the whole writes.
    for (const { stdout } of [one, two]) expect(stdout).toBe(`${JSON.stringify(JSON.parse(stdout))}\n`);
  }, 120_000);
});

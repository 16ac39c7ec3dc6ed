/**
 * Bruggen on all of CORDIS H2020 (data/cordis-h2020, CC BY 4.0: 144,726 participations, 35,871
 * organisations, 796,670 ties), against igraph's C core as a reference, with the targets of the
 * speed issue:
 *
 *   npm run bench:h2020                 # one Bruggen run, one igraph run
 *   npm run bench:h2020 -- --runs 3     # alternating runs (igraph, Bruggen, igraph, …); medians
 *   options: --no-igraph, --keep (keep the CLI's JSON output in the temp folder),
 *            --threads 1|2 (passed to the CLI; default: its own, 2 on a 2-core machine)
 *
 * 1. Once, the vendored `h2020.csv.gz` and the organisation names by PIC are joined into one
 *    participations CSV in the CORDIS-derived layout (project_rcn, pic, organisation_name, …) in the
 *    temp folder, reused while the sources are unchanged. This is not part of the timed run.
 * 2. The command line, as a user runs it (`npm run analyze`): `node scripts/cli.mjs <csv> --json
 *    --timings`, its JSON written to a file. The launcher's compiled bundle is brought up to date
 *    first, untimed (it is rebuilt only after a source changes). Its wall time is measured from outside (process start
 *    to exit: start-up, reading, building, projection, every stage, JSON); the CLI reports each step,
 *    its CPU time and its peak memory (maxRSS).
 * 3. If Python igraph is installed (Debian's python3-igraph for /usr/bin/python3, or the wheel),
 *    scripts/igraph-h2020.py on the same file: read, projection, Louvain, components, constraint.
 *
 * The machine is shared: quote medians, and look at CPU time beside wall time.
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, openSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { H2020_GZ as GZ, h2020ParticipationsCsv } from './lib/h2020';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const WORK = join(tmpdir(), 'bruggen-bench-h2020');
const CSV = join(WORK, 'h2020_participations.csv');

const argv = process.argv.slice(2);
const runs = Math.max(1, Number(argv[argv.indexOf('--runs') + 1]) || 1);
const withIgraph = !argv.includes('--no-igraph');
const keep = argv.includes('--keep');
const threadsArg = argv.includes('--threads') ? ['--threads', argv[argv.indexOf('--threads') + 1]!] : [];

const TARGETS = { readMs: 3000, stepMs: 5000, peakBytes: 1.5e9 };

interface BruggenRun {
  wallMs: number;
  cpuMs: number;
  maxRssMB: number;
  /** Steps that follow each other. */
  timings: Record<string, number>;
  /** Steps inside the analysis (they overlap with two threads). */
  inner: Record<string, number>;
  threads: number;
  /** Sector guesses taken from the helper thread while the rows were read, and made on the main one. */
  sectorGuesses: { taken: number; made: number } | null;
  /** Louvain runs of the communities made on the helper thread, of all. */
  louvainRuns: { helper: number; total: number } | null;
  outputBytes: number;
  exitCode: number | null;
}

function runBruggen(): Promise<BruggenRun> {
  const out = join(WORK, 'analysis.json');
  const fd = openSync(out, 'w');
  const t = performance.now();
  const child = spawn(process.execPath, [join(ROOT, 'scripts', 'cli.mjs'), CSV, '--json', '--timings', ...threadsArg], {
    cwd: ROOT,
    stdio: ['ignore', fd, 'pipe'],
  });
  let stderr = '';
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (d: string) => (stderr += d));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - t;
      closeSync(fd);
      const last = stderr.trim().split('\n').pop() ?? '';
      let report: { timings: Record<string, number>; inner: Record<string, number>; threads: number; sectorGuesses?: BruggenRun['sectorGuesses']; louvainRuns?: BruggenRun['louvainRuns']; cpuMs: number; maxRssMB: number };
      try {
        report = JSON.parse(last) as typeof report;
      } catch {
        reject(new Error(`The command line failed (exit ${code}):\n${stderr.slice(-4000)}`));
        return;
      }
      const outputBytes = statSync(out).size;
      if (!keep) rmSync(out);
      resolve({ wallMs, cpuMs: report.cpuMs, maxRssMB: report.maxRssMB, timings: report.timings, inner: report.inner, threads: report.threads, sectorGuesses: report.sectorGuesses ?? null, louvainRuns: report.louvainRuns ?? null, outputBytes, exitCode: code });
    });
  });
}

interface IgraphRun {
  wallMs: number;
  total: number;
  cpu: number;
  maxRssMB: number;
  steps: Record<string, number>;
  organisations: number;
  ties: number;
  communities: number;
  modularity: number;
  components: number;
  igraph: string;
}

function igraphPython(): string | null {
  for (const py of ['/usr/bin/python3', 'python3']) {
    const r = spawnSync(py, ['-c', 'import igraph'], { stdio: 'ignore' });
    if (r.status === 0) return py;
  }
  return null;
}

function runIgraph(py: string): IgraphRun {
  const t = performance.now();
  const r = spawnSync(py, [join(ROOT, 'scripts', 'igraph-h2020.py'), GZ], { encoding: 'utf8', maxBuffer: 1 << 24 });
  const wallMs = performance.now() - t;
  if (r.status !== 0) throw new Error(`igraph-h2020.py failed:\n${r.stderr}`);
  return { wallMs, ...(JSON.parse(r.stdout.trim().split('\n').pop()!) as Omit<IgraphRun, 'wallMs'>) };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const k = s.length >> 1;
  return s.length % 2 ? s[k]! : (s[k - 1]! + s[k]!) / 2;
};
const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const spread = (xs: number[], f: (x: number) => string) => {
  if (xs.length === 1) return f(xs[0]!);
  const lo = xs.reduce((a, b) => Math.min(a, b), Infinity);
  const hi = xs.reduce((a, b) => Math.max(a, b), -Infinity);
  return `${f(median(xs))} [${f(lo)}–${f(hi)}]`;
};

const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');
console.log(`bench:h2020 — Node ${process.version}, ${runs} run(s); load average at start ${load()}`);
const conversion = h2020ParticipationsCsv(WORK);
console.log(
  conversion.reused
    ? `Input: ${CSV} (${conversion.rows} rows; reused)`
    : `Input: ${CSV} (${conversion.rows} rows; converted from h2020.csv.gz + names in ${sec(conversion.ms)}, one-off, not counted)`,
);
const py = withIgraph ? igraphPython() : null;
if (withIgraph && !py) console.log('Python igraph is not installed (apt-get install python3-igraph): no reference.');

// Untimed: the compiled command line is brought up to date (as after a user's first run).
spawnSync(process.execPath, [join(ROOT, 'scripts', 'cli.mjs'), '--help'], { cwd: ROOT, stdio: 'ignore' });

const bruggen: BruggenRun[] = [];
const igraph: IgraphRun[] = [];
for (let r = 0; r < runs; r++) {
  if (py) igraph.push(runIgraph(py));
  bruggen.push(await runBruggen());
}

// Per step: the median over runs.
const steps = Object.keys(bruggen[0]!.timings);
const innerSteps = Object.keys(bruggen[0]!.inner);
const stepMs = (s: string) => median(bruggen.map((b) => b.timings[s] ?? b.inner[s] ?? 0));
const readMs = median(bruggen.map((b) => (b.timings['import: read files'] ?? 0) + (b.timings['import: decode + parse'] ?? 0) + (b.timings['import: build dataset'] ?? 0)));
const wall = bruggen.map((b) => b.wallMs);
const cpu = bruggen.map((b) => b.cpuMs);
const rss = bruggen.map((b) => b.maxRssMB);

console.log('');
console.log(
  `Bruggen command line (node scripts/cli.mjs h2020_participations.csv --json ${threadsArg.join(' ')}), ${bruggen[0]!.threads} thread(s), wall clock per step:`,
);
const width = [...steps, ...innerSteps.map((s) => `  ${s}`)].reduce((w, s) => Math.max(w, s.length), 0);
const stepLine = (label: string, ms: number) => console.log(`  ${label.padEnd(width)} ${sec(ms).padStart(9)}${ms >= TARGETS.stepMs ? '   > 5 s' : ''}`);
for (const s of steps) {
  stepLine(s, stepMs(s));
  const guesses = bruggen[0]!.sectorGuesses;
  if (s === 'import: build dataset' && guesses) console.log(`    sector guesses made on the helper thread meanwhile: ${guesses.taken} of ${guesses.taken + guesses.made} (first run)`);
  if (s.startsWith('analysis')) {
    for (const x of innerSteps) if (!x.startsWith('JSON')) stepLine(`  ${x}`, stepMs(x));
    const louvain = bruggen[0]!.louvainRuns;
    if (louvain) console.log(`    Louvain runs (communities) made on the helper thread: ${louvain.helper} of ${louvain.total} (first run)`);
  }
  if (s.startsWith('JSON document')) for (const x of innerSteps) if (x.startsWith('JSON')) stepLine(`  ${x}`, stepMs(x));
}
const accounted = median(bruggen.map((b) => Object.values(b.timings).reduce((a, x) => a + x, 0)));
console.log(`  ${'(start-up and the rest)'.padEnd(width)} ${sec(median(wall) - accounted).padStart(9)}`);
console.log(`  whole command: wall ${spread(wall, sec)}, CPU ${spread(cpu, sec)}, peak memory ${spread(rss, (x) => `${x.toFixed(0)} MB`)}, JSON ${(bruggen[0]!.outputBytes / 1e6).toFixed(1)} MB`);

let igraphWall: number | null = null;
if (igraph.length) {
  igraphWall = median(igraph.map((g) => g.total * 1000));
  const g = igraph[0]!;
  console.log('');
  console.log(`igraph ${g.igraph} (scripts/igraph-h2020.py: ${g.organisations} organisations, ${g.ties} ties, ${g.components} components, ${g.communities} Louvain communities, Q ${g.modularity.toFixed(3)}):`);
  for (const s of Object.keys(g.steps)) console.log(`  ${s.padEnd(12)} ${sec(median(igraph.map((x) => x.steps[s]! * 1000))).padStart(9)}`);
  console.log(
    `  core total: wall ${spread(igraph.map((x) => x.total * 1000), sec)} (process incl. Python start ${spread(igraph.map((x) => x.wallMs), sec)}), CPU ${spread(igraph.map((x) => x.cpu * 1000), sec)}, peak memory ${spread(igraph.map((x) => x.maxRssMB), (x) => `${x.toFixed(0)} MB`)}`,
  );
}

console.log('');
console.log(`Targets (load average at end ${load()}):`);
const verdict = (ok: boolean | null) => (ok === null ? 'n/a ' : ok ? 'PASS' : 'FAIL');
const rows: [string, string, string, boolean | null][] = [];
rows.push(['whole CLI analysis ≤ igraph core (wall)', igraphWall === null ? 'igraph not run' : `${sec(median(wall))} vs ${sec(igraphWall)} (×${(median(wall) / igraphWall).toFixed(2)})`, '≤ igraph', igraphWall === null ? null : median(wall) <= igraphWall]);
if (igraph.length > 1 && igraph.length === wall.length) {
  // Each Bruggen run against the igraph run next to it: steadier than two medians when the machine's speed drifts.
  const ratios = wall.map((w, i) => w / (igraph[i]!.total * 1000));
  rows.push(['  (paired, run by run)', `×${median(ratios).toFixed(2)} [${ratios.map((r) => r.toFixed(2)).join(', ')}]`, '', null]);
}
if (igraph.length) {
  const igCpu = median(igraph.map((x) => x.cpu * 1000));
  rows.push(['  (CPU time, for reference)', `${sec(median(cpu))} vs ${sec(igCpu)} (×${(median(cpu) / igCpu).toFixed(2)})`, '', null]);
}
rows.push(['peak memory (maxRSS)', `${(median(rss) / 1024).toFixed(2)} GB`, '< 1.5 GB', median(rss) * 1024 * 1024 < TARGETS.peakBytes]);
rows.push(['reading 144k rows (files + parse + dataset)', sec(readMs), '< 3 s', readMs < TARGETS.readMs]);
// Single steps: the analysis is not one step but the stages inside it.
const single = [...steps.filter((s) => !s.startsWith('analysis')), ...innerSteps];
const slowest = single.reduce((a, s) => (stepMs(s) > stepMs(a) ? s : a), single[0]!);
rows.push([`any single step (slowest: ${slowest})`, sec(stepMs(slowest)), '< 5 s', stepMs(slowest) < TARGETS.stepMs]);
const w0 = rows.reduce((w, r) => Math.max(w, r[0].length), 0);
const w1 = rows.reduce((w, r) => Math.max(w, r[1].length), 0);
for (const [what, value, target, ok] of rows) console.log(`  ${what.padEnd(w0)}  ${value.padEnd(w1)}  ${target.padEnd(9)} ${ok === null && !target ? '' : verdict(ok)}`);
if (bruggen.some((b) => b.exitCode !== 0)) {
  console.log('The command line exited with an error.');
  process.exitCode = 1;
}

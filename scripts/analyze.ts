/**
 * The missing-bridges analysis on the command line, for researchers and batch use.
 *
 *   npm run analyze -- [files...] [options]   (--help lists them)
 *
 * Reads the same formats as the app (canonical CSVs, CORDIS, NWOpen/SIA, RVO, xlsx, the app's
 * JSON/GEXF); with no file it analyses the built-in Den Haag dataset. Runs the app's staged
 * analysis, with the app's tie rules and (with --view) the app's filters and options from a shared
 * link's query string. Prints a readable summary, or with --json one JSON document (schema in the
 * README). Exit codes: 0 done, 1 bad input, 2 bad usage.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { availableParallelism } from 'node:os';
import { analyseDataset, analyseDatasetConcurrently, type AnalysisResult } from '../src/analysis';
import type { RobustnessData, StructureData } from '../src/analysis/stages';
import { finiteOrNull } from '../src/analysis/util';
import { findingsOf } from '../src/analysis/findings';
import { loadFilesForCommandLine } from '../src/data/import/commandLine';
import { reportToText } from '../src/data/import/reportCsv';
import type { Dataset } from '../src/data/model';
import type { ImportReport } from '../src/data/report';
import { isSector, SECTORS, type Sector } from '../src/data/sectors';
import { DEFAULT_FILTERS } from '../src/filters/filters';
import { tieSources, type Projection } from '../src/graph/projection';
import { createTranslator, type Language } from '../src/i18n';
import { wordFinding } from '../src/i18n/findings';
import { cleanViewState } from '../src/session/clean';
import { parseViewState } from '../src/session/url';
import { DEFAULT_VIEW_STATE, type ViewState } from '../src/session/viewState';
import { buildNetwork, sectorCodes } from '../src/graph/network';
import { loadBuiltinFromDisk } from './lib/builtin';
import { startStageHelper, type RunningHelper } from './lib/stageHelper';

const USAGE = `Usage: npm run analyze -- [files...] [options]
With no file, the built-in Den Haag dataset (data/den-haag) is analysed.

Options:
  --view QUERY            the app's view: the query string of a shared link (filters, targets, k, reach, res, …)
  --targets LIST          target sectors, e.g. tech,care,government (default)
  --k N                   number of conveners, 1–10 (default 5)
  --reach 1|2             a convener's reach in steps (default 1)
  --resolution X          community resolution (default 1)
  --focal ID              the focal organisation ("our municipality"); default the dataset's own
  --listing-kinds LIST    activity kinds tied to their hub only (default consultation,fund; "" = none)
  --weight shared|newman  tie weight: shared activities (default) or Newman's 1/(n−1)
  --exact                 exact betweenness whatever the size
  --json                  one JSON document instead of the summary
  --threads 1|2           threads for the analysis stages (default 2 where the machine has 2 cores;
                          one for networks under 20,000 ties, where a second thread does not pay)
  --timings               print each step's time, the CPU time and the peak memory to stderr
  --lang en|nl            language of the summary (default en)
  -h, --help              this text`;

interface Options {
  files: string[];
  view: ViewState;
  exact: boolean;
  json: boolean;
  timings: boolean;
  threads: 1 | 2;
  lang: Language;
  /** Options given explicitly override the view's. */
  explicitFocal: boolean;
}

function parseOptions(argv: string[]): Options | { usage: string; code: number } {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        view: { type: 'string' },
        targets: { type: 'string' },
        k: { type: 'string' },
        reach: { type: 'string' },
        resolution: { type: 'string' },
        focal: { type: 'string' },
        'listing-kinds': { type: 'string' },
        weight: { type: 'string' },
        exact: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        timings: { type: 'boolean', default: false },
        threads: { type: 'string' },
        lang: { type: 'string', default: 'en' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    return { usage: `${(e as Error).message}`, code: 2 };
  }
  const v = parsed.values;
  if (v.help) return { usage: '', code: 0 };
  let view: ViewState = v.view !== undefined ? parseViewState(v.view.startsWith('?') ? v.view : `?${v.view.replace(/^.*\?/, '')}`) : { ...DEFAULT_VIEW_STATE };
  if (v.targets !== undefined) {
    const list = v.targets.split(',').map((s) => s.trim()).filter(Boolean);
    const unknown = list.filter((s) => !isSector(s));
    if (unknown.length) return { usage: `Unknown sector(s) in --targets: ${unknown.join(', ')}. Use: ${SECTORS.join(', ')}.`, code: 2 };
    if (list.length < 2) return { usage: '--targets needs at least two sectors, e.g. --targets tech,care,government.', code: 2 };
    view = { ...view, targets: list as Sector[] };
  }
  if (v.k !== undefined) {
    const k = Number(v.k);
    if (!Number.isInteger(k) || k < 1 || k > 10) return { usage: '--k must be a whole number from 1 to 10.', code: 2 };
    view = { ...view, k };
  }
  if (v.reach !== undefined) {
    if (v.reach !== '1' && v.reach !== '2') return { usage: '--reach must be 1 or 2.', code: 2 };
    view = { ...view, reachSteps: v.reach === '2' ? 2 : 1 };
  }
  if (v.resolution !== undefined) {
    const r = Number(v.resolution);
    if (!(r > 0)) return { usage: '--resolution must be a positive number.', code: 2 };
    view = { ...view, resolution: r };
  }
  if (v['listing-kinds'] !== undefined) {
    view = { ...view, rules: { ...view.rules, listingKinds: v['listing-kinds'].split(',').map((s) => s.trim()).filter(Boolean) } };
  }
  if (v.weight !== undefined) {
    if (v.weight !== 'shared' && v.weight !== 'newman') return { usage: '--weight must be shared or newman.', code: 2 };
    view = { ...view, rules: { ...view.rules, weight: v.weight } };
  }
  if (v.focal !== undefined) view = { ...view, focal: v.focal || null };
  if (v.lang !== 'en' && v.lang !== 'nl') return { usage: '--lang must be en or nl.', code: 2 };
  if (v.threads !== undefined && v.threads !== '1' && v.threads !== '2') return { usage: '--threads must be 1 or 2.', code: 2 };
  const threads = v.threads !== undefined ? (Number(v.threads) as 1 | 2) : availableParallelism() >= 2 ? 2 : 1;
  return { files: parsed.positionals, view, exact: v.exact, json: v.json, timings: v.timings, threads, lang: v.lang, explicitFocal: v.focal !== undefined };
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  if ('usage' in options) {
    (options.code ? process.stderr : process.stdout).write(`${options.usage ? `${options.usage}\n` : ''}${USAGE}\n`);
    return options.code;
  }
  const threads: { helper: RunningHelper | null } = { helper: null };
  try {
    return await analyse(options, threads);
  } finally {
    await threads.helper?.close();
  }
}

/**
 * Ties from which a second thread pays: starting it (loading the analysis code in it) costs about
 * a second of CPU, more than the stages it takes over on a small network.
 */
const HELPER_MIN_TIES = 20_000;

async function analyse(options: Options, threads: { helper: RunningHelper | null }): Promise<number> {
  let dataset: Dataset;
  let report: ImportReport;
  let duplicates: string[][] = [];
  // Wall-clock milliseconds per step, printed with --timings (npm run bench:h2020 reads them).
  const timings: Record<string, number> = options.files.length ? { 'import: read files': 0 } : {};
  let clock = performance.now();
  const lap = (step: string) => {
    const t = performance.now();
    timings[step] = t - clock;
    clock = t;
  };
  if (options.files.length) {
    let fileMs = 0;
    const loaded = await loadFilesForCommandLine(options.files, {
      readFile: async (path) => {
        const t = performance.now();
        const bytes = new Uint8Array(await readFile(path));
        fileMs += performance.now() - t;
        return bytes;
      },
      err: (text) => void process.stderr.write(text),
      onPhase: (phase, ms) => void (timings[phase === 'read' ? 'import: decode + parse' : 'import: build dataset'] = ms),
    });
    timings['import: read files'] = fileMs;
    clock = performance.now();
    if ('code' in loaded) return loaded.code;
    ({ dataset, report } = loaded.outcome);
    duplicates = loaded.outcome.duplicates.map((g) => g.names);
  } else {
    ({ dataset, report } = loadBuiltinFromDisk());
  }
  if (report.rowsUsed === 0 || dataset.participations.length === 0) {
    process.stderr.write(`${reportToText(report)}\nNo participation could be used, so there is no network to analyse (see the problems above).\n`);
    return 1;
  }

  const { view, lang } = options;
  const rules = { listingKinds: view.rules.listingKinds, listingActivities: view.rules.listingActivities, weight: view.rules.weight, largeActivity: 50 };
  // The network is built once: the view is checked against it (as in the app: unknown values are
  // dropped and reported), then analysed.
  clock = performance.now();
  const built = buildNetwork(dataset, rules);
  // The second thread starts now; it loads while this one checks the view and starts the stages.
  const helper = options.threads === 2 && built.projection.ties.m >= HELPER_MIN_TIES ? startStageHelper() : null;
  threads.helper = helper;
  lap('network (projection)');
  const { state, dropped } = cleanViewState(view, built, sectorCodes(built));
  lap('view check');
  for (const d of dropped) process.stderr.write(`--view: dropped ${d.parameter}=${d.values.join(',')}: not in this data.\n`);
  const stageTimings: Record<string, number> = {};
  const analysisOptions: Parameters<typeof analyseDataset>[1] = {
    network: built,
    timings: stageTimings,
    rules,
    filters: state.filters ?? DEFAULT_FILTERS,
    targets: state.targets,
    k: state.k,
    reachSteps: state.reachSteps,
    louvainResolution: state.resolution,
    focal: state.focal ?? dataset.focal ?? null,
    exactBetweennessMaxNodes: options.exact ? Number.POSITIVE_INFINITY : undefined,
  };
  // With a helper thread and --json, the helper also writes the tie rows (half the document).
  const tiesOnHelper = helper !== null && options.json;
  if (tiesOnHelper) helper.wantTiesJson();
  const { result, network, stages } = helper
    ? await analyseDatasetConcurrently(dataset, helper, { ...analysisOptions, omitTies: tiesOnHelper })
    : analyseDataset(dataset, analysisOptions);
  lap('analysis: view + stages + document');
  // The steps inside the analysis (the stages overlap when there are two threads).
  const inner: Record<string, number> = {};
  for (const [step, ms] of Object.entries(stageTimings)) inner[step === 'view' || step === 'assemble' ? step : `stage ${step}`] = ms;
  const { t } = createTranslator(lang);
  if (options.json) {
    const robustness = stages.robustness?.data ?? null;
    // The helper's tie rows go where this placeholder is (a nonce, so no name can look like it).
    const placeholder = tiesOnHelper ? `\u0000ties ${Math.random()}\u0000` : undefined;
    const structure = stages.structure!.data;
    const text = JSON.stringify(toJson(dataset, report, result, network.projection, duplicates, dropped, robustness, structure, placeholder));
    const at = placeholder === undefined ? -1 : text.indexOf(JSON.stringify([placeholder]));
    lap('JSON document');
    if (at < 0) await writeOut(text);
    else {
      await writeOut(text.slice(0, at));
      const ties = await helper!.tiesJson();
      inner['JSON tie rows (helper thread, during the JSON document)'] = ties.ms;
      for (const piece of ties.bytes) await writeOut(piece);
      await writeOut(text.slice(at + JSON.stringify([placeholder]).length));
    }
    await writeOut('\n');
    lap('write');
  } else {
    await writeOut(summary(dataset, report, result, lang, t, duplicates.length));
    lap('summary');
  }
  if (options.timings) printTimings(timings, inner, helper ? 2 : 1);
  return 0;
}

/** Writes to stdout and waits until it is flushed (a pipe takes a large document in pieces). */
function writeOut(text: string | Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => process.stdout.write(text, (e) => (e ? reject(e) : resolve())));
}

/**
 * --timings: one line per step (the steps follow each other; the analysis's own steps are listed
 * under it, and overlap with two threads), then one JSON line for scripts (npm run bench:h2020).
 * CPU time is the whole process's, every thread included.
 */
function printTimings(timings: Record<string, number>, inner: Record<string, number>, threads: number) {
  const cpu = process.cpuUsage();
  const maxRssMB = process.resourceUsage().maxRSS / 1024;
  const width = [...Object.keys(timings), ...Object.keys(inner).map((k) => `  ${k}`)].reduce((w, k) => Math.max(w, k.length), 20);
  const line = (step: string, ms: number) => `  ${step.padEnd(width)} ${(ms / 1000).toFixed(2).padStart(7)} s`;
  const lines: string[] = [];
  for (const [step, ms] of Object.entries(timings)) {
    lines.push(line(step, ms));
    if (step.startsWith('analysis')) for (const [s, m] of Object.entries(inner)) if (!s.startsWith('JSON')) lines.push(line(`  ${s}`, m));
    if (step === 'write') for (const [s, m] of Object.entries(inner)) if (s.startsWith('JSON')) lines.push(line(`  ${s}`, m));
  }
  const wall = performance.now();
  process.stderr.write(
    `Timings (wall clock, ${threads} thread${threads > 1 ? 's' : ''}):\n${lines.join('\n')}\n  ${'process, since start'.padEnd(width)} ${(wall / 1000).toFixed(2).padStart(7)} s; CPU ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s; peak memory ${maxRssMB.toFixed(0)} MB\n` +
      `${JSON.stringify({ timings, inner, threads, wallMs: wall, cpuMs: (cpu.user + cpu.system) / 1000, maxRssMB })}\n`,
  );
}

/** The --json document (schema in the README, "Command line"). */
function toJson(
  dataset: Dataset,
  report: ImportReport,
  result: AnalysisResult,
  projection: Projection,
  likelyDuplicates: string[][],
  dropped: { parameter: string; values: string[] }[],
  robustness: RobustnessData | null,
  structure: StructureData,
  tiesPlaceholder?: string,
) {
  const members = new Map<string, string[]>();
  for (const p of dataset.participations) {
    const list = members.get(p.activityId) ?? [];
    list.push(p.organisationId);
    members.set(p.activityId, list);
  }
  const kindOf = new Map(dataset.activities.map((a) => [a.id, a.kind]));
  const sentences = { nl: createTranslator('nl').t, en: createTranslator('en').t };
  const convenerFindings = findingsOf(result).filter((f) => f.code === 'convener');
  const { keys: _keys, ...rest } = result;
  return {
    schemaVersion: result.meta.schemaVersion,
    dataset: dataset.name,
    import: { ...report, likelyDuplicates },
    graph: {
      organisations: dataset.organisations.length,
      activities: dataset.activities.length,
      participations: dataset.participations.length,
      ties: result.meta.ties,
    },
    meta: {
      ...result.meta,
      // How the betweenness was estimated: why sampling stopped; each organisation's standard error
      // is organisations[].betweennessError (0 when exact).
      betweenness: { ...result.meta.betweenness, stop: structure.betweennessMeta.stop, batches: structure.betweennessMeta.batches },
      projection: {
        listingKinds: projection.rules.listingKinds,
        listingActivities: projection.rules.listingActivities,
        weight: projection.rules.weight,
        largeActivityThreshold: projection.rules.largeActivity,
        largeActivities: projection.large,
        tiesTotal: projection.ties.m,
        tieSources: tieSources(projection, (id) => kindOf.get(id) ?? ''),
      },
      droppedFromView: dropped,
    },
    organisations: rest.organisations.map((row, i) => ({ ...row, betweennessError: finiteOrNull(structure.betweennessError[i]) })),
    activities: dataset.activities.map((a) => ({
      id: a.id,
      title: a.title,
      kind: a.kind,
      source: a.source,
      organisations: (members.get(a.id) ?? []).sort(),
    })),
    ties: tiesPlaceholder === undefined ? rest.ties : [tiesPlaceholder],
    components: rest.components,
    communities: rest.communities,
    mixing: rest.mixing,
    cutpoints: rest.cutpoints,
    conveners: {
      ...rest.conveners,
      picks: rest.conveners.picks.map((p, i) => {
        const f = convenerFindings[i]!;
        return { ...p, sentence: { nl: wordFinding(sentences.nl, f, 'nl'), en: wordFinding(sentences.en, f, 'en') } };
      }),
      robustness,
    },
    suggestions: rest.suggestions,
    municipality: rest.municipality,
    municipalityNote: rest.municipalityNote,
  };
}

function summary(dataset: Dataset, report: ImportReport, result: AnalysisResult, lang: Language, t: ReturnType<typeof createTranslator>['t'], duplicateGroups: number): string {
  const out: string[] = [];
  const rule = (title: string) => out.push('', title, '-'.repeat(title.length));
  out.push(`Bruggen — ${dataset.name}`);
  out.push(
    t('cli:counts', {
      organisations: dataset.organisations.length,
      activities: dataset.activities.length,
      ties: result.meta.ties,
      components: result.meta.components,
      communities: result.meta.louvain.communities,
      modularity: result.meta.louvain.modularity.toFixed(2),
    }),
  );
  out.push(
    t('cli:import', { read: report.rowsRead, used: report.rowsUsed, merged: report.rowsMerged, rejected: report.rowsRejected }) +
      (duplicateGroups ? t('cli:duplicates', { count: duplicateGroups }) : '') +
      '.',
  );
  const rejected = report.problems.filter((p) => p.severity === 'error');
  for (const p of rejected.slice(0, 10)) out.push(`  ${p.file}${p.row ? ` ${t('cli:row', { row: p.row })}` : ''}${p.column ? `, ${p.column}` : ''}: ${p.message}`);
  if (rejected.length > 10) out.push(`  ${t('cli:moreProblems', { count: rejected.length - 10 })}`);

  const findings = findingsOf(result);
  const section = (codes: string[]) => findings.filter((f) => codes.includes(f.code)).map((f) => `• ${wordFinding(t, f, lang)}`);
  rule(t('cli:missingBridges'));
  for (const line of section(['sector_absent', 'no_ties', 'below_expected', 'bridges_ok'])) out.push(line);
  rule(t('cli:clusters'));
  for (const line of section(['clusters_lacking'])) out.push(line);
  rule(t('cli:conveners'));
  for (const f of findings) if (f.code === 'convener') out.push(wordFinding(t, f, lang));
  rule(t('cli:suggestedTies'));
  for (const pair of result.suggestions.organisations) {
    out.push(`${pair.sectors[0]} – ${pair.sectors[1]}:`);
    for (const s of pair.suggestions.slice(0, 3)) {
      out.push(`  ${s.a.label} – ${s.b.label} (${t('cli:via', { partners: s.sharedPartners.map((x) => x.label).join(', ') })}; RA ${s.resourceAllocation.toFixed(3)})`);
    }
    if (!pair.suggestions.length) out.push(`  ${t('cli:noSharedPartner')}`);
  }
  rule(t('cli:focal'));
  for (const line of section(['focal', 'no_focal'])) out.push(line);
  rule(t('cli:brokers'));
  const top = [...result.organisations].filter((r) => r.betweenness !== null).sort((a, b) => b.betweenness! - a.betweenness!).slice(0, 5);
  for (const r of top) {
    out.push(
      `  ${t('cli:broker', {
        name: r.name,
        sector: r.sector,
        betweenness: r.betweenness!.toFixed(3),
        estimated: result.meta.betweenness.estimated ? ` ${t('cli:estimated')}` : '',
        constraint: r.constraint?.toFixed(2) ?? '–',
        roles: r.brokerageTotal,
        cut: r.articulationPoint ? `, ${t('cli:cutPoint')}` : '',
      })}`,
    );
  }
  out.push('');
  for (const line of section(['betweenness_estimated'])) out.push(line);
  return out.join('\n') + '\n';
}

process.exitCode = await main();

/**
 * The missing-bridges analysis on the command line, for researchers and batch use.
 *
 *   npm run analyze -- [files...] [options]   (--help lists them)
 *
 * Reads the same formats as the app (canonical CSVs, CORDIS, NWOpen/SIA, RVO, xlsx, the app's
 * JSON/GEXF); with no file it analyses the built-in Den Haag dataset. Runs the app's staged
 * analysis, with the app's tie rules and (with --view) the app's filters and options from a shared
 * link's query string. Prints a readable summary, or with --json one JSON document (schema in the
 * README). With --compare it also compares the view with a second one (two periods, two filter
 * sets); with --assume it adds hypothetical participations (a what-if scenario) and compares the
 * data without and with them; with --new-worklist it writes the suggested introductions as a
 * worklist, and with --worklist it says which introductions of a worklist became ties in the data
 * (docs/change-over-time.md). Exit codes: 0 done, 1 bad input, 2 bad usage.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { isMainThread } from 'node:worker_threads';
import { analyseDatasetConcurrently, HELPER_MIN_TIES, type AnalysisResult } from '../src/analysis';
import type { BetweennessData, RobustnessData } from '../src/analysis/stages';
import { bridgeTracker, type BridgeTracker } from '../src/analysis/bridgeTracker';
import { analyseViews, compareAnalyses, compareScenario, type AnalyseViewsOptions, type Comparison, type ViewAnalysis } from '../src/analysis/compare';
import { findingsOf } from '../src/analysis/findings';
import { cannotWrite, forTerminal, loadFilesForCommandLine } from '../src/data/import/commandLine';
import { reportToText } from '../src/data/import/reportCsv';
import { readTextFile } from '../src/data/import/textFile';
import type { Dataset } from '../src/data/model';
import type { ImportProblem, ImportReport } from '../src/data/report';
import { isSector, SECTORS, type Sector } from '../src/data/sectors';
import { scenarioFromCsv, type Scenario } from '../src/data/scenario';
import { applyFilters, DEFAULT_FILTERS, filtersActive, hidesSomething, type Filters, type VisibilityCounts } from '../src/filters/filters';
import { DEFAULT_PROJECTION_RULES, MAX_PROJECTED_PAIRS, ProjectionTooLargeError, tieSources, type Projection } from '../src/graph/projection';
import { createTranslator, type Language } from '../src/i18n';
import { numberFormatters } from '../src/ui/analysis/format';
import { sectorLabel, sectorName, withAside, wordFinding } from '../src/i18n/findings';
import { groupProblems, problemText } from '../src/ui/import/problemText';
import { importWords, type ImportWords } from '../src/ui/import/useImportMessages';
import { linkQuery, NON_FILTER_PARAMETERS, parameterNames } from '../src/change/request';
import { cleanViewState, type DroppedValue } from '../src/session/clean';
import { DECIMAL_INTEGER, DECIMAL_NUMBER, QUERY_PARAMETERS, readViewState, REPEATED_PARAMETER, REVERSED_PARAMETER, serialiseViewState, UNKNOWN_PARAMETER } from '../src/session/url';
import { DEFAULT_VIEW_STATE, MAX_RESOLUTION, withListedActivities, type ViewState } from '../src/session/viewState';
import { buildNetwork, sectorCodes } from '../src/graph/network';
import { parseWorklistCsv, writeWorklistCsv, type WorklistReport } from '../src/worklist/csv';
import { matchWorklist, type IntroductionMatch } from '../src/worklist/match';
import { isoDate, suggestedIntroductions, type Introduction } from '../src/worklist/worklist';
import { loadBuiltinFromDisk } from './lib/builtin';
import { startStageHelper, type RunningHelper } from './lib/stageHelper';

const USAGE = `Usage: npm run analyze -- [files...] [options]
With no file, the built-in Den Haag dataset (data/den-haag) is analysed.

Options:
  --view QUERY            the app's view: the query string of a shared link (filters, targets, k, reach, res, …)
  --compare QUERY         compare the view (--view, or all data) with a second one, e.g. years=2020-2020;
                          only its filters are used (tie rules and analysis options come from the first)
  --assume FILE           what if: add the participations of FILE (canonical CSV, UTF-8) as hypothetical
                          rows and compare the view without and with them
  --new-worklist FILE     write the view's suggested introductions (suggested ties and the conveners'
                          introductions) to FILE as a worklist CSV, status to_make (te leggen)
  --worklist FILE         say which introductions of a worklist CSV became ties in this data
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
  /** The second view's query (--compare). */
  compare: string | null;
  /** A scenario file (--assume). */
  assume: string | null;
  /** Where to write the suggested introductions (--new-worklist). */
  newWorklist: string | null;
  /** A worklist to match against the data (--worklist). */
  worklist: string | null;
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
        compare: { type: 'string' },
        assume: { type: 'string' },
        'new-worklist': { type: 'string' },
        worklist: { type: 'string' },
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
  let view: ViewState = v.view !== undefined ? readQuery('--view', v.view) : { ...DEFAULT_VIEW_STATE };
  if (v.assume === '') return { usage: '--assume needs a file of hypothetical participations (canonical CSV).', code: 2 };
  if (v.worklist === '' || v['new-worklist'] === '') return { usage: '--worklist and --new-worklist need a file name.', code: 2 };
  if (v.targets !== undefined) {
    // A sector named twice is one target: "tech,tech" is not the two sectors the check asks for.
    const list = [...new Set(v.targets.split(',').map((s) => s.trim()).filter(Boolean))];
    const unknown = list.filter((s) => !isSector(s));
    if (unknown.length) return { usage: `Unknown sector(s) in --targets: ${unknown.join(', ')}. Use: ${SECTORS.join(', ')}.`, code: 2 };
    if (list.length < 2) return { usage: '--targets needs at least two sectors, e.g. --targets tech,care,government.', code: 2 };
    view = { ...view, targets: list as Sector[] };
  }
  if (v.k !== undefined) {
    const k = Number(v.k);
    if (!DECIMAL_INTEGER.test(v.k) || k < 1 || k > 10) return { usage: '--k must be a whole number from 1 to 10.', code: 2 };
    view = { ...view, k };
  }
  if (v.reach !== undefined) {
    if (v.reach !== '1' && v.reach !== '2') return { usage: '--reach must be 1 or 2.', code: 2 };
    view = { ...view, reachSteps: v.reach === '2' ? 2 : 1 };
  }
  if (v.resolution !== undefined) {
    const r = Number(v.resolution);
    if (!DECIMAL_NUMBER.test(v.resolution) || !(r > 0 && r <= MAX_RESOLUTION)) return { usage: `--resolution must be a number above 0 and at most ${MAX_RESOLUTION} (1 is standard modularity).`, code: 2 };
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
  const output = v['new-worklist'];
  if (output !== undefined) {
    const inputs = [...parsed.positionals, ...(v.assume !== undefined ? [v.assume] : []), ...(v.worklist !== undefined ? [v.worklist] : [])];
    const overwritten = inputs.find((path) => sameFile(path, output));
    if (overwritten !== undefined) return { usage: `--new-worklist "${output}" is also an input ("${overwritten}"), which it would overwrite. Give another file name.`, code: 2 };
  }
  if (v.lang !== 'en' && v.lang !== 'nl') return { usage: '--lang must be en or nl.', code: 2 };
  if (v.threads !== undefined && v.threads !== '1' && v.threads !== '2') return { usage: '--threads must be 1 or 2.', code: 2 };
  const threads = v.threads !== undefined ? (Number(v.threads) as 1 | 2) : availableParallelism() >= 2 ? 2 : 1;
  return {
    files: parsed.positionals,
    view,
    compare: v.compare ?? null,
    assume: v.assume ?? null,
    newWorklist: v['new-worklist'] ?? null,
    worklist: v.worklist ?? null,
    exact: v.exact,
    json: v.json,
    timings: v.timings,
    threads,
    lang: v.lang,
    explicitFocal: v.focal !== undefined,
  };
}

/** Whether two paths name the same file: the same path, or (both existing) the same file on disk (a link). */
function sameFile(a: string, b: string): boolean {
  if (resolve(a) === resolve(b)) return true;
  try {
    const x = statSync(a);
    const y = statSync(b);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

/**
 * A shared link, or its query string with or without the leading "?". Values it cannot read
 * (k=abc) and parameters the app does not write are ignored, and said so on stderr.
 */
function readQuery(option: string, query: string): ViewState {
  const { state, ignored } = readViewState(`?${linkQuery(query)}`);
  for (const d of ignored) {
    if (d.parameter === UNKNOWN_PARAMETER) writeErr(`${option}: ignored unknown parameter(s) ${d.values.join(', ')}; a view has: ${QUERY_PARAMETERS.join(', ')}.\n`);
    else if (d.parameter === REPEATED_PARAMETER) writeErr(`${option}: ignored ${d.values.join(', ')}: given more than once; the first value is used.\n`);
    else if (d.parameter === REVERSED_PARAMETER) writeErr(`${option}: read ${d.values.join(', ')} the other way round (earliest year first).\n`);
    else writeErr(`${option}: ignored ${d.parameter}=${d.values.join(',')}: not a value ${d.parameter} can have.\n`);
  }
  return state;
}

/** The query string of a filter set as the app writes it ("" for no filter). */
function filtersQuery(filters: Filters): string {
  return serialiseViewState({ ...DEFAULT_VIEW_STATE, filters }).replace(/^\?/, '');
}

/**
 * Listing kinds that no activity has: a typo ("consultaton") would otherwise change the tie rules
 * without a word, since the kinds given replace the default ones. The defaults are not named when
 * a dataset happens to lack them.
 */
function warnUnusedListingKinds(listingKinds: readonly string[], ...datasets: (Dataset | undefined)[]) {
  const kinds = new Set(datasets.flatMap((d) => d?.activities.map((a) => a.kind.trim().toLowerCase()) ?? []));
  const defaults = new Set(DEFAULT_PROJECTION_RULES.listingKinds);
  const unused = listingKinds.filter((k) => !kinds.has(k.trim().toLowerCase()) && !defaults.has(k.trim().toLowerCase()));
  if (!unused.length) return;
  const given = listingKinds.length ? listingKinds.join(', ') : 'none';
  writeErr(
    `Listing kinds (--listing-kinds, or listing= in --view): no activity in this data is of kind ${unused.map((k) => `"${k}"`).join(', ')}. The kinds given replace the default ones, so the listings are now the activities of kind: ${given} (default: ${DEFAULT_PROJECTION_RULES.listingKinds.join(', ')}). Kinds in this data: ${[...kinds].sort().slice(0, 20).join(', ')}${kinds.size > 20 ? ', …' : ''}.\n`,
  );
}

function reportDropped(option: string, dropped: readonly DroppedValue[]) {
  for (const d of dropped) writeErr(`${option}: dropped ${d.parameter}=${d.values.join(',')}: not in this data.\n`);
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  if ('usage' in options) {
    (options.code ? process.stderr : process.stdout).write(forTerminal(`${options.usage ? `${options.usage}\n` : ''}${USAGE}\n`));
    return options.code;
  }
  const threads: { helper: RunningHelper | null } = { helper: null };
  try {
    return await analyse(options, threads);
  } catch (e) {
    if (!(e instanceof ProjectionTooLargeError)) throw e;
    writeErr(tooLargeText(e, options.view));
    return 1;
  } finally {
    await threads.helper?.close();
  }
}

/**
 * The bytes of an input file. Only a regular file: a device such as /dev/zero never ends (it was
 * read until memory ran out) and a pipe without a writer never answers.
 */
async function readInputFile(path: string): Promise<Uint8Array> {
  const kind = await stat(path).catch((e: NodeJS.ErrnoException) => {
    // Node hands a program its arguments as UTF-8 text: the bytes of a name that is not UTF-8
    // (a Latin-1 "café") arrive as U+FFFD, and that name is then not found.
    if (e.code === 'ENOENT' && path.includes('\uFFFD')) {
      throw new Error('no file has this name: it holds bytes that are not UTF-8 (shown as \uFFFD), which cannot reach this program as written. Fix: rename the file with UTF-8 characters only (or copy it to a plain name) and give that name.');
    }
    throw e;
  });
  if (kind.isDirectory()) throw new Error('it is a folder. Fix: give the files in it (for example folder/*.csv).');
  if (!kind.isFile()) throw new Error('it is not a file but a device, pipe or socket, which may never end. Fix: save the data to a file and give its path.');
  return new Uint8Array(await readFile(path));
}

/**
 * The text of an --assume or --worklist CSV, read as the importer reads files (readTextFile), or
 * undefined after saying why it cannot be used. A Windows-1252 file is read, and that is said.
 */
async function readCsvOption(path: string): Promise<string | undefined> {
  let bytes: Uint8Array;
  try {
    bytes = await readInputFile(path);
  } catch (e) {
    writeErr(`Cannot read "${path}": ${(e as Error).message}\n`);
    return undefined;
  }
  const read = readTextFile(bytes, basename(path));
  if (!read.ok) {
    const { message, fix } = read.problem;
    writeErr(`${message}${fix ? ` Fix: ${fix}` : ''}\n`);
    return undefined;
  }
  for (const p of read.problems) writeErr(`${p.file}: ${p.message}\n`);
  return read.text;
}

/**
 * What the app's size guard says, for the command line: which activities make the network too
 * large to build, and the --view that treats them as listings (tied to their hub only).
 */
function tooLargeText(e: ProjectionTooLargeError, view: ViewState): string {
  const SHOWN_LARGE = 20;
  const number = (n: number) => n.toLocaleString('en');
  const lines = [
    `The network would have ${number(e.pairs)} ties (a tie per pair of organisations per shared activity), more than the ${number(MAX_PROJECTED_PAIRS)} that can be built safely.`,
  ];
  if (e.large.length) {
    lines.push(`The ${e.large.length === 1 ? 'activity that makes' : `${number(e.large.length)} activities that make`} it that large:`);
    for (const a of e.large.slice(0, SHOWN_LARGE)) lines.push(`  ${a.id}: ${number(a.participants)} participants, ${number(a.pairs)} ties`);
    if (e.large.length > SHOWN_LARGE) lines.push(`  … and ${number(e.large.length - SHOWN_LARGE)} more (all in the --view below)`);
    const query = serialiseViewState({ ...view, rules: withListedActivities(view.rules, e.large.map((a) => a.id)) }).replace(/^\?/, '');
    lines.push(`Fix: treat them as listings, tied to their hub only (as the app offers): --view "${query}"`);
  }
  if (e.unlistable.length) {
    const many = e.unlistable.length > 1;
    lines.push(`${many ? `In these ${number(e.unlistable.length)} activities` : 'In this activity'} every participant (or all but one) is a lead or coordinator: as ${many ? 'listings they' : 'a listing it'} would still tie them all.`);
    for (const a of e.unlistable.slice(0, SHOWN_LARGE)) lines.push(`  ${a.id}: ${number(a.participants)} participants, ${number(a.hubs)} of them lead or coordinator, ${number(a.pairs)} ties`);
    if (e.unlistable.length > SHOWN_LARGE) lines.push(`  … and ${number(e.unlistable.length - SHOWN_LARGE)} more`);
    lines.push('Fix: in the file, give each of these activities its one organiser the role "lead" or "coordinator" and the others "participant" (or leave the activity out), then run again.');
  }
  if (!e.large.length && !e.unlistable.length) lines.push('Fix: treat the largest activities as listings (--view "listed=ID,ID") or their kind (--listing-kinds KIND).');
  return `${lines.join('\n')}\n`;
}

async function analyse(options: Options, threads: { helper: RunningHelper | null }): Promise<number> {
  // Wall-clock milliseconds per step, printed with --timings (npm run bench:h2020 reads them).
  const timings: Record<string, number> = options.files.length ? { 'import: read files': 0 } : {};
  let clock = performance.now();
  const lap = (step: string) => {
    const t = performance.now();
    timings[step] = t - clock;
    clock = t;
  };
  let dataset: Dataset;
  let report: ImportReport;
  let duplicates: string[][] = [];
  const plain = options.compare === null && options.assume === null;
  // For a large input the second thread starts before the files are read: it makes the sector
  // guesses while this thread reads the rows, and takes analysis stages if the network is large.
  let helper = plain && options.threads === 2 && (await totalBytes(options.files)) >= EARLY_HELPER_MIN_BYTES ? startStageHelper() : null;
  threads.helper = helper;
  const guesses = helper?.sectorGuesses();
  if (options.files.length) {
    let fileMs = 0;
    const loaded = await loadFilesForCommandLine(options.files, {
      readFile: async (path) => {
        const t = performance.now();
        const bytes = await readInputFile(path);
        fileMs += performance.now() - t;
        return bytes;
      },
      err: writeErr,
      onPhase: (phase, ms) => void (timings[phase === 'read' ? 'import: decode + parse' : 'import: build dataset'] = ms),
      ...(guesses ? { sectorGuesses: guesses } : {}),
    });
    guesses?.close();
    timings['import: read files'] = fileMs;
    clock = performance.now();
    if ('code' in loaded) return loaded.code;
    ({ dataset, report } = loaded.outcome);
    duplicates = loaded.outcome.duplicates.map((g) => g.names);
  } else {
    ({ dataset, report } = loadBuiltinFromDisk());
  }
  if (report.rowsUsed === 0 || dataset.participations.length === 0) {
    writeErr(`${reportToText(report)}\nNo participation could be used, so there is no network to analyse (see the problems above).\n`);
    return 1;
  }

  const { view, lang } = options;
  const rules = { listingKinds: view.rules.listingKinds, listingActivities: view.rules.listingActivities, weight: view.rules.weight, largeActivity: 50 };
  // The network is built once: the view is checked against it (as in the app: unknown values are
  // dropped and reported), then analysed.
  clock = performance.now();
  const network = buildNetwork(dataset, rules);
  const sectors = sectorCodes(network);
  // A second thread for the plain analysis of a large network; it loads while this one goes on.
  const large = network.projection.ties.m >= HELPER_MIN_TIES;
  if (helper && !large) await helper.close();
  helper = plain && options.threads === 2 && large ? (helper ?? startStageHelper()) : null;
  threads.helper = helper;
  lap('network (projection)');
  // The scenario is read before the view is checked: an activity it adds may be listed (its
  // network is built with the same rules), and is not "dropped" for being absent from the data.
  let scenarioDataset: Scenario | null = null;
  if (options.assume !== null) {
    const text = await readCsvOption(options.assume);
    if (text === undefined) return 1;
    scenarioDataset = scenarioFromCsv(dataset, text, basename(options.assume));
    if (scenarioDataset.report.rowsUsed === 0) {
      const r = scenarioDataset.report;
      writeErr(`${r.file}: ${r.rowsRead} rows read, ${r.rowsUsed} used, ${r.rowsMerged} merged, ${r.rowsRejected} rejected.\n`);
      for (const p of r.problems) writeErr(`  ${p.file}${p.row ? ` row ${p.row}` : ''}${p.column ? `, ${p.column}` : ''}: ${p.message}\n`);
      writeErr(
        r.rowsRead === 0
          ? 'The file has no rows below its header, so there is no scenario to compare. Fix: add the hypothetical participations, one per row (activity_id, organisation or organisation_id).\n'
          : 'No hypothetical participation could be used, so there is no scenario to compare (see the problems above).\n',
      );
      return 1;
    }
  }
  const { state, dropped } = cleanViewState(view, network, sectors);
  warnUnusedListingKinds(rules.listingKinds, dataset, scenarioDataset?.dataset);
  lap('view check');
  const added = new Set(scenarioDataset?.activities);
  // Listing kinds are said by warnUnusedListingKinds, which also knows the scenario's kinds.
  const shown = dropped
    .filter((d) => d.parameter !== 'listing')
    .map((d) => (d.parameter === 'listed' ? { ...d, values: d.values.filter((v) => !added.has(v)) } : d))
    .filter((d) => d.values.length);
  // A focal organisation given with --focal is named as that option, not as part of a --view.
  reportDropped('--view', options.explicitFocal ? shown.filter((d) => d.parameter !== 'focal') : shown);
  if (options.explicitFocal) for (const d of shown.filter((x) => x.parameter === 'focal')) writeErr(`--focal: no organisation in this data has the id "${d.values.join(',')}"; the dataset's own focal organisation is used, if it has one.\n`);
  const filters = state.filters ?? DEFAULT_FILTERS;
  let second: Filters | null = null;
  if (options.compare !== null) {
    const cleaned = cleanViewState(readQuery('--compare', options.compare), network, sectors);
    reportDropped('--compare', cleaned.dropped);
    // The second view's parameters that are not filters are not used (src/change/request.ts).
    const ignored = [...new Set(parameterNames(options.compare).filter((p) => NON_FILTER_PARAMETERS.includes(p)))];
    if (ignored.length) {
      writeErr(`--compare: ${ignored.join(', ')} ignored: only the second view's filters are compared; tie rules and analysis options come from the first view.\n`);
    }
    second = cleaned.state.filters;
  }
  const analysisOptions: AnalyseViewsOptions = {
    rules,
    network,
    targets: state.targets,
    k: state.k,
    reachSteps: state.reachSteps,
    louvainResolution: state.resolution,
    focal: state.focal ?? dataset.focal ?? null,
    exactBetweennessMaxNodes: options.exact ? Number.POSITIVE_INFINITY : undefined,
  };
  const stageTimings: Record<string, number> = {};
  // With a helper thread and --json, the helper also writes the tie rows (half the document).
  const tiesOnHelper = helper !== null && options.json;
  let views: ViewAnalysis[];
  if (helper) {
    if (tiesOnHelper) helper.wantTiesJson();
    const { onProgress: _views, ...single } = analysisOptions;
    const r = await analyseDatasetConcurrently(dataset, helper, { ...single, filters, timings: stageTimings, omitTies: tiesOnHelper });
    views = [{ result: r.result, network: r.network, visibility: r.engine.visibilityOf(r.input), input: r.input, communityStability: r.stages.communities!.data.stability, stages: r.stages }];
  } else {
    // One projection and one engine for both views (stages that do not depend on the filters run once).
    views = analyseViews(dataset, second ? [filters, second] : [filters], analysisOptions);
  }
  lap('analysis: view + stages + document');
  // The steps inside the analysis (the stages overlap when there are two threads).
  const inner: Record<string, number> = {};
  for (const [step, ms] of Object.entries(stageTimings)) inner[step === 'view' || step === 'assemble' ? step : `stage ${step}`] = ms;
  const first = views[0]!;
  const { result } = first;

  let comparison: ComparisonOutput | null = null;
  if (second) {
    // The tracker shows every year: the first view's filters without their year range.
    const everyYear = applyFilters(network, sectors, { ...filters, years: null });
    comparison = {
      filters: { before: filtersQuery(filters), after: filtersQuery(second) },
      ...compareAnalyses(first, views[1]!),
      bridgeTracker: bridgeTracker(network, sectors, { targets: state.targets, visibility: everyYear, statedOnly: filters.statedOnly }),
    };
  }

  let scenario: ScenarioOutput | null = null;
  if (scenarioDataset) {
    const applied = scenarioDataset;
    const compared = compareScenario(applied.dataset, filters, analysisOptions, first);
    scenario = {
      file: applied.report.file,
      import: applied.report,
      added: { organisations: applied.organisations, activities: applied.activities, participations: applied.participations },
      ...compared.comparison,
    };
  }

  let worklist: WorklistOutput | null = null;
  if (options.worklist !== null) {
    const text = await readCsvOption(options.worklist);
    if (text === undefined) return 1;
    const parsed = parseWorklistCsv(text, basename(options.worklist));
    // Nothing usable: rows that all failed, or a header without the columns a worklist needs.
    if (parsed.report.rowsUsed === 0 && parsed.report.problems.some((p) => p.severity === 'error')) {
      for (const p of parsed.report.problems) writeErr(`  ${p.file}${p.row ? ` row ${p.row}` : ''}${p.column ? `, ${p.column}` : ''}: ${p.message}\n`);
      writeErr('No introduction of the worklist could be used (see the problems above).\n');
      return 1;
    }
    const match = matchWorklist(parsed.worklist, dataset, { rules });
    worklist = { file: parsed.report.file, import: parsed.report, tied: match.tied, notTied: match.notTied, unmatched: match.unmatched, introductions: parsed.worklist.map((intro, i) => ({ ...intro, match: match.matches[i]! })) };
  }
  let newWorklist: { file: string; introductions: number } | null = null;
  if (options.newWorklist !== null) {
    const introductions = suggestedIntroductions(result, { date: isoDate(new Date()) });
    try {
      await writeFile(options.newWorklist, writeWorklistCsv(introductions));
    } catch (e) {
      writeErr(cannotWrite(options.newWorklist, e));
      return 1;
    }
    newWorklist = { file: options.newWorklist, introductions: introductions.length };
  }

  const { t } = createTranslator(lang);
  if (options.json) {
    const robustness = first.stages.robustness?.data ?? null;
    const doc = toJson(dataset, report, result, network.projection, duplicates, dropped, first.visibility.counts, robustness, first.stages.betweenness!.data);
    const extra = { ...(comparison ? { comparison } : {}), ...(scenario ? { scenario } : {}), ...(worklist ? { worklist } : {}), ...(newWorklist ? { newWorklist } : {}) };
    // Written as JSON.stringify writes the whole, one top-level value at a time: no string of the
    // whole document (50 MB on H2020) to build, search and convert, and the helper's tie rows
    // written where they belong as they come.
    let separator = '{';
    for (const [key, value] of Object.entries({ ...doc, ...extra })) {
      const text = key === 'ties' && tiesOnHelper ? null : JSON.stringify(value);
      if (text === undefined) continue; // JSON.stringify leaves such a key out too
      await writeOut(`${separator}${JSON.stringify(key)}:`);
      separator = ',';
      if (text !== null) await writeOut(text);
      else {
        const ties = await helper!.tiesJson();
        inner['JSON tie rows (helper thread, during the JSON document)'] = ties.ms;
        for (const piece of ties.bytes) await writeOut(piece);
      }
    }
    await writeOut(separator === '{' ? '{}\n' : '}\n');
    lap('JSON document, made and written');
  } else {
    let text = summary(dataset, report, result, lang, t, duplicates.length, filtersActive(filters) ? first.visibility.counts : null, first.stages.robustness?.data ?? null);
    const names = new Map<string, { name: string; sector: string }>();
    for (const o of (scenarioDataset?.dataset ?? dataset).organisations) names.set(o.id, { name: o.name, sector: o.sector });
    const focalId = analysisOptions.focal ?? null;
    if (comparison) text += comparisonSummary(comparison, names, focalId, t);
    if (scenario) text += scenarioSummary(scenario, names, focalId, t, importWords(lang));
    if (worklist) text += worklistSummary(worklist, t, importWords(lang));
    if (newWorklist) text += `\n${t('cli:worklist.written', { count: newWorklist.introductions, file: newWorklist.file })}\n`;
    await writeOut(forTerminal(text));
    lap('summary');
  }
  if (options.timings) {
    const louvainRuns = helper ? { helper: helper.louvainRunsTaken(), total: views[0]!.stages.communities!.data.runs } : null;
    printTimings(timings, inner, helper ? 2 : 1, guesses?.counts() ?? null, louvainRuns);
  }
  return 0;
}

/**
 * Input from which the second thread starts before the files are read. CORDIS SC1 for the
 * Netherlands (1.4 MB, 68,000 ties) is past it; a smaller file is read before the thread would
 * be ready to guess. When the network is below HELPER_MIN_TIES after all, the thread is closed.
 */
const EARLY_HELPER_MIN_BYTES = 1_000_000;

async function totalBytes(paths: readonly string[]): Promise<number> {
  let total = 0;
  for (const path of paths) total += await stat(path).then((s) => s.size).catch(() => 0);
  return total;
}

/** Writes a message to stderr, with what files and options brought into it made safe for a terminal. */
function writeErr(text: string): void {
  process.stderr.write(forTerminal(text));
}

/**
 * Writes to stdout and waits until it is flushed (a pipe takes a large document in pieces). When
 * its reader has gone (`… | head`: EPIPE) nothing more can be delivered and nothing went wrong:
 * the command stops quietly, as other command-line tools do, instead of printing a stack trace.
 */
function writeOut(text: string | Uint8Array): Promise<void> {
  return new Promise((resolve, reject) =>
    process.stdout.write(text, (e) => {
      if ((e as NodeJS.ErrnoException | null | undefined)?.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      if (e) reject(e);
      else resolve();
    }),
  );
}

// The 'error' event of the same failed write: handled above, not an uncaught exception.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') throw e;
});

type ComparisonOutput = Comparison & { filters: { before: string; after: string }; bridgeTracker: BridgeTracker };
type WorklistOutput = {
  file: string;
  import: WorklistReport;
  tied: number;
  notTied: number;
  unmatched: number;
  introductions: (Introduction & { match: IntroductionMatch })[];
};
type ScenarioOutput = Comparison & {
  file: string;
  import: Scenario['report'];
  added: { organisations: string[]; activities: string[]; participations: number };
};

/**
 * --timings: one line per step (the steps follow each other; the analysis's own steps are listed
 * under it, and overlap with two threads), then one JSON line for scripts (npm run bench:h2020).
 * CPU time is the whole process's, every thread included.
 */
function printTimings(
  timings: Record<string, number>,
  inner: Record<string, number>,
  threads: number,
  sectorGuesses: { taken: number; made: number } | null,
  louvainRuns: { helper: number; total: number } | null,
) {
  const cpu = process.cpuUsage();
  const maxRssMB = process.resourceUsage().maxRSS / 1024;
  const width = [...Object.keys(timings), ...Object.keys(inner).map((k) => `  ${k}`)].reduce((w, k) => Math.max(w, k.length), 20);
  const line = (step: string, ms: number) => `  ${step.padEnd(width)} ${(ms / 1000).toFixed(2).padStart(7)} s`;
  const lines: string[] = [];
  for (const [step, ms] of Object.entries(timings)) {
    lines.push(line(step, ms));
    if (step === 'import: build dataset' && sectorGuesses) lines.push(`    sector guesses made on the helper thread: ${sectorGuesses.taken} of ${sectorGuesses.taken + sectorGuesses.made}`);
    if (step.startsWith('analysis')) {
      for (const [s, m] of Object.entries(inner)) if (!s.startsWith('JSON')) lines.push(line(`  ${s}`, m));
      if (louvainRuns) lines.push(`    Louvain runs (communities) made on the helper thread: ${louvainRuns.helper} of ${louvainRuns.total}`);
    }
    if (step.startsWith('JSON document')) for (const [s, m] of Object.entries(inner)) if (s.startsWith('JSON')) lines.push(line(`  ${s}`, m));
  }
  const wall = performance.now();
  writeErr(
    `Timings (wall clock, ${threads} thread${threads > 1 ? 's' : ''}):\n${lines.join('\n')}\n  ${'process, since start'.padEnd(width)} ${(wall / 1000).toFixed(2).padStart(7)} s; CPU ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s; peak memory ${maxRssMB.toFixed(0)} MB\n` +
      `${JSON.stringify({ timings, inner, threads, sectorGuesses, louvainRuns, wallMs: wall, cpuMs: (cpu.user + cpu.system) / 1000, maxRssMB })}\n`,
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
  visible: VisibilityCounts,
  robustness: RobustnessData | null,
  betweenness: BetweennessData,
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
      /** What the view shows (the app's counts for the same query). */
      visible,
    },
    meta: {
      ...result.meta,
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
      // How the betweenness was estimated: why sampling stopped; each organisation's standard error
      // is organisations[].betweennessError (0 when exact).
      betweenness: { ...result.meta.betweenness, stop: betweenness.meta.stop, batches: betweenness.meta.batches },
    },
    organisations: rest.organisations,
    activities: dataset.activities.map((a) => ({
      id: a.id,
      title: a.title,
      kind: a.kind,
      source: a.source,
      organisations: (members.get(a.id) ?? []).sort(),
    })),
    ties: rest.ties,
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

type T = ReturnType<typeof createTranslator>['t'];

function summary(
  dataset: Dataset,
  report: ImportReport,
  result: AnalysisResult,
  lang: Language,
  t: T,
  duplicateGroups: number,
  visible: VisibilityCounts | null,
  robustness: RobustnessData | null,
): string {
  const out: string[] = [];
  // Decimals as the app writes them in the summary's language (0,35 in Dutch).
  const { fixed } = numberFormatters(lang);
  const rule = (title: string) => out.push('', title, '-'.repeat(title.length));
  out.push(`Bruggen — ${dataset.name}`);
  out.push(
    // The figures of what was analysed: with filters, the view's (the next line sets them against all data).
    t('cli:counts', {
      organisations: visible?.organisations ?? dataset.organisations.length,
      activities: visible?.activities ?? dataset.activities.length,
      ties: result.meta.ties,
      components: result.meta.components,
      communities: result.meta.louvain.communities,
      // Modularity is only comparable at resolution 1; at another resolution both are given.
      modularity:
        result.meta.louvain.resolution === 1
          ? fixed(result.meta.louvain.modularityAt1, 2)
          : t('cli:modularityAt', { q: fixed(result.meta.louvain.modularity, 2), resolution: result.meta.louvain.resolution, q1: fixed(result.meta.louvain.modularityAt1, 2) }),
    }),
  );
  if (visible) out.push(t('cli:visible', { ...visible }));
  out.push(
    t('cli:import', { read: report.rowsRead, used: report.rowsUsed, merged: report.rowsMerged, rejected: report.rowsRejected }) +
      (duplicateGroups ? t('cli:duplicates', { count: duplicateGroups }) : '') +
      '.',
  );
  // Problems in the summary's language, as the app words them (the JSON keeps the English words).
  const words = importWords(lang);
  const rejected = report.problems.filter((p) => p.severity === 'error');
  for (const p of rejected.slice(0, 10)) out.push(`  ${problemWhere(p, t)}: ${problemText(p, words).message}`);
  if (rejected.length > 10) out.push(`  ${t('cli:moreProblems', { count: rejected.length - 10 })}`);
  // Warnings (rows used, a value not): one line per kind, as the app's report groups them, with
  // how many and where the first is.
  const warnings = groupProblems(report.problems.filter((p) => p.severity === 'warning'));
  for (const { problems, count } of warnings.slice(0, 10)) {
    out.push(`  ${t('cli:warningKind', { count, where: problemWhere(problems[0]!, t), message: problemText(problems[0]!, words).message })}`);
  }
  if (warnings.length > 10) out.push(`  ${t('cli:moreWarningKinds', { count: warnings.length - 10 })}`);

  const findings = findingsOf(result);
  const scope = { filtered: visible !== null && hidesSomething(visible) };
  const section = (codes: string[]) => findings.filter((f) => codes.includes(f.code)).map((f) => `• ${wordFinding(t, f, lang, scope)}`);
  // A loop, not out.push(...lines): no argument spreading (eslint.config.js).
  const add = (lines: readonly string[]) => {
    for (const line of lines) out.push(line);
  };
  rule(t('cli:missingBridges'));
  add(section(['sector_absent', 'no_ties', 'below_null', 'below_expected', 'bridges_ok']));
  rule(t('cli:clusters'));
  add(section(['clusters_lacking']));
  rule(t('cli:conveners'));
  for (const f of findings) {
    if (f.code !== 'convener') continue;
    out.push(wordFinding(t, f, lang));
    // How firmly the data support the pick: resamples, and the other tie rules.
    const chosen = robustness?.picks.find((p) => p.id === f.id)?.fraction;
    const parts: string[] = [];
    if (robustness && robustness.bootstraps > 0 && chosen !== undefined && Number.isFinite(chosen)) {
      parts.push(t('cli:robust.resamples', { pct: Math.round(100 * chosen), count: robustness.bootstraps }));
    }
    if (robustness?.otherRules) {
      parts.push(t(robustness.otherRules.withoutListings.includes(f.id) ? 'cli:robust.withoutListingsYes' : 'cli:robust.withoutListingsNo'));
    }
    if (parts.length) out.push(`   (${parts.join('; ')})`);
  }
  if (result.conveners.shortBy > 0) out.push(t('cli:robust.shortBy', { count: result.conveners.k, picked: result.conveners.picks.length }));
  rule(t('cli:suggestedTies'));
  for (const pair of result.suggestions.organisations) {
    out.push(`${pair.sectors[0]} – ${pair.sectors[1]}:`);
    for (const s of pair.suggestions.slice(0, 3)) {
      out.push(`  ${s.a.label} – ${s.b.label} (${t('cli:via', { partners: s.sharedPartners.map((x) => x.label).join(', ') })}; RA ${fixed(s.resourceAllocation, 3)})`);
    }
    if (!pair.suggestions.length) out.push(`  ${t('cli:noSharedPartner')}`);
  }
  rule(t('cli:focal'));
  add(section(['focal', 'no_focal']));
  rule(t('cli:brokers'));
  const top = [...result.organisations].filter((r) => r.betweenness !== null).sort((a, b) => b.betweenness! - a.betweenness!).slice(0, 5);
  for (const r of top) {
    out.push(
      `  ${t('cli:broker', {
        who: withAside(r.name, sectorLabel(t, r.sector)),
        betweenness: fixed(r.betweenness!, 3),
        estimated: result.meta.betweenness.estimated ? ` ${t('cli:estimated')}` : '',
        constraint: r.constraint === null ? '–' : fixed(r.constraint, 2),
        roles: r.brokerageTotal,
        cut: r.articulationPoint ? `, ${t('cli:cutPoint')}` : '',
      })}`,
    );
  }
  add(['', ...section(['betweenness_estimated'])]);
  return out.join('\n') + '\n';
}

/** The readable comparison: counts, target-sector pairs, focal distances, clusters, conveners, ties and organisations. */
function changeLines(c: Comparison, names: ReadonlyMap<string, { name: string; sector: string }>, focalId: string | null, t: T, marked: boolean): string[] {
  const out: string[] = [];
  const { before: b, after: a } = c;
  out.push(
    t('cli:change.counts', {
      before: b.organisations,
      after: a.organisations,
      entered: c.organisationsEntered.length,
      left: c.organisationsLeft.length,
      tiesBefore: b.ties,
      tiesAfter: a.ties,
      formed: c.tiesFormed.length,
      lost: c.tiesLost.length,
      componentsBefore: b.components,
      componentsAfter: a.components,
      isolatesBefore: b.isolates,
      isolatesAfter: a.isolates,
    }),
  );
  out.push(t('cli:change.pairs'));
  for (const p of b.targetPairs) {
    const q = a.targetPairs.find((x) => x.a === p.a && x.b === p.b);
    // Percentiles interpolate between draws: one decimal at most.
    const count = (x: number) => String(Math.round(x * 10) / 10);
    const interval = (x: typeof p | undefined) => (x?.interval ? `${count(x.interval.low)}–${count(x.interval.high)}` : '–');
    const state = (x: typeof p | undefined) => (x ? t(x.missing ? 'cli:change.missing' : 'cli:change.bridged') : '–');
    out.push(
      `  ${t('cli:change.pair', {
        a: sectorName(t, p.a),
        b: sectorName(t, p.b),
        before: p.ties,
        after: q?.ties ?? 0,
        chanceBefore: interval(p),
        chanceAfter: interval(q),
        stateBefore: state(p),
        stateAfter: state(q),
      })}`,
    );
  }
  if (focalId) {
    const label = a.focal?.label ?? b.focal?.label ?? names.get(focalId)?.name ?? focalId;
    const distance = (side: typeof b, sector: string) => {
      const d = side.focal?.distances.find((x) => x.sector === sector)?.distance;
      return d === undefined || d === null ? '–' : String(d);
    };
    const sectors = (a.focal ?? b.focal)?.distances.map((d) => d.sector) ?? [];
    if (a.focal && b.focal) {
      const shown = sectors.filter((sector) => distance(b, sector) !== '–' || distance(a, sector) !== '–');
      if (!shown.length) out.push(t('cli:change.focalNothing', { name: label }));
      else out.push(t('cli:change.focal', { name: label, distances: shown.map((sector) => `${sectorName(t, sector)} ${distance(b, sector)} → ${distance(a, sector)}`).join(', ') }));
    } else if (!a.focal && !b.focal) out.push(t('cli:change.focalNeither', { name: label }));
    else {
      const side = b.focal ? b : a;
      const shown = sectors.filter((sector) => distance(side, sector) !== '–').map((sector) => `${sectorName(t, sector)} ${distance(side, sector)}`);
      out.push(t(b.focal ? 'cli:change.focalOnlyBefore' : 'cli:change.focalOnlyAfter', { name: label, distances: shown.join(', ') || t('cli:change.nothingReachable') }));
    }
  } else out.push(t('cli:change.noFocal'));
  const stable = (side: typeof b) => side.clustersLacking.filter((x) => x.stable).length;
  out.push(
    t('cli:change.clusters', {
      before: b.clustersLacking.length,
      after: a.clustersLacking.length,
      stableBefore: stable(b),
      stableAfter: stable(a),
    }),
  );
  out.push(
    t('cli:change.conveners', {
      before: b.conveners.reachedTotal,
      after: a.conveners.reachedTotal,
      totalBefore: b.conveners.targetTotal,
      totalAfter: a.conveners.targetTotal,
    }),
  );
  const name = (id: string) => names.get(id)?.name ?? id;
  const targets = new Set(b.targetPairs.flatMap((p) => [p.a, p.b]));
  // A bridge: a tie between two different target sectors. Bridges are listed first, with their sectors.
  const bridgeOf = (x: Comparison['tiesFormed'][number]) => {
    const s = names.get(x.source)?.sector ?? '';
    const u = names.get(x.target)?.sector ?? '';
    return s !== u && targets.has(s) && targets.has(u) ? [s, u] : null;
  };
  const tieList = (title: string, ties: Comparison['tiesFormed']) => {
    if (!ties.length) return;
    const bridges = ties.filter((x) => bridgeOf(x));
    const ordered = bridges.concat(ties.filter((x) => !bridgeOf(x)));
    out.push(t(title, { count: ties.length, bridges: bridges.length }));
    for (const x of ordered.slice(0, 10)) {
      const sectors = bridgeOf(x);
      const pair = sectors ? ` (${sectorName(t, sectors[0]!)} – ${sectorName(t, sectors[1]!)})` : '';
      out.push(`  ${name(x.source)} – ${name(x.target)}${pair}${marked && x.hypothetical ? ` ${t('cli:change.hypothetical')}` : ''}`);
    }
    if (ties.length > 10) out.push(`  ${t('cli:change.more', { count: ties.length - 10 })}`);
  };
  tieList('cli:change.formed', c.tiesFormed);
  tieList('cli:change.lost', c.tiesLost);
  const orgList = (title: string, ids: string[]) => {
    if (!ids.length) return;
    const shown = ids.slice(0, 10).map(name);
    out.push(`${t(title, { count: ids.length })} ${shown.join('; ')}${ids.length > 10 ? `; ${t('cli:change.more', { count: ids.length - 10 })}` : ''}`);
  };
  orgList('cli:change.entered', c.organisationsEntered);
  orgList('cli:change.left', c.organisationsLeft);
  return out;
}

function heading(out: string[], title: string) {
  out.push('', title, '-'.repeat(title.length));
}

function comparisonSummary(c: ComparisonOutput, names: ReadonlyMap<string, { name: string; sector: string }>, focalId: string | null, t: T): string {
  const views = c.filters;
  const out: string[] = [];
  const label = (q: string) => q || t('cli:change.allData');
  heading(out, t('cli:change.title', { before: label(views.before), after: label(views.after) }));
  for (const l of changeLines(c, names, focalId, t, false)) out.push(l);
  const tracker = c.bridgeTracker;
  heading(out, t('cli:tracker.title'));
  if (tracker.firstYear === null) out.push(t('cli:tracker.noYears'));
  for (const p of tracker.pairs) {
    const years = tracker.rows.filter((r) => r.a === p.a && r.b === p.b).map((r) => `${r.year} ${r.ties}`);
    out.push(
      `  ${t('cli:tracker.pair', { a: sectorName(t, p.a), b: sectorName(t, p.b), years: years.join(' · ') || '–', ties: p.ties, undated: p.undatedOnly })}`,
    );
  }
  return out.join('\n') + '\n';
}

/** Where a problem is, for a summary line: file, row and column. */
function problemWhere(p: ImportProblem, t: T): string {
  return `${p.file}${p.row ? ` ${t('cli:row', { row: p.row })}` : ''}${p.column ? `, ${p.column}` : ''}`;
}

function scenarioSummary(s: ScenarioOutput, names: ReadonlyMap<string, { name: string; sector: string }>, focalId: string | null, t: T, words: ImportWords): string {
  const out: string[] = [];
  heading(out, t('cli:scenario.title', { file: s.file }));
  const r = s.import;
  out.push(t('cli:import', { read: r.rowsRead, used: r.rowsUsed, merged: r.rowsMerged, rejected: r.rowsRejected }) + '.');
  for (const p of r.problems.filter((x) => x.severity !== 'info').slice(0, 10)) {
    out.push(`  ${problemWhere(p, t)}: ${problemText(p, words).message}`);
  }
  out.push(t('cli:scenario.added', { organisations: s.added.organisations.length, activities: s.added.activities.length, participations: s.added.participations }));
  for (const l of changeLines(s, names, focalId, t, true)) out.push(l);
  const h = s.after.hypotheticalTies;
  if (h) out.push(t('cli:scenario.hypotheticalTies', { only: h.only, partly: h.partly }));
  return out.join('\n') + '\n';
}

function worklistSummary(w: WorklistOutput, t: T, words: ImportWords): string {
  const out: string[] = [];
  heading(out, t('cli:worklist.title', { file: w.file }));
  const r = w.import;
  out.push(t('cli:import', { read: r.rowsRead, used: r.rowsUsed, merged: r.rowsMerged, rejected: r.rowsRejected }) + '.');
  for (const p of r.problems.filter((x) => x.severity !== 'info').slice(0, 10)) {
    out.push(`  ${problemWhere(p, t)}: ${problemText(p, words).message}`);
  }
  out.push(t('cli:worklist.counts', { count: w.introductions.length, tied: w.tied, notTied: w.notTied, unmatched: w.unmatched }));
  // Tied first (news), then those not found (names to fix), then the first ten not tied.
  const line = (i: WorklistOutput['introductions'][number]) => {
    const pair = `${i.a.name || i.a.id} – ${i.b.name || i.b.id}`;
    const status = t(`cli:worklist.status.${i.status}`);
    const m = i.match;
    if (m.outcome === 'tied') return `  ${t('cli:worklist.tied', { pair, status, activities: m.activities.join(', ') })}`;
    if (m.outcome === 'not_tied') return `  ${t('cli:worklist.notTied', { pair, status })}`;
    if (m.sameOrganisation) return `  ${t('cli:worklist.sameOrganisation', { pair, status, id: m.a.id })}`;
    const missing = [m.a.id === null ? i.a.name || i.a.id : null, m.b.id === null ? i.b.name || i.b.id : null].filter(Boolean).join(', ');
    return `  ${t('cli:worklist.unmatched', { pair, status, missing })}`;
  };
  const of = (outcome: IntroductionMatch['outcome']) => w.introductions.filter((i) => i.match.outcome === outcome);
  for (const i of of('tied').concat(of('unmatched'), of('not_tied').slice(0, 10))) out.push(line(i));
  if (w.notTied > 10) out.push(`  ${t('cli:change.more', { count: w.notTied - 10 })}`);
  return out.join('\n') + '\n';
}

// The compiled command line (scripts/cli.mjs) is one file, also loaded by its helper thread.
if (isMainThread) process.exitCode = await main();

/**
 * The analysis worker's change-over-time methods: comparing two views, a what-if scenario and the
 * meeting pack's "if these introductions happen". Each side is the full staged analysis; stages run
 * in time slices like the main analysis, so the worker keeps hearing messages (a newer request
 * cancels an older one through its AbortSignal) and the page never waits on one long task.
 *
 * The views of the loaded data share the worker's engine and its cache (the "before" side is often
 * the view the page already analysed). A scenario changes the data: it gets its own projection and
 * engine, kept for the newest scenario so changing k reruns only the conveners there too.
 */
import { bridgeTracker } from '../analysis/bridgeTracker';
import { analyseInput, clustersWithAMember, compareAnalyses, type ViewAnalysis } from '../analysis/compare';
import { MIN_CLUSTER_SIZE } from '../analysis/clusters';
import { runStages, StagedAnalysis, STAGES, type AnalysisInput, type StageName } from '../analysis/stages';
import { now } from '../analysis/util';
import { focalSummaryOf, type ComparisonDocument, type ScenarioOutcome } from '../change/document';
import { filtersQuery } from '../change/request';
import { applyScenario, type Scenario, type ScenarioRow } from '../data/scenario';
import type { Sector } from '../data/sectors';
import { applyFilters } from '../filters/filters';
import { buildNetwork, sectorCodes } from '../graph/network';
import type { AnalysisProtocol, ChangeProgress } from './protocols';
import type { Handlers } from './rpc';
import { yieldToEventLoop } from '../data/import/table';

const SLICE_MS = 30;

class Cancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}

/** Runs a stage generator to its end in time slices; stops when the call is cancelled. */
async function drive<T>(gen: Generator<number, T, void>, signal: AbortSignal, onProgress: (fraction: number) => void): Promise<T> {
  let sliceStart = now();
  let sent = -1;
  for (;;) {
    const step = gen.next();
    if (step.done) return step.value;
    // Progress at most every 2%: the page re-renders on each message.
    if (step.value - sent >= 0.02 || step.value < sent) {
      sent = step.value;
      onProgress(step.value);
    }
    if (now() - sliceStart < SLICE_MS) continue;
    await yieldToEventLoop();
    if (signal.aborted) {
      gen.return(undefined as never);
      throw new Cancelled();
    }
    sliceStart = now();
  }
}

/** Every stage of the input (or those `wanted` needs), sliced; then the assembled view. */
async function analyseSliced(
  engine: StagedAnalysis,
  input: AnalysisInput,
  signal: AbortSignal,
  onProgress: (stage: StageName, fraction: number) => void,
  wanted: readonly StageName[] = STAGES,
): Promise<void> {
  for (const stage of engine.plan(wanted)) {
    if (signal.aborted) throw new Cancelled();
    await drive(engine.runStage(stage, input), signal, (f) => onProgress(stage, f));
  }
}

export interface ChangeServiceState {
  engine(): StagedAnalysis | null;
  /** The sector corrections the page sent last (the overlay of the engine's newest version). */
  corrections(): ReadonlyMap<string, Sector>;
}

type ChangeHandlers = Pick<Handlers<AnalysisProtocol>, 'compare' | 'scenario' | 'focalIf'>;

export function createChangeHandlers(state: ChangeServiceState): ChangeHandlers {
  /** The newest scenario's data and engine, by the engine it was built on and its rows. */
  let kept: { base: StagedAnalysis; key: string; scenario: Scenario; engine: StagedAnalysis } | null = null;

  const loaded = (): StagedAnalysis => {
    const engine = state.engine();
    if (!engine) throw new Error('No dataset is loaded in the analysis worker.');
    return engine;
  };

  /** The scenario's data and an engine on it, with the input's sector overlay. */
  const scenarioEngine = (base: StagedAnalysis, rows: readonly ScenarioRow[], file: string, sectorsVersion: string, keep: boolean) => {
    const key = `${file}\u0000${JSON.stringify(rows)}`;
    let entry = kept && kept.base === base && kept.key === key ? kept : null;
    if (!entry) {
      const scenario = applyScenario(base.network.dataset, rows, { file });
      const network = buildNetwork(scenario.dataset, base.network.projection.rules);
      const engine = new StagedAnalysis(network, `${base.networkVersion}+scenario`, sectorCodes(network, state.corrections()), sectorsVersion);
      entry = { base, key, scenario, engine };
      if (keep) kept = entry;
    }
    // A correction since: the same engine, the new overlay version (as the main engine does).
    entry.engine.setSectors(sectorCodes(entry.engine.network, state.corrections()), sectorsVersion);
    return entry;
  };

  const viewOf = async (engine: StagedAnalysis, input: AnalysisInput, signal: AbortSignal, side: ChangeProgress['side'], progress: (p: ChangeProgress) => void): Promise<ViewAnalysis> => {
    await analyseSliced(engine, input, signal, (stage, fraction) => progress({ side, stage, fraction }));
    return analyseInput(engine, input);
  };

  return {
    async compare({ before, after, trackerFilters }, { signal, progress }) {
      const engine = loaded();
      const x = await viewOf(engine, before, signal, 'before', progress);
      const y = await viewOf(engine, after, signal, 'after', progress);
      const sectors = sectorCodes(engine.network, state.corrections());
      const tracker = bridgeTracker(engine.network, sectors, {
        targets: before.targets,
        visibility: applyFilters(engine.network, sectors, trackerFilters),
        statedOnly: trackerFilters.statedOnly,
      });
      const document: ComparisonDocument = {
        filters: { before: filtersQuery(before.filters), after: filtersQuery(after.filters) },
        ...compareAnalyses(x, y),
        bridgeTracker: tracker,
      };
      return document;
    },

    async scenario({ rows, file, input }, { signal, progress }) {
      const base = loaded();
      const real = await viewOf(base, input, signal, 'before', progress);
      const { scenario, engine } = scenarioEngine(base, rows, file, input.sectorsVersion, true);
      const withRows = await viewOf(engine, input, signal, 'after', progress);
      const comparison = compareAnalyses(real, withRows);
      const added = new Set(scenario.organisations);
      const newActivities = new Set(scenario.activities);
      const outcome: ScenarioOutcome = {
        document: {
          file: scenario.report.file,
          import: scenario.report,
          added: { organisations: scenario.organisations, activities: scenario.activities, participations: scenario.participations },
          ...comparison,
        },
        organisations: scenario.dataset.organisations.filter((o) => added.has(o.id)).map((o) => ({ id: o.id, name: o.name, sector: o.sector, hypothetical: true })),
        activities: scenario.dataset.activities.filter((a) => newActivities.has(a.id)).map((a) => ({ id: a.id, title: a.title, kind: a.kind })),
      };
      return outcome;
    },

    async focalIf({ input, scenarios }, { signal, progress }) {
      const base = loaded();
      const total = scenarios.length + 1;
      await analyseSliced(base, input, signal, () => undefined, ['focal']);
      // All cached by now: runStages only assembles (or recomputes what a newer request evicted).
      const now = runStages(base, input, ['focal']);
      const before = focalSummaryOf(now.focal!.data.view);
      // Today's clusters, by organisation id: each scenario's reach is counted on them (its own
      // Louvain run would redraw them, and "8 → 7" could then mean new clusters, not less reach).
      const baseIds = base.csrOf(input).ids;
      const members = Array.from(now.communities!.data.of, (c, i) => ({ id: baseIds[i]!, community: c }));
      progress({ done: 1, total });
      const after: { id: string; focal: ReturnType<typeof focalSummaryOf> }[] = [];
      for (const s of scenarios) {
        const { engine } = scenarioEngine(base, s.rows, s.id, input.sectorsVersion, false);
        await analyseSliced(engine, input, signal, () => undefined, ['focal']);
        const focal = runStages(engine, input, ['focal']).focal!.data;
        let summary = focalSummaryOf(focal.view);
        if (summary && before && summary.id === before.id) {
          const ids = engine.csrOf(input).ids;
          const reached = new Set<string>();
          focal.distance.forEach((d, i) => {
            if (d >= 0) reached.add(ids[i]!);
          });
          summary = { ...summary, clustersReached: clustersWithAMember(members, reached, MIN_CLUSTER_SIZE), clustersTotal: before.clustersTotal, clustersAsBefore: true };
        }
        after.push({ id: s.id, focal: summary });
        progress({ done: after.length + 1, total });
      }
      return { before, after };
    },
  };
}

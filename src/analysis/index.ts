/**
 * Bruggen network analysis: one entry point, `analyseNetwork`, that runs every step on an
 * OrganisationNetwork and returns a plain JSON-serialisable result (no Map/Set, NaN → null).
 * Pure TypeScript: runs in a web worker and in Node.
 */
import type { Dataset } from '../data/model';
import { DEFAULT_TARGET_SECTORS, SECTORS, type Sector } from '../data/sectors';
import { DEFAULT_FILTERS, type Filters, type Visibility } from '../filters/filters';
import { buildNetwork, sectorCodes, type Network } from '../graph/network';
import { DEFAULT_PROJECTION_RULES, type ProjectionRules } from '../graph/projection';
import { assembleResult, type AnalysisResult, type StageResults, type VisibleTies } from './assemble';
import { DEFAULT_EXACT_BETWEENNESS_MAX_NODES } from './betweenness';
import { AWAITING_ELSEWHERE, type LouvainElsewhere } from './communities';
import { buildCsr, type AnyGraph, type Csr } from './csr';
import {
  computeStage,
  DEFAULT_ANALYSIS_OPTIONS,
  runStages,
  runToEnd,
  StagedAnalysis,
  STAGE_DEPENDENCIES,
  STAGES,
  type AnalysisInput,
  type StageContext,
  type StageData,
  type StageName,
  type StageResult,
} from './stages';
import type { VisibleIncidence } from './view';
import { DEFAULT_SUGGESTIONS_PER_PAIR } from './suggestions';
import { now } from './util';

/**
 * A sector name. Any string is accepted (unknown sectors are simply absent, e.g. reported as
 * `sector_absent`), while editors still autocomplete the Sector literals.
 */
export type SectorName = Sector | (string & {});

export interface AnalysisOptions {
  /** Sectors whose mutual bridges matter; default tech, care, government. */
  targets?: readonly SectorName[];
  /** Number of conveners to pick, 1–10; default 5. */
  k?: number;
  /** Reach of a convener in hops, 1 or 2; default 1. */
  reachSteps?: 1 | 2;
  /** Louvain resolution; default 1. */
  louvainResolution?: number;
  /** Seed of every random choice (Louvain, betweenness pivots); default 42. */
  seed?: number;
  /** Exact betweenness up to this many organisations, sampled above; default 5000. */
  exactBetweennessMaxNodes?: number;
  /** At most this many pivots for the sampled betweenness; default no limit (sampling stops when the ranking is stable). */
  betweennessSamples?: number;
  /** Suggested organisation pairs per target-sector pair (and community pairs); default 10. */
  suggestionsPerPair?: number;
  /** The focal organisation ("our municipality"). */
  focal?: string | null;
  /** Called with the stage name and its fraction done (0–1). */
  onProgress?: (stage: string, fraction: number) => void;
}

export function analysisInputOf(options: AnalysisOptions): Omit<AnalysisInput, 'filters' | 'sectorsVersion'> {
  return {
    ...DEFAULT_ANALYSIS_OPTIONS,
    targets: [...new Set<string>(options.targets ?? DEFAULT_TARGET_SECTORS)],
    k: Math.max(1, Math.min(10, Math.floor(options.k ?? 5))),
    reach: options.reachSteps === 2 ? 2 : 1,
    resolution: options.louvainResolution ?? 1,
    seed: options.seed ?? 42,
    exactBetweennessMaxNodes: options.exactBetweennessMaxNodes ?? DEFAULT_EXACT_BETWEENNESS_MAX_NODES,
    betweennessSamples: options.betweennessSamples ?? Number.POSITIVE_INFINITY,
    suggestionsPerPair: options.suggestionsPerPair ?? DEFAULT_SUGGESTIONS_PER_PAIR,
    focal: options.focal ?? null,
  };
}

/**
 * Every stage on any undirected graphology graph (nodes may carry `sector` and `label`, ties a
 * `weight`): the reference tests use it on karate and the other fixtures. Datasets go through the
 * staged engine instead (analyseDataset).
 */
export function analyseNetwork(graph: AnyGraph, options: AnalysisOptions = {}): AnalysisResult {
  const input = analysisInputOf(options);
  const csr = buildCsr(graph, { groupOrder: SECTORS, includeGroups: input.targets });
  const stages: StageResults = {};
  for (const stage of STAGES) {
    const t = now();
    const data = runToEnd(
      computeStage(stage, csr, input, (d) => stages[d]!.data),
      (f) => options.onProgress?.(stage, f),
    );
    (stages as Record<string, StageResult>)[stage] = { stage, key: stage, viewKey: 'graph', data, ms: now() - t };
  }
  return assembleResult(stages, input, {
    count: csr.m,
    source: (e) => csr.ids[csr.edgeU[e]!]!,
    target: (e) => csr.ids[csr.edgeV[e]!]!,
    weight: (e) => csr.edgeW[e]!,
  })!;
}

/** The whole analysis of a dataset for a view (filters and options), through the staged engine. */
export function analyseDataset(
  dataset: Dataset,
  options: AnalysisOptions & {
    filters?: Filters;
    rules?: ProjectionRules;
    corrections?: ReadonlyMap<string, Sector>;
    /** The dataset's network under `rules`, when the caller has already built it. */
    network?: Network;
    /** Filled with wall-clock milliseconds per step: network, view, each stage, assemble. */
    timings?: Record<string, number>;
  } = {},
): { result: AnalysisResult; network: Network; engine: StagedAnalysis; input: AnalysisInput; stages: StageResults } {
  const timings = options.timings;
  let t = now();
  const network = options.network ?? buildNetwork(dataset, options.rules ?? DEFAULT_PROJECTION_RULES);
  if (timings && !options.network) timings.network = now() - t;
  const engine = new StagedAnalysis(network, 'cli', sectorCodes(network, options.corrections), '0');
  const input: AnalysisInput = { ...analysisInputOf(options), filters: options.filters ?? DEFAULT_FILTERS, sectorsVersion: '0' };
  t = now();
  const visibility = engine.visibilityOf(input);
  if (timings) timings.view = now() - t;
  const stages = runStages(engine, input, STAGES, (e) => {
    if (e.type === 'progress') options.onProgress?.(e.stage, e.fraction);
    else if (timings) timings[e.result.stage] = e.result.ms;
  });
  t = now();
  const result = assembleResult(stages, input, visibleTies(network, visibility))!;
  if (timings) timings.assemble = now() - t;
  return { result, network, engine, input, stages };
}

/**
 * Runs dependency-free stages somewhere else (a worker thread) while the caller's thread runs the
 * rest: the command line uses one (scripts/lib/stageHelper.ts). The stages are pure, so the result
 * is the same as analyseDataset's.
 */
export interface StageHelper {
  /** Starts the stages, in order, on the helper; each promise resolves with that stage's data and time. */
  start(
    stages: readonly StageName[],
    csr: Csr & { orgIndexOf: Int32Array },
    input: Omit<AnalysisInput, 'filters' | 'sectorsVersion'>,
    context: { incidence: VisibleIncidence },
  ): Map<StageName, Promise<{ data: StageData[StageName]; ms: number }>>;
  /**
   * When present, the helper first takes `share` of the communities' first-round Louvain runs
   * (`elsewhere`), then the HELPER_STAGES_AFTER_LOUVAIN; it waits for that request, or for
   * `none()` when the communities ask for nothing.
   */
  louvain?: { elsewhere: LouvainElsewhere; share: number; none(): void };
  /** Told of every stage computed on the caller's thread (the command line's helper needs the structure's bridges). */
  computedHere?(stage: StageName, data: StageData[StageName]): void;
}

/**
 * Stages a helper takes: no dependencies, and together about as long as the caller's share (on
 * H2020: betweenness 2–3 s, structure 2–3 s, bridges 2 s there, then the tie rows; communities 4 s,
 * robustness 1.7 s, suggestions 1.1 s, roles 0.8 s and the rest here; roles on either side
 * measured the same). Betweenness first: the suggestions wait for it.
 */
export const HELPER_STAGES: readonly StageName[] = ['betweenness', 'structure', 'bridges'];

/**
 * Stages a helper takes after its share of the Louvain runs (StageHelper.louvain). On H2020 with
 * two threads: two of the five first-round runs (about 2 s) and betweenness 4.3 s, bridges 4.9 s,
 * roles 1.2 s there; the communities' other runs (about 5 s), structure, robustness, suggestions
 * and the rest here.
 */
export const HELPER_STAGES_AFTER_LOUVAIN: readonly StageName[] = ['betweenness', 'bridges', 'roles'];

/**
 * Computes a stage that depends on no other (HELPER_STAGES, HELPER_STAGES_AFTER_LOUVAIN) on another
 * thread's copy of the visible network (the command line's helper thread, the browser's stage
 * helper): none is given.
 */
export function computeHelperStage(
  stage: StageName,
  csr: Csr & { orgIndexOf: Int32Array },
  input: Omit<AnalysisInput, 'filters' | 'sectorsVersion'>,
  context: StageContext,
  onProgress?: (fraction: number) => void,
): StageData[StageName] {
  if (STAGE_DEPENDENCIES[stage].length > 0) throw new Error(`A helper does not compute ${stage}: it depends on other stages.`);
  const noDependency = (d: StageName): never => {
    throw new Error(`a helper stage cannot depend on ${d}`);
  };
  return runToEnd(computeStage(stage, csr, input, noDependency, context), onProgress);
}

/**
 * Ties from which a second thread pays: starting it (loading the analysis code in it) costs about
 * a second of CPU, more than the stages it takes over on a small network.
 */
export const HELPER_MIN_TIES = 20_000;

/**
 * analyseDataset with the HELPER_STAGES on a helper (another thread), or its share of the Louvain
 * runs and the HELPER_STAGES_AFTER_LOUVAIN when it offers to take them, and the others on this one,
 * in dependency order; resolves to the same result as analyseDataset.
 */
export async function analyseDatasetConcurrently(
  dataset: Dataset,
  helper: StageHelper,
  options: Parameters<typeof analyseDataset>[1] & {
    /** Leave `result.ties` empty: the caller writes the tie rows itself (the CLI's helper serialises them). */
    omitTies?: boolean;
  } = {},
): Promise<ReturnType<typeof analyseDataset>> {
  const timings = options.timings;
  let t = now();
  const network = options.network ?? buildNetwork(dataset, options.rules ?? DEFAULT_PROJECTION_RULES);
  if (timings && !options.network) timings.network = now() - t;
  const engine = new StagedAnalysis(network, 'cli', sectorCodes(network, options.corrections), '0');
  const input: AnalysisInput = { ...analysisInputOf(options), filters: options.filters ?? DEFAULT_FILTERS, sectorsVersion: '0' };
  t = now();
  const visibility = engine.visibilityOf(input);
  const csr = engine.csrOf(input);
  const incidence = engine.incidenceOf(input);
  if (timings) timings.view = now() - t;
  const keys = engine.keys(input);
  const stages: StageResults = {};
  const put = <S extends StageName>(stage: S, data: StageData[S], ms: number) => {
    (stages as Record<string, StageResult>)[stage] = { stage, key: keys[stage], viewKey: keys.view, data, ms };
    if (timings) timings[stage] = ms;
  };
  const helperStages = helper.louvain ? HELPER_STAGES_AFTER_LOUVAIN : HELPER_STAGES;
  const remote = helper.start(helperStages, csr, input, { incidence });
  let louvainAsked = false;
  const louvain = helper.louvain;
  const context: StageContext = { incidence: () => incidence };
  if (louvain) {
    context.louvainElsewhereShare = louvain.share;
    context.louvainElsewhere = (edges, seeds, options) => {
      louvainAsked = true;
      return louvain.elsewhere(edges, seeds, options);
    };
  }
  const dep = <D extends StageName>(d: D): StageData[D] => {
    const r = stages[d];
    if (!r) throw new Error(`Stage ${d} has not run.`);
    return r.data as StageData[D];
  };
  const local = async (stage: StageName) => {
    const start = now();
    const steps = computeStage(stage, csr, input, dep, context);
    for (let step = steps.next(); ; step = steps.next()) {
      if (step.done) {
        put(stage, step.value, now() - start);
        helper.computedHere?.(stage, step.value);
        return;
      }
      // Runs elsewhere are awaited without holding this thread (their answer may need its event loop).
      if (step.value === AWAITING_ELSEWHERE) await new Promise((resolve) => setTimeout(resolve, 1));
      else options.onProgress?.(stage, step.value);
    }
  };
  const awaitRemote = async (stage: StageName) => {
    const r = await remote.get(stage)!;
    put(stage, r.data, r.ms);
  };
  // This thread: what needs the communities, in dependency order, and first what needs nothing
  // from the helper, so that its stages are done, not waited for, when they are needed. With
  // Louvain runs on the helper, the communities come first: the helper waits for them.
  const mine = engine.plan(STAGES).filter((stage) => !helperStages.includes(stage));
  if (louvain) mine.sort((a, b) => Number(b === 'communities') - Number(a === 'communities'));
  const needsHelper = (stage: StageName): boolean => STAGE_DEPENDENCIES[stage].some((d) => helperStages.includes(d) || needsHelper(d));
  for (const stage of [...mine.filter((s) => !needsHelper(s)), ...mine.filter(needsHelper)]) {
    for (const d of STAGE_DEPENDENCIES[stage]) if (!stages[d]) await awaitRemote(d);
    await local(stage);
    if (stage === 'communities' && louvain && !louvainAsked) louvain.none();
  }
  for (const stage of helperStages) if (!stages[stage]) await awaitRemote(stage);
  t = now();
  const ties = options.omitTies ? { count: 0, source: () => '', target: () => '', weight: () => 0 } : visibleTies(network, visibility);
  const result = assembleResult(stages, input, ties)!;
  if (timings) timings.assemble = now() - t;
  return { result, network, engine, input, stages };
}

/** The visible ties of a network, by id, for assembleResult. */
export function visibleTies(network: Network, visibility: Visibility): VisibleTies {
  const { ties } = network.projection;
  const visible: number[] = [];
  for (let e = 0; e < ties.m; e++) if (visibility.tieShared[e]) visible.push(e);
  const ids = network.projection.incidence.orgIds;
  return {
    count: visible.length,
    source: (k) => ids[ties.u[visible[k]!]!]!,
    target: (k) => ids[ties.v[visible[k]!]!]!,
    weight: (k) => visibility.tieWeight[visible[k]!]!,
  };
}

// Lower-level building blocks, for callers that need one step only.
export { buildCsr } from './csr';
export type { Csr, CsrOptions } from './csr';
export { componentPartition, louvainPartition, summariseClusters, membersOf } from './clusters';
export { analyseMixing, mixingMatrices, eiIndex, sectorReach, targetPairBridges } from './mixing';
export { betweenness, accumulateDependencies, rescaleBetweenness } from './betweenness';
export { structuralHoles } from './structuralHoles';
export { brokerageRoles, brokerageOf, toSnaOrdered } from './brokerage';
export { participationCoefficient, brokerMeasures } from './brokers';
export { cutpoints, articulationIds, bridgeIds } from './cutpoints';
export { convenersOf, mReachOf, greedySectorPairCover } from './conveners';
export { selectKeyPlayers, convenerRobustness } from './keyPlayers';
export { consensusCommunities, adjustedRandIndex } from './communities';
export { twoModeNull } from './nullModel';
export { brokerageNormalised } from './brokerageNorm';
export { sampledBetweenness } from './betweennessSampling';
export { suggestTies, suggestClusterLinks, sharedPartners } from './suggestions';
export { focalView } from './focal';
export { EI_CONVENTION, EI_CONVENTION_DEFINITION, MISSING_BRIDGE_RATIO } from './mixing';
export { DEFAULT_BETWEENNESS_SAMPLES, DEFAULT_EXACT_BETWEENNESS_MAX_NODES } from './betweenness';
export type { ClusterSummary } from './clusters';
export type { BrokerageCounts } from './brokerage';
export type { ConvenerPick } from './conveners';
export type { FocalView, FocalChain, ChainStep } from './focal';
export type { AnalysisResult, AnalysisMeta, OrganisationRow, TieRow, MixingSummary } from './assemble';
export { STAGES, StagedAnalysis, stageKeys, runStages } from './stages';
export type { StageName, StageResult, AnalysisInput, AnalysisEvent } from './stages';
export type { SectorPairSuggestions, ClusterSuggestion, TieSuggestion } from './suggestions';

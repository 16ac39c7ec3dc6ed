/**
 * Two views of a network side by side: two periods, any two filter sets, or the data without and
 * with a what-if scenario. Each side is a full staged analysis (no measure is computed here); this
 * module runs them and reduces each to what a network manager compares — size, components, the
 * target-sector pairs with the two-mode null's interval, the focal organisation's distances, the
 * clusters lacking a target sector and the conveners — plus the ties formed and lost and the
 * organisations that entered and left.
 *
 * Two filter sets of one dataset share one projection and one engine (`analyseViews`), so a stage
 * whose key does not depend on the filters is not recomputed and both sides use the same tie rules.
 * A scenario changes the data, so its side gets its own projection (`compareScenario`).
 *
 * Ties and organisations are matched by id (the projection numbers organisations by sorted id, so
 * both sides' tie lists are sorted the same way and are merged in one pass). A tie "formed" is
 * visible in `after` and not in `before`; for two periods that means "active in the second period
 * and not in the first", not "new in the world".
 *
 * Results are codes and numbers only; the command line and the app word them.
 */
import type { Dataset } from '../data/model';
import { withoutHypothetical } from '../data/scenario';
import type { Sector } from '../data/sectors';
import { DEFAULT_FILTERS, type Filters, type Visibility } from '../filters/filters';
import { buildNetwork, sectorCodes, type Network } from '../graph/network';
import { DEFAULT_PROJECTION_RULES, type ProjectionRules } from '../graph/projection';
import { assembleResult, type AnalysisResult, type StageResults } from './assemble';
import { analysisInputOf, visibleTies, type AnalysisOptions } from './index';
import type { SectorPairBridge } from './mixing';
import { runStages, StagedAnalysis, STAGES, type AnalysisEvent, type AnalysisInput } from './stages';
import { compareIds, finiteOrNull } from './util';
import { MIN_CLUSTER_SIZE, STABLE_COMMUNITY } from './clusters';

/** A community lacking target sectors is named only from this size on (as the findings do). */
export const DEFAULT_MIN_CLUSTER_SIZE = MIN_CLUSTER_SIZE;
export { STABLE_COMMUNITY } from './clusters';

/** One analysed view: the result document and what it was computed on. */
export interface ViewAnalysis {
  result: AnalysisResult;
  network: Network;
  visibility: Visibility;
  input: AnalysisInput;
  /** Stability of each community (index = community id − 1); NaN for one-member communities. */
  communityStability: Float64Array;
  /** Every stage's result (the command line writes the robustness and the sampling details). */
  stages: StageResults;
}

export interface AnalyseViewsOptions extends Omit<AnalysisOptions, 'onProgress'> {
  rules?: ProjectionRules;
  /** The dataset's network under `rules`, when the caller has built it already. */
  network?: Network;
  corrections?: ReadonlyMap<string, Sector>;
  /** Draws of the two-mode null model; default 1,000. */
  nullDraws?: number;
  /** Bootstrap resamples for the conveners' robustness; default 50. */
  bootstraps?: number;
  /** Called with the view (0, 1, …), the stage and its fraction done. */
  onProgress?: (view: number, stage: string, fraction: number) => void;
}

function inputFor(dataset: Dataset, filters: Filters, options: AnalyseViewsOptions): AnalysisInput {
  const { onProgress: _progress, network: _network, ...analysis } = options;
  const base = analysisInputOf({ ...analysis, focal: analysis.focal === undefined ? (dataset.focal ?? null) : analysis.focal });
  return {
    ...base,
    nullDraws: options.nullDraws ?? base.nullDraws,
    bootstraps: options.bootstraps ?? base.bootstraps,
    filters,
    sectorsVersion: '0',
  };
}

/** Every stage for one input on an engine, assembled into a result document. */
export function analyseInput(engine: StagedAnalysis, input: AnalysisInput, onEvent?: (e: AnalysisEvent) => void): ViewAnalysis {
  const stages = runStages(engine, input, STAGES, onEvent);
  const visibility = engine.visibilityOf(input);
  const result = assembleResult(stages, input, visibleTies(engine.network, visibility));
  if (!result) throw new Error('The analysis stages were computed on different views.');
  return { result, network: engine.network, visibility, input, communityStability: stages.communities!.data.stability, stages };
}

/** Several filter sets of one dataset: one projection, one engine, one analysis per filter set. */
export function analyseViews(dataset: Dataset, filters: readonly Filters[], options: AnalyseViewsOptions = {}): ViewAnalysis[] {
  const network = options.network?.dataset === dataset ? options.network : buildNetwork(dataset, options.rules ?? DEFAULT_PROJECTION_RULES);
  const engine = new StagedAnalysis(network, 'compare', sectorCodes(network, options.corrections), '0');
  return filters.map((f, view) =>
    analyseInput(engine, inputFor(dataset, f, options), (e) => {
      if (e.type === 'progress') options.onProgress?.(view, e.stage, e.fraction);
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// The comparison document

export interface TargetPairSummary {
  a: string;
  b: string;
  ties: number;
  /** Observed / configuration-model expectation (descriptive); null when nothing is expected. */
  ratio: number | null;
  missing: boolean;
  reason: SectorPairBridge['reason'];
  /** The two-mode null model: mean ties over the randomisations and their 2.5–97.5 percentiles. */
  interval: { expected: number; low: number; high: number } | null;
  /** Two-sided Monte-Carlo p-value of the observed count under the two-mode null. */
  p: number | null;
}

export interface FocalSummary {
  id: string;
  label: string;
  sector: string;
  degree: number;
  /** Hops to the nearest other organisation of each sector; null when none is reachable. */
  distances: { sector: string; distance: number | null }[];
  /** Clusters of at least DEFAULT_MIN_CLUSTER_SIZE organisations within reach, of `clustersTotal`. */
  clustersReached: number;
  clustersTotal: number;
  /**
   * True on the "after" side of a scenario: counted on the clusters as they were before (the real
   * data's), so that adding ties can only keep or raise the count (clustersReachedOnPartition).
   */
  clustersAsBefore?: true;
}

export interface ClusterLacking {
  /** Community id within its own view (ids are not comparable between views). */
  id: number;
  size: number;
  lacks: string[];
  /** Mean co-assignment of its members across the consensus runs. */
  stability: number | null;
  /** stability ≥ STABLE_COMMUNITY: only stable clusters are findings, the others are uncertain. */
  stable: boolean;
}

export interface ConvenerSummary {
  picks: { rank: number; id: string; label: string; sector: string }[];
  reachedTotal: number;
  targetTotal: number;
  coverage: { sector: string; total: number; reached: number }[];
  allSectorsReached: boolean;
}

export interface ViewSummary {
  organisations: number;
  activities: number;
  ties: number;
  /** Connected components, isolates included. */
  components: number;
  /** Organisations without a visible tie (each is a component of its own). */
  isolates: number;
  communities: number;
  targetPairs: TargetPairSummary[];
  /** The focal organisation ("our municipality"); null with `focalNote` saying why. */
  focal: FocalSummary | null;
  focalNote: 'no_focal' | 'not_visible' | null;
  /** Communities of at least `minClusterSize` members lacking a target sector, largest first. */
  clustersLacking: ClusterLacking[];
  conveners: ConvenerSummary;
  /** In a scenario's views: visible ties resting only / partly on hypothetical participations. */
  hypotheticalTies?: { only: number; partly: number };
}

export interface TieChange {
  source: string;
  target: string;
  /** In a scenario: true when a hypothetical participation supports the tie. */
  hypothetical?: boolean;
}

export interface Comparison {
  before: ViewSummary;
  after: ViewSummary;
  /** Ties visible after and not before (by organisation id, source < target). */
  tiesFormed: TieChange[];
  /** Ties visible before and not after. */
  tiesLost: TieChange[];
  /** Organisation ids visible after and not before, sorted. */
  organisationsEntered: string[];
  organisationsLeft: string[];
}

export interface SummaryOptions {
  minClusterSize?: number;
}

/** One view reduced to what is compared. */
export function summariseView(view: ViewAnalysis, options: SummaryOptions = {}): ViewSummary {
  const { result } = view;
  const minSize = options.minClusterSize ?? DEFAULT_MIN_CLUSTER_SIZE;
  let isolates = 0;
  for (const o of result.organisations) if (o.degree === 0) isolates++;
  const focal = result.municipality;
  const summary: ViewSummary = {
    organisations: result.meta.organisations,
    activities: view.visibility.counts.activities,
    ties: result.meta.ties,
    components: result.meta.components,
    isolates,
    communities: result.meta.louvain.communities,
    targetPairs: result.mixing.targetPairs.map((p) => ({
      a: p.a,
      b: p.b,
      ties: p.ties,
      ratio: finiteOrNull(p.observedOverExpected),
      missing: p.missing,
      reason: p.reason,
      interval: p.expectedTwoMode === undefined || p.low === undefined || p.high === undefined ? null : { expected: p.expectedTwoMode, low: p.low, high: p.high },
      p: finiteOrNull(p.p),
    })),
    focal: focal && {
      id: focal.id,
      label: focal.label,
      sector: focal.sector,
      degree: focal.degree,
      distances: focal.sectorDistance.map((d) => ({ sector: d.sector, distance: d.distance })),
      clustersReached: focal.clustersReached.length,
      clustersTotal: focal.clustersTotal,
    },
    focalNote: result.municipalityNote,
    clustersLacking: result.communities
      .filter((c) => c.size >= minSize && c.lacksTargets.length > 0)
      .map((c) => {
        const stability = finiteOrNull(view.communityStability[c.id - 1]);
        return { id: c.id, size: c.size, lacks: c.lacksTargets, stability, stable: stability !== null && stability >= STABLE_COMMUNITY };
      }),
    conveners: {
      picks: result.conveners.picks.map((p) => ({ rank: p.rank, id: p.id, label: p.label, sector: p.sector })),
      reachedTotal: result.conveners.reachedTotal,
      targetTotal: result.conveners.targetTotal,
      coverage: result.conveners.coverage.map((c) => ({ sector: c.sector, total: c.total, reached: c.reached })),
      allSectorsReached: result.conveners.allSectorsReached,
    },
  };
  if (hasHypothetical(view.network)) {
    const flags = hypotheticalTieFlags(view.network, view.visibility, view.input.filters.statedOnly);
    let only = 0;
    let partly = 0;
    for (let k = 0; k < flags.length; k++) {
      if (flags[k] === 2) only++;
      else if (flags[k] === 1) partly++;
    }
    summary.hypotheticalTies = { only, partly };
  }
  return summary;
}

/** The comparison of two analysed views (of one dataset, or of the data without and with a scenario). */
export function compareAnalyses(before: ViewAnalysis, after: ViewAnalysis, options: SummaryOptions = {}): Comparison {
  const a = visibleTieIds(before);
  const b = visibleTieIds(after);
  // In a scenario every change says whether hypothetical participations support it.
  const scenario = hasHypothetical(before.network) || hasHypothetical(after.network);
  const flagsOf = (view: ViewAnalysis) =>
    scenario ? hypotheticalTieFlags(view.network, view.visibility, view.input.filters.statedOnly) : null;
  const flagsBefore = flagsOf(before);
  const flagsAfter = flagsOf(after);
  const tiesFormed: TieChange[] = [];
  const tiesLost: TieChange[] = [];
  let i = 0;
  let j = 0;
  while (i < a.count || j < b.count) {
    const c = i >= a.count ? 1 : j >= b.count ? -1 : compareIds(a.source(i), b.source(j)) || compareIds(a.target(i), b.target(j));
    if (c === 0) {
      i++;
      j++;
    } else if (c < 0) {
      tiesLost.push(change(a.source(i), a.target(i), flagsBefore ? flagsBefore[i]! > 0 : undefined));
      i++;
    } else {
      tiesFormed.push(change(b.source(j), b.target(j), flagsAfter ? flagsAfter[j]! > 0 : undefined));
      j++;
    }
  }
  const ba = visibleOrganisationIds(before);
  const aa = visibleOrganisationIds(after);
  const organisationsEntered: string[] = [];
  const organisationsLeft: string[] = [];
  i = 0;
  j = 0;
  while (i < ba.length || j < aa.length) {
    const c = i >= ba.length ? 1 : j >= aa.length ? -1 : compareIds(ba[i]!, aa[j]!);
    if (c === 0) {
      i++;
      j++;
    } else if (c < 0) organisationsLeft.push(ba[i++]!);
    else organisationsEntered.push(aa[j++]!);
  }
  const summaryBefore = summariseView(before, options);
  const summaryAfter = summariseView(after, options);
  if (scenario && summaryBefore.focal && summaryAfter.focal && summaryBefore.focal.id === summaryAfter.focal.id) {
    summaryAfter.focal = {
      ...summaryAfter.focal,
      clustersReached: clustersReachedOnPartition(before, after, options.minClusterSize ?? DEFAULT_MIN_CLUSTER_SIZE),
      clustersTotal: summaryBefore.focal.clustersTotal,
      clustersAsBefore: true,
    };
  }
  return {
    before: summaryBefore,
    after: summaryAfter,
    tiesFormed,
    tiesLost,
    organisationsEntered,
    organisationsLeft,
  };
}

/**
 * The clusters of `before` (of at least `minSize` organisations) with a member the focal
 * organisation reaches in `after`. A scenario's own Louvain run redraws the clusters, so its own
 * count could read "8 → 7" for a network that only gained ties; on one partition it cannot fall.
 */
export function clustersReachedOnPartition(before: ViewAnalysis, after: ViewAnalysis, minSize: number): number {
  const reached = new Set<string>();
  for (const o of after.result.organisations) if (o.focalDistance !== null) reached.add(o.id);
  return clustersWithAMember(before.result.organisations, reached, minSize);
}

/** How many clusters of `members` (id → cluster) of at least `minSize` members have a member in `reached`. */
export function clustersWithAMember(members: Iterable<{ id: string; community: number }>, reached: ReadonlySet<string>, minSize: number): number {
  const size = new Map<number, number>();
  const hit = new Set<number>();
  for (const m of members) {
    size.set(m.community, (size.get(m.community) ?? 0) + 1);
    if (reached.has(m.id)) hit.add(m.community);
  }
  let count = 0;
  for (const c of hit) if (size.get(c)! >= minSize) count++;
  return count;
}

function change(source: string, target: string, hypothetical: boolean | undefined): TieChange {
  return hypothetical === undefined ? { source, target } : { source, target, hypothetical };
}

/** Two filter sets of one dataset (e.g. two periods), analysed on one engine and compared. */
export function compareViews(
  dataset: Dataset,
  before: Filters,
  after: Filters,
  options: AnalyseViewsOptions & SummaryOptions = {},
): { comparison: Comparison; before: ViewAnalysis; after: ViewAnalysis } {
  const [x, y] = analyseViews(dataset, [before, after], options) as [ViewAnalysis, ViewAnalysis];
  return { comparison: compareAnalyses(x, y, options), before: x, after: y };
}

/**
 * The data without and with a scenario (`applyScenario(dataset, rows).dataset`), under the same
 * filters and options: before = the real data, after = with the hypothetical rows. Pass `before`
 * when the real data's view has been analysed already.
 */
export function compareScenario(
  scenarioDataset: Dataset,
  filters: Filters = DEFAULT_FILTERS,
  options: AnalyseViewsOptions & SummaryOptions = {},
  before?: ViewAnalysis,
): { comparison: Comparison; before: ViewAnalysis; after: ViewAnalysis } {
  const real = before ?? analyseViews(withoutHypothetical(scenarioDataset), [filters], options)[0]!;
  const after = analyseViews(scenarioDataset, [filters], { ...options, network: undefined })[0]!;
  return { comparison: compareAnalyses(real, after, options), before: real, after };
}

// ---------------------------------------------------------------------------------------------
// Ids and hypothetical ties

interface TieIds {
  count: number;
  source(k: number): string;
  target(k: number): string;
}

function visibleTieIds(view: ViewAnalysis): TieIds {
  return visibleTies(view.network, view.visibility);
}

function visibleOrganisationIds(view: ViewAnalysis): string[] {
  const ids = view.network.projection.incidence.orgIds;
  const out: string[] = [];
  for (let i = 0; i < ids.length; i++) if (view.visibility.orgs[i]) out.push(ids[i]!);
  return out;
}

function hasHypothetical(network: Network): boolean {
  return network.dataset.participations.some((p) => p.hypothetical);
}

/**
 * Per visible tie, in the order of the result's `ties` (the visible ties in projection order):
 * 0 when only real participations support it, 1 when real and hypothetical ones do (a real tie a
 * scenario strengthens), 2 when it rests on hypothetical participations only. A (tie, activity)
 * contribution is hypothetical when either organisation's participation in that activity is.
 * Only the activities the view shows count (as in the filters), and with `statedOnly` only
 * stated contributions.
 */
export function hypotheticalTieFlags(network: Network, visibility: Visibility, statedOnly = false): Uint8Array {
  const { incidence, ties } = network.projection;
  const N = incidence.orgIds.length;
  const hypothetical = new Set<number>();
  for (const p of network.dataset.participations) {
    if (!p.hypothetical) continue;
    const a = incidence.actIndex.get(p.activityId);
    const o = incidence.orgIndex.get(p.organisationId);
    if (a !== undefined && o !== undefined) hypothetical.add(a * N + o);
  }
  let visible = 0;
  for (let e = 0; e < ties.m; e++) if (visibility.tieShared[e]) visible++;
  const flags = new Uint8Array(visible);
  if (!hypothetical.size) return flags;
  let k = 0;
  for (let e = 0; e < ties.m; e++) {
    if (!visibility.tieShared[e]) continue;
    let real = false;
    let hyp = false;
    for (let p = ties.actOffsets[e]!; p < ties.actOffsets[e + 1]!; p++) {
      const a = ties.acts[p]!;
      if (!visibility.acts[a] || (statedOnly && ties.actConfidence[p] !== 0)) continue;
      if (hypothetical.has(a * N + ties.u[e]!) || hypothetical.has(a * N + ties.v[e]!)) hyp = true;
      else real = true;
    }
    flags[k++] = hyp ? (real ? 1 : 2) : 0;
  }
  return flags;
}

/**
 * The staged analysis: every analytical step is a stage that declares its inputs, is keyed by
 * them and cached by that key. Changing k reruns the conveners only; a sector correction reruns
 * only what depends on sectors; a filter change reruns what depends on the visible network.
 *
 * Stages are generators that yield their progress (0–1): the worker runs them in time slices so
 * it can hear that a newer request made a stage unnecessary, and the command line simply runs them
 * to completion. Results are plain data (typed arrays where large) with the key they were computed
 * for, so the UI never pairs a result with a state it was not computed for.
 */
import { SECTORS } from '../data/sectors';
import type { Filters, Visibility } from '../filters/filters';
import { applyFilters } from '../filters/filters';
import type { Network } from '../graph/network';
import { DEFAULT_EXACT_BETWEENNESS_MAX_NODES } from './betweenness';
import { sampledBetweennessSteps } from './betweennessSampling';
import { betweenSectorRatio, brokerageNormalised } from './brokerageNorm';
import { participationCoefficient } from './brokers';
import { componentsOfCsr, summariseClusters, type ClusterSummary, type Partition } from './clusters';
import { consensusCommunitySteps, type LouvainElsewhere } from './communities';
import { convenersOf, type ConvenerResult } from './conveners';
import { convenerRobustnessSteps, convenersUnderOtherRules, selectKeyPlayers, type RuleAlternatives } from './keyPlayers';
import { twoModeNullSteps, type SectorEINull, type SectorPairNull, type TwoModeNullResult } from './nullModel';
import type { Csr } from './csr';
import { cutpoints } from './cutpoints';
import { focalView, type FocalResult } from './focal';
import { analyseMixing, nodeEi, type MixingResult, type SectorPairBridge } from './mixing';
import { structuralHoles } from './structuralHoles';
import { DEFAULT_SUGGESTIONS_PER_PAIR, suggestClusterLinks, suggestTies, type ClusterSuggestion, type SectorPairSuggestions } from './suggestions';
import { finiteOrNull, now } from './util';
import { visibleCsr, visibleIncidence, type VisibleIncidence } from './view';

// Communities first: a large network's map is its community overview, drawn as soon as they are known.
// Betweenness is a stage of its own, after the conveners: it is the longest computation on a large
// network, and only the suggestions wait for it.
export const STAGES = ['communities', 'structure', 'roles', 'bridges', 'clusters', 'conveners', 'betweenness', 'suggestions', 'focal', 'robustness'] as const;
export type StageName = (typeof STAGES)[number];

/** Everything an analysis depends on besides the network itself (dataset + tie rules). */
export interface AnalysisInput {
  filters: Filters;
  /** Identifies the sector overlay (corrections); changes whenever a sector changes. */
  sectorsVersion: string;
  targets: readonly string[];
  k: number;
  reach: 1 | 2;
  resolution: number;
  /** The focal organisation ("our municipality"), or null. */
  focal: string | null;
  seed: number;
  /** Exact betweenness up to this many organisations; sampled above. */
  exactBetweennessMaxNodes: number;
  betweennessSamples: number;
  suggestionsPerPair: number;
  /** Draws of the two-mode null model (fewer on large networks, see nullModel.ts). */
  nullDraws: number;
  /** Bootstrap resamples for the robustness of the conveners. */
  bootstraps: number;
}

export const DEFAULT_ANALYSIS_OPTIONS = {
  targets: ['tech', 'care', 'government'],
  k: 5,
  reach: 1 as 1 | 2,
  resolution: 1,
  focal: null,
  seed: 42,
  exactBetweennessMaxNodes: DEFAULT_EXACT_BETWEENNESS_MAX_NODES,
  // No fixed number of pivots: sampling goes on until the top of the ranking is stable (see betweennessSampling.ts).
  betweennessSamples: Number.POSITIVE_INFINITY,
  suggestionsPerPair: DEFAULT_SUGGESTIONS_PER_PAIR,
  nullDraws: 1000,
  bootstraps: 50,
} satisfies Omit<AnalysisInput, 'filters' | 'sectorsVersion'>;

/** A stable text for a filter set: list order does not matter. */
export function filtersKey(f: Filters): string {
  const sorted = (list: readonly string[]) => JSON.stringify([...list].sort());
  return [
    sorted(f.sources),
    sorted(f.kinds),
    sorted(f.schemes),
    sorted(f.themes),
    f.years ? f.years.join('-') : '',
    f.includeUndated ? 'u' : '',
    sorted(f.regions),
    sorted(f.cities),
    sorted(f.sectors),
    f.minWeight,
    f.hideIsolates ? 'i' : '',
    f.statedOnly ? 's' : '',
    f.ego ? JSON.stringify([f.ego.id, f.ego.steps]) : '',
  ].join('|');
}

/**
 * The key of every stage for an input: what it was computed from. The UI computes the same keys
 * to decide whether a result it holds belongs to the current state.
 */
export function stageKeys(input: AnalysisInput, networkVersion: string): Record<StageName, string> & { view: string } {
  const f = input.filters;
  // The sector filter reads sectors: the visible network then depends on corrections too.
  const view = `${networkVersion}#${filtersKey(f)}${f.sectors.length ? `#s${input.sectorsVersion}` : ''}`;
  const limit = (x: number) => (Number.isFinite(x) ? String(x) : 'all');
  const betweenness = `${view}#b${limit(input.exactBetweennessMaxNodes)}/${limit(input.betweennessSamples)}/${input.seed}`;
  const communities = `${view}#r${input.resolution}/${input.seed}`;
  const roles = `${view}#s${input.sectorsVersion}`;
  const targets = `t${JSON.stringify([...input.targets])}`;
  const bridges = `${roles}#${targets}#d${input.nullDraws}/${input.seed}`;
  const clusters = `${communities}#s${input.sectorsVersion}#${targets}`;
  return {
    view,
    structure: view,
    betweenness,
    communities,
    roles,
    bridges,
    clusters,
    conveners: `${clusters}#k${input.k}/${input.reach}`,
    robustness: `${clusters}#k${input.k}/${input.reach}#b${input.bootstraps}`,
    suggestions: `${clusters}#${betweenness}#p${input.suggestionsPerPair}`,
    focal: `${communities}#s${input.sectorsVersion}#f${JSON.stringify(input.focal)}`,
  };
}

// ---------------------------------------------------------------------------------------------
// Stage data

export interface StructureData {
  /** Network organisation index of each view node (view nodes are in id order). */
  orgIndexOf: Int32Array;
  ids: string[];
  /** Names (the id where an organisation has none). */
  labels: string[];
  degree: Int32Array;
  strength: Float64Array;
  /** 0-based component per view node, numbered by size. */
  component: Int32Array;
  componentCount: number;
  /** NaN where undefined (isolates). */
  constraint: Float64Array;
  effectiveSize: Float64Array;
  hierarchy: Float64Array;
  articulation: Uint8Array;
  /** Bridge ties as view-node pairs [u0, v0, u1, v1, …]. */
  bridges: Int32Array;
  ties: number;
}

export interface BetweennessData {
  /** Network organisation index of each view node. */
  orgIndexOf: Int32Array;
  /** Normalised betweenness per view node (sampled above the exact limit). */
  values: Float64Array;
  /** Standard error of each sampled value (0 when exact). */
  error: Float64Array;
  meta: { estimated: boolean; samples: number; batches: number; stop: string; method: string };
}

export interface CommunitiesData {
  /** Network organisation index of each view node. */
  orgIndexOf: Int32Array;
  of: Int32Array;
  count: number;
  modularity: number;
  /** Modularity of the same partition at resolution 1 (the textbook figure). */
  modularityAt1: number;
  resolution: number;
  seed: number;
  /** Mean co-assignment of each community's member pairs across the runs; NaN for one member. */
  stability: Float64Array;
  runs: number;
  converged: boolean;
  /** Co-assignment threshold of the consensus. */
  tau: number;
}

export interface RolesData {
  /** Network organisation index of each view node. */
  orgIndexOf: Int32Array;
  /** Sector name per view node (after corrections). */
  sector: string[];
  coordinator: Float64Array;
  itinerant: Float64Array;
  gatekeeperOrRepresentative: Float64Array;
  liaison: Float64Array;
  total: Float64Array;
  /** Expected roles under random assignment of the sectors (Gould & Fernandez), per role and in total. */
  expected: { coordinator: Float64Array; itinerant: Float64Array; gatekeeperOrRepresentative: Float64Array; liaison: Float64Array; total: Float64Array };
  /** Brokerage between sectors (gatekeeper/representative + liaison) over its expectation (brokerageNorm.ts `betweenSectorRatio`); NaN where nothing is expected. */
  ratio: Float64Array;
  participation: Float64Array;
  ei: Float64Array;
}

export type BridgesData = MixingResult & {
  /** The two-mode null model (null when there is no two-mode data, e.g. a bare graph). */
  twoMode: {
    draws: number;
    requestedDraws: number;
    reduced: boolean;
    seed: number;
    pairs: SectorPairNull[];
    ei: SectorEINull[];
  } | null;
};

export interface ClustersData {
  communities: ClusterSummary[];
  components: ClusterSummary[];
}

export type ConvenersData = ConvenerResult;

export interface RobustnessData {
  bootstraps: number;
  /** Per pick: how often a resample of the activities chose it again. */
  picks: { id: string; rank: number; fraction: number }[];
  /** Organisations chosen in resamples that the selection does not hold, most often first. */
  alternates: { id: string; label: string; fraction: number }[];
  meanOverlap: number;
  allSectorsReachedFraction: number;
  /** The selection under the other tie rules (null: the view has no listing). */
  otherRules: RuleAlternatives | null;
}

export interface SuggestionsData {
  organisations: SectorPairSuggestions[];
  clusters: ClusterSuggestion[];
}

export type FocalData = FocalResult;

export interface StageData {
  structure: StructureData;
  betweenness: BetweennessData;
  communities: CommunitiesData;
  roles: RolesData;
  bridges: BridgesData;
  clusters: ClustersData;
  conveners: ConvenersData;
  suggestions: SuggestionsData;
  focal: FocalData;
  robustness: RobustnessData;
}

export interface StageResult<S extends StageName = StageName> {
  stage: S;
  key: string;
  /** The key of the visible network it was computed on (results on the same view can be combined). */
  viewKey: string;
  data: StageData[S];
  ms: number;
}

/** What a running analysis reports: a stage's progress, or a finished stage. */
export type AnalysisEvent =
  | { type: 'progress'; stage: StageName; fraction: number }
  | { type: 'result'; result: StageResult };

// ---------------------------------------------------------------------------------------------
// The engine

interface ViewState {
  key: string;
  visibility: Visibility;
  csr: Csr & { orgIndexOf: Int32Array };
  /** The same CSR with the sector codes of each overlay version. */
  sectored: Map<string, Csr & { orgIndexOf: Int32Array }>;
  incidence: VisibleIncidence | null;
}

type StageRun<T> = Generator<number, T, void>;

/** Stages each stage needs first. */
export const STAGE_DEPENDENCIES: Record<StageName, readonly StageName[]> = {
  structure: [],
  betweenness: [],
  communities: [],
  roles: [],
  bridges: [],
  clusters: ['structure', 'communities'],
  conveners: ['communities'],
  suggestions: ['betweenness', 'communities'],
  focal: ['structure', 'communities'],
  robustness: ['communities', 'conveners'],
};

/** How many results of each stage are kept: going back to the previous k or filter is instant. */
const CACHE_PER_STAGE = 4;

export class StagedAnalysis {
  readonly network: Network;
  readonly networkVersion: string;
  /** Sector codes by overlay version; the newest few are kept so a running stage keeps its own. */
  private sectorVersions: { version: string; codes: Uint8Array }[];
  private views: ViewState[] = [];
  private cache = new Map<StageName, StageResult[]>();
  /** How many times each stage was computed (tests assert on it). */
  readonly runs: Record<StageName, number> = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<StageName, number>;

  constructor(network: Network, networkVersion: string, sectors: Uint8Array, sectorsVersion = '0') {
    this.network = network;
    this.networkVersion = networkVersion;
    this.sectorVersions = [{ version: sectorsVersion, codes: sectors }];
  }

  /** Adds the sector codes of a new overlay version (a correction changed a sector). */
  setSectors(sectors: Uint8Array, version: string): void {
    this.sectorVersions = [{ version, codes: sectors }, ...this.sectorVersions.filter((v) => v.version !== version)].slice(0, 3);
  }

  private sectorsOf(version: string): Uint8Array {
    const found = this.sectorVersions.find((v) => v.version === version);
    if (!found) throw new Error(`Unknown sector version ${version}: send the corrections before the analysis.`);
    return found.codes;
  }

  keys(input: AnalysisInput) {
    return stageKeys(input, this.networkVersion);
  }

  cached<S extends StageName>(stage: S, key: string): StageResult<S> | undefined {
    return this.cache.get(stage)?.find((r) => r.key === key) as StageResult<S> | undefined;
  }

  private remember(result: StageResult): void {
    const list = this.cache.get(result.stage) ?? [];
    const rest = list.filter((r) => r.key !== result.key);
    rest.unshift(result);
    this.cache.set(result.stage, rest.slice(0, CACHE_PER_STAGE));
  }

  /** The stages of `wanted` (default all) in an order that respects their dependencies. */
  plan(wanted: readonly StageName[] = STAGES): StageName[] {
    const out: StageName[] = [];
    const visit = (s: StageName) => {
      if (out.includes(s)) return;
      for (const d of STAGE_DEPENDENCIES[s]) visit(d);
      out.push(s);
    };
    for (const s of wanted) visit(s);
    return out;
  }

  /**
   * The visible network for an input. Its topology is cached by the view key; the sector codes
   * of its nodes are those of the input's overlay version (a correction does not rebuild it).
   */
  private view(input: AnalysisInput): ViewState {
    const key = this.keys(input).view;
    const sectors = this.sectorsOf(input.sectorsVersion);
    let v = this.views.find((x) => x.key === key);
    if (!v) {
      const visibility = applyFilters(this.network, sectors, input.filters);
      const csr = visibleCsr(this.network, visibility, sectors);
      v = { key, visibility, csr, sectored: new Map([[input.sectorsVersion, csr]]), incidence: null };
      this.views = [v, ...this.views].slice(0, 2);
    }
    let csr = v.sectored.get(input.sectorsVersion);
    if (!csr) {
      const group = new Int32Array(v.csr.n);
      for (let i = 0; i < v.csr.n; i++) group[i] = sectors[v.csr.orgIndexOf[i]!]!;
      csr = { ...v.csr, group };
      v.sectored.set(input.sectorsVersion, csr);
      if (v.sectored.size > 3) v.sectored.delete(v.sectored.keys().next().value!);
    }
    return { ...v, csr };
  }

  /** The visible two-mode data (for the null model and robustness), built on first use. */
  incidenceOf(input: AnalysisInput): VisibleIncidence {
    const v = this.view(input);
    const stored = this.views.find((x) => x.key === v.key)!;
    stored.incidence ??= visibleIncidence(this.network, v.visibility, input.filters.statedOnly);
    return stored.incidence;
  }

  /** The CSR of the visible network for an input, with the input's sectors. */
  csrOf(input: AnalysisInput): Csr & { orgIndexOf: Int32Array } {
    return this.view(input).csr;
  }

  /** The visibility (what is shown) for an input. */
  visibilityOf(input: AnalysisInput): Visibility {
    return this.view(input).visibility;
  }

  /** Keeps the result of a stage computed elsewhere (the stage helper) for the input. */
  accept<S extends StageName>(stage: S, input: AnalysisInput, data: StageData[S], ms: number): StageResult<S> {
    const keys = this.keys(input);
    const result: StageResult<S> = { stage, key: keys[stage], viewKey: keys.view, data, ms };
    this.runs[stage]++;
    this.remember(result);
    return result;
  }

  /**
   * Runs one stage for the input (its dependencies must be cached: `plan` orders them), yielding
   * progress, and returns its result (from the cache when it is there).
   */
  *runStage<S extends StageName>(stage: S, input: AnalysisInput, elsewhere?: Pick<StageContext, 'louvainElsewhere' | 'louvainElsewhereEveryRound'>): Generator<number, StageResult<S>, void> {
    const keys = this.keys(input);
    const key = keys[stage];
    const hit = this.cached(stage, key);
    if (hit) return hit;
    const dependency = <D extends StageName>(d: D): StageData[D] => {
      const r = this.cached(d, keys[d]);
      if (!r) throw new Error(`Stage ${stage} needs ${d}, which has not run for this input.`);
      return r.data;
    };
    const t = now();
    const view = this.view(input);
    const context: StageContext = { incidence: () => this.incidenceOf(input), ...elsewhere };
    const data = (yield* computeStage(stage, view.csr, input, dependency, context)) as StageData[S];
    this.runs[stage]++;
    const result: StageResult<S> = { stage, key, viewKey: keys.view, data, ms: now() - t };
    this.remember(result);
    return result;
  }
}

/**
 * What some stages need besides the CSR: the visible two-mode data; and where
 * the communities may run part of their first round meanwhile (it does not change the result).
 */
export interface StageContext {
  incidence?: () => VisibleIncidence;
  louvainElsewhere?: LouvainElsewhere;
  /** The share of the first round's runs sent there (communities.ts `elsewhereShare`). */
  louvainElsewhereShare?: number;
  /** Later rounds' runs too (communities.ts `elsewhereEveryRound`). */
  louvainElsewhereEveryRound?: boolean;
}

/**
 * Computes one stage on a CSR (the visible network with its sector codes), given the results of
 * the stages it depends on. Pure; the engine adds keys and caching around it.
 */
export function* computeStage(
  stage: StageName,
  csr: Csr & { orgIndexOf?: Int32Array },
  input: Omit<AnalysisInput, 'filters' | 'sectorsVersion'>,
  dep: <D extends StageName>(d: D) => StageData[D],
  context: StageContext = {},
): StageRun<StageData[StageName]> {
  switch (stage) {
    case 'structure':
      return yield* structureStage(csr);
    case 'betweenness': {
      yield 0;
      const bc = yield* sampledBetweennessSteps(csr, { exactMaxNodes: input.exactBetweennessMaxNodes, seed: input.seed, ...(Number.isFinite(input.betweennessSamples) ? { maxSamples: input.betweennessSamples } : {}) });
      return {
        orgIndexOf: viewIndex(csr),
        values: bc.values,
        error: bc.stderr,
        meta: { estimated: bc.estimated, samples: bc.samples, batches: bc.batches, stop: bc.stop, method: bc.estimated ? 'brandes-pich' : 'brandes' },
      } satisfies BetweennessData;
    }
    case 'communities': {
      const elsewhere = context.louvainElsewhere
        ? { elsewhere: context.louvainElsewhere, elsewhereShare: context.louvainElsewhereShare, elsewhereEveryRound: context.louvainElsewhereEveryRound }
        : {};
      const c = yield* consensusCommunitySteps(csr, { resolution: input.resolution, seed: input.seed, ...elsewhere });
      return {
        orgIndexOf: viewIndex(csr),
        of: c.of,
        count: c.count,
        modularity: c.modularity ?? 0,
        modularityAt1: c.modularityAt1 ?? 0,
        resolution: c.resolution,
        seed: c.seed,
        stability: Float64Array.from(c.communities, (x) => x.stability ?? Number.NaN),
        runs: c.totalRuns,
        converged: c.converged,
        tau: c.tau,
      } satisfies CommunitiesData;
    }
    case 'roles': {
      yield 0;
      const norm = brokerageNormalised(csr);
      const b = norm.observed;
      const e = norm.expected;
      const total = new Float64Array(csr.n);
      const expectedTotal = new Float64Array(csr.n);
      for (let i = 0; i < csr.n; i++) {
        total[i] = b.coordinator[i]! + b.itinerant[i]! + b.gatekeeper[i]! + b.liaison[i]!;
        expectedTotal[i] = e.coordinator[i]! + e.itinerant[i]! + e.gatekeeper[i]! + e.liaison[i]!;
      }
      const ratio = betweenSectorRatio(norm);
      // Only the per-organisation E–I index of the mixing analysis (the bridges stage makes the rest).
      const ei = nodeEi(csr, false);
      return {
        orgIndexOf: viewIndex(csr),
        sector: Array.from(csr.group, (g) => csr.groupNames[g] ?? 'other'),
        coordinator: Float64Array.from(b.coordinator),
        itinerant: Float64Array.from(b.itinerant),
        gatekeeperOrRepresentative: Float64Array.from(b.gatekeeper),
        liaison: Float64Array.from(b.liaison),
        total,
        expected: {
          coordinator: Float64Array.from(e.coordinator),
          itinerant: Float64Array.from(e.itinerant),
          gatekeeperOrRepresentative: Float64Array.from(e.gatekeeper),
          liaison: Float64Array.from(e.liaison),
          total: expectedTotal,
        },
        ratio,
        participation: participationCoefficient(csr, false),
        ei,
      } satisfies RolesData;
    }
    case 'bridges': {
      yield 0;
      const mixing = analyseMixing(csr, input.targets);
      const incidence = context.incidence?.();
      const twoMode = incidence && incidence.n === csr.n ? yield* twoModeNullSteps(incidence, csr, { draws: input.nullDraws, seed: input.seed }) : null;
      return {
        ...mixing,
        targetPairs: withTwoModeNull(mixing.targetPairs, twoMode),
        twoMode: twoMode && { draws: twoMode.draws, requestedDraws: twoMode.requestedDraws, reduced: twoMode.reduced, seed: twoMode.seed, pairs: twoMode.pairs, ei: twoMode.ei },
      } satisfies BridgesData;
    }
    case 'clusters': {
      yield 0;
      const structure = dep('structure');
      const communities = dep('communities');
      const summary = (p: Partition) => summariseClusters(csr, p, { targets: input.targets });
      return {
        communities: summary({ of: communities.of, count: communities.count }).map((c) => ({ ...c, stability: finiteOrNull(communities.stability[c.id - 1]) })),
        components: summary({ of: structure.component, count: structure.componentCount }),
      } satisfies ClustersData;
    }
    case 'conveners': {
      yield 0;
      const communities = dep('communities');
      return convenersOf(csr, selectKeyPlayers(csr, { k: input.k, reachSteps: input.reach, targets: input.targets, community: communities.of }), communities.of);
    }
    case 'robustness': {
      const communities = dep('communities');
      const conveners = dep('conveners');
      const incidence = context.incidence?.();
      if (!incidence || incidence.n !== csr.n || !conveners.picks.length) {
        return { bootstraps: 0, picks: conveners.picks.map((p) => ({ id: p.id, rank: p.rank, fraction: Number.NaN })), alternates: [], meanOverlap: Number.NaN, allSectorsReachedFraction: Number.NaN, otherRules: null } satisfies RobustnessData;
      }
      const options = { k: input.k, reachSteps: input.reach, targets: input.targets, community: communities.of };
      const r = yield* convenerRobustnessSteps(csr, incidence, {
        ...options,
        bootstraps: bootstrapsFor(incidence, csr, input.bootstraps, input.reach),
        seed: input.seed,
      });
      return {
        bootstraps: r.bootstraps,
        picks: r.picks.map((p) => ({ id: p.id, rank: p.rank, fraction: p.fraction })),
        alternates: r.alternates.map((p) => ({ id: p.id, label: csr.labels[p.node]!, fraction: p.fraction })),
        meanOverlap: r.meanOverlap,
        allSectorsReachedFraction: r.allSectorsReachedFraction,
        // Two more selections; with two-step reach on a large network each costs seconds.
        otherRules: input.reach === 2 && csr.n > 5000 ? null : convenersUnderOtherRules(csr, incidence, options),
      } satisfies RobustnessData;
    }
    case 'suggestions': {
      yield 0;
      const betweenness = dep('betweenness');
      const communities = dep('communities');
      return {
        organisations: suggestTies(csr, { targets: input.targets, perPair: input.suggestionsPerPair }),
        clusters: suggestClusterLinks(csr, { of: communities.of, count: communities.count }, { targets: input.targets, betweenness: betweenness.values, limit: input.suggestionsPerPair }),
      } satisfies SuggestionsData;
    }
    case 'focal': {
      yield 0;
      const structure = dep('structure');
      const communities = dep('communities');
      return focalView(csr, input.focal, {
        community: communities.of,
        communityCount: communities.count,
        component: structure.component,
        sectors: SECTORS,
        chainSectors: ['tech', 'care'],
      });
    }
  }
}

function* structureStage(csr: Csr & { orgIndexOf?: Int32Array }): StageRun<StructureData> {
  const components = componentsOfCsr(csr);
  yield 0.1;
  const holes = structuralHoles(csr, true);
  yield 0.8;
  const cut = cutpoints(csr);
  const bridges = new Int32Array(cut.bridges.length * 2);
  cut.bridges.forEach(([u, v], i) => {
    bridges[2 * i] = u;
    bridges[2 * i + 1] = v;
  });
  return {
    orgIndexOf: viewIndex(csr),
    ids: csr.ids,
    labels: csr.labels,
    degree: csr.degree,
    strength: csr.strength,
    component: components.of,
    componentCount: components.count,
    constraint: holes.constraint,
    effectiveSize: holes.effectiveSize,
    hierarchy: holes.hierarchy,
    articulation: cut.isArticulation,
    bridges,
    ties: csr.m,
  };
}

/**
 * The target-sector pairs with the two-mode null model's expectation and 95% interval. A pair is a
 * missing bridge when it has no tie, or fewer ties than the null's 2.5 percentile; without the
 * null (a bare graph) the configuration-model ratio rule of mixing.ts stays.
 */
function withTwoModeNull(pairs: SectorPairBridge[], twoMode: TwoModeNullResult | null): SectorPairBridge[] {
  if (!twoMode) return pairs;
  return pairs.map((p) => {
    const n = twoMode.pairs.find((x) => (x.a === p.a && x.b === p.b) || (x.a === p.b && x.b === p.a));
    if (!n || p.reason === 'sector_absent') return p;
    const reason: SectorPairBridge['reason'] = p.ties === 0 ? 'no_ties' : p.ties < n.low ? 'below_null' : null;
    return { ...p, expectedTwoMode: n.expectedTwoMode, low: n.low, high: n.high, p: n.p, missing: reason !== null, reason };
  });
}

/**
 * Bootstrap resamples the robustness check can afford: each one re-projects the activities and
 * reselects; two-step reach on a large network costs seconds a selection, so it is left out there.
 */
function bootstrapsFor(incidence: VisibleIncidence, csr: Csr, requested: number, reach: 1 | 2): number {
  if (reach === 2 && csr.n > 5000) return 0;
  let triples = 0;
  for (let r = 0; r < incidence.listing.length; r++) {
    const size = incidence.memberOffsets[r + 1]! - incidence.memberOffsets[r]!;
    triples += (size * (size - 1)) / 2;
  }
  const perResample = triples + csr.n + 2 * csr.m;
  return Math.max(Math.min(requested, 10), Math.min(requested, Math.floor(2e7 / Math.max(1, perResample))));
}

/** The network index of each CSR node (the identity for a CSR not made from a network view). */
function viewIndex(csr: Csr & { orgIndexOf?: Int32Array }): Int32Array {
  return csr.orgIndexOf ?? Int32Array.from(csr.ids, (_id, i) => i);
}

/** Weighted modularity (Newman 2004) of a partition at a resolution γ: Σ_c [w_in/m − γ (K_c/2m)²]. */
export function weightedModularity(csr: Csr, of: ArrayLike<number>, resolution: number): number {
  let m = 0;
  for (let e = 0; e < csr.m; e++) m += csr.edgeW[e]!;
  if (m === 0) return 0;
  const inside = new Map<number, number>();
  const total = new Map<number, number>();
  for (let e = 0; e < csr.m; e++) {
    const a = of[csr.edgeU[e]!]!;
    if (a === of[csr.edgeV[e]!]) inside.set(a, (inside.get(a) ?? 0) + csr.edgeW[e]!);
  }
  for (let i = 0; i < csr.n; i++) total.set(of[i]!, (total.get(of[i]!) ?? 0) + csr.strength[i]!);
  let q = 0;
  for (const [c, k] of total) q += (inside.get(c) ?? 0) / m - resolution * (k / (2 * m)) ** 2;
  return q;
}

/** Runs a generator to completion (the command line and tests; the worker time-slices instead). */
export function runToEnd<T>(gen: Generator<number, T, void>, onProgress?: (fraction: number) => void): T {
  for (;;) {
    const step = gen.next();
    if (step.done) return step.value;
    onProgress?.(step.value);
  }
}

/** Every stage of `wanted` for one input, synchronously, in dependency order. */
export function runStages(engine: StagedAnalysis, input: AnalysisInput, wanted: readonly StageName[] = STAGES, onEvent?: (e: AnalysisEvent) => void): Partial<{ [S in StageName]: StageResult<S> }> {
  const out: Partial<Record<StageName, StageResult>> = {};
  for (const stage of engine.plan(wanted)) {
    const result = runToEnd(engine.runStage(stage, input), (fraction) => onEvent?.({ type: 'progress', stage, fraction }));
    out[stage] = result;
    onEvent?.({ type: 'result', result });
  }
  return out as Partial<{ [S in StageName]: StageResult<S> }>;
}

/**
 * Bruggen network analysis: one entry point, `analyseNetwork`, that runs every step on an
 * OrganisationNetwork and returns a plain JSON-serialisable result (no Map/Set, NaN → null).
 * Pure TypeScript: runs in a web worker and in Node.
 */
import { DEFAULT_TARGET_SECTORS, SECTORS, type Sector } from '../data/sectors';
import type { OrganisationNetwork } from '../graph/types';
import {
  betweenness as computeBetweenness,
  DEFAULT_BETWEENNESS_SAMPLES,
  DEFAULT_EXACT_BETWEENNESS_MAX_NODES,
} from './betweenness';
import { brokerageOf, brokerageRoles, type BrokerageCounts } from './brokerage';
import { participationCoefficient } from './brokers';
import {
  componentPartition,
  louvainPartition,
  summariseClusters,
  type ClusterSummary,
} from './clusters';
import {
  convenerSentence,
  selectConveners,
  type ConvenerPick,
  type ConvenerResult,
} from './conveners';
import { buildCsr, type AnyGraph } from './csr';
import { articulationIds, bridgeIds, cutpoints } from './cutpoints';
import {
  analyseMixing,
  EI_CONVENTION,
  EI_CONVENTION_DEFINITION,
  MISSING_BRIDGE_RATIO,
  type EIIndex,
  type MixingResult,
} from './mixing';
import { municipalityView, type MunicipalityView } from './municipality';
import { structuralHoles } from './structuralHoles';
import {
  DEFAULT_SUGGESTIONS_PER_PAIR,
  suggestClusterLinks,
  suggestTies,
  type ClusterSuggestion,
  type SectorPairSuggestions,
} from './suggestions';
import { finiteOrNull, now } from './util';

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
  /** Pivots for the sampled betweenness; default 500. */
  betweennessSamples?: number;
  /** The sector whose position is described in the municipality view; default `government`. */
  municipalitySector?: SectorName;
  /** Suggested organisation pairs per target-sector pair (and community pairs); default 10. */
  suggestionsPerPair?: number;
  /** Boundary spanners listed per cluster; default 20. */
  maxListed?: number;
  /** Called with the step name and the overall fraction done (0–1). */
  onProgress?: (step: string, fraction: number) => void;
}

export interface OrganisationRow {
  id: string;
  name: string;
  sector: string;
  degree: number;
  /** Sum of tie weights (shared activities). */
  strength: number;
  /** Normalised hop-count betweenness (NetworkX convention); estimated when meta says so. */
  betweenness: number | null;
  /** Burt's constraint on weighted ties; null for isolates. */
  constraint: number | null;
  /** Burt's effective size on weighted ties; null for isolates. */
  effectiveSize: number | null;
  /** Burt's hierarchy on weighted ties; null for isolates. */
  hierarchy: number | null;
  /** Participation coefficient over sectors (unweighted); null for isolates. */
  participation: number | null;
  /** Node-level E–I index (unweighted); null for isolates. */
  ei: number | null;
  component: number;
  community: number;
  brokerage: BrokerageCounts;
  brokerageTotal: number;
  articulationPoint: boolean;
}

export interface TieRow {
  source: string;
  target: string;
  weight: number;
  /** True when removing the tie disconnects its component. */
  bridge: boolean;
}

export type MixingSummary = Omit<MixingResult, 'ei' | 'eiWeighted'> & {
  ei: Omit<EIIndex, 'node'>;
  eiWeighted: Omit<EIIndex, 'node'>;
};

export interface ConvenerWithSentence extends ConvenerPick {
  sentence: { nl: string; en: string };
}

export interface AnalysisMeta {
  schemaVersion: 1;
  organisations: number;
  ties: number;
  targets: string[];
  options: {
    k: number;
    reachSteps: 1 | 2;
    louvainResolution: number;
    seed: number;
    exactBetweennessMaxNodes: number;
    betweennessSamples: number;
    municipalitySector: string;
    suggestionsPerPair: number;
  };
  betweenness: { estimated: boolean; samples: number; normalized: true; method: string };
  louvain: { communities: number; modularity: number; resolution: number; seed: number };
  components: number;
  eiConvention: typeof EI_CONVENTION;
  eiConventionDefinition: string;
  missingBridgeRatio: number;
  /** Milliseconds per step. */
  timings: Record<string, number>;
  totalMs: number;
}

export interface AnalysisResult {
  meta: AnalysisMeta;
  organisations: OrganisationRow[];
  ties: TieRow[];
  components: ClusterSummary[];
  communities: ClusterSummary[];
  mixing: MixingSummary;
  cutpoints: { articulationPoints: string[]; bridges: [string, string][] };
  conveners: Omit<ConvenerResult, 'picks'> & { picks: ConvenerWithSentence[] };
  suggestions: { organisations: SectorPairSuggestions[]; clusters: ClusterSuggestion[] };
  municipality: MunicipalityView[];
}

/** Relative cost of each step, for the overall progress fraction. */
const STEP_WEIGHTS: [string, number][] = [
  ['index', 4],
  ['components', 2],
  ['communities', 10],
  ['mixing', 3],
  ['structural-holes', 8],
  ['betweenness', 35],
  ['brokerage', 5],
  ['cutpoints', 2],
  ['conveners', 10],
  ['suggestions', 8],
  ['municipality', 10],
  ['assemble', 3],
];
export const ANALYSIS_STEPS = STEP_WEIGHTS.map(([s]) => s);

/** Runs every analysis step on the organisation network. */
export function analyseNetwork(
  graph: OrganisationNetwork | AnyGraph,
  options: AnalysisOptions = {},
): AnalysisResult {
  const targets: string[] = [...new Set<string>(options.targets ?? DEFAULT_TARGET_SECTORS)];
  const k = Math.max(1, Math.min(10, Math.floor(options.k ?? 5)));
  const reachSteps: 1 | 2 = options.reachSteps === 2 ? 2 : 1;
  const resolution = options.louvainResolution ?? 1;
  const seed = options.seed ?? 42;
  const exactMax = options.exactBetweennessMaxNodes ?? DEFAULT_EXACT_BETWEENNESS_MAX_NODES;
  const samples = options.betweennessSamples ?? DEFAULT_BETWEENNESS_SAMPLES;
  const municipalitySector = options.municipalitySector ?? 'government';
  const perPair = options.suggestionsPerPair ?? DEFAULT_SUGGESTIONS_PER_PAIR;
  const maxListed = options.maxListed ?? 20;

  const total = STEP_WEIGHTS.reduce((s, [, w]) => s + w, 0);
  const offsetOf = new Map<string, [number, number]>();
  let acc = 0;
  for (const [s, w] of STEP_WEIGHTS) {
    offsetOf.set(s, [acc, w]);
    acc += w;
  }
  const timings: Record<string, number> = {};
  const report = (step: string, within: number) => {
    if (!options.onProgress) return;
    const [start, width] = offsetOf.get(step) ?? [0, 0];
    // Integer weights: the end of one step is exactly the start of the next.
    options.onProgress(step, Math.min(1, (start + width * within) / total));
  };
  const t0 = now();
  function run<T>(step: string, fn: () => T): T {
    report(step, 0);
    const t = now();
    const out = fn();
    timings[step] = now() - t;
    report(step, 1);
    return out;
  }

  const csr = run('index', () => buildCsr(graph as AnyGraph, { groupOrder: SECTORS, includeGroups: targets }));
  const labels = csr.labels;
  const components = run('components', () => {
    const p = componentPartition(graph as AnyGraph, csr);
    return { partition: p, summaries: summariseClusters(csr, p, { targets, maxListed, labels }) };
  });
  const communities = run('communities', () => {
    const p = louvainPartition(graph as AnyGraph, csr, { resolution, seed });
    return { partition: p, summaries: summariseClusters(csr, p, { targets, maxListed, labels }) };
  });
  const mixing = run('mixing', () => analyseMixing(csr, targets));
  const holes = run('structural-holes', () => structuralHoles(csr, true));
  const bc = run('betweenness', () =>
    computeBetweenness(csr, {
      exactMaxNodes: exactMax,
      samples,
      seed,
      onProgress: (f) => report('betweenness', f),
    }),
  );
  const brokerage = run('brokerage', () => brokerageRoles(csr));
  const cut = run('cutpoints', () => cutpoints(csr));
  const conveners = run('conveners', () =>
    selectConveners(csr, {
      k,
      reachSteps,
      targets,
      community: communities.partition.of,
      municipalitySector,
      labels,
    }),
  );
  const suggestions = run('suggestions', () => ({
    organisations: suggestTies(csr, { targets, perPair, labels }),
    clusters: suggestClusterLinks(csr, communities.partition, {
      targets,
      betweenness: bc.values,
      limit: perPair,
      labels,
    }),
  }));
  const municipality = run('municipality', () =>
    municipalityView(csr, {
      municipalitySector,
      chainSectors: ['tech', 'care'],
      community: communities.partition.of,
      component: components.partition.of,
      labels,
    }),
  );

  const result = run('assemble', () => {
    const participation = participationCoefficient(csr, false);
    const { node: eiNode, ...eiRest } = mixing.ei;
    const { node: _eiWeightedNode, ...eiWeightedRest } = mixing.eiWeighted;
    void _eiWeightedNode;
    const organisations: OrganisationRow[] = [];
    for (let i = 0; i < csr.n; i++) {
      const b = brokerageOf(brokerage, i);
      organisations.push({
        id: csr.ids[i]!,
        name: labels[i]!,
        sector: csr.groupNames[csr.group[i]!]!,
        degree: csr.degree[i]!,
        strength: csr.strength[i]!,
        betweenness: finiteOrNull(bc.values[i]),
        constraint: finiteOrNull(holes.constraint[i]),
        effectiveSize: finiteOrNull(holes.effectiveSize[i]),
        hierarchy: finiteOrNull(holes.hierarchy[i]),
        participation: finiteOrNull(participation[i]),
        ei: finiteOrNull(eiNode[csr.ids[i]!]),
        component: components.partition.of[i]! + 1,
        community: communities.partition.of[i]! + 1,
        brokerage: b,
        brokerageTotal: b.coordinator + b.itinerant + b.gatekeeper_or_representative + b.liaison,
        articulationPoint: cut.isArticulation[i] === 1,
      });
    }
    const bridgeSet = new Set<number>();
    for (const [u, v] of cut.bridges) bridgeSet.add(u * csr.n + v);
    const ties: TieRow[] = [];
    for (let e = 0; e < csr.m; e++) {
      const u = csr.edgeU[e]!;
      const v = csr.edgeV[e]!;
      ties.push({
        source: csr.ids[u]!,
        target: csr.ids[v]!,
        weight: csr.edgeW[e]!,
        bridge: bridgeSet.has(u * csr.n + v),
      });
    }
    const picks: ConvenerWithSentence[] = conveners.picks.map((p) => ({
      ...p,
      sentence: {
        nl: convenerSentence(p, 'nl', municipalitySector),
        en: convenerSentence(p, 'en', municipalitySector),
      },
    }));
    const totalMs = 0; // set below, after the assemble step
    return {
      meta: {
        schemaVersion: 1 as const,
        organisations: csr.n,
        ties: csr.m,
        targets,
        options: {
          k,
          reachSteps,
          louvainResolution: resolution,
          seed,
          exactBetweennessMaxNodes: exactMax,
          betweennessSamples: samples,
          municipalitySector,
          suggestionsPerPair: perPair,
        },
        betweenness: {
          estimated: bc.estimated,
          samples: bc.samples,
          normalized: true as const,
          method: bc.estimated
            ? 'Brandes–Pich pivot sampling, hop counts'
            : 'Brandes exact, hop counts',
        },
        louvain: {
          communities: communities.partition.count,
          modularity: communities.partition.modularity,
          resolution,
          seed,
        },
        components: components.partition.count,
        eiConvention: EI_CONVENTION,
        eiConventionDefinition: EI_CONVENTION_DEFINITION,
        missingBridgeRatio: MISSING_BRIDGE_RATIO,
        timings,
        totalMs,
      },
      organisations,
      ties,
      components: components.summaries,
      communities: communities.summaries,
      mixing: { ...mixing, ei: eiRest, eiWeighted: eiWeightedRest },
      cutpoints: { articulationPoints: articulationIds(csr, cut), bridges: bridgeIds(csr, cut) },
      conveners: { ...conveners, picks },
      suggestions,
      municipality,
    };
  });
  result.meta.totalMs = now() - t0;
  return result;
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
export { selectConveners, mReachOf, greedySectorPairCover } from './conveners';
export { suggestTies, suggestClusterLinks, sharedPartners } from './suggestions';
export { municipalityView } from './municipality';
export { EI_CONVENTION, EI_CONVENTION_DEFINITION, MISSING_BRIDGE_RATIO } from './mixing';
export { DEFAULT_BETWEENNESS_SAMPLES, DEFAULT_EXACT_BETWEENNESS_MAX_NODES } from './betweenness';
export { convenerSentence, SECTOR_BONUS, COMMUNITY_BONUS } from './conveners';
export { explainFindings } from './explain';
export type { ExplainedFinding } from './explain';
export type { ClusterSummary } from './clusters';
export type { BrokerageCounts } from './brokerage';
export type { ConvenerPick } from './conveners';
export type { MunicipalityView } from './municipality';
export type { SectorPairSuggestions, ClusterSuggestion, TieSuggestion } from './suggestions';

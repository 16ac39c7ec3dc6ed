/**
 * The analysis as one document: the stage results combined into rows per organisation and tie,
 * clusters, mixing, conveners, suggestions and the focal organisation's position. The command
 * line prints it as JSON; the app's tables, exports and report read it. It records the stage
 * keys it was made from, and only combines results computed on the same visible network.
 */
import type { BrokerageCounts } from './brokerage';
import type { ClusterSummary } from './clusters';
import type { ConvenerResult } from './conveners';
import type { FocalView } from './focal';
import { EI_CONVENTION, EI_CONVENTION_DEFINITION, MISSING_BRIDGE_RATIO } from './mixing';
import type { AnalysisInput, BridgesData, StageData, StageName, StageResult } from './stages';
import { STAGES } from './stages';
import type { ClusterSuggestion, SectorPairSuggestions } from './suggestions';
import { finiteOrNull } from './util';

export const SCHEMA_VERSION = 2;

export interface OrganisationRow {
  id: string;
  name: string;
  sector: string;
  degree: number;
  /** Sum of tie weights. */
  strength: number;
  /** Normalised hop-count betweenness (NetworkX convention); estimated when meta says so. */
  betweenness: number | null;
  /** Standard error of an estimated betweenness (0 when exact). */
  betweennessError: number | null;
  /** Burt's constraint on weighted ties; null for isolates. */
  constraint: number | null;
  effectiveSize: number | null;
  hierarchy: number | null;
  /** Participation coefficient over sectors (unweighted); null for isolates. */
  participation: number | null;
  /** Node-level E–I index (unweighted); null for isolates. */
  ei: number | null;
  component: number;
  community: number;
  brokerage: BrokerageCounts;
  brokerageTotal: number;
  /** Brokerage roles expected under random assignment of the sectors (Gould & Fernandez 1989), in total: the open pairs, so always brokerageTotal. */
  brokerageExpected: number;
  /** The same expectation per role (`brokerage`'s roles; fractional). */
  brokerageExpectedRoles: BrokerageCounts;
  /**
   * Brokerage between sectors over its expectation: (gatekeeper_or_representative + liaison) of
   * `brokerage` / the same of `brokerageExpectedRoles`; null when nothing is expected.
   */
  brokerageRatio: number | null;
  articulationPoint: boolean;
  /** Hops from the focal organisation; null when unreachable or there is none. */
  focalDistance: number | null;
}

export interface TieRow {
  source: string;
  target: string;
  weight: number;
  /** True when removing the tie disconnects its component. */
  bridge: boolean;
}

/** Sector mixing with the two-mode null model (the bridges stage's data). */
export type MixingSummary = BridgesData;

export interface AnalysisMeta {
  schemaVersion: typeof SCHEMA_VERSION;
  organisations: number;
  ties: number;
  targets: string[];
  options: {
    k: number;
    reachSteps: 1 | 2;
    louvainResolution: number;
    seed: number;
    /** null: no limit (exact whatever the size / no fixed number of pivots). */
    exactBetweennessMaxNodes: number | null;
    betweennessSamples: number | null;
    suggestionsPerPair: number;
    focal: string | null;
  };
  betweenness: { estimated: boolean; samples: number; normalized: true; method: string };
  louvain: { communities: number; modularity: number; modularityAt1: number; resolution: number; seed: number; runs: number };
  components: number;
  eiConvention: typeof EI_CONVENTION;
  eiConventionDefinition: string;
  missingBridgeRatio: number;
  /** Milliseconds per stage. */
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
  conveners: ConvenerResult;
  suggestions: { organisations: SectorPairSuggestions[]; clusters: ClusterSuggestion[] };
  /** The focal organisation's position ("our municipality"); null with `municipalityNote` saying why. */
  municipality: FocalView | null;
  municipalityNote: 'no_focal' | 'not_visible' | null;
  /** The stage keys this document was assembled from. */
  keys: Record<StageName, string>;
}

export type StageResults = Partial<{ [S in StageName]: StageResult<S> }>;

/** Ties of the visible network, by id, with their visible weight (the caller supplies them). */
export interface VisibleTies {
  count: number;
  source(e: number): string;
  target(e: number): string;
  weight(e: number): number;
}

/**
 * Combines the stage results into one document, or null when a stage is missing or was computed
 * on another visible network than the structure stage.
 */
export function assembleResult(
  stages: StageResults,
  input: Omit<AnalysisInput, 'filters' | 'sectorsVersion'>,
  ties: VisibleTies,
): AnalysisResult | null {
  for (const s of STAGES) if (!stages[s]) return null;
  const view = stages.structure!.viewKey;
  for (const s of STAGES) if (stages[s]!.viewKey !== view) return null;
  const data = Object.fromEntries(STAGES.map((s) => [s, stages[s]!.data])) as unknown as StageData;
  const { structure, betweenness, communities, roles, bridges, clusters, conveners, suggestions, focal } = data;
  const n = structure.ids.length;
  const focalIndex = focal.view ? structure.ids.indexOf(focal.view.id) : -1;

  const organisations: OrganisationRow[] = [];
  for (let i = 0; i < n; i++) {
    const brokerage: BrokerageCounts = {
      coordinator: roles.coordinator[i]!,
      itinerant: roles.itinerant[i]!,
      gatekeeper_or_representative: roles.gatekeeperOrRepresentative[i]!,
      liaison: roles.liaison[i]!,
    };
    const d = focalIndex >= 0 ? focal.distance[i]! : -1;
    organisations.push({
      id: structure.ids[i]!,
      name: structure.labels[i]!,
      sector: roles.sector[i]!,
      degree: structure.degree[i]!,
      strength: structure.strength[i]!,
      betweenness: finiteOrNull(betweenness.values[i]),
      betweennessError: finiteOrNull(betweenness.error[i]),
      constraint: finiteOrNull(structure.constraint[i]),
      effectiveSize: finiteOrNull(structure.effectiveSize[i]),
      hierarchy: finiteOrNull(structure.hierarchy[i]),
      participation: finiteOrNull(roles.participation[i]),
      ei: finiteOrNull(roles.ei[i]),
      component: structure.component[i]! + 1,
      community: communities.of[i]! + 1,
      brokerage,
      brokerageTotal: roles.total[i]!,
      brokerageExpected: roles.expected.total[i]!,
      brokerageExpectedRoles: {
        coordinator: roles.expected.coordinator[i]!,
        itinerant: roles.expected.itinerant[i]!,
        gatekeeper_or_representative: roles.expected.gatekeeperOrRepresentative[i]!,
        liaison: roles.expected.liaison[i]!,
      },
      brokerageRatio: finiteOrNull(roles.ratio[i]),
      articulationPoint: structure.articulation[i] === 1,
      focalDistance: d >= 0 ? d : null,
    });
  }
  const bridgeSet = new Set<string>();
  const bridgePairs: [string, string][] = [];
  for (let b = 0; b < structure.bridges.length; b += 2) {
    const u = structure.ids[structure.bridges[b]!]!;
    const v = structure.ids[structure.bridges[b + 1]!]!;
    bridgePairs.push([u, v]);
    bridgeSet.add(`${u.length}:${u}|${v}`);
  }
  // The tie rows (800,000 on all of H2020) are made when first read — by an export or the ties
  // table — not every time the page re-assembles the document after a stage.
  let tieRows: TieRow[] | null = null;
  const tieRowsOf = () => {
    if (tieRows) return tieRows;
    tieRows = [];
    for (let e = 0; e < ties.count; e++) {
      const source = ties.source(e);
      const target = ties.target(e);
      tieRows.push({ source, target, weight: ties.weight(e), bridge: bridgeSet.has(`${source.length}:${source}|${target}`) });
    }
    return tieRows;
  };
  const articulationPoints: string[] = [];
  for (let i = 0; i < n; i++) if (structure.articulation[i] === 1) articulationPoints.push(structure.ids[i]!);

  const timings: Record<string, number> = {};
  let totalMs = 0;
  for (const s of STAGES) {
    timings[s] = stages[s]!.ms;
    totalMs += stages[s]!.ms;
  }
  const result: AnalysisResult = {
    meta: {
      schemaVersion: SCHEMA_VERSION,
      organisations: n,
      ties: structure.ties,
      targets: [...input.targets],
      options: {
        k: input.k,
        reachSteps: input.reach,
        louvainResolution: input.resolution,
        seed: input.seed,
        exactBetweennessMaxNodes: finiteOrNull(input.exactBetweennessMaxNodes),
        betweennessSamples: finiteOrNull(input.betweennessSamples),
        suggestionsPerPair: input.suggestionsPerPair,
        focal: input.focal,
      },
      betweenness: {
        estimated: betweenness.meta.estimated,
        samples: betweenness.meta.samples,
        normalized: true,
        method: betweenness.meta.estimated ? 'Brandes–Pich pivot sampling, hop counts' : 'Brandes exact, hop counts',
      },
      louvain: {
        communities: communities.count,
        modularity: communities.modularity,
        modularityAt1: communities.modularityAt1,
        resolution: communities.resolution,
        seed: communities.seed,
        runs: communities.runs,
      },
      components: structure.componentCount,
      eiConvention: EI_CONVENTION,
      eiConventionDefinition: EI_CONVENTION_DEFINITION,
      missingBridgeRatio: MISSING_BRIDGE_RATIO,
      timings,
      totalMs,
    },
    organisations,
    // Replaced by the getter below (redefining a property keeps its place in the document).
    ties: [],
    components: clusters.components,
    communities: clusters.communities,
    mixing: bridges,
    cutpoints: { articulationPoints, bridges: bridgePairs },
    conveners,
    suggestions,
    municipality: focal.view,
    municipalityNote: focal.note,
    keys: Object.fromEntries(STAGES.map((s) => [s, stages[s]!.key])) as Record<StageName, string>,
  };
  // Enumerable, so JSON.stringify and spreading still see the ties; in the place the schema has them.
  return Object.defineProperty(result, 'ties', { get: tieRowsOf, enumerable: true, configurable: true });
}

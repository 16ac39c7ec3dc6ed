/**
 * Clusters lacking a target sector, and the sector composition bar. Pure.
 */
import type { AnalysisResult, ClusterSummary } from '../../analysis';
import { STABLE_COMMUNITY } from '../../analysis/clusters';
import { sortSectors } from './mixingModel';

export type ClusterKind = 'community' | 'component';

/** Clusters listed by default must have at least this many organisations (isolates and pairs are not). */
export const DEFAULT_MIN_CLUSTER_SIZE = 3;

export function clustersOf(result: AnalysisResult, kind: ClusterKind): ClusterSummary[] {
  return kind === 'community' ? result.communities : result.components;
}

/** Target sectors without any organisation in the cluster (recomputed for the given targets). */
export function lacksTargets(cluster: ClusterSummary, targets: readonly string[]): string[] {
  return [...new Set(targets)].filter((t) => (cluster.sectors[t] ?? 0) === 0);
}

export interface LackingCluster {
  cluster: ClusterSummary;
  lacks: string[];
}

export interface LackingClusters {
  /** Clusters of at least `minSize` lacking a target sector: largest first, then by id. */
  lacking: LackingCluster[];
  /** Clusters of at least `minSize`. */
  considered: number;
  /** Lacking clusters whose stability is below STABLE_COMMUNITY (communities only). */
  uncertain: number;
  /** Clusters below `minSize` that lack a target sector (not listed). */
  smallLacking: number;
  /** Organisations in those small clusters. */
  smallLackingOrganisations: number;
}

export function lackingClusters(
  clusters: readonly ClusterSummary[],
  targets: readonly string[],
  minSize = DEFAULT_MIN_CLUSTER_SIZE,
): LackingClusters {
  const lacking: LackingCluster[] = [];
  let considered = 0;
  let smallLacking = 0;
  let smallLackingOrganisations = 0;
  for (const cluster of clusters) {
    const lacks = lacksTargets(cluster, targets);
    if (cluster.size < minSize) {
      if (lacks.length > 0) {
        smallLacking++;
        smallLackingOrganisations += cluster.size;
      }
      continue;
    }
    considered++;
    if (lacks.length > 0) lacking.push({ cluster, lacks });
  }
  lacking.sort((x, y) => y.cluster.size - x.cluster.size || x.cluster.id - y.cluster.id);
  const uncertain = lacking.filter((l) => l.cluster.stability !== undefined && (l.cluster.stability === null || l.cluster.stability < STABLE_COMMUNITY)).length;
  return { lacking, considered, uncertain, smallLacking, smallLackingOrganisations };
}

export interface CompositionSegment {
  sector: string;
  count: number;
  /** Left edge and width as fractions of the cluster (0–1). */
  start: number;
  width: number;
}

/** Non-empty sectors of a cluster as consecutive segments, in sector order. */
export function compositionSegments(sectors: Record<string, number>): CompositionSegment[] {
  const entries = sortSectors(Object.keys(sectors))
    .map((s) => [s, sectors[s] ?? 0] as const)
    .filter(([, c]) => c > 0);
  const total = entries.reduce((s, [, c]) => s + c, 0);
  const out: CompositionSegment[] = [];
  let start = 0;
  for (const [sector, count] of entries) {
    const width = total > 0 ? count / total : 0;
    out.push({ sector, count, start, width });
    start += width;
  }
  return out;
}

/** The sector with most members (ties: Bruggen's sector order); null for an empty cluster. */
export function dominantSector(sectors: Record<string, number>): string | null {
  let best: string | null = null;
  let bestCount = 0;
  for (const s of sortSectors(Object.keys(sectors))) {
    const c = sectors[s] ?? 0;
    if (c > bestCount) {
      best = s;
      bestCount = c;
    }
  }
  return best;
}

/** Communities holding at least one organisation of a target sector. */
export function clustersWithTargets(clusters: readonly ClusterSummary[], targets: readonly string[]): number {
  return clusters.filter((c) => targets.some((t) => (c.sectors[t] ?? 0) > 0)).length;
}

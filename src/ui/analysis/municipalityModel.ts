/**
 * The municipality view: organisations of the municipality sector, their distance to every
 * sector and cluster, and the shortest chains to the nearest tech and care organisations. Pure.
 */
import type { AnalysisResult, ClusterSummary, MunicipalityView } from '../../analysis';

/** Best-connected first (degree desc), then by id — the same order as explainFindings. */
export function municipalityRows(result: AnalysisResult): MunicipalityView[] {
  return [...result.municipality].sort((a, b) => b.degree - a.degree || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** "A → B → C". */
export function chainText(chain: readonly { label: string }[]): string {
  return chain.map((s) => s.label).join(' → ');
}

export interface ClusterDistance {
  community: number;
  distance: number;
  size: number;
}

export interface ClusterDistanceSummary {
  /** Reachable communities, nearest first (then by id), at most `limit`. */
  nearest: ClusterDistance[];
  reachable: number;
  /** Reachable communities not in `nearest`. */
  more: number;
  unreachable: number;
  total: number;
}

export function clusterDistances(
  view: MunicipalityView,
  communities: readonly ClusterSummary[],
  limit = 12,
): ClusterDistanceSummary {
  const size = new Map(communities.map((c) => [c.id, c.size]));
  const all = [...view.communityDistance]
    .sort((a, b) => a.distance - b.distance || a.community - b.community)
    .map((d) => ({ ...d, size: size.get(d.community) ?? 0 }));
  return {
    nearest: all.slice(0, limit),
    reachable: all.length,
    more: Math.max(0, all.length - limit),
    unreachable: Math.max(0, communities.length - all.length),
    total: communities.length,
  };
}

/** Chain sectors in a stable order: those named first (tech, care), then any other. */
export function chainSectors(view: MunicipalityView, preferred: readonly string[] = ['tech', 'care']): string[] {
  const keys = Object.keys(view.chains);
  return [...preferred.filter((s) => keys.includes(s)), ...keys.filter((s) => !preferred.includes(s)).sort()];
}

import type { AnalysisResult, ClusterSummary } from '../../analysis';

/** Clusters this small are left out (as in the findings). */
export const REPORT_MIN_CLUSTER_SIZE = 3;
export const REPORT_MAX_CLUSTERS = 5;
export const REPORT_MAX_BRIDGES = 6;
export const REPORT_MAX_CONVENERS = 10;

/** The clusters of at least `minSize` organisations that lack a target sector, largest first. */
export function clustersLackingTargets(result: AnalysisResult, minSize = REPORT_MIN_CLUSTER_SIZE): ClusterSummary[] {
  return result.communities
    .filter((c) => c.size >= minSize && c.lacksTargets.length > 0)
    .sort((a, b) => b.size - a.size || a.id - b.id);
}

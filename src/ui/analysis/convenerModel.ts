/**
 * What the conveners picked together cover, from the engine's ConvenerResult (per-sector coverage
 * is the engine's, not re-derived). Pure.
 */
import type { AnalysisResult } from '../../analysis';
import { clustersWithTargets } from './clusterModel';

export interface SectorCoverage {
  sector: string;
  reached: number;
  /** Organisations of the sector in the network. */
  total: number;
}

export interface ConvenerCoverage {
  perSector: SectorCoverage[];
  reachedTotal: number;
  targetTotal: number;
  /**
   * `all`: every target organisation is reached; `every-sector`: each target sector is reached,
   * some only in part; `missing`: a target sector is not reached at all.
   */
  verdict: 'all' | 'every-sector' | 'missing';
  /** The sectors reached least (by share), for the `every-sector` sentence. */
  weakest: SectorCoverage[];
  uncoveredSectors: string[];
  /** Communities holding a reached target organisation (ascending ids). */
  clusters: number[];
  /** Communities holding any target organisation. */
  clustersWithTargets: number;
  /** Borgatti m-reach of the picked set. */
  mReach: number;
  reachSteps: 1 | 2;
  picks: number;
}

export function convenerCoverage(result: AnalysisResult): ConvenerCoverage {
  const c = result.conveners;
  const perSector = c.coverage.map((s) => ({ sector: s.sector, reached: s.reached, total: s.total }));
  const present = perSector.filter((s) => s.total > 0);
  const uncoveredSectors = perSector.filter((s) => s.reached === 0).map((s) => s.sector);
  const share = (s: SectorCoverage) => s.reached / s.total;
  const partial = present.filter((s) => s.reached < s.total).sort((a, b) => share(a) - share(b));
  const verdict = uncoveredSectors.length > 0 ? 'missing' : partial.length > 0 ? 'every-sector' : 'all';
  const clusters = [...new Set(c.picks.flatMap((p) => p.newlyReachedCommunities))].sort((a, b) => a - b);
  return {
    perSector,
    reachedTotal: c.reachedTotal,
    targetTotal: c.targetTotal,
    verdict,
    weakest: partial.slice(0, 2),
    uncoveredSectors,
    clusters,
    clustersWithTargets: clustersWithTargets(result.communities, c.targets),
    mReach: c.mReach,
    reachSteps: c.reachSteps,
    picks: c.picks.length,
  };
}

/** True when the shown result was computed with other settings than the ones now chosen. */
export function convenersStale(result: AnalysisResult, k: number, reachSteps: 1 | 2): boolean {
  return result.conveners.k !== k || result.conveners.reachSteps !== reachSteps;
}

/**
 * How firmly the data support a pick, from the share of bootstrap resamples that choose it again:
 * firm ≥ 0.8, fair ≥ 0.5, weak below. Null while unknown.
 */
export function robustnessLevel(fraction: number | undefined): 'firm' | 'fair' | 'weak' | null {
  if (fraction === undefined || !Number.isFinite(fraction)) return null;
  return fraction >= 0.8 ? 'firm' : fraction >= 0.5 ? 'fair' : 'weak';
}

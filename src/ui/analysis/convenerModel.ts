/**
 * What the conveners picked together cover, from the ConvenerResult totals. Pure.
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
  /** Target sectors with at least one reached organisation. */
  coveredSectors: string[];
  uncoveredSectors: string[];
  /** Communities holding a reached target organisation (ascending ids). */
  clusters: number[];
  /** Communities holding any target organisation. */
  clustersWithTargets: number;
  /** Borgatti m-reach of the picked set. */
  mReach: number;
  reachSteps: 1 | 2;
  picks: number;
  k: number;
  /** Fewer picks than asked: no further organisation adds anything. */
  stoppedEarly: boolean;
}

export function convenerCoverage(result: AnalysisResult): ConvenerCoverage {
  const c = result.conveners;
  const size = result.mixing.unweighted.groupSize;
  const perSector = c.targets.map((sector) => ({
    sector,
    reached: c.picks.reduce((s, p) => s + (p.newlyReached[sector] ?? 0), 0),
    total: size[sector] ?? 0,
  }));
  const clusters = [...new Set(c.picks.flatMap((p) => p.newlyReachedCommunities))].sort((a, b) => a - b);
  return {
    perSector,
    reachedTotal: c.reachedTotal,
    targetTotal: c.targetTotal,
    coveredSectors: perSector.filter((s) => s.reached > 0).map((s) => s.sector),
    uncoveredSectors: perSector.filter((s) => s.reached === 0).map((s) => s.sector),
    clusters,
    clustersWithTargets: clustersWithTargets(result.communities, c.targets),
    mReach: c.mReach,
    reachSteps: c.reachSteps,
    picks: c.picks.length,
    k: c.k,
    stoppedEarly: c.picks.length < c.k,
  };
}

/** True when the shown result was computed with other settings than the ones now chosen. */
export function convenersStale(result: AnalysisResult, k: number, reachSteps: 1 | 2): boolean {
  return result.conveners.k !== k || result.conveners.reachSteps !== reachSteps;
}

/**
 * The key findings of an analysis as structured data: a code and the numbers and names behind
 * it, never a sentence. The app and the command line word them in the reader's language
 * (src/i18n/findings.ts).
 */
import { nameInText } from '../graph/labels';
import { MIN_CLUSTER_SIZE, STABLE_COMMUNITY } from './clusters';
import type { AnalysisResult } from './assemble';

export type Finding =
  | { code: 'sector_absent'; a: string; b: string; absent: string }
  | { code: 'no_ties'; a: string; b: string; expected: number | null; low: number | null; high: number | null }
  | { code: 'below_null'; a: string; b: string; ties: number; low: number; high: number }
  | { code: 'below_expected'; a: string; b: string; ties: number; ratio: number | null }
  | { code: 'bridges_ok'; ratio: number; twoMode: boolean }
  | {
      code: 'clusters_lacking';
      lacking: number;
      considered: number;
      minSize: number;
      /** Stable clusters lacking a target, largest first (at most maxNamed). */
      named: { id: number; size: number; lacks: string[] }[];
      /** Stable lacking clusters not named. */
      more: number;
      /** Lacking clusters too unstable to name (stability below STABLE_COMMUNITY). */
      uncertain: number;
    }
  | {
      code: 'convener';
      rank: number;
      id: string;
      label: string;
      sector: string;
      reached: { sector: string; count: number }[];
      clusters: number[];
      focal: { label: string; distance: number | null } | null;
    }
  | {
      code: 'focal';
      label: string;
      chains: { sector: string; distance: number; path: string[] }[];
      unreachable: string[];
      clustersReached: number;
      clustersTotal: number;
      community: number;
    }
  | { code: 'no_focal'; reason: 'no_focal' | 'not_visible' }
  | { code: 'betweenness_estimated'; samples: number; organisations: number };

export interface FindingOptions {
  /** Only clusters at least this large are considered; default 3. */
  minClusterSize?: number;
  /** At most this many clusters are named; default 3. */
  maxNamed?: number;
}

export function findingsOf(result: AnalysisResult, options: FindingOptions = {}): Finding[] {
  const minSize = options.minClusterSize ?? MIN_CLUSTER_SIZE;
  const maxNamed = options.maxNamed ?? 3;
  const out: Finding[] = [];
  const mix = result.mixing;

  const missing = mix.targetPairs.filter((p) => p.missing);
  for (const p of missing) {
    if (p.reason === 'sector_absent') {
      const absent = (mix.unweighted.groupSize[p.a] ?? 0) === 0 ? p.a : p.b;
      out.push({ code: 'sector_absent', a: p.a, b: p.b, absent });
    } else if (p.reason === 'no_ties') {
      out.push({ code: 'no_ties', a: p.a, b: p.b, expected: p.expectedTwoMode ?? p.expected, low: p.low ?? null, high: p.high ?? null });
    } else if (p.reason === 'below_null') out.push({ code: 'below_null', a: p.a, b: p.b, ties: p.ties, low: p.low!, high: p.high! });
    else out.push({ code: 'below_expected', a: p.a, b: p.b, ties: p.ties, ratio: p.observedOverExpected });
  }
  if (missing.length === 0 && mix.targetPairs.length > 0) out.push({ code: 'bridges_ok', ratio: mix.missingBridgeRatio, twoMode: mix.targetPairs.some((p) => p.low !== undefined) });

  const considered = result.communities.filter((c) => c.size >= minSize);
  const lacking = considered.filter((c) => c.lacksTargets.length > 0);
  // A cluster that falls apart across runs is no basis for advice: counted, but not named.
  const stable = lacking.filter((c) => c.stability === undefined || (c.stability !== null && c.stability >= STABLE_COMMUNITY));
  if (lacking.length > 0) {
    out.push({
      code: 'clusters_lacking',
      lacking: lacking.length,
      considered: considered.length,
      minSize,
      named: stable.slice(0, maxNamed).map((c) => ({ id: c.id, size: c.size, lacks: c.lacksTargets })),
      more: Math.max(0, stable.length - maxNamed),
      uncertain: lacking.length - stable.length,
    });
  }

  const focal = result.municipality;
  for (const p of result.conveners.picks) {
    out.push({
      code: 'convener',
      rank: p.rank,
      id: p.id,
      label: nameInText(p.label),
      sector: p.sector,
      reached: Object.entries(p.newlyReached)
        .filter(([, c]) => c > 0)
        .sort((a, b) => b[1] - a[1])
        .map(([sector, count]) => ({ sector, count })),
      clusters: p.newlyReachedCommunities,
      focal: focal ? { label: nameInText(focal.label), distance: result.organisations.find((r) => r.id === p.id)?.focalDistance ?? null } : null,
    });
  }

  if (focal) {
    out.push({
      code: 'focal',
      label: nameInText(focal.label),
      chains: focal.chains.map((c) => ({ sector: c.sector, distance: c.distance, path: c.chain.map((s) => nameInText(s.label)) })),
      unreachable: ['tech', 'care'].filter((s) => !focal.chains.some((c) => c.sector === s)),
      clustersReached: focal.clustersReached.length,
      clustersTotal: focal.clustersTotal,
      community: focal.community,
    });
  } else {
    out.push({ code: 'no_focal', reason: result.municipalityNote ?? 'no_focal' });
  }

  if (result.meta.betweenness.estimated) {
    out.push({ code: 'betweenness_estimated', samples: result.meta.betweenness.samples, organisations: result.meta.organisations });
  }
  return out;
}

/**
 * Sector mixing: who is tied to whom, compared with what chance would give.
 *
 * - observed sector × sector tie counts / weight sums (each internal tie counted once),
 * - density, configuration-model expectation and observed/expected,
 * - Newman (2003) mixing matrix e, assortativity r and the modularity of the sector partition
 *   (equal to `nx.attribute_assortativity_coefficient` and `nx.community.modularity`),
 * - Krackhardt & Stern (1988) E–I index in both group conventions and per node,
 * - the "missing bridges" between target sectors, and how far each target sector is from each other.
 */
import { bfsDistances } from './bfs';
import type { Csr } from './csr';
import { finiteOrNull } from './util';

/**
 * The E–I convention Bruggen's UI shows. `group_edge_count`: for a sector g, E is the number of
 * ties with exactly one end in g and I the number of ties with both ends in g (each counted once);
 * E–I = (E − I) / (E + I). The other convention, `group_member_ties`, counts internal ties from both
 * ends (2·I) and is also returned.
 */
export const EI_CONVENTION = 'group_edge_count' as const;
export const EI_CONVENTION_DEFINITION =
  'For a sector, E counts the ties with exactly one end in the sector and I the ties with both ends in it (each tie once); E–I = (E − I) / (E + I), from −1 (all ties inside) to +1 (all ties outside).';

/** A target-sector pair is a missing bridge when it has no tie or observed/expected is below this. */
export const MISSING_BRIDGE_RATIO = 0.5;

export type GroupMatrix = Record<string, Record<string, number | null>>;

export interface MixingMatrices {
  groups: string[];
  /** Number of ties (or total weight for the weighted variant). */
  m: number;
  groupSize: Record<string, number>;
  /** K_g: sum of degrees (or strengths) of the group's members. */
  strengthSum: Record<string, number>;
  observed: Record<string, Record<string, number>>;
  /** Configuration model: K_g K_h / 2m off the diagonal, K_g² / 4m on it. */
  expected: GroupMatrix;
  observedOverExpected: GroupMatrix;
  /** O_gh / (n_g n_h); O_gg / C(n_g, 2) on the diagonal. */
  density: GroupMatrix;
  /** Newman's edge-end fractions e_gh. */
  e: GroupMatrix;
  a: Record<string, number | null>;
  /** Σ e_gg − Σ a_g². */
  modularity: number | null;
  /** Newman assortativity coefficient r = (Σ e_gg − Σ a_g²) / (1 − Σ a_g²). */
  assortativity: number | null;
}

export interface EIGroupEdgeCount {
  E: number;
  I: number;
  EI: number | null;
}
export interface EIGroupMemberTies {
  E: number;
  /** Internal ties counted from both ends (2·I). */
  IMemberEnds: number;
  EI: number | null;
}
export interface EIIndex {
  global: EIGroupEdgeCount;
  groupEdgeCount: Record<string, EIGroupEdgeCount>;
  groupMemberTies: Record<string, EIGroupMemberTies>;
}

export interface SectorPairBridge {
  a: string;
  b: string;
  ties: number;
  weight: number;
  expected: number | null;
  observedOverExpected: number | null;
  missing: boolean;
  /**
   * Why the pair is a missing bridge: a sector is absent, there is no tie, or (with the two-mode
   * null) fewer ties than its 2.5 percentile — without the null, below MISSING_BRIDGE_RATIO × the
   * configuration-model expectation.
   */
  reason: 'no_ties' | 'below_expected' | 'below_null' | 'sector_absent' | null;
  /** Two-mode null model: mean ties over the randomisations, their 2.5–97.5 percentiles and p. */
  expectedTwoMode?: number;
  low?: number;
  high?: number;
  p?: number;
}

export interface SectorReach {
  from: string;
  to: string;
  /** Members of `from`. */
  size: number;
  within1: number;
  within2: number;
  /** Mean hop distance to the nearest `to` member over those that reach one; null if none do. */
  meanDistance: number | null;
  reachable: number;
  unreachable: number;
}

export interface MixingResult {
  unweighted: MixingMatrices;
  weighted: MixingMatrices;
  eiConvention: typeof EI_CONVENTION;
  ei: EIIndex;
  eiWeighted: EIIndex;
  missingBridgeRatio: number;
  /** One entry per unordered pair of target sectors. */
  targetPairs: SectorPairBridge[];
  /** One entry per ordered pair of distinct target sectors. */
  reach: SectorReach[];
}

export function mixingMatrices(csr: Csr, weighted: boolean): MixingMatrices {
  const { groupNames: groups, m: edges } = csr;
  const G = groups.length;
  const O = new Float64Array(G * G);
  const K = new Float64Array(G);
  const size = new Int32Array(G);
  let m = 0;
  for (let e = 0; e < edges; e++) {
    const w = weighted ? csr.edgeW[e]! : 1;
    const g = csr.group[csr.edgeU[e]!]!;
    const h = csr.group[csr.edgeV[e]!]!;
    m += w;
    K[g] = K[g]! + w;
    K[h] = K[h]! + w;
    if (g === h) O[g * G + g] = O[g * G + g]! + w;
    else {
      O[g * G + h] = O[g * G + h]! + w;
      O[h * G + g] = O[h * G + g]! + w;
    }
  }
  for (let i = 0; i < csr.n; i++) size[csr.group[i]!]!++;
  const observed: Record<string, Record<string, number>> = {};
  const expected: GroupMatrix = {};
  const ratio: GroupMatrix = {};
  const density: GroupMatrix = {};
  const eMat: GroupMatrix = {};
  const a: Record<string, number | null> = {};
  const groupSize: Record<string, number> = {};
  const strengthSum: Record<string, number> = {};
  let trace = 0;
  let sumA2 = 0;
  for (let g = 0; g < G; g++) {
    const gn = groups[g]!;
    groupSize[gn] = size[g]!;
    strengthSum[gn] = K[g]!;
    observed[gn] = {};
    expected[gn] = {};
    ratio[gn] = {};
    density[gn] = {};
    eMat[gn] = {};
    let rowA = 0;
    for (let h = 0; h < G; h++) {
      const hn = groups[h]!;
      const o = O[g * G + h]!;
      observed[gn]![hn] = o;
      const exp = m > 0 ? (g === h ? (K[g]! * K[g]!) / (4 * m) : (K[g]! * K[h]!) / (2 * m)) : null;
      expected[gn]![hn] = exp;
      ratio[gn]![hn] = exp ? o / exp : null;
      const pairs = g === h ? (size[g]! * (size[g]! - 1)) / 2 : size[g]! * size[h]!;
      density[gn]![hn] = pairs > 0 ? o / pairs : null;
      const e = m > 0 ? (g === h ? o / m : o / (2 * m)) : null;
      eMat[gn]![hn] = e;
      if (e !== null) rowA += e;
      if (g === h && e !== null) trace += e;
    }
    a[gn] = m > 0 ? rowA : null;
    if (m > 0) sumA2 += rowA * rowA;
  }
  const modularity = m > 0 ? trace - sumA2 : null;
  const assortativity = m > 0 && 1 - sumA2 !== 0 ? (trace - sumA2) / (1 - sumA2) : null;
  return {
    groups: [...groups],
    m,
    groupSize,
    strengthSum,
    observed,
    expected,
    observedOverExpected: ratio,
    density,
    e: eMat,
    a,
    modularity: finiteOrNull(modularity),
    assortativity: finiteOrNull(assortativity),
  };
}

const ei = (e: number, i: number) => (e + i > 0 ? (e - i) / (e + i) : null);

/** Krackhardt & Stern (1988) E–I index: global and both group conventions (per node: `nodeEi`). */
export function eiIndex(csr: Csr, weighted: boolean): EIIndex {
  const G = csr.groupNames.length;
  const Eg = new Float64Array(G);
  const Ig = new Float64Array(G);
  let E = 0;
  let I = 0;
  for (let e = 0; e < csr.m; e++) {
    const w = weighted ? csr.edgeW[e]! : 1;
    const g = csr.group[csr.edgeU[e]!]!;
    const h = csr.group[csr.edgeV[e]!]!;
    if (g === h) {
      I += w;
      Ig[g] = Ig[g]! + w;
    } else {
      E += w;
      Eg[g] = Eg[g]! + w;
      Eg[h] = Eg[h]! + w;
    }
  }
  const groupEdgeCount: Record<string, EIGroupEdgeCount> = {};
  const groupMemberTies: Record<string, EIGroupMemberTies> = {};
  for (let g = 0; g < G; g++) {
    const name = csr.groupNames[g]!;
    groupEdgeCount[name] = { E: Eg[g]!, I: Ig[g]!, EI: ei(Eg[g]!, Ig[g]!) };
    groupMemberTies[name] = { E: Eg[g]!, IMemberEnds: 2 * Ig[g]!, EI: ei(Eg[g]!, 2 * Ig[g]!) };
  }
  return { global: { E, I, EI: ei(E, I) }, groupEdgeCount, groupMemberTies };
}

/**
 * Each node's E–I index, (external − internal) / (external + internal) over its ties (weighted or
 * counted), by node index; NaN for an isolate. An array, not a record by id: ids are data, and one
 * named `__proto__` would not hold a value in a plain object.
 */
export function nodeEi(csr: Csr, weighted: boolean): Float64Array {
  const out = new Float64Array(csr.n);
  for (let i = 0; i < csr.n; i++) {
    let ext = 0;
    let int = 0;
    const gi = csr.group[i]!;
    for (let p = csr.offsets[i]!, end = csr.offsets[i + 1]!; p < end; p++) {
      const w = weighted ? csr.weights[p]! : 1;
      if (csr.group[csr.targets[p]!] === gi) int += w;
      else ext += w;
    }
    out[i] = ei(ext, int) ?? Number.NaN;
  }
  return out;
}

/** Ordered-pair reach between sectors: within 1 and 2 steps, mean distance to the nearest member. */
export function sectorReach(csr: Csr, targets: readonly string[]): SectorReach[] {
  const out: SectorReach[] = [];
  const dist = new Int32Array(csr.n);
  const queue = new Int32Array(csr.n);
  for (const to of targets) {
    const code = csr.groupNames.indexOf(to);
    const sources: number[] = [];
    if (code >= 0) for (let i = 0; i < csr.n; i++) if (csr.group[i] === code) sources.push(i);
    bfsDistances(csr, sources, Infinity, dist, queue);
    for (const from of targets) {
      if (from === to) continue;
      const fc = csr.groupNames.indexOf(from);
      let size = 0;
      let w1 = 0;
      let w2 = 0;
      let sum = 0;
      let reachable = 0;
      for (let i = 0; i < csr.n; i++) {
        if (csr.group[i] !== fc) continue;
        size++;
        const d = dist[i]!;
        if (d < 0) continue;
        reachable++;
        sum += d;
        if (d <= 1) w1++;
        if (d <= 2) w2++;
      }
      out.push({
        from,
        to,
        size,
        within1: w1,
        within2: w2,
        meanDistance: reachable > 0 ? sum / reachable : null,
        reachable,
        unreachable: size - reachable,
      });
    }
  }
  return out;
}

/** Every unordered pair of distinct target sectors, flagged when it is a missing bridge. */
export function targetPairBridges(
  csr: Csr,
  unweightedMix: MixingMatrices,
  weightedMix: MixingMatrices,
  targets: readonly string[],
  threshold = MISSING_BRIDGE_RATIO,
): SectorPairBridge[] {
  const out: SectorPairBridge[] = [];
  const uniq = [...new Set(targets)];
  for (let x = 0; x < uniq.length; x++) {
    for (let y = x + 1; y < uniq.length; y++) {
      const a = uniq[x]!;
      const b = uniq[y]!;
      const present =
        csr.groupNames.includes(a) &&
        csr.groupNames.includes(b) &&
        (unweightedMix.groupSize[a] ?? 0) > 0 &&
        (unweightedMix.groupSize[b] ?? 0) > 0;
      const ties = present ? unweightedMix.observed[a]![b]! : 0;
      const weight = present ? weightedMix.observed[a]![b]! : 0;
      const expected = present ? (unweightedMix.expected[a]![b] ?? null) : null;
      const ratio = present ? (unweightedMix.observedOverExpected[a]![b] ?? null) : null;
      let reason: SectorPairBridge['reason'] = null;
      if (!present) reason = 'sector_absent';
      else if (ties === 0) reason = 'no_ties';
      else if (ratio !== null && ratio < threshold) reason = 'below_expected';
      out.push({
        a,
        b,
        ties,
        weight,
        expected,
        observedOverExpected: ratio,
        missing: reason !== null,
        reason,
      });
    }
  }
  return out;
}

export function analyseMixing(csr: Csr, targets: readonly string[]): MixingResult {
  const unweightedMix = mixingMatrices(csr, false);
  const weightedMix = mixingMatrices(csr, true);
  return {
    unweighted: unweightedMix,
    weighted: weightedMix,
    eiConvention: EI_CONVENTION,
    ei: eiIndex(csr, false),
    eiWeighted: eiIndex(csr, true),
    missingBridgeRatio: MISSING_BRIDGE_RATIO,
    targetPairs: targetPairBridges(csr, unweightedMix, weightedMix, targets),
    reach: sectorReach(csr, targets),
  };
}

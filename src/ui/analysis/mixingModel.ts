/**
 * What the sector-mixing heatmap, the E–I table and the reach table show. Pure: derived from an
 * AnalysisResult and the current target sectors.
 */
import type { AnalysisResult } from '../../analysis';
import { SECTORS } from '../../data/sectors';
import type { SectorPairNull } from '../../analysis/nullModel';
import { ratioColour, readableTextColour } from './colourScale';

export type MissingReason = 'no_ties' | 'below_expected' | 'below_null' | 'sector_absent';

/** One unordered pair of target sectors and whether its bridge is missing. */
export interface TargetPairStatus {
  a: string;
  b: string;
  ties: number;
  expected: number | null;
  ratio: number | null;
  missing: boolean;
  reason: MissingReason | null;
  /** Two-mode null model: expected ties and their 95% interval (when computed). */
  expectedTwoMode: number | null;
  low: number | null;
  high: number | null;
}

export interface HeatCell {
  row: string;
  col: string;
  observed: number;
  /** Expected ties: the two-mode null's mean when it was computed, else the configuration model's. */
  expected: number | null;
  /** observed / expected. */
  ratio: number | null;
  /** Which model `expected` comes from. */
  model: 'twoMode' | 'configuration';
  /** The two-mode null's 95% interval (2.5 and 97.5 percentiles of the draws). */
  low: number | null;
  high: number | null;
  /** Observed below or above the interval: chance alone rarely gives so few / so many. */
  beyond: 'below' | 'above' | null;
  /** The configuration-model expectation and ratio (a descriptive figure). */
  expectedConfiguration: number | null;
  ratioConfiguration: number | null;
  background: string;
  text: string;
  /** Set on both cells of a missing target-sector pair. */
  missing: MissingReason | null;
  /** Both sectors are targets and differ. */
  targetPair: boolean;
}

export interface HeatmapModel {
  sectors: string[];
  cells: HeatCell[][];
  /** Number of ties in the network. */
  ties: number;
}

/** Sectors with at least one organisation, in the analysis' order (Bruggen's sector order first). */
export function presentSectors(result: AnalysisResult): string[] {
  const mix = result.mixing.unweighted;
  return mix.groups.filter((g) => (mix.groupSize[g] ?? 0) > 0);
}

/** Sectors in Bruggen's canonical order, unknown ones after, alphabetically. */
export function sortSectors(sectors: readonly string[]): string[] {
  const rank = (s: string) => {
    const i = (SECTORS as readonly string[]).indexOf(s);
    return i < 0 ? SECTORS.length : i;
  };
  return [...sectors].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Every unordered pair of target sectors with its bridge status, as the engine judged it (the
 * result belongs to the current targets: the store only shows results whose key matches).
 */
export function targetPairStatus(result: AnalysisResult, _targets: readonly string[] = result.meta.targets): TargetPairStatus[] {
  return result.mixing.targetPairs.map((p) => ({
    a: p.a,
    b: p.b,
    ties: p.ties,
    expected: p.expected,
    ratio: p.observedOverExpected,
    missing: p.missing,
    reason: p.reason,
    expectedTwoMode: p.expectedTwoMode ?? null,
    low: p.low ?? null,
    high: p.high ?? null,
  }));
}

/** The sector × sector grid of observed vs expected ties, only sectors present. */
export function heatmapModel(result: AnalysisResult, targets: readonly string[]): HeatmapModel {
  const mix = result.mixing.unweighted;
  const sectors = presentSectors(result);
  const missing = new Map<string, MissingReason>();
  for (const p of targetPairStatus(result, targets)) {
    if (!p.missing || !p.reason) continue;
    missing.set(`${p.a}|${p.b}`, p.reason);
    missing.set(`${p.b}|${p.a}`, p.reason);
  }
  const targetSet = new Set(targets);
  const twoMode = new Map<string, SectorPairNull>();
  for (const p of result.mixing.twoMode?.pairs ?? []) {
    twoMode.set(`${p.a}|${p.b}`, p);
    twoMode.set(`${p.b}|${p.a}`, p);
  }
  const cells = sectors.map((row) =>
    sectors.map((col): HeatCell => {
      const observed = mix.observed[row]?.[col] ?? 0;
      const expectedConfiguration = mix.expected[row]?.[col] ?? null;
      const ratioConfiguration = mix.observedOverExpected[row]?.[col] ?? null;
      const null2 = twoMode.get(`${row}|${col}`);
      const expected = null2 ? null2.expectedTwoMode : expectedConfiguration;
      const ratio = null2 ? (null2.expectedTwoMode > 0 ? observed / null2.expectedTwoMode : null) : ratioConfiguration;
      const background = ratioColour(expected ? ratio : null);
      return {
        row,
        col,
        observed,
        expected,
        ratio,
        model: null2 ? 'twoMode' : 'configuration',
        low: null2?.low ?? null,
        high: null2?.high ?? null,
        beyond: null2 ? (observed < null2.low ? 'below' : observed > null2.high ? 'above' : null) : null,
        expectedConfiguration,
        ratioConfiguration,
        background,
        text: readableTextColour(background),
        missing: row !== col ? (missing.get(`${row}|${col}`) ?? null) : null,
        targetPair: row !== col && targetSet.has(row) && targetSet.has(col),
      };
    }),
  );
  return { sectors, cells, ties: result.meta.ties };
}

export type EIConventionName = 'group_edge_count' | 'group_member_ties';

export interface EIRow {
  sector: string;
  /** Ties leaving the sector. */
  E: number;
  /** Internal ties as counted by the convention (each once, or from both ends). */
  I: number;
  EI: number | null;
}

/** E–I index per sector present, in the convention the analysis declares. */
export function eiRows(result: AnalysisResult): { convention: string; rows: EIRow[]; global: number | null } {
  const convention: string = result.meta.eiConvention ?? result.mixing.eiConvention;
  const ei = result.mixing.ei;
  const rows = presentSectors(result).map((sector): EIRow => {
    if (convention === 'group_member_ties') {
      const g = ei.groupMemberTies[sector];
      return { sector, E: g?.E ?? 0, I: g?.IMemberEnds ?? 0, EI: g?.EI ?? null };
    }
    const g = ei.groupEdgeCount[sector];
    return { sector, E: g?.E ?? 0, I: g?.I ?? 0, EI: g?.EI ?? null };
  });
  return { convention, rows, global: ei.global?.EI ?? null };
}

export interface ReachRow {
  from: string;
  to: string;
  size: number;
  within1: number;
  within2: number;
  meanDistance: number | null;
  unreachable: number;
}

/** Ordered target-sector pairs (targets order), from `mixing.reach`; pairs it lacks are left out. */
export function reachRows(result: AnalysisResult, targets: readonly string[]): ReachRow[] {
  const ts = [...new Set(targets)];
  const out: ReachRow[] = [];
  for (const from of ts) {
    for (const to of ts) {
      if (from === to) continue;
      const r = result.mixing.reach.find((x) => x.from === from && x.to === to);
      if (!r) continue;
      out.push({
        from,
        to,
        size: r.size,
        within1: r.within1,
        within2: r.within2,
        meanDistance: r.meanDistance,
        unreachable: r.unreachable,
      });
    }
  }
  return out;
}

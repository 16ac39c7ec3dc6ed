/**
 * What the sector-mixing heatmap, the E–I table and the reach table show. Pure: derived from an
 * AnalysisResult and the current target sectors.
 */
import type { AnalysisResult } from '../../analysis';
import { SECTORS } from '../../data/sectors';
import { ratioColour, readableTextColour } from './colourScale';

export type MissingReason = 'no_ties' | 'below_expected' | 'sector_absent';

/** One unordered pair of target sectors and whether its bridge is missing. */
export interface TargetPairStatus {
  a: string;
  b: string;
  ties: number;
  expected: number | null;
  ratio: number | null;
  missing: boolean;
  reason: MissingReason | null;
}

export interface HeatCell {
  row: string;
  col: string;
  observed: number;
  expected: number | null;
  ratio: number | null;
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

const uniq = <T,>(xs: readonly T[]) => [...new Set(xs)];

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
 * Every unordered pair of distinct target sectors with its bridge status. Uses the engine's
 * `mixing.targetPairs` when it has the pair, and otherwise derives the same verdict from the
 * mixing matrices (so the view stays right when the targets change before the analysis reruns).
 */
export function targetPairStatus(result: AnalysisResult, targets: readonly string[]): TargetPairStatus[] {
  const mix = result.mixing.unweighted;
  const threshold = result.meta.missingBridgeRatio;
  const ts = uniq(targets);
  const out: TargetPairStatus[] = [];
  for (let x = 0; x < ts.length; x++) {
    for (let y = x + 1; y < ts.length; y++) {
      const a = ts[x]!;
      const b = ts[y]!;
      const known = result.mixing.targetPairs.find((p) => (p.a === a && p.b === b) || (p.a === b && p.b === a));
      if (known) {
        out.push({
          a,
          b,
          ties: known.ties,
          expected: known.expected,
          ratio: known.observedOverExpected,
          missing: known.missing,
          reason: known.reason,
        });
        continue;
      }
      const present = (mix.groupSize[a] ?? 0) > 0 && (mix.groupSize[b] ?? 0) > 0;
      const ties = present ? (mix.observed[a]?.[b] ?? 0) : 0;
      const expected = present ? (mix.expected[a]?.[b] ?? null) : null;
      const ratio = present ? (mix.observedOverExpected[a]?.[b] ?? null) : null;
      let reason: MissingReason | null = null;
      if (!present) reason = 'sector_absent';
      else if (ties === 0) reason = 'no_ties';
      else if (ratio !== null && ratio < threshold) reason = 'below_expected';
      out.push({ a, b, ties, expected, ratio, missing: reason !== null, reason });
    }
  }
  return out;
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
  const cells = sectors.map((row) =>
    sectors.map((col): HeatCell => {
      const observed = mix.observed[row]?.[col] ?? 0;
      const expected = mix.expected[row]?.[col] ?? null;
      const ratio = mix.observedOverExpected[row]?.[col] ?? null;
      const background = ratioColour(expected ? ratio : null);
      return {
        row,
        col,
        observed,
        expected,
        ratio,
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
  const ts = uniq(targets);
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

/**
 * The bridge tracker: cross-sector ties per year for each pair of target sectors, as rows for a
 * chart ("are the bridges between technology, care and the municipality being built?").
 *
 * The rule:
 * - A tie between an organisation of sector A and one of sector B (A ≠ B, both targets) counts in
 *   year Y when at least one of its shared activities runs in Y. An activity runs from its start
 *   year to its end year inclusive; with only one of the two it runs in that one year (the same
 *   reading as the year filter, `activityYears` in filters.ts). A tie counts once per year however
 *   many of its activities run then.
 * - Undated activities run in no year. A tie all of whose (visible) activities are undated is
 *   counted in `undatedOnly` of its pair and appears in no year; a tie with dated and undated
 *   activities counts in the years of the dated ones.
 * - The tie rules are the projection's (a listing ties members to its hubs only; funders form no
 *   ties). Given a view's visibility, only its ties, and of each tie only its visible activities
 *   (and with `statedOnly` its stated contributions), count; the view's minimum weight applies to
 *   the tie as a whole, not per year.
 * - Years run from the first to the last year any counted tie has, with zero rows filled in, so a
 *   line chart has a point for every year.
 */
import { SECTORS } from '../data/sectors';
import { activityYears, type Visibility } from '../filters/filters';
import type { Network } from '../graph/network';

export interface BridgeTrackerOptions {
  /** Target sectors; every unordered pair of distinct ones is tracked. */
  targets: readonly string[];
  /** The view (filters applied); default every tie and activity. */
  visibility?: Visibility;
  /** Count only contributions of stated participations (the `stated` filter). */
  statedOnly?: boolean;
  /** Sector names of the codes; default SECTORS. */
  sectorNames?: readonly string[];
}

export interface BridgeTrackerPair {
  a: string;
  b: string;
  /** Ties between the two sectors in the view. */
  ties: number;
  /** Of those, ties with at least one dated activity (they appear in the years). */
  dated: number;
  /** Ties whose activities are all undated (they appear in no year). */
  undatedOnly: number;
}

export interface BridgeTrackerRow {
  a: string;
  b: string;
  year: number;
  ties: number;
}

export interface BridgeTracker {
  /** First and last year with a counted tie; null when no tie is dated. */
  firstYear: number | null;
  lastYear: number | null;
  pairs: BridgeTrackerPair[];
  /** One row per pair and year from firstYear to lastYear, pairs in `pairs` order, years ascending. */
  rows: BridgeTrackerRow[];
}

export function bridgeTracker(network: Network, sectors: ArrayLike<number>, options: BridgeTrackerOptions): BridgeTracker {
  const names = options.sectorNames ?? SECTORS;
  const { ties } = network.projection;
  const visibility = options.visibility;
  const statedOnly = options.statedOnly ?? false;
  const G = names.length;

  // Pair index per (sector code, sector code); -1 when not a tracked pair.
  const targets = [...new Set(options.targets)];
  const pairs: BridgeTrackerPair[] = [];
  const pairOf = new Int32Array(G * G).fill(-1);
  for (let x = 0; x < targets.length; x++) {
    for (let y = x + 1; y < targets.length; y++) {
      const g = names.indexOf(targets[x]!);
      const h = names.indexOf(targets[y]!);
      const k = pairs.length;
      pairs.push({ a: targets[x]!, b: targets[y]!, ties: 0, dated: 0, undatedOnly: 0 });
      if (g < 0 || h < 0) continue;
      pairOf[g * G + h] = k;
      pairOf[h * G + g] = k;
    }
  }

  // Year span of every activity (NaN start = undated).
  const A = network.activities.length;
  const start = new Float64Array(A).fill(Number.NaN);
  const end = new Float64Array(A).fill(Number.NaN);
  let minYear = Infinity;
  let maxYear = -Infinity;
  for (let a = 0; a < A; a++) {
    const span = activityYears(network.activities[a]!);
    if (!span) continue;
    const [s, e] = span[0] <= span[1] ? span : [span[1], span[0]];
    start[a] = s;
    end[a] = e;
    if (s < minYear) minYear = s;
    if (e > maxYear) maxYear = e;
  }
  const span = maxYear >= minYear ? maxYear - minYear + 1 : 0;
  const counts = new Int32Array(pairs.length * Math.max(span, 1));
  // Last tie that counted in a year (per year offset): a tie counts once per year.
  const stamp = new Int32Array(Math.max(span, 1)).fill(-1);
  let first = Infinity;
  let last = -Infinity;

  for (let e = 0; e < ties.m; e++) {
    if (visibility && !visibility.tieShared[e]) continue;
    const k = pairOf[sectors[ties.u[e]!]! * G + sectors[ties.v[e]!]!]!;
    if (k < 0) continue;
    const pair = pairs[k]!;
    pair.ties++;
    let dated = false;
    for (let p = ties.actOffsets[e]!; p < ties.actOffsets[e + 1]!; p++) {
      const a = ties.acts[p]!;
      if (visibility && !visibility.acts[a]) continue;
      if (statedOnly && ties.actConfidence[p] !== 0) continue;
      if (Number.isNaN(start[a]!)) continue;
      dated = true;
      for (let y = start[a]! - minYear; y <= end[a]! - minYear; y++) {
        if (stamp[y] === e) continue;
        stamp[y] = e;
        counts[k * span + y]!++;
        if (y < first) first = y;
        if (y > last) last = y;
      }
    }
    if (dated) pair.dated++;
    else pair.undatedOnly++;
  }

  const rows: BridgeTrackerRow[] = [];
  if (last >= first) {
    for (let k = 0; k < pairs.length; k++) {
      for (let y = first; y <= last; y++) rows.push({ a: pairs[k]!.a, b: pairs[k]!.b, year: minYear + y, ties: counts[k * span + y]! });
    }
  }
  return {
    firstYear: last >= first ? minYear + first : null,
    lastYear: last >= first ? minYear + last : null,
    pairs,
    rows,
  };
}

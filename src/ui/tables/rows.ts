/**
 * The rows of the activities and ties tables, built from the dataset, the filters' visibility
 * and the analysis. Pure: the tables and the CSV export use the same rows.
 */
import type { OrganisationRow, TieRow } from '../../analysis';
import type { Visibility } from '../../filters/filters';
import type { Network } from '../../graph/network';

export interface ActivityTableRow {
  id: string;
  title: string;
  /** The English title, when the title is in the source's own language. */
  titleEn?: string;
  kind: string;
  source: string;
  scheme?: string;
  theme?: string;
  startYear?: number;
  endYear?: number;
  /** Number of participants the source states (may exceed the named ones). */
  statedParticipants?: number;
  /** Participating organisations that are visible under the filters. */
  organisations: number;
  /** Every named participating organisation, visible or not. */
  organisationsTotal: number;
}

/**
 * One row per activity that passes the filters (every activity when `visibility` is null), with
 * the number of its participants that are visible.
 */
export function activityTableRows(network: Network, visibility: Visibility | null): ActivityTableRow[] {
  const inc = network.projection.incidence;
  const rows: ActivityTableRow[] = [];
  network.activities.forEach((a, j) => {
    if (visibility && !visibility.acts[j]) return;
    let visible = 0;
    const start = inc.participantOffsets[j]!;
    const end = inc.participantOffsets[j + 1]!;
    for (let p = start; p < end; p++) if (!visibility || visibility.orgs[inc.participants[p]!]) visible++;
    const row: ActivityTableRow = {
      id: a.id,
      title: a.title,
      kind: a.kind,
      source: a.source,
      organisations: visible,
      organisationsTotal: end - start,
    };
    if (a.titleEn) row.titleEn = a.titleEn;
    if (a.scheme) row.scheme = a.scheme;
    if (a.theme) row.theme = a.theme;
    if (a.startYear !== undefined) row.startYear = a.startYear;
    if (a.endYear !== undefined) row.endYear = a.endYear;
    if (a.statedParticipants !== undefined) row.statedParticipants = a.statedParticipants;
    rows.push(row);
  });
  return rows;
}

/** "2016–2020", "2018", or "" when the activity has no year. */
export function yearsText(start?: number, end?: number): string {
  if (start !== undefined && end !== undefined && start !== end) return `${start}–${end}`;
  const y = start ?? end;
  return y === undefined ? '' : String(y);
}

export interface TieTableRow {
  /** `tieKey(source, target)`. */
  id: string;
  source: string;
  target: string;
  sourceName: string;
  targetName: string;
  sourceSector: string;
  targetSector: string;
  weight: number;
  /** Ids of the shared (visible) activities, sorted. */
  activities: string[];
  /** Their titles, in the same order. */
  activityTitles: string[];
  bridge: boolean;
}

/** The key of a tie row: both organisation ids (a tab cannot occur in an id read from a file). */
export function tieKey(source: string, target: string): string {
  return `${source}\t${target}`;
}

/** The tie index of every organisation pair of the network, by their ids. */
export function tieIndex(network: Network): (source: string, target: string) => number | undefined {
  const { orgIndex } = network.projection.incidence;
  const { ties } = network.projection;
  const n = network.organisations.length;
  const byPair = new Map<number, number>();
  for (let e = 0; e < ties.m; e++) byPair.set(ties.u[e]! * n + ties.v[e]!, e);
  return (source, target) => {
    const a = orgIndex.get(source);
    const b = orgIndex.get(target);
    if (a === undefined || b === undefined) return undefined;
    return byPair.get(Math.min(a, b) * n + Math.max(a, b));
  };
}

/** The activities behind a tie that are visible under the filters, by index. */
export function visibleTieActivities(network: Network, visibility: Visibility | null, e: number): number[] {
  const { ties } = network.projection;
  const out: number[] = [];
  for (let p = ties.actOffsets[e]!; p < ties.actOffsets[e + 1]!; p++) {
    const a = ties.acts[p]!;
    if (!visibility || visibility.acts[a]) out.push(a);
  }
  return out;
}

/**
 * One row per tie of the analysis, with the organisations' names and sectors (from the analysis
 * rows) and the shared activities visible under the filters.
 */
export function tieTableRows(
  ties: readonly TieRow[],
  organisations: readonly OrganisationRow[],
  network: Network | null,
  visibility: Visibility | null,
): TieTableRow[] {
  const orgs = new Map(organisations.map((o) => [o.id, o]));
  const find = network ? tieIndex(network) : null;
  return ties.map((t) => {
    const e = find?.(t.source, t.target);
    const acts = network && e !== undefined ? visibleTieActivities(network, visibility, e) : [];
    const activities = acts.map((a) => network!.activities[a]!.id);
    const s = orgs.get(t.source);
    const g = orgs.get(t.target);
    return {
      id: tieKey(t.source, t.target),
      source: t.source,
      target: t.target,
      sourceName: s?.name ?? t.source,
      targetName: g?.name ?? t.target,
      sourceSector: s?.sector ?? '',
      targetSector: g?.sector ?? '',
      weight: t.weight,
      activities,
      activityTitles: acts.map((a) => network!.activities[a]!.title),
      bridge: t.bridge,
    };
  });
}

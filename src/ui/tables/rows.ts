/**
 * The rows of the activities and ties tables, built from the dataset, the filters' visibility
 * and the analysis. Pure: the tables and the CSV export use the same rows.
 */
import type Graph from 'graphology';
import type { OrganisationRow, TieRow } from '../../analysis';
import type { Dataset } from '../../data/model';
import type { Visibility } from '../../filters/filters';

export interface ActivityTableRow {
  id: string;
  title: string;
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
export function activityTableRows(dataset: Dataset, visibility: Visibility | null): ActivityTableRow[] {
  const visible = new Map<string, number>();
  const total = new Map<string, number>();
  for (const p of dataset.participations) {
    total.set(p.activityId, (total.get(p.activityId) ?? 0) + 1);
    if (!visibility || visibility.organisations.has(p.organisationId)) {
      visible.set(p.activityId, (visible.get(p.activityId) ?? 0) + 1);
    }
  }
  const rows: ActivityTableRow[] = [];
  for (const a of dataset.activities) {
    if (visibility && !visibility.activities.has(a.id)) continue;
    const row: ActivityTableRow = {
      id: a.id,
      title: a.title,
      kind: a.kind,
      source: a.source,
      organisations: visible.get(a.id) ?? 0,
      organisationsTotal: total.get(a.id) ?? 0,
    };
    if (a.scheme) row.scheme = a.scheme;
    if (a.theme) row.theme = a.theme;
    if (a.startYear !== undefined) row.startYear = a.startYear;
    if (a.endYear !== undefined) row.endYear = a.endYear;
    if (a.statedParticipants !== undefined) row.statedParticipants = a.statedParticipants;
    rows.push(row);
  }
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

/**
 * One row per tie of the analysis, with the organisations' names and sectors (from the
 * analysis rows) and the shared activities (from the edge's `activities` attribute in `graph`,
 * the network the analysis ran on, with titles from the dataset).
 */
export function tieTableRows(
  ties: readonly TieRow[],
  organisations: readonly OrganisationRow[],
  graph: Graph | null,
  dataset: Dataset | null,
): TieTableRow[] {
  const orgs = new Map(organisations.map((o) => [o.id, o]));
  const titles = new Map((dataset?.activities ?? []).map((a) => [a.id, a.title]));
  return ties.map((t) => {
    let activities: string[] = [];
    if (graph && graph.hasNode(t.source) && graph.hasNode(t.target)) {
      const edge = graph.edge(t.source, t.target);
      const attr = edge === undefined ? undefined : (graph.getEdgeAttribute(edge, 'activities') as unknown);
      if (Array.isArray(attr)) activities = attr.filter((a): a is string => typeof a === 'string');
    }
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
      activityTitles: activities.map((a) => titles.get(a) ?? a),
      bridge: t.bridge,
    };
  });
}

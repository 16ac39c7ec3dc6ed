/**
 * The what-if overlay as the app edits it: a list of canonical scenario rows (src/data/scenario.ts),
 * one per hypothetical participation. These helpers make the rows for what the user does — start
 * a hypothetical activity with chosen organisations, have organisations join an existing activity,
 * adopt introductions — and group them back for display. Pure: the rows are the whole state, so
 * they are what is stored, exported (CSV) and sent to the analysis worker.
 */
import type { Dataset } from '../data/model';
import type { ScenarioRow } from '../data/scenario';
import { UNSPECIFIED } from '../data/vocabulary';

export interface NamedOrganisation {
  id: string;
  name: string;
}

/** One activity of the scenario: new (hypothetical) or an existing one others join. */
export interface ScenarioActivity {
  id: string;
  title: string;
  kind: string;
  /** True when the activity is in the data (the scenario adds participants to it). */
  existing: boolean;
  organisations: NamedOrganisation[];
}

/** The first `<prefix>-<n>` not in the data's activities nor the rows. */
export function freeActivityId(prefix: string, dataset: Dataset, rows: readonly ScenarioRow[]): string {
  const taken = new Set<string>();
  for (const a of dataset.activities) taken.add(a.id);
  for (const r of rows) if (r.activity_id) taken.add(r.activity_id);
  let n = 1;
  while (taken.has(`${prefix}-${n}`)) n++;
  return `${prefix}-${n}`;
}

export interface NewActivity {
  title: string;
  kind: string;
  year?: number | null;
  organisations: readonly NamedOrganisation[];
}

/** Rows of a new hypothetical activity with the chosen organisations (each once). */
export function newActivityRows(dataset: Dataset, rows: readonly ScenarioRow[], activity: NewActivity): ScenarioRow[] {
  const id = freeActivityId('what-if', dataset, rows);
  const seen = new Set<string>();
  const out: ScenarioRow[] = [];
  for (const o of activity.organisations) {
    if (seen.has(o.id)) continue;
    seen.add(o.id);
    const row: ScenarioRow = { activity_id: id, activity_title: activity.title.trim() || id, activity_kind: activity.kind, organisation_id: o.id, organisation: o.name, role: 'partner' };
    if (activity.year) row.start_year = String(activity.year);
    out.push(row);
  }
  return out;
}

/** Rows that have organisations join an existing activity ("X sluit aan bij Y"), skipping ones already in the rows. */
export function joinActivityRows(rows: readonly ScenarioRow[], activityId: string, organisations: readonly NamedOrganisation[]): ScenarioRow[] {
  const there = new Set(rows.filter((r) => r.activity_id === activityId).map((r) => r.organisation_id));
  const out: ScenarioRow[] = [];
  for (const o of organisations) {
    if (there.has(o.id)) continue;
    there.add(o.id);
    out.push({ activity_id: activityId, organisation_id: o.id, organisation: o.name, role: 'participant' });
  }
  return out;
}

/**
 * Rows that make introductions happen: each pair gets a hypothetical activity of kind
 * `introduction` with the two of them (as `introductionRows` in scenario.ts), so they are tied.
 * A pair the rows already introduce is skipped.
 */
export function introductionScenarioRows(
  dataset: Dataset,
  rows: readonly ScenarioRow[],
  pairs: readonly { a: NamedOrganisation; b: NamedOrganisation }[],
): ScenarioRow[] {
  const introduced = new Set(introducedPairs(rows).map(([a, b]) => pairKey(a, b)));
  const out: ScenarioRow[] = [];
  for (const { a, b } of pairs) {
    if (a.id === b.id || introduced.has(pairKey(a.id, b.id))) continue;
    introduced.add(pairKey(a.id, b.id));
    const id = freeActivityId('introduction', dataset, [...rows, ...out]);
    const title = `${a.name} – ${b.name}`;
    for (const o of [a, b]) out.push({ activity_id: id, activity_title: title, activity_kind: 'introduction', organisation_id: o.id, organisation: o.name, role: 'partner' });
  }
  return out;
}

const pairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

/** The pairs of organisation ids the rows' introduction activities tie. */
export function introducedPairs(rows: readonly ScenarioRow[]): [string, string][] {
  const byActivity = new Map<string, string[]>();
  for (const r of rows) {
    if (r.activity_kind !== 'introduction' || !r.activity_id || !r.organisation_id) continue;
    const list = byActivity.get(r.activity_id) ?? [];
    list.push(r.organisation_id);
    byActivity.set(r.activity_id, list);
  }
  const out: [string, string][] = [];
  for (const ids of byActivity.values()) if (ids.length === 2) out.push([ids[0]!, ids[1]!]);
  return out;
}

export function removeScenarioActivity(rows: readonly ScenarioRow[], activityId: string): ScenarioRow[] {
  return rows.filter((r) => r.activity_id !== activityId);
}

/** How rows name their activity and organisation: the data's names first, else the row's own. */
function rowNames(dataset: Dataset) {
  const acts = new Map(dataset.activities.map((a) => [a.id, a]));
  const orgs = new Map(dataset.organisations.map((o) => [o.id, o]));
  return {
    activity: (id: string) => acts.get(id),
    title: (r: ScenarioRow, id: string) => acts.get(id)?.title ?? (r.activity_title?.trim() || id),
    organisation: (r: ScenarioRow) => {
      const orgId = r.organisation_id?.trim() ?? '';
      return { id: orgId, name: (orgId && orgs.get(orgId)?.name) || r.organisation?.trim() || orgId };
    },
  };
}

/** The rows grouped by activity, in the order they were added, with names from the data. */
export function scenarioActivities(rows: readonly ScenarioRow[], dataset: Dataset): ScenarioActivity[] {
  const names = rowNames(dataset);
  const out = new Map<string, ScenarioActivity>();
  for (const r of rows) {
    const id = r.activity_id?.trim();
    if (!id) continue;
    let group = out.get(id);
    if (!group) {
      const real = names.activity(id);
      group = { id, title: names.title(r, id), kind: real?.kind ?? (r.activity_kind?.trim() || UNSPECIFIED), existing: !!real, organisations: [] };
      out.set(id, group);
    }
    const organisation = names.organisation(r);
    if (organisation.name) group.organisations.push(organisation);
  }
  return [...out.values()];
}

/**
 * Where a problem of the scenario is, for the reader: the activity and organisation of the row it
 * names. The rows have no file of their own (they are kept in the browser, and added to from the
 * form, introductions and files), so applyScenario's row numbers (index + 2) mean nothing to them.
 */
export function scenarioRowPlaces(rows: readonly ScenarioRow[], dataset: Dataset): (rowNumber: number) => { activity: string; organisation: string } | null {
  const names = rowNames(dataset);
  // The activity as the scenario's list shows it (the first row's title), where "Weghalen" is.
  const titles = new Map(scenarioActivities(rows, dataset).map((g) => [g.id, g.title]));
  return (rowNumber) => {
    const r = rows[rowNumber - 2];
    if (!r) return null;
    return { activity: titles.get(r.activity_id?.trim() ?? '') ?? '', organisation: names.organisation(r).name };
  };
}

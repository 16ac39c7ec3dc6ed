/**
 * A view state checked against the loaded data (the pattern of Retina's `cleanNavState`): values a
 * link or an earlier dataset carried that this data does not have are dropped, and the caller is
 * told which, so an imported network is never hidden by a filter with no checkbox left to untick.
 */
import { SECTORS } from '../data/sectors';
import type { Network } from '../graph/network';
import { DEFAULT_PROJECTION_RULES } from '../graph/projection';
import { yearRangeText, type ViewState } from './viewState';

export interface DroppedValue {
  /** The query parameter the value came from (`source`, `org`, `ego`, …). */
  parameter: string;
  values: string[];
}

export interface CleanResult {
  state: ViewState;
  dropped: DroppedValue[];
}

/** Two lists of dropped values as one, a parameter once (its values from both), by name. */
export function mergeDropped(a: readonly DroppedValue[], b: readonly DroppedValue[]): DroppedValue[] {
  const byParameter = new Map<string, string[]>();
  for (const d of [...a, ...b]) byParameter.set(d.parameter, [...(byParameter.get(d.parameter) ?? []), ...d.values]);
  return [...byParameter].sort(([x], [y]) => (x < y ? -1 : 1)).map(([parameter, values]) => ({ parameter, values }));
}

export function cleanViewState(state: ViewState, network: Network, sectors: ArrayLike<number>): CleanResult {
  const dropped: DroppedValue[] = [];
  // `known` is asked for only when there are values to check: on H2020 the six sets took 70 ms.
  const keep = (parameter: string, values: readonly string[], known: () => ReadonlySet<string>): string[] => {
    if (!values.length) return [];
    const present = known();
    const kept = values.filter((v) => present.has(v));
    const gone = values.filter((v) => !present.has(v));
    if (gone.length) dropped.push({ parameter, values: gone });
    return kept;
  };
  const acts = network.activities;
  const orgs = network.organisations;
  const values = <T>(items: readonly T[], pick: (item: T) => string | undefined) => {
    const out = new Set<string>();
    for (const item of items) {
      const v = pick(item);
      if (v) out.add(v);
    }
    return out;
  };
  const presentSectors = () => {
    const present = new Set<string>();
    for (let i = 0; i < orgs.length; i++) present.add(SECTORS[sectors[i]!] ?? 'other');
    return present;
  };

  const f = state.filters;
  let years = f.years;
  let yearsClamped = false;
  if (years) {
    const span = yearSpan(acts);
    if (!span || years[1] < span[0] || years[0] > span[1]) {
      dropped.push({ parameter: 'years', values: [yearRangeText(years)] });
      years = null;
    } else if (years[0] < span[0] || years[1] > span[1]) {
      // Ends beyond the data's years are its ends (`years=0000-9999` was headed "0–9999" above a
      // slider at 2006–2020). It stays a years filter, which hides organisations in no activity:
      // made "no filter", one side of a comparison (2000-2019 against 2000-2030) gained them all.
      years = [Math.max(years[0], span[0]), Math.min(years[1], span[1])];
      yearsClamped = true;
    }
  }
  // The change view's periods: a range no activity overlaps is dropped (the defaults apply).
  let change = state.change;
  if (change.before || change.after) {
    const span = yearSpan(acts);
    const outside = (r: [number, number] | null) => r !== null && (!span || r[1] < span[0] || r[0] > span[1]);
    for (const side of ['before', 'after'] as const) {
      const r = change[side];
      if (r && outside(r)) {
        dropped.push({ parameter: side, values: [yearRangeText(r)] });
        change = { ...change, [side]: null };
      }
    }
  }
  const index = network.projection.incidence.orgIndex;
  let ego = f.ego;
  if (ego && !index.has(ego.id)) {
    dropped.push({ parameter: 'ego', values: [ego.id] });
    ego = null;
  }
  let selected = state.selected;
  if (selected && !index.has(selected)) {
    dropped.push({ parameter: 'org', values: [selected] });
    selected = null;
  }
  let focal = state.focal;
  if (focal && !index.has(focal)) {
    dropped.push({ parameter: 'focal', values: [focal] });
    focal = null;
  }
  const actIndex = network.projection.incidence.actIndex;
  const listed = state.rules.listingActivities.filter((id) => actIndex.has(id));
  if (listed.length !== state.rules.listingActivities.length) {
    dropped.push({ parameter: 'listed', values: state.rules.listingActivities.filter((id) => !actIndex.has(id)) });
  }
  // A listing kind no activity has: the kinds a link gives replace the default ones, so a typo
  // ("consultaton") changed the ties without a word. A default kind the data lacks is no news.
  // Dropping it changes no tie (no activity has it), so the network stays as it was built.
  let listingKinds = state.rules.listingKinds;
  if (listingKinds.length) {
    const kind = (k: string) => k.trim().toLowerCase();
    const present = values(acts, (a) => kind(a.kind));
    const absent = listingKinds.filter((k) => !present.has(kind(k)) && !DEFAULT_PROJECTION_RULES.listingKinds.includes(kind(k)));
    if (absent.length) {
      dropped.push({ parameter: 'listing', values: absent });
      listingKinds = listingKinds.filter((k) => !absent.includes(k));
    }
  }
  const rulesCleaned = listed.length !== state.rules.listingActivities.length || listingKinds !== state.rules.listingKinds;

  const cleaned: ViewState = {
    ...state,
    selected,
    focal,
    change,
    rules: rulesCleaned ? { ...state.rules, listingActivities: listed, listingKinds } : state.rules,
    filters: {
      ...f,
      sources: keep('source', f.sources, () => values(acts, (a) => a.source)),
      kinds: keep('kind', f.kinds, () => values(acts, (a) => a.kind)),
      schemes: keep('scheme', f.schemes, () => values(acts, (a) => a.scheme)),
      themes: keep('theme', f.themes, () => values(acts, (a) => a.theme)),
      regions: keep('region', f.regions, () => values(orgs, (o) => o.region)),
      cities: keep('city', f.cities, () => values(orgs, (o) => o.city)),
      sectors: keep('sector', f.sectors, presentSectors) as ViewState['filters']['sectors'],
      years,
      ego,
    },
  };
  return { state: dropped.length || yearsClamped ? cleaned : state, dropped };
}

/** First and last year of any activity, or null when no activity has a year. */
export function yearSpan(acts: readonly { startYear?: number; endYear?: number }[]): [number, number] | null {
  let min = Infinity;
  let max = -Infinity;
  for (const a of acts) {
    for (const y of [a.startYear, a.endYear]) {
      if (y === undefined) continue;
      if (y < min) min = y;
      if (y > max) max = y;
    }
  }
  return min > max ? null : [min, max];
}

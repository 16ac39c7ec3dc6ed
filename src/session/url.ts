import { isSector, type Sector } from '../data/sectors';
import { DEFAULT_FILTERS, type Filters } from '../filters/filters';
import { COLOUR_BY, SIZE_BY, type ColourBy, type SizeBy } from '../measures/registry';
import { LABEL_DENSITIES } from '../graph/labels';
import { CHANGE_MODES, DEFAULT_CHANGE, DEFAULT_RULES, DEFAULT_VIEW_STATE, MAX_RESOLUTION, VIEWS, type ChangeState, type ViewRules, type ViewState, yearRangeText } from './viewState';
import { mergeDropped, type DroppedValue } from './clean';

/**
 * The view state lives in the query string so a view can be shared as a link and survives
 * reload and back/forward. Only values that differ from the defaults are written. Malformed
 * values, later copies of a parameter and unknown parameters are not used here (and are reported
 * by `readViewState`); values the loaded data does not know are dropped (and reported) by
 * `cleanViewState`. The command line's `--view` reads the same string.
 */
const LIST = ',';

const writeList = (values: readonly string[]) => values.map((v) => encodeURIComponent(v)).join(LIST);

/**
 * Raw (still percent-encoded) query values: list items are decoded one by one after splitting. A
 * parameter given twice keeps its first value; the later ones are kept apart, to be reported.
 */
function rawQuery(search: string): { raw: Map<string, string>; repeated: Map<string, string[]> } {
  const raw = new Map<string, string>();
  const repeated = new Map<string, string[]>();
  for (const part of search.replace(/^\?/, '').split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    const value = eq < 0 ? '' : part.slice(eq + 1);
    // "=" alone names nothing and sets nothing: not a parameter to report (`?=&&&=` listed blanks).
    if (!key && !value) continue;
    if (!raw.has(key)) raw.set(key, value);
    else if (repeated.has(key)) repeated.get(key)!.push(value);
    else repeated.set(key, [value]);
  }
  return { raw, repeated };
}

function decode(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

/** Links made before the measure registry said `brokerage` for the total of the roles. */
const OLD_MEASURE_NAMES = new Map<string, string>([['brokerage', 'brokerageTotal']]);

/** The parameter names the app writes (and the command line's --view reads). */
export const QUERY_PARAMETERS = [
  'view', 'source', 'kind', 'scheme', 'theme', 'years', 'undated', 'region', 'city', 'sector', 'min',
  'isolates', 'stated', 'ego', 'colour', 'size', 'org', 'targets', 'k', 'reach', 'res', 'suggested',
  'focal', 'listing', 'listed', 'weight', 'change', 'before', 'after', 'against', 'labels',
] as const;

/**
 * The pseudo-parameter under which readViewState lists the parts of a link that are not one of the
 * QUERY_PARAMETERS, each as `name=value` (a typo such as `sectr=care`, or a tracker's `utm_source`).
 */
export const UNKNOWN_PARAMETER = 'unknown';
/** The same for the later values of a parameter given more than once (the first is used): `name=value`. */
export const REPEATED_PARAMETER = 'repeated';
/** The same for a year range written latest year first (`years=2020-2010`), used the other way round: `name=value`. */
export const REVERSED_PARAMETER = 'reversed';

/** The pseudo-parameters above: their values are whole `name=value` parts of the link, not values of one parameter. */
export function listsLinkParts(parameter: string): boolean {
  return parameter === UNKNOWN_PARAMETER || parameter === REPEATED_PARAMETER || parameter === REVERSED_PARAMETER;
}

/** Whole numbers and decimals as a link writes them (and the command line's --k, --resolution): Number() alone would take `0x3`, ` 3` or `3e0`. */
export const DECIMAL_INTEGER = /^\d+$/;
export const DECIMAL_NUMBER = /^\d+(?:\.\d+)?$/;

/** A year range `A-B` (sorted), or null. */
function yearRange(value: string | null): [number, number] | null {
  const m = value?.match(/^(\d{4})-(\d{4})$/);
  return m ? ([Number(m[1]), Number(m[2])].sort((a, b) => a - b) as [number, number]) : null;
}

function isQueryParameter(key: string): boolean {
  return (QUERY_PARAMETERS as readonly string[]).includes(key);
}

export function parseViewState(search: string): ViewState {
  return readViewState(search).state;
}

/**
 * The view state of a query string, and the values it could not read (`k=abc`, `view=nope`,
 * `sector=alien`): those fall back to the default and are listed per parameter, as
 * `cleanViewState` lists the values this data does not have. An empty value counts as absent.
 */
export function readViewState(search: string): {
  state: ViewState;
  /**
   * Everything not used, per parameter: unreadable values; and the later values of a parameter
   * given twice (REPEATED_PARAMETER) and unknown parameters (UNKNOWN_PARAMETER) as `name=value`.
   */
  ignored: DroppedValue[];
} {
  const { raw, repeated } = rawQuery(search);
  const ignored: DroppedValue[] = [];
  const get = (key: string) => raw.get(key) ?? null;
  const ignore = (parameter: string, values: string[] = [decode(raw.get(parameter)) ?? raw.get(parameter) ?? '']) => {
    if (values.length) ignored.push({ parameter, values });
  };
  /** The value when `read` accepts it, else the fallback (and the value is reported). */
  const checked = <T>(key: string, read: (value: string) => T | undefined, fallback: T): T => {
    const value = get(key);
    if (!value) return fallback;
    const result = read(value);
    if (result === undefined) {
      ignore(key);
      return fallback;
    }
    return result;
  };
  const oneOf = <T extends string>(key: string, allowed: readonly T[], fallback: T, rename = (v: string) => v) =>
    checked(key, (v) => ((allowed as readonly string[]).includes(rename(v)) ? (rename(v) as T) : undefined), fallback);
  const int = (key: string, min: number, max: number, fallback: number) =>
    checked(key, (v) => (DECIMAL_INTEGER.test(v) && Number(v) >= min && Number(v) <= max ? Number(v) : undefined), fallback);
  const flag = (key: string, on: '0' | '1') => checked(key, (v) => (v === '0' || v === '1' ? v === on : undefined), false);
  const years = (key: string) => {
    const range = checked(key, (v) => yearRange(v) ?? undefined, null);
    // Read earliest year first, and said so: a reversed range quietly swapped looked like a typo that worked.
    if (range && get(key) !== yearRangeText(range)) ignore(REVERSED_PARAMETER, [`${key}=${get(key)}`]);
    return range;
  };
  /** A list parameter's items; an item whose percent-encoding is broken is reported as written. */
  const list = (key: string) => {
    const items = get(key)?.split(LIST) ?? [];
    ignore(key, items.filter((item) => item && decode(item) === null));
    // A value given twice in one list is used once; the second is reported as a repeat.
    const seen = new Set<string>();
    const again: string[] = [];
    for (const item of items) {
      const value = decode(item);
      if (!value) continue;
      if (seen.has(value)) again.push(`${key}=${value}`);
      else seen.add(value);
    }
    ignore(REPEATED_PARAMETER, again);
    return [...seen];
  };
  /** One free-text value (an organisation id); broken percent-encoding is reported. */
  const text = (key: string) => checked(key, (v) => decode(v) ?? undefined, null);
  const sectors = (key: string) => {
    const values = list(key);
    ignore(key, values.filter((v) => !isSector(v)));
    return values.filter(isSector) as Sector[];
  };

  // One to five steps, as the filter's slider offers; 0 or 9 steps is reported, not quietly made 1 or 5.
  const egoMatch = get('ego')?.match(/^(.+):([1-5])$/);
  const egoId = egoMatch ? decode(egoMatch[1]!) : null;
  if (get('ego') && !egoId) ignore('ego');
  const filters: Filters = {
    sources: list('source'),
    kinds: list('kind'),
    schemes: list('scheme'),
    themes: list('theme'),
    years: years('years'),
    includeUndated: !flag('undated', '0'),
    regions: list('region'),
    cities: list('city'),
    sectors: sectors('sector'),
    minWeight: int('min', 1, 1000, DEFAULT_FILTERS.minWeight),
    hideIsolates: flag('isolates', '0'),
    statedOnly: flag('stated', '1'),
    ego: egoId ? { id: egoId, steps: Number(egoMatch![2]) } : null,
  };
  let targets = sectors('targets');
  if (targets.length && new Set(targets).size < 2) {
    ignore('targets', targets);
    targets = [];
  }
  const listing = raw.has('listing') ? list('listing') : DEFAULT_RULES.listingKinds;
  const rules: ViewRules = {
    listingKinds: listing,
    listingActivities: list('listed'),
    weight: oneOf('weight', ['shared', 'newman'] as const, 'shared'),
  };
  const measureName = (v: string) => OLD_MEASURE_NAMES.get(v) ?? v;
  const state: ViewState = {
    view: oneOf('view', VIEWS, DEFAULT_VIEW_STATE.view),
    filters,
    colourBy: oneOf('colour', COLOUR_BY as readonly ColourBy[], DEFAULT_VIEW_STATE.colourBy, measureName),
    sizeBy: oneOf('size', SIZE_BY as readonly SizeBy[], DEFAULT_VIEW_STATE.sizeBy, measureName),
    selected: text('org'),
    targets: targets.length ? [...new Set(targets)] : [...DEFAULT_VIEW_STATE.targets],
    k: int('k', 1, 10, DEFAULT_VIEW_STATE.k),
    reachSteps: oneOf('reach', ['1', '2'] as const, '1') === '2' ? 2 : 1,
    resolution: checked('res', (v) => (DECIMAL_NUMBER.test(v) && Number(v) > 0 && Number(v) <= MAX_RESOLUTION ? Number(v) : undefined), DEFAULT_VIEW_STATE.resolution),
    showSuggested: flag('suggested', '1'),
    focal: text('focal'),
    rules,
    change: parseChange(oneOf, years, text),
    labels: oneOf('labels', LABEL_DENSITIES, DEFAULT_VIEW_STATE.labels),
  };
  // Later copies of a parameter, and parameters a view does not have, are not used: said so.
  const written = (key: string, value: string) => (value ? `${decode(key) ?? key}=${decode(value) ?? value}` : (decode(key) ?? key));
  const later = [...repeated].filter(([key]) => isQueryParameter(key));
  ignore(REPEATED_PARAMETER, later.flatMap(([key, values]) => values.filter(Boolean).map((value) => written(key, value))));
  const unknown = [...raw.keys()].filter((key) => !isQueryParameter(key));
  ignore(UNKNOWN_PARAMETER, unknown.flatMap((key) => [raw.get(key)!, ...(repeated.get(key) ?? [])].map((value) => written(key, value))));
  return { state, ignored: mergeDropped(ignored, []) };
}

function parseChange(
  oneOf: <T extends string>(key: string, allowed: readonly T[], fallback: T) => T,
  years: (key: string) => [number, number] | null,
  text: (key: string) => string | null,
): ChangeState {
  const mode = oneOf('change', CHANGE_MODES, DEFAULT_CHANGE.mode);
  const before = years('before');
  const after = years('after');
  const against = text('against');
  if (mode === DEFAULT_CHANGE.mode && !before && !after && !against) return DEFAULT_CHANGE;
  return { mode, before, after, against };
}

export function serialiseViewState(s: ViewState): string {
  const q: [string, string][] = [];
  const d = DEFAULT_VIEW_STATE;
  const f = s.filters;
  if (s.view !== d.view) q.push(['view', s.view]);
  if (f.sources.length) q.push(['source', writeList(f.sources)]);
  if (f.kinds.length) q.push(['kind', writeList(f.kinds)]);
  if (f.schemes.length) q.push(['scheme', writeList(f.schemes)]);
  if (f.themes.length) q.push(['theme', writeList(f.themes)]);
  if (f.years) q.push(['years', yearRangeText(f.years)]);
  if (!f.includeUndated) q.push(['undated', '0']);
  if (f.regions.length) q.push(['region', writeList(f.regions)]);
  if (f.cities.length) q.push(['city', writeList(f.cities)]);
  if (f.sectors.length) q.push(['sector', writeList(f.sectors)]);
  if (f.minWeight > 1) q.push(['min', String(f.minWeight)]);
  if (f.hideIsolates) q.push(['isolates', '0']);
  if (f.statedOnly) q.push(['stated', '1']);
  if (f.ego) q.push(['ego', `${encodeURIComponent(f.ego.id)}:${f.ego.steps}`]);
  if (s.colourBy !== d.colourBy) q.push(['colour', s.colourBy]);
  if (s.sizeBy !== d.sizeBy) q.push(['size', s.sizeBy]);
  if (s.selected) q.push(['org', encodeURIComponent(s.selected)]);
  if (writeList(s.targets) !== writeList(d.targets)) q.push(['targets', writeList(s.targets)]);
  if (s.k !== d.k) q.push(['k', String(s.k)]);
  if (s.reachSteps !== d.reachSteps) q.push(['reach', String(s.reachSteps)]);
  if (s.resolution !== d.resolution) q.push(['res', String(s.resolution)]);
  if (s.showSuggested) q.push(['suggested', '1']);
  if (s.focal) q.push(['focal', encodeURIComponent(s.focal)]);
  if (writeList([...s.rules.listingKinds].sort()) !== writeList([...d.rules.listingKinds].sort())) q.push(['listing', writeList(s.rules.listingKinds)]);
  if (s.rules.listingActivities.length) q.push(['listed', writeList(s.rules.listingActivities)]);
  if (s.rules.weight !== d.rules.weight) q.push(['weight', s.rules.weight]);
  const c = s.change;
  if (c.mode !== d.change.mode) q.push(['change', c.mode]);
  if (c.before) q.push(['before', yearRangeText(c.before)]);
  if (c.after) q.push(['after', yearRangeText(c.after)]);
  if (c.against) q.push(['against', encodeURIComponent(c.against)]);
  if (s.labels !== d.labels) q.push(['labels', s.labels]);
  // URLSearchParams would re-encode the commas of our lists; build the string by hand.
  return q.length ? `?${q.map(([k, v]) => `${k}=${v}`).join('&')}` : '';
}

import { isSector, type Sector } from '../data/sectors';
import { DEFAULT_FILTERS, type Filters } from '../filters/filters';
import { COLOUR_BY, SIZE_BY, type ColourBy, type SizeBy } from '../measures/registry';
import { LABEL_DENSITIES } from '../graph/labels';
import { CHANGE_MODES, DEFAULT_CHANGE, DEFAULT_RULES, DEFAULT_VIEW_STATE, VIEWS, type ChangeState, type ViewRules, type ViewState } from './viewState';

/**
 * The view state lives in the query string so a view can be shared as a link and survives
 * reload and back/forward. Only values that differ from the defaults are written. Malformed
 * values fall back to the default here; values the loaded data does not know are dropped (and
 * reported) by `cleanViewState`. The command line's `--view` reads the same string.
 */
const LIST = ',';

const list = (v: string | null): string[] => (v ? v.split(LIST).map((item) => decode(item) ?? '').filter(Boolean) : []);
const writeList = (values: readonly string[]) => values.map((v) => encodeURIComponent(v)).join(LIST);

function oneOf<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return value && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

function int(value: string | null, min: number, max: number, fallback: number): number {
  const n = Number(value);
  return value !== null && Number.isInteger(n) && n >= min && n <= max ? n : fallback;
}

/** Raw (still percent-encoded) query values: list items are decoded one by one after splitting. */
function rawQuery(search: string): Map<string, string> {
  const raw = new Map<string, string>();
  for (const part of search.replace(/^\?/, '').split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    if (!raw.has(key)) raw.set(key, eq < 0 ? '' : part.slice(eq + 1));
  }
  return raw;
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

/** A year range `A-B` (sorted), or null. */
function yearRange(value: string | null): [number, number] | null {
  const m = value?.match(/^(\d{4})-(\d{4})$/);
  return m ? ([Number(m[1]), Number(m[2])].sort((a, b) => a - b) as [number, number]) : null;
}

export function parseViewState(search: string): ViewState {
  const raw = rawQuery(search);
  const get = (key: string) => raw.get(key) ?? null;
  const years = get('years')?.match(/^(\d{4})-(\d{4})$/);
  const ego = get('ego')?.match(/^(.+):(\d)$/);
  const egoId = ego ? decode(ego[1]!) : null;
  const filters: Filters = {
    sources: list(get('source')),
    kinds: list(get('kind')),
    schemes: list(get('scheme')),
    themes: list(get('theme')),
    years: years ? ([Number(years[1]), Number(years[2])].sort((a, b) => a - b) as [number, number]) : null,
    includeUndated: get('undated') !== '0',
    regions: list(get('region')),
    cities: list(get('city')),
    sectors: list(get('sector')).filter(isSector),
    minWeight: int(get('min'), 1, 1000, DEFAULT_FILTERS.minWeight),
    hideIsolates: get('isolates') === '0',
    statedOnly: get('stated') === '1',
    ego: egoId ? { id: egoId, steps: Math.max(1, Math.min(5, Number(ego![2]))) } : null,
  };
  const targets = list(get('targets')).filter(isSector) as Sector[];
  const resolution = Number(get('res'));
  const measureName = (v: string | null) => (v === null ? null : (OLD_MEASURE_NAMES.get(v) ?? v));
  const listing = raw.has('listing') ? list(get('listing')) : DEFAULT_RULES.listingKinds;
  const rules: ViewRules = {
    listingKinds: listing,
    listingActivities: list(get('listed')),
    weight: get('weight') === 'newman' ? 'newman' : 'shared',
  };
  return {
    view: oneOf(get('view'), VIEWS, DEFAULT_VIEW_STATE.view),
    filters,
    colourBy: oneOf(measureName(get('colour')), COLOUR_BY as readonly ColourBy[], DEFAULT_VIEW_STATE.colourBy),
    sizeBy: oneOf(measureName(get('size')), SIZE_BY as readonly SizeBy[], DEFAULT_VIEW_STATE.sizeBy),
    selected: decode(get('org')) || null,
    targets: targets.length >= 2 ? [...new Set(targets)] : [...DEFAULT_VIEW_STATE.targets],
    k: int(get('k'), 1, 10, DEFAULT_VIEW_STATE.k),
    reachSteps: get('reach') === '2' ? 2 : 1,
    resolution: resolution > 0 && resolution <= 10 ? resolution : DEFAULT_VIEW_STATE.resolution,
    showSuggested: get('suggested') === '1',
    focal: decode(get('focal')) || null,
    rules,
    change: parseChange(get),
    labels: oneOf(get('labels'), LABEL_DENSITIES, DEFAULT_VIEW_STATE.labels),
  };
}

function parseChange(get: (key: string) => string | null): ChangeState {
  const mode = oneOf(get('change'), CHANGE_MODES, DEFAULT_CHANGE.mode);
  const before = yearRange(get('before'));
  const after = yearRange(get('after'));
  const against = decode(get('against')) || null;
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
  if (f.years) q.push(['years', `${f.years[0]}-${f.years[1]}`]);
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
  if (c.before) q.push(['before', `${c.before[0]}-${c.before[1]}`]);
  if (c.after) q.push(['after', `${c.after[0]}-${c.after[1]}`]);
  if (c.against) q.push(['against', encodeURIComponent(c.against)]);
  if (s.labels !== d.labels) q.push(['labels', s.labels]);
  // URLSearchParams would re-encode the commas of our lists; build the string by hand.
  return q.length ? `?${q.map(([k, v]) => `${k}=${v}`).join('&')}` : '';
}

import { isSector, type Sector } from '../data/sectors';
import { DEFAULT_FILTERS, type Filters } from '../filters/filters';
import { COLOUR_BY, DEFAULT_VIEW_STATE, SIZE_BY, VIEWS, type ViewState } from './viewState';

/**
 * The view state lives in the query string so a view can be shared as a link and survives
 * reload and back/forward. Only values that differ from the defaults are written; anything
 * unknown or malformed in a link falls back to the default instead of breaking the app.
 */
const LIST = ',';

const list = (v: string | null): string[] =>
  v ? v.split(LIST).map((item) => decode(item) ?? '').filter(Boolean) : [];
const writeList = (values: string[]) => values.map((v) => encodeURIComponent(v)).join(LIST);

function oneOf<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return value && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

function int(value: string | null, min: number, max: number, fallback: number): number {
  const n = Number(value);
  return value !== null && Number.isInteger(n) && n >= min && n <= max ? n : fallback;
}

/** Raw (still percent-encoded) query values: list items are decoded one by one after splitting. */
function rawQuery(search: string): { get(key: string): string | null } {
  const raw = new Map<string, string>();
  for (const part of search.replace(/^\?/, '').split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    if (!raw.has(key)) raw.set(key, eq < 0 ? '' : part.slice(eq + 1));
  }
  return { get: (key) => raw.get(key) ?? null };
}

function decode(value: string | null): string | null {
  if (value === null) return null;
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

export function parseViewState(search: string): ViewState {
  const q = rawQuery(search);
  const years = q.get('years')?.match(/^(\d{4})-(\d{4})$/);
  const ego = q.get('ego')?.match(/^(.+):(\d)$/);
  const filters: Filters = {
    sources: list(q.get('source')),
    kinds: list(q.get('kind')),
    schemes: list(q.get('scheme')),
    themes: list(q.get('theme')),
    years: years ? [Number(years[1]), Number(years[2])].sort((a, b) => a - b) as [number, number] : null,
    includeUndated: q.get('undated') !== '0',
    regions: list(q.get('region')),
    cities: list(q.get('city')),
    sectors: list(q.get('sector')).filter(isSector),
    minWeight: int(q.get('min'), 1, 1000, DEFAULT_FILTERS.minWeight),
    hideIsolates: q.get('isolates') === '0',
    ego: ego && decode(ego[1]!) ? { id: decode(ego[1]!)!, steps: Math.max(1, Math.min(5, Number(ego[2]))) } : null,
  };
  const targets = list(q.get('targets')).filter(isSector) as Sector[];
  const resolution = Number(q.get('res'));
  return {
    view: oneOf(q.get('view'), VIEWS, DEFAULT_VIEW_STATE.view),
    filters,
    colourBy: oneOf(q.get('colour'), COLOUR_BY, DEFAULT_VIEW_STATE.colourBy),
    sizeBy: oneOf(q.get('size'), SIZE_BY, DEFAULT_VIEW_STATE.sizeBy),
    selected: decode(q.get('org')) || null,
    targets: targets.length >= 2 ? targets : [...DEFAULT_VIEW_STATE.targets],
    k: int(q.get('k'), 1, 10, DEFAULT_VIEW_STATE.k),
    reachSteps: q.get('reach') === '2' ? 2 : 1,
    resolution: resolution > 0 && resolution <= 10 ? resolution : DEFAULT_VIEW_STATE.resolution,
    showSuggested: q.get('suggested') === '1',
  };
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
  if (f.ego) q.push(['ego', `${encodeURIComponent(f.ego.id)}:${f.ego.steps}`]);
  if (s.colourBy !== d.colourBy) q.push(['colour', s.colourBy]);
  if (s.sizeBy !== d.sizeBy) q.push(['size', s.sizeBy]);
  if (s.selected) q.push(['org', encodeURIComponent(s.selected)]);
  if (writeList(s.targets) !== writeList(d.targets)) q.push(['targets', writeList(s.targets)]);
  if (s.k !== d.k) q.push(['k', String(s.k)]);
  if (s.reachSteps !== d.reachSteps) q.push(['reach', String(s.reachSteps)]);
  if (s.resolution !== d.resolution) q.push(['res', String(s.resolution)]);
  if (s.showSuggested) q.push(['suggested', '1']);
  // URLSearchParams would re-encode the commas of our lists; build the string by hand.
  return q.length ? `?${q.map(([k, v]) => `${k}=${v}`).join('&')}` : '';
}

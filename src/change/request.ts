/**
 * What the change view compares, from the view state and the data: two filter sets ("before" and
 * "after") with their query strings, as the command line's `--view`/`--compare` take them. Pure.
 *
 * Two periods are year ranges on top of the current filters; by default "up to last year" against
 * "up to the last year" of the data (docs/change-over-time.md: what did the newest year add?).
 * With a pasted link, the current view is compared with that link's filters; its other parameters
 * (tie rules, analysis options) are ignored, as on the command line, so both sides are measured
 * the same way.
 */
import type { Filters } from '../filters/filters';
import type { Network } from '../graph/network';
import { cleanViewState, yearSpan, type DroppedValue } from '../session/clean';
import { listsLinkParts, QUERY_PARAMETERS, readViewState, serialiseViewState } from '../session/url';
import { DEFAULT_VIEW_STATE, type ViewState } from '../session/viewState';

/** The parameters of a link that set filters (Filters): the only ones a compared link contributes. */
export const FILTER_PARAMETERS = ['source', 'kind', 'scheme', 'theme', 'years', 'undated', 'region', 'city', 'sector', 'min', 'isolates', 'stated', 'ego'] as const;

/**
 * Parameters of a link that are not filters: a compared link's values for them are ignored, and
 * said so (tie rules, analysis options, and also the view, selection and change parameters).
 */
export const NON_FILTER_PARAMETERS: readonly string[] = QUERY_PARAMETERS.filter((p) => !(FILTER_PARAMETERS as readonly string[]).includes(p));

export type Period = [number, number];

export interface ChangeRequest {
  kind: 'periods' | 'link';
  before: Filters;
  after: Filters;
  /** The two periods (periods mode). */
  periods: { before: Period; after: Period } | null;
  /** Values of the pasted link this data does not have (dropped, as for any link). */
  dropped: DroppedValue[];
  /** Parameters of the pasted link that were ignored (not filters). */
  ignored: string[];
  /** Parts of the pasted link that could not be used: unreadable values, repeats, unknown parameters. */
  unread: DroppedValue[];
}

/** Up to the year before the last against up to the last year; null with fewer than two years. */
export function defaultPeriods(span: Period | null): { before: Period; after: Period } | null {
  if (!span || span[1] <= span[0]) return null;
  return { before: [span[0], span[1] - 1], after: [span[0], span[1]] };
}

/**
 * A period cut to the years the data has (2005–2010 on data from 2006 is 2006–2010, the same
 * activities), so that its caption and the year menus, which offer only those years, say the same.
 * A period wholly outside them is left as asked.
 */
function withinSpan(period: Period, span: Period | null): Period {
  if (!span) return period;
  const from = Math.max(period[0], span[0]);
  const to = Math.min(period[1], span[1]);
  return from <= to ? [from, to] : period;
}

/** The query string of a filter set as the app writes it, without "?" ("" for no filter). */
export function filtersQuery(filters: Filters): string {
  return serialiseViewState({ ...DEFAULT_VIEW_STATE, filters }).replace(/^\?/, '');
}

/** A shared link or its query string, with or without "?" → the view state it holds. */
export function parseLink(link: string): ViewState {
  return readLink(link).state;
}

/** parseLink, with what the link holds that was not used (readViewState's `ignored`). */
function readLink(link: string): ReturnType<typeof readViewState> {
  return readViewState(`?${linkQuery(link)}`);
}

/** The query string of a shared link (or of a query string): from the first "?", without "?" and "#…". */
export function linkQuery(link: string): string {
  const text = link.trim();
  return (text.includes('?') ? text.slice(text.indexOf('?') + 1) : text).replace(/#.*$/, '');
}

/** The parameter names of a link, decoded, in order (repeats included). */
export function parameterNames(link: string): string[] {
  return linkQuery(link)
    .split('&')
    .map((part) => decodeURIComponentSafe(part.split('=')[0]!))
    .filter(Boolean);
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The comparison the view state asks for on this data; null when there is nothing to compare. */
export function changeRequest(view: ViewState, network: Network, sectors: ArrayLike<number>): ChangeRequest | null {
  const c = view.change;
  if (c.against !== null) {
    const link = readLink(c.against);
    const cleaned = cleanViewState(link.state, network, sectors);
    const before = view.filters;
    const after = cleaned.state.filters;
    const notFilter = (p: string) => NON_FILTER_PARAMETERS.includes(p);
    const ignored = [...new Set(parameterNames(c.against).filter(notFilter))];
    // A non-filter parameter is listed once, as not used, whatever its value (or its repeats).
    const unread = link.ignored
      .filter((d) => !notFilter(d.parameter))
      .map((d) => (listsLinkParts(d.parameter) ? { ...d, values: d.values.filter((v) => !notFilter(v.split('=')[0]!)) } : d))
      .filter((d) => d.values.length);
    return { kind: 'link', before, after, periods: null, dropped: cleaned.dropped, ignored, unread };
  }
  const span = yearSpan(network.activities);
  const defaults = defaultPeriods(span);
  const beforeYears = c.before ? withinSpan(c.before, span) : defaults?.before;
  const afterYears = c.after ? withinSpan(c.after, span) : defaults?.after;
  if (!beforeYears || !afterYears) return null;
  const before: Filters = { ...view.filters, years: beforeYears };
  const after: Filters = { ...view.filters, years: afterYears };
  return {
    kind: 'periods',
    before,
    after,
    periods: { before: beforeYears, after: afterYears },
    dropped: [],
    ignored: [],
    unread: [],
  };
}

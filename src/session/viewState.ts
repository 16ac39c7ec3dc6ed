import { DEFAULT_FILTERS, type Filters } from '../filters/filters';
import { DEFAULT_TARGET_SECTORS, type Sector } from '../data/sectors';
import { DEFAULT_PROJECTION_RULES, type WeightMode } from '../graph/projection';
import type { ColourBy, SizeBy } from '../measures/registry';
import { DEFAULT_LABEL_DENSITY, type LabelDensity } from '../graph/labels';

export { COLOUR_BY, SIZE_BY, type ColourBy, type SizeBy } from '../measures/registry';

/** The views of the workspace (the UI's view registry has exactly these ids). */
export const VIEWS = ['network', 'bipartite', 'sectors', 'bridges', 'conveners', 'tables', 'change'] as const;
export type View = (typeof VIEWS)[number];

/** The tie rules a view was made with (see graph/projection.ts); shared in links too. */
export interface ViewRules {
  listingKinds: string[];
  listingActivities: string[];
  weight: WeightMode;
}

/** The parts of the change view: compare two views, what if, the worklist of introductions. */
export const CHANGE_MODES = ['compare', 'whatif', 'worklist'] as const;
export type ChangeMode = (typeof CHANGE_MODES)[number];

/**
 * What the change view compares. Two periods (year ranges on top of the current filters; null =
 * the default periods of the data: up to last year against up to the last year), or, with
 * `against`, the current view against the filters of another link's query string.
 */
export interface ChangeState {
  mode: ChangeMode;
  before: [number, number] | null;
  after: [number, number] | null;
  against: string | null;
}

export const DEFAULT_CHANGE: ChangeState = { mode: 'compare', before: null, after: null, against: null };

/** Everything a shared link restores: the view, filters, looks, selection and analysis options. */
export interface ViewState {
  view: View;
  filters: Filters;
  colourBy: ColourBy;
  sizeBy: SizeBy;
  selected: string | null;
  targets: Sector[];
  k: number;
  reachSteps: 1 | 2;
  resolution: number;
  /** Draw suggested ties on the map (conveners view). */
  showSuggested: boolean;
  /** The focal organisation ("our municipality"); null = the dataset's own, if it declares one. */
  focal: string | null;
  rules: ViewRules;
  /** The change view's comparison and mode. */
  change: ChangeState;
  /** How many organisation names the map shows (never overlapping). */
  labels: LabelDensity;
}

export const DEFAULT_RULES: ViewRules = {
  listingKinds: [...DEFAULT_PROJECTION_RULES.listingKinds],
  listingActivities: [],
  weight: DEFAULT_PROJECTION_RULES.weight,
};

/** The rules with these activities also treated as listings (each once, the earlier ones first). */
export function withListedActivities(rules: ViewRules, ids: readonly string[]): ViewRules {
  return { ...rules, listingActivities: [...new Set([...rules.listingActivities, ...ids])] };
}

/**
 * The largest community resolution a view takes. Above it nearly every organisation is a community
 * of its own and the modularity means nothing (at 1e308 the CLI printed Q = -1.8e306).
 */
export const MAX_RESOLUTION = 10;

export const DEFAULT_VIEW_STATE: ViewState = {
  view: 'network',
  filters: DEFAULT_FILTERS,
  colourBy: 'sector',
  sizeBy: 'degree',
  selected: null,
  targets: [...DEFAULT_TARGET_SECTORS],
  k: 5,
  reachSteps: 1,
  resolution: 1,
  showSuggested: false,
  focal: null,
  rules: DEFAULT_RULES,
  change: DEFAULT_CHANGE,
  labels: DEFAULT_LABEL_DENSITY,
};

/** A year range as a link writes it, `YYYY-YYYY`: four digits each, as a link's `years`, `before` and `after` are read (url.ts). */
export function yearRangeText([from, to]: readonly [number, number]): string {
  return `${String(from).padStart(4, '0')}-${String(to).padStart(4, '0')}`;
}

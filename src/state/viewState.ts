import { DEFAULT_FILTERS, type Filters } from '../filters/filters';
import { DEFAULT_TARGET_SECTORS, type Sector } from '../data/sectors';

export const VIEWS = ['network', 'bipartite', 'sectors', 'bridges', 'conveners', 'tables'] as const;
export type View = (typeof VIEWS)[number];

export const COLOUR_BY = ['sector', 'community', 'component', 'betweenness', 'constraint', 'brokerage'] as const;
export type ColourBy = (typeof COLOUR_BY)[number];

export const SIZE_BY = ['degree', 'strength', 'betweenness', 'constraint', 'brokerage'] as const;
export type SizeBy = (typeof SIZE_BY)[number];

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
}

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
};

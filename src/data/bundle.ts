import type { Dataset } from './model';

/** What the app loads for a built-in dataset: the data plus a precomputed, stable layout. */
export interface BuiltinBundle {
  id: string;
  dataset: Dataset;
  /**
   * Positions as `[id, x, y]` (organisation ids for the network; `org:<id>` and `act:<id>` for
   * the two-mode view). A list, not an object keyed by id: ids are data, not property names.
   */
  layout: {
    organisations: [string, number, number][];
    bipartite?: [string, number, number][];
  };
}

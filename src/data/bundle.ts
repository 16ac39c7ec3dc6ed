import type { Dataset } from './model';

/** What the app loads for a built-in dataset: the data plus a precomputed, stable layout. */
export interface BuiltinBundle {
  id: string;
  dataset: Dataset;
  positions: Record<string, [number, number]>;
  /** Layout of the bipartite graph (keys `org:<id>` and `act:<id>`). */
  bipartitePositions?: Record<string, [number, number]>;
}

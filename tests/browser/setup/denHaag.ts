import { readFileSync } from 'node:fs';
import { analyseDataset, type AnalysisOptions, type AnalysisResult } from '../../../src/analysis';
import type { BuiltinBundle } from '../../../src/data/bundle';
import { applyFilters, DEFAULT_FILTERS, type Filters } from '../../../src/filters/filters';
import { buildNetwork, sectorCodes } from '../../../src/graph/network';

/** The built-in data exactly as the app loads it, for computing what the UI must show. */
export const bundle = JSON.parse(readFileSync('public/data/den-haag.json', 'utf8')) as BuiltinBundle;
export const network = buildNetwork(bundle.dataset);
export const sectors = sectorCodes(network);
export const nameOf = (id: string) => bundle.dataset.organisations.find((o) => o.id === id)!.name;
/** The map's node key of an organisation (its index: ids are never graph keys). */
export const keyOf = (id: string) => String(network.projection.incidence.orgIndex.get(id)!);

/** Ids of an organisation's partners under the default tie rules. */
export function partnersOf(id: string): string[] {
  const i = network.projection.incidence.orgIndex.get(id)!;
  const { offsets, neighbours } = network.adjacency;
  return Array.from(neighbours.subarray(offsets[i]!, offsets[i + 1]!), (j) => network.organisations[j]!.id);
}

/** The counts line the filters panel must show for these filters (Dutch). */
export function expectedCounts(filters: Partial<Filters>): string {
  const c = applyFilters(network, sectors, { ...DEFAULT_FILTERS, ...filters }).counts;
  return `${c.organisations} van ${c.organisationsTotal} organisaties, ${c.activities} van ${c.activitiesTotal} activiteiten`;
}

const cache = new Map<string, AnalysisResult>();
/** The analysis the app must show (same engine, same defaults, the dataset's own focal organisation). */
export function reference(options: Omit<AnalysisOptions, 'onProgress'> & { filters?: Partial<Filters> } = {}): AnalysisResult {
  const key = JSON.stringify(options);
  if (!cache.has(key)) {
    const { filters, ...rest } = options;
    cache.set(key, analyseDataset(bundle.dataset, { focal: bundle.dataset.focal ?? null, ...rest, filters: { ...DEFAULT_FILTERS, ...filters } }).result);
  }
  return cache.get(key)!;
}

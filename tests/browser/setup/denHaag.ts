import { readFileSync } from 'node:fs';
import type { BuiltinBundle } from '../../../src/data/bundle';
import { applyFilters, DEFAULT_FILTERS, type Filters } from '../../../src/filters/filters';
import { buildOrganisationNetwork } from '../../../src/graph/build';

/** The built-in data exactly as the app loads it, for computing what the UI must show. */
export const bundle = JSON.parse(readFileSync('public/data/den-haag.json', 'utf8')) as BuiltinBundle;
export const network = buildOrganisationNetwork(bundle.dataset);
export const nameOf = (id: string) => bundle.dataset.organisations.find((o) => o.id === id)!.name;

/** The counts line the filters panel must show for these filters (Dutch). */
export function expectedCounts(filters: Partial<Filters>): string {
  const c = applyFilters(bundle.dataset, network, { ...DEFAULT_FILTERS, ...filters }).counts;
  return `${c.organisations} van ${c.organisationsTotal} organisaties, ${c.activities} van ${c.activitiesTotal} activiteiten`;
}

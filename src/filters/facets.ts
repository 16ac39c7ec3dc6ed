import type { Dataset } from '../data/model';
import { SECTORS, type Sector } from '../data/sectors';

export interface FacetValue {
  value: string;
  count: number;
}

/** The values each filter can take in a dataset, with how many activities/organisations have them. */
export interface Facets {
  sources: FacetValue[];
  kinds: FacetValue[];
  schemes: FacetValue[];
  themes: FacetValue[];
  regions: FacetValue[];
  cities: FacetValue[];
  sectors: { value: Sector; count: number }[];
  /** Smallest and largest year of any activity, or null when no activity has a year. */
  years: [number, number] | null;
  /** Largest tie weight (for the minimum-strength slider). */
  maxWeight: number;
}

function tally(values: (string | undefined)[]): FacetValue[] {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

export function computeFacets(dataset: Dataset, maxWeight: number): Facets {
  const years = dataset.activities.flatMap((a) => [a.startYear, a.endYear].filter((y): y is number => y !== undefined));
  const sectorCounts = new Map<Sector, number>();
  for (const o of dataset.organisations) sectorCounts.set(o.sector, (sectorCounts.get(o.sector) ?? 0) + 1);
  return {
    sources: tally(dataset.activities.map((a) => a.source)),
    kinds: tally(dataset.activities.map((a) => a.kind)),
    schemes: tally(dataset.activities.map((a) => a.scheme)),
    themes: tally(dataset.activities.map((a) => a.theme)),
    regions: tally(dataset.organisations.map((o) => o.region)),
    cities: tally(dataset.organisations.map((o) => o.city)),
    sectors: SECTORS.filter((s) => sectorCounts.has(s)).map((value) => ({ value, count: sectorCounts.get(value)! })),
    years: years.length ? [Math.min(...years), Math.max(...years)] : null,
    maxWeight,
  };
}

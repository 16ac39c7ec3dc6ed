import { SECTORS, type Sector } from '../data/sectors';
import type { Network } from '../graph/network';
import { applyFilters, everythingVisible, filtersActive, keepActivity, type ActivityFacet, type Filters, type OrganisationFacet } from './filters';

export interface FacetValue {
  value: string;
  /**
   * What you would see with this option ticked: activities (activity facets) or organisations
   * (organisation facets) that pass every *other* filter and have this value. 0 options stay
   * listed (greyed out) so a selection never disappears.
   */
  count: number;
}

/** The values each filter can take in a dataset, with cross-filtered counts. */
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
  /** Activities without any year (the "undated" box says how many it keeps). */
  undated: number;
  /** Largest number of activities two organisations share (for the minimum-strength slider). */
  maxShared: number;
}

const ACTIVITY_FACETS: [keyof Facets & ActivityFacet, (a: Network['activities'][number]) => string | undefined][] = [
  ['sources', (a) => a.source],
  ['kinds', (a) => a.kind],
  ['schemes', (a) => a.scheme],
  ['themes', (a) => a.theme],
];

function sortValues(counts: Map<string, number>, all: ReadonlySet<string>): FacetValue[] {
  return [...all]
    .map((value) => ({ value, count: counts.get(value) ?? 0 }))
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}

/** Every value of every facet, with what ticking it would give under the other filters. */
export function computeFacets(network: Network, sectors: ArrayLike<number>, filters: Filters): Facets {
  const { activities, organisations } = network;
  let minYear = Infinity;
  let maxYear = -Infinity;
  const undatedAt: number[] = [];
  activities.forEach((a, i) => {
    let dated = false;
    for (const y of [a.startYear, a.endYear]) {
      if (y === undefined) continue;
      dated = true;
      if (y < minYear) minYear = y;
      if (y > maxYear) maxYear = y;
    }
    if (!dated) undatedAt.push(i);
  });
  let maxShared = 1;
  const { shared } = network.projection.ties;
  for (let e = 0; e < shared.length; e++) if (shared[e]! > maxShared) maxShared = shared[e]!;

  // One pass per facet with that facet's own filter left out (the others' stay).
  const otherwise = (except: ActivityFacet | OrganisationFacet) => applyFilters(network, sectors, filters, { except });
  // Without filters every organisation and activity counts (applyFilters would also rebuild every tie).
  const base = filtersActive(filters) ? null : everythingVisible(network);

  const activityFacet = (facet: ActivityFacet, pick: (a: Network['activities'][number]) => string | undefined): FacetValue[] => {
    const visible = base ?? otherwise(facet);
    const all = new Set<string>();
    const counts = new Map<string, number>();
    activities.forEach((a, i) => {
      const v = pick(a);
      if (!v) return;
      all.add(v);
      if (visible.acts[i]) counts.set(v, (counts.get(v) ?? 0) + 1);
    });
    return sortValues(counts, all);
  };
  const organisationFacet = (facet: OrganisationFacet, pick: (i: number) => string | undefined): FacetValue[] => {
    const visible = base ?? otherwise(facet);
    const all = new Set<string>();
    const counts = new Map<string, number>();
    for (let i = 0; i < organisations.length; i++) {
      const v = pick(i);
      if (!v) continue;
      all.add(v);
      if (visible.orgs[i]) counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    return sortValues(counts, all);
  };
  const [sources, kinds, schemes, themes] = ACTIVITY_FACETS.map(([facet, pick]) => activityFacet(facet, pick));
  // What "count activities without a year" would keep under the other filters (it said 75 of
  // the whole data while a source and a kind left 5 activities on the map). An activity's own
  // test is all it takes: a whole filter pass would also rebuild every tie.
  const undated = undatedAt.filter((i) => keepActivity(activities[i]!, filters, 'years')).length;
  const sectorCounts = organisationFacet('sectors', (i) => SECTORS[sectors[i]!]);
  return {
    sources: sources!,
    kinds: kinds!,
    schemes: schemes!,
    themes: themes!,
    regions: organisationFacet('regions', (i) => organisations[i]!.region),
    cities: organisationFacet('cities', (i) => organisations[i]!.city),
    sectors: SECTORS.filter((s) => sectorCounts.some((c) => c.value === s)).map((value) => ({
      value,
      count: sectorCounts.find((c) => c.value === value)!.count,
    })),
    years: minYear <= maxYear ? [minYear, maxYear] : null,
    undated,
    maxShared,
  };
}

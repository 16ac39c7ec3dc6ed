import type { Activity, Organisation } from '../data/model';
import { SECTORS as SECTOR_LIST, type Sector } from '../data/sectors';
import type { Network } from '../graph/network';

/**
 * What the researcher filters on. Empty lists mean "no restriction". Filters are pure functions
 * of the network: they return which organisations, activities and ties stay visible (and with
 * which weight) as typed arrays instead of copying the graph, so the map only changes its reducers.
 */
export interface Filters {
  sources: string[];
  kinds: string[];
  schemes: string[];
  themes: string[];
  /** Inclusive year range an activity must overlap; null = any. */
  years: [number, number] | null;
  /** Whether activities without any year stay in when a year range is set. */
  includeUndated: boolean;
  regions: string[];
  cities: string[];
  sectors: Sector[];
  /** Ties with fewer shared (visible) activities are hidden. */
  minWeight: number;
  hideIsolates: boolean;
  /** Only participations the sources state explicitly (no implied or inferred ones). */
  statedOnly: boolean;
  /** "This organisation and everything within N steps". */
  ego: { id: string; steps: number } | null;
}

export const DEFAULT_FILTERS: Filters = Object.freeze({
  sources: [],
  kinds: [],
  schemes: [],
  themes: [],
  years: null,
  includeUndated: true,
  regions: [],
  cities: [],
  sectors: [],
  minWeight: 1,
  hideIsolates: false,
  statedOnly: false,
  ego: null,
}) as Filters;

export interface VisibilityCounts {
  organisations: number;
  organisationsTotal: number;
  activities: number;
  activitiesTotal: number;
  ties: number;
  tiesTotal: number;
}

export interface Visibility {
  /** 1 per visible organisation (by index). */
  orgs: Uint8Array;
  /** 1 per visible activity (by index). */
  acts: Uint8Array;
  /** Visible shared activities per tie; 0 = the tie is hidden. */
  tieShared: Int32Array;
  /** Tie weight over the visible activities under the projection's weight rule; 0 when hidden. */
  tieWeight: Float64Array;
  counts: VisibilityCounts;
}

/** Whether the filters leave out any organisation or activity: then findings speak of "what the filters show", not "the data". */
export function hidesSomething(c: VisibilityCounts): boolean {
  return c.organisations < c.organisationsTotal || c.activities < c.activitiesTotal;
}

export function activityFilterActive(f: Filters): boolean {
  return f.sources.length > 0 || f.kinds.length > 0 || f.schemes.length > 0 || f.themes.length > 0 || f.years !== null;
}

/** Filters on organisations themselves (not through their activities). */
export function organisationFilterActive(f: Filters): boolean {
  return f.regions.length > 0 || f.cities.length > 0 || f.sectors.length > 0 || f.hideIsolates || f.ego !== null;
}

export function filtersActive(f: Filters): boolean {
  return activityFilterActive(f) || organisationFilterActive(f) || f.minWeight > 1 || f.statedOnly;
}

/** The years an activity spans, or null when it has none. */
export function activityYears(a: Activity): [number, number] | null {
  const start = a.startYear ?? a.endYear;
  const end = a.endYear ?? a.startYear;
  return start === undefined || end === undefined ? null : [start, end];
}

/** One activity-level filter (for cross-filtered facet counts, each can be left out). */
export type ActivityFacet = 'sources' | 'kinds' | 'schemes' | 'themes' | 'years';
export type OrganisationFacet = 'sectors' | 'regions' | 'cities';

export function keepActivity(a: Activity, f: Filters, except?: ActivityFacet): boolean {
  if (except !== 'sources' && f.sources.length && !f.sources.includes(a.source)) return false;
  if (except !== 'kinds' && f.kinds.length && !f.kinds.includes(a.kind)) return false;
  if (except !== 'schemes' && f.schemes.length && !f.schemes.includes(a.scheme ?? '')) return false;
  if (except !== 'themes' && f.themes.length && !f.themes.includes(a.theme ?? '')) return false;
  if (except !== 'years' && f.years) {
    const span = activityYears(a);
    if (!span) return f.includeUndated;
    if (span[1] < f.years[0] || span[0] > f.years[1]) return false;
  }
  return true;
}

export function keepOrganisation(o: Organisation, sector: Sector, f: Filters, except?: OrganisationFacet): boolean {
  if (except !== 'sectors' && f.sectors.length && !f.sectors.includes(sector)) return false;
  if (except !== 'regions' && f.regions.length && !f.regions.includes(o.region ?? '')) return false;
  if (except !== 'cities' && f.cities.length && !f.cities.includes(o.city ?? '')) return false;
  return true;
}

export interface FilterOptions {
  /** Leave one facet's own filter out (cross-filtered facet counts). */
  except?: ActivityFacet | OrganisationFacet;
}

/**
 * Applies the filters in a fixed order: activities; organisations (an activity filter also hides
 * organisations that take part in none of the remaining activities); tie weights over the
 * remaining activities (and stated participations only, when asked) and the minimum weight;
 * isolates; then the ego neighbourhood. Activities count as visible when they pass the activity
 * filters and, once organisations are filtered, still have a visible participant.
 */
export function applyFilters(network: Network, sectors: ArrayLike<number>, f: Filters, options: FilterOptions = {}): Visibility {
  const { projection, organisations, activities } = network;
  const { incidence, ties } = projection;
  const except = options.except;
  const N = organisations.length;
  const A = activities.length;
  const sectorName = (i: number) => SECTOR_LIST[sectors[i]!] ?? 'other';

  const acts = new Uint8Array(A);
  for (let a = 0; a < A; a++) if (keepActivity(activities[a]!, f, except as ActivityFacet)) acts[a] = 1;
  let orgs = new Uint8Array(N);
  for (let i = 0; i < N; i++) if (keepOrganisation(organisations[i]!, sectorName(i), f, except as OrganisationFacet)) orgs[i] = 1;

  const activityFiltered = activityFilterActive(f) && except !== undefined ? activityFilterActiveExcept(f, except) : activityFilterActive(f);
  if (activityFiltered) {
    const active = new Uint8Array(N);
    for (let a = 0; a < A; a++) {
      if (!acts[a]) continue;
      for (let p = incidence.participantOffsets[a]!; p < incidence.participantOffsets[a + 1]!; p++) {
        const o = incidence.participants[p]!;
        if (orgs[o]) active[o] = 1;
      }
    }
    orgs = active;
  }

  const tieShared = new Int32Array(ties.m);
  const tieWeight = new Float64Array(ties.m);
  const minShared = Math.max(1, f.minWeight);
  const perActivity = activityFiltered || f.statedOnly;
  for (let e = 0; e < ties.m; e++) {
    if (!orgs[ties.u[e]!] || !orgs[ties.v[e]!]) continue;
    let shared = ties.shared[e]!;
    let weight = ties.weight[e]!;
    if (perActivity) {
      shared = 0;
      weight = 0;
      for (let p = ties.actOffsets[e]!; p < ties.actOffsets[e + 1]!; p++) {
        if (!acts[ties.acts[p]!]) continue;
        if (f.statedOnly && ties.actConfidence[p] !== 0) continue;
        shared++;
        weight += ties.actWeight[p]!;
      }
    }
    if (shared >= minShared) {
      tieShared[e] = shared;
      tieWeight[e] = weight;
    }
  }

  if (f.hideIsolates) {
    const hasTie = new Uint8Array(N);
    for (let e = 0; e < ties.m; e++) {
      if (!tieShared[e]) continue;
      hasTie[ties.u[e]!] = 1;
      hasTie[ties.v[e]!] = 1;
    }
    for (let i = 0; i < N; i++) if (!hasTie[i]) orgs[i] = 0;
  }

  const egoIndex = f.ego ? incidence.orgIndex.get(f.ego.id) : undefined;
  if (f.ego && egoIndex !== undefined && orgs[egoIndex]) {
    const within = egoNeighbourhood(network, tieShared, egoIndex, f.ego.steps);
    for (let i = 0; i < N; i++) if (!within[i]) orgs[i] = 0;
    for (let e = 0; e < ties.m; e++) {
      if (tieShared[e] && (!orgs[ties.u[e]!] || !orgs[ties.v[e]!])) {
        tieShared[e] = 0;
        tieWeight[e] = 0;
      }
    }
  }

  if (organisationFilterActive(f)) {
    // An activity none of whose participants is visible is not part of what is shown.
    for (let a = 0; a < A; a++) {
      if (!acts[a]) continue;
      let any = false;
      for (let p = incidence.participantOffsets[a]!; p < incidence.participantOffsets[a + 1]! && !any; p++) {
        if (orgs[incidence.participants[p]!]) any = true;
      }
      if (!any) acts[a] = 0;
    }
  }

  let organisationsCount = 0;
  for (let i = 0; i < N; i++) organisationsCount += orgs[i]!;
  let activitiesCount = 0;
  for (let a = 0; a < A; a++) activitiesCount += acts[a]!;
  let tiesCount = 0;
  for (let e = 0; e < ties.m; e++) if (tieShared[e]) tiesCount++;
  return {
    orgs,
    acts,
    tieShared,
    tieWeight,
    counts: {
      organisations: organisationsCount,
      organisationsTotal: N,
      activities: activitiesCount,
      activitiesTotal: A,
      ties: tiesCount,
      tiesTotal: ties.m,
    },
  };
}

function activityFilterActiveExcept(f: Filters, except: ActivityFacet | OrganisationFacet): boolean {
  return (
    (except !== 'sources' && f.sources.length > 0) ||
    (except !== 'kinds' && f.kinds.length > 0) ||
    (except !== 'schemes' && f.schemes.length > 0) ||
    (except !== 'themes' && f.themes.length > 0) ||
    (except !== 'years' && f.years !== null)
  );
}

/** Breadth-first over the visible ties only; returns 1 per organisation within `steps`. */
function egoNeighbourhood(network: Network, tieShared: Int32Array, start: number, steps: number): Uint8Array {
  const { offsets, neighbours, ties } = network.adjacency;
  const seen = new Uint8Array(network.organisations.length);
  seen[start] = 1;
  let frontier = [start];
  for (let step = 0; step < steps && frontier.length; step++) {
    const next: number[] = [];
    for (const v of frontier) {
      for (let p = offsets[v]!; p < offsets[v + 1]!; p++) {
        if (!tieShared[ties[p]!]) continue;
        const w = neighbours[p]!;
        if (!seen[w]) {
          seen[w] = 1;
          next.push(w);
        }
      }
    }
    frontier = next;
  }
  return seen;
}

/** Everything visible (no filter): shares the projection's own arrays where it can. */
export function everythingVisible(network: Network): Visibility {
  const { ties } = network.projection;
  return {
    orgs: new Uint8Array(network.organisations.length).fill(1),
    acts: new Uint8Array(network.activities.length).fill(1),
    tieShared: ties.shared,
    tieWeight: ties.weight,
    counts: {
      organisations: network.organisations.length,
      organisationsTotal: network.organisations.length,
      activities: network.activities.length,
      activitiesTotal: network.activities.length,
      ties: ties.m,
      tiesTotal: ties.m,
    },
  };
}

/** The filters with one of them back at its default (the empty state's "undo this filter"). */
export function withoutFilter(f: Filters, key: Exclude<keyof Filters, 'includeUndated'>): Filters {
  // The undated box only means something with a year range: it goes with it.
  if (key === 'years') return { ...f, years: null, includeUndated: DEFAULT_FILTERS.includeUndated };
  return { ...f, [key]: DEFAULT_FILTERS[key] };
}

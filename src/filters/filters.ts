import Graph from 'graphology';
import type { Activity, Dataset, Organisation } from '../data/model';
import type { Sector } from '../data/sectors';
import type { OrganisationNetwork, OrgNodeAttributes, TieAttributes } from '../graph/types';

/**
 * What the researcher filters on. Empty lists mean "no restriction". Filters are pure
 * functions of the dataset and network: they return which organisations and ties stay visible
 * (and with which weight) instead of copying the graph, so the map only changes its reducers.
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
  /** "This organisation and everything within N steps". */
  ego: { id: string; steps: number } | null;
}

export const DEFAULT_FILTERS: Filters = {
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
  ego: null,
};

export interface Visibility {
  activities: Set<string>;
  organisations: Set<string>;
  /** Visible ties (edge keys of the full network) with their weight over visible activities. */
  ties: Map<string, number>;
  counts: {
    organisations: number;
    organisationsTotal: number;
    activities: number;
    activitiesTotal: number;
    ties: number;
    tiesTotal: number;
  };
}

export function activityFilterActive(f: Filters): boolean {
  return f.sources.length > 0 || f.kinds.length > 0 || f.schemes.length > 0 || f.themes.length > 0 || f.years !== null;
}

export function filtersActive(f: Filters): boolean {
  return (
    activityFilterActive(f) ||
    f.regions.length > 0 ||
    f.cities.length > 0 ||
    f.sectors.length > 0 ||
    f.minWeight > 1 ||
    f.hideIsolates ||
    f.ego !== null
  );
}

function keepActivity(a: Activity, f: Filters): boolean {
  if (f.sources.length && !f.sources.includes(a.source)) return false;
  if (f.kinds.length && !f.kinds.includes(a.kind)) return false;
  if (f.schemes.length && !f.schemes.includes(a.scheme ?? '')) return false;
  if (f.themes.length && !f.themes.includes(a.theme ?? '')) return false;
  if (f.years) {
    const start = a.startYear ?? a.endYear;
    const end = a.endYear ?? a.startYear;
    if (start === undefined || end === undefined) return f.includeUndated;
    if (end < f.years[0] || start > f.years[1]) return false;
  }
  return true;
}

function keepOrganisation(o: Organisation, f: Filters): boolean {
  if (f.sectors.length && !f.sectors.includes(o.sector)) return false;
  if (f.regions.length && !f.regions.includes(o.region ?? '')) return false;
  if (f.cities.length && !f.cities.includes(o.city ?? '')) return false;
  return true;
}

/**
 * Applies the filters in a fixed order: activities, organisations (an activity filter also hides
 * organisations that take part in none of the remaining activities), tie weights over the
 * remaining activities and the minimum weight, isolates, then the ego neighbourhood.
 */
export function applyFilters(dataset: Dataset, network: OrganisationNetwork, f: Filters): Visibility {
  const activities = new Set(dataset.activities.filter((a) => keepActivity(a, f)).map((a) => a.id));
  let organisations = new Set(dataset.organisations.filter((o) => keepOrganisation(o, f)).map((o) => o.id));
  if (activityFilterActive(f)) {
    const active = new Set<string>();
    for (const p of dataset.participations) {
      if (activities.has(p.activityId) && organisations.has(p.organisationId)) active.add(p.organisationId);
    }
    organisations = active;
  }
  const ties = new Map<string, number>();
  const allActivities = !activityFilterActive(f);
  network.forEachEdge((edge, attrs, source, target) => {
    if (!organisations.has(source) || !organisations.has(target)) return;
    const weight = allActivities ? attrs.weight : attrs.activities.filter((a) => activities.has(a)).length;
    if (weight >= Math.max(1, f.minWeight)) ties.set(edge, weight);
  });
  if (f.hideIsolates || f.ego) {
    const degree = new Map<string, number>();
    for (const edge of ties.keys()) {
      const [s, t] = network.extremities(edge);
      degree.set(s, (degree.get(s) ?? 0) + 1);
      degree.set(t, (degree.get(t) ?? 0) + 1);
    }
    if (f.hideIsolates) organisations = new Set([...organisations].filter((o) => degree.has(o)));
  }
  if (f.ego && organisations.has(f.ego.id)) {
    const within = egoNeighbourhood(network, ties, f.ego.id, f.ego.steps);
    organisations = new Set([...organisations].filter((o) => within.has(o)));
    for (const edge of [...ties.keys()]) {
      const [s, t] = network.extremities(edge);
      if (!organisations.has(s) || !organisations.has(t)) ties.delete(edge);
    }
  }
  return {
    activities,
    organisations,
    ties,
    counts: {
      organisations: organisations.size,
      organisationsTotal: dataset.organisations.length,
      activities: activities.size,
      activitiesTotal: dataset.activities.length,
      ties: ties.size,
      tiesTotal: network.size,
    },
  };
}

/** Breadth-first over the visible ties only. */
function egoNeighbourhood(network: OrganisationNetwork, ties: Map<string, number>, start: string, steps: number): Set<string> {
  const seen = new Set([start]);
  let frontier = [start];
  for (let step = 0; step < steps && frontier.length; step++) {
    const next: string[] = [];
    for (const node of frontier) {
      network.forEachEdge(node, (edge, _a, s, t) => {
        if (!ties.has(edge)) return;
        const other = s === node ? t : s;
        if (!seen.has(other)) {
          seen.add(other);
          next.push(other);
        }
      });
    }
    frontier = next;
  }
  return seen;
}

/** The visible part of the network as a graph of its own (what the analysis runs on). */
export function visibleNetwork(network: OrganisationNetwork, visibility: Visibility): OrganisationNetwork {
  const graph: OrganisationNetwork = new Graph<OrgNodeAttributes, TieAttributes>({ type: 'undirected' });
  network.forEachNode((node, attrs) => {
    if (visibility.organisations.has(node)) graph.addNode(node, attrs);
  });
  network.forEachEdge((edge, attrs, s, t) => {
    const weight = visibility.ties.get(edge);
    if (weight === undefined) return;
    graph.addUndirectedEdgeWithKey(edge, s, t, {
      weight,
      activities: attrs.activities.filter((a) => visibility.activities.has(a)),
    });
  });
  return graph;
}

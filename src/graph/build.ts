import Graph from 'graphology';
import type { Dataset } from '../data/model';
import type {
  BipartiteGraph,
  OrganisationNetwork,
  OrgNodeAttributes,
  TieAttributes,
} from './types';

export const orgKey = (id: string) => `org:${id}`;
export const activityKey = (id: string) => `act:${id}`;

/** Groups participating organisation ids by activity, each list sorted and without duplicates. */
export function membersByActivity(dataset: Dataset): Map<string, string[]> {
  const members = new Map<string, Set<string>>();
  for (const p of dataset.participations) {
    let set = members.get(p.activityId);
    if (!set) members.set(p.activityId, (set = new Set()));
    set.add(p.organisationId);
  }
  const out = new Map<string, string[]>();
  for (const [activity, set] of members) out.set(activity, [...set].sort());
  return out;
}

/** The two-mode graph: organisations and activities, an edge per participation. */
export function buildBipartiteGraph(dataset: Dataset): BipartiteGraph {
  const graph: BipartiteGraph = new Graph({ type: 'undirected', multi: false });
  const organisations = [...dataset.organisations].sort((a, b) => a.id.localeCompare(b.id));
  for (const o of organisations) {
    graph.addNode(orgKey(o.id), { type: 'organisation', label: o.name, sector: o.sector });
  }
  const activities = [...dataset.activities].sort((a, b) => a.id.localeCompare(b.id));
  for (const a of activities) {
    graph.addNode(activityKey(a.id), {
      type: 'activity',
      label: a.title,
      kind: a.kind,
      source: a.source,
    });
  }
  for (const p of dataset.participations) {
    const edgeAttrs = p.role ? { role: p.role } : {};
    graph.mergeEdge(orgKey(p.organisationId), activityKey(p.activityId), edgeAttrs);
  }
  return graph;
}

/**
 * The one-mode organisation network: two organisations are tied when they share an activity;
 * the tie's weight is the number of shared activities (NetworkX's
 * `bipartite.weighted_projected_graph`). Nodes are inserted in sorted id order so that
 * order-dependent algorithms (Louvain, layout) give the same result on every load.
 */
export function buildOrganisationNetwork(dataset: Dataset): OrganisationNetwork {
  const graph: OrganisationNetwork = new Graph<OrgNodeAttributes, TieAttributes>({
    type: 'undirected',
    multi: false,
    allowSelfLoops: false,
  });
  const members = membersByActivity(dataset);
  const activityCount = new Map<string, number>();
  for (const ids of members.values()) {
    for (const id of ids) activityCount.set(id, (activityCount.get(id) ?? 0) + 1);
  }
  const organisations = [...dataset.organisations].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const o of organisations) {
    const attrs: OrgNodeAttributes = {
      label: o.name,
      sector: o.sector,
      activityCount: activityCount.get(o.id) ?? 0,
    };
    if (o.city) attrs.city = o.city;
    if (o.region) attrs.region = o.region;
    graph.addNode(o.id, attrs);
  }
  // Accumulate shared activities per unordered pair before touching the graph:
  // one edge insertion per pair keeps large projections fast.
  const shared = new Map<string, string[]>();
  const activityIds = [...members.keys()].sort();
  for (const activityId of activityIds) {
    const ids = members.get(activityId)!;
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const key = `${ids[i]}\u0000${ids[j]}`;
        const list = shared.get(key);
        if (list) list.push(activityId);
        else shared.set(key, [activityId]);
      }
    }
  }
  const pairs = [...shared.keys()].sort();
  for (const key of pairs) {
    const [a, b] = key.split('\u0000') as [string, string];
    const list = shared.get(key)!;
    graph.addUndirectedEdge(a, b, {
      weight: list.length,
      activities: list,
    });
  }
  return graph;
}

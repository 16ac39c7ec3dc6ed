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
  const organisations = [...dataset.organisations].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const index = new Map<string, number>();
  organisations.forEach((o, i) => index.set(o.id, i));
  const members = new Map<string, Set<number>>();
  for (const p of dataset.participations) {
    const i = index.get(p.organisationId);
    if (i === undefined) continue;
    let set = members.get(p.activityId);
    if (!set) members.set(p.activityId, (set = new Set()));
    set.add(i);
  }
  const activityCount = new Int32Array(organisations.length);
  for (const set of members.values()) for (const i of set) activityCount[i]!++;
  organisations.forEach((o, i) => {
    const attrs: OrgNodeAttributes = { label: o.name, sector: o.sector, activityCount: activityCount[i]! };
    if (o.city) attrs.city = o.city;
    if (o.region) attrs.region = o.region;
    graph.addNode(o.id, attrs);
  });
  // Shared activities per unordered pair, keyed by the integer i·n + j (i < j): one edge
  // insertion per pair, and no string keys, keep national-scale projections fast.
  const n = organisations.length;
  const shared = new Map<number, string[]>();
  for (const activityId of [...members.keys()].sort()) {
    const ids = Int32Array.from(members.get(activityId)!).sort();
    for (let a = 0; a < ids.length; a++) {
      for (let b = a + 1; b < ids.length; b++) {
        const key = ids[a]! * n + ids[b]!;
        const list = shared.get(key);
        if (list) list.push(activityId);
        else shared.set(key, [activityId]);
      }
    }
  }
  // Short explicit edge keys: graphology's generated keys cost about 1 s per 300,000 edges.
  const keys = Float64Array.from(shared.keys()).sort();
  let e = 0;
  for (const key of keys) {
    const u = Math.floor(key / n);
    const list = shared.get(key)!;
    graph.addUndirectedEdgeWithKey(String(e++), organisations[u]!.id, organisations[key - u * n]!.id, {
      weight: list.length,
      activities: list,
    });
  }
  return graph;
}

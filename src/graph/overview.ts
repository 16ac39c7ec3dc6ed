/**
 * The overview of a large network: one node per community (the analysis's consensus
 * communities of the visible network), sized by its members and coloured by its most common
 * sector, with one tie per pair of communities that share ties (weight = the summed weight of
 * those ties). Pure and linear in organisations + ties; the positions come from the layout
 * worker (`overviewLayoutGraph`), so nothing heavy runs on the main thread.
 */
import Graph from 'graphology';
import { SECTOR_INFO, SECTORS } from '../data/sectors';
import type { Visibility } from '../filters/filters';
import type { DisplayGraph } from './display';
import type { IndexedLayoutGraph } from './layout';
import type { Network } from './network';

/** Above this many visible organisations the map opens on the overview. */
export const OVERVIEW_ABOVE = 5000;

/** Whether a map of this many organisations opens on the community overview. */
export function opensOnOverview(organisations: number): boolean {
  return organisations > OVERVIEW_ABOVE;
}
/** Communities smaller than this are left out of the overview (and counted). */
export const OVERVIEW_MIN_MEMBERS = 2;

export interface OverviewCommunity {
  /** The community's id in the analysis (0-based; shown as id + 1, as everywhere else). */
  id: number;
  /** Organisation indices, most partners first. */
  members: Int32Array;
  /** Sector code most common among the members. */
  sector: number;
  /** Members per sector code. */
  sectorCounts: Int32Array;
  /** The member with the most partners inside the visible network (names the community). */
  leader: number;
}

export interface Overview {
  /** Communities shown, largest first. */
  communities: OverviewCommunity[];
  /** Ties between communities: indices into `communities`, summed tie weight, number of ties. */
  links: { a: number; b: number; weight: number; ties: number }[];
  /** Visible organisations in communities too small to show. */
  left: number;
  /** Visible organisations in all. */
  organisations: number;
}

export interface CommunityPartition {
  orgIndexOf: ArrayLike<number>;
  of: ArrayLike<number>;
  count: number;
}

export function aggregateCommunities(network: Network, visibility: Visibility, sectors: ArrayLike<number>, partition: CommunityPartition, minMembers = OVERVIEW_MIN_MEMBERS): Overview {
  const N = network.organisations.length;
  const { ties } = network.projection;
  const communityOf = new Int32Array(N).fill(-1);
  const sizes = new Int32Array(partition.count);
  let organisations = 0;
  for (let v = 0; v < partition.of.length; v++) {
    const i = partition.orgIndexOf[v]!;
    if (!visibility.orgs[i]) continue;
    communityOf[i] = partition.of[v]!;
    sizes[partition.of[v]!]!++;
    organisations++;
  }
  // Partners per organisation over the visible ties: the leader of a community and member order.
  const degree = new Int32Array(N);
  for (let e = 0; e < ties.m; e++) {
    if (!visibility.tieShared[e]) continue;
    degree[ties.u[e]!]!++;
    degree[ties.v[e]!]!++;
  }
  const shown = Array.from({ length: partition.count }, (_v, c) => c)
    .filter((c) => sizes[c]! >= minMembers)
    .sort((a, b) => sizes[b]! - sizes[a]! || a - b);
  const position = new Int32Array(partition.count).fill(-1);
  shown.forEach((c, k) => (position[c] = k));
  const members: number[][] = shown.map(() => []);
  let left = 0;
  for (let i = 0; i < N; i++) {
    const c = communityOf[i]!;
    if (c < 0) continue;
    const k = position[c]!;
    if (k < 0) left++;
    else members[k]!.push(i);
  }
  const communities: OverviewCommunity[] = shown.map((id, k) => {
    const list = members[k]!.sort((a, b) => degree[b]! - degree[a]! || a - b);
    const sectorCounts = new Int32Array(SECTORS.length);
    for (const i of list) sectorCounts[sectors[i]!]!++;
    let sector = 0;
    for (let s = 1; s < SECTORS.length; s++) if (sectorCounts[s]! > sectorCounts[sector]!) sector = s;
    return { id, members: Int32Array.from(list), sector, sectorCounts, leader: list[0]! };
  });
  // Summed weight per pair of shown communities; the key is a number, never data.
  const K = communities.length;
  const pairs = new Map<number, { weight: number; ties: number }>();
  for (let e = 0; e < ties.m; e++) {
    if (!visibility.tieShared[e]) continue;
    const cu = communityOf[ties.u[e]!]!;
    const cv = communityOf[ties.v[e]!]!;
    if (cu < 0 || cv < 0 || cu === cv) continue;
    let a = position[cu]!;
    let b = position[cv]!;
    if (a < 0 || b < 0) continue;
    if (a > b) [a, b] = [b, a];
    const key = a * K + b;
    const link = pairs.get(key);
    if (link) {
      link.weight += visibility.tieWeight[e]!;
      link.ties++;
    } else pairs.set(key, { weight: visibility.tieWeight[e]!, ties: 1 });
  }
  const links = [...pairs.entries()]
    .map(([key, l]) => ({ a: Math.floor(key / K), b: key % K, weight: l.weight, ties: l.ties }))
    .sort((x, y) => x.a - y.a || x.b - y.b);
  return { communities, links, left, organisations };
}

/**
 * Radius of a community's disc in layout units: area proportional to its members, so the
 * picture shows where the organisations are.
 */
export function communityRadius(members: number): number {
  return 4 * Math.sqrt(members);
}

/**
 * Links per community that shape the overview's layout: the strongest few place a community near
 * its main partners; all of H2020's 20,000 weak links would only make the layout slower (it is what
 * the user waits for before the map appears).
 */
const OVERVIEW_LAYOUT_LINKS_PER_COMMUNITY = 6;
/**
 * ForceAtlas2 iterations for the overview: the repulsion between discs dominates (about 3 ms per
 * iteration for H2020's 841 communities here, with Barnes–Hut), so the count follows the number of
 * communities: 140 for H2020 (0.4–0.5 s), up to 400 for small overviews.
 */
const overviewIterations = (communities: number) => Math.max(60, Math.min(400, Math.round(1.2e5 / Math.max(1, communities))));

/** The community graph as the layout worker takes it (disc sizes included, so discs do not overlap). */
export function overviewLayoutGraph(overview: Overview): IndexedLayoutGraph {
  const K = overview.communities.length;
  const kept = strongestLinks(overview, OVERVIEW_LAYOUT_LINKS_PER_COMMUNITY);
  const edgeU = new Int32Array(kept.length);
  const edgeV = new Int32Array(kept.length);
  // Summed weights span orders of magnitude: a log keeps one big pair from pulling everything.
  const edgeW = new Float64Array(kept.length);
  kept.forEach((e, k) => {
    const l = overview.links[e]!;
    edgeU[k] = l.a;
    edgeV[k] = l.b;
    edgeW[k] = 1 + Math.log(1 + l.weight);
  });
  return {
    iterations: overviewIterations(K),
    n: K,
    labels: overview.communities.map((c) => String(c.id)),
    groups: Uint8Array.from(overview.communities, (c) => c.sector),
    edgeU,
    edgeV,
    edgeW,
    sizes: Float64Array.from(overview.communities, (c) => communityRadius(c.members.length)),
  };
}

export const communityKey = (k: number) => `c${k}`;

/** Links drawn per community on the overview. */
export const OVERVIEW_LINKS_PER_COMMUNITY = 3;

/** Indices of the links that are among the `perCommunity` strongest of either end, in link order. */
export function strongestLinks(overview: Overview, perCommunity: number): number[] {
  const byCommunity: number[][] = overview.communities.map(() => []);
  overview.links.forEach((l, e) => {
    byCommunity[l.a]!.push(e);
    byCommunity[l.b]!.push(e);
  });
  const keep = new Set<number>();
  for (const list of byCommunity) {
    list.sort((x, y) => overview.links[y]!.weight - overview.links[x]!.weight || x - y);
    for (const e of list.slice(0, perCommunity)) keep.add(e);
  }
  return [...keep].sort((x, y) => x - y);
}

/**
 * The overview for sigma: node `c<k>` is `communities[k]` (its `index` is k), placed at the
 * layout's position, its size in layout units (drawn with sigma's `itemSizesReference:
 * 'positions'`, so discs keep their proportions at every zoom).
 */
export function overviewDisplayGraph(overview: Overview, positions: { x: ArrayLike<number>; y: ArrayLike<number> }, label: (community: OverviewCommunity) => string): DisplayGraph {
  const graph: DisplayGraph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  overview.communities.forEach((c, k) => {
    graph.addNode(communityKey(k), {
      x: positions.x[k] ?? 0,
      y: positions.y[k] ?? 0,
      size: communityRadius(c.members.length),
      color: SECTOR_INFO[SECTORS[c.sector] ?? 'other'].colour,
      label: label(c),
      index: k,
      kind: 'community',
    });
  });
  // Every pair of communities shares some tie on a large network: draw each community's three
  // strongest links only (the layout used them all), so the picture is not a grey web.
  const drawn = strongestLinks(overview, OVERVIEW_LINKS_PER_COMMUNITY);
  let max = 0;
  for (const e of drawn) max = Math.max(max, overview.links[e]!.weight);
  // Widths in layout units like the discs: a fraction of a middling disc's radius.
  const radii = overview.communities.map((c) => communityRadius(c.members.length)).sort((x, y) => x - y);
  const unit = radii[Math.floor(radii.length / 2)] ?? 1;
  for (const e of drawn) {
    const l = overview.links[e]!;
    graph.addUndirectedEdgeWithKey(String(e), communityKey(l.a), communityKey(l.b), {
      size: unit * (0.06 + 0.3 * Math.sqrt(l.weight / (max || 1))),
      color: '#a3a9b4',
      tie: -1,
    });
  }
  return graph;
}

/**
 * One community's organisations as a graph to lay out (node k = `members[k]`), over the visible
 * ties among them: drilling into a community shows it with a layout of its own, which on a large
 * network reads far better than its place in the layout of everything.
 */
export function communityLayoutGraph(network: Network, visibility: Visibility, sectors: ArrayLike<number>, members: ArrayLike<number>): IndexedLayoutGraph {
  const local = new Map<number, number>();
  for (let k = 0; k < members.length; k++) local.set(members[k]!, k);
  const u: number[] = [];
  const v: number[] = [];
  const w: number[] = [];
  const { offsets, neighbours, ties: tieOf } = network.adjacency;
  for (let k = 0; k < members.length; k++) {
    const i = members[k]!;
    for (let p = offsets[i]!; p < offsets[i + 1]!; p++) {
      const j = neighbours[p]!;
      const e = tieOf[p]!;
      const l = local.get(j);
      if (l === undefined || l <= k || !visibility.tieShared[e]) continue;
      u.push(k);
      v.push(l);
      w.push(visibility.tieWeight[e]!);
    }
  }
  return {
    n: members.length,
    labels: Array.from(members, (i) => network.organisations[i]!.name),
    groups: Uint8Array.from(members, (i) => sectors[i]!),
    edgeU: Int32Array.from(u),
    edgeV: Int32Array.from(v),
    edgeW: Float64Array.from(w),
  };
}

/** Positions by organisation index from a layout of `members` (others at the origin, not drawn). */
export function membersPositions(n: number, members: ArrayLike<number>, layout: { x: ArrayLike<number>; y: ArrayLike<number> }): { x: Float32Array; y: Float32Array } {
  const x = new Float32Array(n);
  const y = new Float32Array(n);
  for (let k = 0; k < members.length; k++) {
    x[members[k]!] = layout.x[k] ?? 0;
    y[members[k]!] = layout.y[k] ?? 0;
  }
  return { x, y };
}

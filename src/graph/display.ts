/**
 * What sigma draws. Node keys are indices (`String(i)` for organisation i; `o<i>`/`a<j>` in the
 * two-mode view) and edge keys tie indices, never organisation ids: graphology keeps neighbours in
 * plain objects, where an id such as `constructor` or `__proto__` would break it. The graph is
 * built once per network and layout; colours, sizes, filters, selection and sector corrections
 * reach sigma through its reducers, so the sigma instance and the camera stay.
 */
import Graph from 'graphology';
import { SECTOR_INFO, SECTORS } from '../data/sectors';
import { localTitle } from '../i18n/localText';
import type { Language } from '../i18n';
import type { Positions } from '../session/store';
import { nodeSizeForDegree } from './appearance';
import { labelText } from './labels';
import type { Network } from './network';

export interface DisplayNodeAttributes {
  x: number;
  y: number;
  size: number;
  color: string;
  label: string;
  /** Organisation index (network view), organisation/activity index (two-mode view) or community (overview). */
  index: number;
  kind: 'organisation' | 'activity' | 'community';
  type?: 'circle' | 'square';
  forceLabel?: boolean;
  /** Pinned by the user (dragged): ForceAtlas2 leaves it where it is. */
  fixed?: boolean;
}

export interface DisplayEdgeAttributes {
  size: number;
  color: string;
  /** Tie index (network view) or -1. */
  tie: number;
}

export type DisplayGraph = Graph<DisplayNodeAttributes, DisplayEdgeAttributes>;

export const EDGE_COLOUR = '#b9bec7';
export const ACTIVITY_COLOUR = '#3d4451';

/** More ties than this are thinned to a backbone for drawing (sigma's comfortable limit is near 10^5). */
export const MAX_DRAWN_TIES = 60_000;

export const organisationKey = (i: number) => String(i);
export const twoModeOrganisationKey = (i: number) => `o${i}`;
export const twoModeActivityKey = (a: number) => `a${a}`;

/**
 * Which ties to draw when there are too many: every organisation's strongest tie (nobody with a
 * partner looks isolated), then the strongest others, highest weight first. The analysis always
 * uses every tie; only the picture is thinned. Returns null when everything fits.
 */
export function backboneTies(network: Network, maxTies: number, include?: (tie: number) => boolean): Uint8Array | null {
  const { ties } = network.projection;
  let candidates = ties.m;
  if (include) {
    candidates = 0;
    for (let e = 0; e < ties.m; e++) if (include(e)) candidates++;
  }
  if (candidates <= maxTies) return null;
  const keep = new Uint8Array(ties.m);
  const { offsets, ties: tieOf } = network.adjacency;
  let kept = 0;
  for (let i = 0; i < network.organisations.length; i++) {
    let best = -1;
    for (let p = offsets[i]!; p < offsets[i + 1]!; p++) {
      const e = tieOf[p]!;
      if (include && !include(e)) continue;
      if (best < 0 || ties.weight[e]! > ties.weight[best]! || (ties.weight[e] === ties.weight[best] && e < best)) best = e;
    }
    if (best >= 0 && !keep[best]) {
      keep[best] = 1;
      kept++;
    }
  }
  if (kept < maxTies) {
    const rest: number[] = [];
    for (let e = 0; e < ties.m; e++) if (!keep[e] && (!include || include(e))) rest.push(e);
    rest.sort((a, b) => ties.weight[b]! - ties.weight[a]! || a - b);
    for (const e of rest) {
      if (kept >= maxTies) break;
      keep[e] = 1;
      kept++;
    }
  }
  return keep;
}

/**
 * The organisation network to draw; the most connected organisations always get a label. With
 * `members`, only those organisations and the ties among them (one community of the overview).
 */
export function networkDisplayGraph(network: Network, layout: Positions, options: { maxTies?: number; alwaysLabelled?: number; members?: ArrayLike<number> } = {}): DisplayGraph {
  // Nothing to draw (no layout yet): no pass over the ties.
  if (options.members?.length === 0) return new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  const { ties } = network.projection;
  const N = network.organisations.length;
  let member: Uint8Array | null = null;
  if (options.members) {
    member = new Uint8Array(N);
    for (let k = 0; k < options.members.length; k++) member[options.members[k]!] = 1;
  }
  const inside = member ? (e: number) => member[ties.u[e]!] === 1 && member[ties.v[e]!] === 1 : undefined;
  const drawn = backboneTies(network, options.maxTies ?? MAX_DRAWN_TIES, inside);
  const graph: DisplayGraph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  const degree = new Int32Array(N);
  for (let i = 0; i < N; i++) degree[i] = network.adjacency.offsets[i + 1]! - network.adjacency.offsets[i]!;
  const byDegree = Array.from({ length: N }, (_v, i) => i).sort((a, b) => degree[b]! - degree[a]! || a - b);
  const labelled = new Set(byDegree.slice(0, options.alwaysLabelled ?? 8));
  network.organisations.forEach((o, i) => {
    if (member && !member[i]) return;
    graph.addNode(organisationKey(i), {
      x: layout.x[i] ?? 0,
      y: layout.y[i] ?? 0,
      size: nodeSizeForDegree(degree[i]!),
      color: SECTOR_INFO[o.sector]?.colour ?? SECTOR_INFO.other.colour,
      label: labelText(o.name || o.id),
      index: i,
      kind: 'organisation',
      forceLabel: labelled.has(i),
    });
  });
  for (let e = 0; e < ties.m; e++) {
    if (drawn && !drawn[e]) continue;
    if (inside && !inside(e)) continue;
    graph.addUndirectedEdgeWithKey(String(e), organisationKey(ties.u[e]!), organisationKey(ties.v[e]!), {
      size: tieWidth(ties.shared[e]!),
      color: EDGE_COLOUR,
      tie: e,
    });
  }
  return graph;
}

/** Line width from the number of shared activities. */
export function tieWidth(shared: number): number {
  return Math.min(6, 1 + 0.7 * (shared - 1));
}

/** Organisations (discs) and activities (dark squares, named in `lang`), an edge per participation. */
export function twoModeDisplayGraph(network: Network, layout: Positions, lang: Language): DisplayGraph {
  const graph: DisplayGraph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  const inc = network.projection.incidence;
  const N = network.organisations.length;
  const participations = new Int32Array(N);
  for (const o of inc.participants) participations[o]!++;
  network.organisations.forEach((o, i) => {
    graph.addNode(twoModeOrganisationKey(i), {
      x: layout.x[i] ?? 0,
      y: layout.y[i] ?? 0,
      size: nodeSizeForDegree(participations[i]!),
      color: SECTOR_INFO[o.sector]?.colour ?? SECTOR_INFO.other.colour,
      label: o.name || o.id,
      index: i,
      kind: 'organisation',
      type: 'circle',
    });
  });
  network.activities.forEach((a, j) => {
    const size = inc.participantOffsets[j + 1]! - inc.participantOffsets[j]!;
    graph.addNode(twoModeActivityKey(j), {
      x: layout.x[N + j] ?? 0,
      y: layout.y[N + j] ?? 0,
      size: 2.5 + 1.6 * Math.sqrt(size),
      color: ACTIVITY_COLOUR,
      label: localTitle(a, lang) || a.id,
      index: j,
      kind: 'activity',
      type: 'square',
    });
    for (let p = inc.participantOffsets[j]!; p < inc.participantOffsets[j + 1]!; p++) {
      graph.mergeUndirectedEdge(twoModeOrganisationKey(inc.participants[p]!), twoModeActivityKey(j), { size: 0.8, color: '#c3c8d0', tie: -1 });
    }
  });
  return graph;
}

export const sectorColourOfCode = (code: number): string => SECTOR_INFO[SECTORS[code] ?? 'other'].colour;

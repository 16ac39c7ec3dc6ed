/**
 * The position of one focal organisation ("our municipality"): one breadth-first search from it
 * gives its hop distance to every organisation, the nearest organisation of every sector, the
 * shortest chains to the nearest tech and care organisations, and the clusters it reaches.
 *
 * Tie-breaks are deterministic: the nearest organisation is the smallest id among those at the
 * minimum distance; a chain walks back choosing the neighbour one step closer with the smallest id.
 */
import { bfsDistances, chainTo } from './bfs';
import { MIN_CLUSTER_SIZE } from './clusters';
import type { Csr } from './csr';

export interface ChainStep {
  id: string;
  label: string;
  sector: string;
}

export interface FocalChain {
  sector: string;
  distance: number;
  /** From the focal organisation (first) to the nearest organisation of `sector` (last). */
  chain: ChainStep[];
}

export interface FocalSectorDistance {
  sector: string;
  /** Hops to the nearest *other* organisation of the sector; null when none is reachable. */
  distance: number | null;
  nearest: ChainStep | null;
}

export interface FocalView {
  id: string;
  label: string;
  sector: string;
  degree: number;
  /** 1-based community and component of the focal organisation. */
  community: number;
  component: number;
  sectorDistance: FocalSectorDistance[];
  /** Chains to the nearest organisation of each chain sector, in the order asked. */
  chains: FocalChain[];
  /** Clusters (communities of at least `minClusterSize` organisations) within reach with their distance (0 = its own), nearest first. */
  clustersReached: { community: number; distance: number }[];
  /** Clusters of at least `minClusterSize` organisations in the view. */
  clustersTotal: number;
}

export interface FocalOptions {
  /** Sectors reported (every group of the CSR by default). */
  sectors?: readonly string[];
  /** Sectors to give a chain to; default tech and care. */
  chainSectors?: readonly string[];
  community: Int32Array;
  communityCount: number;
  component: Int32Array;
  /** Communities smaller than this are not counted as clusters reached (default MIN_CLUSTER_SIZE, as the findings). */
  minClusterSize?: number;
}

export interface FocalResult {
  /** The focal organisation's view, or null when it is not in the (filtered) network. */
  view: FocalView | null;
  /** Why there is no view: no focal organisation chosen, or it is filtered out. */
  note: 'no_focal' | 'not_visible' | null;
  /** Hops from the focal organisation to every node (-1: unreachable); empty without a view. */
  distance: Int32Array;
}

export function focalView(csr: Csr, focalId: string | null, options: FocalOptions): FocalResult {
  if (!focalId) return { view: null, note: 'no_focal', distance: new Int32Array(0) };
  const s = csr.index.get(focalId);
  if (s === undefined) return { view: null, note: 'not_visible', distance: new Int32Array(0) };
  const { n, group, groupNames } = csr;
  const dist = bfsDistances(csr, [s]);
  const G = groupNames.length;
  const best = new Int32Array(G).fill(-1);
  const nearest = new Int32Array(G).fill(-1);
  const communityBest = new Int32Array(options.communityCount).fill(-1);
  for (let i = 0; i < n; i++) {
    const d = dist[i]!;
    if (d < 0) continue;
    const c = options.community[i]!;
    if (communityBest[c] === -1 || d < communityBest[c]!) communityBest[c] = d;
    if (i === s) continue;
    const g = group[i]!;
    // Indices increase with ids, so a strict "<" keeps the smallest id at the minimum distance.
    if (best[g] === -1 || d < best[g]!) {
      best[g] = d;
      nearest[g] = i;
    }
  }
  const step = (i: number): ChainStep => ({ id: csr.ids[i]!, label: csr.labels[i]!, sector: groupNames[group[i]!]! });
  const sectors = options.sectors ?? groupNames;
  const sectorDistance = sectors.map((sector) => {
    const g = groupNames.indexOf(sector);
    const d = g >= 0 ? best[g]! : -1;
    return { sector, distance: d >= 0 ? d : null, nearest: d >= 0 ? step(nearest[g]!) : null };
  });
  const chains: FocalChain[] = [];
  for (const sector of options.chainSectors ?? ['tech', 'care']) {
    const g = groupNames.indexOf(sector);
    const t = g >= 0 ? nearest[g]! : -1;
    const path = t >= 0 ? chainTo(csr, dist, t) : null;
    if (path) chains.push({ sector, distance: dist[t]!, chain: path.map(step) });
  }
  const size = new Int32Array(options.communityCount);
  for (let i = 0; i < n; i++) size[options.community[i]!]!++;
  const minSize = options.minClusterSize ?? MIN_CLUSTER_SIZE;
  const clustersReached: { community: number; distance: number }[] = [];
  let clustersTotal = 0;
  for (let c = 0; c < options.communityCount; c++) {
    if (size[c]! < minSize) continue;
    clustersTotal++;
    if (communityBest[c]! >= 0) clustersReached.push({ community: c + 1, distance: communityBest[c]! });
  }
  clustersReached.sort((a, b) => a.distance - b.distance || a.community - b.community);
  return {
    view: {
      id: csr.ids[s]!,
      label: csr.labels[s]!,
      sector: groupNames[group[s]!]!,
      degree: csr.degree[s]!,
      community: options.community[s]! + 1,
      component: options.component[s]! + 1,
      sectorDistance,
      chains,
      clustersReached,
      clustersTotal,
    },
    note: null,
    distance: dist,
  };
}

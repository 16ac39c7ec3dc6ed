/**
 * Municipality view: for each organisation of the municipality sector (default `government`),
 * its hop distance to the nearest member of every sector and every community, and the shortest
 * chains to the nearest tech and nearest care organisation. One BFS per such organisation.
 *
 * Tie-breaks (deterministic): the nearest organisation is the one with the smallest id among those
 * at the minimum distance; the chain walks back from it choosing, at each step, the neighbour one
 * step closer to the start with the smallest id.
 */
import { bfsDistances, chainTo } from './bfs';
import type { Csr } from './csr';

export interface ChainStep {
  id: string;
  label: string;
  sector: string;
}

export interface MunicipalityChain {
  sector: string;
  distance: number;
  /** From the municipality organisation (first) to the nearest organisation of `sector` (last). */
  chain: ChainStep[];
}

export interface MunicipalityView {
  id: string;
  label: string;
  community: number;
  component: number;
  degree: number;
  /** Distance to the nearest *other* organisation of each sector; null when none is reachable. */
  sectorDistance: Record<string, number | null>;
  /** Reachable communities with their distance (0 = its own), nearest first; others are unreachable. */
  communityDistance: { community: number; distance: number }[];
  /** Shortest chains to the nearest organisation of each chain sector (default tech and care). */
  chains: Record<string, MunicipalityChain | null>;
}

export interface MunicipalityOptions {
  municipalitySector?: string;
  chainSectors?: readonly string[];
  community: Int32Array;
  component: Int32Array;
  labels?: readonly string[];
  /** At most this many organisations are described (highest degree first, then id); default all. */
  limit?: number;
}

export function municipalityView(csr: Csr, options: MunicipalityOptions): MunicipalityView[] {
  const { n, group } = csr;
  const sector = options.municipalitySector ?? 'government';
  const chainSectors = options.chainSectors ?? ['tech', 'care'];
  const labels = options.labels ?? csr.labels;
  const code = csr.groupNames.indexOf(sector);
  if (code < 0) return [];
  let members: number[] = [];
  for (let i = 0; i < n; i++) if (group[i] === code) members.push(i);
  if (options.limit !== undefined && members.length > options.limit) {
    members = members
      .sort((a, b) => csr.degree[b]! - csr.degree[a]! || a - b)
      .slice(0, Math.max(0, options.limit))
      .sort((a, b) => a - b);
  }
  let communityCount = 0;
  for (let i = 0; i < n; i++) communityCount = Math.max(communityCount, options.community[i]! + 1);
  const G = csr.groupNames.length;
  const dist = new Int32Array(n);
  const queue = new Int32Array(n);
  const sectorBest = new Int32Array(G);
  const sectorNearest = new Int32Array(G);
  const communityBest = new Int32Array(communityCount);
  const step = (i: number): ChainStep => ({
    id: csr.ids[i]!,
    label: labels[i]!,
    sector: csr.groupNames[group[i]!]!,
  });
  const out: MunicipalityView[] = [];
  for (const s of members) {
    bfsDistances(csr, [s], Infinity, dist, queue);
    sectorBest.fill(-1);
    sectorNearest.fill(-1);
    communityBest.fill(-1);
    for (let i = 0; i < n; i++) {
      const d = dist[i]!;
      if (d < 0) continue;
      const c = options.community[i]!;
      if (communityBest[c] === -1 || d < communityBest[c]!) communityBest[c] = d;
      if (i === s) continue; // distance to *another* organisation of the sector
      const g = group[i]!;
      // Indices increase with ids, so a strict "<" keeps the smallest id at the minimum distance.
      if (sectorBest[g] === -1 || d < sectorBest[g]!) {
        sectorBest[g] = d;
        sectorNearest[g] = i;
      }
    }
    const sectorDistance: Record<string, number | null> = {};
    for (let g = 0; g < G; g++) sectorDistance[csr.groupNames[g]!] = sectorBest[g]! >= 0 ? sectorBest[g]! : null;
    const communityDistance: { community: number; distance: number }[] = [];
    for (let c = 0; c < communityCount; c++) {
      if (communityBest[c]! >= 0) communityDistance.push({ community: c + 1, distance: communityBest[c]! });
    }
    communityDistance.sort((a, b) => a.distance - b.distance || a.community - b.community);
    const chains: Record<string, MunicipalityChain | null> = {};
    for (const cs of chainSectors) {
      const g = csr.groupNames.indexOf(cs);
      const t = g >= 0 ? sectorNearest[g]! : -1;
      const path = t >= 0 ? chainTo(csr, dist, t) : null;
      chains[cs] = path ? { sector: cs, distance: dist[t]!, chain: path.map(step) } : null;
    }
    out.push({
      id: csr.ids[s]!,
      label: labels[s]!,
      community: options.community[s]! + 1,
      component: options.component[s]! + 1,
      degree: csr.degree[s]!,
      sectorDistance,
      communityDistance,
      chains,
    });
  }
  return out;
}

import Graph from 'graphology';
import { SECTOR_INFO, type Sector } from '../data/sectors';
import { nodeSizeForDegree } from './appearance';
import { backboneEdges } from './backbone';
import type { OrganisationNetwork } from './types';

export interface DisplayNodeAttributes {
  x: number;
  y: number;
  size: number;
  color: string;
  label: string;
  sector: Sector;
  forceLabel?: boolean;
}

export interface DisplayEdgeAttributes {
  size: number;
  color: string;
  weight: number;
}

export type DisplayGraph = Graph<DisplayNodeAttributes, DisplayEdgeAttributes>;

const EDGE_COLOUR = '#b9bec7';

/** More ties than this are thinned to a backbone for drawing (see backbone.ts). */
export const MAX_DRAWN_TIES = 60_000;

/**
 * What sigma draws: a copy of the organisation network with position, size (by number of
 * partners), colour (by sector) and edge thickness (by shared activities). The most connected
 * organisations always get a label; sigma's label grid decides for the rest.
 */
export function toDisplayGraph(
  network: OrganisationNetwork,
  positions: Record<string, [number, number]>,
  options: { alwaysLabelled?: number; maxEdges?: number } = {},
): DisplayGraph {
  const drawn = backboneEdges(network, options.maxEdges ?? MAX_DRAWN_TIES);
  const graph: DisplayGraph = new Graph({ type: 'undirected' });
  // The most connected organisations always get a label (a partial sort would do; n log n is cheap).
  const byDegree = network.nodes().sort((a, b) => network.degree(b) - network.degree(a) || (a < b ? -1 : 1));
  const labelled = new Set(byDegree.slice(0, options.alwaysLabelled ?? 8));
  network.forEachNode((node, attrs) => {
    const [x, y] = positions[node] ?? [0, 0];
    graph.addNode(node, {
      x,
      y,
      size: nodeSizeForDegree(network.degree(node)),
      color: SECTOR_INFO[attrs.sector].colour,
      label: attrs.label,
      sector: attrs.sector,
      forceLabel: labelled.has(node),
    });
  });
  network.forEachEdge((edge, attrs, source, target) => {
    if (drawn && !drawn.has(edge)) return;
    graph.addEdgeWithKey(edge, source, target, {
      size: Math.min(6, 0.6 + 0.7 * (attrs.weight - 1) + 0.4),
      color: EDGE_COLOUR,
      weight: attrs.weight,
    });
  });
  return graph;
}

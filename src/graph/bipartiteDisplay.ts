import Graph from 'graphology';
import { SECTOR_INFO } from '../data/sectors';
import { nodeSizeForDegree } from './appearance';
import type { BipartiteGraph } from './types';

export interface BipartiteDisplayNode {
  x: number;
  y: number;
  size: number;
  color: string;
  label: string;
  type: 'circle' | 'square';
  /** `organisation` or `activity`: organisations are discs in their sector colour, activities dark squares. */
  kind: 'organisation' | 'activity';
  sector?: string;
}

export type BipartiteDisplayGraph = Graph<BipartiteDisplayNode, { size: number; color: string; weight: number }>;

export const ACTIVITY_COLOUR = '#3d4451';

/** What the bipartite view draws: organisations and activities, an edge per participation. */
export function toBipartiteDisplayGraph(bipartite: BipartiteGraph, positions: Record<string, [number, number]>): BipartiteDisplayGraph {
  const graph: BipartiteDisplayGraph = new Graph({ type: 'undirected' });
  bipartite.forEachNode((node, attrs) => {
    const [x, y] = positions[node] ?? [0, 0];
    const degree = bipartite.degree(node);
    if (attrs.type === 'organisation') {
      graph.addNode(node, { x, y, size: nodeSizeForDegree(degree), color: SECTOR_INFO[attrs.sector].colour, label: attrs.label, type: 'circle', kind: 'organisation', sector: attrs.sector });
    } else {
      graph.addNode(node, { x, y, size: 2.5 + 1.6 * Math.sqrt(degree), color: ACTIVITY_COLOUR, label: attrs.label, type: 'square', kind: 'activity' });
    }
  });
  bipartite.forEachEdge((edge, _a, s, t) => {
    graph.addEdgeWithKey(edge, s, t, { size: 0.8, color: '#c3c8d0', weight: 1 });
  });
  return graph;
}

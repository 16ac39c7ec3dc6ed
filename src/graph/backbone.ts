import type { OrganisationNetwork } from './types';

/**
 * Which ties to draw when there are too many to draw smoothly (sigma's maintainers put the
 * comfortable limit near 10^5 edges). Keeps every organisation's strongest tie — so nobody who
 * has a partner looks isolated — and then the strongest remaining ties, highest weight first,
 * up to `maxEdges`. The analysis always uses all ties; only the picture is thinned.
 */
export function backboneEdges(network: OrganisationNetwork, maxEdges: number): Set<string> | null {
  if (network.size <= maxEdges) return null;
  const keep = new Set<string>();
  network.forEachNode((node) => {
    let best: string | null = null;
    let bestWeight = -1;
    network.forEachEdge(node, (edge, attrs) => {
      if (attrs.weight > bestWeight || (attrs.weight === bestWeight && best !== null && edge < best)) {
        best = edge;
        bestWeight = attrs.weight;
      }
    });
    if (best !== null) keep.add(best);
  });
  if (keep.size < maxEdges) {
    const rest: { edge: string; weight: number }[] = [];
    network.forEachEdge((edge, attrs) => {
      if (!keep.has(edge)) rest.push({ edge, weight: attrs.weight });
    });
    rest.sort((a, b) => b.weight - a.weight || (a.edge < b.edge ? -1 : a.edge > b.edge ? 1 : 0));
    for (const { edge } of rest) {
      if (keep.size >= maxEdges) break;
      keep.add(edge);
    }
  }
  return keep;
}

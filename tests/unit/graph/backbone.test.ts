import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { backboneEdges } from '../../../src/graph/backbone';
import { toDisplayGraph } from '../../../src/graph/display';
import type { OrganisationNetwork } from '../../../src/graph/types';

function network(edges: [string, string, number][]): OrganisationNetwork {
  const g: OrganisationNetwork = new Graph({ type: 'undirected' });
  for (const [a, b, w] of edges) {
    for (const n of [a, b]) if (!g.hasNode(n)) g.addNode(n, { label: n, sector: 'tech', activityCount: 1 });
    g.addUndirectedEdgeWithKey(`${a}-${b}`, a, b, { weight: w, activities: [] });
  }
  return g;
}

describe('backbone of ties to draw', () => {
  const g = network([
    ['a', 'b', 5],
    ['a', 'c', 1],
    ['b', 'c', 1],
    ['c', 'd', 2],
    ['d', 'e', 1],
    ['a', 'd', 1],
  ]);
  it('draws everything when under the limit', () => {
    expect(backboneEdges(g, 10)).toBeNull();
  });
  it("keeps each organisation's strongest tie, then the strongest others", () => {
    const keep = backboneEdges(g, 4)!;
    // strongest per node: a-b (a, b), c-d (c, d), d-e (e) → 3 ties, then the best other (weight 1, lowest key a-c).
    expect([...keep].sort()).toEqual(['a-b', 'a-c', 'c-d', 'd-e']);
    const min = backboneEdges(g, 1)!;
    expect([...min].sort()).toEqual(['a-b', 'c-d', 'd-e']);
  });
  it('is what the map draws; every organisation with a partner keeps one', () => {
    const display = toDisplayGraph(g, {}, { maxEdges: 3 });
    expect(display.size).toBe(3);
    display.forEachNode((n) => expect(display.degree(n)).toBeGreaterThan(0));
  });
});

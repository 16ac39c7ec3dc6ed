import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../../src/data/model';
import { backboneTies, networkDisplayGraph } from '../../../src/graph/display';
import { buildNetwork } from '../../../src/graph/network';

/** A network whose tie weights are the given numbers of shared two-member projects. */
function network(edges: [string, string, number][]) {
  const orgs = [...new Set(edges.flatMap(([a, b]) => [a, b]))];
  const projects = edges.flatMap(([a, b, w]) => Array.from({ length: w }, (_x, k) => ({ id: `${a}-${b}-${k}`, a, b })));
  const dataset: Dataset = {
    name: 't',
    organisations: orgs.map((id) => ({ id, name: id, sector: 'tech', aliases: [], provenance: ['t'] })),
    activities: projects.map((p) => ({ id: p.id, title: p.id, kind: 'project', source: 't', provenance: ['t'] })),
    participations: projects.flatMap((p) => [
      { activityId: p.id, organisationId: p.a },
      { activityId: p.id, organisationId: p.b },
    ]),
  };
  return buildNetwork(dataset);
}

describe('backbone of ties to draw', () => {
  const n = network([
    ['a', 'b', 5],
    ['a', 'c', 1],
    ['b', 'c', 1],
    ['c', 'd', 2],
    ['d', 'e', 1],
    ['a', 'd', 1],
  ]);
  const ids = n.projection.incidence.orgIds;
  const named = (keep: Uint8Array) => [...keep.keys()].filter((e) => keep[e]).map((e) => `${ids[n.projection.ties.u[e]!]}-${ids[n.projection.ties.v[e]!]}`).sort();

  it('draws everything when under the limit', () => {
    expect(backboneTies(n, 10)).toBeNull();
  });

  it("keeps each organisation's strongest tie, then the strongest others", () => {
    // Strongest per node: a-b (a, b), c-d (c, d), d-e (e) → 3 ties, then the best other (weight 1, lowest index a-c).
    expect(named(backboneTies(n, 4)!)).toEqual(['a-b', 'a-c', 'c-d', 'd-e']);
    expect(named(backboneTies(n, 1)!)).toEqual(['a-b', 'c-d', 'd-e']);
  });

  it('is what the map draws; every organisation with a partner keeps one', () => {
    const layout = { x: new Float32Array(5), y: new Float32Array(5) };
    const display = networkDisplayGraph(n, layout, { maxTies: 3 });
    expect(display.size).toBe(3);
    display.forEachNode((node) => expect(display.degree(node)).toBeGreaterThan(0));
  });
});

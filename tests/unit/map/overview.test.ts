import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../../src/data/model';
import { SECTORS, type Sector } from '../../../src/data/sectors';
import { applyFilters, DEFAULT_FILTERS, everythingVisible } from '../../../src/filters/filters';
import { networkDisplayGraph } from '../../../src/graph/display';
import { buildNetwork, sectorCodes } from '../../../src/graph/network';
import { aggregateCommunities, communityLayoutGraph, membersPositions, overviewDisplayGraph, overviewLayoutGraph, type Overview } from '../../../src/graph/overview';

/** Organisations `id:sector`, and two-member projects between them (one per listed pair and weight). */
function network(orgs: string[], edges: [string, string, number][]) {
  const projects = edges.flatMap(([a, b, w]) => Array.from({ length: w }, (_x, k) => ({ id: `${a}-${b}-${k}`, a, b })));
  const dataset: Dataset = {
    name: 't',
    organisations: orgs.map((o) => {
      const [id, sector] = o.split(':') as [string, Sector];
      return { id, name: id.toUpperCase(), sector, aliases: [], provenance: ['t'] };
    }),
    activities: projects.map((p) => ({ id: p.id, title: p.id, kind: 'project', source: 't', provenance: ['t'] })),
    participations: projects.flatMap((p) => [
      { activityId: p.id, organisationId: p.a },
      { activityId: p.id, organisationId: p.b },
    ]),
  };
  return buildNetwork(dataset);
}

// Two triangles joined by two ties (a–d twice, c–e once), one pair, one isolate.
const n = network(
  ['a:tech', 'b:tech', 'c:care', 'd:care', 'e:care', 'f:tech', 'g:knowledge', 'h:knowledge', 'z:other'],
  [
    ['a', 'b', 1],
    ['b', 'c', 1],
    ['a', 'c', 3],
    ['d', 'e', 1],
    ['e', 'f', 1],
    ['d', 'f', 1],
    ['a', 'd', 2],
    ['c', 'e', 1],
    ['g', 'h', 1],
  ],
);
const idx = (id: string) => n.projection.incidence.orgIndex.get(id)!;
const sectors = sectorCodes(n);
// The partition as the communities stage gives it: view node v is organisation orgIndexOf[v].
const groups: Record<string, number> = { a: 0, b: 0, c: 0, d: 1, e: 1, f: 1, g: 2, h: 2, z: 3 };
const ids = n.projection.incidence.orgIds;
const partition = { orgIndexOf: Int32Array.from(ids, (_id, i) => i), of: Int32Array.from(ids, (id) => groups[id]!), count: 4 };

describe('the overview of communities', () => {
  const overview = aggregateCommunities(n, everythingVisible(n), sectors, partition);

  it('has one node per community of at least two, largest first, the rest counted', () => {
    expect(overview.communities.map((c) => c.id)).toEqual([0, 1, 2]);
    expect(overview.communities.map((c) => c.members.length)).toEqual([3, 3, 2]);
    expect(overview.left).toBe(1);
    expect(overview.organisations).toBe(9);
  });

  it('colours each by its most common sector and names it after its best-connected member', () => {
    expect(overview.communities.map((c) => SECTORS[c.sector])).toEqual(['tech', 'care', 'knowledge']);
    // a and c have 3 partners each (a: b, c, d; c: a, b, e); a comes first by index.
    expect(ids[overview.communities[0]!.leader]).toBe('a');
    expect(ids[overview.communities[1]!.leader]).toBe('d');
  });

  it('sums the weight of the ties between communities', () => {
    // a–d weighs 2, c–e weighs 1: one link of weight 3 made of 2 ties.
    expect(overview.links).toEqual([{ a: 0, b: 1, weight: 3, ties: 2 }]);
  });

  it('follows the filters: hidden organisations and ties do not count', () => {
    const visibility = applyFilters(n, sectors, { ...DEFAULT_FILTERS, sectors: ['tech', 'care'] });
    const filtered = aggregateCommunities(n, visibility, sectors, partition);
    expect(filtered.communities.map((c) => c.members.length)).toEqual([3, 3]);
    expect(filtered.links[0]!.weight).toBe(3);
    expect(filtered.organisations).toBe(6);
  });

  it('is a small graph for the layout worker and for sigma', () => {
    const layoutGraph = overviewLayoutGraph(overview);
    expect(layoutGraph.n).toBe(3);
    expect([...layoutGraph.edgeU, ...layoutGraph.edgeV]).toEqual([0, 1]);
    expect(layoutGraph.sizes![0]).toBeGreaterThan(layoutGraph.sizes![2]!);
    const graph = overviewDisplayGraph(overview, { x: [0, 1, 2], y: [0, 0, 0] }, (c) => `c${c.id}`);
    expect(graph.order).toBe(3);
    expect(graph.size).toBe(1);
    expect(graph.getNodeAttributes('c0')).toMatchObject({ kind: 'community', index: 0, label: 'c0' });
  });

  it('lays out the overview on each community\'s strongest links, with iterations that follow the number of communities', () => {
    // A star of 12 communities around community 0, plus a ring of weak links among the others.
    const K = 12;
    const links: Overview['links'] = [];
    for (let k = 1; k < K; k++) links.push({ a: 0, b: k, weight: 100 + k, ties: 1 });
    for (let k = 1; k < K; k++) links.push({ a: k, b: (k % (K - 1)) + 1, weight: 1, ties: 1 });
    const star: Overview = { ...overview, communities: Array.from({ length: K }, (_, k) => ({ ...overview.communities[0]!, id: k })), links };
    const g = overviewLayoutGraph(star);
    const kept = Array.from(g.edgeU, (u, e) => `${u}-${g.edgeV[e]}`);
    // Community 0 keeps its 6 strongest; every other community keeps its link to 0 and its ring links (it has 3).
    expect(kept.filter((k) => k.startsWith('0-'))).toHaveLength(K - 1);
    expect(kept).toHaveLength(links.length);
    expect(g.iterations).toBe(400);
    const many: Overview = { ...star, communities: Array.from({ length: 2000 }, (_, k) => ({ ...overview.communities[0]!, id: k })), links: [] };
    expect(overviewLayoutGraph(many).iterations).toBe(60);
    const busy: Overview = {
      ...star,
      links: [...links, ...Array.from({ length: 40 }, (_, i) => ({ a: 1, b: 2 + (i % 10), weight: 0.5, ties: 1 }))],
    };
    // Community 1 has more than 6 links: only its strongest 6 (and those strongest for the other end) are kept.
    expect(overviewLayoutGraph(busy).edgeU.length).toBeLessThan(busy.links.length);
  });

  it('lays out one community on its own and draws only its organisations', () => {
    const members = overview.communities[0]!.members;
    const g = communityLayoutGraph(n, everythingVisible(n), sectors, members);
    expect(g.n).toBe(3);
    expect(g.edgeU.length).toBe(3);
    const positions = membersPositions(n.organisations.length, members, { x: [1, 2, 3], y: [4, 5, 6] });
    const display = networkDisplayGraph(n, positions, { members });
    expect(display.order).toBe(3);
    expect(display.size).toBe(3);
    expect(display.getNodeAttribute(String(members[1]), 'x')).toBe(2);
    expect(display.hasNode(String(idx('d')))).toBe(false);
    // No members (the map while its overview is awaited): an empty graph.
    const none = networkDisplayGraph(n, positions, { members: [] });
    expect([none.order, none.size]).toEqual([0, 0]);
  });
});

describe('links drawn on the overview', () => {
  it("keeps each community's strongest links only", async () => {
    const { strongestLinks } = await import('../../../src/graph/overview');
    const fake = {
      communities: [0, 1, 2, 3].map((id) => ({ id, members: new Int32Array(2), sector: 0, sectorCounts: new Int32Array(8), leader: 0 })),
      links: [
        { a: 0, b: 1, weight: 10, ties: 1 },
        { a: 0, b: 2, weight: 1, ties: 1 },
        { a: 0, b: 3, weight: 5, ties: 1 },
        { a: 1, b: 2, weight: 2, ties: 1 },
        { a: 2, b: 3, weight: 3, ties: 1 },
      ],
      left: 0,
      organisations: 8,
    };
    // One per community: 0→(0,1), 1→(0,1), 2→(2,3), 3→(0,3).
    expect(strongestLinks(fake, 1)).toEqual([0, 2, 4]);
    expect(strongestLinks(fake, 5)).toEqual([0, 1, 2, 3, 4]);
  });
});

describe('the layout of a large overview', () => {
  it('uses Barnes–Hut from 500 nodes (exact repulsion is quadratic)', async () => {
    const { forceAtlas2Settings } = await import('../../../src/graph/layout');
    const Graph = (await import('graphology')).default;
    const graphOf = (n: number) => {
      const g = new Graph({ type: 'undirected' });
      for (let i = 0; i < n; i++) g.addNode(String(i));
      return g;
    };
    expect(forceAtlas2Settings(graphOf(499)).barnesHutOptimize).toBe(false);
    expect(forceAtlas2Settings(graphOf(500)).barnesHutOptimize).toBe(true);
  });

  it('keeps the discs of H2020\'s overview apart with its bounded overlap removal', async () => {
    const { layoutIndexedGraph } = await import('../../../src/graph/layout');
    const { readFileSync } = await import('node:fs');
    // 841 communities, radii 5.7–275 (tests/fixtures/overview/README.md).
    const fixture = JSON.parse(readFileSync(new URL('../../fixtures/overview/h2020-overview.json', import.meta.url), 'utf8')) as { n: number; iterations: number; edgeU: number[]; edgeV: number[]; edgeW: number[]; sizes: number[] };
    const { n, sizes } = fixture;
    const layout = layoutIndexedGraph({
      n,
      labels: Array.from({ length: n }, (_v, i) => String(i)),
      groups: new Uint8Array(n),
      edgeU: Int32Array.from(fixture.edgeU),
      edgeV: Int32Array.from(fixture.edgeV),
      edgeW: Float64Array.from(fixture.edgeW),
      sizes: Float64Array.from(sizes),
      iterations: fixture.iterations,
    });
    let overlapping = 0;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        if (Math.hypot(layout.x[i]! - layout.x[j]!, layout.y[i]! - layout.y[j]!) < sizes[i]! + sizes[j]!) overlapping++;
      }
    }
    // ForceAtlas2 alone leaves about 100 pairs overlapping here; noverlap left 1–4, after 100 passes as after 1,000.
    expect(overlapping).toBeLessThanOrEqual(6);
  });
});

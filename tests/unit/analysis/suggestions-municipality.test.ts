import { describe, expect, it } from 'vitest';
import { renumberBySize } from '../../../src/analysis/clusters';
import { buildCsr } from '../../../src/analysis/csr';
import { focalView, type FocalView } from '../../../src/analysis/focal';
import { suggestClusterLinks } from '../../../src/analysis/suggestions';
import { loadGraph } from './helpers';

const TARGETS = ['tech', 'care', 'government'];

/** The multi graph split into hand-made clusters: 1 = b*, 2 = a01–a04, 3 = a05–a08, 4 = a09–a11, 5 = c*, 6 = z01, 7 = z02. */
function multiPartition() {
  const graph = loadGraph('multi');
  const csr = buildCsr(graph);
  const label = (id: string) =>
    id.startsWith('b')
      ? 3
      : id.startsWith('c')
        ? 4
        : id === 'z01'
          ? 5
          : id === 'z02'
            ? 6
            : id <= 'a04'
              ? 0
              : id <= 'a08'
                ? 1
                : 2;
  const p = renumberBySize(csr.ids.map(label), csr.n);
  return { graph, csr, p };
}

describe('cluster-level suggestions', () => {
  const { csr, p } = multiPartition();

  it('ranks community pairs by complementary target sectors, then few ties, then size', () => {
    const s = suggestClusterLinks(csr, p, { targets: TARGETS });
    expect(s.map((x) => `${x.a.cluster}-${x.b.cluster}`)).toEqual([
      '1-2',
      '2-5',
      '3-4',
      '1-3',
      '1-4',
      '2-4',
      '3-5',
      '4-5',
    ]);
    const first = s[0]!;
    expect(first.aOffers).toEqual(['care', 'government']);
    expect(first.bOffers).toEqual([]);
    expect(first.ties).toBe(0);
    expect(first.b.lacks).toEqual(['care', 'government']);
    // Contact in cluster 1 comes from a sector cluster 2 lacks; degree breaks the tie, then id.
    expect(first.a.contact.id).toBe('b01');
    // Cluster 2 offers nothing the other lacks: its target-sector member with most outside ties.
    expect(first.b.contact.id).toBe('a01');
    expect(first.b.contact.outsideTies).toBe(1);
    const yz = s[2]!;
    expect([yz.aOffers, yz.bOffers, yz.ties, yz.weight]).toEqual([['government'], ['tech'], 1, 1]);
    expect([yz.a.contact.id, yz.b.contact.id]).toEqual(['a05', 'a09']);
  });

  it('respects maxTies, minSize and limit', () => {
    const s = suggestClusterLinks(csr, p, { targets: TARGETS, maxTies: 0, limit: 3 });
    expect(s.map((x) => `${x.a.cluster}-${x.b.cluster}`)).toEqual(['1-2', '2-5', '1-3']);
    const withSmall = suggestClusterLinks(csr, p, { targets: TARGETS, minSize: 1, limit: 100 });
    expect(withSmall.some((x) => x.a.cluster === 6 || x.b.cluster === 6)).toBe(true);
    expect(suggestClusterLinks(csr, p, { targets: TARGETS, limit: 0 })).toEqual([]);
  });
});

describe('the focal organisation ("our municipality")', () => {
  const distances = (v: FocalView) => Object.fromEntries(v.sectorDistance.map((d) => [d.sector, d.distance]));
  const chain = (v: FocalView, sector: string) => v.chains.find((c) => c.sector === sector);

  it('sector8: M is one step from tech and care; chains pick the smallest id; one BFS gives every distance', () => {
    const graph = loadGraph('sector8', { rename: { municipality: 'government' } });
    const csr = buildCsr(graph);
    const community = Int32Array.from(csr.ids, (id) => (id.startsWith('T') ? 0 : id.startsWith('C') ? 1 : 2));
    const component = new Int32Array(csr.n);
    const { view, note, distance } = focalView(csr, 'M', { community, communityCount: 3, component, sectors: ['tech', 'care', 'government'], minClusterSize: 1 });
    expect(note).toBeNull();
    const m = view!;
    expect(m.id).toBe('M');
    expect(distances(m)).toEqual({ tech: 1, care: 1, government: null });
    expect(m.clustersReached).toEqual([
      { community: 3, distance: 0 },
      { community: 1, distance: 1 },
      { community: 2, distance: 1 },
    ]);
    expect(chain(m, 'tech')!.chain.map((s) => s.id)).toEqual(['M', 'T1']);
    expect(chain(m, 'care')!.chain.map((s) => s.id)).toEqual(['M', 'C1']);
    expect(chain(m, 'care')!.chain[1]).toEqual({ id: 'C1', label: 'Org C1', sector: 'care' });
    expect(distance[csr.index.get('T4')!]).toBe(2);
  });

  it('counts clusters as the findings do: communities of at least 3 organisations (M alone is none)', () => {
    const graph = loadGraph('sector8', { rename: { municipality: 'government' } });
    const csr = buildCsr(graph);
    // Tech 4, care 3, M alone.
    const community = Int32Array.from(csr.ids, (id) => (id.startsWith('T') ? 0 : id.startsWith('C') ? 1 : 2));
    const m = focalView(csr, 'M', { community, communityCount: 3, component: new Int32Array(csr.n) }).view!;
    expect(m.clustersTotal).toBe(2);
    expect(m.clustersReached).toEqual([
      { community: 1, distance: 1 },
      { community: 2, distance: 1 },
    ]);
    const four = focalView(csr, 'M', { community, communityCount: 3, component: new Int32Array(csr.n), minClusterSize: 4 }).view!;
    expect([four.clustersTotal, four.clustersReached]).toEqual([1, [{ community: 1, distance: 1 }]]);
  });

  it('multi: distances, chains and unreachable sectors of each government organisation', () => {
    const { csr, p } = multiPartition();
    const component = new Int32Array(csr.n);
    const of = (id: string) =>
      focalView(csr, id, { community: p.of, communityCount: p.count, component, chainSectors: ['tech', 'care', 'network'], sectors: ['care', 'government', 'knowledge', 'network', 'tech'], minClusterSize: 1 }).view!;
    const b06 = of('b06');
    expect(distances(b06)).toEqual({ care: 1, government: null, knowledge: null, network: null, tech: 3 });
    expect(chain(b06, 'tech')!.chain.map((s) => s.id)).toEqual(['b06', 'b02', 'b01', 'b03']);
    expect(chain(b06, 'network')).toBeUndefined();
    expect(b06.clustersReached).toEqual([{ community: 1, distance: 0 }]);
    const a05 = of('a05');
    expect(chain(a05, 'tech')!.chain.map((s) => s.id)).toEqual(['a05', 'a01']);
    expect(chain(a05, 'care')!.chain.map((s) => s.id)).toEqual(['a05', 'a06']);
    // Two shortest chains to a11 (via a06 or a07): the smaller id is taken.
    expect(chain(a05, 'network')!.chain.map((s) => s.id)).toEqual(['a05', 'a06', 'a08', 'a09', 'a11']);
    expect(distances(a05).government).toBeNull();
    expect(a05.clustersReached).toEqual([
      { community: 3, distance: 0 },
      { community: 2, distance: 1 },
      { community: 4, distance: 3 },
    ]);
    expect(chain(of('c01'), 'tech')).toEqual({
      sector: 'tech',
      distance: 2,
      chain: [
        { id: 'c01', label: 'Org c01', sector: 'government' },
        { id: 'c02', label: 'Org c02', sector: 'care' },
        { id: 'c03', label: 'Org c03', sector: 'tech' },
      ],
    });
  });

  it('says why there is no view: none chosen, or filtered out', () => {
    const { csr, p } = multiPartition();
    const options = { community: p.of, communityCount: p.count, component: p.of };
    expect(focalView(csr, null, options)).toMatchObject({ view: null, note: 'no_focal' });
    expect(focalView(csr, 'not-in-this-network', options)).toMatchObject({ view: null, note: 'not_visible' });
  });
});

import { describe, expect, it } from 'vitest';
import { renumberBySize } from '../../../src/analysis/clusters';
import { buildCsr } from '../../../src/analysis/csr';
import { municipalityView, type MunicipalityView } from '../../../src/analysis/municipality';
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

describe('municipality view', () => {
  it('sector8: M is one step from tech and care; chains pick the smallest id', () => {
    const graph = loadGraph('sector8', { rename: { municipality: 'government' } });
    const csr = buildCsr(graph);
    const community = Int32Array.from(csr.ids, (id) => (id.startsWith('T') ? 0 : id.startsWith('C') ? 1 : 2));
    const component = new Int32Array(csr.n);
    const [m] = municipalityView(csr, { community, component });
    expect(m!.id).toBe('M');
    expect(m!.sectorDistance).toEqual({ care: 1, government: null, tech: 1 });
    expect(m!.communityDistance).toEqual([
      { community: 3, distance: 0 },
      { community: 1, distance: 1 },
      { community: 2, distance: 1 },
    ]);
    expect(m!.chains.tech!.chain.map((s) => s.id)).toEqual(['M', 'T1']);
    expect(m!.chains.care!.chain.map((s) => s.id)).toEqual(['M', 'C1']);
    expect(m!.chains.care!.chain[1]).toEqual({ id: 'C1', label: 'Org C1', sector: 'care' });
  });

  it('multi: distances, chains and unreachable sectors per government organisation', () => {
    const { csr, p } = multiPartition();
    const component = new Int32Array(csr.n); // not used for distances
    const views = municipalityView(csr, { community: p.of, component, chainSectors: ['tech', 'care', 'network'] });
    expect(views.map((v) => v.id)).toEqual(['a05', 'b06', 'c01']);
    const [a05, b06, c01] = views as [MunicipalityView, MunicipalityView, MunicipalityView];
    expect(b06.sectorDistance).toEqual({ care: 1, government: null, knowledge: null, network: null, tech: 3 });
    expect(b06.chains.tech!.chain.map((s) => s.id)).toEqual(['b06', 'b02', 'b01', 'b03']);
    expect(b06.chains.network).toBeNull();
    expect(b06.communityDistance).toEqual([{ community: 1, distance: 0 }]);
    expect(a05.chains.tech!.chain.map((s) => s.id)).toEqual(['a05', 'a01']);
    expect(a05.chains.care!.chain.map((s) => s.id)).toEqual(['a05', 'a06']);
    // Two shortest chains to a11 (via a06 or a07): the smaller id is taken.
    expect(a05.chains.network!.chain.map((s) => s.id)).toEqual(['a05', 'a06', 'a08', 'a09', 'a11']);
    expect(a05.sectorDistance.government).toBeNull();
    expect(a05.communityDistance).toEqual([
      { community: 3, distance: 0 },
      { community: 2, distance: 1 },
      { community: 4, distance: 3 },
    ]);
    expect(c01.chains.tech).toEqual({
      sector: 'tech',
      distance: 2,
      chain: [
        { id: 'c01', label: 'Org c01', sector: 'government' },
        { id: 'c02', label: 'Org c02', sector: 'care' },
        { id: 'c03', label: 'Org c03', sector: 'tech' },
      ],
    });
  });

  it('limit keeps the best-connected government organisations', () => {
    const { csr, p } = multiPartition();
    const views = municipalityView(csr, { community: p.of, component: p.of, limit: 1 });
    expect(views.map((v) => v.id)).toEqual(['a05']);
    expect(municipalityView(csr, { community: p.of, component: p.of, municipalitySector: 'finance' })).toEqual([]);
  });
});

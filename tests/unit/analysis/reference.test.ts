/**
 * Reference tests against NetworkX 3.6.1 values (tests/fixtures/reference, see its README.md).
 * Tolerance 1e-9 absolute.
 */
import { describe, expect, it } from 'vitest';
import { accumulateDependencies, betweenness, rescaleBetweenness } from '../../../src/analysis/betweenness';
import { brokerageOf, brokerageRoles, toSnaOrdered } from '../../../src/analysis/brokerage';
import { participationCoefficient } from '../../../src/analysis/brokers';
import { componentPartition, membersOf } from '../../../src/analysis/clusters';
import { greedySectorPairCover, mReachOf } from '../../../src/analysis/conveners';
import { buildCsr, type Csr } from '../../../src/analysis/csr';
import { articulationIds, bridgeIds, cutpoints } from '../../../src/analysis/cutpoints';
import { eiIndex, mixingMatrices, nodeEi, type MixingMatrices } from '../../../src/analysis/mixing';
import { structuralHoles } from '../../../src/analysis/structuralHoles';
import { suggestTies } from '../../../src/analysis/suggestions';
import { byId, expectDeepClose, expectRecordClose, loadGraph, loadValues } from './helpers';

/* eslint-disable @typescript-eslint/no-explicit-any */

function mixingAsReference(mx: MixingMatrices) {
  return {
    groups: mx.groups,
    m: mx.m,
    group_size: mx.groupSize,
    strength_sum_K: mx.strengthSum,
    observed: mx.observed,
    expected_configuration: mx.expected,
    obs_over_exp: mx.observedOverExpected,
    density: mx.density,
    e_matrix_edge_end_fractions: mx.e,
    a: mx.a,
    modularity_of_sector_partition: mx.modularity,
    assortativity_r: mx.assortativity,
  };
}

/** The E–I index of a graph, group and node level, as the NetworkX reference writes it. */
function eiAsReference(csr: Csr, weighted: boolean) {
  const ei = eiIndex(csr, weighted);
  const member: Record<string, unknown> = {};
  for (const [g, v] of Object.entries(ei.groupMemberTies)) {
    member[g] = { E: v.E, I_member_ends: v.IMemberEnds, EI: v.EI };
  }
  // NetworkX's per-node values by id, null for an isolate.
  const perNode = nodeEi(csr, weighted);
  const node = Object.fromEntries(csr.ids.map((id, i) => [id, Number.isNaN(perNode[i]!) ? null : perNode[i]!]));
  return { global: ei.global, group_edge_count: ei.groupEdgeCount, group_member_ties: member, node };
}

function brokerageById(csr: Csr) {
  const b = brokerageRoles(csr);
  const out: Record<string, unknown> = {};
  csr.ids.forEach((id, i) => (out[id] = brokerageOf(b, i)));
  return out;
}

function holesById(csr: Csr, weighted: boolean) {
  const h = structuralHoles(csr, weighted);
  return {
    constraint: byId(csr.ids, h.constraint),
    effectiveSize: byId(csr.ids, h.effectiveSize),
    hierarchy: byId(csr.ids, h.hierarchy),
  };
}

function exactBetweenness(csr: Csr, normalized = true) {
  return byId(csr.ids, betweenness(csr, { exactMaxNodes: Infinity, normalized }).values);
}

describe('karate club (NetworkX karate_club_graph, 34 nodes)', () => {
  const ref = loadValues<any>('karate');
  const csr = buildCsr(loadGraph('karate'));

  it('has the reference size and degrees', () => {
    expect(csr.n).toBe(34);
    expect(csr.m).toBe(78);
    expect(Object.fromEntries(csr.ids.map((id, i) => [id, csr.degree[i]]))).toEqual(ref.unweighted.degree);
  });

  it('betweenness (hop counts) matches nx.betweenness_centrality, normalised and raw', () => {
    expectRecordClose(exactBetweenness(csr), ref.unweighted.betweenness_normalized);
    expectRecordClose(exactBetweenness(csr, false), ref.unweighted.betweenness_raw_unordered_pairs);
  });

  it('unweighted constraint, effective size and hierarchy match NetworkX', () => {
    const h = holesById(csr, false);
    expectRecordClose(h.constraint, ref.unweighted.constraint);
    expectRecordClose(h.effectiveSize, ref.unweighted.effective_size);
    expectRecordClose(h.hierarchy, ref.unweighted.hierarchy);
  });

  it('weighted constraint and Burt effective size (nodes=list(G), weight) match NetworkX', () => {
    const h = holesById(csr, true);
    expectRecordClose(h.constraint, ref.weighted_weight_attr.constraint);
    expectRecordClose(h.effectiveSize, ref.weighted_weight_attr.effective_size);
    expectRecordClose(h.hierarchy, ref.weighted_weight_attr.hierarchy);
  });

  it('articulation points and bridges match', () => {
    const c = cutpoints(csr);
    expect(articulationIds(csr, c)).toEqual(ref.unweighted.articulation_points);
    expect(bridgeIds(csr, c)).toEqual(ref.unweighted.bridges);
  });

  it('E–I index (both group conventions and per node) matches', () => {
    expectDeepClose(eiAsReference(csr, false), ref.unweighted.ei_index_club);
  });

  it('mixing matrices, assortativity and modularity of the club partition match', () => {
    const mx = mixingMatrices(csr, false);
    expectDeepClose(mixingAsReference(mx), ref.unweighted.mixing_club);
    expect(Math.abs(mx.assortativity! - ref.unweighted.nx_attribute_assortativity_club)).toBeLessThan(1e-9);
    expect(Math.abs(mx.modularity! - ref.unweighted.nx_modularity_club_partition)).toBeLessThan(1e-9);
  });

  it('Gould–Fernandez brokerage (unordered and sna ordered) matches', () => {
    const b = brokerageById(csr);
    for (const [id, v] of Object.entries<any>(ref.unweighted.gf_brokerage_club)) {
      expect(b[id], id).toEqual(v.unordered);
      expect(toSnaOrdered(b[id] as any), id).toEqual(v.sna_ordered);
    }
  });

  it('participation coefficient matches', () => {
    expectRecordClose(byId(csr.ids, participationCoefficient(csr, false)), ref.unweighted.participation_coefficient_club);
  });
});

describe('sector8 (one-mode projection of 13 projects × 8 organisations)', () => {
  const ref = loadValues<any>('sector8');
  const graph = loadGraph('sector8');
  const csr = buildCsr(graph);

  it('weights are the number of shared projects', () => {
    const w: Record<string, number> = {};
    for (let e = 0; e < csr.m; e++) {
      const [a, b] = [csr.ids[csr.edgeU[e]!]!, csr.ids[csr.edgeV[e]!]!];
      w[`${a}-${b}`] = csr.edgeW[e]!;
    }
    const expected: Record<string, number> = {};
    for (const [k, v] of Object.entries<number>(ref.edges_weight)) {
      const [a, b] = k.split('-') as [string, string];
      expected[a < b ? `${a}-${b}` : `${b}-${a}`] = v;
    }
    expect(w).toEqual(expected);
  });

  it('betweenness matches (normalised and raw unordered pairs)', () => {
    expectRecordClose(exactBetweenness(csr), ref.unweighted.betweenness_normalized);
    expectRecordClose(exactBetweenness(csr, false), ref.unweighted.betweenness_raw_unordered_pairs);
  });

  it('constraint, effective size, hierarchy: unweighted and weighted', () => {
    const u = holesById(csr, false);
    expectRecordClose(u.constraint, ref.unweighted.constraint);
    expectRecordClose(u.effectiveSize, ref.unweighted.effective_size);
    expectRecordClose(u.hierarchy, ref.unweighted.hierarchy);
    const w = holesById(csr, true);
    expectRecordClose(w.constraint, ref.weighted.constraint_weight);
    expectRecordClose(w.effectiveSize, ref.weighted.effective_size_weight);
    expectRecordClose(w.hierarchy, ref.weighted.hierarchy_weight);
  });

  it('articulation points and bridges match', () => {
    const c = cutpoints(csr);
    expect(articulationIds(csr, c)).toEqual(ref.articulation_points);
    expect(bridgeIds(csr, c)).toEqual(ref.bridges);
  });

  it('E–I index, unweighted and weighted, both conventions', () => {
    expectDeepClose(eiAsReference(csr, false), ref.ei_index_sector_unweighted);
    expectDeepClose(eiAsReference(csr, true), ref.ei_index_sector_weighted);
  });

  it('mixing matrices, assortativity, modularity: unweighted and weighted', () => {
    const u = mixingMatrices(csr, false);
    const w = mixingMatrices(csr, true);
    expectDeepClose(mixingAsReference(u), ref.mixing_sector_unweighted);
    expectDeepClose(mixingAsReference(w), ref.mixing_sector_weighted);
    expect(Math.abs(u.assortativity! - ref.nx_attribute_assortativity_sector)).toBeLessThan(1e-9);
    expect(Math.abs(u.modularity! - ref.nx_modularity_sector_partition.unweighted)).toBeLessThan(1e-9);
    expect(Math.abs(w.modularity! - ref.nx_modularity_sector_partition.weighted)).toBeLessThan(1e-9);
  });

  it('Gould–Fernandez brokerage matches (M is the only liaison)', () => {
    const b = brokerageById(csr);
    for (const [id, v] of Object.entries<any>(ref.gf_brokerage_sector)) {
      expect(b[id], id).toEqual(v.unordered);
      expect(toSnaOrdered(b[id] as any), id).toEqual(v.sna_ordered);
    }
  });

  it('participation coefficient matches, unweighted and weighted', () => {
    expectRecordClose(byId(csr.ids, participationCoefficient(csr, false)), ref.participation_coefficient_sector_unweighted);
    expectRecordClose(byId(csr.ids, participationCoefficient(csr, true)), ref.participation_coefficient_sector_weighted);
  });

  it('key-player m-reach (Borgatti 2006) matches for every reference set', () => {
    expect(ref.key_player).toHaveLength(3);
    for (const kp of ref.key_player) {
      const K = kp.K.map((id: string) => csr.index.get(id)!);
      expect(mReachOf(csr, K, 1), kp.K.join(',')).toBe(kp.m_reach_1);
      expect(mReachOf(csr, K, 2), kp.K.join(',')).toBe(kp.m_reach_2);
    }
  });

  it('greedy sector-pair cover with k = 2 matches', () => {
    const r = greedySectorPairCover(csr, 2);
    expect(r.chosen).toEqual(ref.greedy_sector_pair_cover_k2.chosen);
    expect(r.coveredPairs).toEqual(ref.greedy_sector_pair_cover_k2.covered_pairs);
    expect(r.allPairs).toBe(ref.greedy_sector_pair_cover_k2.all_pairs);
  });

  it('link prediction: suggestions equal link_prediction_cross_sector_nonadjacent (pairs sharing a partner)', () => {
    const lp = ref.link_prediction_cross_sector_nonadjacent;
    const result = suggestTies(csr, { targets: ['tech', 'care', 'municipality'], perPair: 100 });
    const got: Record<string, any> = {};
    for (const pair of result) {
      for (const s of pair.suggestions) {
        const key = s.a.id < s.b.id ? `${s.a.id}-${s.b.id}` : `${s.b.id}-${s.a.id}`;
        expect(got[key], key).toBeUndefined();
        got[key] = s;
      }
    }
    const expectedKeys = Object.keys(lp.common_neighbors).filter((k) => lp.common_neighbors[k] > 0);
    expect(Object.keys(got).sort()).toEqual(expectedKeys.sort());
    expect(expectedKeys).toHaveLength(7);
    for (const k of expectedKeys) {
      const s = got[k];
      expect(Math.abs(s.resourceAllocation - lp.resource_allocation[k])).toBeLessThan(1e-9);
      expect(Math.abs(s.adamicAdar - lp.adamic_adar[k])).toBeLessThan(1e-9);
      expect(Math.abs(s.jaccard - lp.jaccard[k])).toBeLessThan(1e-9);
      expect(s.preferentialAttachment).toBe(lp.preferential_attachment[k]);
      expect(s.commonNeighbours).toBe(lp.common_neighbors[k]);
      expect(s.sharedPartners).toHaveLength(lp.common_neighbors[k]);
    }
    // Ranking inside each sector pair: RA desc, then AA desc, then ids.
    for (const pair of result) {
      const keys = pair.suggestions.map((s) => (s.a.id < s.b.id ? `${s.a.id}-${s.b.id}` : `${s.b.id}-${s.a.id}`));
      const sorted = [...keys].sort(
        (x, y) =>
          lp.resource_allocation[y] - lp.resource_allocation[x] ||
          lp.adamic_adar[y] - lp.adamic_adar[x] ||
          (x < y ? -1 : 1),
      );
      expect(keys).toEqual(sorted);
    }
    const careMun = result.find((p) => p.sectors.join() === 'care,municipality')!;
    expect(careMun.suggestions.map((s) => [s.a.id, s.b.id])).toEqual([['C3', 'M']]);
    expect(careMun.suggestions[0]!.sharedPartners.map((p) => p.id)).toEqual(['C1', 'C2']);
    const techCare = result.find((p) => p.sectors.join() === 'tech,care')!;
    expect(techCare.suggestions.map((s) => `${s.a.id}-${s.b.id}`)).toEqual(['T1-C1', 'T3-C1', 'T1-C2', 'T3-C2']);
    // top-N cuts the list but keeps the order (equal RA and AA: smaller id pair first, C1 < C2)
    const top2 = suggestTies(csr, { targets: ['tech', 'care'], perPair: 2 });
    expect(top2[0]!.suggestions.map((s) => `${s.a.id}-${s.b.id}`)).toEqual(['T1-C1', 'T3-C1']);
    expect(top2[0]!.candidates).toBe(4);
  });
});

for (const name of ['multi', 'random300'] as const) {
  describe(`${name} (scripts/make-reference-fixtures.py)`, () => {
    const ref = loadValues<any>(name);
    const csr = buildCsr(loadGraph(name));

    it('has the reference size', () => {
      expect(csr.n).toBe(ref.nodes);
      expect(csr.m).toBe(ref.edges);
      expect(Object.fromEntries(csr.ids.map((id, i) => [id, csr.degree[i]]))).toEqual(ref.degree);
    });

    it('betweenness matches, normalised and raw', () => {
      expectRecordClose(exactBetweenness(csr), ref.unweighted.betweenness_normalized);
      expectRecordClose(exactBetweenness(csr, false), ref.unweighted.betweenness_raw_unordered_pairs);
    });

    it('sampled betweenness with fixed sources equals NetworkX _rescale with sampled_nodes', () => {
      const sources = ref.betweenness_sampled.sources.map((id: string) => csr.index.get(id)!);
      const raw = accumulateDependencies(csr, sources);
      expectRecordClose(byId(csr.ids, rescaleBetweenness(raw, csr.n, true, sources)), ref.betweenness_sampled.normalized);
    });

    it('constraint, effective size, hierarchy (isolates → null): unweighted and weighted', () => {
      const u = holesById(csr, false);
      expectRecordClose(u.constraint, ref.unweighted.constraint);
      expectRecordClose(u.effectiveSize, ref.unweighted.effective_size);
      expectRecordClose(u.hierarchy, ref.unweighted.hierarchy);
      const w = holesById(csr, true);
      expectRecordClose(w.constraint, ref.weighted.constraint_weight);
      expectRecordClose(w.effectiveSize, ref.weighted.effective_size_weight);
      expectRecordClose(w.hierarchy, ref.weighted.hierarchy_weight);
    });

    it('connected components match (size desc, then smallest id)', () => {
      const graph = loadGraph(name);
      const p = componentPartition(graph, csr);
      expect(membersOf(csr, p)).toEqual(ref.components);
    });

    it('articulation points and bridges match', () => {
      const c = cutpoints(csr);
      expect(articulationIds(csr, c)).toEqual(ref.articulation_points);
      expect(bridgeIds(csr, c)).toEqual(ref.bridges);
    });

    it('E–I index both conventions, unweighted and weighted', () => {
      expectDeepClose(eiAsReference(csr, false), ref.ei_index_sector_unweighted);
      expectDeepClose(eiAsReference(csr, true), ref.ei_index_sector_weighted);
    });

    it('mixing matrices and assortativity match', () => {
      expectDeepClose(mixingAsReference(mixingMatrices(csr, false)), ref.mixing_sector_unweighted);
      expectDeepClose(mixingAsReference(mixingMatrices(csr, true)), ref.mixing_sector_weighted);
      expect(Math.abs(mixingMatrices(csr, false).assortativity! - ref.nx_attribute_assortativity_sector)).toBeLessThan(1e-9);
    });

    it('Gould–Fernandez brokerage matches', () => {
      expect(brokerageById(csr)).toEqual(ref.gf_brokerage_sector);
    });

    it('participation coefficient matches', () => {
      expectRecordClose(byId(csr.ids, participationCoefficient(csr, false)), ref.participation_coefficient_sector_unweighted);
    });

    it('m-reach matches', () => {
      for (const kp of ref.m_reach) {
        const K = kp.K.map((id: string) => csr.index.get(id)!);
        expect(mReachOf(csr, K, 1)).toBe(kp.m_reach_1);
        expect(mReachOf(csr, K, 2)).toBe(kp.m_reach_2);
      }
    });

    it('link prediction between target sectors matches for every pair sharing a partner', () => {
      const lp = ref.link_prediction_target_cross_sector_nonadjacent;
      const result = suggestTies(csr, { targets: ['tech', 'care', 'government'], perPair: 1e6 });
      const got = new Map<string, any>();
      for (const pair of result) {
        for (const s of pair.suggestions) got.set(s.a.id < s.b.id ? `${s.a.id}-${s.b.id}` : `${s.b.id}-${s.a.id}`, s);
      }
      const keys = Object.keys(lp.resource_allocation);
      expect(keys.length).toBeGreaterThan(0);
      expect([...got.keys()].sort()).toEqual(keys.sort());
      for (const k of keys) {
        const s = got.get(k);
        expect(Math.abs(s.resourceAllocation - lp.resource_allocation[k]), k).toBeLessThan(1e-9);
        expect(Math.abs(s.adamicAdar - lp.adamic_adar[k]), k).toBeLessThan(1e-9);
        expect(Math.abs(s.jaccard - lp.jaccard[k]), k).toBeLessThan(1e-9);
        expect(s.preferentialAttachment, k).toBe(lp.preferential_attachment[k]);
        expect(s.commonNeighbours, k).toBe(lp.common_neighbors[k]);
      }
    });
  });
}

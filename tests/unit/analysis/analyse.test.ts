import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyseNetwork, ANALYSIS_STEPS, EI_CONVENTION, explainFindings } from '../../../src/analysis/index';
import { generateNationalDataset } from '../../../src/analysis/synthetic';
import type { Dataset } from '../../../src/data/model';
import type { Sector } from '../../../src/data/sectors';
import { buildOrganisationNetwork } from '../../../src/graph/build';
import { FIXTURES, loadGraph, loadValues } from './helpers';

/* eslint-disable @typescript-eslint/no-explicit-any */

/** sector8 as a Bruggen dataset: 13 projects, 8 organisations, the municipality M as `government`. */
function sector8Dataset(): Dataset {
  const rows = readFileSync(new URL('sector8_bipartite_edges.csv', FIXTURES), 'utf8').trim().split('\n').slice(1);
  const sectors = Object.fromEntries(
    readFileSync(new URL('sector8_nodes.csv', FIXTURES), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(',') as [string, string]),
  );
  const names: Record<string, string> = { M: 'Gemeente Den Haag', T1: 'Techbedrijf Een', C1: 'Zorggroep Een' };
  const projects = [...new Set(rows.map((r) => r.split(',')[0]!))];
  return {
    name: 'sector8',
    organisations: Object.keys(sectors).map((id) => ({
      id,
      name: names[id] ?? `Org ${id}`,
      sector: (sectors[id] === 'municipality' ? 'government' : sectors[id]) as Sector,
      aliases: [],
      provenance: ['test'],
    })),
    activities: projects.map((id) => ({ id, title: id, kind: 'project', source: 'test', provenance: ['test'] })),
    participations: rows.map((r) => {
      const [activityId, organisationId] = r.split(',') as [string, string];
      return { activityId, organisationId };
    }),
  };
}

describe('analyseNetwork on sector8', () => {
  const ref = loadValues<any>('sector8');
  const graph = buildOrganisationNetwork(sector8Dataset());
  const progress: [string, number][] = [];
  const result = analyseNetwork(graph, { k: 3, onProgress: (s, f) => progress.push([s, f]) });
  const row = (id: string) => result.organisations.find((o) => o.id === id)!;

  it('is plain JSON (no Map/Set/NaN/undefined in arrays) and survives a round trip', () => {
    const text = JSON.stringify(result);
    expect(JSON.parse(text)).toEqual(result);
    expect(text).not.toMatch(/NaN|Infinity/);
  });

  it('organisation rows carry the reference values', () => {
    expect(result.organisations.map((o) => o.id)).toEqual(['C1', 'C2', 'C3', 'M', 'T1', 'T2', 'T3', 'T4']);
    for (const o of result.organisations) {
      expect(Math.abs(o.betweenness! - ref.unweighted.betweenness_normalized[o.id])).toBeLessThan(1e-9);
      expect(Math.abs(o.constraint! - ref.weighted.constraint_weight[o.id])).toBeLessThan(1e-9);
      expect(Math.abs(o.effectiveSize! - ref.weighted.effective_size_weight[o.id])).toBeLessThan(1e-9);
      expect(Math.abs(o.hierarchy! - ref.weighted.hierarchy_weight[o.id])).toBeLessThan(1e-9);
      expect(o.brokerage).toEqual(ref.gf_brokerage_sector[o.id].unordered);
      expect(Math.abs(o.ei! - ref.ei_index_sector_unweighted.node[o.id])).toBeLessThan(1e-9);
      expect(Math.abs(o.participation! - ref.participation_coefficient_sector_unweighted[o.id])).toBeLessThan(1e-9);
    }
    expect(row('M')).toMatchObject({
      name: 'Gemeente Den Haag',
      sector: 'government',
      degree: 4,
      strength: 6,
      articulationPoint: true,
      brokerageTotal: 4,
      component: 1,
    });
    expect(result.ties).toHaveLength(12);
    expect(result.ties[0]).toEqual({ source: 'C1', target: 'C2', weight: 1, bridge: false });
    expect(result.cutpoints).toEqual({ articulationPoints: ['M'], bridges: [] });
  });

  it('mixing: tech and care have no ties (a missing bridge); E–I in Bruggen convention', () => {
    const tc = result.mixing.targetPairs.find((p) => p.a === 'tech' && p.b === 'care')!;
    expect(tc).toMatchObject({ ties: 0, weight: 0, expected: 4, observedOverExpected: 0, missing: true, reason: 'no_ties' });
    const tg = result.mixing.targetPairs.find((p) => p.a === 'tech' && p.b === 'government')!;
    expect(tg).toMatchObject({ ties: 2, weight: 3, missing: false, reason: null });
    expect(result.mixing.eiConvention).toBe(EI_CONVENTION);
    expect(result.mixing.ei.groupEdgeCount.government).toEqual({ E: 4, I: 0, EI: 1 });
    expect(Math.abs(result.mixing.unweighted.assortativity! - ref.nx_attribute_assortativity_sector)).toBeLessThan(1e-9);
    // the groups follow the SECTORS order, empty sectors excluded unless targeted
    expect(result.mixing.unweighted.groups).toEqual(['tech', 'care', 'government']);
  });

  it('reach between target sectors: within 1 and 2 steps and mean distance', () => {
    const techToCare = result.mixing.reach.find((r) => r.from === 'tech' && r.to === 'care')!;
    expect(techToCare).toEqual({
      from: 'tech',
      to: 'care',
      size: 4,
      within1: 0,
      within2: 2,
      meanDistance: 2.5,
      reachable: 4,
      unreachable: 0,
    });
    const careToGov = result.mixing.reach.find((r) => r.from === 'care' && r.to === 'government')!;
    expect([careToGov.within1, careToGov.within2, careToGov.meanDistance]).toEqual([2, 3, 4 / 3]);
    expect(result.mixing.reach).toHaveLength(6);
  });

  it('conveners, suggestions and municipality view', () => {
    expect(result.conveners.picks[0]!.id).toBe('M');
    expect(result.conveners.picks[0]!.sentence.en).toMatch(/^links 2 tech firms and 2 care providers in /);
    expect(result.conveners.picks[0]!.sentence.nl).toMatch(/^verbindt 2 techbedrijven en 2 zorgaanbieders in /);
    const techCare = result.suggestions.organisations.find((s) => s.sectors.join() === 'tech,care')!;
    expect(techCare.suggestions[0]).toMatchObject({
      a: { id: 'T1', label: 'Techbedrijf Een', sector: 'tech' },
      b: { id: 'C1', label: 'Zorggroep Een', sector: 'care' },
      commonNeighbours: 1,
      resourceAllocation: 0.25,
    });
    expect(techCare.suggestions[0]!.sharedPartners.map((p) => p.id)).toEqual(['M']);
    expect(result.municipality).toHaveLength(1);
    expect(result.municipality[0]!.chains.tech!.chain.map((s) => s.label)).toEqual(['Gemeente Den Haag', 'Techbedrijf Een']);
  });

  it('meta: timings per step, exact betweenness, options', () => {
    expect(Object.keys(result.meta.timings)).toEqual(ANALYSIS_STEPS);
    expect(result.meta.betweenness).toMatchObject({ estimated: false, samples: 8 });
    expect(result.meta.options).toMatchObject({ k: 3, reachSteps: 1, seed: 42, exactBetweennessMaxNodes: 5000 });
    expect(result.meta.targets).toEqual(['tech', 'care', 'government']);
    expect(result.meta.organisations).toBe(8);
    expect(result.meta.ties).toBe(12);
    expect(result.meta.totalMs).toBeGreaterThan(0);
  });

  it('reports progress for every step, monotonically, up to 1', () => {
    const fractions = progress.map(([, f]) => f);
    expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);
    expect(fractions[fractions.length - 1]).toBe(1);
    expect([...new Set(progress.map(([s]) => s))]).toEqual(ANALYSIS_STEPS);
  });

  it('explains the key findings in Dutch and English', () => {
    const f = explainFindings(result);
    const bridge = f.find((x) => x.kind === 'missing_bridge')!;
    expect(bridge.en).toBe('Technology and care have no ties at all (chance would give 4).');
    expect(bridge.nl).toBe('Technologie en zorg hebben geen enkele band (toeval zou 4 geven).');
    const conveners = f.filter((x) => x.kind === 'convener');
    expect(conveners).toHaveLength(result.conveners.picks.length);
    expect(conveners[0]!.en).toBe(`1. Gemeente Den Haag (government) ${result.conveners.picks[0]!.sentence.en}.`);
    const mun = f.find((x) => x.kind === 'municipality')!;
    expect(mun.en).toMatch(
      /^Gemeente Den Haag is directly tied to a tech firm \(Gemeente Den Haag → Techbedrijf Een\) and is directly tied to a care provider/,
    );
    expect(mun.nl).toMatch(/^Gemeente Den Haag werkt rechtstreeks samen met een techbedrijf/);
    expect(f.some((x) => x.kind === 'method')).toBe(false);
  });
});

describe('analyseNetwork on graphs with isolates and several components', () => {
  it('multi: nulls for isolates, 5 components, JSON-safe', () => {
    const graph = loadGraph('multi');
    const ref = loadValues<any>('multi');
    const r = analyseNetwork(graph);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
    expect(r.components.map((c) => c.size)).toEqual([11, 6, 3, 1, 1]);
    const z01 = r.organisations.find((o) => o.id === 'z01')!;
    expect(z01).toMatchObject({ degree: 0, constraint: null, effectiveSize: null, hierarchy: null, ei: null, betweenness: 0, component: 4 });
    expect(r.cutpoints.articulationPoints).toEqual(ref.articulation_points);
    expect(r.cutpoints.bridges).toEqual(ref.bridges);
    for (const o of r.organisations) {
      expect(o.constraint).toEqual(ref.weighted.constraint_weight[o.id] === null ? null : expect.closeTo(ref.weighted.constraint_weight[o.id], 9));
    }
    const f = explainFindings(r);
    expect(f.filter((x) => x.kind === 'municipality')).toHaveLength(3);
    expect(f.find((x) => x.kind === 'municipality')!.en).toMatch(/^Org a05 /);
  });

  it('a synthetic dataset with sampled betweenness says so in meta and in words', () => {
    const graph = buildOrganisationNetwork(generateNationalDataset({ scale: 0.02, seed: 3 }));
    const r = analyseNetwork(graph, { exactBetweennessMaxNodes: 100, betweennessSamples: 50, k: 4, reachSteps: 2 });
    expect(r.meta.betweenness).toMatchObject({ estimated: true, samples: 50 });
    expect(r.conveners.reachSteps).toBe(2);
    expect(r.conveners.picks.length).toBeGreaterThan(0);
    expect(r.conveners.picks.length).toBeLessThanOrEqual(4);
    const method = explainFindings(r).find((x) => x.kind === 'method')!;
    expect(method.en).toBe(`Betweenness was estimated from 50 sampled organisations (of ${graph.order}).`);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
    // Suggested ties are not tied today and share at least one partner.
    for (const pair of r.suggestions.organisations) {
      for (const s of pair.suggestions) {
        expect(graph.hasEdge(s.a.id, s.b.id)).toBe(false);
        expect(s.sharedPartners.length).toBeGreaterThan(0);
        for (const p of s.sharedPartners) {
          expect(graph.hasEdge(s.a.id, p.id) && graph.hasEdge(s.b.id, p.id)).toBe(true);
        }
      }
    }
  });

  it('accepts a graph where a target sector is absent', () => {
    const graph = loadGraph('karate');
    const r = analyseNetwork(graph, { targets: ['tech', 'care'] });
    expect(r.mixing.targetPairs).toEqual([
      expect.objectContaining({ a: 'tech', b: 'care', missing: true, reason: 'sector_absent' }),
    ]);
    expect(r.municipality).toEqual([]);
    expect(r.conveners.picks).toEqual([]);
    const f = explainFindings(r);
    expect(f[0]!.en).toBe('There is no organisation from the technology sector in the data, so technology and care cannot be linked.');
  });
});

describe('analyseNetwork on degenerate graphs', () => {
  it('an empty graph gives an empty, valid result', async () => {
    const { default: Graph } = await import('graphology');
    const r = analyseNetwork(new Graph({ type: 'undirected' }));
    expect(r.organisations).toEqual([]);
    expect(r.components).toEqual([]);
    expect(r.conveners.picks).toEqual([]);
    expect(r.mixing.targetPairs.every((p) => p.reason === 'sector_absent')).toBe(true);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it('a single government organisation: no ties, null structural holes, itself a convener', async () => {
    const { default: Graph } = await import('graphology');
    const g = new Graph({ type: 'undirected' });
    g.addNode('gem', { label: 'Gemeente', sector: 'government', activityCount: 1 });
    const r = analyseNetwork(g);
    expect(r.organisations[0]).toMatchObject({ degree: 0, betweenness: 0, constraint: null, component: 1, community: 1 });
    // It covers the government sector and its community (bonuses) but reaches no one.
    expect(r.conveners.picks.map((p) => [p.id, p.newlyReachedTotal, p.score])).toEqual([['gem', 0, 13]]);
    expect(r.municipality[0]!.chains).toEqual({ tech: null, care: null });
    expect(explainFindings(r).find((f) => f.kind === 'municipality')!.en).toBe(
      'Gemeente cannot reach any tech firm and cannot reach any care provider; it reaches 1 of 1 clusters; it sits in cluster 1.',
    );
  });
});

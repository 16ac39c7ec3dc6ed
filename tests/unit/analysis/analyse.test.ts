import { readFileSync } from 'node:fs';
import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { analyseDataset, analyseNetwork, EI_CONVENTION, runStages, STAGES } from '../../../src/analysis/index';
import { findingsOf } from '../../../src/analysis/findings';
import { MAX_NAME_IN_TEXT, nameInText } from '../../../src/graph/labels';
import { generateNationalDataset } from '../../../src/analysis/synthetic';
import type { Dataset } from '../../../src/data/model';
import type { Sector } from '../../../src/data/sectors';
import { createTranslator } from '../../../src/i18n';
import { wordFinding } from '../../../src/i18n/findings';
import { FIXTURES, loadGraph, loadValues } from './helpers';

/* eslint-disable @typescript-eslint/no-explicit-any */

const en = createTranslator('en').t;
const nl = createTranslator('nl').t;

/** sector8 as a Bruggen dataset: 13 projects, 8 organisations, the municipality M as `government`. */
export function sector8Dataset(): Dataset {
  const rows = readFileSync(new URL('sector8_bipartite_edges.csv', FIXTURES), 'utf8').trim().split('\n').slice(1);
  const sectors = new Map(
    readFileSync(new URL('sector8_nodes.csv', FIXTURES), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(',') as [string, string]),
  );
  const names = new Map([
    ['M', 'Gemeente Den Haag'],
    ['T1', 'Techbedrijf Een'],
    ['C1', 'Zorggroep Een'],
  ]);
  const projects = [...new Set(rows.map((r) => r.split(',')[0]!))];
  return {
    name: 'sector8',
    organisations: [...sectors].map(([id, sector]) => ({
      id,
      name: names.get(id) ?? `Org ${id}`,
      sector: (sector === 'municipality' ? 'government' : sector) as Sector,
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

describe('the staged analysis of sector8 (a dataset)', () => {
  const ref = loadValues<any>('sector8');
  const progress: [string, number][] = [];
  const { result, engine, input } = analyseDataset(sector8Dataset(), { k: 3, focal: 'M', onProgress: (s, f) => progress.push([s, f]) });
  const row = (id: string) => result.organisations.find((o) => o.id === id)!;

  it('is plain JSON (no Map/Set/NaN/undefined in arrays) and survives a round trip', () => {
    const text = JSON.stringify(result);
    expect(JSON.parse(text)).toEqual(result);
    expect(text).not.toMatch(/NaN|Infinity/);
  });

  it('organisation rows carry the reference values (NetworkX)', () => {
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
    expect(row('M')).toMatchObject({ name: 'Gemeente Den Haag', sector: 'government', degree: 4, strength: 6, articulationPoint: true, brokerageTotal: 4, component: 1, focalDistance: 0 });
    expect(row('T1').focalDistance).toBe(1);
    expect(result.ties).toHaveLength(12);
    expect(result.ties[0]).toEqual({ source: 'C1', target: 'C2', weight: 1, bridge: false });
    expect(result.cutpoints).toEqual({ articulationPoints: ['M'], bridges: [] });
  });

  it('brokerage between sectors against chance: from the row’s own roles and expectations, and not 1 for everyone', () => {
    const between = (b: { gatekeeper_or_representative: number; liaison: number }) => b.gatekeeper_or_representative + b.liaison;
    const ratios: number[] = [];
    for (const o of result.organisations) {
      const roles = o.brokerage.coordinator + o.brokerage.itinerant + between(o.brokerage);
      expect(o.brokerageExpected).toBeCloseTo(roles, 9);
      const e = o.brokerageExpectedRoles;
      expect(e.coordinator + e.itinerant + between(e)).toBeCloseTo(roles, 9);
      if (between(e) > 0) {
        expect(o.brokerageRatio).toBeCloseTo(between(o.brokerage) / between(e), 12);
        ratios.push(o.brokerageRatio!);
      } else expect(o.brokerageRatio).toBeNull();
    }
    expect(ratios.length).toBeGreaterThan(1);
    expect(ratios.some((x) => Math.abs(x - 1) > 0.01)).toBe(true);
  });

  it('ids that are JavaScript built-ins get the same values as any other id (keys are data)', () => {
    const builtIn = new Map([
      ['M', '__proto__'],
      ['T1', 'constructor'],
      ['C1', 'toString'],
      ['C2', 'valueOf'],
      ['T2', 'hasOwnProperty'],
    ]);
    const renamed = (id: string) => builtIn.get(id) ?? id;
    const d = sector8Dataset();
    const other = analyseDataset(
      { ...d, organisations: d.organisations.map((o) => ({ ...o, id: renamed(o.id) })), participations: d.participations.map((p) => ({ ...p, organisationId: renamed(p.organisationId) })) },
      { k: 3, focal: '__proto__' },
    ).result;
    expect(other.organisations.map((o) => o.id).sort()).toEqual(result.organisations.map((o) => renamed(o.id)).sort());
    for (const o of result.organisations) {
      const x = other.organisations.find((y) => y.id === renamed(o.id))!;
      for (const measure of ['ei', 'constraint', 'effectiveSize', 'betweenness', 'participation', 'strength'] as const) {
        expect(x[measure], `${o.id} ${measure}`).toBeCloseTo(o[measure]!, 12);
      }
      expect(x.brokerage, o.id).toEqual(o.brokerage);
      expect(x.focalDistance, o.id).toBe(o.focalDistance);
    }
  });

  it('mixing: tech and care have no tie, below the two-mode null interval; E–I in Bruggen convention', () => {
    const tc = result.mixing.targetPairs.find((p) => p.a === 'tech' && p.b === 'care')!;
    expect(tc).toMatchObject({ ties: 0, weight: 0, expected: 4, observedOverExpected: 0, missing: true, reason: 'no_ties' });
    // The two-mode null keeps every activity's size and every organisation's participations.
    expect(tc.low!).toBeGreaterThan(0);
    expect(tc.expectedTwoMode!).toBeGreaterThan(tc.low!);
    const tg = result.mixing.targetPairs.find((p) => p.a === 'tech' && p.b === 'government')!;
    expect(tg).toMatchObject({ ties: 2, weight: 3, missing: false, reason: null });
    expect(tg.low!).toBeLessThanOrEqual(2);
    expect(result.mixing.eiConvention).toBe(EI_CONVENTION);
    expect(result.mixing.ei.groupEdgeCount.government).toEqual({ E: 4, I: 0, EI: 1 });
    expect(Math.abs(result.mixing.unweighted.assortativity! - ref.nx_attribute_assortativity_sector)).toBeLessThan(1e-9);
    expect(result.mixing.unweighted.groups.slice(0, 3)).toEqual(['tech', 'care', 'government']);
    expect(result.mixing.unweighted.groupSize.knowledge).toBe(0);
  });

  it('reach between target sectors: within 1 and 2 steps and mean distance', () => {
    const techToCare = result.mixing.reach.find((r) => r.from === 'tech' && r.to === 'care')!;
    expect(techToCare).toEqual({ from: 'tech', to: 'care', size: 4, within1: 0, within2: 2, meanDistance: 2.5, reachable: 4, unreachable: 0 });
    const careToGov = result.mixing.reach.find((r) => r.from === 'care' && r.to === 'government')!;
    expect([careToGov.within1, careToGov.within2, careToGov.meanDistance]).toEqual([2, 3, 4 / 3]);
    expect(result.mixing.reach).toHaveLength(6);
  });

  it('conveners reach every other target organisation with two picks, and say the third adds nothing', () => {
    const c = result.conveners;
    expect(c.picks.map((p) => p.id)).toEqual(['T3', 'C1']);
    expect(c.shortBy).toBe(1);
    // 8 target organisations, the 2 picks not counted: the other 6 are all reached.
    expect(c.reachedTotal).toBe(6);
    expect(c.coverage.map((s) => [s.sector, s.reached, s.total])).toEqual([
      ['tech', 3, 4],
      ['care', 2, 3],
      ['government', 1, 1],
    ]);
    expect(c.allSectorsReached).toBe(true);
    expect(result.conveners.picks.every((p) => p.marginal >= 1)).toBe(true);
  });

  it('suggestions and the focal municipality', () => {
    const techCare = result.suggestions.organisations.find((s) => s.sectors.join() === 'tech,care')!;
    expect(techCare.suggestions[0]).toMatchObject({
      a: { id: 'T1', label: 'Techbedrijf Een', sector: 'tech' },
      b: { id: 'C1', label: 'Zorggroep Een', sector: 'care' },
      commonNeighbours: 1,
      resourceAllocation: 0.25,
    });
    expect(techCare.suggestions[0]!.sharedPartners.map((p) => p.id)).toEqual(['M']);
    const m = result.municipality!;
    expect(m.id).toBe('M');
    expect(m.chains.find((c) => c.sector === 'tech')!.chain.map((s) => s.label)).toEqual(['Gemeente Den Haag', 'Techbedrijf Een']);
    expect(m.sectorDistance.find((d) => d.sector === 'care')!.distance).toBe(1);
    expect(m.clustersReached.length).toBe(m.clustersTotal);
  });

  it('meta: timings per stage, exact betweenness, options; every stage ran once', () => {
    expect(Object.keys(result.meta.timings)).toEqual([...STAGES]);
    expect(result.meta.betweenness).toMatchObject({ estimated: false, samples: 8 });
    expect(result.meta.options).toMatchObject({ k: 3, reachSteps: 1, seed: 42, exactBetweennessMaxNodes: 5000, focal: 'M' });
    expect(result.meta.targets).toEqual(['tech', 'care', 'government']);
    expect(result.meta.organisations).toBe(8);
    expect(result.meta.ties).toBe(12);
    expect(result.meta.louvain.runs).toBeGreaterThan(1);
    expect(Object.values(engine.runs).every((n) => n === 1)).toBe(true);
  });

  // Betweenness is its own stage: other pivots or exact limits recompute it and the suggestions
  // that rank by it, not the components or constraint of the structure stage.
  it('other betweenness settings rerun only betweenness and the suggestions', () => {
    const before = { ...engine.runs };
    const again = runStages(engine, { ...input, exactBetweennessMaxNodes: 2, betweennessSamples: 4 });
    const reran = STAGES.filter((s) => engine.runs[s] !== before[s]);
    expect(reran).toEqual(['betweenness', 'suggestions']);
    expect(again.betweenness!.data.meta).toMatchObject({ estimated: true, samples: 4 });
    expect(again.structure!.data).toBe(runStages(engine, input, ['structure']).structure!.data);
  });

  it('reports progress for every stage, each from its start to its end', () => {
    expect([...new Set(progress.map(([s]) => s))]).toEqual([...STAGES]);
    for (const stage of STAGES) {
      const fractions = progress.filter(([s]) => s === stage).map(([, f]) => f);
      expect([...fractions].sort((a, b) => a - b), stage).toEqual(fractions);
      expect(Math.max(...fractions), stage).toBeLessThanOrEqual(1);
    }
  });

  it('words the key findings in Dutch and English from codes and numbers', () => {
    const f = findingsOf(result);
    const bridge = f.find((x) => x.code === 'no_ties')!;
    expect(bridge).toMatchObject({ a: 'tech', b: 'care' });
    expect(wordFinding(en, bridge, 'en')).toMatch(/^Technology and care have no ties at all; chance would give \d+–\d+: a missing bridge\.$/);
    expect(wordFinding(nl, bridge, 'nl')).toMatch(/^Technologie en zorg hebben geen enkele band; bij toeval zouden het er \d+–\d+ zijn: een ontbrekende brug\.$/);
    const conveners = f.filter((x) => x.code === 'convener');
    expect(conveners).toHaveLength(result.conveners.picks.length);
    expect(wordFinding(en, conveners[1]!, 'en')).toBe(
      '2. Zorggroep Een (Care) links 2 care providers in cluster 1 that no earlier pick reaches; is 1 step from Gemeente Den Haag.',
    );
    expect(wordFinding(nl, conveners[1]!, 'nl')).toBe(
      '2. Zorggroep Een (Zorg en welzijn) verbindt 2 zorgaanbieders in cluster 1 die nog geen eerdere keuze bereikt; staat op 1 stap van Gemeente Den Haag.',
    );
    const focal = f.find((x) => x.code === 'focal')!;
    expect(wordFinding(en, focal, 'en')).toMatch(/^Gemeente Den Haag is directly tied to a tech firm \(Gemeente Den Haag → Techbedrijf Een\) and is directly tied to a care provider/);
    expect(wordFinding(nl, focal, 'nl')).toMatch(/^Gemeente Den Haag werkt rechtstreeks samen met een techbedrijf/);
    expect(f.some((x) => x.code === 'betweenness_estimated')).toBe(false);
  });

  it('writes names of thousands of characters into the findings cut short, at a word, whole names as they are', () => {
    const long = structuredClone(result);
    long.conveners.picks[1]!.label = 'Zorggroep Een '.repeat(1500);
    long.municipality!.label = `Gemeente ${'x'.repeat(20_000)}`;
    long.municipality!.chains[0]!.chain[1]!.label = 'Techbedrijf 😀'.repeat(2000);
    const f = findingsOf(long);
    const convener = f.filter((x) => x.code === 'convener')[1]!;
    const focal = f.find((x) => x.code === 'focal')!;
    const labels = [convener.code === 'convener' && convener.label, focal.code === 'focal' && focal.label, focal.code === 'focal' && focal.chains[0]!.path[1]];
    for (const label of labels) {
      expect(typeof label === 'string' && label.length <= MAX_NAME_IN_TEXT && label.endsWith('…')).toBe(true);
      // Never half of an emoji (a surrogate pair).
      expect(label && /[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(label)).toBe(false);
    }
    expect(labels[0]).toMatch(/^Zorggroep Een Zorggroep Een .* Een…$/);
    expect(wordFinding(en, convener, 'en').length).toBeLessThan(400);
    // Ordinary names are written whole.
    expect(findingsOf(result).filter((x) => x.code === 'convener')[1]).toMatchObject({ label: 'Zorggroep Een' });
    expect(nameInText('Fraunhofer Gesellschaft zur Foerderung der Angewandten Forschung e.V.')).toBe('Fraunhofer Gesellschaft zur Foerderung der Angewandten Forschung e.V.');
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
    // Without a focal organisation there is no municipality view, and the findings say so.
    expect(r.municipality).toBeNull();
    expect(findingsOf(r).find((x) => x.code === 'no_focal')).toEqual({ code: 'no_focal', reason: 'no_focal' });
  });

  it('a synthetic dataset with sampled betweenness says so in meta, with an error, and in words', () => {
    const dataset = generateNationalDataset({ scale: 0.03, seed: 3 });
    const { result: r, network } = analyseDataset(dataset, { exactBetweennessMaxNodes: 100, betweennessSamples: 200, k: 4, reachSteps: 2 });
    expect(r.meta.betweenness.estimated).toBe(true);
    expect(r.meta.betweenness.samples).toBeLessThanOrEqual(200);
    expect(r.conveners.reachSteps).toBe(2);
    expect(r.conveners.picks.length).toBeGreaterThan(0);
    expect(r.conveners.picks.length).toBeLessThanOrEqual(4);
    const method = findingsOf(r).find((x) => x.code === 'betweenness_estimated')!;
    expect(wordFinding(en, method, 'en')).toBe(`Betweenness was estimated from ${r.meta.betweenness.samples} sampled organisations (of ${r.meta.organisations}).`);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
    // Suggested ties are not tied today and share at least one partner.
    const tied = new Set(r.ties.map((t) => `${t.source}\u0000${t.target}`));
    const isTied = (a: string, b: string) => tied.has(`${a}\u0000${b}`) || tied.has(`${b}\u0000${a}`);
    for (const pair of r.suggestions.organisations) {
      for (const s of pair.suggestions) {
        expect(isTied(s.a.id, s.b.id)).toBe(false);
        expect(s.sharedPartners.length).toBeGreaterThan(0);
        for (const p of s.sharedPartners) expect(isTied(s.a.id, p.id) && isTied(s.b.id, p.id)).toBe(true);
      }
    }
    expect(network.organisations.length).toBe(dataset.organisations.length);
  });

  it('accepts a graph where a target sector is absent', () => {
    const graph = loadGraph('karate');
    const r = analyseNetwork(graph, { targets: ['tech', 'care'] });
    expect(r.mixing.targetPairs).toEqual([expect.objectContaining({ a: 'tech', b: 'care', missing: true, reason: 'sector_absent' })]);
    expect(r.municipality).toBeNull();
    expect(r.conveners.picks).toEqual([]);
    const f = findingsOf(r);
    expect(wordFinding(en, f[0]!, 'en')).toBe('There is no organisation from the technology sector in the data, so technology and care cannot be linked.');
  });
});

describe('analyseNetwork on degenerate graphs', () => {
  it('an empty graph gives an empty, valid result', () => {
    const r = analyseNetwork(new Graph({ type: 'undirected' }));
    expect(r.organisations).toEqual([]);
    expect(r.components).toEqual([]);
    expect(r.conveners.picks).toEqual([]);
    expect(r.mixing.targetPairs.every((p) => p.reason === 'sector_absent')).toBe(true);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it('a single government organisation without partners: no ties, null structural holes, never a convener', () => {
    const g = new Graph({ type: 'undirected' });
    g.addNode('gem', { label: 'Gemeente', sector: 'government' });
    const r = analyseNetwork(g, { focal: 'gem' });
    expect(r.organisations[0]).toMatchObject({ degree: 0, betweenness: 0, constraint: null, component: 1, community: 1 });
    // It adds no one: picking it would be advice without content.
    expect(r.conveners.picks).toEqual([]);
    expect(r.conveners.shortBy).toBe(r.conveners.k);
    expect(r.municipality!.chains).toEqual([]);
    expect(wordFinding(en, findingsOf(r).find((f) => f.code === 'focal')!, 'en')).toBe(
      'Gemeente cannot reach any tech firm and cannot reach any care provider; no cluster has at least 3 organisations.',
    );
  });
});

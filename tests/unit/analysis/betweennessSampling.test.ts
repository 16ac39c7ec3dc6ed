/**
 * Betweenness with an error indication: exact mode equals NetworkX and betweenness.ts; sampled
 * mode is within its stated error of the exact values for most organisations, stops when the top
 * ranking settles or at the budget, and is deterministic for a seed.
 */
import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { betweenness } from '../../../src/analysis/betweenness';
import { sampledBetweenness, sampledBetweennessSteps, topNodes } from '../../../src/analysis/betweennessSampling';
import { buildCsr } from '../../../src/analysis/csr';
import { generateNationalDataset } from '../../../src/analysis/synthetic';
import { byId, datasetGraph, expectRecordClose, loadGraph, loadValues, randomGraph } from './helpers';

/* eslint-disable @typescript-eslint/no-explicit-any */

const maxAbsDiff = (a: Float64Array, b: Float64Array) => {
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i]! - b[i]!));
  return max;
};

describe('sampled betweenness: exact mode', () => {
  for (const name of ['multi', 'random300'] as const) {
    it(`equals nx.betweenness_centrality on ${name}, normalised and raw`, () => {
      const ref = loadValues<any>(name);
      const csr = buildCsr(loadGraph(name));
      const norm = sampledBetweenness(csr);
      expect(norm.estimated).toBe(false);
      expect(norm.stop).toBe('exact');
      expect(norm.samples).toBe(csr.n);
      expect(Array.from(norm.stderr).every((x) => x === 0)).toBe(true);
      expectRecordClose(byId(csr.ids, norm.values), ref.unweighted.betweenness_normalized);
      expectRecordClose(byId(csr.ids, sampledBetweenness(csr, { normalized: false }).values), ref.unweighted.betweenness_raw_unordered_pairs);
    });
  }

  it('equals betweenness.ts exact on a 1,500-node graph, summed over several chunks', () => {
    const csr = buildCsr(randomGraph(1500, 6000, 11));
    const r = sampledBetweenness(csr, { exactMaxNodes: Infinity });
    expect(r.batches).toBeGreaterThan(1);
    expect(maxAbsDiff(r.values, betweenness(csr, { exactMaxNodes: Infinity }).values)).toBeLessThan(1e-12);
  });

  it('when sampling reaches every node it is exact, with zero error', () => {
    const csr = buildCsr(loadGraph('random300'));
    const r = sampledBetweenness(csr, { exactMaxNodes: 0, seed: 3 });
    expect(r.stop).toBe('all_pivots');
    expect(r.estimated).toBe(false);
    expect(r.samples).toBe(300);
    expect(maxAbsDiff(r.values, betweenness(csr, { exactMaxNodes: Infinity }).values)).toBeLessThan(1e-12);
    expect(Array.from(r.stderr).every((x) => x === 0)).toBe(true);
  });
});

describe('sampled betweenness: estimate and error', () => {
  // A synthetic care-innovation network (heavy-tailed project sizes and participation), ~2,000
  // organisations: exact takes a second or two, 600 pivots a third of that.
  const csr = buildCsr(datasetGraph(generateNationalDataset({ seed: 7, scale: 0.12 })));
  const exact = betweenness(csr, { exactMaxNodes: Infinity }).values;
  const r = sampledBetweenness(csr, { exactMaxNodes: 0, maxSamples: 600, seed: 42 });

  it('is an estimate with a standard error', () => {
    expect(csr.n).toBeGreaterThan(1500);
    expect(r.estimated).toBe(true);
    expect(r.samples).toBe(600);
    expect(r.stop).toBe('budget');
    for (let i = 0; i < csr.n; i++) expect(r.stderr[i]! >= 0 && Number.isFinite(r.stderr[i]!)).toBe(true);
    // Zero only when every group of pivots gave the same value (e.g. a node whose betweenness is
    // all its pendant leaves', none of them sampled); never for the top brokers.
    for (const i of topNodes(exact, 50)) expect(r.stderr[i]).toBeGreaterThan(0);
  });

  it('is within its stated error of the exact value for most organisations', () => {
    const order = Array.from({ length: csr.n }, (_, i) => i).sort((a, b) => exact[b]! - exact[a]! || a - b);
    const within = (ids: number[], z: number) => ids.filter((i) => Math.abs(r.values[i]! - exact[i]!) <= z * r.stderr[i]! + 1e-15).length / ids.length;
    // Measured for seeds 1–6: 84–85 % within 2 se, 89–91 % within 3 se, top decile 93–97 % within
    // 3 se. Below the normal 95 / 99.7 %: a low-betweenness node owes its value to a few pivots
    // (a skewed distribution), so its error estimate is itself noisy (see the module header).
    expect(within(order, 2)).toBeGreaterThan(0.78);
    expect(within(order, 3)).toBeGreaterThan(0.85);
    expect(within(order.slice(0, Math.ceil(csr.n / 10)), 3)).toBeGreaterThan(0.9);
    // And the estimate is close overall: relative total absolute error.
    let err = 0;
    let total = 0;
    for (let i = 0; i < csr.n; i++) {
      err += Math.abs(r.values[i]! - exact[i]!);
      total += exact[i]!;
    }
    expect(err / total).toBeLessThan(0.15);
  });

  it('is deterministic for a seed', () => {
    const again = sampledBetweenness(csr, { exactMaxNodes: 0, maxSamples: 200, seed: 42 });
    const same = sampledBetweenness(csr, { exactMaxNodes: 0, maxSamples: 200, seed: 42 });
    const other = sampledBetweenness(csr, { exactMaxNodes: 0, maxSamples: 200, seed: 43 });
    expect(Array.from(again.values)).toEqual(Array.from(same.values));
    expect(Array.from(again.stderr)).toEqual(Array.from(same.stderr));
    expect(maxAbsDiff(again.values, other.values)).toBeGreaterThan(0);
  });

  it('stops at the work budget, never below two batches', () => {
    const small = sampledBetweenness(csr, { exactMaxNodes: 0, workBudget: 1, batchSize: 40 });
    expect(small.samples).toBe(80);
    expect(small.batches).toBe(2);
    expect(small.stop).toBe('budget');
  });

  it('yields increasing progress fractions', () => {
    const steps = sampledBetweennessSteps(csr, { exactMaxNodes: 0, maxSamples: 150, seed: 1 });
    const progress: number[] = [];
    let s = steps.next();
    while (!s.done) {
      progress.push(s.value);
      s = steps.next();
    }
    expect(progress.length).toBeGreaterThan(1);
    for (let i = 1; i < progress.length; i++) expect(progress[i]).toBeGreaterThanOrEqual(progress[i - 1]!);
    expect(progress[progress.length - 1]).toBeLessThanOrEqual(1);
    expect(s.value.samples).toBe(150);
  });
});

describe('sampled betweenness: stops when the top ranking settles', () => {
  it('on a graph with a clear hierarchy of hubs it stops after minBatches + stableBatches', () => {
    // Twelve hubs on a path, hub h with 60 + 10 h leaves: the hubs' betweenness differs clearly.
    const g = new Graph({ type: 'undirected' });
    let leaf = 0;
    for (let h = 0; h < 12; h++) {
      g.addNode(`h${String(h).padStart(2, '0')}`);
      if (h > 0) g.addEdge(`h${String(h - 1).padStart(2, '0')}`, `h${String(h).padStart(2, '0')}`);
      for (let k = 0; k < 60 + 10 * h; k++) {
        const id = `l${String(leaf++).padStart(4, '0')}`;
        g.addNode(id);
        g.addEdge(`h${String(h).padStart(2, '0')}`, id);
      }
    }
    const csr = buildCsr(g);
    expect(csr.n).toBe(1392);
    const r = sampledBetweenness(csr, { exactMaxNodes: 0, seed: 5 });
    expect(r.stop).toBe('stable');
    expect(r.samples).toBeLessThanOrEqual(600);
    expect(r.batches).toBeGreaterThanOrEqual(10);
    expect(Array.from(r.top)).toEqual(Array.from(topNodes(betweenness(csr, { exactMaxNodes: Infinity }).values, 10)));
  });

  it('topNodes orders by value, ties by index', () => {
    expect(Array.from(topNodes(Float64Array.from([1, 5, 3, 5, 0, 2]), 3))).toEqual([1, 3, 2]);
    expect(Array.from(topNodes(Float64Array.from([0, 0]), 5))).toEqual([0, 1]);
  });
});

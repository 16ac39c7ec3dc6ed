import { describe, expect, it } from 'vitest';
import { betweenness } from '../../../src/analysis/betweenness';
import { buildCsr } from '../../../src/analysis/csr';
import { randomGraph } from './helpers';

function pearson(x: Float64Array, y: Float64Array): number {
  const n = x.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i]! / n;
    my += y[i]! / n;
  }
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i]! - mx) * (y[i]! - my);
    sxx += (x[i]! - mx) ** 2;
    syy += (y[i]! - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

describe('betweenness: exact and pivot-sampled', () => {
  const graph = randomGraph(1500, 6000, 11);
  const csr = buildCsr(graph);
  const exact = betweenness(csr, { exactMaxNodes: Infinity });

  it('is exact below exactMaxNodes', () => {
    expect(exact.estimated).toBe(false);
    expect(exact.samples).toBe(csr.n);
    const small = betweenness(csr, { exactMaxNodes: csr.n });
    expect(small.estimated).toBe(false);
    expect(Array.from(small.values)).toEqual(Array.from(exact.values));
  });

  it('with samples = n the sampled path equals the exact values', () => {
    const all = betweenness(csr, { exactMaxNodes: 0, samples: csr.n, seed: 5 });
    expect(all.estimated).toBe(false);
    expect(all.samples).toBe(csr.n);
    let max = 0;
    for (let i = 0; i < csr.n; i++) max = Math.max(max, Math.abs(all.values[i]! - exact.values[i]!));
    expect(max).toBeLessThan(1e-12);
  });

  it('with fewer samples it is marked estimated and stays close to the exact values', () => {
    const est = betweenness(csr, { exactMaxNodes: 0, samples: 300, seed: 42 });
    expect(est.estimated).toBe(true);
    expect(est.samples).toBe(300);
    let sumErr = 0;
    let sumExact = 0;
    for (let i = 0; i < csr.n; i++) {
      sumErr += Math.abs(est.values[i]! - exact.values[i]!);
      sumExact += exact.values[i]!;
    }
    // Loose bounds for 300 of 1,500 pivots on a sparse random graph (measured: ~0.22 relative
    // mean absolute error, totals within 0.5 %, correlation ~0.97 for seeds 1, 2, 3, 42).
    expect(sumErr / sumExact).toBeLessThan(0.3);
    let total = 0;
    for (let i = 0; i < csr.n; i++) total += est.values[i]!;
    expect(Math.abs(total - sumExact) / sumExact).toBeLessThan(0.02);
    expect(pearson(est.values, exact.values)).toBeGreaterThan(0.9);
    // Fewer pivots, larger error: 30 pivots are clearly worse than 300.
    const rough = betweenness(csr, { exactMaxNodes: 0, samples: 30, seed: 42 });
    let roughErr = 0;
    for (let i = 0; i < csr.n; i++) roughErr += Math.abs(rough.values[i]! - exact.values[i]!);
    expect(roughErr).toBeGreaterThan(1.5 * sumErr);
  });

  it('is deterministic for a seed and changes with the seed', () => {
    const a = betweenness(csr, { exactMaxNodes: 0, samples: 100, seed: 1 });
    const b = betweenness(csr, { exactMaxNodes: 0, samples: 100, seed: 1 });
    const c = betweenness(csr, { exactMaxNodes: 0, samples: 100, seed: 2 });
    expect(Array.from(a.values)).toEqual(Array.from(b.values));
    expect(Array.from(a.values)).not.toEqual(Array.from(c.values));
  });

  it('reports progress up to 1', () => {
    const seen: number[] = [];
    betweenness(csr, { exactMaxNodes: 0, samples: 100, onProgress: (f) => seen.push(f) });
    expect(seen.length).toBeGreaterThan(10);
    expect(seen[seen.length - 1]).toBe(1);
    expect([...seen].sort((x, y) => x - y)).toEqual(seen);
  });
});

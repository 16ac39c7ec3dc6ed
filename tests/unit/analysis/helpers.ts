import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import Graph from 'graphology';
import { expect } from 'vitest';
import { canonicalGraph } from '../../../src/analysis/clusters';
import type { Csr } from '../../../src/analysis/csr';
import { visibleCsr } from '../../../src/analysis/view';
import type { Dataset } from '../../../src/data/model';
import { everythingVisible } from '../../../src/filters/filters';
import { buildNetwork, sectorCodes } from '../../../src/graph/network';

export const FIXTURES = new URL('../../fixtures/reference/', import.meta.url);
export const TOL = 1e-9;

function readCsv(name: string): string[][] {
  const text = readFileSync(new URL(name, FIXTURES), 'utf8').trim();
  return text
    .split(/\r?\n/)
    .slice(1)
    .map((l) => l.split(','));
}

/** Loads `<name>_edges.csv` and `<name>_nodes.csv` as an undirected graph (group attribute renamed to `sector`). */
export function loadGraph(
  name: string,
  options: { rename?: Record<string, string>; weighted?: boolean } = {},
): Graph {
  const g = new Graph({ type: 'undirected' });
  const nodes = readCsv(`${name}_nodes.csv`).map(([id, group]) => [id!, group!] as const);
  nodes.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  for (const [id, group] of nodes) {
    g.addNode(id, { sector: options.rename?.[group] ?? group, label: `Org ${id}` });
  }
  for (const [s, t, w] of readCsv(`${name}_edges.csv`)) {
    g.addUndirectedEdge(s!, t!, { weight: options.weighted === false ? 1 : Number(w) });
  }
  return g;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function loadValues<T = any>(name: string): T {
  return JSON.parse(readFileSync(new URL(`${name}_values.json`, FIXTURES), 'utf8'))[name] as T;
}

/** Every key of `expected` must be in `actual` and equal within TOL (null must be null). */
export function expectRecordClose(
  actual: Record<string, number | null>,
  expected: Record<string, number | null>,
  tol = TOL,
): void {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  for (const [k, v] of Object.entries(expected)) {
    const a = actual[k];
    if (v === null) {
      expect(a, `key ${k}`).toBeNull();
    } else {
      expect(a, `key ${k}`).not.toBeNull();
      expect(Math.abs((a as number) - v), `key ${k}: ${a} vs ${v}`).toBeLessThanOrEqual(tol);
    }
  }
}

/** Deep comparison where every number is compared within TOL. */
export function expectDeepClose(actual: unknown, expected: unknown, path = '$', tol = TOL): void {
  if (typeof expected === 'number') {
    expect(typeof actual, path).toBe('number');
    expect(Math.abs((actual as number) - expected), `${path}: ${String(actual)} vs ${expected}`).toBeLessThanOrEqual(tol);
    return;
  }
  if (expected === null || typeof expected !== 'object') {
    expect(actual, path).toEqual(expected);
    return;
  }
  if (Array.isArray(expected)) {
    expect(Array.isArray(actual), path).toBe(true);
    expect((actual as unknown[]).length, path).toBe(expected.length);
    expected.forEach((e, i) => expectDeepClose((actual as unknown[])[i], e, `${path}[${i}]`, tol));
    return;
  }
  expect(actual, path).toBeTypeOf('object');
  expect(Object.keys(actual as object).sort(), path).toEqual(Object.keys(expected).sort());
  for (const [k, v] of Object.entries(expected)) {
    expectDeepClose((actual as Record<string, unknown>)[k], v, `${path}.${k}`, tol);
  }
}

/** Float64Array indexed by CSR node index → record keyed by id, NaN → null. */
export function byId(ids: readonly string[], values: ArrayLike<number>): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  ids.forEach((id, i) => {
    const v = values[i]!;
    out[id] = Number.isFinite(v) ? v : null;
  });
  return out;
}

/** Seeded random graph for property and performance tests. */
export function randomGraph(
  n: number,
  m: number,
  seed: number,
  sectors: readonly string[] = ['tech', 'care', 'government', 'knowledge'],
): Graph {
  let a = seed | 0;
  const rnd = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const g = new Graph({ type: 'undirected' });
  const pad = String(n).length;
  for (let i = 0; i < n; i++) {
    g.addNode(`v${String(i).padStart(pad, '0')}`, {
      sector: sectors[Math.floor(rnd() * sectors.length)]!,
      label: `Organisation ${i}`,
    });
  }
  const ids = g.nodes();
  let tries = 0;
  while (g.size < m && tries < m * 20) {
    tries++;
    const u = ids[Math.floor(rnd() * n)]!;
    const v = ids[Math.floor(rnd() * n)]!;
    if (u === v || g.hasEdge(u, v)) continue;
    g.addUndirectedEdge(u, v, { weight: 1 + Math.floor(rnd() * 4) });
  }
  return g;
}

/** The CSR of a dataset's whole network under the default tie rules (what the engine analyses). */
export function datasetCsr(dataset: Dataset): Csr {
  const network = buildNetwork(dataset);
  return visibleCsr(network, everythingVisible(network), sectorCodes(network));
}

/** The same network as a graphology graph (sorted ids as keys), for the functions that take one. */
export function datasetGraph(dataset: Dataset): Graph {
  const graph = canonicalGraph(datasetCsr(dataset));
  const csr = datasetCsr(dataset);
  csr.ids.forEach((id, i) => graph.mergeNodeAttributes(id, { sector: csr.groupNames[csr.group[i]!], label: csr.labels[i] }));
  return graph;
}

/**
 * Rows of two-mode data for property tests: each row's members (organisation indices below
 * `orgs`, in the generated order), whether it is a listing, and how many of its first members are
 * its hubs.
 */
export function twoModeRowsArb(limits: { orgs: number; rowSize: number; hubs: number; rows: number }) {
  return fc.array(
    fc.record({
      members: fc.uniqueArray(fc.integer({ min: 0, max: limits.orgs - 1 }), { minLength: 1, maxLength: limits.rowSize }),
      listing: fc.boolean(),
      hubCount: fc.integer({ min: 0, max: limits.hubs }),
    }),
    { minLength: 1, maxLength: limits.rows },
  );
}

import { readFileSync } from 'node:fs';
import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import { describe, expect, it } from 'vitest';
import {
  adjustedRandIndex,
  AWAITING_ELSEWHERE,
  communityStability,
  consensusCommunities,
  consensusCommunitySteps,
  louvainRuns,
  louvainView,
  modularity,
  splitIntoComponents,
  type LouvainElsewhere,
} from '../../../src/analysis/communities';
import { buildCsr, type Csr } from '../../../src/analysis/csr';
import { mulberry32 } from '../../../src/analysis/prng';
import { cordisNetwork, readSc1, renamedRows } from './cordisData';
import { FIXTURES, loadGraph, randomGraph } from './helpers';

interface Fixture {
  modularity: { graph: string; partition: string; resolution: number; labels: Record<string, number>; value: number }[];
  ari: { a: number[]; b: number[]; value: number }[];
}
const fixture = JSON.parse(readFileSync(new URL('communities_values.json', FIXTURES), 'utf8')) as Fixture;

/** True when the members of every community induce a connected subgraph (independent BFS). */
function everyCommunityConnected(csr: Csr, of: Int32Array, count: number): boolean {
  const members: number[][] = Array.from({ length: count }, () => []);
  for (let i = 0; i < csr.n; i++) members[of[i]!]!.push(i);
  for (const list of members) {
    if (list.length === 0) return false;
    const seen = new Set<number>([list[0]!]);
    const stack = [list[0]!];
    while (stack.length > 0) {
      const x = stack.pop()!;
      for (let p = csr.offsets[x]!; p < csr.offsets[x + 1]!; p++) {
        const y = csr.targets[p]!;
        if (of[y] === of[x] && !seen.has(y)) {
          seen.add(y);
          stack.push(y);
        }
      }
    }
    if (seen.size !== list.length) return false;
  }
  return true;
}

describe('modularity', () => {
  it('equals networkx.community.modularity (weighted, resolutions 1, 0.5, 2) on every fixture partition', () => {
    expect(fixture.modularity.length).toBeGreaterThanOrEqual(45);
    for (const entry of fixture.modularity) {
      const csr = buildCsr(loadGraph(entry.graph));
      const of = Int32Array.from(csr.ids, (id) => entry.labels[id]!);
      const q = modularity(csr, of, entry.resolution);
      expect(Math.abs(q! - entry.value), `${entry.graph} ${entry.partition} γ=${entry.resolution}`).toBeLessThan(1e-9);
    }
  });

  it('is null without ties', () => {
    const g = new Graph({ type: 'undirected' });
    g.addNode('a');
    g.addNode('b');
    expect(modularity(buildCsr(g), new Int32Array([0, 1]))).toBeNull();
  });
});

describe('adjustedRandIndex', () => {
  it("reproduces scikit-learn's documented examples (checked by hand)", () => {
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 0, 1, 1])).toBe(1);
    expect(adjustedRandIndex([0, 0, 1, 1], [1, 1, 0, 0])).toBe(1);
    expect(adjustedRandIndex([0, 0, 1, 2], [0, 0, 1, 1])).toBeCloseTo(4 / 7, 12);
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 0, 1, 2])).toBeCloseTo(4 / 7, 12);
    expect(adjustedRandIndex([0, 0, 0, 0], [0, 1, 2, 3])).toBe(0);
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 1, 0, 1])).toBeCloseTo(-0.5, 12);
    expect(adjustedRandIndex([3], [7])).toBe(1);
    expect(adjustedRandIndex([0, 1, 2], [5, 6, 7])).toBe(1);
  });

  it('equals the Python reference on random labelings (any integer labels)', () => {
    for (const { a, b, value } of fixture.ari) {
      expect(Math.abs(adjustedRandIndex(a, b) - value)).toBeLessThan(1e-9);
      expect(Math.abs(adjustedRandIndex(b, a) - value)).toBeLessThan(1e-9);
    }
  });
});

describe('louvainView (the adapter the library runs on)', () => {
  it('gives exactly the partition of a real graphology Graph built in the same node order', () => {
    for (const [name, seeds] of [['karate', [1, 2, 3]], ['random300', [4, 5]]] as const) {
      const csr = buildCsr(loadGraph(name));
      const keys = csr.ids.map((_, i) => String(i));
      for (const seed of seeds) {
        const rng = mulberry32(seed * 77);
        const order = Int32Array.from(keys, (_, i) => i).sort((x, y) => ((x * 2654435761 + seed) >>> 0) % 1000 - ((y * 2654435761 + seed) >>> 0) % 1000 || x - y);
        const g = new Graph({ type: 'undirected' });
        for (const p of order) g.addNode(keys[p]!);
        for (let e = 0; e < csr.m; e++) g.addUndirectedEdge(keys[csr.edgeU[e]!]!, keys[csr.edgeV[e]!]!, { weight: csr.edgeW[e]! });
        const real = louvain(g, { rng, getEdgeWeight: 'weight' });
        const view = louvainView({ n: csr.n, m: csr.m, u: csr.edgeU, v: csr.edgeV, w: csr.edgeW }, order);
        const viaView = louvain(view as unknown as Graph, {
          rng: mulberry32(seed * 77),
          getEdgeWeight: ((edge: number) => csr.edgeW[edge]!) as unknown as 'weight',
        });
        expect(viaView, `${name} seed ${seed}`).toEqual(real);
      }
    }
  });
});

describe('splitIntoComponents', () => {
  it('splits a community made of two pieces and leaves connected ones alone', () => {
    const g = new Graph({ type: 'undirected' });
    for (const id of ['a', 'b', 'c', 'd', 'e', 'f']) g.addNode(id);
    g.addUndirectedEdge('a', 'b');
    g.addUndirectedEdge('b', 'c');
    g.addUndirectedEdge('d', 'e');
    g.addUndirectedEdge('c', 'd');
    const csr = buildCsr(g);
    // community 0 = {a, b, d, e}: a–b and d–e are not tied inside it; community 1 = {c}; f alone in 2
    const { labels, split } = splitIntoComponents(csr, [0, 0, 1, 0, 0, 2]);
    expect(split).toBe(1);
    expect(labels[0]).toBe(labels[1]);
    expect(labels[3]).toBe(labels[4]);
    expect(labels[0]).not.toBe(labels[3]);
    expect(new Set(labels).size).toBe(4);
  });
});

describe('communityStability', () => {
  it('equals the mean co-assignment over all member pairs, enumerated', () => {
    const rng = mulberry32(11);
    for (let t = 0; t < 20; t++) {
      const n = 2 + Math.floor(rng() * 40);
      const count = 1 + Math.floor(rng() * 6);
      const of = Int32Array.from({ length: n }, (_, i) => (i < count ? i : Math.floor(rng() * count)));
      const runs = Array.from({ length: 1 + Math.floor(rng() * 5) }, () =>
        Int32Array.from({ length: n }, () => Math.floor(rng() * 4) * 10),
      );
      const got = communityStability(of, count, runs);
      for (let c = 0; c < count; c++) {
        let pairs = 0;
        let sum = 0;
        for (let i = 0; i < n; i++)
          for (let j = i + 1; j < n; j++) {
            if (of[i] !== c || of[j] !== c) continue;
            pairs++;
            for (const r of runs) if (r[i] === r[j]) sum += 1 / runs.length;
          }
        if (pairs === 0) expect(got[c]).toBeNull();
        else expect(Math.abs(got[c]! - sum / pairs)).toBeLessThan(1e-12);
      }
    }
  });
});

describe('consensusCommunities', () => {
  it('never returns a disconnected community, numbers by size then smallest member, and is deterministic', () => {
    for (let s = 0; s < 8; s++) {
      const csr = buildCsr(randomGraph(60 + 20 * s, 90 + 25 * s, 100 + s));
      const r = consensusCommunities(csr, { seed: s, runs: 8 });
      expect(everyCommunityConnected(csr, r.of, r.count)).toBe(true);
      const first = new Int32Array(r.count).fill(-1);
      for (let i = 0; i < csr.n; i++) if (first[r.of[i]!] === -1) first[r.of[i]!] = i;
      for (let c = 1; c < r.count; c++) {
        const a = r.communities[c - 1]!;
        const b = r.communities[c]!;
        expect(a.size > b.size || (a.size === b.size && first[c - 1]! < first[c]!)).toBe(true);
      }
      expect(r.communities.map((c) => c.id)).toEqual(Array.from({ length: r.count }, (_, i) => i + 1));
      expect(consensusCommunities(csr, { seed: s, runs: 8 }).of).toEqual(r.of);
      expect(r.modularity).toBeCloseTo(modularity(csr, r.of, 1)!, 12);
      for (const c of r.communities) {
        if (c.size === 1) expect(c.stability).toBeNull();
        else expect(c.stability! >= 0 && c.stability! <= 1).toBe(true);
      }
    }
  });

  it('reports modularity at the chosen resolution and at 1', () => {
    const csr = buildCsr(loadGraph('karate'));
    const r = consensusCommunities(csr, { resolution: 2, seed: 3 });
    expect(r.resolution).toBe(2);
    expect(r.modularity).toBeCloseTo(modularity(csr, r.of, 2)!, 12);
    expect(r.modularityAt1).toBeCloseTo(modularity(csr, r.of, 1)!, 12);
    expect(r.count).toBeGreaterThan(consensusCommunities(csr, { seed: 3 }).count);
  });

  it('keeps isolates and tie-less graphs as single-member communities', () => {
    const csr = buildCsr(loadGraph('multi'));
    const r = consensusCommunities(csr, { seed: 1 });
    const z = [csr.index.get('z01')!, csr.index.get('z02')!];
    for (const i of z) expect(r.communities[r.of[i]!]!.size).toBe(1);
    const g = new Graph({ type: 'undirected' });
    for (const id of ['c', 'a', 'b']) g.addNode(id);
    const empty = consensusCommunities(buildCsr(g));
    expect(Array.from(empty.of)).toEqual([0, 1, 2]);
    expect(empty.modularity).toBeNull();
    expect(empty.totalRuns).toBe(1);
  });

  it('is a generator of non-decreasing progress fractions ending at 1, with the same result', () => {
    const csr = buildCsr(loadGraph('random300'));
    const steps = consensusCommunitySteps(csr, { seed: 5 });
    const fractions: number[] = [];
    let step = steps.next();
    while (!step.done) {
      fractions.push(step.value);
      step = steps.next();
    }
    expect(fractions.length).toBe(step.value.totalRuns);
    for (let i = 1; i < fractions.length; i++) expect(fractions[i]!).toBeGreaterThanOrEqual(fractions[i - 1]!);
    expect(fractions[0]!).toBeGreaterThan(0);
    expect(fractions[fractions.length - 1]).toBe(1);
    expect(step.value.of).toEqual(consensusCommunities(csr, { seed: 5 }).of);
  });

  it('with half (or another share) of the first round run elsewhere, gives the same result; runs them here when that fails', () => {
    const csr = buildCsr(loadGraph('random300'));
    const alone = consensusCommunities(csr, { seed: 9 });
    for (const [outcome, share] of [['done', undefined], ['failed', undefined], ['done', 0.4], ['done', 1]] as const) {
      const asked: number[][] = [];
      // Elsewhere answers after three polls (as another worker would, later).
      const elsewhere: LouvainElsewhere = (edges, seeds, options) => {
        asked.push([...seeds]);
        let polls = 0;
        return () => (++polls < 3 ? null : outcome === 'failed' ? 'failed' : louvainRuns(edges, seeds, options));
      };
      const steps = consensusCommunitySteps(csr, { seed: 9, elsewhere, ...(share === undefined ? {} : { elsewhereShare: share }) });
      let waits = 0;
      let step = steps.next();
      while (!step.done) {
        if (step.value === AWAITING_ELSEWHERE) waits++;
        step = steps.next();
      }
      expect(step.value, outcome).toEqual(alone);
      expect(asked).toHaveLength(1);
      expect(asked[0]).toHaveLength(Math.ceil(alone.runsPerRound[0]! * (share ?? 0.5)));
      expect(waits).toBe(2);
    }
  });

  it("with every round's share run elsewhere, gives the same result and asks once per round", () => {
    const csr = buildCsr(loadGraph('random300'));
    const alone = consensusCommunities(csr, { seed: 9 });
    expect(alone.runsPerRound.length).toBeGreaterThan(1);
    const asked: number[][] = [];
    const elsewhere: LouvainElsewhere = (edges, seeds, options) => {
      asked.push([...seeds]);
      return () => louvainRuns(edges, seeds, options);
    };
    const steps = consensusCommunitySteps(csr, { seed: 9, elsewhere, elsewhereEveryRound: true });
    let step = steps.next();
    while (!step.done) step = steps.next();
    expect(step.value).toEqual(alone);
    expect(asked.map((seeds) => seeds.length)).toEqual(alone.runsPerRound.map((np) => Math.ceil(np / 2)));
  });

  it('spends more runs on a small graph than on a big one (work budget)', () => {
    const small = consensusCommunities(buildCsr(loadGraph('karate')), { seed: 1 });
    expect(small.runsPerRound[0]).toBe(64);
    // random300: 300 nodes + 900 ties = 1,200 per run; the first round may spend 60% of the budget.
    const csr = buildCsr(loadGraph('random300'));
    expect(csr.n + csr.m).toBe(1200);
    const mid = consensusCommunities(csr, { seed: 1, workBudget: 24_000 });
    expect(mid.runsPerRound[0]).toBe(12);
    expect(mid.work).toBeLessThanOrEqual(24_000 + 1200);
    const tight = consensusCommunities(csr, { seed: 1, workBudget: 3_000 });
    expect(tight.runsPerRound).toEqual([4]); // the minimum, then nothing left for a second round
    expect(tight.totalRuns).toBe(5);
  });
});

describe('consensus on the real CORDIS SC1 subset (target)', () => {
  const rows = readSc1();
  const base = cordisNetwork(rows);
  const original = consensusCommunities(base.csr, { seed: 1 });

  it('renaming every PIC and shuffling the rows gives a partition with ARI ≥ 0.8 to the original', () => {
    const { rows: shuffled, rename } = renamedRows(rows, 2024);
    const other = cordisNetwork(shuffled);
    expect(other.csr.ids).not.toEqual(base.csr.ids);
    const again = consensusCommunities(other.csr, { seed: 1 });
    const aligned = Int32Array.from(base.csr.ids, (id) => again.of[other.csr.index.get(rename.get(id)!)!]!);
    expect(adjustedRandIndex(original.of, aligned)).toBeGreaterThanOrEqual(0.8);
  }, 60_000);

  it('has no disconnected community and a modularity close to a single Louvain run', () => {
    expect(everyCommunityConnected(base.csr, original.of, original.count)).toBe(true);
    expect(original.modularity!).toBeGreaterThan(0.35);
  });
});

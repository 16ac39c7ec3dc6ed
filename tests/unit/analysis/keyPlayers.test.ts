import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { buildCsr, csrFromSortedEdges, type Csr } from '../../../src/analysis/csr';
import { convenerRobustness, convenerRobustnessSteps, convenersUnderOtherRules, selectKeyPlayers } from '../../../src/analysis/keyPlayers';
import { mulberry32 } from '../../../src/analysis/prng';
import { projectVisibleIncidence, type VisibleIncidence } from '../../../src/analysis/view';
import { cordisNetwork, readSc1 } from './cordisData';

const TARGETS = ['tech', 'care', 'government'];
const SECTORS = ['tech', 'care', 'government', 'knowledge'];

// ---- An independent reference: plain BFS and set counting, no shared code with the module ----

function adjacency(csr: Csr): number[][] {
  const adj: number[][] = Array.from({ length: csr.n }, () => []);
  for (let e = 0; e < csr.m; e++) {
    adj[csr.edgeU[e]!]!.push(csr.edgeV[e]!);
    adj[csr.edgeV[e]!]!.push(csr.edgeU[e]!);
  }
  return adj;
}

/** The reached target organisations of a set: within m hops of a member, members excluded. */
function reachedSet(csr: Csr, adj: number[][], set: readonly number[], m: number, targets: readonly string[]): Set<number> {
  const dist = new Map<number, number>();
  let frontier = [...set];
  for (const s of set) dist.set(s, 0);
  for (let d = 1; d <= m; d++) {
    const next: number[] = [];
    for (const x of frontier)
      for (const y of adj[x]!)
        if (!dist.has(y)) {
          dist.set(y, d);
          next.push(y);
        }
    frontier = next;
  }
  const out = new Set<number>();
  for (const [x] of dist) if (!set.includes(x) && targets.includes(csr.groupNames[csr.group[x]!]!)) out.add(x);
  return out;
}

const f = (csr: Csr, adj: number[][], set: readonly number[], m: number, targets = TARGETS) => reachedSet(csr, adj, set, m, targets).size;

function subsets(n: number, k: number, visit: (s: number[]) => void, start = 0, acc: number[] = []): void {
  if (acc.length > 0) visit(acc);
  if (acc.length === k) return;
  for (let i = start; i < n; i++) {
    acc.push(i);
    subsets(n, k, visit, i + 1, acc);
    acc.pop();
  }
}

function randomCsr(n: number, p: number, seed: number, isolates = 0): Csr {
  const rng = mulberry32(seed);
  const g = new Graph({ type: 'undirected' });
  const ids = Array.from({ length: n }, (_, i) => `o${String(i).padStart(2, '0')}`);
  for (const id of ids) g.addNode(id, { sector: SECTORS[Math.floor(rng() * SECTORS.length)]! });
  for (let i = 0; i < n - isolates; i++)
    for (let j = i + 1; j < n - isolates; j++) if (rng() < p) g.addUndirectedEdge(ids[i]!, ids[j]!);
  return buildCsr(g, { groupOrder: SECTORS, includeGroups: SECTORS });
}

/** Naive greedy that re-scores every node each round with the reference f and the documented tie-breaks. */
function naiveGreedy(csr: Csr, adj: number[][], k: number, m: number, community: Int32Array): number[] {
  const set: number[] = [];
  const keyOf = (s: number[]) => {
    const r = reachedSet(csr, adj, s, m, TARGETS);
    const sectors = new Set([...r].map((x) => csr.group[x]!)).size;
    const communities = new Set([...r].map((x) => community[x]!)).size;
    return [r.size, sectors, communities];
  };
  while (set.length < k) {
    const base = keyOf(set)[0]!;
    let best = -1;
    let bestKey: number[] = [];
    for (let v = 0; v < csr.n; v++) {
      if (set.includes(v)) continue;
      const key = [...keyOf([...set, v]), csr.degree[v]!];
      if (key[0]! <= base) continue;
      let better = best < 0;
      for (let i = 0; !better && i < key.length; i++) {
        if (key[i] !== bestKey[i]) {
          better = key[i]! > bestKey[i]!;
          break;
        }
      }
      if (better) {
        best = v;
        bestKey = key;
      }
    }
    if (best < 0) break;
    set.push(best);
  }
  return set;
}

describe('selectKeyPlayers against brute force', () => {
  it('greedy + swap reaches ≥ 0.95 of the optimum on average and never picks a node that adds nothing', () => {
    const ratios: number[] = [];
    let cases = 0;
    for (let s = 0; s < 160; s++) {
      const rng = mulberry32(9000 + s);
      const n = 8 + Math.floor(rng() * 7);
      const csr = randomCsr(n, 0.12 + rng() * 0.2, 500 + s, s % 4 === 0 ? 2 : 0);
      const adj = adjacency(csr);
      const k = 1 + Math.floor(rng() * 4);
      const m = s % 2 === 0 ? 1 : 2;
      let opt = 0;
      subsets(csr.n, k, (set) => {
        opt = Math.max(opt, f(csr, adj, set, m));
      });
      const r = selectKeyPlayers(csr, { k, reachSteps: m as 1 | 2, targets: TARGETS });
      const set = r.picks.map((p) => p.node);
      const got = f(csr, adj, set, m);
      expect(r.reachedTotal).toBe(got);
      expect(r.picks.length + r.shortBy).toBe(k);
      // No pick adds nothing: each gains ≥ 1 after the earlier ones and is missed without it.
      for (const p of r.picks) {
        expect(p.gain).toBeGreaterThanOrEqual(1);
        expect(got - f(csr, adj, set.filter((x) => x !== p.node), m)).toBe(p.marginal);
        expect(p.marginal).toBeGreaterThanOrEqual(1);
        expect(csr.degree[p.node]).toBeGreaterThan(0);
      }
      // Fewer than k only when no other organisation would add anything.
      if (r.shortBy > 0) for (let v = 0; v < csr.n; v++) if (!set.includes(v)) expect(f(csr, adj, [...set, v], m)).toBeLessThanOrEqual(got);
      if (opt > 0) {
        ratios.push(got / opt);
        cases++;
      } else expect(r.picks).toEqual([]);
    }
    const mean = ratios.reduce((a, b) => a + b, 0) / ratios.length;
    expect(cases).toBeGreaterThan(120);
    expect(mean).toBeGreaterThanOrEqual(0.95);
    expect(Math.min(...ratios)).toBeGreaterThan(0.5);
  });

  it('without swaps equals a naive greedy that re-scores everyone with the documented tie-breaks', () => {
    for (let s = 0; s < 60; s++) {
      const csr = randomCsr(12 + (s % 10), 0.15, 700 + s, 1);
      const adj = adjacency(csr);
      const community = Int32Array.from({ length: csr.n }, (_, i) => (i * 7 + s) % 4);
      const m = s % 2 === 0 ? 1 : 2;
      const k = 1 + (s % 5);
      const r = selectKeyPlayers(csr, { k, reachSteps: m as 1 | 2, targets: TARGETS, community, swaps: false });
      const naive = naiveGreedy(csr, adj, k, m, community);
      expect(r.greedyPicks, `case ${s}`).toEqual(naive);
      expect(r.greedyReached).toBe(f(csr, adj, naive, m));
      expect(r.swapCount).toBe(0);
      // A greedy pick that later picks made redundant is dropped and the greedy step refills.
      const set = r.picks.map((p) => p.node);
      if (set.length === naive.length && set.every((x) => naive.includes(x))) {
        expect(r.picks.map((p) => p.node)).toEqual(naive);
        expect(r.reachedTotal).toBe(r.greedyReached);
      } else {
        expect(r.reachedTotal).toBeGreaterThanOrEqual(r.greedyReached);
      }
      for (const p of r.picks) expect(p.marginal).toBeGreaterThanOrEqual(1);
    }
  });
});

/** A graph from an edge list "a-b" with sectors per id. */
function graphOf(sectors: Record<string, string>, edges: string[]): Csr {
  const g = new Graph({ type: 'undirected' });
  for (const id of Object.keys(sectors).sort()) g.addNode(id, { sector: sectors[id] });
  for (const e of edges) {
    const [a, b] = e.split('-');
    g.addUndirectedEdge(a!, b!);
  }
  return buildCsr(g, { groupOrder: SECTORS, includeGroups: SECTORS });
}

describe('selectKeyPlayers: tie-breaks', () => {
  it('equal gain: more new target sectors wins over degree', () => {
    // A reaches two tech organisations (and two knowledge ones: higher degree); B one tech, one care.
    const csr = graphOf(
      { A: 'knowledge', B: 'knowledge', t1: 'tech', t2: 'tech', t3: 'tech', c1: 'care', k1: 'knowledge', k2: 'knowledge' },
      ['A-t1', 'A-t2', 'A-k1', 'A-k2', 'B-t3', 'B-c1'],
    );
    const r = selectKeyPlayers(csr, { k: 1, targets: TARGETS });
    expect(r.picks.map((p) => p.id)).toEqual(['B']);
    expect(r.picks[0]!.newSectors).toEqual([0, 1]);
  });

  it('equal gain and sectors: more new communities wins over degree', () => {
    const csr = graphOf(
      { A: 'knowledge', B: 'knowledge', c1: 'care', c2: 'care', c3: 'care', c4: 'care', k1: 'knowledge' },
      ['A-c1', 'A-c2', 'A-k1', 'B-c3', 'B-c4'],
    );
    // communities by node index (ids sorted: A, B, c1, c2, c3, c4, k1): c1, c2 together; c3, c4 apart
    const community = new Int32Array([0, 0, 1, 1, 2, 3, 0]);
    const r = selectKeyPlayers(csr, { k: 1, targets: TARGETS, community });
    expect(r.picks.map((p) => p.id)).toEqual(['B']);
    expect(r.picks[0]!.communitiesReached).toEqual([2, 3]);
    expect(r.picks[0]!.newCommunities).toEqual([2, 3]);
    // Without communities, the higher degree decides.
    expect(selectKeyPlayers(csr, { k: 1, targets: TARGETS }).picks[0]!.id).toBe('A');
  });

  it('then the higher degree, then the smallest id', () => {
    const csr = graphOf(
      { A: 'knowledge', B: 'knowledge', C: 'knowledge', c1: 'care', c2: 'care', c3: 'care', k1: 'knowledge' },
      ['A-c1', 'B-c2', 'B-k1', 'C-c3'],
    );
    const r = selectKeyPlayers(csr, { k: 3, targets: TARGETS });
    expect(r.picks.map((p) => p.id)).toEqual(['B', 'A', 'C']);
  });
});

describe('selectKeyPlayers: what is counted', () => {
  it('does not count the picks themselves, and never picks a node that only loses its own count', () => {
    const csr = graphOf({ h: 'tech', a: 'tech', b: 'tech', c: 'tech' }, ['h-a', 'h-b', 'h-c']);
    const r = selectKeyPlayers(csr, { k: 2, targets: TARGETS });
    expect(r.picks.map((p) => p.id)).toEqual(['h']);
    expect(r.reachedTotal).toBe(3);
    expect(r.shortBy).toBe(1);
  });

  it('never picks an isolate, returns nothing for a graph without ties', () => {
    const csr = graphOf({ a: 'tech', b: 'care', c: 'government', z: 'knowledge' }, ['a-b']);
    const r = selectKeyPlayers(csr, { k: 4, targets: TARGETS, reachSteps: 2 });
    expect(r.picks.map((p) => p.id)).toEqual(['a', 'b'].slice(0, r.picks.length));
    for (const p of r.picks) expect(['c', 'z']).not.toContain(p.id);
    const empty = graphOf({ a: 'tech', b: 'care' }, []);
    const e = selectKeyPlayers(empty, { k: 3, targets: TARGETS });
    expect(e.picks).toEqual([]);
    expect(e.shortBy).toBe(3);
    expect(e.reachedTotal).toBe(0);
    expect(e.allSectorsReached).toBe(false);
  });

  it('swaps out of the classic greedy trap (max coverage)', () => {
    // X covers t1..t4; Y covers t1, t3, t5; Z covers t2, t4, t6. Greedy: X then Y = 5; optimum {Y, Z} = 6.
    const sectors: Record<string, string> = { X: 'knowledge', Y: 'knowledge', Z: 'knowledge' };
    for (let i = 1; i <= 6; i++) sectors[`t${i}`] = 'care';
    const csr = graphOf(sectors, ['X-t1', 'X-t2', 'X-t3', 'X-t4', 'Y-t1', 'Y-t3', 'Y-t5', 'Z-t2', 'Z-t4', 'Z-t6']);
    const greedy = selectKeyPlayers(csr, { k: 2, targets: TARGETS, swaps: false });
    expect(greedy.picks.map((p) => p.id)).toEqual(['X', 'Y']);
    expect(greedy.reachedTotal).toBe(5);
    const r = selectKeyPlayers(csr, { k: 2, targets: TARGETS });
    expect(r.greedyReached).toBe(5);
    expect(r.swapCount).toBe(1);
    expect(r.reachedTotal).toBe(6);
    expect(r.picks.map((p) => p.id).sort()).toEqual(['Y', 'Z']);
  });

  it('drops a greedy pick that later picks made redundant (it would add nothing) and says the set is short', () => {
    // A covers t1..t4; B covers t1, t2, t5; C covers t3, t4, t6. Greedy: A, B, C; then A adds nothing.
    const sectors: Record<string, string> = { A: 'knowledge', B: 'knowledge', C: 'knowledge' };
    for (let i = 1; i <= 6; i++) sectors[`t${i}`] = 'care';
    const csr = graphOf(sectors, ['A-t1', 'A-t2', 'A-t3', 'A-t4', 'B-t1', 'B-t2', 'B-t5', 'C-t3', 'C-t4', 'C-t6']);
    for (const swaps of [false, true]) {
      const r = selectKeyPlayers(csr, { k: 3, targets: TARGETS, swaps });
      expect(r.greedyPicks.map((v) => csr.ids[v])).toEqual(['A', 'B', 'C']);
      expect(r.picks.map((p) => p.id)).toEqual(['B', 'C']);
      expect(r.shortBy).toBe(1);
      expect(r.reachedTotal).toBe(6);
      expect(r.picks.map((p) => p.marginal)).toEqual([3, 3]);
    }
  });

  it('reports distinct reach, per-sector coverage and the per-pick additions consistently', () => {
    for (let s = 0; s < 30; s++) {
      const csr = randomCsr(40, 0.06, 40 + s, 3);
      const adj = adjacency(csr);
      const community = Int32Array.from({ length: csr.n }, (_, i) => i % 5);
      const m = (1 + (s % 2)) as 1 | 2;
      const r = selectKeyPlayers(csr, { k: 4, reachSteps: m, targets: TARGETS, community });
      const set = r.picks.map((p) => p.node);
      const reached = reachedSet(csr, adj, set, m, TARGETS);
      expect(r.reachedTotal).toBe(reached.size);
      expect(r.targets).toEqual(TARGETS);
      let sectorsReached = 0;
      r.coverage.forEach((c, t) => {
        expect(c.sector).toBe(TARGETS[t]);
        expect(c.group).toBe(csr.groupNames.indexOf(TARGETS[t]!));
        const total = Array.from(csr.group).filter((g) => g === c.group).length;
        const got = [...reached].filter((x) => csr.group[x] === c.group).length;
        expect(c.total).toBe(total);
        expect(c.reached).toBe(got);
        expect(c.fraction).toBe(total > 0 ? got / total : null);
        if (got > 0) sectorsReached++;
      });
      expect(r.sectorsReached).toBe(sectorsReached);
      expect(r.sectorsReachedFraction).toBe(sectorsReached / 3);
      expect(r.allSectorsReached).toBe(sectorsReached === 3);
      expect(r.targetTotal).toBe(Array.from(csr.group).filter((g) => TARGETS.includes(csr.groupNames[g]!)).length);
      // Per pick: cumulative reach = reference f of the prefix; additions add up.
      let sum = 0;
      r.picks.forEach((p, i) => {
        const prefix = set.slice(0, i + 1);
        expect(p.cumulativeReached).toBe(f(csr, adj, prefix, m));
        expect(p.gain).toBe(p.newlyReachedTotal - (p.wasReached ? 1 : 0));
        expect(p.newlyReached.reduce((a, b) => a + b, 0)).toBe(p.newlyReachedTotal);
        expect(p.rank).toBe(i + 1);
        sum += p.gain;
      });
      expect(sum).toBe(r.reachedTotal);
    }
  });

  it('treats target names that are not groups of the graph as unreachable sectors', () => {
    const csr = graphOf({ a: 'tech', b: 'care' }, ['a-b']);
    const r = selectKeyPlayers(csr, { k: 1, targets: ['tech', 'care', 'unknown'] });
    expect(r.coverage[2]).toEqual({ sector: 'unknown', group: -1, total: 0, reached: 0, fraction: null });
    expect(r.allSectorsReached).toBe(false);
    expect(r.sectorsReachedFraction).toBeCloseTo(1 / 3, 12);
  });
});

/** Two-mode data from rows of member indices (no listings). */
function incidence(n: number, rows: number[][]): VisibleIncidence {
  const offsets = [0];
  const members: number[] = [];
  for (const r of rows) {
    members.push(...[...r].sort((a, b) => a - b));
    offsets.push(members.length);
  }
  return {
    n,
    activity: Int32Array.from(rows, (_, i) => i),
    memberOffsets: Int32Array.from(offsets),
    members: Int32Array.from(members),
    hub: new Uint8Array(members.length),
    listing: new Uint8Array(rows.length),
  };
}

function csrOf(vi: VisibleIncidence, groups: number[]): Csr {
  const ids = groups.map((_, i) => `n${String(i).padStart(2, '0')}`);
  const { edgeU, edgeV, edgeW } = projectVisibleIncidence(vi, 'shared');
  return csrFromSortedEdges({ ids, labels: ids, group: Int32Array.from(groups), groupNames: SECTORS, edgeU, edgeV, edgeW });
}

describe('convenerRobustness', () => {
  // Node 0 (knowledge) takes part in every activity; nodes 1..9 are tech/care/government; 10 has none.
  const groups = [3, 0, 1, 2, 0, 1, 2, 0, 1, 2, 3];
  const rows = [
    [0, 1, 2],
    [0, 3, 4],
    [0, 5, 6],
    [0, 7, 8],
    [0, 9],
  ];
  const vi = incidence(groups.length, rows);
  const csr = csrOf(vi, groups);

  it('an organisation in every activity is chosen in every resample', () => {
    const r = convenerRobustness(csr, vi, { k: 1, targets: TARGETS, bootstraps: 40, seed: 3 });
    expect(r.original.picks.map((p) => p.id)).toEqual(['n00']);
    expect(r.picks).toEqual([{ node: 0, id: 'n00', rank: 1, fraction: 1 }]);
    expect(r.meanOverlap).toBe(1);
    expect(r.alternates).toEqual([]);
  });

  it('is seeded, yields one progress step per resample, and reports fractions in [0, 1]', () => {
    const options = { k: 3, targets: TARGETS, bootstraps: 25, seed: 8 };
    const steps = convenerRobustnessSteps(csr, vi, options);
    const fractions: number[] = [];
    let s = steps.next();
    while (!s.done) {
      fractions.push(s.value);
      s = steps.next();
    }
    expect(fractions).toEqual(Array.from({ length: 25 }, (_, i) => (i + 1) / 25));
    expect(convenerRobustness(csr, vi, options)).toEqual(s.value);
    for (const p of [...s.value.picks, ...s.value.alternates]) expect(p.fraction >= 0 && p.fraction <= 1).toBe(true);
    expect(s.value.picks.map((p) => p.id)).toEqual(s.value.original.picks.map((p) => p.id));
    expect(s.value.allSectorsReachedFraction).toBeGreaterThan(0);
    const other = convenerRobustness(csr, vi, { ...options, seed: 9 });
    expect(other.original).toEqual(s.value.original);
  });

  it('rejects two-mode data on other nodes', () => {
    expect(() => convenerRobustness(csr, incidence(3, [[0, 1]]), { targets: TARGETS })).toThrow();
  });
});

describe('convenersUnderOtherRules', () => {
  // Node 0 (government) is the hub of a consultation listing four care providers (1..4); a project
  // ties tech 5, care 6 and knowledge 7, and 7 works with government 8.
  const groups = [2, 1, 1, 1, 1, 0, 1, 3, 2];
  const vi = incidence(groups.length, [
    [0, 1, 2, 3, 4],
    [5, 6, 7],
    [7, 8],
  ]);
  vi.listing[0] = 1;
  vi.hub[0] = 1; // member 0 of row 0 is node 0
  const csr = csrOf(vi, groups);

  it('shows a pick that rests on a listing alone', () => {
    expect(selectKeyPlayers(csr, { k: 1, targets: TARGETS }).picks.map((p) => p.id)).toEqual(['n00']);
    const other = convenersUnderOtherRules(csr, vi, { k: 1, targets: TARGETS })!;
    // Without the listing, the knowledge institute that links tech, care and government wins.
    expect(other.withoutListings).toEqual(['n07']);
    // As a clique, each listed provider reaches the hub and three providers: two sectors beat one.
    expect(other.listingsAsCliques).toEqual(['n01']);
  });

  it('is null when the view has no listing', () => {
    const plain = incidence(3, [[0, 1, 2]]);
    expect(convenersUnderOtherRules(csrOf(plain, [0, 1, 2]), plain, { k: 1, targets: TARGETS })).toBeNull();
  });
});

describe('on the real CORDIS SC1 subset', () => {
  const { csr, vi } = cordisNetwork(readSc1());
  it('reaches every target sector with five picks in one step, and robustness runs', () => {
    const r = selectKeyPlayers(csr, { k: 5, reachSteps: 1, targets: TARGETS });
    expect(r.picks.length).toBe(5);
    expect(r.allSectorsReached).toBe(true);
    expect(r.reachedTotal).toBe(f(csr, adjacency(csr), r.picks.map((p) => p.node), 1));
    expect(r.reachedTotal).toBeGreaterThanOrEqual(r.greedyReached);
    const rob = convenerRobustness(csr, vi, { k: 5, reachSteps: 1, targets: TARGETS, bootstraps: 10, seed: 1, original: r });
    expect(rob.picks.length).toBe(5);
  }, 60_000);
});

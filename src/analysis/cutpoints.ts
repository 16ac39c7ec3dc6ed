/**
 * Articulation points (cut-vertices) and bridges (cut-edges), Hopcroft & Tarjan (1973) low-link
 * DFS, written iteratively with an explicit stack (graphs can have 17,000 nodes, too deep for
 * recursion). Matches NetworkX `articulation_points` and `bridges` on simple undirected graphs.
 */
import type { Csr } from './csr';
import { compareIds } from './util';

export interface Cutpoints {
  /** 1 when node index i is an articulation point. */
  isArticulation: Uint8Array;
  /** Bridges as [u, v] node-index pairs, u < v, sorted. */
  bridges: [number, number][];
}

export function cutpoints(csr: Csr): Cutpoints {
  const { n, offsets, targets } = csr;
  const disc = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const parent = new Int32Array(n).fill(-1);
  const cursor = new Int32Array(n); // next arc to explore per node
  const stack = new Int32Array(n);
  const isArticulation = new Uint8Array(n);
  const bridges: [number, number][] = [];
  let time = 0;
  for (let root = 0; root < n; root++) {
    if (disc[root] !== -1) continue;
    let top = 0;
    stack[top++] = root;
    disc[root] = low[root] = time++;
    cursor[root] = offsets[root]!;
    let rootChildren = 0;
    while (top > 0) {
      const v = stack[top - 1]!;
      if (cursor[v]! < offsets[v + 1]!) {
        const w = targets[cursor[v]!]!;
        cursor[v]!++;
        if (disc[w] === -1) {
          parent[w] = v;
          disc[w] = low[w] = time++;
          cursor[w] = offsets[w]!;
          stack[top++] = w;
          if (v === root) rootChildren++;
        } else if (w !== parent[v]) {
          // Back edge (simple graph: the only edge to the parent is the tree edge).
          if (disc[w]! < low[v]!) low[v] = disc[w]!;
        }
      } else {
        top--;
        const p = parent[v]!;
        if (p !== -1) {
          if (low[v]! < low[p]!) low[p] = low[v]!;
          if (low[v]! > disc[p]!) bridges.push(p < v ? [p, v] : [v, p]);
          if (p !== root && low[v]! >= disc[p]!) isArticulation[p] = 1;
        }
      }
    }
    if (rootChildren > 1) isArticulation[root] = 1;
  }
  bridges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return { isArticulation, bridges };
}

/** Articulation point ids, sorted. */
export function articulationIds(csr: Csr, c: Cutpoints): string[] {
  const out: string[] = [];
  for (let i = 0; i < csr.n; i++) if (c.isArticulation[i]) out.push(csr.ids[i]!);
  return out.sort(compareIds);
}

/** Bridges as sorted id pairs, sorted. */
export function bridgeIds(csr: Csr, c: Cutpoints): [string, string][] {
  return c.bridges
    .map(([u, v]) => [csr.ids[u]!, csr.ids[v]!].sort(compareIds) as [string, string])
    .sort((a, b) => compareIds(a[0], b[0]) || compareIds(a[1], b[1]));
}

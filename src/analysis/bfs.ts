/** Breadth-first search helpers on the CSR graph (hop counts, unweighted). */
import type { Csr } from './csr';

/**
 * Hop distance from the nearest of `sources` to every node (multi-source BFS); -1 when
 * unreachable. `maxDepth` stops the search early (nodes further away stay -1).
 */
export function bfsDistances(
  csr: Csr,
  sources: ArrayLike<number>,
  maxDepth = Infinity,
  dist: Int32Array = new Int32Array(csr.n),
  queue: Int32Array = new Int32Array(csr.n),
): Int32Array {
  dist.fill(-1);
  let head = 0;
  let tail = 0;
  for (let k = 0; k < sources.length; k++) {
    const s = sources[k]!;
    if (dist[s] === -1) {
      dist[s] = 0;
      queue[tail++] = s;
    }
  }
  const { offsets, targets } = csr;
  while (head < tail) {
    const v = queue[head++]!;
    const dv = dist[v]!;
    if (dv >= maxDepth) continue;
    for (let p = offsets[v]!, end = offsets[v + 1]!; p < end; p++) {
      const w = targets[p]!;
      if (dist[w] === -1) {
        dist[w] = dv + 1;
        queue[tail++] = w;
      }
    }
  }
  return dist;
}

/**
 * Walks back from `target` to the source of a single-source BFS `dist` array, choosing at each
 * step the predecessor with the smallest index (= smallest id), so the chain is deterministic.
 * Returns node indices from the source to `target`, or null when `target` is unreachable.
 */
export function chainTo(csr: Csr, dist: Int32Array, target: number): number[] | null {
  if (dist[target]! < 0) return null;
  const chain = [target];
  let v = target;
  while (dist[v]! > 0) {
    const want = dist[v]! - 1;
    let pred = -1;
    // Neighbour lists are sorted by index, so the first match is the smallest id.
    for (let p = csr.offsets[v]!, end = csr.offsets[v + 1]!; p < end; p++) {
      const w = csr.targets[p]!;
      if (dist[w] === want) {
        pred = w;
        break;
      }
    }
    v = pred;
    chain.push(v);
  }
  return chain.reverse();
}

/**
 * The shortest chain between two organisations over the visible ties (breadth-first search, hop
 * counts): "2 stappen van Gemeente Den Haag, via De Haagse Hogeschool". Neighbours are visited in
 * index order, so the chain is the same on every run. Pure.
 */
import type { Visibility } from '../filters/filters';
import type { Network } from './network';

/** Organisation indices from `from` to `to` inclusive; null when `to` cannot be reached. */
export function shortestChain(network: Network, visibility: Visibility, from: number, to: number): number[] | null {
  const n = network.organisations.length;
  if (!visibility.orgs[from] || !visibility.orgs[to]) return null;
  if (from === to) return [from];
  const { offsets, neighbours, ties } = network.adjacency;
  const parent = new Int32Array(n).fill(-1);
  parent[from] = from;
  const queue = new Int32Array(n);
  let head = 0;
  let tail = 0;
  queue[tail++] = from;
  while (head < tail) {
    const u = queue[head++]!;
    for (let p = offsets[u]!; p < offsets[u + 1]!; p++) {
      const v = neighbours[p]!;
      if (parent[v] !== -1 || !visibility.tieShared[ties[p]!] || !visibility.orgs[v]) continue;
      parent[v] = u;
      if (v === to) {
        const chain = [to];
        for (let x = to; x !== from; x = parent[x]!) chain.push(parent[x]!);
        return chain.reverse();
      }
      queue[tail++] = v;
    }
  }
  return null;
}

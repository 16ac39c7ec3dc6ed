/**
 * Gould & Fernandez (1989) brokerage roles for undirected ties, by sector.
 *
 * For a broker v and each unordered pair {i, j} of its neighbours that are not tied to each other
 * (an open 2-path i–v–j), counted once:
 * - coordinator: i, v and j in the same sector;
 * - itinerant (consultant): i and j in the same sector, v in another;
 * - gatekeeper_or_representative: v shares its sector with exactly one of i and j;
 * - liaison: all three in different sectors.
 * `sna::brokerage` on the symmetric matrix reports the ordered version: w_I = 2·coordinator,
 * w_O = 2·itinerant, b_IO = b_OI = gatekeeper_or_representative, b_O = 2·liaison (`toSnaOrdered`).
 *
 * Instead of testing every neighbour pair (Σ deg² adjacency tests), all neighbour pairs are counted
 * per role from the sector counts of the neighbourhood, and the closed pairs (triangles, listed once
 * with the forward algorithm of Schank & Wagner 2005) are subtracted.
 */
import type { Csr } from './csr';

export interface BrokerageCounts {
  coordinator: number;
  itinerant: number;
  gatekeeper_or_representative: number;
  liaison: number;
}

export interface SnaOrderedBrokerage {
  w_I: number;
  w_O: number;
  b_IO: number;
  b_OI: number;
  b_O: number;
  t: number;
}

export interface BrokerageArrays {
  coordinator: Float64Array;
  itinerant: Float64Array;
  gatekeeper: Float64Array;
  liaison: Float64Array;
}

export function toSnaOrdered(c: BrokerageCounts): SnaOrderedBrokerage {
  const out = {
    w_I: 2 * c.coordinator,
    w_O: 2 * c.itinerant,
    b_IO: c.gatekeeper_or_representative,
    b_OI: c.gatekeeper_or_representative,
    b_O: 2 * c.liaison,
  };
  return { ...out, t: out.w_I + out.w_O + out.b_IO + out.b_OI + out.b_O };
}

/** Rank order for triangle listing: by degree, then by index. */
function forwardAdjacency(csr: Csr): { outOffsets: Int32Array; outTargets: Int32Array } {
  const { n, offsets, targets, degree } = csr;
  const higher = (a: number, b: number) =>
    degree[b]! > degree[a]! || (degree[b] === degree[a] && b > a);
  const outOffsets = new Int32Array(n + 1);
  for (let v = 0; v < n; v++) {
    let c = 0;
    for (let p = offsets[v]!, end = offsets[v + 1]!; p < end; p++) if (higher(v, targets[p]!)) c++;
    outOffsets[v + 1] = outOffsets[v]! + c;
  }
  const outTargets = new Int32Array(outOffsets[n]!);
  for (let v = 0; v < n; v++) {
    let k = outOffsets[v]!;
    for (let p = offsets[v]!, end = offsets[v + 1]!; p < end; p++) {
      const w = targets[p]!;
      if (higher(v, w)) outTargets[k++] = w;
    }
  }
  return { outOffsets, outTargets };
}

const pairs = (x: number) => (x < 2 ? 0 : (x * (x - 1)) / 2);

export function brokerageRoles(csr: Csr): BrokerageArrays {
  const { n, offsets, targets, group } = csr;
  const G = csr.groupNames.length;
  const coordinator = new Float64Array(n);
  const itinerant = new Float64Array(n);
  const gatekeeper = new Float64Array(n);
  const liaison = new Float64Array(n);
  // All neighbour pairs, by role.
  const cnt = new Float64Array(G);
  for (let v = 0; v < n; v++) {
    const start = offsets[v]!;
    const end = offsets[v + 1]!;
    const d = end - start;
    if (d < 2) continue;
    for (let p = start; p < end; p++) cnt[group[targets[p]!]!]!++;
    const gv = group[v]!;
    const same = cnt[gv]!;
    let sameOther = 0;
    for (let g = 0; g < G; g++) if (g !== gv) sameOther += pairs(cnt[g]!);
    coordinator[v] = pairs(same);
    itinerant[v] = sameOther;
    gatekeeper[v] = same * (d - same);
    liaison[v] = pairs(d - same) - sameOther;
    cnt.fill(0);
  }
  // Subtract closed pairs: every triangle {x, y, z} closes one pair at each of its corners.
  const { outOffsets, outTargets } = forwardAdjacency(csr);
  const mark = new Int32Array(n).fill(-1);
  const close = (x: number, y: number, z: number) => {
    const gx = group[x]!;
    const gy = group[y]!;
    const gz = group[z]!;
    if (gy === gz) {
      if (gy === gx) coordinator[x]!--;
      else itinerant[x]!--;
    } else if (gy === gx || gz === gx) gatekeeper[x]!--;
    else liaison[x]!--;
  };
  for (let u = 0; u < n; u++) {
    const s = outOffsets[u]!;
    const e = outOffsets[u + 1]!;
    for (let p = s; p < e; p++) mark[outTargets[p]!] = u;
    for (let p = s; p < e; p++) {
      const v = outTargets[p]!;
      for (let r = outOffsets[v]!, rEnd = outOffsets[v + 1]!; r < rEnd; r++) {
        const w = outTargets[r]!;
        if (mark[w] === u) {
          close(u, v, w);
          close(v, u, w);
          close(w, u, v);
        }
      }
    }
  }
  return { coordinator, itinerant, gatekeeper, liaison };
}

export function brokerageOf(b: BrokerageArrays, i: number): BrokerageCounts {
  return {
    coordinator: b.coordinator[i]!,
    itinerant: b.itinerant[i]!,
    gatekeeper_or_representative: b.gatekeeper[i]!,
    liaison: b.liaison[i]!,
  };
}

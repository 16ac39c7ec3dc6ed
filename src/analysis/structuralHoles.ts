/**
 * Burt's (1992) structural-hole measures on weighted (or unweighted) undirected ties:
 * constraint, effective size and hierarchy.
 *
 * Constraint: NetworkX `constraint(G, weight)`: c_i = Σ_j (p_ij + Σ_{q≠i,j} p_iq p_qj)²,
 *   with p_ij = w_ij / Σ_k w_ik (the mutual weight a_ij + a_ji of NetworkX is 2w, which cancels).
 * Effective size: NetworkX `effective_size(G, nodes=list(G), weight)`, Burt's formula
 *   Σ_j (1 − Σ_{q≠j} p_iq m_jq) with m_jq = w_jq / max_k w_jk. (Not the default `nodes=None` call:
 *   its scipy path is wrong for weighted graphs in NetworkX ≤ 3.6.1, PR #8906.) Unweighted it equals
 *   Borgatti's n − 2t/n.
 * Hierarchy: Burt's Σ_j r_j ln r_j / (N ln N), r_j = N c_ij / C_i; 1 for one neighbour.
 * Isolates get NaN (null in JSON) for all three.
 *
 * Cost: O(m^1.5) at worst: the indirect terms are summed over the triangles, each listed once
 * (H2020: 5.8e7 oriented wedges instead of the 7.5e8 of Σ_q deg(q)² for the ego-by-ego loop), on
 * the network renumbered by decreasing degree (csr.ts `byDecreasingDegree`: fewer cache misses).
 */
import { byDecreasingDegree, type CsrTopology } from './csr';

export interface StructuralHoles {
  constraint: Float64Array;
  effectiveSize: Float64Array;
  hierarchy: Float64Array;
}

export function structuralHoles(csr: CsrTopology, weighted = true): StructuralHoles {
  const renumbered = byDecreasingDegree(csr);
  const holes = structuralHolesInOrder(renumbered, weighted);
  const back = (x: Float64Array) => Float64Array.from(renumbered.position, (k) => x[k]!);
  return { constraint: back(holes.constraint), effectiveSize: back(holes.effectiveSize), hierarchy: back(holes.hierarchy) };
}

/** `structuralHoles` on the nodes in the order given. */
function structuralHolesInOrder(csr: CsrTopology, weighted: boolean): StructuralHoles {
  const { n, offsets, targets } = csr;
  const arcs = targets.length;
  const w = weighted ? csr.weights : new Float64Array(arcs).fill(1);
  const strength = new Float64Array(n);
  const maxW = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    let mx = 0;
    for (let p = offsets[i]!, end = offsets[i + 1]!; p < end; p++) {
      const x = w[p]!;
      s += x;
      if (x > mx) mx = x;
    }
    strength[i] = s;
    maxW[i] = mx;
  }
  // Per arc q→j: p_qj = w_qj / s_q and m_jq = w_qj / max_k w_jk.
  const pArc = new Float64Array(arcs);
  const mArc = new Float64Array(arcs);
  for (let q = 0; q < n; q++) {
    for (let p = offsets[q]!, end = offsets[q + 1]!; p < end; p++) {
      pArc[p] = w[p]! / strength[q]!;
      mArc[p] = w[p]! / maxW[targets[p]!]!;
    }
  }
  // Σ_q p_iq p_qj and Σ_q p_iq m_qj, per arc i→j, summed over the triangles (i, q, j): every
  // triangle is listed once (edges oriented from lower to higher (degree, index) rank, Latapy's
  // "forward" order) and gives each of its six arcs its one term. p and m (and the two sums) are
  // interleaved per arc, so each arc's pair is one memory access.
  const pm = new Float64Array(2 * arcs);
  for (let p = 0; p < arcs; p++) {
    pm[2 * p] = pArc[p]!;
    pm[2 * p + 1] = mArc[p]!;
  }
  const sums = new Float64Array(2 * arcs);
  const reverse = reverseArcs(csr);
  const { outOffsets, outArcs } = orientedArcs(csr);
  const stamp = new Int32Array(n).fill(-1);
  const arcTo = new Int32Array(n);
  // sums[2a] += p_x * p_y, sums[2a + 1] += p_x * m_y, for the arc a = i→j, x = i→q and y = q→j.
  const add = (a: number, x: number, y: number) => {
    const px = pm[2 * x]!;
    sums[2 * a] = sums[2 * a]! + px * pm[2 * y]!;
    sums[2 * a + 1] = sums[2 * a + 1]! + px * pm[2 * y + 1]!;
  };
  for (let u = 0; u < n; u++) {
    const oStart = outOffsets[u]!;
    const oEnd = outOffsets[u + 1]!;
    for (let k = oStart; k < oEnd; k++) {
      const p = outArcs[k]!;
      const v = targets[p]!;
      stamp[v] = u;
      arcTo[v] = p;
    }
    for (let k = oStart; k < oEnd; k++) {
      const uv = outArcs[k]!;
      const v = targets[uv]!;
      const vu = reverse[uv]!;
      for (let l = outOffsets[v]!, lEnd = outOffsets[v + 1]!; l < lEnd; l++) {
        const vw = outArcs[l]!;
        const w = targets[vw]!;
        if (stamp[w] !== u) continue;
        const uw = arcTo[w]!;
        const wu = reverse[uw]!;
        const wv = reverse[vw]!;
        add(uv, uw, wv); // ego u, alter v, via w
        add(uw, uv, vw); // ego u, alter w, via v
        add(vu, vw, wu); // ego v, alter u, via w
        add(vw, vu, uw); // ego v, alter w, via u
        add(wu, wv, vu); // ego w, alter u, via v
        add(wv, wu, uv); // ego w, alter v, via u
      }
    }
  }
  const constraint = new Float64Array(n);
  const effectiveSize = new Float64Array(n);
  const hierarchy = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const start = offsets[i]!;
    const end = offsets[i + 1]!;
    const N = end - start;
    if (N === 0) {
      constraint[i] = NaN;
      effectiveSize[i] = NaN;
      hierarchy[i] = NaN;
      continue;
    }
    let c = 0;
    let es = 0;
    for (let p = start; p < end; p++) {
      const x = pArc[p]! + sums[2 * p]!;
      c += x * x;
      es += 1 - sums[2 * p + 1]!;
    }
    constraint[i] = c;
    effectiveSize[i] = es;
    if (N === 1) hierarchy[i] = 1;
    else {
      let h = 0;
      for (let p = start; p < end; p++) {
        const x = pArc[p]! + sums[2 * p]!;
        const r = (N * x * x) / c;
        if (r > 0) h += r * Math.log(r);
      }
      hierarchy[i] = h / (N * Math.log(N));
    }
  }
  return { constraint, effectiveSize, hierarchy };
}

/** For every arc p = i→j of the CSR, the position of its reverse j→i. O(n + m). */
export function reverseArcs(csr: Pick<CsrTopology, 'n' | 'offsets' | 'targets'>): Int32Array {
  const { n, offsets, targets } = csr;
  const reverse = new Int32Array(targets.length);
  // Each list is sorted, so visiting i in increasing order meets the arcs j→i (i < j) in their order.
  const next = offsets.slice(0, n);
  for (let i = 0; i < n; i++) {
    for (let p = offsets[i]!, end = offsets[i + 1]!; p < end; p++) {
      const j = targets[p]!;
      if (j <= i) continue;
      const q = next[j]!++;
      reverse[p] = q;
      reverse[q] = p;
    }
  }
  return reverse;
}

/**
 * The arcs from each node to its neighbours of higher rank, rank = (degree, index): every edge once,
 * and at most √(2m) arcs out of any node, which makes listing triangles O(m^1.5).
 */
export function orientedArcs(csr: Pick<CsrTopology, 'n' | 'offsets' | 'targets' | 'degree'>): { outOffsets: Int32Array; outArcs: Int32Array } {
  const { n, offsets, targets, degree } = csr;
  const higher = (a: number, b: number) => degree[b]! > degree[a]! || (degree[b] === degree[a] && b > a);
  const outOffsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    let k = 0;
    for (let p = offsets[i]!, end = offsets[i + 1]!; p < end; p++) if (higher(i, targets[p]!)) k++;
    outOffsets[i + 1] = outOffsets[i]! + k;
  }
  const outArcs = new Int32Array(outOffsets[n]!);
  for (let i = 0; i < n; i++) {
    let k = outOffsets[i]!;
    for (let p = offsets[i]!, end = offsets[i + 1]!; p < end; p++) if (higher(i, targets[p]!)) outArcs[k++] = p;
  }
  return { outOffsets, outArcs };
}

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
 * Cost: Σ_q deg(q)² operations, using the CSR adjacency and a stamp array instead of hash lookups.
 */
import type { Csr } from './csr';

export interface StructuralHoles {
  constraint: Float64Array;
  effectiveSize: Float64Array;
  hierarchy: Float64Array;
}

export function structuralHoles(csr: Csr, weighted = true): StructuralHoles {
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
  const constraint = new Float64Array(n);
  const effectiveSize = new Float64Array(n);
  const hierarchy = new Float64Array(n);
  const stamp = new Int32Array(n).fill(-1);
  const indirect = new Float64Array(n);
  const redundancy = new Float64Array(n);
  const local = new Float64Array(n);
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
    for (let p = start; p < end; p++) stamp[targets[p]!] = i;
    for (let p = start; p < end; p++) {
      const q = targets[p]!;
      const piq = pArc[p]!;
      for (let r = offsets[q]!, rEnd = offsets[q + 1]!; r < rEnd; r++) {
        const j = targets[r]!;
        if (stamp[j] !== i) continue; // j must be a neighbour of i (never i itself)
        indirect[j] = indirect[j]! + piq * pArc[r]!;
        redundancy[j] = redundancy[j]! + piq * mArc[r]!;
      }
    }
    let c = 0;
    let es = 0;
    for (let p = start; p < end; p++) {
      const j = targets[p]!;
      const x = pArc[p]! + indirect[j]!;
      const lc = x * x;
      local[p - start] = lc;
      c += lc;
      es += 1 - redundancy[j]!;
      indirect[j] = 0;
      redundancy[j] = 0;
    }
    constraint[i] = c;
    effectiveSize[i] = es;
    if (N === 1) hierarchy[i] = 1;
    else {
      let h = 0;
      for (let k = 0; k < N; k++) {
        const r = (N * local[k]!) / c;
        if (r > 0) h += r * Math.log(r);
      }
      hierarchy[i] = h / (N * Math.log(N));
    }
  }
  return { constraint, effectiveSize, hierarchy };
}

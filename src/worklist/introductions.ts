/**
 * A convener's introductions: pairs of organisations the convener is tied to itself, in two
 * different target sectors, not tied to each other. The convener is then one of their shared
 * partners and can introduce them in person.
 *
 * Ranked per convener by the resource allocation index of the pair over the whole visible network
 * (Σ 1/degree of their shared partners, as the suggested ties are; Zhou, Lü & Zhang 2009), then
 * by the number of shared partners, then by the ids. Only the convener's own neighbours are paired
 * (also with two-step reach: an introduction is made to people one knows).
 *
 * Computed from the result document alone (its organisations and ties), so the app can call it on
 * any result it holds. Cost per convener: Σ over its target neighbours x of Σ over x's neighbours
 * w of degree(w).
 */
import type { AnalysisResult } from '../analysis/assemble';
import { csrFromSortedEdges, type Csr } from '../analysis/csr';
import type { PartnerRef } from '../analysis/suggestions';
import { sharedPartners } from '../analysis/suggestions';
import { SECTORS } from '../data/sectors';
import { countingSortOrder, positionsOf } from '../graph/projection';

export interface ConvenerIntroduction {
  convener: PartnerRef & { rank: number };
  a: PartnerRef;
  b: PartnerRef;
  resourceAllocation: number;
  commonNeighbours: number;
  /** Shared partners of a and b (the convener among them), at most 10, by id. */
  sharedPartners: PartnerRef[];
}

/** The visible network of a result document as a CSR (sector codes into SECTORS). */
export function csrOfResult(result: AnalysisResult): Csr {
  const rows = result.organisations;
  const order = rows.map((_r, i) => i).sort((x, y) => (rows[x]!.id < rows[y]!.id ? -1 : rows[x]!.id > rows[y]!.id ? 1 : 0));
  const ids = order.map((i) => rows[i]!.id);
  const index = positionsOf(ids);
  const names = [...SECTORS] as string[];
  const group = Int32Array.from(order, (i) => {
    const g = names.indexOf(rows[i]!.sector);
    return g < 0 ? names.indexOf('other') : g;
  });
  const m = result.ties.length;
  const u = new Int32Array(m);
  const v = new Int32Array(m);
  const w = new Float64Array(m);
  for (let e = 0; e < m; e++) {
    const t = result.ties[e]!;
    const x = index.get(t.source)!;
    const y = index.get(t.target)!;
    u[e] = x < y ? x : y;
    v[e] = x < y ? y : x;
    w[e] = t.weight;
  }
  const sorted = countingSortOrder(u, m, ids.length, countingSortOrder(v, m, ids.length));
  return csrFromSortedEdges({
    ids,
    index,
    labels: order.map((i) => rows[i]!.name),
    group,
    groupNames: names,
    edgeU: Int32Array.from(sorted, (e) => u[e]!),
    edgeV: Int32Array.from(sorted, (e) => v[e]!),
    edgeW: Float64Array.from(sorted, (e) => w[e]!),
  });
}

/** Up to `perConvener` introductions for every convener pick of the result, pick by pick. */
export function convenerIntroductions(result: AnalysisResult, options: { perConvener?: number } = {}): ConvenerIntroduction[] {
  const per = options.perConvener ?? 3;
  if (!result.conveners.picks.length || per <= 0) return [];
  const csr = csrOfResult(result);
  const { n, offsets, targets: adj, group, degree } = csr;
  const isTarget = new Uint8Array(csr.groupNames.length);
  for (const t of result.conveners.targets) {
    const g = csr.groupNames.indexOf(t);
    if (g >= 0) isTarget[g] = 1;
  }
  const ref = (i: number): PartnerRef => ({ id: csr.ids[i]!, label: csr.labels[i]!, sector: csr.groupNames[group[i]!]! });
  const inReach = new Int32Array(n).fill(-1);
  const adjacentTo = new Int32Array(n).fill(-1);
  const ra = new Float64Array(n);
  const cn = new Int32Array(n);
  const touched: number[] = [];
  const out: ConvenerIntroduction[] = [];
  for (const pick of result.conveners.picks) {
    const c = csr.index.get(pick.id);
    if (c === undefined) continue;
    for (let p = offsets[c]!; p < offsets[c + 1]!; p++) {
      const x = adj[p]!;
      if (isTarget[group[x]!]) inReach[x] = c;
    }
    const top: { x: number; y: number; ra: number; cn: number }[] = [];
    const better = (s: { x: number; y: number; ra: number; cn: number }, t: { x: number; y: number; ra: number; cn: number }) =>
      s.ra !== t.ra ? s.ra > t.ra : s.cn !== t.cn ? s.cn > t.cn : s.x !== t.x ? s.x < t.x : s.y < t.y;
    for (let p = offsets[c]!; p < offsets[c + 1]!; p++) {
      const x = adj[p]!;
      if (inReach[x] !== c) continue;
      for (let q = offsets[x]!; q < offsets[x + 1]!; q++) adjacentTo[adj[q]!] = x;
      for (let q = offsets[x]!; q < offsets[x + 1]!; q++) {
        const wNode = adj[q]!;
        const r = 1 / degree[wNode]!;
        for (let s = offsets[wNode]!; s < offsets[wNode + 1]!; s++) {
          const y = adj[s]!;
          if (y <= x || inReach[y] !== c || group[y] === group[x] || adjacentTo[y] === x) continue;
          if (cn[y] === 0) touched.push(y);
          cn[y]!++;
          ra[y] = ra[y]! + r;
        }
      }
      for (const y of touched) {
        const cand = { x, y, ra: ra[y]!, cn: cn[y]! };
        if (top.length < per || better(cand, top[top.length - 1]!)) {
          let at = top.length;
          while (at > 0 && better(cand, top[at - 1]!)) at--;
          top.splice(at, 0, cand);
          if (top.length > per) top.pop();
        }
        ra[y] = 0;
        cn[y] = 0;
      }
      touched.length = 0;
    }
    for (const t of top) {
      out.push({
        convener: { ...ref(c), rank: pick.rank },
        a: ref(t.x),
        b: ref(t.y),
        resourceAllocation: t.ra,
        commonNeighbours: t.cn,
        sharedPartners: sharedPartners(csr, t.x, t.y, 10).map(ref),
      });
    }
  }
  return out;
}

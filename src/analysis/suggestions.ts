/**
 * Suggested ties.
 *
 * Organisation level: for every unordered pair of target sectors (A, B), the organisation pairs
 * (one in A, one in B) that are not tied today but share at least one partner, ranked by the
 * resource allocation index (Zhou, Lü & Zhang 2009; NetworkX `resource_allocation_index`), ties
 * broken by the Adamic–Adar index (NetworkX `adamic_adar_index`), then by the ids. Only pairs at
 * distance 2 are visited (neighbours of neighbours), never all pairs.
 *
 * Cluster level: pairs of Louvain communities where one has a target sector the other lacks and
 * that have few ties, with the member of each best placed to make the link.
 */
import type { Csr } from './csr';
import type { Partition } from './clusters';

export const DEFAULT_SUGGESTIONS_PER_PAIR = 10;
/** Community pairs with at most this many ties count as "few ties". */
export const DEFAULT_MAX_CLUSTER_TIES = 2;
/** Communities smaller than this are not suggested (isolates and pairs are their own community). */
export const DEFAULT_MIN_CLUSTER_SIZE = 3;

export interface PartnerRef {
  id: string;
  label: string;
  sector: string;
}

export interface TieSuggestion {
  /** The organisation in sector `sectors[0]`. */
  a: PartnerRef;
  /** The organisation in sector `sectors[1]`. */
  b: PartnerRef;
  resourceAllocation: number;
  adamicAdar: number;
  jaccard: number;
  preferentialAttachment: number;
  commonNeighbours: number;
  /** The shared partners that justify the suggestion (at most `maxPartnersListed`). */
  sharedPartners: PartnerRef[];
}

export interface SectorPairSuggestions {
  sectors: [string, string];
  suggestions: TieSuggestion[];
  /** Non-adjacent cross pairs with at least one shared partner (all candidates ranked). */
  candidates: number;
}

export interface ClusterContact {
  cluster: number;
  size: number;
  lacks: string[];
  contact: PartnerRef & { outsideTies: number; degree: number };
}

export interface ClusterSuggestion {
  a: ClusterContact;
  b: ClusterContact;
  /** Target sectors `a` has and `b` lacks. */
  aOffers: string[];
  /** Target sectors `b` has and `a` lacks. */
  bOffers: string[];
  ties: number;
  weight: number;
}

export interface SuggestionOptions {
  targets: readonly string[];
  perPair?: number;
  maxPartnersListed?: number;
  labels?: readonly string[];
}

interface Candidate {
  a: number;
  b: number;
  ra: number;
  aa: number;
  cn: number;
}

/** (RA desc, AA desc, smaller id, larger id). Negative when the pair (a, b) ranks before y. */
function rank(ra: number, aa: number, a: number, b: number, y: Candidate): number {
  if (ra !== y.ra) return y.ra - ra;
  if (aa !== y.aa) return y.aa - aa;
  const x1 = Math.min(a, b);
  const y1 = Math.min(y.a, y.b);
  if (x1 !== y1) return x1 - y1;
  return Math.max(a, b) - Math.max(y.a, y.b);
}

/**
 * Each node's neighbours in group g, in the CSR's order: the two-hop walk then visits only the
 * partners it can suggest (on H2020 most second neighbours are in other sectors).
 */
function neighboursInGroup(csr: Csr, g: number): { offsets: Int32Array; targets: Int32Array } {
  const { n, offsets, targets, group } = csr;
  const out = new Int32Array(n + 1);
  for (let w = 0; w < n; w++) {
    let k = 0;
    for (let p = offsets[w]!, end = offsets[w + 1]!; p < end; p++) if (group[targets[p]!] === g) k++;
    out[w + 1] = out[w]! + k;
  }
  const inGroup = new Int32Array(out[n]!);
  for (let w = 0, k = 0; w < n; w++) {
    for (let p = offsets[w]!, end = offsets[w + 1]!; p < end; p++) if (group[targets[p]!] === g) inGroup[k++] = targets[p]!;
  }
  return { offsets: out, targets: inGroup };
}

export function suggestTies(csr: Csr, options: SuggestionOptions): SectorPairSuggestions[] {
  const { n, offsets, targets: adj, group, degree } = csr;
  const perPair = options.perPair ?? DEFAULT_SUGGESTIONS_PER_PAIR;
  const maxPartners = options.maxPartnersListed ?? 10;
  const labels = options.labels ?? csr.labels;
  const ref = (i: number): PartnerRef => ({
    id: csr.ids[i]!,
    label: labels[i]!,
    sector: csr.groupNames[group[i]!]!,
  });
  const names = [...new Set(options.targets)];
  const invDeg = new Float64Array(n);
  const invLog = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    invDeg[i] = degree[i]! > 0 ? 1 / degree[i]! : 0;
    invLog[i] = degree[i]! > 1 ? 1 / Math.log(degree[i]!) : 0;
  }
  const neighbourStamp = new Int32Array(n).fill(-1);
  const ra = new Float64Array(n);
  const aa = new Float64Array(n);
  const cn = new Int32Array(n);
  const touched = new Int32Array(n);
  let touchedCount = 0;
  const inGroup = new Map<number, { offsets: Int32Array; targets: Int32Array }>();
  const out: SectorPairSuggestions[] = [];
  for (let x = 0; x < names.length; x++) {
    for (let y = x + 1; y < names.length; y++) {
      const A = names[x]!;
      const B = names[y]!;
      const gA = csr.groupNames.indexOf(A);
      const gB = csr.groupNames.indexOf(B);
      const top: Candidate[] = [];
      let candidates = 0;
      if (gA >= 0 && gB >= 0 && gA !== gB) {
        // Start from the smaller sector.
        let sizeA = 0;
        let sizeB = 0;
        for (let i = 0; i < n; i++) {
          if (group[i] === gA) sizeA++;
          else if (group[i] === gB) sizeB++;
        }
        const [gFrom, gTo] = sizeA <= sizeB ? [gA, gB] : [gB, gA];
        let to = inGroup.get(gTo);
        if (!to) inGroup.set(gTo, (to = neighboursInGroup(csr, gTo)));
        const { offsets: toOffsets, targets: toTargets } = to;
        for (let a = 0; a < n; a++) {
          if (group[a] !== gFrom) continue;
          for (let p = offsets[a]!, end = offsets[a + 1]!; p < end; p++) neighbourStamp[adj[p]!] = a;
          for (let p = offsets[a]!, end = offsets[a + 1]!; p < end; p++) {
            const w = adj[p]!;
            const r = invDeg[w]!;
            const l = invLog[w]!;
            for (let q = toOffsets[w]!, qEnd = toOffsets[w + 1]!; q < qEnd; q++) {
              const b = toTargets[q]!;
              if (neighbourStamp[b] === a) continue;
              if (cn[b] === 0) touched[touchedCount++] = b;
              cn[b]!++;
              ra[b] = ra[b]! + r;
              aa[b] = aa[b]! + l;
            }
          }
          for (let t = 0; t < touchedCount; t++) {
            const b = touched[t]!;
            candidates++;
            const rb = ra[b]!;
            const ab = aa[b]!;
            // Most candidates rank below the current top: no object for them.
            if (top.length < perPair || rank(rb, ab, a, b, top[top.length - 1]!) < 0) {
              let pos = top.length;
              while (pos > 0 && rank(rb, ab, a, b, top[pos - 1]!) < 0) pos--;
              top.splice(pos, 0, { a, b, ra: rb, aa: ab, cn: cn[b]! });
              if (top.length > perPair) top.pop();
            }
            ra[b] = 0;
            aa[b] = 0;
            cn[b] = 0;
          }
          touchedCount = 0;
        }
      }
      out.push({
        sectors: [A, B],
        candidates,
        suggestions: top.map((c) => {
          const ia = group[c.a] === gA ? c.a : c.b;
          const ib = ia === c.a ? c.b : c.a;
          return {
            a: ref(ia),
            b: ref(ib),
            resourceAllocation: c.ra,
            adamicAdar: c.aa,
            jaccard: c.cn / (degree[ia]! + degree[ib]! - c.cn),
            preferentialAttachment: degree[ia]! * degree[ib]!,
            commonNeighbours: c.cn,
            sharedPartners: sharedPartners(csr, ia, ib, maxPartners).map(ref),
          };
        }),
      });
    }
  }
  return out;
}

/** Common neighbours of a and b, by index (= id order), at most `max`. */
export function sharedPartners(csr: Csr, a: number, b: number, max = Infinity): number[] {
  const out: number[] = [];
  let p = csr.offsets[a]!;
  let q = csr.offsets[b]!;
  const pEnd = csr.offsets[a + 1]!;
  const qEnd = csr.offsets[b + 1]!;
  while (p < pEnd && q < qEnd && out.length < max) {
    const x = csr.targets[p]!;
    const y = csr.targets[q]!;
    if (x === y) {
      out.push(x);
      p++;
      q++;
    } else if (x < y) p++;
    else q++;
  }
  return out;
}

export interface ClusterSuggestionOptions {
  targets: readonly string[];
  /** Betweenness per node index, used to break ties when choosing the contact. */
  betweenness?: Float64Array;
  maxTies?: number;
  minSize?: number;
  limit?: number;
  labels?: readonly string[];
}

/**
 * Pairs of communities with complementary target sectors (one has a target sector the other
 * lacks) and at most `maxTies` ties between them, ranked by the number of complementary sectors
 * (desc), then ties (asc), then the smaller community's size (desc), then ids. The contact in each
 * community is its member, from a sector the other community lacks when there is one (otherwise
 * from any target sector, otherwise anyone), with the most ties to other communities, then the
 * highest betweenness, then the highest degree, then the smallest id.
 */
export function suggestClusterLinks(
  csr: Csr,
  partition: Partition,
  options: ClusterSuggestionOptions,
): ClusterSuggestion[] {
  const { n, group } = csr;
  const { of, count } = partition;
  const maxTies = options.maxTies ?? DEFAULT_MAX_CLUSTER_TIES;
  const minSize = options.minSize ?? DEFAULT_MIN_CLUSTER_SIZE;
  const limit = options.limit ?? DEFAULT_SUGGESTIONS_PER_PAIR;
  const labels = options.labels ?? csr.labels;
  const bc = options.betweenness;
  if (limit <= 0) return [];
  const G = csr.groupNames.length;
  const targetCodes = [...new Set(options.targets)]
    .map((t) => csr.groupNames.indexOf(t))
    .filter((g) => g >= 0);
  const size = new Int32Array(count);
  const sectorCount = new Int32Array(count * G);
  for (let i = 0; i < n; i++) {
    size[of[i]!]!++;
    sectorCount[of[i]! * G + group[i]!]!++;
  }
  const outside = new Int32Array(n);
  const between = new Map<number, { ties: number; weight: number }>();
  for (let e = 0; e < csr.m; e++) {
    const u = csr.edgeU[e]!;
    const v = csr.edgeV[e]!;
    const a = of[u]!;
    const b = of[v]!;
    if (a === b) continue;
    outside[u]!++;
    outside[v]!++;
    const key = a < b ? a * count + b : b * count + a;
    const cur = between.get(key);
    if (cur) {
      cur.ties++;
      cur.weight += csr.edgeW[e]!;
    } else between.set(key, { ties: 1, weight: csr.edgeW[e]! });
  }
  // Best member per (community, sector) and per community over target sectors and overall.
  const better = (x: number, y: number) => {
    if (y < 0) return true;
    if (outside[x] !== outside[y]) return outside[x]! > outside[y]!;
    const bx = bc ? bc[x]! : 0;
    const by = bc ? bc[y]! : 0;
    if (bx !== by) return bx > by;
    if (csr.degree[x] !== csr.degree[y]) return csr.degree[x]! > csr.degree[y]!;
    return x < y;
  };
  const bestBySector = new Int32Array(count * G).fill(-1);
  const bestTarget = new Int32Array(count).fill(-1);
  const bestAny = new Int32Array(count).fill(-1);
  const isTarget = new Uint8Array(G);
  for (const g of targetCodes) isTarget[g] = 1;
  for (let i = 0; i < n; i++) {
    const c = of[i]!;
    const slot = c * G + group[i]!;
    if (better(i, bestBySector[slot]!)) bestBySector[slot] = i;
    if (isTarget[group[i]!] && better(i, bestTarget[c]!)) bestTarget[c] = i;
    if (better(i, bestAny[c]!)) bestAny[c] = i;
  }
  const eligible: number[] = [];
  for (let c = 0; c < count; c++) if (size[c]! >= minSize) eligible.push(c);
  const has = (c: number, g: number) => sectorCount[c * G + g]! > 0;
  const lacksOf = (c: number) => targetCodes.filter((g) => !has(c, g)).map((g) => csr.groupNames[g]!);
  const contact = (c: number, offerCodes: number[]) => {
    let best = -1;
    for (const g of offerCodes) {
      const x = bestBySector[c * G + g]!;
      if (x >= 0 && better(x, best)) best = x;
    }
    if (best < 0) best = bestTarget[c]! >= 0 ? bestTarget[c]! : bestAny[c]!;
    return best;
  };
  // Target sectors present per community as a bitmask (bit k = targetCodes[k]).
  const mask = new Int32Array(count);
  for (let c = 0; c < count; c++) {
    let bits = 0;
    targetCodes.forEach((g, k) => {
      if (has(c, g)) bits |= 1 << k;
    });
    mask[c] = bits;
  }
  const popcount = (x: number) => {
    let c = 0;
    for (let v = x; v; v &= v - 1) c++;
    return c;
  };
  interface Raw {
    a: number;
    b: number;
    offers: number;
    ties: number;
    weight: number;
  }
  const order = (p: Raw, q: Raw) =>
    q.offers - p.offers ||
    p.ties - q.ties ||
    Math.min(size[q.a]!, size[q.b]!) - Math.min(size[p.a]!, size[p.b]!) ||
    p.a - q.a ||
    p.b - q.b;
  // Bounded selection: keep the best `limit` pairs without materialising all of them.
  const top: Raw[] = [];
  for (let x = 0; x < eligible.length; x++) {
    const a = eligible[x]!;
    for (let y = x + 1; y < eligible.length; y++) {
      const b = eligible[y]!;
      const offers = popcount(mask[a]! & ~mask[b]!) + popcount(mask[b]! & ~mask[a]!);
      if (offers === 0) continue;
      const t = between.get(a * count + b);
      const ties = t ? t.ties : 0;
      if (ties > maxTies) continue;
      const cand: Raw = { a, b, offers, ties, weight: t ? t.weight : 0 };
      if (top.length >= limit && order(cand, top[top.length - 1]!) >= 0) continue;
      let pos = top.length;
      while (pos > 0 && order(cand, top[pos - 1]!) < 0) pos--;
      top.splice(pos, 0, cand);
      if (top.length > limit) top.pop();
    }
  }
  const describe = (c: number, offers: number[]): ClusterContact => {
    const i = contact(c, offers);
    return {
      cluster: c + 1,
      size: size[c]!,
      lacks: lacksOf(c),
      contact: {
        id: csr.ids[i]!,
        label: labels[i]!,
        sector: csr.groupNames[group[i]!]!,
        outsideTies: outside[i]!,
        degree: csr.degree[i]!,
      },
    };
  };
  return top.map((s) => {
    const aOffers = targetCodes.filter((g) => has(s.a, g) && !has(s.b, g));
    const bOffers = targetCodes.filter((g) => has(s.b, g) && !has(s.a, g));
    return {
      // a's contact comes from a sector b lacks (what a offers), and vice versa.
      a: describe(s.a, aOffers),
      b: describe(s.b, bOffers),
      aOffers: aOffers.map((g) => csr.groupNames[g]!),
      bOffers: bOffers.map((g) => csr.groupNames[g]!),
      ties: s.ties,
      weight: s.weight,
    };
  });
}

/**
 * The visible part of the network in the analysis's own shapes: the CSR of the visible ties, and
 * the visible two-mode data (tie-forming participations of visible organisations in visible
 * activities) that the two-mode null model randomises.
 */
import { SECTORS } from '../data/sectors';
import type { Visibility } from '../filters/filters';
import type { Network } from '../graph/network';
import { countingSortOrder, type WeightMode } from '../graph/projection';
import { csrFromSortedEdges, type Csr } from './csr';

/**
 * The CSR of the visible organisations and ties. Node i of the CSR is the i-th visible
 * organisation in index (= sorted id) order; `group` holds sector codes into SECTORS, and
 * `groupNames` is always the full SECTORS list so that every stage speaks the same codes.
 */
export function visibleCsr(network: Network, visibility: Visibility, sectors: ArrayLike<number>): Csr & { orgIndexOf: Int32Array } {
  const { organisations } = network;
  const { ties } = network.projection;
  const N = organisations.length;
  const local = new Int32Array(N).fill(-1);
  const ids: string[] = [];
  const labels: string[] = [];
  const group: number[] = [];
  const orgIndexOf: number[] = [];
  for (let i = 0; i < N; i++) {
    if (!visibility.orgs[i]) continue;
    local[i] = ids.length;
    ids.push(organisations[i]!.id);
    labels.push(organisations[i]!.name || organisations[i]!.id);
    group.push(sectors[i]!);
    orgIndexOf.push(i);
  }
  let m = 0;
  for (let e = 0; e < ties.m; e++) if (visibility.tieShared[e]) m++;
  const edgeU = new Int32Array(m);
  const edgeV = new Int32Array(m);
  const edgeW = new Float64Array(m);
  let k = 0;
  // Ties are sorted by (u, v) in organisation index order; the local renumbering keeps that order.
  for (let e = 0; e < ties.m; e++) {
    if (!visibility.tieShared[e]) continue;
    edgeU[k] = local[ties.u[e]!]!;
    edgeV[k] = local[ties.v[e]!]!;
    edgeW[k] = visibility.tieWeight[e]!;
    k++;
  }
  const csr = csrFromSortedEdges({ ids, labels, group: Int32Array.from(group), groupNames: [...SECTORS], edgeU, edgeV, edgeW });
  return Object.assign(csr, { orgIndexOf: Int32Array.from(orgIndexOf) });
}

/**
 * The visible two-mode data, in CSR node numbers: for each visible activity (in index order)
 * its tie-forming members among the visible organisations, hub flags, and whether it is a
 * listing. With `statedOnly`, implied and inferred participations are left out, as the filter
 * leaves their ties out.
 */
export interface VisibleIncidence {
  /** Number of organisations (CSR nodes). */
  n: number;
  /** Activity index (in the network) of each row. */
  activity: Int32Array;
  memberOffsets: Int32Array;
  members: Int32Array;
  hub: Uint8Array;
  listing: Uint8Array;
}

export function visibleIncidence(network: Network, visibility: Visibility, statedOnly: boolean): VisibleIncidence {
  const inc = network.projection.incidence;
  const N = network.organisations.length;
  const local = new Int32Array(N).fill(-1);
  let n = 0;
  for (let i = 0; i < N; i++) if (visibility.orgs[i]) local[i] = n++;
  const activity: number[] = [];
  const offsets: number[] = [0];
  const members: number[] = [];
  const hub: number[] = [];
  const listing: number[] = [];
  for (let a = 0; a < network.activities.length; a++) {
    if (!visibility.acts[a]) continue;
    const before = members.length;
    for (let p = inc.memberOffsets[a]!; p < inc.memberOffsets[a + 1]!; p++) {
      const o = local[inc.members[p]!]!;
      if (o < 0 || (statedOnly && inc.confidence[p] !== 0)) continue;
      members.push(o);
      hub.push(inc.hub[p]!);
    }
    if (members.length === before) continue;
    activity.push(a);
    offsets.push(members.length);
    listing.push(inc.listing[a]!);
  }
  return {
    n,
    activity: Int32Array.from(activity),
    memberOffsets: Int32Array.from(offsets),
    members: Int32Array.from(members),
    hub: Uint8Array.from(hub),
    listing: Uint8Array.from(listing),
  };
}

/** Number of ties a row of two-mode data forms under the rules. */
export function rowPairs(vi: Pick<VisibleIncidence, 'memberOffsets' | 'hub' | 'listing'>, r: number): number {
  const start = vi.memberOffsets[r]!;
  const n = vi.memberOffsets[r + 1]! - start;
  if (!vi.listing[r]) return (n * (n - 1)) / 2;
  let hubs = 0;
  for (let p = start; p < start + n; p++) hubs += vi.hub[p]!;
  return (hubs * (hubs - 1)) / 2 + hubs * (n - hubs);
}

/**
 * Projects (visible) two-mode data onto sorted, de-duplicated ties under the same rules as the
 * network (listings tie members to hubs only; weights `shared` or `newman`). Used to re-project
 * randomised or resampled data: `rowWeight` multiplies a row's contribution (a bootstrap draws an
 * activity several times) and rows with weight 0 are left out.
 */
export function projectVisibleIncidence(
  vi: Pick<VisibleIncidence, 'n' | 'memberOffsets' | 'members' | 'hub' | 'listing'>,
  weight: WeightMode,
  rowWeight?: ArrayLike<number>,
): { edgeU: Int32Array; edgeV: Int32Array; edgeW: Float64Array; shared: Float64Array } {
  const rows = vi.listing.length;
  const times = (r: number) => (rowWeight ? rowWeight[r]! : 1);
  let total = 0;
  for (let r = 0; r < rows; r++) if (times(r) > 0) total += rowPairs(vi, r);
  const tu = new Int32Array(total);
  const tv = new Int32Array(total);
  const tw = new Float64Array(total);
  const tr = new Float64Array(total);
  let k = 0;
  for (let r = 0; r < rows; r++) {
    const t = times(r);
    if (!(t > 0)) continue;
    const start = vi.memberOffsets[r]!;
    const end = vi.memberOffsets[r + 1]!;
    const c = (weight === 'newman' ? 1 / (end - start - 1) : 1) * t;
    const emit = (x: number, y: number) => {
      tu[k] = x < y ? x : y;
      tv[k] = x < y ? y : x;
      tw[k] = c;
      tr[k] = t;
      k++;
    };
    if (!vi.listing[r]) {
      for (let p = start; p < end; p++) for (let q = p + 1; q < end; q++) emit(vi.members[p]!, vi.members[q]!);
    } else {
      for (let p = start; p < end; p++) {
        if (!vi.hub[p]) continue;
        for (let q = start; q < end; q++) if (q !== p && !(vi.hub[q] && q < p)) emit(vi.members[p]!, vi.members[q]!);
      }
    }
  }
  const order = countingSortOrder(tu, total, vi.n, countingSortOrder(tv, total, vi.n));
  let m = 0;
  for (let i = 0; i < total; i++) {
    const t = order[i]!;
    if (i === 0 || tu[t] !== tu[order[i - 1]!] || tv[t] !== tv[order[i - 1]!]) m++;
  }
  const edgeU = new Int32Array(m);
  const edgeV = new Int32Array(m);
  const edgeW = new Float64Array(m);
  const shared = new Float64Array(m);
  let e = -1;
  for (let i = 0; i < total; i++) {
    const t = order[i]!;
    if (e < 0 || tu[t] !== edgeU[e] || tv[t] !== edgeV[e]) {
      e++;
      edgeU[e] = tu[t]!;
      edgeV[e] = tv[t]!;
    }
    edgeW[e] = edgeW[e]! + tw[t]!;
    shared[e] = shared[e]! + tr[t]!;
  }
  return { edgeU, edgeV, edgeW, shared };
}

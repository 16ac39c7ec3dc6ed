/**
 * The visible part of the network in the analysis's own shapes: the CSR of the visible ties, and
 * the visible two-mode data (tie-forming participations of visible organisations in visible
 * activities) that the two-mode null model randomises.
 */
import { SECTORS } from '../data/sectors';
import type { Visibility } from '../filters/filters';
import type { Network } from '../graph/network';
import { activityPairs, tieAdjacency, type TieAdjacency, type WeightMode } from '../graph/projection';
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

/** The two-mode data a projection reads (a `VisibleIncidence` fits). */
type TwoModeRows = Pick<VisibleIncidence, 'n' | 'memberOffsets' | 'members' | 'hub' | 'listing'>;

/**
 * Column index of two-mode data: the slots of each organisation in row order (rows with a weight
 * of 0 left out), the ties those rows form at most, and whether every row lists its members in
 * increasing order.
 */
function columnIndex(vi: TwoModeRows, times: (r: number) => number) {
  const { n, memberOffsets, members, listing } = vi;
  const rows = listing.length;
  const P = memberOffsets[rows] ?? 0;
  const slotRow = new Int32Array(P);
  const colOffsets = new Int32Array(n + 1);
  let total = 0;
  let sorted = true;
  for (let r = 0; r < rows; r++) {
    if (!(times(r) > 0)) continue;
    total += activityPairs(vi, r);
    for (let p = memberOffsets[r]!, end = memberOffsets[r + 1]!; p < end; p++) {
      slotRow[p] = r;
      colOffsets[members[p]! + 1]!++;
      if (p > memberOffsets[r]! && members[p]! <= members[p - 1]!) sorted = false;
    }
  }
  for (let i = 0; i < n; i++) colOffsets[i + 1] = colOffsets[i + 1]! + colOffsets[i]!;
  const colSlots = new Int32Array(colOffsets[n]!);
  const fill = colOffsets.slice(0, n);
  for (let r = 0; r < rows; r++) {
    if (!(times(r) > 0)) continue;
    for (let p = memberOffsets[r]!, end = memberOffsets[r + 1]!; p < end; p++) colSlots[fill[members[p]!]!++] = p;
  }
  return { slotRow, colOffsets, colSlots, total, sorted };
}

type ColumnIndex = ReturnType<typeof columnIndex>;

/**
 * Calls `visit(v, r)` for every partner v > u that a row r of u ties u to under the rules (in a
 * listing, a hub to every member and a member to the hubs only), u's rows in increasing order.
 */
function forEachPartner(vi: TwoModeRows, index: ColumnIndex, u: number, visit: (v: number, r: number) => void): void {
  const { memberOffsets, members, hub, listing } = vi;
  const { slotRow, colOffsets, colSlots, sorted } = index;
  for (let q = colOffsets[u]!, qEnd = colOffsets[u + 1]!; q < qEnd; q++) {
    const p = colSlots[q]!;
    const r = slotRow[p]!;
    const end = memberOffsets[r + 1]!;
    const ordinary = !listing[r];
    // In a sorted ordinary row the partners v > u are exactly the slots after u's.
    for (let x = ordinary && sorted ? p + 1 : memberOffsets[r]!; x < end; x++) {
      const v = members[x]!;
      if (v > u && (ordinary || hub[p] || hub[x])) visit(v, r);
    }
  }
}

/**
 * Organisation by organisation (u = 0, 1, …): `first(v)` when a row of u first ties it to v > u,
 * `each(v, r)` for every row r that does (in row order), then `ties(u, partners)` with u's
 * partners in increasing order. A projection without a (pair, row) list or a sort of one.
 */
function forEachOrganisationsTies(
  vi: TwoModeRows,
  index: ColumnIndex,
  first: (v: number) => void,
  each: (v: number, r: number) => void,
  ties: (u: number, partners: Int32Array) => void,
): void {
  const { n } = vi;
  const seen = new Int32Array(n).fill(-1);
  const touched = new Int32Array(n);
  let u = 0;
  let k = 0;
  const visit = (v: number, r: number) => {
    if (seen[v] !== u) {
      seen[v] = u;
      touched[k++] = v;
      first(v);
    }
    each(v, r);
  };
  for (; u < n; u++) {
    k = 0;
    forEachPartner(vi, index, u, visit);
    if (k > 0) ties(u, touched.subarray(0, k).sort());
  }
}

/** What one draw of a row adds to the weight of each tie it forms: 1, or 1/(n − 1) for `newman`. */
function rowCoefficients(vi: TwoModeRows, weight: WeightMode): Float64Array {
  const rows = vi.listing.length;
  const out = new Float64Array(rows);
  for (let r = 0; r < rows; r++) out[r] = weight === 'newman' ? 1 / (vi.memberOffsets[r + 1]! - vi.memberOffsets[r]! - 1) : 1;
  return out;
}

/**
 * Projects (visible) two-mode data onto sorted, de-duplicated ties under the same rules as the
 * network (listings tie members to hubs only; weights `shared` or `newman`). Used to re-project
 * randomised or resampled data: `rowWeight` multiplies a row's contribution (a bootstrap draws an
 * activity several times) and rows with weight 0 are left out.
 *
 * Organisation by organisation: the rows of u (in row order) are scanned for partners v > u, whose
 * weights are summed in a scratch array; u's partners are then sorted and written out. The edges
 * come out sorted by (u, v) with no (pair, row) triple list and no sort of it, and each weight is
 * summed in row order, as a sort of the triples would (the same floating-point sums).
 */
export function projectVisibleIncidence(
  vi: TwoModeRows,
  weight: WeightMode,
  rowWeight?: ArrayLike<number>,
): { edgeU: Int32Array; edgeV: Int32Array; edgeW: Float64Array; shared: Float64Array } {
  const { n } = vi;
  const times = (r: number) => (rowWeight ? rowWeight[r]! : 1);
  const index = columnIndex(vi, times);
  const bound = Math.min(index.total, (n * (n - 1)) / 2);
  let edgeU = new Int32Array(bound);
  let edgeV = new Int32Array(bound);
  let edgeW = new Float64Array(bound);
  let shared = new Float64Array(bound);
  const sumW = new Float64Array(n);
  const sumS = new Float64Array(n);
  const coefficient = rowCoefficients(vi, weight);
  let m = 0;
  forEachOrganisationsTies(
    vi,
    index,
    (v) => {
      sumW[v] = 0;
      sumS[v] = 0;
    },
    (v, r) => {
      const t = times(r);
      sumW[v] = sumW[v]! + coefficient[r]! * t;
      sumS[v] = sumS[v]! + t;
    },
    (u, partners) => {
      for (const v of partners) {
        edgeU[m] = u;
        edgeV[m] = v;
        edgeW[m] = sumW[v]!;
        shared[m] = sumS[v]!;
        m++;
      }
    },
  );
  if (m < bound) {
    edgeU = edgeU.slice(0, m);
    edgeV = edgeV.slice(0, m);
    edgeW = edgeW.slice(0, m);
    shared = shared.slice(0, m);
  }
  return { edgeU, edgeV, edgeW, shared };
}

/**
 * The ties of two-mode data (every row drawn once) with the rows that form each, in increasing
 * order: what `ResampledAdjacency` needs to re-project a resample without scanning the rows again.
 */
export interface TieRows {
  /** The ties, sorted by (u, v), as `projectVisibleIncidence` gives them. */
  edgeU: Int32Array;
  edgeV: Int32Array;
  /** Tie e is formed by the rows `rows[rowOffsets[e]]` … `rows[rowOffsets[e + 1] − 1]`. */
  rowOffsets: Int32Array;
  rows: Int32Array;
}

/** The ties of two-mode data with their rows (the weight rule changes weights only, not which pairs are tied). */
export function tieRows(vi: TwoModeRows): TieRows {
  const { n } = vi;
  const index = columnIndex(vi, () => 1);
  const bound = Math.min(index.total, (n * (n - 1)) / 2);
  const edgeU = new Int32Array(bound);
  const edgeV = new Int32Array(bound);
  const rowOffsets = new Int32Array(bound + 1);
  const rows = new Int32Array(index.total);
  const count = new Int32Array(n);
  const next = new Int32Array(n);
  let m = 0;
  // Each partner's rows are counted, its slice of `rows` placed after u's sorted partners, and
  // then u's rows are walked again to fill the slices (in row order).
  const placeRow = (v: number, r: number) => {
    rows[next[v]!++] = r;
  };
  forEachOrganisationsTies(
    vi,
    index,
    (v) => {
      count[v] = 0;
    },
    (v) => {
      count[v]!++;
    },
    (u, partners) => {
      for (const v of partners) {
        edgeU[m] = u;
        edgeV[m] = v;
        next[v] = rowOffsets[m]!;
        rowOffsets[m + 1] = rowOffsets[m]! + count[v]!;
        m++;
      }
      forEachPartner(vi, index, u, placeRow);
    },
  );
  return {
    edgeU: edgeU.slice(0, m),
    edgeV: edgeV.slice(0, m),
    rowOffsets: rowOffsets.slice(0, m + 1),
    rows,
  };
}

/**
 * Who is tied to whom in resamples of the rows, on fixed nodes: the ties that
 * `projectVisibleIncidence(vi, weight, rowWeight)` would give (a tie is kept when one of its rows
 * is drawn), as sorted adjacency lists. The arcs of every tie are laid out once (tieAdjacency, as
 * the network's); a resample filters them into buffers made once, so the convener bootstraps
 * build no edge list, no weights and no new arrays per resample.
 */
export class ResampledAdjacency {
  private readonly ties: TieRows;
  /** Adjacency of all the ties (sorted lists), each arc with its tie. */
  private readonly all: TieAdjacency;
  private readonly kept: Uint8Array;
  private readonly offsets: Int32Array;
  private readonly targets: Int32Array;
  private readonly degree: Int32Array;

  constructor(n: number, ties: TieRows) {
    this.ties = ties;
    const m = ties.edgeU.length;
    this.all = tieAdjacency({ m, u: ties.edgeU, v: ties.edgeV }, n);
    this.kept = new Uint8Array(m);
    this.offsets = new Int32Array(n + 1);
    this.targets = new Int32Array(2 * m);
    this.degree = new Int32Array(n);
  }

  /**
   * The adjacency of the resample in which row r is drawn rowWeight[r] times. The arrays are this
   * object's own and are overwritten by the next call.
   */
  resample(rowWeight: ArrayLike<number>): { offsets: Int32Array; targets: Int32Array; degree: Int32Array } {
    const { rowOffsets, rows } = this.ties;
    const { kept, offsets, targets, degree } = this;
    const { offsets: allOffsets, neighbours: allTargets, ties: arcTie } = this.all;
    for (let e = 0; e < kept.length; e++) {
      let drawn = 0;
      for (let j = rowOffsets[e]!, end = rowOffsets[e + 1]!; j < end; j++) {
        if (rowWeight[rows[j]!]! > 0) {
          drawn = 1;
          break;
        }
      }
      kept[e] = drawn;
    }
    let q = 0;
    for (let x = 0; x < degree.length; x++) {
      offsets[x] = q;
      for (let p = allOffsets[x]!, end = allOffsets[x + 1]!; p < end; p++) if (kept[arcTie[p]!]) targets[q++] = allTargets[p]!;
      degree[x] = q - offsets[x]!;
    }
    offsets[degree.length] = q;
    return { offsets, targets, degree };
  }
}


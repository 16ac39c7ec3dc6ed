/**
 * How ties are made: the projection of the two-mode data (organisations × activities) onto the
 * one-mode network of organisations, under explicit rules that the app and the command line share.
 *
 * - An activity of a *listing* kind (by default `consultation` and `fund`), or one the user turned
 *   into a listing, ties each participant only to the activity's hubs (rows whose role is lead,
 *   coordinator, organiser or chair); hubs are tied to each other. Without a hub it forms no tie.
 *   A consultation list says who was asked, not who worked with whom.
 * - Rows with role `funder` never form ties: funding is a relation to the activity, not to its
 *   participants. Funders stay in the two-mode data (bipartite view, details panel).
 * - Every other activity ties all its tie-forming participants pairwise (NetworkX
 *   `bipartite.weighted_projected_graph`).
 * - Tie weight: `shared`, the number of shared activities; or `newman` (Newman 2001, "Scientific
 *   collaboration networks II", Phys. Rev. E 64, 016132): Σ 1/(n−1) over the shared activities,
 *   n being the number of tie-forming participants of each, so that a pair in a big consortium
 *   weighs less than a pair in a small one.
 *
 * Everything is typed arrays indexed by organisation and activity number (ids sorted by code
 * unit), so national and European data project in well under a second and ids are never used
 * as object keys.
 */
import { CONFIDENCE_LEVELS, type Confidence, type Dataset } from '../data/model';

export type WeightMode = 'shared' | 'newman';

export interface ProjectionRules {
  /** Activity kinds projected as listings (participants tie only to the hub). */
  listingKinds: readonly string[];
  /** Activity ids projected as listings whatever their kind (chosen by the user). */
  listingActivities: readonly string[];
  weight: WeightMode;
  /** Activities with more tie-forming participants than this are reported as large. */
  largeActivity: number;
}

export const DEFAULT_PROJECTION_RULES: ProjectionRules = Object.freeze({
  listingKinds: Object.freeze(['consultation', 'fund']),
  listingActivities: Object.freeze([]),
  weight: 'shared',
  largeActivity: 50,
}) as ProjectionRules;

/** Roles that make an organisation the hub of a listing. */
export const HUB_ROLES: ReadonlySet<string> = new Set(['lead', 'coordinator', 'organiser', 'organizer', 'chair']);
/** Roles that never form ties. */
export const NON_TIE_ROLES: ReadonlySet<string> = new Set(['funder']);

/**
 * More (organisation, organisation, activity) triples than this would take minutes and gigabytes
 * to project, draw and analyse: the projection stops and reports the activities that cause it, so
 * the user can turn them into listings instead of waiting for a frozen tab. All of CORDIS H2020
 * has 1.09 M triples; one activity with 3,000 participants has 4.5 M, and in the browser it froze
 * the main thread for 17.6 s and left the analysis unfinished after five minutes.
 */
export const MAX_PROJECTED_PAIRS = 3_000_000;

export type RoleClass = 'hub' | 'funder' | 'member';

export function roleClass(role: string | undefined): RoleClass {
  const r = (role ?? '').trim().toLowerCase();
  if (NON_TIE_ROLES.has(r)) return 'funder';
  if (HUB_ROLES.has(r)) return 'hub';
  return 'member';
}

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The two-mode data as index arrays. `members` are the tie-forming participations of each
 * activity (sorted organisation indices, hubs flagged); `participants` are all participations
 * whatever the role (used by filters: an organisation takes part in an activity it funds).
 */
export interface Incidence {
  orgIds: string[];
  orgIndex: Map<string, number>;
  actIds: string[];
  actIndex: Map<string, number>;
  memberOffsets: Int32Array;
  members: Int32Array;
  /** 1 where `members[p]` is a hub of its activity. */
  hub: Uint8Array;
  /** Confidence of `members[p]`'s participation: 0 stated, 1 implied, 2 inferred. */
  confidence: Uint8Array;
  /** 1 when the activity is projected as a listing. */
  listing: Uint8Array;
  participantOffsets: Int32Array;
  participants: Int32Array;
  /** Funding relations: `funderOrg[f]` funds activity `funderAct[f]`. */
  funderOrg: Int32Array;
  funderAct: Int32Array;
}

/** Each id's position in `ids`. */
export function positionsOf(ids: readonly string[]): Map<string, number> {
  const index = new Map<string, number>();
  ids.forEach((id, i) => index.set(id, i));
  return index;
}

/**
 * A projection as it travels from the analysis worker to the page: without the two id indexes,
 * which the page rebuilds from the id lists (`withIdIndexes`), and with the tie adjacency the
 * worker has built anyway. On H2020 a structured clone of the two Maps was most of the 160 ms the
 * page spent receiving the projection in one task, and building the adjacency another 100–200 ms.
 */
export type ProjectionOnWire = Omit<Projection, 'incidence'> & { incidence: Omit<Incidence, 'orgIndex' | 'actIndex'>; adjacency: TieAdjacency };

export function forTheWire(projection: Projection, adjacency: TieAdjacency): ProjectionOnWire {
  const { orgIndex: _org, actIndex: _act, ...incidence } = projection.incidence;
  return { ...projection, incidence, adjacency };
}

export function withIdIndexes(wire: ProjectionOnWire): { projection: Projection; adjacency: TieAdjacency } {
  const { adjacency, incidence, ...rest } = wire;
  return { projection: { ...rest, incidence: { ...incidence, orgIndex: positionsOf(incidence.orgIds), actIndex: positionsOf(incidence.actIds) } }, adjacency };
}

export function buildIncidence(dataset: Pick<Dataset, 'organisations' | 'activities' | 'participations'>, rules: ProjectionRules): Incidence {
  const orgIds = dataset.organisations.map((o) => o.id).sort(byCodeUnit);
  const orgIndex = positionsOf(orgIds);
  const actIds = dataset.activities.map((a) => a.id).sort(byCodeUnit);
  const actIndex = positionsOf(actIds);
  const A = actIds.length;

  const listingKinds = new Set(rules.listingKinds.map((k) => k.trim().toLowerCase()));
  const listingIds = new Set(rules.listingActivities);
  const listing = new Uint8Array(A);
  for (const a of dataset.activities) {
    const i = actIndex.get(a.id)!;
    if (listingKinds.has(a.kind.trim().toLowerCase()) || listingIds.has(a.id)) listing[i] = 1;
  }

  // Every participation as (activity, organisation, role class rank, confidence level), sorted by
  // (activity, organisation) with two counting sorts: no per-activity maps, no composite keys.
  const N = orgIds.length;
  const P = dataset.participations.length;
  const pa = new Int32Array(P);
  const po = new Int32Array(P);
  const pRank = new Int8Array(P);
  const pLevel = new Uint8Array(P);
  let count = 0;
  for (const p of dataset.participations) {
    const a = actIndex.get(p.activityId);
    const o = orgIndex.get(p.organisationId);
    if (a === undefined || o === undefined) continue;
    pa[count] = a;
    po[count] = o;
    pRank[count] = classRank(roleClass(p.role));
    pLevel[count] = confidenceLevel(p.confidence);
    count++;
  }
  const order = countingSortOrder(pa, count, A, countingSortOrder(po, count, N));
  // One entry per (activity, organisation): the strongest role class seen (an organisation listed
  // twice in one activity, once as lead and once as partner, is one hub) and the best-supported
  // confidence (any stated row makes it stated).
  const gAct = new Int32Array(count);
  const gOrg = new Int32Array(count);
  const gRank = new Int8Array(count);
  const gLevel = new Uint8Array(count);
  let groups = 0;
  for (let i = 0; i < count; i++) {
    const t = order[i]!;
    if (groups > 0 && gAct[groups - 1] === pa[t] && gOrg[groups - 1] === po[t]) {
      if (pRank[t]! > gRank[groups - 1]!) gRank[groups - 1] = pRank[t]!;
      if (pLevel[t]! < gLevel[groups - 1]!) gLevel[groups - 1] = pLevel[t]!;
    } else {
      gAct[groups] = pa[t]!;
      gOrg[groups] = po[t]!;
      gRank[groups] = pRank[t]!;
      gLevel[groups] = pLevel[t]!;
      groups++;
    }
  }
  const FUNDER = classRank('funder');
  const HUB = classRank('hub');
  const memberOffsets = new Int32Array(A + 1);
  const participantOffsets = new Int32Array(A + 1);
  for (let g = 0; g < groups; g++) {
    participantOffsets[gAct[g]! + 1]!++;
    if (gRank[g] !== FUNDER) memberOffsets[gAct[g]! + 1]!++;
  }
  for (let a = 0; a < A; a++) {
    memberOffsets[a + 1] = memberOffsets[a + 1]! + memberOffsets[a]!;
    participantOffsets[a + 1] = participantOffsets[a + 1]! + participantOffsets[a]!;
  }
  const members = new Int32Array(memberOffsets[A]!);
  const hub = new Uint8Array(memberOffsets[A]!);
  const confidence = new Uint8Array(memberOffsets[A]!);
  const participants = new Int32Array(participantOffsets[A]!);
  const funderOrg: number[] = [];
  const funderAct: number[] = [];
  // Groups are in (activity, organisation) order, so each activity's lists come out sorted.
  for (let g = 0, m = 0; g < groups; g++) {
    participants[g] = gOrg[g]!;
    if (gRank[g] === FUNDER) {
      funderOrg.push(gOrg[g]!);
      funderAct.push(gAct[g]!);
      continue;
    }
    members[m] = gOrg[g]!;
    hub[m] = gRank[g] === HUB ? 1 : 0;
    confidence[m] = gLevel[g]!;
    m++;
  }
  return {
    orgIds,
    orgIndex,
    actIds,
    actIndex,
    memberOffsets,
    members,
    hub,
    confidence,
    listing,
    participantOffsets,
    participants,
    funderOrg: Int32Array.from(funderOrg),
    funderAct: Int32Array.from(funderAct),
  };
}

/** 0 stated (also when not given), 1 implied, 2 inferred. */
export function confidenceLevel(c: Confidence | string | undefined): number {
  const i = CONFIDENCE_LEVELS.indexOf((c ?? 'stated') as Confidence);
  return i < 0 ? 0 : i;
}

/** hub > member > funder: a funder that is also a partner of the activity takes part as a partner. */
const classRank = (c: RoleClass | undefined) => (c === 'hub' ? 2 : c === 'member' ? 1 : c === 'funder' ? 0 : -1);

/** The ties an activity forms: the number of tie-forming members and of hubs among them. */
function activityShape(inc: Pick<Incidence, 'memberOffsets' | 'hub'>, a: number): { n: number; hubs: number } {
  const start = inc.memberOffsets[a]!;
  const end = inc.memberOffsets[a + 1]!;
  let hubs = 0;
  for (let p = start; p < end; p++) hubs += inc.hub[p]!;
  return { n: end - start, hubs };
}

/** Ties an activity of n participants, `hubs` of them hubs, forms as a listing: hubs with each other and with everyone. */
function listingPairs({ n, hubs }: { n: number; hubs: number }): number {
  return (hubs * (hubs - 1)) / 2 + hubs * (n - hubs);
}

/** Number of (pair, activity) triples an activity (a row of any two-mode data) contributes under the rules. */
export function activityPairs(inc: Pick<Incidence, 'memberOffsets' | 'hub' | 'listing'>, a: number): number {
  const shape = activityShape(inc, a);
  if (!inc.listing[a]) return (shape.n * (shape.n - 1)) / 2;
  return listingPairs(shape);
}

export interface LargeActivity {
  id: string;
  /** Tie-forming participants. */
  participants: number;
  /** Ties it forms under the current rules. */
  pairs: number;
  listing: boolean;
}

/** An activity a listing does not shrink: `hubs` of its participants are leads or coordinators. */
export type UnlistableActivity = LargeActivity & { hubs: number };

/** What the size guard reports (ProjectionTooLargeError's data, as it crosses to the page). */
export interface TooLarge {
  pairs: number;
  large: Omit<LargeActivity, 'listing'>[];
  unlistable: Omit<UnlistableActivity, 'listing'>[];
}

/** The size of the projection before it is built: Σ pairs, and the activities over `threshold`. */
export function estimateProjection(inc: Incidence, threshold: number): { pairs: number; large: LargeActivity[] } {
  let pairs = 0;
  const large: LargeActivity[] = [];
  for (let a = 0; a < inc.actIds.length; a++) {
    const p = activityPairs(inc, a);
    pairs += p;
    const n = inc.memberOffsets[a + 1]! - inc.memberOffsets[a]!;
    if (n > threshold) large.push({ id: inc.actIds[a]!, participants: n, pairs: p, listing: inc.listing[a] === 1 });
  }
  large.sort((x, y) => y.pairs - x.pairs || byCodeUnit(x.id, y.id));
  return { pairs, large };
}

/**
 * Organisation ties: `u[e] < v[e]`, sorted by (u, v). Each tie lists the activities behind it
 * (`acts[actOffsets[e]..actOffsets[e+1]]`, increasing) with each activity's contribution to the
 * weight (`actWeight`: 1 for `shared`, 1/(n−1) for `newman`).
 */
export interface Ties {
  m: number;
  u: Int32Array;
  v: Int32Array;
  /** Number of shared activities. */
  shared: Int32Array;
  /** Weight under the rules' weight mode. */
  weight: Float64Array;
  actOffsets: Int32Array;
  acts: Int32Array;
  actWeight: Float64Array;
  /** Per (tie, activity): the weaker confidence of the two participations (0 stated, 1 implied, 2 inferred). */
  actConfidence: Uint8Array;
  /** Per tie: the best-supported of its activities' confidences. */
  confidence: Uint8Array;
}

/**
 * Calls `emit(u, v, contribution, confidence)` for every pair an activity forms, u < v; the
 * pair's confidence is the weaker of the two participations'.
 */
export function forEachActivityPair(
  inc: Incidence,
  a: number,
  weight: WeightMode,
  emit: (u: number, v: number, contribution: number, confidence: number) => void,
): void {
  const start = inc.memberOffsets[a]!;
  const end = inc.memberOffsets[a + 1]!;
  const n = end - start;
  if (n < 2) return;
  const c = weight === 'newman' ? 1 / (n - 1) : 1;
  const { members, confidence } = inc;
  const pair = (p: number, q: number) => {
    const x = members[p]!;
    const y = members[q]!;
    const level = Math.max(confidence[p]!, confidence[q]!);
    if (x < y) emit(x, y, c, level);
    else emit(y, x, c, level);
  };
  if (!inc.listing[a]) {
    for (let p = start; p < end; p++) for (let q = p + 1; q < end; q++) pair(p, q);
    return;
  }
  for (let p = start; p < end; p++) {
    if (!inc.hub[p]) continue;
    for (let q = start; q < end; q++) {
      if (q === p || (inc.hub[q] && q < p)) continue;
      pair(p, q);
    }
  }
}

/**
 * Projects the incidence onto organisation ties, organisation by organisation: the activities of u
 * (in activity order) are scanned for partners v > u, u's partners are sorted, and each tie's
 * activities are written in activity order. Ties come out sorted by (u, v) with no triple list to
 * sort and no string keys; weights are summed in activity order.
 */
export function projectTies(inc: Incidence, weight: WeightMode): Ties {
  const A = inc.actIds.length;
  const n = inc.orgIds.length;
  const { memberOffsets, members, hub, listing } = inc;
  let total = 0;
  for (let a = 0; a < A; a++) total += activityPairs(inc, a);
  // Column index: the slots of each organisation, in activity order.
  const P = memberOffsets[A] ?? 0;
  const slotAct = new Int32Array(P);
  const colOffsets = new Int32Array(n + 1);
  let sorted = true;
  for (let a = 0; a < A; a++) {
    for (let p = memberOffsets[a]!, end = memberOffsets[a + 1]!; p < end; p++) {
      slotAct[p] = a;
      colOffsets[members[p]! + 1]!++;
      if (p > memberOffsets[a]! && members[p]! <= members[p - 1]!) sorted = false;
    }
  }
  for (let i = 0; i < n; i++) colOffsets[i + 1] = colOffsets[i + 1]! + colOffsets[i]!;
  const colSlots = new Int32Array(P);
  const fill = colOffsets.slice(0, n);
  for (let p = 0; p < P; p++) colSlots[fill[members[p]!]!++] = p;

  const bound = Math.min(total, (n * (n - 1)) / 2);
  let u = new Int32Array(bound);
  let v = new Int32Array(bound);
  let shared = new Int32Array(bound);
  let w = new Float64Array(bound);
  let confidence = new Uint8Array(bound);
  const actOffsets0 = new Int32Array(bound + 1);
  const acts = new Int32Array(total);
  const actWeight = new Float64Array(total);
  const actConfidence = new Uint8Array(total);
  const seen = new Int32Array(n).fill(-1);
  const count = new Int32Array(n);
  const edgeOf = new Int32Array(n);
  const cursor = new Int32Array(n);
  const touched = new Int32Array(n);
  let m = 0;
  let filled = 0;
  for (let o = 0; o < n; o++) {
    let k = 0;
    for (let q = colOffsets[o]!, qEnd = colOffsets[o + 1]!; q < qEnd; q++) {
      const p = colSlots[q]!;
      const a = slotAct[p]!;
      const end = memberOffsets[a + 1]!;
      const ordinary = !listing[a];
      // The partners v > u; in a sorted ordinary row they are exactly the slots after u's.
      for (let x = ordinary && sorted ? p + 1 : memberOffsets[a]!; x < end; x++) {
        const y = members[x]!;
        if (y <= o || (!ordinary && !hub[p] && !hub[x])) continue;
        if (seen[y] !== o) {
          seen[y] = o;
          touched[k++] = y;
          count[y] = 0;
        }
        count[y]!++;
      }
    }
    if (k === 0) continue;
    const list = touched.subarray(0, k).sort();
    for (let j = 0; j < k; j++) {
      const y = list[j]!;
      const e = m + j;
      u[e] = o;
      v[e] = y;
      shared[e] = count[y]!;
      confidence[e] = 255;
      edgeOf[y] = e;
      actOffsets0[e] = filled;
      cursor[y] = filled;
      filled += count[y]!;
    }
    m += k;
    for (let q = colOffsets[o]!, qEnd = colOffsets[o + 1]!; q < qEnd; q++) {
      const p = colSlots[q]!;
      const a = slotAct[p]!;
      const c = weight === 'newman' ? 1 / (memberOffsets[a + 1]! - memberOffsets[a]! - 1) : 1;
      const cp = inc.confidence[p]!;
      const end = memberOffsets[a + 1]!;
      const ordinary = !listing[a];
      for (let x = ordinary && sorted ? p + 1 : memberOffsets[a]!; x < end; x++) {
        const y = members[x]!;
        if (y <= o || (!ordinary && !hub[p] && !hub[x])) continue;
        const e = edgeOf[y]!;
        const i = cursor[y]!++;
        const level = cp > inc.confidence[x]! ? cp : inc.confidence[x]!;
        acts[i] = a;
        actWeight[i] = c;
        actConfidence[i] = level;
        w[e] = w[e]! + c;
        if (level < confidence[e]!) confidence[e] = level;
      }
    }
  }
  const actOffsets = actOffsets0.slice(0, m + 1);
  actOffsets[m] = total;
  if (m < bound) {
    u = u.slice(0, m);
    v = v.slice(0, m);
    shared = shared.slice(0, m);
    w = w.slice(0, m);
    confidence = confidence.slice(0, m);
  }
  return { m, u, v, shared, weight: w, actOffsets, acts, actWeight, actConfidence, confidence };
}

/** Stable counting sort of `keys[order[k]]` (or `keys[k]`) with keys in [0, range). */
export function countingSortOrder(keys: Int32Array, count: number, range: number, order?: Int32Array): Int32Array {
  const buckets = new Int32Array(range + 1);
  for (let k = 0; k < count; k++) buckets[keys[order ? order[k]! : k]! + 1]!++;
  for (let i = 0; i < range; i++) buckets[i + 1] = buckets[i + 1]! + buckets[i]!;
  const out = new Int32Array(count);
  for (let k = 0; k < count; k++) {
    const e = order ? order[k]! : k;
    out[buckets[keys[e]!]!++] = e;
  }
  return out;
}

export interface Projection {
  rules: ProjectionRules;
  incidence: Incidence;
  ties: Ties;
  /** Activities over the rules' size threshold, largest first. */
  large: LargeActivity[];
  /** Number of (pair, activity) triples (= Σ pairs per activity). */
  pairs: number;
}

/**
 * What the size guard offers to list: the largest activities, largest first, that must become
 * listings for the projection to have at most `maxPairs` triples — not the small ones that merely
 * follow them in size. Activities that are listings already, or that would form as many ties as a
 * listing, are skipped. When listing all of them is still not enough, every one that helps is
 * returned.
 */
export function activitiesToList(inc: Incidence, maxPairs: number): LargeActivity[] {
  const { pairs, large } = estimateProjection(inc, 1);
  let remaining = pairs;
  const out: LargeActivity[] = [];
  for (const activity of large) {
    if (remaining <= maxPairs) break;
    if (activity.listing) continue;
    const saved = activity.pairs - listingPairs(activityShape(inc, inc.actIndex.get(activity.id)!));
    if (saved <= 0) continue;
    remaining -= saved;
    out.push(activity);
  }
  return out;
}

/**
 * Activities that still make the projection too large when every activity that can become a
 * listing is one: those where (nearly) every participant is a hub (lead, coordinator…), so a
 * listing ties them all as before. Largest first, as many as must change for the projection to fit.
 */
export function activitiesListingCannotShrink(inc: Incidence, maxPairs: number, listed: readonly LargeActivity[]): UnlistableActivity[] {
  const { pairs, large } = estimateProjection(inc, 1);
  const listedIds = new Set(listed.map((a) => a.id));
  let remaining = pairs;
  for (const activity of listed) remaining -= activity.pairs - listingPairs(activityShape(inc, inc.actIndex.get(activity.id)!));
  const out: UnlistableActivity[] = [];
  for (const activity of large) {
    if (remaining <= maxPairs) break;
    if (listedIds.has(activity.id)) continue;
    const { hubs } = activityShape(inc, inc.actIndex.get(activity.id)!);
    remaining -= activity.pairs;
    out.push({ ...activity, hubs });
  }
  return out;
}

export class ProjectionTooLargeError extends Error {
  constructor(
    readonly pairs: number,
    /** The activities to treat as listings (what the app offers). */
    readonly large: LargeActivity[],
    /** Activities a listing does not shrink (every participant a hub): their roles must change. */
    readonly unlistable: UnlistableActivity[] = [],
  ) {
    super(`The network would have ${pairs} activity ties, more than the ${MAX_PROJECTED_PAIRS} that can be built safely.`);
    this.name = 'ProjectionTooLargeError';
  }

  /** What crosses a worker boundary with the error (rpc.ts sends an error's `data`): any call that builds a network may throw it. */
  get data(): TooLarge {
    return { pairs: this.pairs, large: this.large, unlistable: this.unlistable };
  }
}

/** The size guard's error for an incidence of `pairs` triples: what to list, and what listing cannot fix. */
export function projectionTooLarge(inc: Incidence, pairs: number, maxPairs = MAX_PROJECTED_PAIRS): ProjectionTooLargeError {
  const large = activitiesToList(inc, maxPairs);
  return new ProjectionTooLargeError(pairs, large, activitiesListingCannotShrink(inc, maxPairs, large));
}

/**
 * The whole projection; throws ProjectionTooLargeError instead of freezing on a huge one. The error
 * lists every activity that must become a listing (a view shows the first few).
 */
export function project(
  dataset: Pick<Dataset, 'organisations' | 'activities' | 'participations'>,
  rules: ProjectionRules = DEFAULT_PROJECTION_RULES,
  maxPairs = MAX_PROJECTED_PAIRS,
): Projection {
  const incidence = buildIncidence(dataset, rules);
  const { pairs, large } = estimateProjection(incidence, rules.largeActivity);
  if (pairs > maxPairs) {
    throw projectionTooLarge(incidence, pairs, maxPairs);
  }
  return { rules, incidence, ties: projectTies(incidence, rules.weight), large, pairs };
}

/** Ties per activity kind, and how many of them come only from listings: "how ties are made" in numbers. */
export function tieSources(projection: Projection, kindOf: (activityId: string) => string): { kind: string; ties: number; only: number }[] {
  const { ties, incidence } = projection;
  // Kinds as small codes, looked up once per activity rather than once per (tie, activity): on
  // H2020 that is 31 k lookups instead of 1.1 M, and no Set per tie.
  const kinds: string[] = [];
  const codeOfKind = new Map<string, number>();
  const kindCode = Int32Array.from(incidence.actIds, (id) => {
    const kind = kindOf(id);
    let code = codeOfKind.get(kind);
    if (code === undefined) codeOfKind.set(kind, (code = kinds.push(kind) - 1));
    return code;
  });
  const tiesOf = new Float64Array(kinds.length);
  const onlyOf = new Float64Array(kinds.length);
  const seenIn = new Int32Array(kinds.length).fill(-1);
  const found = new Int32Array(kinds.length);
  for (let e = 0; e < ties.m; e++) {
    let count = 0;
    for (let p = ties.actOffsets[e]!; p < ties.actOffsets[e + 1]!; p++) {
      const code = kindCode[ties.acts[p]!]!;
      if (seenIn[code] === e) continue;
      seenIn[code] = e;
      found[count++] = code;
    }
    for (let i = 0; i < count; i++) {
      tiesOf[found[i]!]!++;
      if (count === 1) onlyOf[found[i]!]!++;
    }
  }
  const out: { kind: string; ties: number; only: number }[] = [];
  kinds.forEach((kind, code) => {
    if (tiesOf[code]! > 0) out.push({ kind, ties: tiesOf[code]!, only: onlyOf[code]! });
  });
  return out.sort((a, b) => b.ties - a.ties || byCodeUnit(a.kind, b.kind));
}

/** Neighbours of every organisation over the ties, with the tie behind each (CSR). */
export interface TieAdjacency {
  offsets: Int32Array;
  neighbours: Int32Array;
  ties: Int32Array;
}

export function tieAdjacency(ties: Pick<Ties, 'm' | 'u' | 'v'>, n: number): TieAdjacency {
  const degree = new Int32Array(n);
  for (let e = 0; e < ties.m; e++) {
    degree[ties.u[e]!]!++;
    degree[ties.v[e]!]!++;
  }
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i]! + degree[i]!;
  const fill = offsets.slice(0, n);
  const neighbours = new Int32Array(2 * ties.m);
  const tieOf = new Int32Array(2 * ties.m);
  // Same placement as the analysis CSR: neighbour lists come out sorted.
  for (let e = 0; e < ties.m; e++) {
    const p = fill[ties.v[e]!]!++;
    neighbours[p] = ties.u[e]!;
    tieOf[p] = e;
  }
  for (let e = 0; e < ties.m; e++) {
    const p = fill[ties.u[e]!]!++;
    neighbours[p] = ties.v[e]!;
    tieOf[p] = e;
  }
  return { offsets, neighbours, ties: tieOf };
}

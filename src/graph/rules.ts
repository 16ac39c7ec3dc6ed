/**
 * "How ties are made", in numbers: what the tie rules of a projection do to this dataset. Pure;
 * the rules panel in the app and the README's Methods section read the same figures.
 */
import type { Network } from './network';
import type { Visibility } from '../filters/filters';
import { tieSources, type LargeActivity } from './projection';

export interface KindRule {
  kind: string;
  activities: number;
  /** Projected as a listing (participants tie to the hub only). */
  listing: boolean;
  /** Ties with at least one activity of this kind behind them. */
  ties: number;
  /** Ties that exist only because of activities of this kind. */
  only: number;
}

export interface ProjectionSummary {
  kinds: KindRule[];
  ties: number;
  /** Listings without a hub role: they form no ties. */
  listingsWithoutHub: number;
  /** Listings in all (by kind or chosen one by one). */
  listings: number;
  /** Funding relations (role funder): never a tie. */
  fundingRows: number;
  funders: number;
  /** Activities over the size threshold, largest first, with their titles. */
  large: (LargeActivity & { title: string })[];
  largeThreshold: number;
}

export function summariseProjection(network: Network): ProjectionSummary {
  const { projection, activities } = network;
  const { incidence: inc, rules } = projection;
  const perKind = new Map<string, { activities: number; listing: boolean }>();
  let listings = 0;
  let listingsWithoutHub = 0;
  for (let a = 0; a < activities.length; a++) {
    const kind = activities[a]!.kind;
    const entry = perKind.get(kind) ?? { activities: 0, listing: false };
    entry.activities++;
    perKind.set(kind, entry);
    if (!inc.listing[a]) continue;
    listings++;
    let hubs = 0;
    for (let p = inc.memberOffsets[a]!; p < inc.memberOffsets[a + 1]!; p++) hubs += inc.hub[p]!;
    if (hubs === 0 && inc.memberOffsets[a + 1]! > inc.memberOffsets[a]!) listingsWithoutHub++;
  }
  const listingKinds = new Set(rules.listingKinds.map((k) => k.trim().toLowerCase()));
  for (const [kind, entry] of perKind) entry.listing = listingKinds.has(kind.trim().toLowerCase());
  const sources = new Map(tieSources(projection, (id) => activities[inc.actIndex.get(id)!]?.kind ?? '').map((s) => [s.kind, s]));
  const kinds = [...perKind.entries()]
    .map(([kind, e]) => ({ kind, activities: e.activities, listing: e.listing, ties: sources.get(kind)?.ties ?? 0, only: sources.get(kind)?.only ?? 0 }))
    .sort((x, y) => y.ties - x.ties || y.activities - x.activities || (x.kind < y.kind ? -1 : x.kind > y.kind ? 1 : 0));
  return {
    kinds,
    ties: projection.ties.m,
    listings,
    listingsWithoutHub,
    fundingRows: inc.funderOrg.length,
    funders: new Set(inc.funderOrg).size,
    large: projection.large.map((l) => ({ ...l, title: activities[inc.actIndex.get(l.id)!]?.title ?? l.id })),
    largeThreshold: rules.largeActivity,
  };
}

export interface TieBasis {
  /** Visible ties of the organisation. */
  ties: number;
  /** Of those, ties whose every visible activity is a listing. */
  listingOnly: number;
  /** Kinds of those listing activities, most ties first. */
  listingKinds: string[];
}

/** How many of an organisation's visible ties rest on listings alone (a consultation list, a fund). */
export function tieBasis(network: Network, visibility: Visibility, org: number): TieBasis {
  const { adjacency, projection, activities } = network;
  const { ties: t, incidence: inc } = projection;
  let ties = 0;
  let listingOnly = 0;
  const kinds = new Map<string, number>();
  for (let p = adjacency.offsets[org]!; p < adjacency.offsets[org + 1]!; p++) {
    const e = adjacency.ties[p]!;
    if (!visibility.tieShared[e] || !visibility.orgs[adjacency.neighbours[p]!]) continue;
    ties++;
    let onlyListings = true;
    const seen: string[] = [];
    for (let q = t.actOffsets[e]!; q < t.actOffsets[e + 1]!; q++) {
      const a = t.acts[q]!;
      if (!visibility.acts[a]) continue;
      if (!inc.listing[a]) {
        onlyListings = false;
        break;
      }
      seen.push(activities[a]!.kind);
    }
    if (!onlyListings) continue;
    listingOnly++;
    for (const k of new Set(seen)) kinds.set(k, (kinds.get(k) ?? 0) + 1);
  }
  const listingKinds = [...kinds.entries()].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).map(([k]) => k);
  return { ties, listingOnly, listingKinds };
}

/** `tieBasis` of an organisation by id; null when it is not in the network. */
export function tieBasisOf(network: Network, visibility: Visibility, id: string): TieBasis | null {
  const org = network.projection.incidence.orgIndex.get(id);
  return org === undefined ? null : tieBasis(network, visibility, org);
}

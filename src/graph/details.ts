/**
 * What the details panel shows for an organisation: its activities (with roles, including what
 * it funds) and its partners grouped by sector, over the visible network.
 */
import { CONFIDENCE_LEVELS, type Activity, type Confidence, type Organisation } from '../data/model';
import { SECTORS, type Sector } from '../data/sectors';
import type { Visibility } from '../filters/filters';
import type { Network } from './network';
import { roleClass } from './projection';

export interface ActivityEntry {
  activity: Activity;
  role?: string;
  confidence?: Confidence;
  /** Where the participation comes from (the row's provenance). */
  provenance?: string;
}

export interface PartnerEntry {
  id: string;
  name: string;
  sector: Sector;
  /** Number of (visible) activities shared with the organisation. */
  weight: number;
  /** True when every shared activity is only implied or inferred by the sources. */
  implied: boolean;
  /** The tie's index in the projection (opens the activities behind it). */
  tie: number;
}

export interface OrganisationDetails {
  organisation: Organisation;
  index: number;
  sector: Sector;
  activities: ActivityEntry[];
  /** Activities it funds (role `funder`). */
  funds: number;
  /** Partners grouped by sector, sectors in vocabulary order, partners by weight then name. */
  partnersBySector: { sector: Sector; partners: PartnerEntry[] }[];
  /** Partners through activities the filters show. */
  partnerCount: number;
  /** Partners in all the data, filters aside: says whether "no partners" is the data or the filters. */
  partnersInAllData: number;
  /** Whether the filters show this organisation on the map (a link or a search can select a hidden one). */
  visible: boolean;
}

/**
 * Each organisation's activities, for its details. Built on the first question and sorted per
 * organisation when asked: on a large import the page needs neither before someone opens details
 * (all of H2020 took 170 ms of the main thread at load, most of it sorting 144,726 entries).
 */
export class ActivityIndex {
  private byOrganisation: Map<string, ActivityEntry[]> | null = null;
  private readonly sorted = new Set<string>();

  constructor(private readonly network: Network) {}

  private index(): Map<string, ActivityEntry[]> {
    if (this.byOrganisation) return this.byOrganisation;
    const byOrganisation = new Map<string, ActivityEntry[]>();
    const activities = new Map<string, Activity>();
    for (const a of this.network.activities) activities.set(a.id, a);
    for (const p of this.network.dataset.participations) {
      const activity = activities.get(p.activityId);
      if (!activity) continue;
      let list = byOrganisation.get(p.organisationId);
      if (!list) byOrganisation.set(p.organisationId, (list = []));
      const entry: ActivityEntry = { activity };
      if (p.role) entry.role = p.role;
      if (p.confidence) entry.confidence = p.confidence;
      if (p.provenance) entry.provenance = p.provenance;
      list.push(entry);
    }
    return (this.byOrganisation = byOrganisation);
  }

  of(organisationId: string): ActivityEntry[] {
    const list = this.index().get(organisationId);
    if (!list) return [];
    if (!this.sorted.has(organisationId)) {
      list.sort((a, b) => byTitle.compare(a.activity.title, b.activity.title));
      this.sorted.add(organisationId);
    }
    return list;
  }
}

/** Titles in the reader's order (one collator: far cheaper than localeCompare per pair). */
const byTitle = new Intl.Collator();

export function organisationDetails(
  network: Network,
  activities: ActivityIndex,
  sectors: ArrayLike<number>,
  visibility: Visibility,
  organisationId: string,
): OrganisationDetails | undefined {
  const index = network.projection.incidence.orgIndex.get(organisationId);
  if (index === undefined) return undefined;
  const organisation = network.organisations[index]!;
  const { offsets, neighbours, ties: tieOf } = network.adjacency;
  const { ties } = network.projection;
  const groups = new Map<Sector, PartnerEntry[]>();
  let partnerCount = 0;
  for (let p = offsets[index]!; p < offsets[index + 1]!; p++) {
    const e = tieOf[p]!;
    const shared = visibility.tieShared[e]!;
    if (!shared) continue;
    const other = neighbours[p]!;
    const o = network.organisations[other]!;
    const sector = SECTORS[sectors[other]!] ?? 'other';
    partnerCount++;
    let list = groups.get(sector);
    if (!list) groups.set(sector, (list = []));
    list.push({ id: o.id, name: o.name, sector, weight: shared, implied: ties.confidence[e]! > 0, tie: e });
  }
  const partnersBySector = SECTORS.filter((s) => groups.has(s)).map((sector) => ({
    sector,
    partners: groups.get(sector)!.sort((a, b) => b.weight - a.weight || a.name.localeCompare(b.name)),
  }));
  const list = activities.of(organisationId);
  return {
    organisation,
    index,
    sector: SECTORS[sectors[index]!] ?? 'other',
    activities: list,
    funds: list.filter((a) => roleClass(a.role) === 'funder').length,
    partnersBySector,
    partnerCount,
    partnersInAllData: offsets[index + 1]! - offsets[index]!,
    visible: visibility.orgs[index] === 1,
  };
}

export interface TieEnd {
  id: string;
  name: string;
  sector: Sector;
}

export interface TieActivity {
  activity: Activity;
  /** Shown under the current filters (a tie can rest on activities the filters leave out). */
  visible: boolean;
  /** The weaker of the two participations' confidence. */
  confidence: Confidence;
  /** Each organisation's role and the provenance of its row, when the data gives them. */
  roles: [string | undefined, string | undefined];
  provenance: string[];
}

export interface TieDetails {
  tie: number;
  ends: [TieEnd, TieEnd];
  /** Activities behind the tie: visible ones first, then by start year and title. */
  activities: TieActivity[];
  /** Visible shared activities (0 when the filters hide the tie). */
  shared: number;
  weight: number;
}

/** The activities behind a tie, with both organisations' roles and where each fact comes from. */
export function tieDetails(network: Network, activityIndex: ActivityIndex, sectors: ArrayLike<number>, visibility: Visibility, tie: number): TieDetails | undefined {
  const { ties, incidence } = network.projection;
  if (!(tie >= 0 && tie < ties.m)) return undefined;
  const ends = [ties.u[tie]!, ties.v[tie]!].map((i) => {
    const o = network.organisations[i]!;
    return { id: o.id, name: o.name, sector: SECTORS[sectors[i]!] ?? 'other' };
  }) as [TieEnd, TieEnd];
  const entries = ends.map((end) => new Map(activityIndex.of(end.id).map((a) => [a.activity.id, a] as const)));
  const activities: TieActivity[] = [];
  for (let p = ties.actOffsets[tie]!; p < ties.actOffsets[tie + 1]!; p++) {
    const a = ties.acts[p]!;
    const activity = network.activities[a]!;
    const mine = entries.map((m) => m.get(incidence.actIds[a]!));
    const provenance = [...new Set([...activity.provenance, ...mine.map((m) => m?.provenance).filter((x): x is string => !!x)])];
    activities.push({
      activity,
      visible: visibility.acts[a] === 1,
      confidence: CONFIDENCE_LEVELS[ties.actConfidence[p]!] ?? 'stated',
      roles: [mine[0]?.role, mine[1]?.role],
      provenance,
    });
  }
  activities.sort(
    (x, y) =>
      Number(y.visible) - Number(x.visible) ||
      (x.activity.startYear ?? 9999) - (y.activity.startYear ?? 9999) ||
      x.activity.title.localeCompare(y.activity.title),
  );
  return { tie, ends, activities, shared: visibility.tieShared[tie] ?? 0, weight: visibility.tieWeight[tie] ?? 0 };
}

/**
 * What the details panel shows for an organisation: its activities (with roles, including what
 * it funds) and its partners grouped by sector, over the visible network.
 */
import type { Activity, Confidence, Organisation } from '../data/model';
import { SECTORS, type Sector } from '../data/sectors';
import type { Visibility } from '../filters/filters';
import type { Network } from './network';
import { roleClass } from './projection';

export interface ActivityEntry {
  activity: Activity;
  role?: string;
  confidence?: Confidence;
}

export interface PartnerEntry {
  id: string;
  name: string;
  sector: Sector;
  /** Number of (visible) activities shared with the organisation. */
  weight: number;
  /** True when every shared activity is only implied or inferred by the sources. */
  implied: boolean;
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
  partnerCount: number;
}

/** Activities per organisation id, indexed once per dataset so details are a lookup. */
export class ActivityIndex {
  private readonly byOrganisation = new Map<string, ActivityEntry[]>();

  constructor(network: Network) {
    const activities = new Map<string, Activity>();
    for (const a of network.activities) activities.set(a.id, a);
    for (const p of network.dataset.participations) {
      const activity = activities.get(p.activityId);
      if (!activity) continue;
      let list = this.byOrganisation.get(p.organisationId);
      if (!list) this.byOrganisation.set(p.organisationId, (list = []));
      const entry: ActivityEntry = { activity };
      if (p.role) entry.role = p.role;
      if (p.confidence) entry.confidence = p.confidence;
      list.push(entry);
    }
    for (const list of this.byOrganisation.values()) list.sort((a, b) => a.activity.title.localeCompare(b.activity.title));
  }

  of(organisationId: string): ActivityEntry[] {
    return this.byOrganisation.get(organisationId) ?? [];
  }
}

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
    list.push({ id: o.id, name: o.name, sector, weight: shared, implied: ties.confidence[e]! > 0 });
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
  };
}

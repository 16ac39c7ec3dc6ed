import type { Activity, Dataset, Organisation } from '../data/model';
import { SECTORS, type Sector } from '../data/sectors';
import type { OrganisationNetwork } from './types';

export interface ActivityEntry {
  activity: Activity;
  role?: string;
}

export interface PartnerEntry {
  id: string;
  name: string;
  sector: Sector;
  /** Number of activities shared with the organisation. */
  weight: number;
}

export interface OrganisationDetails {
  organisation: Organisation;
  activities: ActivityEntry[];
  /** Partners grouped by sector, sectors in vocabulary order, partners by weight then name. */
  partnersBySector: { sector: Sector; partners: PartnerEntry[] }[];
  partnerCount: number;
}

/** Indexes a dataset once so details for any organisation are a lookup, not a scan. */
export class DatasetIndex {
  readonly organisations = new Map<string, Organisation>();
  readonly activities = new Map<string, Activity>();
  private readonly byOrganisation = new Map<string, ActivityEntry[]>();

  constructor(readonly dataset: Dataset) {
    for (const o of dataset.organisations) this.organisations.set(o.id, o);
    for (const a of dataset.activities) this.activities.set(a.id, a);
    for (const p of dataset.participations) {
      const activity = this.activities.get(p.activityId);
      if (!activity) continue;
      let list = this.byOrganisation.get(p.organisationId);
      if (!list) this.byOrganisation.set(p.organisationId, (list = []));
      list.push(p.role ? { activity, role: p.role } : { activity });
    }
    for (const list of this.byOrganisation.values()) {
      list.sort((a, b) => a.activity.title.localeCompare(b.activity.title));
    }
  }

  activitiesOf(organisationId: string): ActivityEntry[] {
    return this.byOrganisation.get(organisationId) ?? [];
  }

  details(organisationId: string, network: OrganisationNetwork): OrganisationDetails | undefined {
    const organisation = this.organisations.get(organisationId);
    if (!organisation) return undefined;
    const groups = new Map<Sector, PartnerEntry[]>();
    let partnerCount = 0;
    if (network.hasNode(organisationId)) {
      network.forEachEdge(organisationId, (_edge, attrs, source, target) => {
        const other = source === organisationId ? target : source;
        const o = this.organisations.get(other);
        if (!o) return;
        partnerCount++;
        let list = groups.get(o.sector);
        if (!list) groups.set(o.sector, (list = []));
        list.push({ id: o.id, name: o.name, sector: o.sector, weight: attrs.weight });
      });
    }
    const partnersBySector = SECTORS.filter((s) => groups.has(s)).map((sector) => ({
      sector,
      partners: groups.get(sector)!.sort((a, b) => b.weight - a.weight || a.name.localeCompare(b.name)),
    }));
    return { organisation, activities: this.activitiesOf(organisationId), partnersBySector, partnerCount };
  }
}

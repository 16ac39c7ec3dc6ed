/**
 * A dataset together with its projection: the organisation network every view, filter and
 * analysis reads. Organisations and activities are addressed by index (their ids sorted by code
 * unit); ids stay data and are only looked up through `Map`s.
 */
import type { Activity, Dataset, Organisation } from '../data/model';
import { SECTORS, type Sector } from '../data/sectors';
import {
  DEFAULT_PROJECTION_RULES,
  project,
  tieAdjacency,
  type Projection,
  type ProjectionRules,
  type TieAdjacency,
} from './projection';

export interface Network {
  dataset: Dataset;
  projection: Projection;
  /** `organisations[i]` is the organisation with index i. */
  organisations: Organisation[];
  activities: Activity[];
  adjacency: TieAdjacency;
}

/** `adjacency`: the projection's `tieAdjacency` when it has been built already (the analysis worker sends it). */
export function networkFromProjection(dataset: Dataset, projection: Projection, adjacency?: TieAdjacency): Network {
  const { orgIndex, actIndex } = projection.incidence;
  const organisations = new Array<Organisation>(dataset.organisations.length);
  for (const o of dataset.organisations) organisations[orgIndex.get(o.id)!] = o;
  const activities = new Array<Activity>(dataset.activities.length);
  for (const a of dataset.activities) activities[actIndex.get(a.id)!] = a;
  return {
    dataset,
    projection,
    organisations,
    activities,
    adjacency: adjacency ?? tieAdjacency(projection.ties, organisations.length),
  };
}

export function buildNetwork(dataset: Dataset, rules: ProjectionRules = DEFAULT_PROJECTION_RULES): Network {
  return networkFromProjection(dataset, project(dataset, rules));
}

/** Sector codes (index into SECTORS) per organisation index, with corrections applied. */
export function sectorCodes(network: Network, corrections?: ReadonlyMap<string, Sector>): Uint8Array {
  const codes = new Uint8Array(network.organisations.length);
  network.organisations.forEach((o, i) => {
    codes[i] = SECTORS.indexOf(corrections?.get(o.id) ?? o.sector);
  });
  return codes;
}

export const sectorOfCode = (code: number): Sector => SECTORS[code] ?? 'other';

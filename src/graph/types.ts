import type Graph from 'graphology';
import type { Sector } from '../data/sectors';

/** Node attributes of the organisation network (one node per organisation). */
export interface OrgNodeAttributes {
  label: string;
  sector: Sector;
  city?: string;
  region?: string;
  /** Number of activities the organisation takes part in. */
  activityCount: number;
  /** Layout position, filled by the layout step. */
  x?: number;
  y?: number;
}

/** A tie between two organisations that share at least one activity. */
export interface TieAttributes {
  /** Number of shared activities. */
  weight: number;
  /** Ids of the shared activities, sorted. */
  activities: string[];
}

/** Undirected simple graph, node keys are organisation ids, inserted in sorted order. */
export type OrganisationNetwork = Graph<OrgNodeAttributes, TieAttributes>;

export type BipartiteNodeAttributes =
  | { type: 'organisation'; label: string; sector: Sector }
  | { type: 'activity'; label: string; kind: string; source: string };

export interface BipartiteEdgeAttributes {
  role?: string;
}

/** Organisations and activities as nodes; node keys are `org:<id>` and `act:<id>`. */
export type BipartiteGraph = Graph<BipartiteNodeAttributes, BipartiteEdgeAttributes>;

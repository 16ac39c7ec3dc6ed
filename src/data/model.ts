import type { Sector } from './sectors';

/**
 * The dataset model. An activity is anything organisations take part in together
 * (a funded project, a supported innovation, a living lab, a lectorate, a network
 * membership, a partnership...). Two organisations are tied when they share one.
 */
export interface Organisation {
  id: string;
  name: string;
  sector: Sector;
  /** True when the sector was not given but inferred from the name (import path). */
  sectorInferred?: boolean;
  city?: string;
  region?: string;
  country?: string;
  aliases: string[];
  description?: string;
  /** Lists the organisation appears on without a stated partner (e.g. "StartupDelta health startups"). */
  listedIn?: string[];
  provenance: string[];
  /** Any further attributes from an organisations file, kept as text. */
  extra?: Record<string, string>;
}

export interface Activity {
  id: string;
  title: string;
  kind: string;
  source: string;
  scheme?: string;
  theme?: string;
  startYear?: number;
  endYear?: number;
  region?: string;
  /** The number of participants the source states, which may exceed the named ones. */
  statedParticipants?: number;
  description?: string;
  provenance: string[];
  extra?: Record<string, string>;
}

export interface Participation {
  activityId: string;
  organisationId: string;
  role?: string;
  /** The organisation's name as written in this row, when it differs from the canonical name. */
  nameAsWritten?: string;
  provenance?: string;
}

export interface Dataset {
  /** Human-readable name of the dataset, e.g. "Den Haag care-innovation ecosystem". */
  name: string;
  organisations: Organisation[];
  activities: Activity[];
  participations: Participation[];
}

/** Suggested activity kinds (free text is allowed; these have translated labels). */
export const ACTIVITY_KINDS = [
  'project',
  'innovation',
  'living_lab',
  'lectorate',
  'practorate',
  'pps',
  'chair',
  'campus',
  'network',
  'partnership',
  'fund',
  'consultation',
  'study',
] as const;

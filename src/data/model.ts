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
  /**
   * With `sectorInferred`: which rule decided, machine-readable (`name:hospital`, `type:HES`,
   * `none`; see SectorReason in sectorInference.ts and describeSectorReason for the UI).
   */
  sectorReason?: string;
  /** The organisation type as the source wrote it (e.g. CORDIS `HES`, `B.V.`), when given. */
  organisationType?: string;
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
  /** English description, when `description` is in another language. */
  descriptionEn?: string;
  /**
   * Not in the data: added by a what-if scenario (src/data/scenario.ts). Exports of the real data
   * leave it out unless asked.
   */
  hypothetical?: true;
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
  /** English title, when `title` is in the source's own language (e.g. Dutch). */
  titleEn?: string;
  /** English description, when `description` is in another language. */
  descriptionEn?: string;
  /** Not in the data: created by a what-if scenario for its hypothetical participations. */
  hypothetical?: true;
}

export interface Participation {
  activityId: string;
  organisationId: string;
  role?: string;
  /** The organisation's name as written in this row, when it differs from the canonical name. */
  nameAsWritten?: string;
  provenance?: string;
  /**
   * How firmly the source supports this participation: `stated` (the text says so; the default),
   * `implied` (it follows from the text, e.g. a business park and the firms the next sentence
   * says it houses) or `inferred` (a judgement call, explained in the dataset's notes).
   */
  confidence?: Confidence;
  /**
   * Not in the data: a what-if participation ("X joins Y"), added on top of the data by a
   * scenario (src/data/scenario.ts). Ties it forms are hypothetical; exports leave it out unless asked.
   */
  hypothetical?: true;
}

export const CONFIDENCE_LEVELS = ['stated', 'implied', 'inferred'] as const;
export type Confidence = (typeof CONFIDENCE_LEVELS)[number];

/**
 * A count the source states about an activity or an organisation ("a partnership of 23
 * municipalities", "more than 100 providers"), kept even when fewer members are named.
 * Several statements about the same subject and quantity may disagree; all are kept.
 */
export interface StatedCount {
  subjectKind: 'activity' | 'organisation';
  subjectId: string;
  /** What is counted, e.g. `participants`, `members`, `partners`, `providers`, `municipalities`. */
  counted: string;
  value: number;
  /** `exact`, `at_least` ("meer dan", "minstens") or `about` ("ongeveer", "honderd"). */
  qualifier: 'exact' | 'at_least' | 'about';
  provenance: string;
  note?: string;
}

export interface Dataset {
  /** Human-readable name of the dataset, e.g. "Den Haag care-innovation ecosystem". */
  name: string;
  organisations: Organisation[];
  activities: Activity[];
  participations: Participation[];
  /** Counts stated by the sources (optional file `stated-counts.csv`). */
  statedCounts?: StatedCount[];
  /**
   * The organisation whose position the "our municipality" view describes by default (the
   * built-in data declares Gemeente Den Haag). The user can choose another.
   */
  focal?: string;
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

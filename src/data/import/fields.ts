import type { FileRole } from '../report';

/**
 * The model fields a foreign column can be assigned to. Most are Bruggen's canonical columns;
 * a few are import-only and are converted on the way in (dates and periods become years, an
 * acronym joins the title, a type feeds the sector vocabularies, lead + consortium cells become
 * one participation per organisation).
 */
export const FIELD_IDS = [
  'activity_id',
  'activity_title',
  'activity_title_en',
  'activity_acronym',
  'activity_kind',
  'source',
  'scheme',
  'theme',
  'start_year',
  'end_year',
  'start_date',
  'end_date',
  'period',
  'activity_region',
  'stated_participants',
  'activity_description',
  'activity_description_en',
  'organisation_id',
  'organisation',
  'organisation_short_name',
  'organisation_type',
  'sector',
  'city',
  'region',
  'country',
  'aliases',
  'organisation_description',
  'organisation_description_en',
  'listed_in',
  'role',
  'confidence',
  'lead_organisation',
  'consortium',
  'provenance',
] as const;

export type FieldId = (typeof FIELD_IDS)[number];

export type MappingRole = FileRole | 'ignore';

const ACTIVITY_FIELDS: FieldId[] = [
  'activity_id',
  'activity_title',
  'activity_acronym',
  'activity_kind',
  'source',
  'scheme',
  'theme',
  'start_year',
  'end_year',
  'start_date',
  'end_date',
  'period',
];
const ORGANISATION_FIELDS: FieldId[] = [
  'organisation_id',
  'organisation',
  'organisation_short_name',
  'organisation_type',
  'sector',
  'city',
  'region',
  'country',
];

/** Which fields a column can be assigned to, per role of the file. */
export const ROLE_FIELDS: Record<FileRole, readonly FieldId[]> = {
  participations: [...ACTIVITY_FIELDS, ...ORGANISATION_FIELDS, 'role', 'lead_organisation', 'consortium', 'provenance', 'confidence'],
  activities: [...ACTIVITY_FIELDS, 'activity_title_en', 'activity_region', 'stated_participants', 'activity_description', 'activity_description_en', 'provenance'],
  organisations: [...ORGANISATION_FIELDS, 'aliases', 'organisation_description', 'organisation_description_en', 'listed_in', 'provenance'],
};

/** Fields that identify an organisation in a participations file (at least one is needed). */
export const ORGANISATION_NAMING_FIELDS: readonly FieldId[] = ['organisation', 'organisation_id', 'lead_organisation', 'consortium'];

/** What a mapping must assign for its role; returns the missing requirements (empty when complete). */
export function missingRequirements(role: MappingRole, assigned: ReadonlySet<FieldId>): string[] {
  if (role === 'ignore') return [];
  const missing: string[] = [];
  if (role !== 'organisations' && !assigned.has('activity_id')) missing.push('activity_id');
  if (role === 'participations' && !ORGANISATION_NAMING_FIELDS.some((f) => assigned.has(f))) missing.push('organisation');
  if (role === 'organisations' && !assigned.has('organisation') && !assigned.has('organisation_id')) missing.push('organisation');
  return missing;
}

/** Text-like fields whose values are names or titles people read (checked for markup and length). */
export const DISPLAYED_FIELDS: ReadonlySet<FieldId> = new Set<FieldId>([
  'activity_id',
  'activity_title',
  'activity_acronym',
  'organisation_id',
  'organisation',
  'organisation_short_name',
  'lead_organisation',
  'consortium',
  'city',
]);

import { normaliseName } from '../normalise';
import type { FileRole } from '../report';
import { missingRequirements, ROLE_FIELDS, type FieldId, type MappingRole } from './fields';

/** How a table's columns become model fields. `columns[i]` is the field of header column i. */
export interface ColumnMapping {
  role: MappingRole;
  columns: (FieldId | null)[];
  /** Values for every row when the file has no such column (e.g. source "CORDIS"). */
  constants: { source?: string; activity_kind?: string };
  /** The known layout the header was recognised as, for display. */
  layout?: LayoutId;
}

/** Header text → comparison key: case, accents, spaces and punctuation do not matter. */
export const headerKey = (header: string) => normaliseName(header).replace(/ /g, '');

/**
 * Header synonyms per field, best first. Dutch and English, and the exact column names of the
 * layouts Bruggen knows (CORDIS, Forskningsrådet, RVO, SIA/NWO, NWOpen). Written as they appear;
 * compared by headerKey.
 */
const SYNONYMS: Record<FieldId, readonly string[]> = {
  activity_id: ['activity_id', 'projectID', 'project_id', 'projectRcn', 'project_rcn', 'projectnummer', 'projectnr', 'project number', 'projectcode', 'project no', 'Prosjektnr', 'dossiernummer', 'dossiernr', 'zaaknummer', 'grant_id', 'grant agreement number', 'subsidienummer', 'aanvraagnummer'],
  activity_title: ['activity_title', 'title', 'titel', 'projecttitel', 'project title', 'projectnaam', 'project name', 'Prosjektnavn', 'naam project', 'titel project'],
  activity_acronym: ['acronym', 'projectAcronym', 'acroniem', 'Prosjektkortnavn', 'short title', 'korte titel'],
  activity_kind: ['activity_kind', 'kind', 'soort project', 'projecttype', 'projectsoort', 'type project'],
  source: ['source', 'bron', 'financier', 'funder', 'funding organisation', 'subsidiegever'],
  scheme: ['scheme', 'regeling', 'Subsidieregeling', 'fundingScheme', 'funding_scheme', 'frameworkProgramme', 'programme', 'programma', 'programme_parts', 'Programkortnavn', 'Subsidie categorie'],
  theme: ['theme', 'thema', 'topics', 'topic', 'TKI/Thema', 'tki_theme', 'innovatiethema', "Innovatiethema('s)", 'innovation_themes', 'speerpunt', 'domein'],
  start_year: ['start_year', 'startjaar', 'beginjaar', 'jaar', 'year'],
  end_year: ['end_year', 'eindjaar'],
  start_date: ['start_date', 'startDate', 'startdatum', 'begindatum', 'datum start', 'ingangsdatum', 'Kontrakt startdato'],
  end_date: ['end_date', 'endDate', 'einddatum', 'datum einde', 'Kontrakt sluttdato'],
  period: ['looptijd', 'period', 'periode'],
  activity_region: ['region', 'regio'],
  stated_participants: ['stated_participants', 'n_participants', 'number of participants', 'aantal deelnemers', 'aantal partners'],
  activity_description: ['description', 'omschrijving', 'beschrijving', 'samenvatting', 'Publieke samenvatting', 'summary', 'objective', 'abstract'],
  organisation_id: ['organisation_id', 'organisationID', 'organizationID', 'orgId', 'pic', 'participant_pic', 'organisatie_id', 'organisatienummer', 'kvk-nummer', 'kvknummer', 'kvk', 'org_number_no', 'Organisasjonsnummer', 'participant_id'],
  organisation: ['organisation', 'organization', 'organisation_name', 'organization_name', 'organisatie', 'organisatienaam', 'naam organisatie', 'deelnemer', 'deelnemende organisatie', 'partner', 'partnernaam', 'participant', 'participant name', 'instelling', 'bedrijf', 'bedrijfsnaam', 'Organisasjonsnavn', 'legal name', 'name', 'naam'],
  organisation_short_name: ['organisation_short_name', 'shortName', 'short name', 'korte naam', 'Kortnavn', 'afkorting'],
  organisation_type: ['organisation_type', 'organization type', 'activityType', 'activity_type', 'org type', 'type organisatie', 'soort organisatie', 'organisatietype', 'rechtsvorm', 'legal form', 'rd_sector_en', 'rd_sector', 'rd_sector_code', 'FoU sektor', 'FoU sektorkode', 'type deelnemer', 'categorie', 'category', 'type'],
  sector: ['sector', 'sectoren', 'bruggen sector'],
  city: ['city', 'plaats', 'woonplaats', 'vestigingsplaats', 'stad', 'town', 'municipality', 'Adresse kommune'],
  region: ['region', 'regio', 'provincie', 'county', 'fylke', 'Adresse fylke'],
  country: ['country', 'land', 'country code', 'landcode'],
  aliases: ['aliases', 'alias', 'ook bekend als'],
  organisation_description: ['description', 'omschrijving', 'beschrijving'],
  listed_in: ['listed_in'],
  role: ['role', 'rol', 'rol organisatie', 'organisation role', 'participant role', 'partnerrol', 'Organisasjon rolle'],
  lead_organisation: ['lead_organisation', 'lead organization', 'penvoerder', 'penvoerende organisatie', 'hoofdaanvrager', 'aanvrager', 'lead partner'],
  consortium: ['consortium', 'projectconsortium', 'consortium_raw', 'partners', 'deelnemers', 'consortiumpartners', 'samenwerkingspartners', 'medeaanvragers'],
  provenance: ['provenance', 'herkomst', 'cordis_url', 'Website link', 'projecturl', 'project url', 'url', 'link'],
};

/** Generic names that identify a record only in a file of that kind. */
const ROLE_ONLY_SYNONYMS: Partial<Record<FileRole, Partial<Record<FieldId, readonly string[]>>>> = {
  activities: { activity_id: ['id', 'code'], activity_title: ['name', 'naam'] },
  organisations: { organisation_id: ['id'] },
};

const KEYS = new Map<string, string[]>();
function keysOf(role: FileRole, field: FieldId): string[] {
  const cacheKey = `${role}:${field}`;
  let keys = KEYS.get(cacheKey);
  if (!keys) {
    keys = [...SYNONYMS[field], ...(ROLE_ONLY_SYNONYMS[role]?.[field] ?? [])].map(headerKey);
    KEYS.set(cacheKey, keys);
  }
  return keys;
}

/** Assigns header columns to the fields of one role: per field, the best synonym present wins. */
export function autoColumns(header: readonly string[], role: FileRole): (FieldId | null)[] {
  const keys = header.map(headerKey);
  const columns: (FieldId | null)[] = header.map(() => null);
  for (const field of ROLE_FIELDS[role]) {
    for (const key of keysOf(role, field)) {
      const i = keys.findIndex((k, j) => k === key && columns[j] === null);
      if (i >= 0) {
        columns[i] = field;
        break;
      }
    }
  }
  return columns;
}

export type LayoutId = 'bruggen' | 'cordis' | 'forskningsradet' | 'rvo' | 'nwopen' | 'dutch-projects' | 'generic';

interface LayoutRule {
  id: LayoutId;
  /** Header keys that give the layout away (any of them). */
  any: readonly string[];
  constants: ColumnMapping['constants'];
}

/** Known layouts, recognised by a distinctive column, first match wins. */
const LAYOUTS: readonly LayoutRule[] = ([
  { id: 'cordis', any: ['frameworkProgramme', 'project_rcn', 'projectRcn', 'cordis_url', 'ecMaxContribution', 'ecContribution', 'activityType'], constants: { source: 'CORDIS', activity_kind: 'project' } },
  { id: 'forskningsradet', any: ['rd_sector_code', 'FoU sektorkode', 'Organisasjonsnummer', 'org_number_no'], constants: { source: 'CORDIS', activity_kind: 'project' } },
  { id: 'rvo', any: ['penvoerder', 'projectconsortium', 'Subsidieregeling', 'Subsidie categorie'], constants: { source: 'RVO', activity_kind: 'project' } },
  { id: 'nwopen', any: ['funding_scheme', 'funding_scheme_id', 'sub_department'], constants: { source: 'NWO', activity_kind: 'project' } },
  { id: 'dutch-projects', any: ['projectnummer', 'regeling', 'penvoerende organisatie', 'deelnemer'], constants: { activity_kind: 'project' } },
] satisfies LayoutRule[]).map((l) => ({ ...l, any: l.any.map(headerKey) }));

const CANONICAL_KEYS = new Set(
  [
    'activity_id', 'activity_title', 'activity_kind', 'source', 'scheme', 'theme', 'start_year', 'end_year',
    'organisation_id', 'organisation', 'sector', 'city', 'region', 'country', 'role', 'provenance',
    'name', 'aliases', 'description', 'listed_in', 'title', 'kind', 'stated_participants',
  ].map(headerKey),
);

export function recogniseLayout(header: readonly string[]): LayoutRule | { id: LayoutId; constants: ColumnMapping['constants'] } {
  const keys = header.map(headerKey).filter(Boolean);
  if (keys.length && keys.every((k) => CANONICAL_KEYS.has(k))) return { id: 'bruggen', constants: {} };
  return LAYOUTS.find((l) => l.any.some((k) => keys.includes(k))) ?? { id: 'generic', constants: {} };
}

export interface Recognition {
  mapping: ColumnMapping;
  /** True when the role's required fields were all found: no mapping step needed. */
  complete: boolean;
  missing: string[];
}

/**
 * Guesses role and columns from a header: a participations file when it names both an activity
 * and an organisation, else an activities file (activity id), else an organisations file. When
 * none is complete the participations guess is returned for the user to finish.
 */
export function recogniseTable(header: readonly string[]): Recognition {
  const layout = recogniseLayout(header);
  const roles: FileRole[] = ['participations', 'activities', 'organisations'];
  for (const role of roles) {
    const columns = autoColumns(header, role);
    const missing = missingRequirements(role, new Set(columns.filter((c): c is FieldId => c !== null)));
    if (!missing.length) {
      return { mapping: { role, columns, constants: { ...layout.constants }, layout: layout.id }, complete: true, missing };
    }
  }
  const columns = autoColumns(header, 'participations');
  const missing = missingRequirements('participations', new Set(columns.filter((c): c is FieldId => c !== null)));
  return { mapping: { role: 'participations', columns, constants: { ...layout.constants }, layout: layout.id }, complete: false, missing };
}

/** Whether a mapping (chosen or recognised) has everything its role needs. */
export function mappingMissing(mapping: ColumnMapping): string[] {
  return missingRequirements(mapping.role, new Set(mapping.columns.filter((c): c is FieldId => c !== null)));
}

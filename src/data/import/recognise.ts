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
  activity_id: ['activity_id', 'projectID', 'project_id', 'projectRcn', 'project_rcn', 'projectnummer', 'projectnr', 'project number', 'projectcode', 'project code', 'project no', 'project ref', 'project reference', 'projectreferentie', 'activiteitnummer', 'activiteitcode', 'activity code', 'activity number', 'Prosjektnr', 'dossiernummer', 'dossiernr', 'zaaknummer', 'grant_id', 'grant number', 'grant agreement number', 'subsidienummer', 'aanvraagnummer'],
  activity_title: ['activity_title', 'title', 'titel', 'projecttitel', 'project title', 'projectnaam', 'project name', 'Prosjektnavn', 'naam project', 'titel project', 'activity title', 'activity name', 'activiteitnaam', 'naam activiteit', 'titel activiteit'],
  activity_acronym: ['acronym', 'projectAcronym', 'acroniem', 'Prosjektkortnavn', 'short title', 'korte titel'],
  activity_kind: ['activity_kind', 'kind', 'soort project', 'projecttype', 'projectsoort', 'type project'],
  source: ['source', 'bron', 'financier', 'financierder', 'funder', 'funding organisation', 'funding organization', 'funding body', 'funding agency', 'funded by', 'gefinancierd door', 'subsidiegever', 'subsidieverstrekker'],
  scheme: ['scheme', 'regeling', 'Subsidieregeling', 'fundingScheme', 'funding_scheme', 'frameworkProgramme', 'programme', 'programma', 'programme_parts', 'Programkortnavn', 'Subsidie categorie'],
  theme: ['theme', 'thema', 'topics', 'topic', 'TKI/Thema', 'tki_theme', 'innovatiethema', "Innovatiethema('s)", 'innovation_themes', 'speerpunt', 'domein'],
  start_year: ['start_year', 'startjaar', 'beginjaar', 'start year', 'year started', 'jaar', 'year', 'toekenningsjaar'],
  end_year: ['end_year', 'eindjaar', 'end year'],
  start_date: ['start_date', 'startDate', 'startdatum', 'begindatum', 'datum start', 'start date', 'ingangsdatum', 'Kontrakt startdato'],
  end_date: ['end_date', 'endDate', 'einddatum', 'datum einde', 'end date', 'Kontrakt sluttdato'],
  period: ['looptijd', 'period', 'periode'],
  activity_region: ['region', 'regio'],
  stated_participants: ['stated_participants', 'n_participants', 'number of participants', 'aantal deelnemers', 'aantal partners'],
  activity_description: ['description', 'omschrijving', 'beschrijving', 'samenvatting', 'Publieke samenvatting', 'summary', 'objective', 'abstract'],
  organisation_id: ['organisation_id', 'organisationID', 'organizationID', 'orgId', 'pic', 'participant_pic', 'organisatie_id', 'organisatienummer', 'kvk-nummer', 'kvknummer', 'kvk', 'org_number_no', 'Organisasjonsnummer', 'participant_id'],
  organisation: ['organisation', 'organization', 'organisation_name', 'organization_name', 'organisatie', 'organisatienaam', 'naam organisatie', 'deelnemer', 'naam deelnemer', 'deelnemende organisatie', 'partner', 'partnernaam', 'partner organisation', 'partner organization', 'participant', 'participant name', 'participating organisation', 'participating organization', 'instelling', 'bedrijf', 'bedrijfsnaam', 'company', 'company name', 'Organisasjonsnavn', 'legal name', 'name', 'naam'],
  organisation_short_name: ['organisation_short_name', 'shortName', 'short name', 'korte naam', 'Kortnavn', 'afkorting'],
  organisation_type: ['organisation_type', 'organization type', 'activityType', 'activity_type', 'org type', 'type organisatie', 'soort organisatie', 'organisatietype', 'rechtsvorm', 'legal form', 'rd_sector_en', 'rd_sector', 'rd_sector_code', 'FoU sektor', 'FoU sektorkode', 'type deelnemer', 'categorie', 'category', 'type'],
  sector: ['sector', 'sectoren', 'bruggen sector', 'sector organisatie', 'organisatiesector', 'organisation sector', 'organization sector'],
  city: ['city', 'plaats', 'woonplaats', 'vestigingsplaats', 'stad', 'town', 'municipality', 'Adresse kommune', 'locatie', 'location'],
  region: ['region', 'regio', 'provincie', 'county', 'fylke', 'Adresse fylke'],
  country: ['country', 'land', 'country code', 'landcode'],
  aliases: ['aliases', 'alias', 'ook bekend als'],
  organisation_description: ['description', 'omschrijving', 'beschrijving'],
  listed_in: ['listed_in'],
  role: ['role', 'rol', 'rol organisatie', 'rol in project', 'role in project', 'organisation role', 'organization role', 'participant role', 'partnerrol', 'deelnemersrol', 'Organisasjon rolle'],
  lead_organisation: ['lead_organisation', 'lead organization', 'penvoerder', 'penvoerende organisatie', 'hoofdaanvrager', 'aanvrager', 'lead partner'],
  consortium: ['consortium', 'projectconsortium', 'consortium_raw', 'partners', 'deelnemers', 'consortiumpartners', 'samenwerkingspartners', 'medeaanvragers'],
  provenance: ['provenance', 'herkomst', 'cordis_url', 'Website link', 'projecturl', 'project url', 'url', 'link'],
  confidence: ['confidence', 'zekerheid'],
  activity_title_en: ['title_en', 'english title', 'titel engels', 'engelse titel'],
  activity_description_en: ['description_en', 'english description'],
  organisation_description_en: ['description_en', 'english description'],
};

/** Generic names that identify a record only in a file of that kind. */
const ROLE_ONLY_SYNONYMS: Partial<Record<FileRole, Partial<Record<FieldId, readonly string[]>>>> = {
  activities: { activity_id: ['id', 'code'], activity_title: ['name', 'naam'] },
  organisations: { organisation_id: ['id'] },
};

/**
 * Plain words tried last: "project" or "activiteit" is the activity when no column says so more
 * precisely (then it is the title), and CORDIS's bare `rcn` only when there is no `id`.
 */
const LAST_RESORT_SYNONYMS: Partial<Record<FieldId, readonly string[]>> = {
  activity_id: ['rcn', 'project', 'activiteit', 'activity', 'traject'],
  activity_title: ['project', 'activiteit', 'activity'],
};

/** Column names that say "a name" without saying whose: not enough on their own to tell a file's kind. */
const GENERIC_NAME_KEYS = new Set(['name', 'naam'].map((k) => normaliseName(k).replace(/ /g, '')));

const KEYS = new Map<string, string[]>();
function keysOf(role: FileRole, field: FieldId): string[] {
  const cacheKey = `${role}:${field}`;
  let keys = KEYS.get(cacheKey);
  if (!keys) {
    keys = [...SYNONYMS[field], ...(ROLE_ONLY_SYNONYMS[role]?.[field] ?? []), ...(LAST_RESORT_SYNONYMS[field] ?? [])].map(headerKey);
    KEYS.set(cacheKey, keys);
  }
  return keys;
}

/** Assigns header columns to the fields of one role: per field, the best synonym present wins. */
export function autoColumns(header: readonly string[], role: FileRole): (FieldId | null)[] {
  // Column keys → their positions, once: a 60,000-column header is looked up, not scanned per synonym.
  const positions = new Map<string, number[]>();
  header.forEach((h, i) => {
    const key = headerKey(h);
    if (!key) return;
    const list = positions.get(key);
    if (list) list.push(i);
    else positions.set(key, [i]);
  });
  const columns: (FieldId | null)[] = new Array<FieldId | null>(header.length).fill(null);
  for (const field of ROLE_FIELDS[role]) {
    for (const key of keysOf(role, field)) {
      const i = positions.get(key)?.find((j) => columns[j] === null);
      if (i !== undefined) {
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
    'name', 'aliases', 'description', 'listed_in', 'title', 'kind', 'stated_participants', 'confidence', 'title_en', 'description_en',
  ].map(headerKey),
);

export function recogniseLayout(header: readonly string[]): LayoutRule | { id: LayoutId; constants: ColumnMapping['constants'] } {
  const keys = header.map(headerKey).filter(Boolean);
  if (keys.length && keys.every((k) => CANONICAL_KEYS.has(k))) return { id: 'bruggen', constants: {} };
  const present = new Set(keys);
  return LAYOUTS.find((l) => l.any.some((k) => present.has(k))) ?? { id: 'generic', constants: {} };
}

/** Why it is not clear what a table holds; worded by `uncertain.<code>` in the `import` namespace. */
export interface Uncertainty {
  code: 'activity-columns-without-id' | 'organisation-columns-without-organisation' | 'generic-name-only';
  params: Record<string, string>;
}

export interface Recognition {
  mapping: ColumnMapping;
  /** True when the role's required fields were all found and the file's kind is clear: no mapping step needed. */
  complete: boolean;
  missing: string[];
  /** Set when the required fields were found but the header also fits another kind of file. */
  uncertain?: Uncertainty;
}

/** Fields that only a file about activities (or participations) has. */
const ACTIVITY_EVIDENCE = new Set<FieldId>([
  'activity_id', 'activity_title', 'activity_acronym', 'activity_kind', 'source', 'scheme', 'theme', 'start_year', 'end_year',
  'start_date', 'end_date', 'period', 'role', 'lead_organisation', 'consortium',
]);
/** Fields that name organisations in a participations file. */
const ORGANISATION_NAMING = new Set<FieldId>(['organisation', 'organisation_id', 'lead_organisation', 'consortium']);
/** Fields that say a row is about an organisation, beyond a bare "name". */
const ORGANISATION_EVIDENCE = new Set<FieldId>(['organisation_id', 'organisation_short_name', 'organisation_type', 'sector', 'lead_organisation', 'consortium', 'role', 'aliases', 'listed_in']);

const quoted = (header: readonly string[], indices: readonly number[]) => {
  const names = indices.map((i) => `"${header[i]}"`);
  return names.length > 6 ? `${names.slice(0, 6).join(', ')}, …` : names.join(', ');
};

/**
 * Guesses role and columns from a header: a participations file when it names both an activity
 * and an organisation, else an activities file (activity id), else an organisations file. The
 * guess is only taken as is when it is unambiguous: an "organisations" file with project columns
 * (title, year, source…) but no recognised project id, a "projects" file with organisation columns,
 * or a file recognised only by a column called "name" is `uncertain`, and the mapping step asks.
 * When no kind is complete the participations guess is returned for the user to finish.
 */
export function recogniseTable(header: readonly string[]): Recognition {
  const layout = recogniseLayout(header);
  const keys = header.map(headerKey);
  const as = (role: FileRole) => {
    const columns = autoColumns(header, role);
    return { role, columns, missing: missingRequirements(role, new Set(columns.filter((c): c is FieldId => c !== null))) };
  };
  const participations = as('participations');
  const chosen = [participations, as('activities'), as('organisations')].find((r) => !r.missing.length);
  if (!chosen) {
    return { mapping: { role: 'participations', columns: participations.columns, constants: { ...layout.constants }, layout: layout.id }, complete: false, missing: participations.missing };
  }
  const mapping: ColumnMapping = { role: chosen.role, columns: chosen.columns, constants: { ...layout.constants }, layout: layout.id };
  // Columns the participations reading assigns that the chosen reading leaves out.
  const leftOver = (evidence: ReadonlySet<FieldId>) =>
    participations.columns.flatMap((f, i) => (f && evidence.has(f) && chosen.columns[i] === null && !GENERIC_NAME_KEYS.has(keys[i]!) ? [i] : []));
  const genericNameOnly = () => {
    const nameColumn = chosen.columns.indexOf('organisation');
    return nameColumn >= 0 && GENERIC_NAME_KEYS.has(keys[nameColumn]!) && !chosen.columns.some((f) => f && ORGANISATION_EVIDENCE.has(f));
  };
  let uncertain: Uncertainty | undefined;
  if (chosen.role === 'organisations') {
    const activityColumns = leftOver(ACTIVITY_EVIDENCE);
    if (activityColumns.length) uncertain = { code: 'activity-columns-without-id', params: { columns: quoted(header, activityColumns) } };
    else if (genericNameOnly()) uncertain = { code: 'generic-name-only', params: { column: header[chosen.columns.indexOf('organisation')]! } };
  } else if (chosen.role === 'activities') {
    const organisationColumns = leftOver(ORGANISATION_NAMING);
    if (organisationColumns.length) uncertain = { code: 'organisation-columns-without-organisation', params: { columns: quoted(header, organisationColumns) } };
  } else if (genericNameOnly()) {
    // "projectnummer, naam": the name of the project or of an organisation?
    uncertain = { code: 'generic-name-only', params: { column: header[chosen.columns.indexOf('organisation')]! } };
  }
  return uncertain ? { mapping, complete: false, missing: [], uncertain } : { mapping, complete: true, missing: [] };
}

/** Whether a mapping (chosen or recognised) has everything its role needs. */
export function mappingMissing(mapping: ColumnMapping): string[] {
  return missingRequirements(mapping.role, new Set(mapping.columns.filter((c): c is FieldId => c !== null)));
}

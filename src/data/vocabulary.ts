/**
 * Bruggen's controlled vocabulary: the ids the built-in data uses for an activity's source, kind
 * and theme, a participation's role, and what a stated count counts. Every id has a Dutch and an
 * English label in the i18next resource files `src/i18n/locales/{nl,en}/vocabulary.json`
 * (keys `source.<id>`, `kind.<id>`, `role.<id>`, `theme.<id>`, `counted.<id>`, and `list.<id>`
 * for the lists an organisation is named on, its `listed_in`); the data stores
 * ids only, so no label of one language can leak into the other.
 *
 * Each id comes with synonyms: lower-case Dutch and English free-text variants, so that text from
 * other files ("Lectoraat", "youth care", "aanvrager") maps onto the same id with `vocabularyId`.
 *
 * Id conventions: lower-case snake_case, except sources that are funding bodies or registries,
 * which keep the acronym the importers already write (`SIA`, `RVO`, `NWO`, `CORDIS`), so that
 * imported data and the built-in data share one filter value.
 */

export type VocabularyKind = 'source' | 'kind' | 'role' | 'theme' | 'counted' | 'list';

export const VOCABULARY_KINDS: readonly VocabularyKind[] = ['source', 'kind', 'role', 'theme', 'counted', 'list'];

/** The source and kind of an activity whose file gives none. */
export const UNSPECIFIED = 'unspecified';

export interface VocabularyEntry {
  id: string;
  /** Lower-case free-text variants (Dutch and English) that mean this id. */
  synonyms: readonly string[];
}

export const SOURCES: readonly VocabularyEntry[] = [
  { id: 'SIA', synonyms: ['sia', 'stichting innovatie alliantie', 'regieorgaan sia', 'nationaal regieorgaan praktijkgericht onderzoek sia', 'sia-projecten', 'sia projects'] },
  { id: 'RVO', synonyms: ['rvo', 'rvo.nl', 'rijksdienst voor ondernemend nederland', 'rvo-projecten', 'rvo projects'] },
  { id: 'NWO', synonyms: ['nwo', 'nwopen', 'nederlandse organisatie voor wetenschappelijk onderzoek', 'dutch research council'] },
  { id: 'CORDIS', synonyms: ['cordis', 'eu h2020', 'h2020', 'horizon 2020', 'horizon europe', 'fp7', 'eu framework programme'] },
  { id: 'medical_delta', synonyms: ['medical delta', 'zorginnovatie.nl'] },
  { id: 'knowledge_infrastructure', synonyms: ['knowledge infrastructure', 'kennisinfrastructuur', 'nieuwe kennis', 'new knowledge'] },
  { id: 'innovation_infrastructure', synonyms: ['innovation infrastructure', 'innovatie-infrastructuur', 'innovatie infrastructuur', 'innovatieinfrastructuur', 'fysieke infrastructuur', 'physical infrastructure'] },
  { id: 'regional_networks', synonyms: ['regional networks', 'regionale netwerken', 'netwerken', 'networks', 'kennisnetwerken', 'clusterorganisaties', 'knowledge networks'] },
  { id: 'finance', synonyms: ['finance', 'financing', 'financiering', 'investeerders', 'investors'] },
  { id: 'municipality', synonyms: ['municipality', 'gemeente', 'municipal policy', 'gemeentelijk beleid', 'regelgeving', 'regulation'] },
  { id: 'care_sector', synonyms: ['care sector', 'zorgsector', 'zorgverzekeraar', 'insurer'] },
  { id: 'ecosystem_study', synonyms: ['ecosystem study', 'ecosysteemanalyse', 'ecosystem analysis'] },
  { id: 'care_workforce_committee', synonyms: ['commissie werken in de zorg', 'working in care committee', 'committee on working in care'] },
  // What the importer writes for an activity whose file gives no source (builder.ts `newActivity`):
  // labelled, so that the filters do not show the bare English word; never in the built-in data.
  { id: UNSPECIFIED, synonyms: [UNSPECIFIED] },
];

/** Activity kinds. The first thirteen are the kinds the format has always listed. */
export const KINDS: readonly VocabularyEntry[] = [
  { id: 'project', synonyms: ['project', 'projecten', 'projects', 'innovatieproject', 'innovation project', 'onderzoeksproject', 'research project'] },
  { id: 'innovation', synonyms: ['innovation', 'innovatie', 'innovaties', 'innovations'] },
  { id: 'living_lab', synonyms: ['living lab', 'living labs', 'livinglab', 'field lab', 'fieldlab', 'proeftuin', 'innovation lab', 'innovatielab'] },
  { id: 'lectorate', synonyms: ['lectorate', 'lectoraat', 'lectoraten', 'research chair (university of applied sciences)'] },
  { id: 'practorate', synonyms: ['practorate', 'practoraat', 'practoraten'] },
  { id: 'pps', synonyms: ['pps', 'publiek-private samenwerking', 'publiek private samenwerking', 'public-private partnership', 'public private partnership', 'ppp', 'centre of expertise', 'coe', 'rif', 'regionaal investeringsfonds'] },
  { id: 'chair', synonyms: ['chair', 'leerstoel', 'leerstoelen', 'bijzondere leerstoel', 'professorship'] },
  { id: 'campus', synonyms: ['campus', 'bedrijvenpark', 'business park', 'science park', 'gebouw', 'building'] },
  { id: 'network', synonyms: ['network', 'netwerk', 'netwerken', 'networks', 'cluster'] },
  { id: 'partnership', synonyms: ['partnership', 'samenwerking', 'samenwerkingsverband', 'alliantie', 'alliance', 'collaboration', 'consortium', 'akkoord', 'agreement'] },
  { id: 'fund', synonyms: ['fund', 'fonds', 'fondsen', 'funds', 'subsidie', 'subsidy', 'crowdfunding'] },
  { id: 'consultation', synonyms: ['consultation', 'consultatie', 'raadpleging', 'gesprek', 'groepsgesprek', 'group conversation', 'interview'] },
  { id: 'study', synonyms: ['study', 'onderzoek', 'studie', 'advies', 'advice', 'rapport', 'report', 'analyse', 'analysis'] },
  { id: 'event', synonyms: ['event', 'evenement', 'bijeenkomst', 'meeting', 'conferentie', 'conference', 'congres', 'workshop'] },
  { id: 'award', synonyms: ['award', 'prijs', 'prize', 'onderscheiding'] },
  { id: 'procurement', synonyms: ['procurement', 'inkoop', 'zorginkoop', 'contractering', 'contracting', 'purchasing'] },
  // No kind given (see SOURCES).
  { id: UNSPECIFIED, synonyms: [UNSPECIFIED] },
];

/**
 * Roles of an organisation in an activity. `hub` roles make an organisation the centre of a
 * listing (a consultation or fund: each participant is tied only to the hubs); a `funder` row
 * never forms a tie. Both must agree with HUB_ROLES and NON_TIE_ROLES in src/graph/projection.ts.
 */
export const ROLES: readonly (VocabularyEntry & { hub?: boolean; formsTies?: false })[] = [
  { id: 'lead', hub: true, synonyms: ['lead', 'leader', 'penvoerder', 'trekker', 'lead partner', 'initiatiefnemer', 'initiator'] },
  { id: 'coordinator', hub: true, synonyms: ['coordinator', 'coördinator', 'coordinatie', 'coördinatie'] },
  { id: 'organiser', hub: true, synonyms: ['organiser', 'organizer', 'organisator', 'uitreiker'] },
  { id: 'chair', hub: true, synonyms: ['chair', 'voorzitter', 'chairman', 'chairperson'] },
  { id: 'partner', synonyms: ['partner', 'partners', 'samenwerkingspartner', 'kennispartner', 'knowledge partner'] },
  { id: 'participant', synonyms: ['participant', 'deelnemer', 'deelnemers', 'participants', 'beneficiary partner'] },
  { id: 'member', synonyms: ['member', 'lid', 'leden', 'members', 'gevestigd', 'tenant', 'huurder'] },
  { id: 'applicant', synonyms: ['applicant', 'aanvrager', 'indiener', 'hoofdaanvrager', 'main applicant'] },
  { id: 'funder', formsTies: false, synonyms: ['funder', 'financier', 'financer', 'subsidiegever', 'subsidy provider', 'funding body', 'funded by'] },
  { id: 'supporter', synonyms: ['supporter', 'ondersteuner', 'ondersteund door', 'supported by', 'sponsor'] },
  { id: 'founder', synonyms: ['founder', 'oprichter', 'mede-oprichter', 'co-founder', 'cofounder'] },
  { id: 'host', synonyms: ['host', 'gastheer', 'locatie', 'huisvester', 'venue'] },
  { id: 'presenter', synonyms: ['presenter', 'presentator', 'spreker', 'speaker', 'workshopleider', 'workshop leader'] },
  { id: 'consulted', synonyms: ['consulted', 'geraadpleegd', 'gesprekspartner', 'interviewed', 'geïnterviewd'] },
  { id: 'client', synonyms: ['client', 'opdrachtgever', 'commissioner', 'principal'] },
  { id: 'beneficiary', synonyms: ['beneficiary', 'begunstigde', 'ontvanger', 'recipient'] },
];

/** A fixed, short list of themes; near-duplicates ("youth", "youth care", "jeugdhulp") share one id. */
export const THEMES: readonly VocabularyEntry[] = [
  { id: 'care_innovation', synonyms: ['care innovation', 'zorginnovatie', 'innovatie in de zorg', 'social and technological innovation', 'sociale en technologische innovatie', 'social innovation', 'sociale innovatie', 'maatschappelijke innovatie'] },
  { id: 'ehealth', synonyms: ['ehealth', 'e-health', 'digital care', 'digitale zorg', 'zorg op afstand', 'telemonitoring', 'telecare'] },
  { id: 'care_technology', synonyms: ['care technology', 'zorgtechnologie', 'technologie in zorg en welzijn', 'health technology', 'technologie voor gezondheid', 'care robotics', 'zorgrobotica', 'assistive devices', 'hulpmiddelen', 'technology and society', 'technologie en samenleving', 'patient safety', 'patiëntveiligheid'] },
  { id: 'rehabilitation', synonyms: ['rehabilitation', 'revalidatie'] },
  { id: 'prevention', synonyms: ['prevention', 'preventie', 'healthy lifestyle', 'gezonde leefstijl', 'nutrition', 'voeding', 'population health management', 'public health', 'volksgezondheid'] },
  { id: 'elderly_care', synonyms: ['elderly care', 'ouderenzorg', 'ageing', 'vergrijzing', 'urban ageing', 'psychogeriatrics', 'psychogeriatrie', 'dementia', 'dementie', 'home living', 'thuis wonen', 'langer thuis wonen', 'living at home', 'elderly and technology', 'ouderen'] },
  { id: 'informal_care', synonyms: ['informal care', 'mantelzorg', 'informele zorg', 'caregivers'] },
  { id: 'youth', synonyms: ['youth', 'jeugd', 'youth care', 'jeugdzorg', 'jeugdhulp', 'jeugd en opvoeding', 'jeugdwet', 'children', 'kinderen'] },
  { id: 'mental_health', synonyms: ['mental health', 'ggz', 'geestelijke gezondheidszorg', 'mental health care'] },
  { id: 'workforce', synonyms: ['workforce', 'care workforce', 'arbeidsmarkt', 'arbeidsmarkt zorg', 'personeelstekort', 'staff shortages', 'vocational training', 'beroepsonderwijs', 'opleiding', 'education', 'onderwijs'] },
  { id: 'financing', synonyms: ['financing', 'financiering', 'bekostiging', 'funding', 'integrated funding', 'integraal zorgbudget', 'health economics', 'zorgeconomie', 'social domain technology', 'investment', 'investeringen'] },
  { id: 'appropriate_care', synonyms: ['appropriate care', 'passende zorg', 'zinnige zorg', 'integrated care', 'integrale zorg', 'medication', 'medicijnen', 'medicines'] },
  { id: 'social_domain', synonyms: ['social domain', 'sociaal domein', 'wmo', 'municipal care', 'gemeentelijke zorg', 'gemeentelijke zorg en ondersteuning'] },
  { id: 'entrepreneurship', synonyms: ['entrepreneurship', 'ondernemerschap', 'innoverend ondernemen', 'startups', 'start-ups', 'scale-ups', 'incubator'] },
  { id: 'high_tech', synonyms: ['high tech', 'hightech', 'high-tech', 'ict', 'telecom', 'smart technology', 'slimme technologie', 'advanced manufacturing', 'maakindustrie', 'robotics', 'robotica', 'smart cities', 'smart cities, health, agrifood'] },
  { id: 'cure_life_sciences', synonyms: ['life sciences', 'life sciences & health', 'cure', 'genomics', 'biomedical logistics', 'biomedical', 'oncology care', 'oncologische zorg', 'wound care', 'wondzorg', 'surgical training', 'medtech'] },
  { id: 'security', synonyms: ['security', 'veiligheid', 'safety'] },
  { id: 'international', synonyms: ['international', 'internationale samenwerking', 'international cooperation', 'development cooperation', 'capacity building', 'disaster recovery', 'disaster relief', 'noodhulp', 'maternal and child health'] },
];

/** What a stated count counts ("23 gemeenten", "meer dan 100 aanbieders", "honderd ouderen"). */
export const COUNTED: readonly VocabularyEntry[] = [
  { id: 'participants', synonyms: ['participants', 'deelnemers', 'deelnemer', 'participant'] },
  { id: 'members', synonyms: ['members', 'leden', 'lid'] },
  { id: 'partners', synonyms: ['partners', 'partner'] },
  { id: 'actors', synonyms: ['actors', 'actoren', 'actor'] },
  { id: 'providers', synonyms: ['providers', 'aanbieders', 'zorgaanbieders', 'zorgleveranciers', 'leveranciers', 'care providers', 'suppliers'] },
  { id: 'municipalities', synonyms: ['municipalities', 'gemeenten', 'gemeente'] },
  { id: 'regions', synonyms: ['regions', "regio's", 'regios', 'pilotregio’s', "pilotregio's", 'pilot regions'] },
  { id: 'elderly', synonyms: ['elderly', 'older people', 'ouderen', 'senioren'] },
  { id: 'projects', synonyms: ['projects', 'projecten', 'innovatieprojecten', 'innovation projects'] },
  { id: 'innovations', synonyms: ['innovations', 'innovaties', 'zorginnovaties'] },
  { id: 'companies', synonyms: ['companies', 'bedrijven', 'firms', 'ondernemingen'] },
  { id: 'hospitals', synonyms: ['hospitals', 'ziekenhuizen'] },
  { id: 'mental_health_institutions', synonyms: ['mental health institutions', 'ggz-instellingen', 'ggz instellingen'] },
  { id: 'nursing_care_institutions', synonyms: ['nursing care institutions', 'v&v-instellingen', 'v&v instellingen', 'vvt-instellingen', 'nursing homes', 'verpleeghuizen'] },
];

/**
 * The lists an organisation is named on in the sources without a stated partner (its
 * `listed_in`): "health startups in Den Haag according to StartupDelta", "actors in SIA care
 * projects", ... Shown in the details panel, so they are ids with labels too.
 */
export const LISTS: readonly VocabularyEntry[] = [
  { id: 'startupdelta_health_startups', synonyms: ['startupdelta health startups den haag', 'zorg startups in den haag'] },
  { id: 'mkb_innovatie_top_100', synonyms: ['mkb innovatie top 100', 'mkb innovatie top 100 2019: zuid-holland care innovations'] },
  { id: 'care_investors', synonyms: ['investors with care focus (nvp 2017)', 'investeerders met specialisatie care'] },
  { id: 'innovation_funders', synonyms: ['public and regional investors zuid-holland', 'financiering van innovatie: publieke investeerders'] },
  { id: 'crowdfunding_platforms', synonyms: ['crowdfunding platforms for care', 'crowdfundingplatforms'] },
  { id: 'care_intermediaries', synonyms: ['intermediaries with care focus', 'aanwezige intermediairs in de regio'] },
  { id: 'knowledge_institutions', synonyms: ['knowledge institutions den haag/leiden/delft/rotterdam', 'kennisinfrastructuur: instellingen'] },
  { id: 'regional_networks_care_economy', synonyms: ['knowledge networks & cluster organisations (zorgeconomie)'] },
  { id: 'regional_networks_knowledge_economy', synonyms: ['knowledge networks & cluster organisations (kenniseconomie)'] },
  { id: 'regional_networks_care_innovation', synonyms: ['knowledge networks & cluster organisations (zorginnovatie)'] },
  { id: 'sia_care_actors', synonyms: ['sia care project actors den haag/haaglanden (networks for knowledge)'] },
  { id: 'medical_delta_innovations', synonyms: ['medical delta supported innovations', 'innovatie ondersteund door medical delta'] },
  { id: 'haaglanden_municipalities', synonyms: ['regio haaglanden / h10 municipalities'] },
  { id: 'committee_group_conversations', synonyms: ['commissie werken in de zorg: regional group conversations'] },
  { id: 'committee_experts', synonyms: ['commissie werken in de zorg: experts and key figures consulted'] },
  { id: 'insurers_den_haag', synonyms: ['health insurers', 'zorgverzekeraars'] },
  { id: 'care_innovation_article', synonyms: ['care-sector article (insurer site)'] },
  { id: 'insurer_logos', synonyms: ["insurer's logos", 'logo strip'] },
];

export const VOCABULARY: Readonly<Record<VocabularyKind, readonly VocabularyEntry[]>> = {
  source: SOURCES,
  kind: KINDS,
  role: ROLES,
  theme: THEMES,
  counted: COUNTED,
  list: LISTS,
};

/** Lower case, no accents, and spaces, hyphens and underscores alike. */
export function normaliseTerm(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/[\s_-]+/g, ' ')
    .trim();
}

function lookup(kind: VocabularyKind): ReadonlyMap<string, string> {
  const map = new Map<string, string>();
  // Ids first, so an id always maps onto itself even if another entry lists it as a synonym.
  for (const e of VOCABULARY[kind]) map.set(normaliseTerm(e.id), e.id);
  for (const e of VOCABULARY[kind]) for (const s of e.synonyms) if (!map.has(normaliseTerm(s))) map.set(normaliseTerm(s), e.id);
  return map;
}

const LOOKUP: Readonly<Record<VocabularyKind, ReadonlyMap<string, string>>> = {
  source: lookup('source'),
  kind: lookup('kind'),
  role: lookup('role'),
  theme: lookup('theme'),
  counted: lookup('counted'),
  list: lookup('list'),
};

/**
 * The vocabulary id that free text means: the id itself (any case, `_`, `-` or space), or one of
 * its Dutch or English synonyms. Undefined when the text matches nothing (the caller keeps the
 * text as written and may report it).
 */
export function vocabularyId(kind: VocabularyKind, text: string | undefined): string | undefined {
  if (!text) return undefined;
  return LOOKUP[kind].get(normaliseTerm(text));
}

/** Whether `id` is exactly one of the ids of `kind` (no synonyms). */
export function isVocabularyId(kind: VocabularyKind, id: string): boolean {
  return VOCABULARY[kind].some((e) => e.id === id);
}

export function vocabularyIds(kind: VocabularyKind): string[] {
  return VOCABULARY[kind].map((e) => e.id);
}

/** The i18next key of an id's label in the `vocabulary` namespace, e.g. `role.applicant`. */
export function vocabularyLabelKey(kind: VocabularyKind, id: string): string {
  return `${kind}.${id}`;
}

/** Roles that make an organisation the hub of a listing (see src/graph/projection.ts). */
export const HUB_ROLE_IDS: readonly string[] = ROLES.filter((r) => r.hub).map((r) => r.id);

/** Roles that never form a tie (see src/graph/projection.ts). */
export const NON_TIE_ROLE_IDS: readonly string[] = ROLES.filter((r) => r.formsTies === false).map((r) => r.id);

/** Activity kinds projected as listings by default (see DEFAULT_PROJECTION_RULES). */
export const LISTING_KIND_IDS: readonly string[] = ['consultation', 'fund'];

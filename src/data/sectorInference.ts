import { normaliseName } from './normalise';
import type { Sector } from './sectors';
import { isSector } from './sectors';

/**
 * Sector inference for organisations whose file gives no sector, from the name and, when there
 * is one, the organisation type (a registry code such as CORDIS `activityType`, or a legal form;
 * see sectorVocabularies.ts). The result is marked inferred and carries the rule that fired, so
 * the user can see why ("afgeleid: ziekenhuis → zorg") and correct it. Documented, with the
 * measured accuracy, in docs/import.md ("Sector inference").
 *
 * How a type and the name rules combine:
 * - a *registry* type (CORDIS HES/REC/PUB, Forskningsrådet codes) is a starting point: only the
 *   `decisive` rules below may overrule it (a hospital filed as REC is still care);
 * - a *fallback* type (CORDIS PRC, B.V., Vereniging...) loses to `decisive` and `name` rules, but
 *   not to `weak` ones ("Nemo Healthcare B.V." is a company, not a care provider);
 * - a company legal form in the name counts as a fallback "tech" type;
 * - without a type (or with one that says nothing, such as CORDIS OTH) the first matching rule
 *   decides, else the sector is `other`.
 */

/** A type read from a type or sector column that suggests, but does not settle, a sector. */
export interface TypeHint {
  /** The type as written (e.g. `HES`, `B.V.`). */
  label: string;
  /** A registry's own class: its sector unless a decisive name rule says otherwise. */
  registry?: Sector;
  /** Only a hint: any non-weak name rule wins. */
  fallback?: Sector;
}

type Strength = 'decisive' | 'name' | 'weak';

/**
 * A normalised name as the rules read it. The rules ask the same word lists again and again (the
 * care and research words guard a dozen rules): each list is matched once per name and remembered
 * (CORDIS H2020's 35,871 names: 280 ms instead of 320 ms, with identical results for every name
 * and type hint).
 */
class NameFacts {
  private readonly found = new Map<RegExp, string | null>();
  /** A company: a legal form in the name (not a non-profit one), or a company type. */
  company = false;

  constructor(
    /** The normalised name: lower case, no accents or punctuation, single spaces. */
    readonly text: string,
  ) {}

  /** Whether the name has a legal form (see LEGAL_FORM_ANYWHERE and LEGAL_FORM_LAST). */
  legalForm(): boolean {
    return this.find(LEGAL_FORM_ANYWHERE) !== undefined || this.find(LEGAL_FORM_LAST) !== undefined;
  }

  /** The words of the name a list matches, or undefined. */
  find(pattern: RegExp): string | undefined {
    let words = this.found.get(pattern);
    if (words === undefined) this.found.set(pattern, (words = pattern.exec(this.text)?.[0] ?? null));
    return words ?? undefined;
  }

  /** Whether any of the lists matches. */
  any(patterns: readonly RegExp[]): boolean {
    return patterns.some((p) => this.find(p) !== undefined);
  }

  /** "x + y" when both lists match, else undefined. */
  both(a: RegExp, b: RegExp): string | undefined {
    const x = this.find(a);
    const y = x && this.find(b);
    return x && y ? `${x} + ${y}` : undefined;
  }
}

interface NameRule {
  id: string;
  sector: Sector;
  strength: Strength;
  /** Dutch and English labels for the UI ("afgeleid: ziekenhuis → zorg"). */
  nl: string;
  en: string;
  /** The matched words, or undefined when the rule does not apply. */
  match(facts: NameFacts): string | undefined;
}

const re = (source: string) => new RegExp(`\\b(?:${source})\\b`);

// Word lists, on normalised names. `\w*` allows compounds (HagaZiekenhuis, Universitätsklinikum).

/** Legal forms that are unambiguous anywhere in a name. */
const LEGAL_FORM_ANYWHERE = re(
  'b v|bv|bvba|gmbh|mbh|ltd|limited|plc|llc|llp|inc|incorporated|sarl|eurl|srl|s r l|s r l s|scarl|lda|ltda|oyj|aps|kft|zrt|sp z o o|spzoo|s r o|sro|d o o|doo|ehf|aktiebolag|sociedad limitada|sociedad anonima|societe anonyme|societa a responsabilita limitata|kiserletes|korlatolt\\w*|tarsasag|sirketi|company|corporation',
);
/** Legal forms that are also ordinary words: only as the last word of the name. */
const LEGAL_FORM_LAST = /\b(?:ab|as|a s|asa|ag|nv|n v|sa|s a|sas|sasu|sl|s l|slu|s l u|sau|s a u|spa|s p a|oy|kg|co kg|cokg|corp|co|epe|eeig|ewiv|ou|se|ad|ood|ltd)$/;
/** Non-profit forms: a name with these is not a company even with "GmbH" or "Limited". */
const NON_PROFIT = re(
  'ggmbh|gemeinnu\\w*|lbg|foundation|stichting|stiftung|fundacion|fundacio|fondazione|fondation|fundacao|stiftelsen|association|associazione|asociacion|associacao|verein|e v|ev|aisbl|asbl|vzw|ivzw|onlus|cic|charity|nhs|trust',
);

const UNIVERSITY = re(
  '\\w*universit\\w*|universid\\w*|univerzit\\w*|uniwersyte\\w*|\\w*hogeschool\\w*|\\w*hochschule\\w*|polytechnic\\w*|politecnico|politechni\\w*|hogskola\\w*|hogskolan|hoegskolan|hojskole\\w*|medical school|school of medicine|academy of sciences|akademie der wissenschaften|akademie van wetenschappen|academie van wetenschappen',
);
/** Words that make a hospital academic when they come with a hospital word. */
const ACADEMIC = re(
  '\\w*univ\\w*|univerzit\\w*|uniwersyte\\w*|academisch\\w*|academic|akademisk\\w*|teaching|faculty|fakultni|medical school|school of medicine',
);
/** Hospital research arms: research words with a hospital word. */
const RESEARCH = re(
  'research|recerca|investigacion|investigacio|investigacao|ricerca|forschung\\w*|recherche|onderzoek\\w*|biomedical research',
);
/** Academic hospitals by their own names (the Dutch UMCs) or as one word. */
const ACADEMIC_HOSPITAL_NAME = re(
  'umc\\w?|\\w+umc|erasmus mc|amc|mumc|academisch (?:ziekenhuis|medisch centrum)|universitair (?:medisch centrum|ziekenhuis)|\\w*universit\\w*(?:medizin|klinik\\w*|spital|sykehus|sjukhus\\w*|sygehus|hospital\\w*)|uniklinik\\w*|chr?u|chuv|irccs|policlinico universitario',
);

const HOSPITAL = re(
  'hospital(?:s|ar|ario|aria|arios|ier|iere|iers|ieres|i)?|hopital\\w*|hopitaux|\\w*ziekenhuis\\w*|\\w*krankenhaus\\w*|\\w*klinik(?:en|um|a|e)?|\\w*kliniek(?:en)?|clinic(?:s|a|as|o|os|he|que)?|clinique|\\w*ospedal\\w*|ospitalier\\w*|\\w*spital\\w*|szpital\\w*|nemocnice|bolnica|bolnisnica|sairaala|sjukhus\\w*|sjukehus\\w*|sygehus\\w*|sykehus\\w*|policlinic\\w*|poliklinik\\w*|medisch centrum|mc|medical cent(?:er|re)s?|health cent(?:er|re)|azienda ospedalier\\w*|casa di cura|hospices? civils',
);
const MENTAL_HEALTH = re(
  'ggz|psy|psyq|\\w*psychiatr\\w*|mental health|geestelijke gezondheidszorg|salud mental|salute mentale|sante mentale|psychische gesundheit|verslavingszorg|psychosomati\\w*',
);
const REHABILITATION = re(
  'revalidatie\\w*|rehabilitation\\w*|rehabilitacion|rehabilitacio|rehabilitacijski|riabilitazione|reeducation|readaptation|reha ?klinik\\w*|reha ?zentrum',
);
const ELDERLY_CARE = re(
  'verpleeg\\w*|verzorgingshuis\\w*|woonzorg\\w*|ouderenzorg|nursing homes?|care homes?|residential care|elderly care|aged care|\\w*pflege(?:heim|zentrum|einrichtung|wohnheim|stift)\\w*|altenheim\\w*|seniorenheim\\w*|altenhilfe|altenpflege|ehpad|maison de retraite|casa di riposo|residenza sanitaria\\w*|geroresidencia\\w*|residencias? (?:de )?(?:mayores|ancianos)',
);
const HOME_CARE = re(
  'thuiszorg|home ?care|home nursing|hauskrankenpflege|ambulante pflege|pflegedienst\\w*|spitex|soins a domicile|aide a domicile|hospitalisation a domicile|assistenza domiciliare|ayuda a domicilio|atencion domiciliaria|wijkverpleging',
);
const YOUTH_CARE = re('jeugdzorg|jeugdhulp\\w*|youth care|jugendhilfe|kinder und jugendhilfe|protection de l enfance|kinderopvang|kinderdagverblijf\\w*');
const DISABILITY_CARE = re('gehandicaptenzorg|verstandelijk gehandicapten\\w*|behindertenhilfe|lebenshilfe|disability (?:care|services)|cooperativa sociale|sociosanitari\\w*');
const GENERAL_PRACTICE = re('huisarts\\w*|gezondheidscentr\\w*|general practice|gp practice|medical practice|hausarzt\\w*|arztpraxis|cabinet medical|maison de sante|centro de salud|medico di base|medicina generale');
/** Organisations that run care: NHS provider trusts, regional health services, Dutch care groups. */
const CARE_PROVIDER = re(
  'nhs (?:foundation )?trust|nhs foundationtrust|health service trust|health and social care trust|health board|ambulance\\w*|helse \\w+ hf|helse|health service executive|servicio \\w+ de (?:la )?salud|servicio de salud|servizo galego de saude|osakidetza|azienda (?:unita )?(?:locale )?(?:socio )?sanitaria\\w*|unita (?:locale )?(?:socio )?sanitaria\\w*|servizi sanitari|consorci sanitari|parc sanitari|parc de salut|corporacio sanitaria|zorggroep\\w*|zorgconcern|zorginstelling\\w*|zorgaanbieder\\w*|zorgorganisatie\\w*|zorgcentr\\w*',
);

const HEALTH_SERVICES = re('health ?care services|health services');

const PATIENT = re(
  'patient\\w*|pacientes?|pazienti|clientenra\\w*|clienten\\w*|client organi[sz]ations?|mantelzorg\\w*|ouderenbond\\w*|ouderenverenig\\w*|seniors|senioren\\w*|pensioners|gepensioneerden|families|familiares|familles|famiglie|angehorige\\w*|parents|ouders|carers|self ?help|selbsthilfe\\w*|zelfhulp\\w*|advocacy',
);
const DISEASE = re(
  'alzheimer\\w*|parkinson\\w*|diabet\\w*|asthma|astma|allerg\\w*|epilep\\w*|rheuma\\w*|reuma\\w*|cancer|kanker\\w*|krebs\\w*|heart|hart\\w*|longfonds|lung|kidney|nier\\w*|liver|stroke|autis\\w*|dementi\\w*|aids|hiv|multiple sclerosis|cystic fibrosis|muscular dystrophy|spierziekte\\w*|rare diseases?|myeloma|melanoma|leuka?emia|blind\\w*|deaf|doven|slechtziend\\w*|spastic\\w*|handicap\\w*|discapacidad|diseases?|ziekte\\w*|krankheit\\w*|erkrankung\\w*|maladies?|enfermedad\\w*|malattie',
);
const CHARITY_FORM = re(
  'society|association|asociacion|associazione|associacao|vereniging|verein|e v|ev|foundation|fondation|fundacion|stichting|fonds|fund|liga|ligue|federation|forum|organisation|organization|aisbl|asbl|ry|rf|charity|europe|uk|nederland|international',
);
const CHARITY = re(
  'charity|charities|charitable|caritas|red cross|rode kruis|rotes kreuz|croix rouge|cruz roja|unicef|save the children|war child|artsen zonder grenzen|medecins sans frontieres|doctors without borders|handicap international|ouderenfonds|\\w*kankerbestrijding|\\w*(?:reuma|nier|hart|hersen|epilepsie|diabetes|spier)(?:fonds|stichting)',
);
/** A health charity named a network, coalition or league gathers organisations: a network. */
const NETWORK_OF_ORGANISATIONS = re('network\\w*|netwerk\\w*|coalition|league|platform');
/** A centre for a disease is a research or care centre, not a charity. */
const CENTRE = re('\\w*zentrum|centre|center|centro|centrum');
const REGISTRY = re('regist\\w*');
/** Professional bodies: the members are professionals, not patients. */
const PROFESSIONAL = re(
  'practitioners|physicians|surgeons|nurses|midwives|pharmacists|service providers|aanbieders|leistungsanbieter|beroepsvereniging\\w*|berufsverband\\w*|a?e?rztekammer|ordre des medecins|ordine dei medici|colegio oficial|medicine society|society of \\w+ medicine|(?:association|society|societe|federation) for the study of|european society|europe\\w* (?:\\w+ ){1,3}society|societies',
);

const GOVERNMENT = re(
  'gemeente|municipality|municipio|municipal council|provincie|province|ministerie|ministry|ministere|ministerio|ministero|\\w*ministerium|minist\\w*|rijksdienst|rijkswaterstaat|waterschap|metropoolregio|veiligheidsregio|\\w*gezondheidsregio|ggd|inkoopbureau|city of|zorgautoriteit|kommune|fylkeskommune|comune|ajuntament|ayuntamiento|diputacio|diputacion|generalitat|conselleria|consejeria|junta de|county council|city council|borough|landsting|landeshauptstadt|stadtverwaltung|landesregierung|senatsverwaltung|bundesamt|bundesanstalt|bundesinstitut|politie|police|polizei|department of health|secretaria de saude|commissioning board|regulatory authority|medicines agency|agencia espanola de medicamentos|bureau voor de statistiek|statistics office|office for national statistics',
);
/** Names that start with a region: Danish and Swedish regions run hospitals but are government. */
const REGION_BODY = /^(?:region|regione|regio|la region)\b/;
/** Public research funders (Dutch and a few European ones). */
const RESEARCH_FUNDER = re(
  'nwo|zonmw|zorgonderzoek nederland|organisatie voor wetenschappelijk onderzoek|fonds voor wetenschappelijk onderzoek|fonds de (?:la )?recherche|fonds national de la recherche|fonds zur forderung der wissenschaftlichen\\w*|research council|forskningsradet|forskningsrad|deutsche forschungsgemeinschaft|agence nationale de la recherche|national science foundation',
);

/** Public agencies and regulators (not a company "agency"). */
const PUBLIC_AGENCY = re(
  'agency|agencia|agenzia|agence|agentur|agentschap|\\w*myndighet\\w*|authority|authorities|autorite|autoriteit|behorde|inspectie|inspectorate|regulator\\w*',
);

const FINANCE = re(
  'bank|banco|banca|banque|bankia|sparkasse|caixa|insurance\\w*|insurer\\w*|reinsurance|assurances?|assicurazion\\w*|versicherung\\w*|\\w*verzekeraar\\w*|\\w*verzekering\\w*|aseguradora|seguros|ventures|venture capital|capital partners|private equity|invest|investment\\w*|investor\\w*|investering\\w*|investissement\\w*|inversion\\w*|investitions\\w*|beteiligung\\w*|participaties|crowdfunding|pension\\w*|achmea|menzis|vgz|zilveren kruis|cz groep|dsw zorgverzekeraar|onvz',
);
const FUND = re('fund|funds|fonds|fondsen');

const SPORTS = re(
  'sport\\w*|football|voetbal\\w*|fussball\\w*|futbol|calcio|cricket|rugby|hockey|tennis|golf|basket\\w*|volley\\w*|handbal\\w*|athletic\\w*|atletic\\w*|aero|schaats\\w*|zwem\\w*|ski',
);
const CLUB = re('club|clubs|verein|sportverein|vereniging|associazione|asociacion|association|fc|sv|vv');
/** Club names written as one word (Voetbalvereniging, Sportverein, Tennisclub). */
const SPORTS_CLUB = re(
  '\\w*(?:sport|voetbal|fussball|futbol|tennis|hockey|golf|turn|zwem|schaats|korfbal|handbal|rugby|cricket|ski)\\w*(?:club|vereniging|verein)',
);
const CULTURE = re('museum\\w*|\\w*museumsverband|theater\\w*|theatre\\w*|teatro|festival\\w*|orchestr\\w*|orkest|choir|koor|catedral|cathedral|kathedrale|kerk|parish|parochie');

/**
 * Words for organisations of organisations (federations, alliances, networks): decisive unless the
 * name also says research or education. An association's legal form alone is not: many research
 * institutes are associations (e.V., vzw, Asociación).
 */
const ASSOCIATION = re(
  'associations|association of|federation|federatie|federazione|federacion|confederation|alliance|alliantie|allianz|coalition|\\w*verband|network\\w*|netwerk\\w*|netzwerk\\w*|reseau|cluster|platform',
);
/** A cluster organisation is an intermediary, whatever its legal form (many are companies). */
const CLUSTER = re('\\w*cluster');
const STUDY = re('studio|studi|study|studies|studie\\w*|educat\\w*|onderwijs|opleiding\\w*|training');
const NETWORK = re(
  'netwerk\\w*|network\\w*|netzwerk\\w*|reseau|platform|plattform|plateforme|cluster|board|alliance|alliantie|allianz|alianza|coalition|living lab|fieldlab|field lab|incubator|accelerator|campus|science park|community|vereniging|verein|association|associations|associazione|asociacion|associacao|branchevereniging|federatie|federation|federazione|federacion|\\w*verband|confederation|confederacion|confindustria|kamer van koophandel|chamber of commerce|chambre de commerce|camera di commercio|conseil|society|societe|aisbl|asbl|ivzw|vzw|e v|eeig|ewiv',
);
const KNOWLEDGE_INSTITUTE = re(
  'instituut|institute|institutes|institut|istituto|istituti|instituto|instytut|institutul|ustav|\\w*forschungszentrum|\\w*forschungsinstitut\\w*|research cent(?:er|re)s?|research institutes?|kenniscentrum|knowledge cent(?:er|re)|kunnskapssenter|expertisecentrum|tno|fraunhofer|cnrs|inserm|max planck|helmholtz|eric|academie|academy|akademie|lectoraat',
);
const KNOWLEDGE = re(
  'research|onderzoek|forschung|recherche|ricerca|investigacion|scientifi\\w*|wissenschaft\\w*|cientific\\w*|school|college|roc|mbo|laborator\\w*',
);
const CARE_GENERIC = re(
  'zorg\\w*|\\w+zorg|care|health ?care|gezondheidszorg|welzijn|fysiotherap\\w*|\\w*apotheek|pharmacy|farmacia|pflege',
);

const TECH = re(
  'technolog\\w*|tecnolog\\w*|\\w*technik|\\w*tech|techniques?|software|systems?|sistemas?|solutions?|soluciones|solucoes|devices?|diagnosti\\w*|pharma\\w*|therapeutics?|biotech\\w*|bio|biosciences?|life sciences|robot\\w*|digital\\w*|data|analytics|informati\\w*|sensor\\w*|instruments?|imaging|electronic\\w*|elektroni\\w*|engineering|ingenieria|labs?|genomic\\w*|genetics?|e ?health|mhealth|telehealth|telemedicine|apps?|ict|computing|computer\\w*|vaccines?|molecular|nano\\w*|photonics|microfluidics|materials|medizintechnik|medical (?:devices?|systems?|technolog\\w*|imaging|instruments?)',
);


const ASSOCIATION_FORM = re('association|associazione|asociacion|associacao|vereniging|verein|e v|ev|aisbl|asbl|ivzw|vzw');
/** A European, international or national association is a membership body. */
const SCOPE = re('europe\\w*|international\\w*|national\\w*|world|global');
/** Care words, for rules that must not fire on a care provider's name. */
const CARE_PLACES = [HOSPITAL, CARE_PROVIDER, MENTAL_HEALTH, REHABILITATION, ELDERLY_CARE, HOME_CARE];
/** Research and education words, for rules that must not fire on a knowledge institution's name. */
const KNOWLEDGE_WORDS = [RESEARCH, KNOWLEDGE_INSTITUTE, KNOWLEDGE, UNIVERSITY, STUDY];

const rule = <const Id extends string>(
  id: Id,
  sector: Sector,
  strength: Strength,
  labels: [nl: string, en: string],
  match: (f: NameFacts) => string | undefined,
) => ({ id, sector, strength, nl: labels[0], en: labels[1], match });

/**
 * The name rules in order of precedence; the first that applies (given the type's strength, see
 * above) decides. Ids are stable: `name:<id>` is stored as the organisation's sector reason.
 */
export const NAME_RULES = [
  // Who the members or beneficiaries are comes first: a patients' association for mental health
  // is not a mental-health provider.
  rule('patient-organisation', 'citizens', 'decisive', ['patiënten- of cliëntenorganisatie', 'patient or client organisation'], (f) =>
    f.company ? undefined : f.find(PATIENT),
  ),
  rule('professional-body', 'network', 'decisive', ['beroepsvereniging', 'professional body'], (f) =>
    f.any([UNIVERSITY, KNOWLEDGE_INSTITUTE, CENTRE]) ? undefined : f.find(PROFESSIONAL),
  ),
  rule('health-charity', 'citizens', 'decisive', ['patiëntenfonds of goed doel', 'health charity'], (f) =>
    f.company || f.any([...KNOWLEDGE_WORDS, ...CARE_PLACES, NETWORK_OF_ORGANISATIONS, CENTRE, REGISTRY]) ? undefined : f.both(DISEASE, CHARITY_FORM),
  ),
  rule('charity', 'citizens', 'decisive', ['goed doel', 'charity'], (f) => f.find(CHARITY)),
  // Academic before care: "Universitair Medisch Centrum" and "Klinikum der Universität" are knowledge.
  rule('academic-hospital', 'knowledge', 'decisive', ['academisch ziekenhuis', 'academic hospital'], (f) =>
    f.find(ACADEMIC_HOSPITAL_NAME) ?? f.both(ACADEMIC, HOSPITAL) ?? f.both(RESEARCH, HOSPITAL),
  ),
  rule('university', 'knowledge', 'decisive', ['universiteit of hogeschool', 'university'], (f) => f.find(UNIVERSITY)),
  // A company with technology words stays tech, whatever care words its name has.
  rule('tech-company', 'tech', 'decisive', ['technologiebedrijf', 'technology company'], (f) => (f.company ? f.find(TECH) : undefined)),
  rule('public-agency', 'government', 'decisive', ['overheidsdienst of toezichthouder', 'public agency or regulator'], (f) =>
    f.company || f.any([ASSOCIATION, ASSOCIATION_FORM, RESEARCH, KNOWLEDGE]) ? undefined : f.find(PUBLIC_AGENCY),
  ),
  // A federation or network of hospitals is a network, not a hospital.
  rule('care-federation', 'network', 'decisive', ['netwerk van zorgaanbieders', 'network of care providers'], (f) =>
    f.any(CARE_PLACES) ? f.find(ASSOCIATION) : undefined,
  ),
  rule('mental-health', 'care', 'decisive', ['ggz', 'mental health care'], (f) => f.find(MENTAL_HEALTH)),
  rule('rehabilitation', 'care', 'decisive', ['revalidatie', 'rehabilitation'], (f) => f.find(REHABILITATION)),
  rule('elderly-care', 'care', 'decisive', ['ouderenzorg of verpleeghuis', 'elderly or nursing care'], (f) => f.find(ELDERLY_CARE)),
  rule('home-care', 'care', 'decisive', ['thuiszorg', 'home care'], (f) => f.find(HOME_CARE)),
  rule('youth-care', 'care', 'decisive', ['jeugdzorg', 'youth care'], (f) => f.find(YOUTH_CARE)),
  rule('disability-care', 'care', 'decisive', ['gehandicaptenzorg', 'disability care'], (f) => f.find(DISABILITY_CARE)),
  rule('general-practice', 'care', 'decisive', ['huisartsenzorg', 'general practice'], (f) => f.find(GENERAL_PRACTICE)),
  rule('hospital', 'care', 'decisive', ['ziekenhuis of kliniek', 'hospital or clinic'], (f) => f.find(HOSPITAL)),
  // "Health services" names a provider (Clalit Health Services), but also health IT companies.
  rule('care-provider', 'care', 'decisive', ['zorgaanbieder', 'care provider'], (f) =>
    f.find(CARE_PROVIDER) ?? (f.company ? undefined : f.find(HEALTH_SERVICES)),
  ),
  rule('government', 'government', 'decisive', ['overheid', 'government body'], (f) => f.find(GOVERNMENT) ?? f.find(REGION_BODY)),
  rule('research-funder', 'government', 'decisive', ['publieke onderzoeksfinancier', 'public research funder'], (f) => f.find(RESEARCH_FUNDER)),
  // "Institut de Recerca de la SIDA-Caixa" is a research institute named after a bank.
  rule('finance', 'finance', 'decisive', ['bank, verzekeraar of investeerder', 'bank, insurer or investor'], (f) =>
    f.any([RESEARCH, KNOWLEDGE_INSTITUTE]) ? undefined : f.find(FINANCE),
  ),
  rule('sports-club', 'other', 'decisive', ['sportclub', 'sports club'], (f) => f.find(SPORTS_CLUB) ?? f.both(SPORTS, CLUB)),
  rule('cluster', 'network', 'decisive', ['cluster', 'cluster organisation'], (f) => f.find(CLUSTER)),
  // CORDIS files many European federations and networks as research organisations.
  rule('association', 'network', 'decisive', ['federatie of netwerk van organisaties', 'federation or network of organisations'], (f) =>
    f.company || f.any(KNOWLEDGE_WORDS) ? undefined : (f.find(ASSOCIATION) ?? f.both(SCOPE, ASSOCIATION_FORM)),
  ),
  rule('culture', 'other', 'name', ['cultuur of religie', 'culture or religion'], (f) => f.find(CULTURE)),
  rule('research-institute', 'knowledge', 'name', ['kennisinstituut', 'research institute'], (f) => f.find(KNOWLEDGE_INSTITUTE)),
  rule('network', 'network', 'name', ['netwerk of vereniging', 'network or association'], (f) => (f.company ? undefined : f.find(NETWORK))),
  rule('fund', 'finance', 'name', ['fonds', 'fund'], (f) => f.find(FUND)),
  rule('knowledge', 'knowledge', 'weak', ['onderzoek of onderwijs', 'research or education'], (f) => f.find(KNOWLEDGE)),
  rule('care', 'care', 'weak', ['zorg of welzijn', 'care or welfare'], (f) => f.find(CARE_GENERIC)),
  rule('company', 'tech', 'weak', ['bedrijf', 'company'], (f) =>
    f.find(NON_PROFIT) !== undefined ? undefined : f.legalForm() ? 'legal form' : f.find(TECH),
  ),
] as const satisfies readonly NameRule[];

export type SectorRuleId = (typeof NAME_RULES)[number]['id'];

/**
 * Why a sector was inferred, machine-readable: `name:<rule id>` (a name rule, see NAME_RULES),
 * `type:<type as written>` (the registry type or fallback, e.g. `type:HES`) or `none` (nothing
 * matched: `other`).
 */
export type SectorReason = `name:${SectorRuleId}` | `type:${string}` | 'none';

export interface SectorGuess {
  sector: Sector;
  reason: SectorReason;
  /** A short English explanation for the import report, with the words that matched. */
  why: string;
}

/**
 * Undoes the commonest mis-encoding in CORDIS extracts: UTF-8 read as Mac Roman, which turns
 * "ä" into "√§" and would split "Universitätsklinikum" into two words.
 */
const MAC_ROMAN_80_BF = 'ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø';
export function repairMacRomanMojibake(text: string): string {
  if (!text.includes('√')) return text;
  return text.replace(/√(.)/g, (whole, ch: string) => {
    const i = MAC_ROMAN_80_BF.indexOf(ch);
    return i < 0 ? whole : String.fromCharCode(0xc0 + i);
  });
}

const RULE_BY_ID = new Map<string, NameRule>(NAME_RULES.map((r) => [r.id, r]));

function guessFromRule(rule: NameRule, matched: string): SectorGuess {
  return { sector: rule.sector, reason: `name:${rule.id}` as SectorReason, why: `${rule.en}: "${matched}"` };
}

/**
 * Infers a sector from a normalised name (see normaliseName) and an optional type hint. Always
 * answers: when nothing applies, `other` with reason `none`.
 */
export function inferFromNormalisedName(normalisedName: string, type?: TypeHint): SectorGuess {
  const facts = new NameFacts(normalisedName);
  const nameIsCompany = facts.legalForm() && facts.find(NON_PROFIT) === undefined;
  // A type that only says "company" and a legal form in the name are the same evidence.
  const typeSays = Boolean(type?.registry || type?.fallback);
  const hint: TypeHint | undefined = typeSays ? type : nameIsCompany ? { label: 'legal form', fallback: 'tech' } : undefined;
  facts.company = hint?.fallback === 'tech' || (nameIsCompany && !hint?.registry);
  for (const rule of NAME_RULES as readonly NameRule[]) {
    if (hint?.registry && rule.strength !== 'decisive') continue;
    if (hint?.fallback && rule.strength === 'weak') continue;
    const matched = rule.match(facts);
    if (matched) return guessFromRule(rule, matched);
  }
  if (hint?.registry) return { sector: hint.registry, reason: `type:${hint.label}`, why: `organisation type "${hint.label}"` };
  if (hint?.fallback) {
    if (!typeSays) return { sector: hint.fallback, reason: 'name:company', why: 'company: legal form in the name' };
    return { sector: hint.fallback, reason: `type:${hint.label}`, why: `organisation type "${hint.label}"` };
  }
  return { sector: 'other', reason: 'none', why: 'no rule matched' };
}

/**
 * Sector guesses made somewhere else (the command line's second thread) while the rows are read:
 * the builder offers each organisation that will need a guess, with its name and type as read so
 * far, and takes the guess when it infers. `inferOrganisationSector` depends on the name and type
 * only, so a guess taken is the one the builder would make; one that has not arrived, or whose
 * name or type changed since the offer, is made by the builder itself.
 */
export interface SectorGuessSource {
  offer(name: string, type: TypeHint | undefined): void;
  take(name: string, type: TypeHint | undefined): SectorGuess | undefined;
}

/**
 * Infers the sector of an organisation from its name as written (mis-encodings repaired) and
 * the type read from its file, if any.
 */
export function inferOrganisationSector(name: string, type?: TypeHint): SectorGuess {
  // An elided article is a word boundary here ("dell'handicap", "l'hospital"), unlike in normaliseName.
  return inferFromNormalisedName(normaliseName(repairMacRomanMojibake(name).replace(/['’`´]/g, ' ')), type);
}

/** The first name rule that applies to a normalised name without any type, or undefined. */
export function inferSector(normalisedName: string): SectorGuess | undefined {
  const guess = inferFromNormalisedName(normalisedName);
  return guess.reason === 'none' ? undefined : guess;
}

/** Like inferFromNormalisedName, but undefined when neither the name nor the type says anything. */
export function inferSectorWithType(normalisedName: string, type?: TypeHint): SectorGuess | undefined {
  const guess = inferFromNormalisedName(normalisedName, type);
  return guess.reason === 'none' ? undefined : guess;
}

/**
 * The reason in words for the UI, e.g. `name:hospital` → "ziekenhuis of kliniek" (nl) and
 * `type:HES` → "type HES"; show it as "afgeleid: ziekenhuis of kliniek → zorg".
 */
export function describeSectorReason(reason: string, language: 'nl' | 'en'): string {
  if (reason.startsWith('name:')) {
    const rule = RULE_BY_ID.get(reason.slice(5));
    if (rule) return rule[language];
  }
  if (reason.startsWith('type:')) return `type ${reason.slice(5)}`;
  return language === 'nl' ? 'geen regel' : 'no rule';
}

/** Accepts the canonical sector ids and their Dutch/English labels. */
const SECTOR_SYNONYMS = new Map<string, Sector>([
  ['technologie', 'tech'], ['technology', 'tech'], ['bedrijf', 'tech'], ['company', 'tech'], ['industry', 'tech'],
  ['zorg', 'care'], ['zorg en welzijn', 'care'], ['healthcare', 'care'], ['health care', 'care'], ['welzijn', 'care'],
  ['overheid', 'government'], ['gemeente', 'government'], ['municipality', 'government'], ['public', 'government'],
  ['kennis', 'knowledge'], ['kennis en onderwijs', 'knowledge'], ['onderwijs', 'knowledge'], ['education', 'knowledge'], ['research', 'knowledge'],
  ['netwerk', 'network'], ['intermediair', 'network'], ['netwerk en intermediair', 'network'], ['intermediary', 'network'],
  ['financiering', 'finance'], ['investeerder', 'finance'], ['investor', 'finance'], ['insurer', 'finance'],
  ['burgers', 'citizens'], ['burgers en clienten', 'citizens'], ['clienten', 'citizens'], ['patients', 'citizens'], ['citizen', 'citizens'],
  ['overig', 'other'],
  // The words a hand-kept Dutch or English sheet uses in a "sector" column.
  ['tech', 'tech'], ['techbedrijf', 'tech'], ['techbedrijven', 'tech'], ['technologiebedrijf', 'tech'], ['bedrijven', 'tech'], ['bedrijfsleven', 'tech'], ['ondernemers', 'tech'], ['industrie', 'tech'], ['ict', 'tech'], ['business', 'tech'], ['private sector', 'tech'],
  ['zorgsector', 'care'], ['gezondheidszorg', 'care'], ['zorgaanbieders', 'care'], ['zorginstellingen', 'care'], ['welzijnsorganisatie', 'care'], ['care providers', 'care'],
  ['overheden', 'government'], ['publieke sector', 'government'], ['gemeenten', 'government'], ['public sector', 'government'],
  ['kennisinstelling', 'knowledge'], ['kennisinstellingen', 'knowledge'], ['onderwijsinstelling', 'knowledge'], ['onderzoek', 'knowledge'], ['wetenschap', 'knowledge'], ['academia', 'knowledge'], ['knowledge institution', 'knowledge'],
  ['netwerken', 'network'], ['netwerkorganisatie', 'network'], ['intermediairs', 'network'],
  ['financier', 'finance'], ['financiers', 'finance'], ['investeerders', 'finance'],
  ['burger', 'citizens'], ['client', 'citizens'], ['patienten', 'citizens'], ['patientenorganisatie', 'citizens'], ['clientenorganisatie', 'citizens'],
  ['overige', 'other'], ['anders', 'other'],
]);

/** Maps a sector cell (already normalised) onto the vocabulary, or undefined when unknown. */
export function parseSectorValue(normalised: string): Sector | undefined {
  if (isSector(normalised)) return normalised;
  return SECTOR_SYNONYMS.get(normalised);
}

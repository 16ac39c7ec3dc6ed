import type { Sector } from './sectors';
import { isSector } from './sectors';

/**
 * Rules that guess a sector from an organisation's name, first match wins. Used only when a
 * file gives no (valid) sector; the organisation is then marked `sectorInferred` and the user
 * can correct it. Dutch and English terms; word-boundary matches on the normalised name.
 */
export const SECTOR_RULES: readonly { sector: Sector; pattern: RegExp; why: string }[] = [
  { sector: 'government', pattern: /\b(gemeente|municipality|provincie|province|ministerie|ministry|ministere|ministerio|rijksdienst|rijkswaterstaat|waterschap|metropoolregio|inkoopbureau|city of|zorgautoriteit|kommune|fylkeskommune|comune|county council|city council|politie|police)\b/, why: 'municipality, province, ministry or agency' },
  { sector: 'knowledge', pattern: /\b(universiteit|university|\w*universit\w*|universitair|\w*hogeschool|hochschule|fachhochschule|politecnico|polytechnic|university of applied sciences|roc|mbo|college|academie|academy|lectoraat|instituut|institute|institut|tno|umc|mc|school|onderzoek|research|kenniscentrum|fraunhofer|cnrs|inserm)\b/, why: 'university, college, school or research institute' },
  { sector: 'finance', pattern: /\b(fund|fonds|capital|invest\w*|bank|verzekeraar\w*|insurance|zorgverzekeraar|ventures|crowdfunding|participaties)\b/, why: 'investor, fund, bank or insurer' },
  { sector: 'care', pattern: /\b(\w*ziekenhuis|hospital|hopital|ospedale|sykehus\w*|klinikum|medisch centrum|medical cent(er|re)|health ?care|helse\w*|\w*zorg\w*|care|ggz|gezondheidscentrum|huisarts\w*|thuiszorg|verpleeg\w*|revalidatie\w*|rehabilitation|fysiotherapie|jeugdhulp|jeugdzorg|welzijn|kinderopvang|kinderdagverblijf|psychiatr\w*|\w*kliniek|clinic|\w*apotheek|pharmacy)\b/, why: 'care or welfare provider term' },
  { sector: 'network', pattern: /\b(netwerk|network|platform|cluster|board|alliantie|alliance|living lab|fieldlab|field lab|incubator|accelerator|campus|science park|community|vereniging|association|branchevereniging|federatie|federation|kamer van koophandel)\b/, why: 'network, platform, cluster or association' },
  { sector: 'citizens', pattern: /\b(patient\w*|clientenraad|clienten\w*|clients?|stichting .*fonds|rode kruis|red cross|unicef|mantelzorg\w*|ouderenbond|bewoners\w*|burger\w*)\b/, why: 'client, patient, citizen or charity organisation' },
  { sector: 'tech', pattern: /\b(b ?v|bv|technolog\w*|tech|software|systems|solutions|engineering|robot\w*|digital|ict|data|labs?|media|devices?|medical|pharma\w*|therapeutics|biotech\w*|diagnostics|gmbh|ltd|limited|inc|corp\w*|plc|llc|nv|n v|srl|sarl|spa|oy|aps)\b/, why: 'company or technology term' },
];

/** The first rule matching the normalised name, or undefined. */
export function inferSector(normalisedName: string): { sector: Sector; why: string } | undefined {
  for (const rule of SECTOR_RULES) {
    if (rule.pattern.test(normalisedName)) return { sector: rule.sector, why: rule.why };
  }
  return undefined;
}

/** Accepts the canonical sector ids and their Dutch/English labels. */
const SECTOR_SYNONYMS: Record<string, Sector> = {
  technologie: 'tech', technology: 'tech', bedrijf: 'tech', company: 'tech', industry: 'tech',
  zorg: 'care', 'zorg en welzijn': 'care', healthcare: 'care', 'health care': 'care', welzijn: 'care',
  overheid: 'government', gemeente: 'government', municipality: 'government', public: 'government',
  kennis: 'knowledge', 'kennis en onderwijs': 'knowledge', onderwijs: 'knowledge', education: 'knowledge', research: 'knowledge',
  netwerk: 'network', intermediair: 'network', 'netwerk en intermediair': 'network', intermediary: 'network',
  financiering: 'finance', investeerder: 'finance', investor: 'finance', insurer: 'finance',
  burgers: 'citizens', 'burgers en clienten': 'citizens', clienten: 'citizens', patients: 'citizens', citizen: 'citizens',
  overig: 'other',
};

/** Maps a sector cell (already normalised) onto the vocabulary, or undefined when unknown. */
export function parseSectorValue(normalised: string): Sector | undefined {
  if (isSector(normalised)) return normalised;
  return SECTOR_SYNONYMS[normalised];
}

/**
 * Sector inference that also weighs an organisation type (a legal form or a source's own
 * classification, see sectorVocabularies.ts) when that type only suggests a sector: specific name
 * evidence ("Zorggroep X B.V." is care) beats the type's fallback, which beats the generic
 * company rule; with neither, the first matching name rule decides.
 */
export function inferSectorWithType(
  normalisedName: string,
  type?: { fallback?: Sector; label: string },
): { sector: Sector; why: string } | undefined {
  const byName = inferSector(normalisedName);
  if (byName && byName.sector !== 'tech') return byName;
  if (type?.fallback) return { sector: type.fallback, why: `organisation type "${type.label}"` };
  return byName;
}

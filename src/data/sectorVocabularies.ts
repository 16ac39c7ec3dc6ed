import { normaliseName } from './normalise';
import type { TypeHint } from './sectorInference';
import type { Sector } from './sectors';

/**
 * Foreign organisation classifications mapped onto Bruggen's sectors. A `sector` is definitive
 * (a type a person chose, such as "Ziekenhuis" in a hand-kept list). A `registry` sector is a
 * registry's own class, a starting point only: the decisive name rules of sectorInference.ts
 * overrule it (a general hospital filed as CORDIS REC is care, an academic hospital filed as PUB
 * is knowledge). A `fallback` only suggests a sector, so any specific name rule wins (a PRC
 * "private company" can be a clinic). Entries with none of these mean "this type says nothing":
 * the sector is inferred from the name. docs/import.md lists the same entries; keep the `source`
 * texts short.
 */
export interface VocabularyEntry {
  values: readonly string[];
  sector?: Sector;
  registry?: Sector;
  fallback?: Sector;
  source: string;
}

export const SECTOR_VOCABULARIES: readonly VocabularyEntry[] = [
  // CORDIS `activityType` (EU Framework Programmes).
  { values: ['HES', 'Higher or Secondary Education Establishments'], registry: 'knowledge', source: 'CORDIS' },
  { values: ['REC', 'Research Organisations'], registry: 'knowledge', source: 'CORDIS' },
  { values: ['PUB', 'Public bodies (excluding Research Organisations and Secondary or Higher Education Establishments)', 'Public body'], registry: 'government', source: 'CORDIS' },
  { values: ['PRC', 'Private for-profit entities (excluding Higher or Secondary Education Establishments)', 'Private for-profit entity'], fallback: 'tech', source: 'CORDIS' },
  { values: ['OTH', 'Other'], source: 'CORDIS' },
  // Research Council of Norway, "FoU sektor" (codes, Norwegian and English labels).
  { values: ['UoH', 'UoH-sektor', 'higher education (university/college)', 'higher education'], registry: 'knowledge', source: 'Forskningsrådet' },
  { values: ['INS', 'Instituttsektor', 'research institute'], registry: 'knowledge', source: 'Forskningsrådet' },
  { values: ['HEL', 'Helseforetak', 'health trust (hospital)', 'health trust'], registry: 'care', source: 'Forskningsrådet' },
  { values: ['NÆR', 'NAER', 'Næringsliv', 'business enterprise'], fallback: 'tech', source: 'Forskningsrådet' },
  { values: ['NFR', 'Norges forskningsråd', 'Research Council of Norway'], registry: 'government', source: 'Forskningsrådet' },
  { values: ['DIV', 'Øvrige', 'other (public administration, NGOs, etc.)', 'ukjent', 'unknown'], source: 'Forskningsrådet' },
  // Dutch legal forms (rechtsvorm), as written in KvK extracts and hand-kept lists.
  { values: ['B.V.', 'BV', 'Besloten vennootschap', 'Besloten vennootschap met gewone structuur', 'N.V.', 'NV', 'Naamloze vennootschap', 'VOF', 'Vennootschap onder firma', 'Eenmanszaak', 'Commanditaire vennootschap', 'CV'], fallback: 'tech', source: 'rechtsvorm' },
  { values: ['Stichting', 'Maatschap', 'Onbekend'], source: 'rechtsvorm' },
  { values: ['Vereniging', 'Coöperatie', 'Cooperatie', 'Coöperatieve vereniging', 'Vereniging met volledige rechtsbevoegdheid'], fallback: 'network', source: 'rechtsvorm' },
  { values: ['Publiekrechtelijke rechtspersoon', 'Overheidsinstelling', 'Overheid', 'Rijksoverheid', 'Gemeente', 'Provincie', 'Waterschap'], sector: 'government', source: 'rechtsvorm / type' },
  // Organisation types in Dutch project lists (SIA, NWO, RVO, hand-kept spreadsheets).
  { values: ['Hogeschool', 'Universiteit', 'Kennisinstelling', 'Onderzoeksinstelling', 'Onderwijsinstelling', 'ROC', 'MBO', 'UMC', 'TO2-instituut', 'Kennisinstituut'], sector: 'knowledge', source: 'type' },
  { values: ['MKB', 'Mkb-bedrijf', 'Grootbedrijf', 'Bedrijf', 'Bedrijfsleven', 'Private partij', 'Startup', 'Start-up', 'Onderneming', 'SME', 'Company', 'Industry'], fallback: 'tech', source: 'type' },
  { values: ['Zorginstelling', 'Zorgaanbieder', 'Ziekenhuis', 'Zorgorganisatie', 'Welzijnsorganisatie', 'GGZ-instelling', 'Care provider', 'Hospital'], sector: 'care', source: 'type' },
  { values: ['Brancheorganisatie', 'Netwerkorganisatie', 'Koepelorganisatie', 'Intermediair', 'Branchevereniging'], sector: 'network', source: 'type' },
  { values: ['Patiëntenorganisatie', 'Cliëntenorganisatie', 'Cliëntenraad', 'Burgerinitiatief', 'Maatschappelijke organisatie', 'Goede doel'], sector: 'citizens', source: 'type' },
  { values: ['Financier', 'Investeerder', 'Zorgverzekeraar', 'Fonds', 'Bank'], sector: 'finance', source: 'type' },
];

const LOOKUP = new Map<string, VocabularyEntry & { label: string }>();
for (const entry of SECTOR_VOCABULARIES) {
  for (const value of entry.values) {
    const key = normaliseName(value);
    if (key && !LOOKUP.has(key)) LOOKUP.set(key, { ...entry, label: value });
  }
}

/** The vocabulary entry for a type or sector cell, or undefined when no vocabulary knows it. */
export function lookupOrganisationType(value: string): (VocabularyEntry & { label: string }) | undefined {
  const key = normaliseName(value);
  return key ? LOOKUP.get(key) : undefined;
}

/** What an entry without a definitive sector tells the inference (see TypeHint). */
export function typeHint(entry: VocabularyEntry, label: string): TypeHint {
  const hint: TypeHint = { label };
  if (entry.registry) hint.registry = entry.registry;
  if (entry.fallback) hint.fallback = entry.fallback;
  return hint;
}

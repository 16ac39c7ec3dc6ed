/**
 * The fixed sector vocabulary. Every organisation has exactly one sector.
 * Colours are the Okabe–Ito palette (Okabe & Ito 2008, "Color Universal Design"),
 * which stays distinguishable for the common colour-vision deficiencies.
 */
export const SECTORS = [
  'tech',
  'care',
  'government',
  'knowledge',
  'network',
  'finance',
  'citizens',
  'other',
] as const;

export type Sector = (typeof SECTORS)[number];

export interface SectorInfo {
  id: Sector;
  nl: string;
  en: string;
  colour: string;
  /** What belongs in the sector, in English; shown in the README and the legend's tooltip. */
  scope: string;
}

export const SECTOR_INFO: Record<Sector, SectorInfo> = {
  tech: {
    id: 'tech',
    nl: 'Technologie',
    en: 'Technology',
    colour: '#0072B2',
    scope: 'technology companies and startups',
  },
  care: {
    id: 'care',
    nl: 'Zorg en welzijn',
    en: 'Care',
    colour: '#D55E00',
    scope:
      'care and welfare providers: hospitals, nursing, youth care, mental health, GPs, rehabilitation',
  },
  government: {
    id: 'government',
    nl: 'Overheid',
    en: 'Government',
    colour: '#009E73',
    scope: 'municipalities, province, national agencies, regional bodies',
  },
  knowledge: {
    id: 'knowledge',
    nl: 'Kennis en onderwijs',
    en: 'Knowledge',
    colour: '#CC79A7',
    scope:
      'universities, universities of applied sciences, vocational colleges, research institutes, academic medical centres',
  },
  network: {
    id: 'network',
    nl: 'Netwerk en intermediair',
    en: 'Network',
    colour: '#E69F00',
    scope: 'networks, cluster organisations, intermediaries, living labs run as organisations',
  },
  finance: {
    id: 'finance',
    nl: 'Financiering',
    en: 'Finance',
    colour: '#56B4E9',
    scope: 'investors, funds, insurers',
  },
  citizens: {
    id: 'citizens',
    nl: 'Burgers en cliënten',
    en: 'Citizens',
    colour: '#F0E442',
    scope: 'client, patient, citizen and charity organisations',
  },
  other: {
    id: 'other',
    nl: 'Overig',
    en: 'Other',
    colour: '#8C8C8C',
    scope: 'anything else',
  },
};

export function isSector(value: string): value is Sector {
  return (SECTORS as readonly string[]).includes(value);
}

/** The sectors whose mutual bridges matter by default: technology, care and the municipality. */
export const DEFAULT_TARGET_SECTORS: readonly Sector[] = ['tech', 'care', 'government'];

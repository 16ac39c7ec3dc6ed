/** Shared wording for the Dutch and English sentences (conveners.ts, explain.ts). */

export type Lang = 'nl' | 'en';

/** Singular and plural nouns per sector. Unknown sectors fall back to "<sector> organisation(s)". */
const NOUNS: Record<string, Record<Lang, [string, string]>> = {
  tech: { en: ['tech firm', 'tech firms'], nl: ['techbedrijf', 'techbedrijven'] },
  care: { en: ['care provider', 'care providers'], nl: ['zorgaanbieder', 'zorgaanbieders'] },
  government: {
    en: ['government organisation', 'government organisations'],
    nl: ['overheidsorganisatie', 'overheidsorganisaties'],
  },
  municipality: { en: ['municipality', 'municipalities'], nl: ['gemeente', 'gemeenten'] },
  knowledge: {
    en: ['knowledge institution', 'knowledge institutions'],
    nl: ['kennisinstelling', 'kennisinstellingen'],
  },
  network: {
    en: ['network organisation', 'network organisations'],
    nl: ['netwerkorganisatie', 'netwerkorganisaties'],
  },
  finance: { en: ['financier', 'financiers'], nl: ['financier', 'financiers'] },
  citizens: {
    en: ["citizens' or clients' organisation", "citizens' and clients' organisations"],
    nl: ['burger- of cliëntenorganisatie', 'burger- en cliëntenorganisaties'],
  },
  other: { en: ['other organisation', 'other organisations'], nl: ['overige organisatie', 'overige organisaties'] },
};

/** Sector names as a group ("the care sector"). */
const SECTOR_NAMES: Record<string, Record<Lang, string>> = {
  tech: { en: 'technology', nl: 'technologie' },
  care: { en: 'care', nl: 'zorg' },
  government: { en: 'government', nl: 'overheid' },
  municipality: { en: 'municipality', nl: 'gemeente' },
  knowledge: { en: 'knowledge', nl: 'kennis' },
  network: { en: 'network organisations', nl: 'netwerkorganisaties' },
  finance: { en: 'finance', nl: 'financiering' },
  citizens: { en: 'citizens', nl: 'burgers' },
  other: { en: 'other', nl: 'overig' },
};

export function sectorNoun(sector: string, count: number, lang: Lang): string {
  const forms = NOUNS[sector]?.[lang];
  const word = forms
    ? forms[count === 1 ? 0 : 1]
    : lang === 'en'
      ? `${sector} organisation${count === 1 ? '' : 's'}`
      : `${sector}-organisatie${count === 1 ? '' : 's'}`;
  return `${count} ${word}`;
}

export function sectorName(sector: string, lang: Lang): string {
  return SECTOR_NAMES[sector]?.[lang] ?? sector;
}

/** "a", "a and b", "a, b and c" (Dutch: "en"). */
export function joinList(items: readonly string[], lang: Lang): string {
  const and = lang === 'en' ? 'and' : 'en';
  if (items.length === 0) return '';
  if (items.length === 1) return items[0]!;
  return `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]!}`;
}

/** "cluster 3", "clusters 3 and 5", "clusters 3, 5, 7 and 2 more". */
export function clusterList(ids: readonly number[], lang: Lang, max = 3): string {
  const word = lang === 'en' ? (ids.length === 1 ? 'cluster' : 'clusters') : ids.length === 1 ? 'cluster' : 'clusters';
  if (ids.length <= max) return `${word} ${joinList(ids.map(String), lang)}`;
  const rest = ids.length - max;
  const more = lang === 'en' ? `${rest} more` : `${rest} andere`;
  return `${word} ${joinList([...ids.slice(0, max).map(String), more], lang)}`;
}

export function steps(d: number, lang: Lang): string {
  if (lang === 'en') return `${d} step${d === 1 ? '' : 's'}`;
  return `${d} stap${d === 1 ? '' : 'pen'}`;
}

export function formatNumber(x: number, lang: Lang, digits = 2): string {
  const s = Number.isInteger(x) ? String(x) : x.toFixed(digits);
  return lang === 'nl' ? s.replace('.', ',') : s;
}

/** The Dutch definite article of a noun from NOUNS: "het techbedrijf", "de zorgaanbieder". */
export function dutchArticle(noun: string): 'de' | 'het' {
  return /bedrijf$/.test(noun) ? 'het' : 'de';
}

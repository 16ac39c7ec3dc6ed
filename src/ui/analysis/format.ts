/**
 * Language, number and sector formatting shared by the analysis views. Pure (no React).
 */
import { isSector, SECTOR_INFO } from '../../data/sectors';

export type AnalysisLang = 'nl' | 'en';

/** i18next language ('nl', 'en', 'en-GB', …) → 'nl' | 'en'; Dutch is the default. */
export function toAnalysisLang(language: string | undefined | null): AnalysisLang {
  return language && language.toLowerCase().startsWith('en') ? 'en' : 'nl';
}

const LOCALE: Record<AnalysisLang, string> = { nl: 'nl-NL', en: 'en-GB' };

export interface NumberFormatters {
  /** Whole numbers with grouping: 12.345 / 12,345. */
  int(x: number): string;
  /** At most `digits` decimals (trailing zeros dropped). */
  dec(x: number, digits?: number): string;
  /** Always `digits` decimals. */
  fixed(x: number, digits?: number): string;
  /** With an explicit sign for non-zero values: +0,46 / −0,33. */
  signed(x: number, digits?: number): string;
  /** A fraction 0–1 as a percentage: 0.65 → 65%. */
  pct(fraction: number, digits?: number): string;
  /** `null`/non-finite → the dash, otherwise `f(x)`. */
  orDash(x: number | null | undefined, f: (x: number) => string): string;
}

export const DASH = '–';

const cache = new Map<string, Intl.NumberFormat>();
function nf(lang: AnalysisLang, key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const k = `${lang}|${key}`;
  let f = cache.get(k);
  if (!f) {
    f = new Intl.NumberFormat(LOCALE[lang], options);
    cache.set(k, f);
  }
  return f;
}

/** Intl.NumberFormat-based formatters for the language (instances are cached). */
export function numberFormatters(lang: AnalysisLang): NumberFormatters {
  // A real minus sign reads better than the hyphen Intl uses for nl-NL.
  const minus = (s: string) => s.replace(/^-/, '−');
  return {
    int: (x) => minus(nf(lang, 'int', { maximumFractionDigits: 0 }).format(x)),
    dec: (x, digits = 2) => minus(nf(lang, `dec${digits}`, { maximumFractionDigits: digits }).format(x)),
    fixed: (x, digits = 2) =>
      minus(
        nf(lang, `fixed${digits}`, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(x),
      ),
    signed: (x, digits = 2) =>
      minus(
        nf(lang, `signed${digits}`, {
          minimumFractionDigits: digits,
          maximumFractionDigits: digits,
          signDisplay: 'exceptZero',
        }).format(x),
      ),
    pct: (fraction, digits = 0) =>
      minus(nf(lang, `pct${digits}`, { style: 'percent', maximumFractionDigits: digits }).format(fraction)),
    orDash: (x, f) => (x === null || x === undefined || !Number.isFinite(x) ? DASH : f(x)),
  };
}

/** The sector's name in the language (SECTOR_INFO), or the raw id for a sector Bruggen does not know. */
export function sectorLabel(sector: string, lang: AnalysisLang): string {
  return isSector(sector) ? SECTOR_INFO[sector][lang] : sector;
}

export const UNKNOWN_SECTOR_COLOUR = '#8C8C8C';

/** The sector's Okabe–Ito colour (grey for unknown sectors). */
export function sectorColour(sector: string): string {
  return isSector(sector) ? SECTOR_INFO[sector].colour : UNKNOWN_SECTOR_COLOUR;
}

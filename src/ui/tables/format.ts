import { isSector, SECTOR_INFO } from '../../data/sectors';
import type { Language } from '../../i18n';
import type { CellValue } from './model';

const formats = new Map<string, Intl.NumberFormat>();

/** A number the local way (Dutch decimal comma), at most `digits` decimals; "–" when empty. */
export function formatNumber(value: CellValue, lang: Language, digits = 0): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '–';
  const key = `${lang}:${digits}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'nl-NL', { maximumFractionDigits: digits });
    formats.set(key, f);
  }
  // Intl writes "-0" for tiny negatives rounded away; a table reads better with "0".
  const out = f.format(value);
  return out === '-0' ? '0' : out;
}

/**
 * Below this a measure is rounding noise, shown as 0: the measures agree with NetworkX to 1e-12,
 * and a hierarchy whose exact value is 0 comes out as 1e-16 (shown as 0,000000000000000115).
 */
const METRIC_NOISE = 1e-12;

/**
 * A measure for a table cell: two decimals from 1 up, three significant digits below 1 (so a
 * betweenness of 0.000123 stays readable), 0 below METRIC_NOISE; "–" when empty.
 */
export function formatMetric(value: CellValue, lang: Language): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '–';
  if (Math.abs(value) < METRIC_NOISE) return formatNumber(0, lang, 2);
  if (Math.abs(value) >= 1) return formatNumber(value, lang, 2);
  const key = `${lang}:sig3`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'nl-NL', { maximumSignificantDigits: 3 });
    formats.set(key, f);
  }
  return f.format(value);
}

/** The sector's name in the language; unknown sector ids (the analysis types them as text) as written. */
export function sectorLabel(sector: string, lang: Language): string {
  return isSector(sector) ? SECTOR_INFO[sector][lang] : sector;
}

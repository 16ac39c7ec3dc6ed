import type { ImportProblem } from '../report';

/**
 * Conversions and checks of single cell values on the way in. Values are never changed here
 * except where a field asks for it (a date becomes its year); suspicious values are reported.
 */

const YEAR = /(?<!\d)(19\d{2}|20\d{2}|2100)(?!\d)/g;
/** Spreadsheet day numbers (days since 1899-12-30) that a CSV export sometimes leaves behind. */
const SERIAL_DATE = /^\d{5}(\.\d+)?$/;

/** The year(s) in a date or period cell: "2016-12-01", "01-07-2023", "1/7/2023 - 31/12/2025", 44927. */
export function yearsIn(value: string): number[] {
  const v = value.trim();
  if (SERIAL_DATE.test(v)) {
    const year = new Date(Date.UTC(1899, 11, 30) + Number(v) * 86_400_000).getUTCFullYear();
    return year >= 1900 && year <= 2100 ? [year] : [];
  }
  return [...v.matchAll(YEAR)].map((m) => Number(m[1]));
}

export const LONG_VALUE = 1000;
const MARKUP = /<\s*\/?\s*[a-z][^>]*>|javascript:/i;
const FORMULA = /^[=+\-@]/;
const NUMBER_LIKE = /^[+-]?[\d.,]+%?$/;

/** Problems about one mapped value (long, markup, formula-like); none for ordinary values. */
export function checkValue(value: string, file: string, row: number, column: string, displayed: boolean): ImportProblem[] {
  const out: ImportProblem[] = [];
  if (value.length > LONG_VALUE) {
    out.push({
      file,
      row,
      column,
      severity: 'warning',
      code: 'long-value',
      message: `This value is ${value.length.toLocaleString('en')} characters long. It was kept as it is, but names and ids are normally short: an unclosed quote earlier on the row can swallow the rest of the file into one value.`,
      fix: 'Check the quotes on this row and the rows above it.',
    });
  }
  if (displayed && MARKUP.test(value)) {
    out.push({
      file,
      row,
      column,
      severity: 'info',
      code: 'markup-in-value',
      message: `"${value.slice(0, 60)}" contains HTML or script markup. It was kept as text: Bruggen shows it literally and never runs it.`,
      fix: 'Remove the markup from the source if it is not part of the name.',
    });
  }
  if (FORMULA.test(value) && !NUMBER_LIKE.test(value)) {
    out.push({
      file,
      row,
      column,
      severity: 'info',
      code: 'formula-like',
      message: `"${value.slice(0, 60)}" starts with "${value[0]}", which spreadsheets run as a formula. It was kept as text; every CSV Bruggen writes puts an apostrophe before it so no spreadsheet runs it.`,
    });
  }
  return out;
}

/** Splits a cell listing several organisations: on line breaks, ";" or "|" when present, else on ", "
 * — re-joining pieces that are only a legal form or initial ("Firma X, B.V.", "Jansen, G."). */
export function splitOrganisationList(value: string): string[] {
  const v = value.trim();
  if (!v) return [];
  const strong = /[\n;|]/.test(v) ? v.split(/\s*[\n;|]+\s*/) : null;
  const pieces = strong ?? v.split(/,\s+/);
  const out: string[] = [];
  for (const piece of pieces.map((p) => p.trim().replace(/,$/, '').trim()).filter(Boolean)) {
    const tail = /^(b\.?\s?v\.?|n\.?\s?v\.?|inc\.?|ltd\.?|gmbh|[a-z]\.)$/i.test(piece);
    if (!strong && tail && out.length) out[out.length - 1] += `, ${piece}`;
    else out.push(piece);
  }
  return out;
}

/** Collects problems with a cap per file and code for the chatty kinds, so a million-row file
 * with one odd column does not produce a million messages; the cap is itself reported. */
export class ProblemCollector {
  readonly problems: ImportProblem[] = [];
  private readonly counts = new Map<string, { count: number; sample: ImportProblem }>();

  constructor(private readonly limit = 200) {}

  addCapped(p: ImportProblem) {
    const key = `${p.file}\u0000${p.code}`;
    const entry = this.counts.get(key);
    if (!entry) this.counts.set(key, { count: 1, sample: p });
    else entry.count++;
    if ((entry?.count ?? 1) <= this.limit) this.problems.push(p);
  }

  /** Adds one summary per capped kind; call once at the end. */
  finish(): ImportProblem[] {
    for (const { count, sample } of this.counts.values()) {
      if (count > this.limit) {
        this.problems.push({
          file: sample.file,
          severity: sample.severity,
          code: sample.code,
          column: sample.column,
          message: `…and ${count - this.limit} more rows with the same remark ("${sample.code}"); only the first ${this.limit} are listed.`,
        });
      }
    }
    return this.problems;
  }
}

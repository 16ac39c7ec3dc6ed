import { importProblem } from '../problemWords';
import type { ImportProblem } from '../report';

/**
 * Conversions and checks of single cell values on the way in. Values are never changed here
 * except where a field asks for it (a date becomes its year) and for characters that change the
 * direction of the text after them (taken out, and reported); suspicious values are reported.
 */

const YEAR = /(?<!\d)(19\d{2}|20\d{2}|2100)(?!\d)/g;
/** Spreadsheet day numbers (days since 1899-12-30) that a CSV export sometimes leaves behind. */
const SERIAL_DATE = /^\d{5}(\.\d+)?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The year(s) in a date or period cell: "2016-12-01", "01-07-2023", "1/7/2023 - 31/12/2025", 44927. */
export function yearsIn(value: string): number[] {
  const v = value.trim();
  // The common case, an ISO date (2016-12-01), without a regex match per row.
  if (v.length === 10 && v.charCodeAt(4) === 45 && v.charCodeAt(7) === 45 && ISO_DATE.test(v)) {
    const year = Number(v.slice(0, 4));
    return year >= 1900 && year <= 2100 ? [year] : [];
  }
  if (SERIAL_DATE.test(v)) {
    const year = new Date(Date.UTC(1899, 11, 30) + Number(v) * 86_400_000).getUTCFullYear();
    return year >= 1900 && year <= 2100 ? [year] : [];
  }
  return [...v.matchAll(YEAR)].map((m) => Number(m[1]));
}

export const LONG_VALUE = 1000;
const NO_PROBLEMS: readonly ImportProblem[] = [];
const FORMULA = /^[=+\-@]/;
const NUMBER_LIKE = /^[+-]?[\d.,]+%?$/;
const WHITESPACE = /\s/;

/**
 * Whether a value holds an HTML tag — `<`, optional spaces and `/`, a letter, and a `>` somewhere
 * after it — or `javascript:`. The regex this replaces (`<\s*\/?\s*[a-z][^>]*>`) scanned to the
 * end of the value from every `<`, which is quadratic on one long cell full of `<a`; this is one
 * pass: a tag needs a `>` after its letter, and only the last `>` matters for that.
 */
export function hasMarkup(value: string): boolean {
  if (/javascript:/i.test(value)) return true;
  const lastClose = value.lastIndexOf('>');
  let open = lastClose < 0 ? -1 : value.indexOf('<');
  while (open >= 0 && open < lastClose) {
    let j = open + 1;
    while (j < lastClose && WHITESPACE.test(value[j]!)) j++;
    if (value[j] === '/') {
      j++;
      while (j < lastClose && WHITESPACE.test(value[j]!)) j++;
    }
    const c = value.charCodeAt(j) | 0x20;
    if (j < lastClose && c >= 97 && c <= 122) return true;
    // Spaces scanned here end at a non-space, so no later `<` rescans them: linear overall.
    open = value.indexOf('<', open + 1);
  }
  return false;
}

/**
 * Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069). Left open in a
 * name they reverse or reorder the text after it on screen, up to the end of the line: a finding
 * such as "1. Org A (Overheid) verbindt …" reads backwards from the name on (the "Trojan Source"
 * trick, CVE-2021-42574). Names in right-to-left scripts do not need them: browsers order those
 * letters by themselves. Marks (U+200E, U+200F) are harmless and kept.
 */
const DIRECTION_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
const HAS_DIRECTION_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;

/** The value without direction controls, with the controls it had (as U+XXXX), or undefined when it has none. */
function withoutDirectionControls(value: string): { value: string; controls: string } | undefined {
  // Runs on every name of every row: a test that builds nothing, then the work for the rare hit.
  if (!HAS_DIRECTION_CONTROL.test(value)) return undefined;
  const found = value.match(DIRECTION_CONTROLS) ?? [];
  const controls = [...new Set(found)].map((c) => `U+${c.charCodeAt(0).toString(16).toUpperCase()}`).join(', ');
  return { value: value.replace(DIRECTION_CONTROLS, ''), controls };
}

// C0 controls but tab, line feed and carriage return; DEL; the C1 controls. A NUL or an escape
// sequence in a name is binary debris (a damaged file, or bytes after a valid start) and would
// reach exports and terminals; XML cannot hold most of them at all.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
// eslint-disable-next-line no-control-regex
const HAS_HIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

/** Whether a value holds a control character or a direction control (one test for the common case of neither). */
export function hasHiddenCharacters(value: string): boolean {
  return HAS_HIDDEN.test(value);
}

/** The value without control characters, with the ones it had (as U+XXXX, at most 8), or undefined when it has none. */
function withoutControlCharacters(value: string): { value: string; controls: string } | undefined {
  const found = value.match(CONTROL_CHARACTERS);
  if (!found) return undefined;
  const distinct = [...new Set(found)];
  const controls = distinct.slice(0, 8).map((c) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`).join(', ') + (distinct.length > 8 ? ', …' : '');
  return { value: value.replace(CONTROL_CHARACTERS, ''), controls };
}

/** The problem that says a value's control characters were taken out. */
function controlCharactersProblem(place: { file: string; row: number; column: string }, cleaned: { value: string; controls: string }): ImportProblem {
  return importProblem({ ...place, severity: 'warning' }, 'control-characters', { value: cleaned.value.slice(0, 60), controls: cleaned.controls });
}

/**
 * The value with its control characters taken out, and its direction controls too when
 * `direction`, each reported at `place`: one rule for tables and documents alike.
 */
export function withoutHiddenCharacters(value: string, place: { file: string; row: number; column: string }, collector: ProblemCollector, direction: boolean): string {
  if (!hasHiddenCharacters(value)) return value;
  const control = withoutControlCharacters(value);
  if (control) {
    collector.addCapped(controlCharactersProblem(place, control));
    value = control.value;
  }
  const cleaned = direction ? withoutDirectionControls(value) : undefined;
  if (cleaned) {
    collector.addCapped(directionControlsProblem(place, cleaned));
    value = cleaned.value;
  }
  return value;
}

/** The problem that says a value's direction controls were taken out. */
function directionControlsProblem(place: { file: string; row: number; column: string }, cleaned: { value: string; controls: string }): ImportProblem {
  return importProblem({ ...place, severity: 'warning' }, 'direction-controls', { value: cleaned.value.slice(0, 60), controls: cleaned.controls });
}

/**
 * Characters that show as nothing: zero-width space, non-joiner and joiner, word joiner, a byte-order
 * mark inside the text, and the soft hyphen. Inside an id they make a second id that looks the same
 * on every screen ("a\u200b1" beside "a1": two activities nobody can tell apart).
 */
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;
const HAS_INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/;

/** The columns that hold ids, which canonicalId makes one text however they were typed. */
export const ID_COLUMNS: ReadonlySet<string> = new Set(['activity_id', 'organisation_id']);

// eslint-disable-next-line no-control-regex
const NON_ASCII = /[^\u0000-\u007f]/;

/**
 * An id as one text however it was typed: without the characters that show as nothing, and with
 * its accents composed (NFC: "é" as one character, not "e" and a combining accent, as macOS writes
 * file names), so that two ids that look the same are the same. Each change is reported at `place`.
 */
/** An id as `canonicalId` makes it, without saying so (for an id that refers to one read before). */
export function cleanId(value: string): string {
  return NON_ASCII.test(value) ? value.replace(INVISIBLE, '').normalize('NFC') : value;
}

export function canonicalId(value: string, place: { file: string; row: number; column: string }, collector: ProblemCollector): string {
  if (!NON_ASCII.test(value)) return value;
  if (HAS_INVISIBLE.test(value)) {
    const found = [...new Set(value.match(INVISIBLE) ?? [])].map((c) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`).join(', ');
    value = value.replace(INVISIBLE, '');
    collector.addCapped(importProblem({ ...place, severity: 'warning' }, 'invisible-in-id', { value: value.slice(0, 60), characters: found }));
  }
  const composed = value.normalize('NFC');
  if (composed !== value) collector.addCapped(importProblem({ ...place, severity: 'info' }, 'id-composed', { value: composed.slice(0, 60) }));
  return composed;
}

/** Problems about one mapped value (long, markup, formula-like); none for ordinary values. */
export function checkValue(value: string, file: string, row: number, column: string, displayed: boolean): readonly ImportProblem[] {
  // Nearly every cell is short, with no `<` or `:` and no formula sign: answered without building
  // anything (this runs for every mapped cell of every row).
  const first = value.charCodeAt(0);
  const formulaSign = first === 61 || first === 43 || first === 45 || first === 64;
  if (value.length <= LONG_VALUE && !formulaSign && (!displayed || (!value.includes('<') && !value.includes(':')))) return NO_PROBLEMS;
  const out: ImportProblem[] = [];
  const place = { file, row, column };
  if (value.length > LONG_VALUE) out.push(importProblem({ ...place, severity: 'warning' }, 'long-value', { length: value.length }));
  if (displayed && hasMarkup(value)) out.push(importProblem({ ...place, severity: 'info' }, 'markup-in-value', { value: value.slice(0, 60) }));
  if (FORMULA.test(value) && !NUMBER_LIKE.test(value)) {
    out.push(importProblem({ ...place, severity: 'info' }, 'formula-like', { value: value.slice(0, 60), first: value[0]! }));
  }
  return out;
}

/** Splits a cell listing several organisations: on line breaks, ";" or "|" when present, else on ", "
 * — re-joining pieces that are only a legal form or initial ("Firma X, B.V.", "Jansen, G."). */
export function splitOrganisationList(value: string): string[] {
  const v = value.trim();
  if (!v) return [];
  // Split on the separators alone and trim after: `\s*[\n;|]+\s*` backtracks on long runs of spaces.
  const strong = /[\n;|]/.test(v) ? v.split(/[\n;|]+/) : null;
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
 * with one odd column does not produce a million messages; the cap is itself reported, as one
 * "…and N more" problem per kind that carries the number it stands for (`omitted`). */
export class ProblemCollector {
  readonly problems: ImportProblem[] = [];
  private readonly counts = new Map<string, { count: number; sample: ImportProblem }>();

  constructor(private readonly limit = PROBLEM_LIMIT) {}

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
      if (count > this.limit) this.problems.push(moreProblem(sample, count - this.limit, this.limit));
    }
    this.counts.clear();
    return this.problems;
  }
}

/** How many problems of one kind per file are listed before the rest become one "N more" line. */
export const PROBLEM_LIMIT = 200;

/** The "…and N more" line standing for `omitted` problems like `sample`. */
export function moreProblem(sample: ImportProblem, omitted: number, limit: number): ImportProblem {
  const p: ImportProblem = {
    file: sample.file,
    severity: sample.severity,
    code: sample.code,
    params: { n: omitted, limit },
    omitted,
    message: `…and ${omitted.toLocaleString('en-GB')} more rows with the same remark ("${sample.code}"); only the first ${limit} are listed.`,
  };
  if (sample.column !== undefined) p.column = sample.column;
  // In the group of the remark it stands for (groups are per code and variant).
  if (sample.variant !== undefined) p.variant = sample.variant;
  return p;
}

/**
 * Import problems are data: a stable code, an optional variant and parameters. The words live in
 * the i18next namespace `import` (`problems.<code>[.<variant>].message|fix`), so the app says them
 * in its language (src/ui/import/problemText.ts). The English words are also put on every problem
 * here, for the command line and the downloadable report, from the same English JSON: the two
 * can never drift apart.
 */
import en from '../i18n/locales/en/import.json';
import type { ImportProblem, ProblemParams, Severity } from './report';

type Entry = { [key: string]: string | Entry };

const PROBLEMS = (en as unknown as { problems: Entry }).problems;
const UNCERTAIN = (en as unknown as { uncertain: Record<string, string> }).uncertain;

const numbers = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });
const plurals = new Intl.PluralRules('en-GB');

/** A template's literal text and its `{{name}}` slots, in order. */
type TemplatePart = string | { name: string; whole: string };

/**
 * Templates split once: H2020's import words 55,000 problems from a handful of templates, and
 * re-scanning each with a regular expression took a tenth of a second of its reading.
 */
const compiledTemplates = new Map<string, TemplatePart[]>();

function templateParts(template: string): TemplatePart[] {
  let parts = compiledTemplates.get(template);
  if (parts) return parts;
  parts = [];
  let last = 0;
  for (const match of template.matchAll(/\{\{\s*(\w+)\s*\}\}/g)) {
    if (match.index > last) parts.push(template.slice(last, match.index));
    parts.push({ name: match[1]!, whole: match[0] });
    last = match.index + match[0].length;
  }
  if (last < template.length) parts.push(template.slice(last));
  compiledTemplates.set(template, parts);
  return parts;
}

/** `{{name}}` → the parameter, numbers with English grouping (what i18next does in the app). */
export function interpolate(template: string, params: ProblemParams = {}): string {
  let out = '';
  for (const part of templateParts(template)) {
    if (typeof part === 'string') {
      out += part;
      continue;
    }
    const value = Object.hasOwn(params, part.name) ? params[part.name] : undefined;
    out += value === undefined ? part.whole : typeof value === 'number' ? numbers.format(value) : value;
  }
  return out;
}

const child = (entry: Entry | undefined, key: string): Entry | string | undefined =>
  entry && Object.hasOwn(entry, key) ? entry[key] : undefined;

function text(entry: Entry | undefined, key: 'message' | 'fix', params: ProblemParams): string | undefined {
  if (!entry) return undefined;
  const count = params.count;
  if (typeof count === 'number') {
    const plural = child(entry, `${key}_${plurals.select(count)}`) ?? child(entry, `${key}_other`);
    if (typeof plural === 'string') return plural;
  }
  const plain = child(entry, key);
  return typeof plain === 'string' ? plain : undefined;
}

/** The i18next key path of a problem's words: `problems.<code>` or `problems.<code>.<variant>`. */
export function problemKey(code: string, variant?: string): string {
  return variant ? `problems.${code}.${variant}` : `problems.${code}`;
}

/** The English message and fix of a code (a variant's own fix, else the code's). */
export function englishProblem(code: string, params: ProblemParams = {}, variant?: string): { message: string; fix?: string } {
  const base = child(PROBLEMS, code);
  const entry = typeof base === 'object' ? base : undefined;
  const own = variant ? child(entry, variant) : entry;
  const specific = typeof own === 'object' ? own : undefined;
  const message = text(specific, 'message', params);
  if (message === undefined) throw new Error(`No words for import problem ${code}${variant ? `/${variant}` : ''} (src/i18n/locales/en/import.json).`);
  const fix = text(specific, 'fix', params) ?? (variant ? text(entry, 'fix', params) : undefined);
  return fix === undefined ? { message: interpolate(message, params) } : { message: interpolate(message, params), fix: interpolate(fix, params) };
}

/** Whether the English JSON has words for a code (and variant). */
export function hasProblemWords(code: string, variant?: string): boolean {
  try {
    englishProblem(code, { count: 1 }, variant);
    return true;
  } catch {
    return false;
  }
}

export interface ProblemPlace {
  file: string;
  row?: number;
  column?: string;
  severity: Severity;
}

/** A problem with its code, parameters and English words. */
export function importProblem(place: ProblemPlace, code: string, params: ProblemParams = {}, variant?: string): ImportProblem {
  const words = englishProblem(code, params, variant);
  const p: ImportProblem = { file: place.file, severity: place.severity, code, params, message: words.message };
  if (place.row !== undefined) p.row = place.row;
  if (place.column !== undefined) p.column = place.column;
  if (variant) p.variant = variant;
  if (words.fix !== undefined) p.fix = words.fix;
  return p;
}

/** English words of why a table's layout is uncertain (the app words it from `uncertain.<code>`). */
export function englishUncertainty(code: string, params: ProblemParams = {}): string {
  const template = Object.hasOwn(UNCERTAIN, code) ? UNCERTAIN[code] : undefined;
  return template === undefined ? code : interpolate(template, params);
}

/** A short, quoted list of names for a message: the first few and how many more. */
export function nameList(names: readonly string[], max = 8): string {
  const shown = names.slice(0, max).join(', ');
  return names.length > max ? `${shown}, … (+${names.length - max})` : shown;
}

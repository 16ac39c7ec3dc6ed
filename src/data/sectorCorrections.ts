import Papa from 'papaparse';
import { escapeFormula } from './canonical';
import type { Dataset, Organisation } from './model';
import { normaliseName } from './normalise';
import { importProblem } from './problemWords';
import type { ImportProblem } from './report';
import { parseSectorValue } from './sectorInference';
import { isSector, type Sector } from './sectors';
import { cleanId } from './import/values';

/**
 * The user's own sector per organisation id, overriding the file or the inference. Stored per
 * dataset in localStorage (as a JSON object) and exchangeable as a small CSV
 * (organisation_id,name,sector). A Map, not an object: an id is any string, and ids such as
 * `__proto__`, `constructor` or `toString` must not reach Object.prototype.
 */
export type SectorCorrectionMap = ReadonlyMap<string, Sector>;

export const CORRECTION_COLUMNS = ['organisation_id', 'name', 'sector'] as const;
const PREFIX = 'bruggen.sectorCorrections.';

/** A key that identifies a dataset across sessions: its name and a hash of its organisation ids. */
export function datasetKey(dataset: Dataset): string {
  let h = 0x811c9dc5;
  for (const o of dataset.organisations) {
    for (let i = 0; i < o.id.length; i++) h = Math.imul(h ^ o.id.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ 10, 0x01000193);
  }
  return `${dataset.name}#${(h >>> 0).toString(16)}`;
}

/** The dataset with corrected sectors (a corrected sector is no longer marked inferred). */
export function applySectorCorrections(dataset: Dataset, corrections: SectorCorrectionMap): Dataset {
  if (!corrections.size) return dataset;
  return {
    ...dataset,
    organisations: dataset.organisations.map((o) => {
      const sector = corrections.get(o.id);
      if (!sector || (sector === o.sector && !o.sectorInferred)) return o;
      const { sectorInferred: _inferred, sectorReason: _reason, ...rest } = o;
      return { ...rest, sector };
    }),
  };
}

/** Later corrections win: the stored ones with, for example, the result of applySectorRules. */
export function mergeCorrections(...maps: readonly SectorCorrectionMap[]): Map<string, Sector> {
  const out = new Map<string, Sector>();
  for (const map of maps) for (const [id, sector] of map) out.set(id, sector);
  return out;
}

/** Where a dataset's corrections are stored: this prefix and the dataset's key. */
export const CORRECTIONS_PREFIX = PREFIX;
/** Where stored corrections that could not be read whole are copied before anything overwrites them. */
export const DAMAGED_CORRECTIONS_PREFIX = 'bruggen.sectorCorrectionsDamaged.';

/**
 * The corrections of a stored value, and how many entries were left out: an entry whose sector is
 * no sector, or a value that is no object (one). Said, never dropped unseen (session/browser.ts).
 * The format is a JSON object `{ "<organisation id>": "<sector>" }`; JSON.parse makes every key,
 * `__proto__` included, an own property, so Object.entries sees them all.
 */
export function readCorrectionsValue(value: unknown): { items: [string, Sector][]; skipped: number } {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { items: [], skipped: 1 };
  const items: [string, Sector][] = [];
  let skipped = 0;
  for (const [id, sector] of Object.entries(value)) {
    if (typeof sector === 'string' && isSector(sector)) items.push([id, sector]);
    else skipped++;
  }
  return { items, skipped };
}

/**
 * Stores the corrections; false when the browser refused (storage full): they then last for this
 * session only, and the app says so. Read back with `readCorrectionsValue` (session/browser.ts).
 */
export function saveCorrections(key: string, corrections: SectorCorrectionMap, storage: Pick<Storage, 'setItem'> | undefined): boolean {
  try {
    // Object.fromEntries defines own properties, so an id `__proto__` is written like any other.
    storage?.setItem(PREFIX + key, JSON.stringify(Object.fromEntries(corrections)));
    return true;
  } catch {
    return false;
  }
}

/** The corrections as CSV, with the organisation's current name for the reader; formula-escaped. */
export function correctionsToCsv(dataset: Dataset, corrections: SectorCorrectionMap): string {
  const names = new Map(dataset.organisations.map((o) => [o.id, o.name]));
  const rows = [...corrections]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, sector]) => [id, names.get(id) ?? '', sector].map(escapeFormula));
  return Papa.unparse({ fields: [...CORRECTION_COLUMNS], data: rows }, { newline: '\n' }) + '\n';
}

/**
 * Reads a corrections CSV. Rows are matched by organisation_id, else by name; unknown
 * organisations and sectors are reported, never guessed.
 */
export function parseCorrectionsCsv(
  text: string,
  dataset: Dataset,
  file = 'corrections.csv',
): { corrections: Map<string, Sector>; problems: ImportProblem[] } {
  const result = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim().toLowerCase(),
  });
  const problems: ImportProblem[] = [];
  const corrections = new Map<string, Sector>();
  const fields = result.meta.fields ?? [];
  if (!fields.includes('sector') || (!fields.includes('organisation_id') && !fields.includes('name'))) {
    problems.push(importProblem({ file, row: 1, severity: 'error' }, 'corrections-columns'));
    return { corrections, problems };
  }
  const ids = new Set(dataset.organisations.map((o) => o.id));
  // By name only where the name is one organisation's: with ids, two can share a name, and a
  // correction by that name must not pick one of them.
  const byName = new Map<string, string | null>();
  for (const o of dataset.organisations) {
    const key = normaliseName(o.name);
    if (key) byName.set(key, byName.has(key) ? null : o.id);
  }
  const unescape = (v: string | undefined) => {
    const t = (v ?? '').trim();
    return /^'+[=+\-@\t\r]/.test(t) ? t.slice(1) : t;
  };
  result.data.forEach((r, i) => {
    const row = i + 2;
    // As the data's ids are read: without invisible characters, with composed accents.
    const id = cleanId(unescape(r.organisation_id));
    const name = unescape(r.name);
    const value = unescape(r.sector);
    const idOfName = ids.has(id) ? undefined : byName.get(normaliseName(name));
    if (idOfName === null) {
      problems.push(importProblem({ file, row, column: 'name', severity: 'warning' }, 'correction-ambiguous-name', { name: name.slice(0, 80) }));
      return;
    }
    const orgId = ids.has(id) ? id : idOfName;
    if (!orgId) {
      problems.push(importProblem({ file, row, column: 'organisation_id', severity: 'warning' }, 'correction-unknown-organisation', { name: (id || name).slice(0, 80) }));
      return;
    }
    const sector = parseSectorValue(normaliseName(value));
    if (!sector) {
      problems.push(importProblem({ file, row, column: 'sector', severity: 'warning' }, 'correction-unknown-sector', { value: value.slice(0, 60) }));
      return;
    }
    corrections.set(orgId, sector);
  });
  return { corrections, problems };
}

/** What a bulk rule looks at: the organisation's name, city, country or type as the source wrote it. */
export type SectorRuleField = 'name' | 'city' | 'country' | 'type';

/** A user's bulk correction, e.g. "naam bevat 'ziekenhuis' → zorg": `{ field: 'name', contains: 'ziekenhuis', sector: 'care' }`. */
export interface SectorRule {
  field: SectorRuleField;
  /** Compared without case, accents and punctuation; an empty text matches nothing. */
  contains: string;
  sector: Sector;
}

export interface SectorRuleResult {
  /** The sector each matching organisation gets; the first matching rule wins. */
  corrections: Map<string, Sector>;
  /** Per rule, in the rules' order: how many organisations it decided. */
  counts: number[];
}

function ruleField(o: Organisation, field: SectorRuleField): string | undefined {
  switch (field) {
    case 'name':
      return o.name;
    case 'city':
      return o.city;
    case 'country':
      return o.country;
    case 'type':
      return o.organisationType;
  }
}

/**
 * Applies bulk rules to a dataset's organisations and returns the resulting per-organisation
 * corrections (to merge into the stored ones with mergeCorrections, then applySectorCorrections)
 * and how many organisations each rule decided. Pure; the organisations are not changed.
 */
export function applySectorRules(organisations: readonly Organisation[], rules: readonly SectorRule[]): SectorRuleResult {
  const needles = rules.map((r) => normaliseName(r.contains));
  const counts = rules.map(() => 0);
  const corrections = new Map<string, Sector>();
  for (const o of organisations) {
    const folded = new Map<SectorRuleField, string>();
    for (let i = 0; i < rules.length; i++) {
      const rule = rules[i]!;
      const needle = needles[i]!;
      if (!needle) continue;
      let value = folded.get(rule.field);
      if (value === undefined) folded.set(rule.field, (value = normaliseName(ruleField(o, rule.field) ?? '')));
      if (!value.includes(needle)) continue;
      corrections.set(o.id, rule.sector);
      counts[i]!++;
      break;
    }
  }
  return { corrections, counts };
}

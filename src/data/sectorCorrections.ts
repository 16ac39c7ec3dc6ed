import Papa from 'papaparse';
import { escapeFormula } from './canonical';
import type { Dataset } from './model';
import { normaliseName } from './normalise';
import type { ImportProblem } from './report';
import { parseSectorValue } from './sectorInference';
import { isSector, type Sector } from './sectors';

/**
 * The user's own sector for an organisation, overriding the file or the inference. Stored per
 * dataset in localStorage and exchangeable as a small CSV (organisation_id,name,sector).
 */
export type SectorCorrectionMap = Record<string, Sector>;

export const CORRECTION_COLUMNS = ['organisation_id', 'name', 'sector'] as const;
const PREFIX = 'bruggen.sectorCorrections.';

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem'>;

function storageOrUndefined(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

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
  if (!Object.keys(corrections).length) return dataset;
  return {
    ...dataset,
    organisations: dataset.organisations.map((o) => {
      const sector = corrections[o.id];
      if (!sector || (sector === o.sector && !o.sectorInferred)) return o;
      const { sectorInferred: _inferred, ...rest } = o;
      return { ...rest, sector };
    }),
  };
}

export function loadCorrections(key: string, storage: Storage | undefined = storageOrUndefined()): SectorCorrectionMap {
  try {
    const raw = storage?.getItem(PREFIX + key);
    if (!raw) return {};
    const parsed = JSON.parse(raw) as Record<string, unknown>;
    const out: SectorCorrectionMap = {};
    for (const [id, sector] of Object.entries(parsed)) if (typeof sector === 'string' && isSector(sector)) out[id] = sector;
    return out;
  } catch {
    return {};
  }
}

export function saveCorrections(key: string, corrections: SectorCorrectionMap, storage: Storage | undefined = storageOrUndefined()) {
  try {
    storage?.setItem(PREFIX + key, JSON.stringify(corrections));
  } catch {
    // Not remembering is acceptable; the CSV export still works.
  }
}

/** The corrections as CSV, with the organisation's current name for the reader; formula-escaped. */
export function correctionsToCsv(dataset: Dataset, corrections: SectorCorrectionMap): string {
  const names = new Map(dataset.organisations.map((o) => [o.id, o.name]));
  const rows = Object.entries(corrections)
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
): { corrections: SectorCorrectionMap; problems: ImportProblem[] } {
  const result = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim().toLowerCase(),
  });
  const problems: ImportProblem[] = [];
  const corrections: SectorCorrectionMap = {};
  const fields = result.meta.fields ?? [];
  if (!fields.includes('sector') || (!fields.includes('organisation_id') && !fields.includes('name'))) {
    problems.push({
      file,
      row: 1,
      severity: 'error',
      code: 'corrections-columns',
      message: 'A sector corrections file needs the columns organisation_id (or name) and sector.',
      fix: 'Export the corrections from Bruggen to see the expected layout.',
    });
    return { corrections, problems };
  }
  const ids = new Set(dataset.organisations.map((o) => o.id));
  const byName = new Map(dataset.organisations.map((o) => [normaliseName(o.name), o.id]));
  const unescape = (v: string | undefined) => {
    const t = (v ?? '').trim();
    return /^'+[=+\-@\t\r]/.test(t) ? t.slice(1) : t;
  };
  result.data.forEach((r, i) => {
    const row = i + 2;
    const id = unescape(r.organisation_id);
    const name = unescape(r.name);
    const value = unescape(r.sector);
    const orgId = ids.has(id) ? id : byName.get(normaliseName(name));
    if (!orgId) {
      problems.push({
        file,
        row,
        column: 'organisation_id',
        severity: 'warning',
        code: 'correction-unknown-organisation',
        message: `No organisation "${id || name}" in this dataset; the correction was not used.`,
      });
      return;
    }
    const sector = parseSectorValue(normaliseName(value));
    if (!sector) {
      problems.push({
        file,
        row,
        column: 'sector',
        severity: 'warning',
        code: 'correction-unknown-sector',
        message: `"${value}" is not a sector (tech, care, government, knowledge, network, finance, citizens, other); the correction was not used.`,
      });
      return;
    }
    corrections[orgId] = sector;
  });
  return { corrections, problems };
}

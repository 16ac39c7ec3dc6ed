import { FIELD_IDS, type FieldId } from './fields';
import { headerKey, type ColumnMapping } from './recognise';

/** The storage the app uses (localStorage in the browser); injectable for tests. */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const PREFIX = 'bruggen.import.mapping.';

/** Identifies a header regardless of case, spacing and punctuation; the key a saved mapping is stored under. */
export function headerSignature(header: readonly string[]): string {
  return header.map(headerKey).join('|');
}

/** FNV-1a, so storage keys stay short whatever the header. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

export function defaultStorage(): KeyValueStorage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

export function saveMapping(header: readonly string[], mapping: ColumnMapping, storage = defaultStorage()) {
  if (!storage) return;
  const signature = headerSignature(header);
  try {
    storage.setItem(PREFIX + hash(signature), JSON.stringify({ signature, mapping }));
  } catch {
    // A full or blocked storage only means the mapping is not remembered.
  }
}

/** The mapping saved for exactly this header, or undefined (also when the stored value is damaged). */
export function loadMapping(header: readonly string[], storage = defaultStorage()): ColumnMapping | undefined {
  if (!storage) return undefined;
  const signature = headerSignature(header);
  try {
    const raw = storage.getItem(PREFIX + hash(signature));
    if (!raw) return undefined;
    const parsed = JSON.parse(raw) as { signature?: string; mapping?: ColumnMapping };
    const m = parsed.mapping;
    if (parsed.signature !== signature || !m || !Array.isArray(m.columns) || m.columns.length !== header.length) return undefined;
    const known = new Set<string>(FIELD_IDS);
    const columns = m.columns.map((c) => (typeof c === 'string' && known.has(c) ? (c as FieldId) : null));
    const role = ['participations', 'activities', 'organisations', 'ignore'].includes(m.role) ? m.role : 'participations';
    const constants: ColumnMapping['constants'] = {};
    if (typeof m.constants?.source === 'string') constants.source = m.constants.source;
    if (typeof m.constants?.activity_kind === 'string') constants.activity_kind = m.constants.activity_kind;
    return { role, columns, constants, ...(m.layout ? { layout: m.layout } : {}) };
  } catch {
    return undefined;
  }
}

export function forgetMapping(header: readonly string[], storage = defaultStorage()) {
  try {
    storage?.removeItem(PREFIX + hash(headerSignature(header)));
  } catch {
    // Nothing to do.
  }
}

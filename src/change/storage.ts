/**
 * The what-if scenario (per dataset) and the worklist of introductions (one for the user, so it
 * can be matched against a later dataset) in the browser's localStorage. Everything is validated
 * on read: what an older version or another tab wrote can never break the app.
 */
import { PARTICIPATION_COLUMNS } from '../data/canonical';
import type { ScenarioRow } from '../data/scenario';
import { INTRODUCTION_ORIGINS, INTRODUCTION_STATUSES, type Introduction, type NamedRef } from '../worklist/worklist';

export const SCENARIO_PREFIX = 'bruggen.scenario.';
export const WORKLIST_KEY = 'bruggen.worklist';
/** Where a stored worklist that could not be read whole is copied before anything overwrites it. */
export const DAMAGED_WORKLIST_KEY = 'bruggen.worklist.damaged';
/** The same for a dataset's what-if scenario: this prefix and the dataset's key. */
export const DAMAGED_SCENARIO_PREFIX = 'bruggen.scenarioDamaged.';

/**
 * A stored worklist or scenario that could not be read whole: the user's own work, so never
 * dropped unseen.
 */
export interface DamagedStored {
  /** The stored text was not JSON (e.g. cut off): nothing could be read from it. */
  unreadable: boolean;
  /** Entries left out: introductions that name no two organisations, scenario rows with no activity. */
  skipped: number;
  /** Entries kept with a value that could not be read put back to its default (a worklist status, origin, owner…). */
  altered?: number;
  /** The stored text as it was, also kept under `key`. */
  text: string;
  /** Where the text is kept (DAMAGED_WORKLIST_KEY, or DAMAGED_SCENARIO_PREFIX and the dataset's key). */
  key: string;
}

export type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function browserStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

/** The stored text under `key`; null when there is none or storage cannot be read. */
function readText(storage: Storage | undefined, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/**
 * Stores `value` (removes it when empty); false when the browser refused it (storage full, or
 * disabled): the overlay still works for this session, and the panel says it will not outlive it.
 */
function write(storage: Storage | undefined, key: string, value: unknown, empty: boolean): boolean {
  try {
    if (empty) storage?.removeItem(key);
    else storage?.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** Scenario rows as stored: only the canonical columns, only text. */
export function validScenarioRows(value: unknown): ScenarioRow[] {
  return readScenarioValue(value).items;
}

/** validScenarioRows, with how many entries it left out (a value that is no list counts as one). */
function readScenarioValue(value: unknown): { items: ScenarioRow[]; skipped: number } {
  if (value === undefined) return { items: [], skipped: 0 };
  if (!Array.isArray(value)) return { items: [], skipped: 1 };
  const out: ScenarioRow[] = [];
  let skipped = 0;
  for (const item of value) {
    const row: ScenarioRow = {};
    if (isObject(item)) for (const c of PARTICIPATION_COLUMNS) if (typeof item[c] === 'string') row[c] = item[c];
    if (row.activity_id) out.push(row);
    else skipped++;
  }
  return { items: out, skipped };
}

function namedRef(v: unknown): NamedRef | null {
  return isObject(v) && (typeof v.id === 'string' || typeof v.name === 'string') ? { id: str(v.id), name: str(v.name) } : null;
}

/** Introductions as stored; a malformed entry is left out, unknown values fall back to the defaults. */
export function validWorklist(value: unknown): Introduction[] {
  return readWorklistValue(value).items;
}

/** validWorklist, with how many entries it left out (a value that is no list counts as one). */
function readWorklistValue(value: unknown): { items: Introduction[]; skipped: number; altered: number } {
  if (value === undefined) return { items: [], skipped: 0, altered: 0 };
  if (!Array.isArray(value)) return { items: [], skipped: 1, altered: 0 };
  const out: Introduction[] = [];
  let skipped = 0;
  // Kept entries with a value put back to its default ("status": "__proto__", "owner": 2): said too.
  let altered = 0;
  const present = (v: unknown) => v !== undefined && v !== null && v !== '';
  for (const item of value) {
    if (!isObject(item) || !isObject(item.a) || !isObject(item.b)) {
      skipped++;
      continue;
    }
    const party = (p: Record<string, unknown>) => ({ id: str(p.id), name: str(p.name), sector: str(p.sector) });
    const a = party(item.a);
    const b = party(item.b);
    if (!(a.id || a.name) || !(b.id || b.name)) {
      skipped++;
      continue;
    }
    const knownStatus = (INTRODUCTION_STATUSES as readonly string[]).includes(str(item.status));
    const knownOrigin = (INTRODUCTION_ORIGINS as readonly string[]).includes(str(item.origin));
    const status = knownStatus ? (item.status as Introduction['status']) : 'to_make';
    const origin = knownOrigin ? (item.origin as Introduction['origin']) : 'manual';
    const notText = (v: unknown) => present(v) && typeof v !== 'string';
    if ((present(item.status) && !knownStatus) || (present(item.origin) && !knownOrigin) || [item.owner, item.note, item.created, item.updated].some(notText)) altered++;
    out.push({
      a,
      b,
      status,
      owner: str(item.owner),
      note: str(item.note),
      origin,
      convener: namedRef(item.convener),
      via: Array.isArray(item.via) ? item.via.map(namedRef).filter((r): r is NamedRef => r !== null) : [],
      created: str(item.created),
      updated: str(item.updated),
    });
  }
  return { items: out, skipped, altered };
}

/**
 * A stored list (the worklist, a scenario), and what could not be read of it. The damaged text is
 * copied to `damagedKey` first: the next change writes the list anew.
 */
export function loadChecked<T>(
  storage: Storage | undefined,
  key: string,
  damagedKey: string,
  readValue: (value: unknown) => { items: T[]; skipped: number; altered?: number },
): { items: T[]; damage: DamagedStored | null } {
  const text = readText(storage, key);
  if (!text) return { items: [], damage: null };
  let value: unknown;
  let unreadable = false;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    unreadable = true;
  }
  const { items, skipped, altered = 0 } = unreadable ? { items: [], skipped: 0 } : readValue(value);
  if (!unreadable && !skipped && !altered) return { items, damage: null };
  try {
    storage?.setItem(damagedKey, text);
  } catch {
    // Full storage: the panel still offers the text for download.
  }
  return { items, damage: { unreadable, skipped, ...(altered ? { altered } : {}), text, key: damagedKey } };
}

export interface OverlayStorage {
  loadScenario(datasetKey: string): ScenarioRow[];
  /** False when the browser refused to store the scenario (storage full). */
  saveScenario(datasetKey: string, rows: readonly ScenarioRow[]): boolean;
  loadWorklist(): Introduction[];
  /** False when the browser refused to store the worklist (storage full). */
  saveWorklist(worklist: readonly Introduction[]): boolean;
  /** What the last loadWorklist could not read, if anything. */
  worklistDamage?(): DamagedStored | null;
  /** What the last loadScenario could not read, if anything. */
  scenarioDamage?(): DamagedStored | null;
}

/** The overlays in a Storage (localStorage in the browser). */
export function storageOverlays(storage: Storage | undefined = browserStorage()): OverlayStorage {
  let worklistDamage: DamagedStored | null = null;
  let scenarioDamage: DamagedStored | null = null;
  return {
    loadScenario: (key) => {
      const loaded = loadChecked(storage, SCENARIO_PREFIX + key, DAMAGED_SCENARIO_PREFIX + key, readScenarioValue);
      scenarioDamage = loaded.damage;
      return loaded.items;
    },
    saveScenario: (key, rows) => write(storage, SCENARIO_PREFIX + key, rows, rows.length === 0),
    loadWorklist: () => {
      const loaded = loadChecked(storage, WORKLIST_KEY, DAMAGED_WORKLIST_KEY, readWorklistValue);
      worklistDamage = loaded.damage;
      return loaded.items;
    },
    saveWorklist: (worklist) => write(storage, WORKLIST_KEY, worklist, worklist.length === 0),
    worklistDamage: () => worklistDamage,
    scenarioDamage: () => scenarioDamage,
  };
}

/** Overlays kept in memory only (tests, and the default when no storage is given). */
export function memoryOverlays(): OverlayStorage & { scenarios: Map<string, ScenarioRow[]>; worklist: Introduction[] } {
  const state = { scenarios: new Map<string, ScenarioRow[]>(), worklist: [] as Introduction[] };
  return Object.assign(state, {
    loadScenario: (key: string) => structuredClone(state.scenarios.get(key) ?? []),
    saveScenario: (key: string, rows: readonly ScenarioRow[]) => {
      state.scenarios.set(key, structuredClone([...rows]));
      return true;
    },
    loadWorklist: () => structuredClone(state.worklist),
    saveWorklist: (worklist: readonly Introduction[]) => {
      state.worklist = structuredClone([...worklist]);
      return true;
    },
  });
}

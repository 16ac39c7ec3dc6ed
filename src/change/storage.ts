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

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function browserStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

function read(storage: Storage | undefined, key: string): unknown {
  try {
    const raw = storage?.getItem(key);
    return raw ? (JSON.parse(raw) as unknown) : undefined;
  } catch {
    return undefined;
  }
}

function write(storage: Storage | undefined, key: string, value: unknown, empty: boolean) {
  try {
    if (empty) storage?.removeItem(key);
    else storage?.setItem(key, JSON.stringify(value));
  } catch {
    // Full or unavailable storage: the overlay still works for this session.
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** Scenario rows as stored: only the canonical columns, only text. */
export function validScenarioRows(value: unknown): ScenarioRow[] {
  if (!Array.isArray(value)) return [];
  const out: ScenarioRow[] = [];
  for (const item of value) {
    if (!isObject(item)) continue;
    const row: ScenarioRow = {};
    for (const c of PARTICIPATION_COLUMNS) if (typeof item[c] === 'string') row[c] = item[c];
    if (row.activity_id) out.push(row);
  }
  return out;
}

function namedRef(v: unknown): NamedRef | null {
  return isObject(v) && (typeof v.id === 'string' || typeof v.name === 'string') ? { id: str(v.id), name: str(v.name) } : null;
}

/** Introductions as stored; a malformed entry is left out, unknown values fall back to the defaults. */
export function validWorklist(value: unknown): Introduction[] {
  if (!Array.isArray(value)) return [];
  const out: Introduction[] = [];
  for (const item of value) {
    if (!isObject(item) || !isObject(item.a) || !isObject(item.b)) continue;
    const party = (p: Record<string, unknown>) => ({ id: str(p.id), name: str(p.name), sector: str(p.sector) });
    const a = party(item.a);
    const b = party(item.b);
    if (!(a.id || a.name) || !(b.id || b.name)) continue;
    const status = (INTRODUCTION_STATUSES as readonly string[]).includes(str(item.status)) ? (item.status as Introduction['status']) : 'to_make';
    const origin = (INTRODUCTION_ORIGINS as readonly string[]).includes(str(item.origin)) ? (item.origin as Introduction['origin']) : 'manual';
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
  return out;
}

export interface OverlayStorage {
  loadScenario(datasetKey: string): ScenarioRow[];
  saveScenario(datasetKey: string, rows: readonly ScenarioRow[]): void;
  loadWorklist(): Introduction[];
  saveWorklist(worklist: readonly Introduction[]): void;
}

/** The overlays in a Storage (localStorage in the browser). */
export function storageOverlays(storage: Storage | undefined = browserStorage()): OverlayStorage {
  return {
    loadScenario: (key) => validScenarioRows(read(storage, SCENARIO_PREFIX + key)),
    saveScenario: (key, rows) => write(storage, SCENARIO_PREFIX + key, rows, rows.length === 0),
    loadWorklist: () => validWorklist(read(storage, WORKLIST_KEY)),
    saveWorklist: (worklist) => write(storage, WORKLIST_KEY, worklist, worklist.length === 0),
  };
}

/** Overlays kept in memory only (tests, and the default when no storage is given). */
export function memoryOverlays(): OverlayStorage & { scenarios: Map<string, ScenarioRow[]>; worklist: Introduction[] } {
  const state = { scenarios: new Map<string, ScenarioRow[]>(), worklist: [] as Introduction[] };
  return Object.assign(state, {
    loadScenario: (key: string) => structuredClone(state.scenarios.get(key) ?? []),
    saveScenario: (key: string, rows: readonly ScenarioRow[]) => void state.scenarios.set(key, structuredClone([...rows])),
    loadWorklist: () => structuredClone(state.worklist),
    saveWorklist: (worklist: readonly Introduction[]) => {
      state.worklist = structuredClone([...worklist]);
    },
  });
}

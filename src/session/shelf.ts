/**
 * The shelf of imported datasets: kept in this browser's IndexedDB (local only, never sent
 * anywhere), so imported data survives a reload, with a list of recent datasets the user can reopen
 * or delete. The `idb` library wraps IndexedDB; the store only sees this small interface, so the
 * unit tests use an in-memory shelf (or fake-indexeddb).
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Dataset } from '../data/model';
import type { ImportReport } from '../data/report';
import { nextTask, unpackDataset, type PackedDataset } from '../data/import/transport';

export interface ShelvedSummary {
  key: string;
  label: string;
  /** ISO time of the last save. */
  savedAt: string;
  organisations: number;
  activities: number;
  participations: number;
}

export interface ShelvedDataset {
  summary: ShelvedSummary;
  dataset: Dataset;
  report: ImportReport;
}

export interface DatasetShelf {
  /** Most recently saved first. */
  list(): Promise<ShelvedSummary[]>;
  /** Keeps the dataset; `packed` (the same dataset, transport.ts) is stored instead when given. */
  save(entry: { key: string; label: string; dataset: Dataset; report: ImportReport; packed?: PackedDataset }): Promise<ShelvedSummary>;
  load(key: string): Promise<ShelvedDataset | null>;
  remove(key: string): Promise<void>;
  /** The dataset open when the page was left (null: the built-in one). */
  active(): string | null;
  setActive(key: string | null): void;
}

/** How many imported datasets are kept; the oldest beyond this are removed on save. */
export const SHELF_SIZE = 8;

/** A dataset as kept: packed (newer entries) or as records. */
export interface StoredDataset {
  key: string;
  dataset?: Dataset;
  packed?: PackedDataset;
  report: ImportReport;
}

/**
 * Writes one entry (its summary and its dataset). The browser passes one that writes from a worker:
 * IndexedDB serialises the value on the calling thread, 0.6–0.9 s for all of H2020 packed.
 */
export type ShelfWriter = (entry: { summary: ShelvedSummary; stored: StoredDataset }) => Promise<void>;

interface ShelfSchema extends DBSchema {
  summaries: { key: string; value: ShelvedSummary };
  /**
   * Newer entries keep the dataset packed: IndexedDB clones typed arrays in milliseconds, while
   * cloning H2020's 200,000 records held the page for 1.6 s. Older entries have `dataset`.
   */
  datasets: { key: string; value: StoredDataset };
}

/** The shelf's database (from any thread: the page, or the worker that writes large entries). */
export function openShelfDb(name: string): Promise<IDBPDatabase<ShelfSchema>> {
  return openDB<ShelfSchema>(name, 1, {
    upgrade(d) {
      d.createObjectStore('summaries', { keyPath: 'key' });
      d.createObjectStore('datasets', { keyPath: 'key' });
    },
  });
}

/** Writes a summary and its dataset in one transaction. */
export async function putShelfEntry(d: IDBPDatabase<ShelfSchema>, summary: ShelvedSummary, stored: StoredDataset): Promise<void> {
  const tx = d.transaction(['summaries', 'datasets'], 'readwrite');
  await Promise.all([tx.objectStore('summaries').put(summary), tx.objectStore('datasets').put(stored), tx.done]);
}

const ACTIVE_KEY = 'bruggen.activeDataset';

function summaryOf(key: string, label: string, dataset: Dataset): ShelvedSummary {
  return {
    key,
    label,
    savedAt: new Date().toISOString(),
    organisations: dataset.organisations.length,
    activities: dataset.activities.length,
    participations: dataset.participations.length,
  };
}

const newestFirst = (a: ShelvedSummary, b: ShelvedSummary) => (a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : 0);

/** The browser's shelf. Summaries and datasets are separate stores: listing never reads a dataset. */
export function indexedDbShelf(
  name = 'bruggen',
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | undefined = safeLocalStorage(),
  /** Writes packed entries elsewhere (a worker); default on this thread. */
  writer?: ShelfWriter,
): DatasetShelf {
  let db: Promise<IDBPDatabase<ShelfSchema>> | null = null;
  const open = () => (db ??= openShelfDb(name));
  const shelf: DatasetShelf = {
    async list() {
      return (await (await open()).getAll('summaries')).sort(newestFirst);
    },
    async save({ key, label, dataset, report, packed }) {
      const d = await open();
      const summary = summaryOf(key, label, dataset);
      if (packed && writer) await writer({ summary, stored: { key, packed, report } });
      else await putShelfEntry(d, summary, packed ? { key, packed, report } : { key, dataset, report });
      const all = (await d.getAll('summaries')).sort(newestFirst);
      for (const old of all.slice(SHELF_SIZE)) await shelf.remove(old.key);
      return summary;
    },
    async load(key) {
      const d = await open();
      const [summary, stored] = await Promise.all([d.get('summaries', key), d.get('datasets', key)]);
      if (!summary || !stored) return null;
      // What the browser kept is input like any other: a damaged packed entry is not opened.
      const dataset = stored.packed ? await unpackDataset(stored.packed, { pause: nextTask }).catch(() => null) : stored.dataset;
      return dataset ? { summary, dataset, report: stored.report } : null;
    },
    async remove(key) {
      const d = await open();
      const tx = d.transaction(['summaries', 'datasets'], 'readwrite');
      await Promise.all([tx.objectStore('summaries').delete(key), tx.objectStore('datasets').delete(key), tx.done]);
      if (shelf.active() === key) shelf.setActive(null);
    },
    active: () => storage?.getItem(ACTIVE_KEY) ?? null,
    setActive(key) {
      try {
        if (key === null) storage?.removeItem(ACTIVE_KEY);
        else storage?.setItem(ACTIVE_KEY, key);
      } catch {
        // Not remembering which dataset was open is acceptable: the built-in one opens instead.
      }
    },
  };
  return shelf;
}

/** A shelf in memory (tests, and browsers without IndexedDB: nothing survives a reload there). */
export function memoryShelf(): DatasetShelf {
  const entries = new Map<string, ShelvedDataset>();
  let active: string | null = null;
  return {
    list: async () => [...entries.values()].map((e) => e.summary).sort(newestFirst),
    async save({ key, label, dataset, report }) {
      const summary = summaryOf(key, label, dataset);
      entries.set(key, { summary, dataset, report });
      return summary;
    },
    load: async (key) => entries.get(key) ?? null,
    async remove(key) {
      entries.delete(key);
      if (active === key) active = null;
    },
    active: () => active,
    setActive(key) {
      active = key;
    },
  };
}

function safeLocalStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

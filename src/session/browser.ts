/**
 * The session store's environment in the browser: real workers, the address bar, localStorage.
 * Everything here is validated on read: stored state a file or an older version wrote can never
 * break the app.
 */
import { CORRECTIONS_PREFIX, DAMAGED_CORRECTIONS_PREFIX, readCorrectionsValue, saveCorrections } from '../data/sectorCorrections';
import { indexedDbShelf, memoryShelf, type ShelfWriter } from './shelf';
import { packedBuffers, transferableBytes, transferableCopy } from '../data/import/transport';
import { RpcClient } from '../workers/rpc';
import type { ShelfProtocol } from '../workers/protocols';
import { browserStorage, loadChecked, storageOverlays, type DamagedStored, type Storage } from '../change/storage';
import { SessionStore, type CorrectionStore, type LocationPort } from './store';

/** The IndexedDB database of the shelf. */
const SHELF_NAME = 'bruggen';

/**
 * Sector corrections per dataset in `storage`, read into a Map (any string is a valid id). What
 * cannot be read whole is copied aside and said, as a damaged worklist is (change/storage.ts).
 */
export function storedCorrections(storage: Storage | undefined = browserStorage()): CorrectionStore {
  let damage: DamagedStored | null = null;
  return {
    load(key) {
      const loaded = loadChecked(storage, CORRECTIONS_PREFIX + key, DAMAGED_CORRECTIONS_PREFIX + key, readCorrectionsValue);
      damage = loaded.damage;
      return new Map(loaded.items);
    },
    save: (key, corrections) => saveCorrections(key, corrections, storage),
    damage: () => damage,
  };
}

/** The browser's: localStorage. */
export const localCorrections = storedCorrections();

export const browserLocation: LocationPort = {
  read: () => window.location.search,
  write(search, mode) {
    const url = `${window.location.pathname}${search}${window.location.hash}`;
    if (mode === 'replace') window.history.replaceState(null, '', url);
    else window.history.pushState(null, '', url);
  },
  onPop(listener) {
    window.addEventListener('popstate', listener);
    return () => window.removeEventListener('popstate', listener);
  },
};

/** Writes packed shelf entries from a worker, started on the first save. */
function workerShelfWriter(name: string): ShelfWriter {
  let client: RpcClient<ShelfProtocol> | null = null;
  return async ({ summary, stored }) => {
    client ??= new RpcClient<ShelfProtocol>(new Worker(new URL('../workers/shelf.worker.ts', import.meta.url), { type: 'module' }));
    // Copies travel (transferred): the page keeps its own for the analysis worker's trip and the report.
    const packed = stored.packed && transferableCopy(stored.packed);
    const fullCsv = stored.report.fullCsv && transferableBytes(stored.report.fullCsv);
    const transfers = [...(packed ? packedBuffers(packed) : []), ...(fullCsv ? [fullCsv.buffer as ArrayBuffer] : [])];
    await client.call('put', { name, summary, stored: { ...stored, packed, report: { ...stored.report, fullCsv } } }, { transfer: transfers });
  };
}

export function createBrowserSession(): SessionStore {
  return new SessionStore({
    // Written out in full: Vite bundles a worker only from this exact pattern.
    createAnalysisWorker: () => new Worker(new URL('../workers/analysis.worker.ts', import.meta.url), { type: 'module' }),
    createLayoutWorker: () => new Worker(new URL('../workers/layout.worker.ts', import.meta.url), { type: 'module' }),
    location: browserLocation,
    corrections: localCorrections,
    shelf: typeof indexedDB === 'undefined' ? memoryShelf() : indexedDbShelf(SHELF_NAME, undefined, typeof Worker === 'undefined' ? undefined : workerShelfWriter(SHELF_NAME)),
    overlays: storageOverlays(),
    cores: typeof navigator === 'undefined' ? undefined : navigator.hardwareConcurrency,
  });
}

/**
 * The session store's environment in the browser: real workers, the address bar, localStorage.
 * Everything here is validated on read: stored state a file or an older version wrote can never
 * break the app.
 */
import { loadCorrections, saveCorrections } from '../data/sectorCorrections';
import { indexedDbShelf, memoryShelf } from './shelf';
import { storageOverlays } from '../change/storage';
import { SessionStore, type CorrectionStore, type LocationPort } from './store';

/** Sector corrections per dataset in localStorage, read into a Map (any string is a valid id). */
export const localCorrections: CorrectionStore = {
  load: (key) => loadCorrections(key),
  save: (key, corrections) => saveCorrections(key, corrections),
};

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

export function createBrowserSession(): SessionStore {
  return new SessionStore({
    // Written out in full: Vite bundles a worker only from this exact pattern.
    createAnalysisWorker: () => new Worker(new URL('../workers/analysis.worker.ts', import.meta.url), { type: 'module' }),
    createLayoutWorker: () => new Worker(new URL('../workers/layout.worker.ts', import.meta.url), { type: 'module' }),
    location: browserLocation,
    corrections: localCorrections,
    shelf: typeof indexedDB === 'undefined' ? memoryShelf() : indexedDbShelf(),
    overlays: storageOverlays(),
  });
}

/**
 * The session store's environment in the browser: real workers, the address bar, localStorage.
 * Everything here is validated on read: stored state a file or an older version wrote can never
 * break the app.
 */
import { isSector, type Sector } from '../data/sectors';
import { SessionStore, type CorrectionStore, type LocationPort } from './store';

const CORRECTIONS_PREFIX = 'bruggen.sectorCorrections.';

/** Sector corrections per dataset, as `[id, sector]` pairs (any string is a valid id). */
export const localCorrections: CorrectionStore = {
  load(key) {
    const out = new Map<string, Sector>();
    try {
      const raw = localStorage.getItem(CORRECTIONS_PREFIX + key);
      if (!raw) return out;
      const parsed: unknown = JSON.parse(raw);
      // Older versions stored an object; both read into a Map without touching prototypes.
      const pairs = Array.isArray(parsed) ? parsed : parsed && typeof parsed === 'object' ? Object.entries(parsed) : [];
      for (const pair of pairs) {
        if (!Array.isArray(pair) || typeof pair[0] !== 'string' || typeof pair[1] !== 'string' || !isSector(pair[1])) continue;
        out.set(pair[0], pair[1]);
      }
    } catch {
      // Unreadable stored corrections are ignored (the user can import them again as CSV).
    }
    return out;
  },
  save(key, corrections) {
    try {
      localStorage.setItem(CORRECTIONS_PREFIX + key, JSON.stringify([...corrections]));
    } catch {
      // Not remembering is acceptable; the CSV export still works.
    }
  },
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
  });
}

/**
 * React reads the session store, never owns it: `useSession(select)` subscribes with
 * useSyncExternalStore and re-renders only when the selected value changes.
 */
import { createContext, useContext, useRef, useSyncExternalStore, type ReactNode } from 'react';
import type { SessionSnapshot, SessionStore } from './store';

const SessionContext = createContext<SessionStore | null>(null);

export function SessionProvider({ store, children }: { store: SessionStore; children: ReactNode }) {
  return <SessionContext.Provider value={store}>{children}</SessionContext.Provider>;
}

export function useStore(): SessionStore {
  const store = useContext(SessionContext);
  if (!store) throw new Error('useStore needs a SessionProvider.');
  return store;
}

/** A slice of the session; `equal` decides when a new slice is the same (default Object.is). */
export function useSession<T>(select: (s: SessionSnapshot) => T, equal: (a: T, b: T) => boolean = Object.is): T {
  const store = useStore();
  const last = useRef<{ snapshot: SessionSnapshot; value: T } | null>(null);
  const read = () => {
    const snapshot = store.getSnapshot();
    const prev = last.current;
    if (prev && prev.snapshot === snapshot) return prev.value;
    const value = select(snapshot);
    if (prev && equal(prev.value, value)) {
      last.current = { snapshot, value: prev.value };
      return prev.value;
    }
    last.current = { snapshot, value };
    return value;
  };
  return useSyncExternalStore(store.subscribe, read, read);
}

/**
 * The session store with its real workers' code running in-process (structured-cloned messages
 * delivered asynchronously, as between a page and a worker), a fake address bar and in-memory
 * storage: what the unit tests drive.
 */
import type { Sector } from '../../../src/data/sectors';
import { layoutIndexedGraph } from '../../../src/graph/layout';
import { SessionStore, type LocationPort, type SessionEnvironment, type SessionSnapshot } from '../../../src/session/store';
import { createAnalysisService } from '../../../src/workers/analysisService';
import type { AnalysisProtocol, LayoutProtocol } from '../../../src/workers/protocols';
import { inProcessPair, serve } from '../../../src/workers/rpc';

export class FakeLocation implements LocationPort {
  history: string[];
  index = 0;
  private listeners = new Set<() => void>();
  constructor(search = '') {
    this.history = [search];
  }
  read = () => this.history[this.index]!;
  write(search: string, mode: 'push' | 'replace') {
    if (mode === 'replace') this.history[this.index] = search;
    else {
      this.history = [...this.history.slice(0, this.index + 1), search];
      this.index++;
    }
  }
  onPop(listener: () => void) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  back() {
    this.index = Math.max(0, this.index - 1);
    for (const l of this.listeners) l();
  }
}

export interface Harness {
  store: SessionStore;
  location: FakeLocation;
  /** The analysis service behind the worker (its engine counts stage runs). */
  service: ReturnType<typeof createAnalysisService>;
  stored: Map<string, Map<string, Sector>>;
  workersStarted: () => number;
  workersTerminated: () => number;
}

/** `env` adds to the environment (e.g. the scenario and worklist storage, today's date). */
export function harness(search = '', env: Partial<SessionEnvironment> = {}): Harness {
  const location = new FakeLocation(search);
  const service = createAnalysisService();
  const stored = new Map<string, Map<string, Sector>>();
  let started = 0;
  let terminated = 0;
  const store = new SessionStore({
    createAnalysisWorker() {
      started++;
      const [client, server] = inProcessPair();
      serve<AnalysisProtocol>(server, service);
      return { ...client, terminate: () => (terminated++, client.terminate()) };
    },
    createLayoutWorker() {
      const [client, server] = inProcessPair();
      serve<LayoutProtocol>(server, { layout: ({ graph, seed }) => layoutIndexedGraph(graph, seed) });
      return client;
    },
    location,
    corrections: {
      load: (key) => new Map(stored.get(key) ?? []),
      save: (key, c) => void stored.set(key, new Map(c)),
    },
    analysisDelayMs: 0,
    ...env,
  });
  return { store, location, service, stored, workersStarted: () => started, workersTerminated: () => terminated };
}

/** Resolves once the store's snapshot satisfies `done` (or rejects after `ms`). */
export function until(store: SessionStore, done: (s: SessionSnapshot) => boolean, ms = 20_000): Promise<SessionSnapshot> {
  return new Promise((resolve, reject) => {
    if (done(store.getSnapshot())) return resolve(store.getSnapshot());
    const timer = setTimeout(() => {
      off();
      reject(new Error('timed out waiting for the session'));
    }, ms);
    const off = store.subscribe(() => {
      const s = store.getSnapshot();
      if (!done(s)) return;
      clearTimeout(timer);
      off();
      resolve(s);
    });
  });
}

/** Every stage has a result for the current state. */
export const analysed = (s: SessionSnapshot) =>
  s.phase === 'ready' && !!s.analysis.keys && !!s.analysis.assembled && s.analysis.assembled.stale.length === 0 && s.analysis.progress === null;

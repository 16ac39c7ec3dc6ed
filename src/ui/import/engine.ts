import {
  ImportSession,
  type BuildRequest,
  type ImportOutcome,
  type ReadProgress,
  type SourceInput,
  type SourceSummary,
} from '../../data/import/pipeline';
import type { ImportWorkerRequest, ImportWorkerResponse } from '../../data/import/protocol';

/** What the import panel needs from the machinery; the panel only renders state. */
export interface ImportEngine {
  read(
    files: readonly SourceInput[],
    onProgress: (p: ReadProgress) => void,
  ): { result: Promise<SourceSummary[] | 'cancelled'>; cancel(): void };
  build(request: BuildRequest): Promise<ImportOutcome>;
  dispose(): void;
}

/** Runs the pipeline on the calling thread (tests, and browsers without module workers). */
export function createInlineEngine(): ImportEngine {
  const session = new ImportSession();
  return {
    read(files, onProgress) {
      let cancelled = false;
      const result = session
        .read(files, { onProgress, isCancelled: () => cancelled })
        .then((s) => (s && !cancelled ? s : ('cancelled' as const)));
      return { result, cancel: () => (cancelled = true) };
    },
    build: async (request) => session.build(request),
    dispose() {},
  };
}

/** How long a cancel may take before the worker is simply stopped. */
const CANCEL_GRACE_MS = 1000;

/** Runs the pipeline in src/workers/import.worker.ts; the worker keeps the parsed tables. */
export function createWorkerEngine(): ImportEngine {
  let worker: Worker | undefined;
  let nextId = 1;
  const pending = new Map<
    number,
    { resolve: (m: ImportWorkerResponse) => void; reject: (e: Error) => void; onProgress?: (p: ReadProgress) => void }
  >();
  const start = () => {
    const w = new Worker(new URL('../../workers/import.worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (event: MessageEvent<ImportWorkerResponse>) => {
      const m = event.data;
      const p = pending.get(m.requestId);
      if (!p) return;
      if (m.type === 'progress') return p.onProgress?.(m.progress);
      pending.delete(m.requestId);
      if (m.type === 'failed') p.reject(new Error(m.message));
      else p.resolve(m);
    };
    w.onerror = (event) => {
      for (const p of pending.values()) p.reject(new Error(event.message || 'The import worker stopped.'));
      pending.clear();
      worker = undefined;
    };
    return w;
  };
  const send = (request: ImportWorkerRequest, onProgress?: (p: ReadProgress) => void) =>
    new Promise<ImportWorkerResponse>((resolve, reject) => {
      pending.set(request.requestId, onProgress ? { resolve, reject, onProgress } : { resolve, reject });
      (worker ??= start()).postMessage(request);
    });
  return {
    read(files, onProgress) {
      const requestId = nextId++;
      let settle: ((v: 'cancelled') => void) | undefined;
      const cancelled = new Promise<'cancelled'>((r) => (settle = r));
      const answer = send({ type: 'read', requestId, files: files.map((f) => ({ name: f.name, blob: f.blob })) }, onProgress).then(
        (m) => (m.type === 'read-done' ? m.summaries : ('cancelled' as const)),
      );
      return {
        result: Promise.race([answer, cancelled]),
        cancel() {
          worker?.postMessage({ type: 'cancel', requestId } satisfies ImportWorkerRequest);
          // A worker busy in one long step still stops at once: it is replaced.
          setTimeout(() => {
            if (!pending.has(requestId)) return;
            pending.delete(requestId);
            worker?.terminate();
            worker = undefined;
            settle?.('cancelled');
          }, CANCEL_GRACE_MS);
        },
      };
    },
    async build(request) {
      const m = await send({ type: 'build', requestId: nextId++, request });
      if (m.type !== 'built') throw new Error('The import worker did not build the dataset.');
      return m.outcome;
    },
    dispose() {
      worker?.terminate();
      worker = undefined;
      for (const p of pending.values()) p.reject(new Error('The import was closed.'));
      pending.clear();
    },
  };
}

export function createDefaultEngine(): ImportEngine {
  return typeof Worker === 'undefined' ? createInlineEngine() : createWorkerEngine();
}

import {
  ImportSession,
  type BuildProgress,
  type BuildRequest,
  type ImportOutcome,
  type ReadProgress,
  type SourceInput,
  type SourceSummary,
} from '../../data/import/pipeline';
import { CancelledError, RpcClient } from '../../workers/rpc';
import type { ImportProtocol } from '../../workers/protocols';

/** What the import panel needs from the machinery; the panel only renders state. */
export interface ImportEngine {
  read(
    files: readonly SourceInput[],
    onProgress: (p: ReadProgress) => void,
  ): { result: Promise<SourceSummary[] | 'cancelled'>; cancel(): void };
  build(request: BuildRequest, onProgress: (p: BuildProgress) => void): { result: Promise<ImportOutcome | 'cancelled'>; cancel(): void };
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
    build(request, onProgress) {
      let cancelled = false;
      const result = session
        .buildAsync(request, { onProgress, isCancelled: () => cancelled })
        .then((o) => (o && !cancelled ? o : ('cancelled' as const)));
      return { result, cancel: () => (cancelled = true) };
    },
    dispose() {},
  };
}

/** How long a cancel may take before the worker is simply stopped. */
const CANCEL_GRACE_MS = 1000;

/** Runs the pipeline in the import worker (one typed protocol, see workers/rpc.ts). */
export function createWorkerEngine(): ImportEngine {
  let client: RpcClient<ImportProtocol> | undefined;
  const start = () =>
    (client ??= new RpcClient<ImportProtocol>(new Worker(new URL('../../workers/import.worker.ts', import.meta.url), { type: 'module' })));
  /** A call that can be cancelled; a worker busy in one long step is replaced if it does not stop in time. */
  const cancellable = <T>(run: (worker: RpcClient<ImportProtocol>, signal: AbortSignal) => Promise<T | null>) => {
    const controller = new AbortController();
    const worker = start();
    const result = run(worker, controller.signal)
      .then((v) => v ?? ('cancelled' as const))
      .catch((e: unknown) => {
        if (e instanceof CancelledError) return 'cancelled' as const;
        throw e;
      });
    return {
      result,
      cancel() {
        controller.abort();
        setTimeout(() => {
          if (client !== worker) return;
          worker.dispose();
          client = undefined;
        }, CANCEL_GRACE_MS);
      },
    };
  };
  return {
    read: (files, onProgress) =>
      cancellable((worker, signal) => worker.call('read', { files: files.map((f) => ({ name: f.name, blob: f.blob })) }, { onProgress, signal })),
    build: (request, onProgress) => cancellable((worker, signal) => worker.call('build', { request }, { onProgress, signal })),
    dispose() {
      client?.dispose();
      client = undefined;
    },
  };
}

export function createDefaultEngine(): ImportEngine {
  return typeof Worker === 'undefined' ? createInlineEngine() : createWorkerEngine();
}

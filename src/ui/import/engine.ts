import {
  ImportSession,
  importSummary,
  type BuildProgress,
  type BuildRequest,
  type ImportSummary,
  type ReadProgress,
  type SourceInput,
  type SourceSummary,
} from '../../data/import/pipeline';
import { reportForPage } from '../../data/import/reportCsv';
import { keepSpareCopies, nextTask, unpackDataset, type PackedDataset } from '../../data/import/transport';
import type { Dataset } from '../../data/model';
import type { ImportReport } from '../../data/report';
import { CancelledError, RpcClient, type Endpoint } from '../../workers/rpc';
import type { ImportProtocol } from '../../workers/protocols';

type Cancellable<T> = { result: Promise<T | 'cancelled'>; cancel(): void };

/**
 * What the import panel needs from the machinery; the panel only renders state. The dataset
 * stays with the engine until `take`: the review step works on summaries.
 */
export interface ImportEngine {
  read(files: readonly SourceInput[], onProgress: (p: ReadProgress) => void): Cancellable<SourceSummary[]>;
  build(request: BuildRequest, onProgress: (p: BuildProgress) => void): Cancellable<ImportSummary>;
  /** The report and counts with these duplicate groups merged. */
  review(accepted: readonly string[]): Promise<ImportSummary>;
  /**
   * The dataset with these duplicate groups merged, and its report; from a worker also packed
   * (transport.ts), so that it reaches the analysis worker and the shelf without a slow clone.
   */
  take(accepted: readonly string[], onPacked?: (packed: PackedDataset) => void): Promise<{ dataset: Dataset; report: ImportReport; packed?: PackedDataset }>;
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
        .then((o) => (o && !cancelled ? importSummary(o) : ('cancelled' as const)));
      return { result, cancel: () => (cancelled = true) };
    },
    review: async (accepted) => session.review(accepted),
    take: async (accepted) => {
      const { dataset, report } = session.decide(accepted);
      return { dataset, report: reportForPage(report) };
    },
    dispose() {},
  };
}

/** How long a cancel may take before the worker is simply stopped. */
const CANCEL_GRACE_MS = 1000;

/** Runs the pipeline in the import worker (one typed protocol, see workers/rpc.ts). */
export function createWorkerEngine(
  /** Where the worker runs; tests pass an in-process endpoint. */
  spawn: () => Endpoint & { terminate?(): void } = () => new Worker(new URL('../../workers/import.worker.ts', import.meta.url), { type: 'module' }),
): ImportEngine {
  let client: RpcClient<ImportProtocol> | undefined;
  /** Set when a worker was stopped: what it had read is gone. */
  let lostReads = false;
  const start = () => (client ??= new RpcClient<ImportProtocol>(spawn()));
  /** A call that can be cancelled; a worker busy in one long step is replaced if it does not stop in time. */
  const cancellable = <T>(run: (worker: RpcClient<ImportProtocol>, signal: AbortSignal) => Promise<T | null>): Cancellable<T> => {
    const controller = new AbortController();
    const worker = start();
    let settled = false;
    const result = run(worker, controller.signal)
      .then((v) => v ?? ('cancelled' as const))
      .catch((e: unknown) => {
        if (e instanceof CancelledError) return 'cancelled' as const;
        throw e;
      })
      .finally(() => (settled = true));
    return {
      result,
      cancel() {
        controller.abort();
        setTimeout(() => {
          if (settled || client !== worker) return;
          worker.dispose();
          client = undefined;
          lostReads = true;
        }, CANCEL_GRACE_MS);
      },
    };
  };
  return {
    read(files, onProgress) {
      lostReads = false;
      return cancellable((worker, signal) => worker.call('read', { files: files.map((f) => ({ name: f.name, blob: f.blob })) }, { onProgress, signal }));
    },
    build(request, onProgress) {
      if (lostReads) return { result: Promise.reject(new Error('the files were unloaded after a cancel; open them again')), cancel() {} };
      return cancellable((worker, signal) => worker.call('build', { request }, { onProgress, signal }));
    },
    review: (accepted) => start().call('review', { accepted: [...accepted] }),
    async take(accepted, onPacked) {
      const { packed, spares, report } = await start().call('take', { accepted: [...accepted] });
      keepSpareCopies(packed, spares.packed);
      if (report.fullCsv) keepSpareCopies(report.fullCsv, spares.fullCsv);
      // Others can start on the packed dataset while the page rebuilds its records.
      onPacked?.(packed);
      return { dataset: await unpackDataset(packed, { pause: nextTask }), report, packed };
    },
    dispose() {
      client?.dispose();
      client = undefined;
    },
  };
}

export function createDefaultEngine(): ImportEngine {
  return typeof Worker === 'undefined' ? createInlineEngine() : createWorkerEngine();
}

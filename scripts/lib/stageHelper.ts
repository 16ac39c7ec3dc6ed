/**
 * A worker thread that runs analysis stages for the command line (Node only): `analyseDatasetConcurrently`
 * hands it the dependency-free stages (HELPER_STAGES) with the visible network's CSR and two-mode
 * data (copied once by structured clone), and runs the other stages on the main thread meanwhile.
 * The stages are the same pure functions (computeStage), so the results equal a single-threaded run.
 *
 * The worker is started early (`startStageHelper`) so that loading the TypeScript modules in it
 * overlaps with reading the files on the main thread.
 */
import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import type { StageHelper } from '../../src/analysis/index';
import { computeStage, runToEnd, type StageData, type StageName } from '../../src/analysis/stages';

interface Job {
  stages: StageName[];
  csr: Parameters<StageHelper['start']>[1];
  input: Parameters<StageHelper['start']>[2];
  context: Parameters<StageHelper['start']>[3];
}
type Reply = { stage: StageName; data: StageData[StageName]; ms: number } | { stage: StageName; error: string };

export interface RunningHelper extends StageHelper {
  close(): Promise<void>;
}

/** Starts the worker thread; `start` may be called once. */
export function startStageHelper(): RunningHelper {
  // The worker loads this file through tsx (its entry point is not run through the loader hooks).
  const url = import.meta.url;
  const worker = new Worker(`import('tsx/esm/api').then((api) => api.tsImport(${JSON.stringify(url)}, ${JSON.stringify(url)}))`, { eval: true });
  const waiting = new Map<StageName, { resolve: (r: { data: StageData[StageName]; ms: number }) => void; reject: (e: Error) => void }>();
  const failAll = (e: Error) => {
    for (const w of waiting.values()) w.reject(e);
    waiting.clear();
  };
  worker.on('message', (reply: Reply) => {
    const w = waiting.get(reply.stage);
    if (!w) return;
    waiting.delete(reply.stage);
    if ('error' in reply) w.reject(new Error(`Stage ${reply.stage} failed in the worker thread: ${reply.error}`));
    else w.resolve({ data: reply.data, ms: reply.ms });
  });
  worker.on('error', failAll);
  worker.on('exit', (code) => failAll(new Error(`The analysis worker thread stopped (exit code ${code}).`)));
  return {
    start(stages, csr, input, context) {
      const out = new Map<StageName, Promise<{ data: StageData[StageName]; ms: number }>>();
      for (const stage of stages) out.set(stage, new Promise((resolve, reject) => waiting.set(stage, { resolve, reject })));
      const job: Job = { stages: [...stages], csr, input, context };
      worker.postMessage(job);
      return out;
    },
    async close() {
      await worker.terminate();
    },
  };
}

if (!isMainThread && parentPort) {
  const port = parentPort;
  port.on('message', (job: Job) => {
    const context = { incidence: () => job.context.incidence, weight: job.context.weight };
    const noDependency = (d: StageName): never => {
      throw new Error(`a helper stage cannot depend on ${d}`);
    };
    for (const stage of job.stages) {
      const t = performance.now();
      try {
        const data = runToEnd(computeStage(stage, job.csr, job.input, noDependency, context));
        port.postMessage({ stage, data, ms: performance.now() - t } satisfies Reply);
      } catch (e) {
        port.postMessage({ stage, error: String((e as Error)?.stack ?? e) } satisfies Reply);
      }
    }
  });
}

import type { AnalysisOptions, AnalysisResult } from '../analysis';
import type { Dataset } from '../data/model';
import type { Filters } from '../filters/filters';
import type { Positions } from '../graph/layout';
import type { AnalysisRequest, AnalysisResponse } from './protocol';

export interface Progress {
  step: string;
  fraction: number;
}

/**
 * Runs analyses and layouts off the main thread. A new analysis supersedes a running one: the
 * worker is terminated and restarted (with the dataset) so a slow national-scale run never
 * delays the answer to the user's latest filter.
 */
export class AnalysisClient {
  private worker: Worker;
  private nextId = 1;
  private busy = false;
  private pending = new Map<number, { resolve: (v: never) => void; reject: (e: Error) => void; onProgress?: (p: Progress) => void }>();

  constructor(private readonly dataset: Dataset) {
    this.worker = this.start();
  }

  private start(): Worker {
    const worker = new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<AnalysisResponse>) => this.receive(event.data);
    worker.onerror = (event) => {
      for (const [, p] of this.pending) p.reject(new Error(event.message || 'The analysis worker failed.'));
      this.pending.clear();
      this.busy = false;
    };
    const load: AnalysisRequest = { type: 'load', dataset: this.dataset };
    worker.postMessage(load);
    return worker;
  }

  private receive(message: AnalysisResponse) {
    const p = this.pending.get(message.id);
    if (!p) return;
    if (message.type === 'progress') {
      p.onProgress?.({ step: message.step, fraction: message.fraction });
      return;
    }
    this.pending.delete(message.id);
    this.busy = this.pending.size > 0;
    if (message.type === 'error') p.reject(new Error(message.message));
    else if (message.type === 'result') (p.resolve as (v: AnalysisResult) => void)(message.result);
    else (p.resolve as (v: Positions) => void)(message.positions);
  }

  analyse(filters: Filters, options: Omit<AnalysisOptions, 'onProgress'>, onProgress?: (p: Progress) => void): Promise<AnalysisResult> {
    if (this.busy) this.restart();
    return this.send<AnalysisResult>({ type: 'analyse', id: this.nextId++, filters, options }, onProgress);
  }

  /** Layouts are never superseded; use a separate client for them so analyses cannot cancel them. */
  layout(graph: 'organisations' | 'bipartite' = 'organisations', seed = 1): Promise<Positions> {
    return this.send<Positions>({ type: 'layout', id: this.nextId++, seed, graph });
  }

  private send<T>(request: Exclude<AnalysisRequest, { type: 'load' }>, onProgress?: (p: Progress) => void): Promise<T> {
    this.busy = true;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(request.id, { resolve: resolve as (v: never) => void, reject, onProgress });
      this.worker.postMessage(request);
    });
  }

  /** Stops whatever runs; callers of superseded requests get a rejection they can ignore. */
  private restart() {
    this.worker.terminate();
    for (const [, p] of this.pending) p.reject(new SupersededError());
    this.pending.clear();
    this.busy = false;
    this.worker = this.start();
  }

  dispose() {
    this.worker.terminate();
    this.pending.clear();
  }
}

export class SupersededError extends Error {
  constructor() {
    super('superseded by a newer request');
  }
}

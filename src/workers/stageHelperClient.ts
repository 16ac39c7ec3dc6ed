/**
 * The analysis worker's side of the stage helper (stageHelperService.ts): starts the helper worker
 * on first use, hands it Louvain runs, sends it each view once, and keeps track of the stages it is
 * computing. What the helper cannot compute (it failed, or the worker could not start) is left to
 * the caller.
 */
import { HELPER_STAGES } from '../analysis/index';
import type { AnalysisInput, StageData, StageName } from '../analysis/stages';
import type { LouvainElsewhere } from '../analysis/communities';
import { CancelledError, RpcClient, type Endpoint } from './rpc';
import type { HelperView, StageHelperProtocol } from './stageHelperService';

/** A worker as the helper needs it: messages, terminate, and the error event of a failed start. */
export type HelperEndpoint = Endpoint & { terminate(): void; onerror?: ((event: ErrorEvent) => void) | null };

export class StageHelperClient {
  private client: RpcClient<StageHelperProtocol> | null = null;
  private viewId: string | null = null;
  /** The stages the helper is computing, with the key of the input each is for. */
  private readonly running = new Map<StageName, { key: string; done: Promise<void> }>();
  /** Stage keys the helper failed on: they are computed by the caller. */
  private readonly failed = new Set<string>();
  /** Set when the worker itself failed (e.g. it could not load): no helper from then on. */
  private broken = false;
  private started: Promise<void> | null = null;
  /** Louvain calls not answered yet. */
  private louvainPending = 0;

  constructor(private readonly spawn: () => HelperEndpoint) {}

  /** Whether the helper should compute this stage for this key (it is one of its stages and it has not failed on it). */
  takes(stage: StageName, key: string): boolean {
    return !this.broken && HELPER_STAGES.includes(stage) && !this.failed.has(`${stage}\u0000${key}`);
  }

  isRunning(stage: StageName, key: string): boolean {
    return this.running.get(stage)?.key === key;
  }

  /** Whether the helper is computing anything (stages or Louvain runs). */
  busy(): boolean {
    return this.running.size > 0 || this.louvainPending > 0;
  }

  /** What is running, as (stage, key) pairs. */
  inFlight(): { stage: StageName; key: string }[] {
    return [...this.running].map(([stage, r]) => ({ stage, key: r.key }));
  }

  /** Settles when any of the given running stages is done or has failed. */
  anyDone(stages: readonly StageName[]): Promise<void> | null {
    const waits = stages.flatMap((s) => {
      const r = this.running.get(s);
      return r ? [r.done] : [];
    });
    return waits.length ? Promise.race(waits) : null;
  }

  /**
   * Starts a stage on the helper unless it is running for this key. `view` is called only when the
   * helper does not hold that view yet (building the two-mode data costs time).
   */
  start<S extends StageName>(
    stage: S,
    key: string,
    viewId: string,
    view: () => HelperView,
    input: Omit<AnalysisInput, 'filters' | 'sectorsVersion'>,
    on: { result(data: StageData[S], ms: number): void; progress(fraction: number): void },
  ): void {
    if (this.isRunning(stage, key) || !this.takes(stage, key)) return;
    const client = this.ensureClient();
    if (this.viewId !== viewId) {
      // Messages are handled in order: the view is kept before the computation that names it.
      client.call('view', view()).catch(() => undefined);
      this.viewId = viewId;
    }
    const done = client.call('compute', { view: viewId, stage, input }, { onProgress: on.progress }).then(
      (r) => on.result(r.data as StageData[S], r.ms),
      (error: unknown) => {
        if (!(error instanceof CancelledError)) this.failed.add(`${stage}\u0000${key}`);
      },
    );
    const entry = {
      key,
      done: done.finally(() => {
        if (this.running.get(stage) === entry) this.running.delete(stage);
      }),
    };
    this.running.set(stage, entry);
  }

  /**
   * Starts the helper worker if need be and settles once it answers, or after `capMs`. A worker's
   * own worker loads only while its parent's event loop turns: started just before a long
   * synchronous stage, it began 2 s late on H2020 (after two Louvain runs), so the analysis worker
   * waits for it first.
   */
  ready(capMs = 3000): Promise<void> {
    if (this.broken) return Promise.resolve();
    if (!this.started) {
      const answered = this.ensureClient()
        .call('ready', null)
        .then(
          () => undefined,
          () => undefined,
        );
      this.started = Promise.race([answered, new Promise<void>((resolve) => setTimeout(resolve, capMs))]);
    }
    return this.started;
  }

  /**
   * Starts Louvain runs on the helper (communities.ts `LouvainElsewhere`): the poll gives their
   * labels once done, or 'failed' when the helper cannot do them (then the caller runs them).
   */
  readonly louvainElsewhere: LouvainElsewhere = (edges, seeds, options) => {
    if (this.broken) return () => 'failed';
    let outcome: Int32Array[] | 'failed' | null = null;
    this.louvainPending++;
    // The edges are the network's own arrays in the first round: copied, not transferred.
    this.ensureClient()
      .call('louvain', { edges, seeds: [...seeds], ...options })
      .then(
        (labels) => (outcome = labels),
        () => (outcome = 'failed'),
      )
      .finally(() => this.louvainPending--);
    return () => outcome;
  };

  /** Stops everything the helper is doing. A stage in progress cannot hear a cancel: the worker is ended. */
  stop(): void {
    this.client?.dispose();
    this.client = null;
    this.started = null;
    this.viewId = null;
    this.running.clear();
  }

  private ensureClient(): RpcClient<StageHelperProtocol> {
    if (this.client) return this.client;
    const endpoint = this.spawn();
    const client = new RpcClient<StageHelperProtocol>(endpoint);
    endpoint.onerror = () => {
      this.broken = true;
      client.failAll(new Error('The stage helper worker failed.'));
    };
    this.client = client;
    return client;
  }
}

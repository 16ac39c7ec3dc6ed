/**
 * One typed protocol for every worker (import, layout, analysis): a call carries a method name and
 * parameters; the worker answers with any number of progress messages, then a result or an error.
 * A call can be cancelled; the worker's handler sees it through an AbortSignal.
 *
 * A protocol is a type: `{ method: { params; result; progress } }`. The same `serve` runs in a
 * web worker, and in-process in tests and on the command line (`inProcessPair`).
 */

export interface MethodSpec {
  params: unknown;
  result: unknown;
  progress: unknown;
}
/** A protocol: every method name maps to its spec (checked per method, no index signature). */
export type ProtocolSpec<P> = { [K in keyof P]: MethodSpec };

type Wire =
  | { t: 'call'; id: number; method: string; params: unknown }
  | { t: 'cancel'; id: number }
  | { t: 'progress'; id: number; value: unknown }
  | { t: 'done'; id: number; value: unknown }
  | { t: 'fail'; id: number; error: WireError };

interface WireError {
  name: string;
  message: string;
  /** Structured details (e.g. the activities that make a network too large). */
  data?: unknown;
}

/** What both a Worker and a worker's global scope offer. */
export interface Endpoint {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

/** A value sent with the given buffers transferred instead of copied. */
export class Transfer<T> {
  constructor(
    readonly value: T,
    readonly buffers: Transferable[],
  ) {}
}

export function transfer<T>(value: T, buffers: Transferable[]): T {
  return new Transfer(value, buffers) as unknown as T;
}

function unwrap(value: unknown): [unknown, Transferable[]] {
  return value instanceof Transfer ? [value.value, value.buffers] : [value, []];
}

/** The error a caller sees when the worker failed; `data` carries the worker's details. */
export class RemoteError extends Error {
  constructor(
    name: string,
    message: string,
    readonly data?: unknown,
  ) {
    super(message);
    this.name = name;
  }
}

export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}

export interface CallContext<Progress> {
  progress(value: Progress): void;
  readonly signal: AbortSignal;
}

export type Handlers<P extends ProtocolSpec<P>> = {
  [K in keyof P]: (params: P[K]['params'], context: CallContext<P[K]['progress']>) => Promise<P[K]['result']> | P[K]['result'];
};

/** Answers calls on an endpoint (inside a worker: `serve(self, handlers)`). */
export function serve<P extends ProtocolSpec<P>>(endpoint: Endpoint, handlers: Handlers<P>): () => void {
  const running = new Map<number, AbortController>();
  const post = (message: Wire, value?: unknown) => {
    const [, buffers] = unwrap(value);
    endpoint.postMessage(message, buffers);
  };
  const listener = async (event: MessageEvent) => {
    const message = event.data as Wire;
    if (message.t === 'cancel') {
      running.get(message.id)?.abort();
      return;
    }
    if (message.t !== 'call') return;
    const { id, method, params } = message;
    const controller = new AbortController();
    running.set(id, controller);
    const context: CallContext<unknown> = {
      progress: (value) => {
        if (controller.signal.aborted) return;
        const [plain] = unwrap(value);
        post({ t: 'progress', id, value: plain }, value);
      },
      signal: controller.signal,
    };
    try {
      const handler = handlers[method as keyof P] as ((p: unknown, c: CallContext<unknown>) => unknown) | undefined;
      if (!handler) throw new Error(`Unknown method ${method}.`);
      const result = await handler(params, context);
      const [plain] = unwrap(result);
      post({ t: 'done', id, value: plain }, result);
    } catch (e) {
      const error = e instanceof Error ? e : new Error(String(e));
      const data = (error as { data?: unknown }).data;
      post({ t: 'fail', id, error: { name: controller.signal.aborted ? 'CancelledError' : error.name, message: error.message, ...(data !== undefined ? { data } : {}) } });
    } finally {
      running.delete(id);
    }
  };
  endpoint.addEventListener('message', listener as (event: MessageEvent) => void);
  return () => endpoint.removeEventListener('message', listener as (event: MessageEvent) => void);
}

export interface CallOptions<Progress> {
  onProgress?: (value: Progress) => void;
  signal?: AbortSignal;
  transfer?: Transferable[];
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  onProgress?: (value: unknown) => void;
}

/** Calls a worker. `dispose` rejects what is pending and stops listening. */
export class RpcClient<P extends ProtocolSpec<P>> {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listener = (event: MessageEvent) => this.receive(event.data as Wire);
  private disposed = false;

  constructor(private readonly endpoint: Endpoint & { terminate?(): void }) {
    endpoint.addEventListener('message', this.listener);
  }

  call<K extends keyof P & string>(method: K, params: P[K]['params'], options: CallOptions<P[K]['progress']> = {}): Promise<P[K]['result']> {
    if (this.disposed) return Promise.reject(new CancelledError());
    const id = this.nextId++;
    return new Promise<P[K]['result']>((resolve, reject) => {
      if (options.signal?.aborted) {
        reject(new CancelledError());
        return;
      }
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, onProgress: options.onProgress as ((v: unknown) => void) | undefined });
      options.signal?.addEventListener('abort', () => {
        if (!this.pending.has(id)) return;
        this.pending.delete(id);
        this.endpoint.postMessage({ t: 'cancel', id } satisfies Wire);
        reject(new CancelledError());
      });
      this.endpoint.postMessage({ t: 'call', id, method, params } satisfies Wire, options.transfer ?? []);
    });
  }

  /** Fails every pending call (e.g. when the worker itself crashed). */
  failAll(error: Error): void {
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
  }

  private receive(message: Wire) {
    if (message.t !== 'progress' && message.t !== 'done' && message.t !== 'fail') return;
    const p = this.pending.get(message.id);
    if (!p) return;
    if (message.t === 'progress') {
      p.onProgress?.(message.value);
      return;
    }
    this.pending.delete(message.id);
    if (message.t === 'done') p.resolve(message.value);
    else if (message.error.name === 'CancelledError') p.reject(new CancelledError());
    else p.reject(new RemoteError(message.error.name, message.error.message, message.error.data));
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.endpoint.removeEventListener('message', this.listener);
    this.failAll(new CancelledError());
    this.endpoint.terminate?.();
  }
}

/**
 * Two connected endpoints in one thread: `serve` one, `RpcClient` the other. Messages are
 * delivered asynchronously and structured-cloned, as between a page and its worker.
 */
export function inProcessPair(): [Endpoint & { terminate(): void }, Endpoint] {
  type Listener = (event: MessageEvent) => void;
  const make = () => ({ listeners: new Set<Listener>(), closed: false });
  const a = make();
  const b = make();
  const endpoint = (self: ReturnType<typeof make>, other: ReturnType<typeof make>) => ({
    postMessage(message: unknown, transfer: Transferable[] = []) {
      if (self.closed || other.closed) return;
      // Transferred buffers are detached on this side, as with a real worker.
      const copy = structuredClone(message, { transfer });
      setTimeout(() => {
        if (other.closed) return;
        for (const l of other.listeners) l({ data: copy } as MessageEvent);
      }, 0);
    },
    addEventListener(_type: 'message', l: Listener) {
      self.listeners.add(l);
    },
    removeEventListener(_type: 'message', l: Listener) {
      self.listeners.delete(l);
    },
    terminate() {
      self.closed = true;
      other.closed = true;
    },
  });
  return [endpoint(a, b), endpoint(b, a)];
}

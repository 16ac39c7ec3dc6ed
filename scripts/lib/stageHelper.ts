/**
 * A worker thread that runs analysis stages for the command line (Node only): `analyseDatasetConcurrently`
 * hands it the dependency-free stages (HELPER_STAGES) with the visible network's CSR and two-mode
 * data (copied once by structured clone), and runs the other stages on the main thread meanwhile.
 * The stages are the same pure functions (computeStage), so the results equal a single-threaded run.
 *
 * The worker is started early (`startStageHelper`) so that loading the TypeScript modules in it
 * overlaps with reading the files on the main thread. It first takes a share of the communities'
 * first-round Louvain runs (`louvain`), then HELPER_STAGES_AFTER_LOUVAIN: the split that keeps both
 * threads busy about equally long, with no step over 5 s on H2020.
 */
import { isMainThread, MessageChannel, parentPort, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { computeHelperStage, type StageHelper } from '../../src/analysis/index';
import { louvainRuns, type EdgeList } from '../../src/analysis/communities';
import type { StageData, StageName } from '../../src/analysis/stages';
import { answerGuessBatch, BatchedSectorGuesses, type GuessAnswer, type GuessBatch } from '../../src/data/sectorGuesses';
import type { SectorGuessSource } from '../../src/data/sectorInference';

interface Job {
  stages: StageName[];
  csr: Parameters<StageHelper['start']>[1];
  input: Parameters<StageHelper['start']>[2];
  context: Parameters<StageHelper['start']>[3];
  /** Also serialise the tie rows once the structure stage is done here or sent (see `tiesJson`). */
  tiesJson: boolean;
  /** Wait for a Louvain request (or its absence) before the stages. */
  louvainFirst: boolean;
}
/** Louvain runs of the communities' first round (communities.ts `louvainRuns`); null: there are none. */
type LouvainRequest = { louvain: { edges: EdgeList; seeds: number[]; resolution: number; shuffle: boolean } | null };
type LouvainReply = { labels: Int32Array[] } | { error: string };
type Reply =
  | { stage: StageName; data: StageData[StageName]; ms: number }
  | { stage: StageName; error: string }
  | { ties: Uint8Array<ArrayBuffer>[]; ms: number }
  | { ties: null; error: string };

/** Of the first round's Louvain runs, the share the helper takes before its own stages. */
export const HELPER_LOUVAIN_SHARE = 0.4;

export interface RunningHelper extends StageHelper {
  /**
   * The JSON text of the document's `ties` array in UTF-8, exactly as `JSON.stringify(result.ties)`
   * would write it (assemble.ts: visible ties in order, `{source, target, weight, bridge}`), made on
   * the helper thread after its stages while the main thread works on, and moved (not copied) to
   * the main thread in pieces; asked for with `wantTiesJson` before `start`.
   */
  tiesJson(): Promise<{ bytes: Uint8Array[]; ms: number }>;
  wantTiesJson(): void;
  /** Sector guesses made on the helper thread while this one reads the rows (`HelperSectorGuesses`). */
  sectorGuesses(): HelperSectorGuesses;
  /** Louvain runs the helper was asked to make (StageHelper.louvain). */
  louvainRunsTaken(): number;
  close(): Promise<void>;
}

export interface HelperSectorGuesses extends SectorGuessSource {
  /** Guesses taken from the helper thread, and those the builder made itself. */
  counts(): { taken: number; made: number };
  close(): void;
}

/**
 * Guesses on the helper thread (src/data/sectorGuesses.ts). The builder runs in one go (no
 * await), so the answers are read from their own port with receiveMessageOnPort, which takes
 * what has arrived without waiting.
 */
function helperSectorGuesses(worker: Worker): HelperSectorGuesses {
  const { port1, port2 } = new MessageChannel();
  worker.postMessage({ guessPort: port2 }, [port2]);
  const guesses: BatchedSectorGuesses = new BatchedSectorGuesses(
    (batch) => port1.postMessage(batch),
    () => {
      for (let m = receiveMessageOnPort(port1); m; m = receiveMessageOnPort(port1)) guesses.receive(m.message as GuessAnswer);
    },
  );
  return Object.assign(guesses, { close: () => port1.close() });
}

/** Starts the worker thread; `start` may be called once. */
export function startStageHelper(): RunningHelper {
  // Under tsx the worker loads this file through tsx (its entry point is not run through the loader
  // hooks); in the compiled command line (scripts/cli.mjs) this is the bundle, which it loads as is.
  const url = import.meta.url;
  const worker = url.endsWith('.ts')
    ? new Worker(`import('tsx/esm/api').then((api) => api.tsImport(${JSON.stringify(url)}, ${JSON.stringify(url)}))`, { eval: true })
    : new Worker(new URL(url));
  const waiting = new Map<StageName, { resolve: (r: { data: StageData[StageName]; ms: number }) => void; reject: (e: Error) => void }>();
  const failAll = (e: Error) => {
    for (const w of waiting.values()) w.reject(e);
    waiting.clear();
    ties?.reject(e);
  };
  let wantTies = false;
  let ties: { resolve: (r: { bytes: Uint8Array[]; ms: number }) => void; reject: (e: Error) => void } | null = null;
  const tiesPromise = new Promise<{ bytes: Uint8Array[]; ms: number }>((resolve, reject) => (ties = { resolve, reject }));
  tiesPromise.catch(() => undefined);
  worker.on('message', (reply: Reply) => {
    if ('ties' in reply) {
      if (reply.ties === null) ties!.reject(new Error(`Serialising the ties failed in the worker thread: ${reply.error}`));
      else ties!.resolve({ bytes: reply.ties, ms: reply.ms });
      return;
    }
    const w = waiting.get(reply.stage);
    if (!w) return;
    waiting.delete(reply.stage);
    if ('error' in reply) w.reject(new Error(`Stage ${reply.stage} failed in the worker thread: ${reply.error}`));
    else w.resolve({ data: reply.data, ms: reply.ms });
  });
  let stopped = false;
  worker.on('error', (e) => {
    stopped = true;
    failAll(e);
  });
  worker.on('exit', (code) => {
    stopped = true;
    failAll(new Error(`The analysis worker thread stopped (exit code ${code}).`));
  });
  // Louvain labels come back on a port of their own, read without waiting (the communities poll).
  const louvainReplies = new MessageChannel();
  let louvainRunsTaken = 0;
  worker.postMessage({ louvainPort: louvainReplies.port2 }, [louvainReplies.port2]);
  return {
    start(stages, csr, input, context) {
      const out = new Map<StageName, Promise<{ data: StageData[StageName]; ms: number }>>();
      for (const stage of stages) out.set(stage, new Promise((resolve, reject) => waiting.set(stage, { resolve, reject })));
      const job: Job = { stages: [...stages], csr, input, context, tiesJson: wantTies, louvainFirst: true };
      worker.postMessage(job);
      return out;
    },
    louvain: {
      share: HELPER_LOUVAIN_SHARE,
      elsewhere(edges, seeds, options) {
        louvainRunsTaken += seeds.length;
        worker.postMessage({ louvain: { edges, seeds: [...seeds], ...options } } satisfies LouvainRequest);
        let outcome: Int32Array[] | 'failed' | null = null;
        return () => {
          if (outcome !== null) return outcome;
          const reply = receiveMessageOnPort(louvainReplies.port1)?.message as LouvainReply | undefined;
          if (reply) outcome = 'labels' in reply ? reply.labels : 'failed';
          else if (stopped) outcome = 'failed';
          return outcome;
        };
      },
      none: () => worker.postMessage({ louvain: null } satisfies LouvainRequest),
    },
    computedHere(stage, data) {
      if (stage === 'structure' && wantTies) worker.postMessage({ bridges: (data as StageData['structure']).bridges });
    },
    wantTiesJson() {
      wantTies = true;
    },
    tiesJson() {
      return tiesPromise;
    },
    sectorGuesses: () => helperSectorGuesses(worker),
    louvainRunsTaken: () => louvainRunsTaken,
    async close() {
      louvainReplies.port1.close();
      await worker.terminate();
    },
  };
}

if (!isMainThread && parentPort) {
  const port = parentPort;
  let louvainReplies: MessagePort | null = null;
  /** A job waiting for the Louvain request; whether that request (or its absence) came. */
  let waitingJob: Job | null = null;
  let louvainSettled = false;
  /** The job whose tie rows are wanted, and the structure's bridges once known (here or sent). */
  let tiesJob: Job | null = null;
  let bridges: Int32Array | null = null;
  const writeTies = () => {
    if (!tiesJob || !bridges) return;
    const job = tiesJob;
    tiesJob = null;
    const t = performance.now();
    try {
      const pieces = tieRowsJson(job.csr, bridges);
      port.postMessage({ ties: pieces, ms: performance.now() - t } satisfies Reply, pieces.map((b) => b.buffer));
    } catch (e) {
      port.postMessage({ ties: null, error: String((e as Error)?.stack ?? e) } satisfies Reply);
    }
  };
  const runJob = (job: Job) => {
    const context = { incidence: () => job.context.incidence };
    for (const stage of job.stages) {
      const t = performance.now();
      try {
        const data = computeHelperStage(stage, job.csr, job.input, context);
        if (stage === 'structure') bridges = (data as StageData['structure']).bridges;
        port.postMessage({ stage, data, ms: performance.now() - t } satisfies Reply);
      } catch (e) {
        port.postMessage({ stage, error: String((e as Error)?.stack ?? e) } satisfies Reply);
      }
    }
    if (job.tiesJson) {
      tiesJob = job;
      writeTies();
    }
  };
  port.on('message', (message: Job | LouvainRequest | { guessPort: MessagePort } | { louvainPort: MessagePort } | { bridges: Int32Array }) => {
    if ('guessPort' in message) {
      const guesses = message.guessPort;
      guesses.on('message', (batch: GuessBatch) => guesses.postMessage(answerGuessBatch(batch)));
    } else if ('louvainPort' in message) {
      louvainReplies = message.louvainPort;
    } else if ('louvain' in message) {
      if (message.louvain) {
        const { edges, seeds, resolution, shuffle } = message.louvain;
        try {
          const labels = louvainRuns(edges, seeds, { resolution, shuffle });
          louvainReplies!.postMessage({ labels } satisfies LouvainReply, labels.map((l) => l.buffer as ArrayBuffer));
        } catch (e) {
          louvainReplies!.postMessage({ error: String((e as Error)?.stack ?? e) } satisfies LouvainReply);
        }
      }
      louvainSettled = true;
      if (waitingJob) {
        const job = waitingJob;
        waitingJob = null;
        runJob(job);
      }
    } else if ('bridges' in message) {
      bridges = message.bridges;
      writeTies();
    } else if (message.louvainFirst && !louvainSettled) waitingJob = message;
    else runJob(message);
  });
}

/**
 * `JSON.stringify(result.ties)` in UTF-8, without the row objects or their text: the visible
 * network's ties in order (the CSR's edge list is the visible ties in network order, with their
 * visible weight), each `{"source","target","weight","bridge"}` as assembleResult makes them; a tie
 * is a bridge when (source, target) is one of the structure stage's bridge pairs, in that order.
 * Each organisation's `{"source":<id>,"target":` and `<id>,"weight":` and each weight's
 * `<weight>,"bridge":<bool>}` are encoded once and copied byte by byte into buffers of a few MB
 * (on H2020 1.6 s as strings and then encoded; a few hundred ms this way).
 */
export function tieRowsJson(csr: Job['csr'], bridges: Int32Array): Uint8Array<ArrayBuffer>[] {
  const encoder = new TextEncoder();
  const n = csr.n;
  const bridge = new Set<number>();
  for (let b = 0; b < bridges.length; b += 2) bridge.add(bridges[b]! * n + bridges[b + 1]!);
  const asSource = csr.ids.map((id) => encoder.encode(`{"source":${JSON.stringify(id)},"target":`));
  const asTarget = csr.ids.map((id) => encoder.encode(`${JSON.stringify(id)},"weight":`));
  // Weights are mostly small whole numbers (shared activities): their endings are kept by index.
  const small: Uint8Array[] = [];
  const other = new Map<string, Uint8Array>();
  const encodeEnding = (weight: number, isBridge: boolean) => encoder.encode(`${JSON.stringify(weight)},"bridge":${isBridge}}`);
  const ending = (weight: number, isBridge: boolean) => {
    if (Number.isInteger(weight) && weight >= 0 && weight < 1024) {
      const k = 2 * weight + (isBridge ? 1 : 0);
      return (small[k] ??= encodeEnding(weight, isBridge));
    }
    const key = `${weight} ${isBridge}`;
    let bytes = other.get(key);
    if (!bytes) other.set(key, (bytes = encodeEnding(weight, isBridge)));
    return bytes;
  };
  const CHUNK = 1 << 22;
  const parts: Uint8Array<ArrayBuffer>[] = [];
  let buffer = new Uint8Array(CHUNK);
  let at = 0;
  const put = (bytes: Uint8Array) => {
    if (at + bytes.length > buffer.length) {
      parts.push(buffer.subarray(0, at));
      buffer = new Uint8Array(Math.max(CHUNK, bytes.length));
      at = 0;
    }
    // Most pieces are a few dozen bytes: a loop copies them faster than set() is called.
    for (let k = 0; k < bytes.length; k++) buffer[at++] = bytes[k]!;
  };
  const open = encoder.encode('[');
  const comma = encoder.encode(',');
  put(open);
  for (let e = 0; e < csr.m; e++) {
    const u = csr.edgeU[e]!;
    const v = csr.edgeV[e]!;
    if (e > 0) put(comma);
    put(asSource[u]!);
    put(asTarget[v]!);
    put(ending(csr.edgeW[e]!, bridge.has(u * n + v)));
  }
  put(encoder.encode(']'));
  parts.push(buffer.subarray(0, at));
  return parts;
}

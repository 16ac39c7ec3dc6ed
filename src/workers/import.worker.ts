/// <reference lib="webworker" />
import { importHandlers, type GuessWorker } from './importHandlers';
import { serve } from './rpc';
import type { ImportProtocol } from './protocols';

/**
 * From this many rows (and on two cores or more) the sector guesses are made on a worker of their
 * own while the rows are read: on H2020 (145,000 rows) they are about a fifth of the build.
 */
const GUESS_WORKER_MIN_ROWS = 20_000;

function guessWorker(rows: number): GuessWorker | null {
  if (rows < GUESS_WORKER_MIN_ROWS || navigator.hardwareConcurrency < 2) return null;
  const worker = new Worker(new URL('./sectorGuess.worker.ts', import.meta.url), { type: 'module' });
  // A worker that fails to load answers nothing: the build makes every guess itself.
  worker.addEventListener('error', (event) => event.preventDefault());
  return worker;
}

/** Reads and builds imports off the main thread (see importHandlers.ts). */
serve<ImportProtocol>(self as unknown as DedicatedWorkerGlobalScope, importHandlers(undefined, { guessWorker }));

/// <reference lib="webworker" />
import { answerGuessBatch, type GuessBatch } from '../data/sectorGuesses';

/** Makes the import worker's sector guesses while it reads the rows (src/data/sectorGuesses.ts). */
const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (event: MessageEvent<GuessBatch>) => scope.postMessage(answerGuessBatch(event.data));

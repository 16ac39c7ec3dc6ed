/**
 * Sector guesses made on another thread while an import reads its rows (the command line's helper
 * thread; in the browser a guess worker gave no measurable gain, see README): the builder offers
 * each organisation that will need a guess, batches go to the other thread, and the answers come
 * back while the rows are still being read. `inferOrganisationSector` depends on the name and
 * type only, so an answer is the guess the builder would make; what has not arrived is made by
 * the builder (see SectorGuessSource).
 */
import { inferOrganisationSector, type SectorGuess, type SectorGuessSource, type TypeHint } from './sectorInference';

/**
 * Names sent to the other thread at a time. A last, smaller batch is never sent: by then the rows
 * are nearly read, and the builder makes those guesses sooner than an answer would come.
 */
export const GUESS_BATCH = 1_000;

export interface GuessBatch {
  batch: number;
  names: string[];
  types: (TypeHint | undefined)[];
}

export interface GuessAnswer {
  batch: number;
  guesses: SectorGuess[];
}

/** What the other thread does with a batch. */
export function answerGuessBatch({ batch, names, types }: GuessBatch): GuessAnswer {
  return { batch, guesses: names.map((name, i) => inferOrganisationSector(name, types[i])) };
}

export class BatchedSectorGuesses implements SectorGuessSource {
  private names: string[] = [];
  private types: (TypeHint | undefined)[] = [];
  private keys: string[] = [];
  /** Keys of the batches sent and not yet answered. */
  private readonly awaited = new Map<number, string[]>();
  private readonly answers = new Map<string, SectorGuess>();
  private batches = 0;
  private taken = 0;
  private made = 0;

  /**
   * `send` posts a batch to the other thread; `collect`, if given, hands over the answers that
   * have arrived (`receive` each) when a take finds none: a builder that runs in one go cannot
   * hear them as events.
   */
  constructor(
    private readonly send: (batch: GuessBatch) => void,
    private readonly collect?: () => void,
  ) {}

  offer(name: string, type: TypeHint | undefined): void {
    this.names.push(name);
    this.types.push(type);
    this.keys.push(keyOf(name, type));
    if (this.names.length < GUESS_BATCH) return;
    // Awaited before it is sent: an answer may come back at once.
    this.awaited.set(this.batches, this.keys);
    this.send({ batch: this.batches++, names: this.names, types: this.types });
    this.names = [];
    this.types = [];
    this.keys = [];
  }

  take(name: string, type: TypeHint | undefined): SectorGuess | undefined {
    const key = keyOf(name, type);
    if (!this.answers.has(key) && this.awaited.size) this.collect?.();
    const guess = this.answers.get(key);
    if (guess) this.taken++;
    else this.made++;
    return guess;
  }

  /** An answer from the other thread. */
  receive({ batch, guesses }: GuessAnswer): void {
    this.awaited.get(batch)?.forEach((key, i) => this.answers.set(key, guesses[i]!));
    this.awaited.delete(batch);
  }

  /** Guesses taken from the other thread, and those the builder made itself. */
  counts(): { taken: number; made: number } {
    return { taken: this.taken, made: this.made };
  }
}

/**
 * Name and type as one collision-free key (a type label is file content: any string). The first
 * character tells the two forms apart; most organisations have no type, and their key is only a
 * prefixed name (JSON for every one of them took 80 ms of H2020's import).
 */
const keyOf = (name: string, type: TypeHint | undefined) => (type ? `t${JSON.stringify([name, type.label, type.registry, type.fallback])}` : `n${name}`);

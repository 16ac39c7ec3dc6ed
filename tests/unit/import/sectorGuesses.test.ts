import { describe, expect, it } from 'vitest';
import { importFiles, planMappings } from '../../../src/data/import/pipeline';
import { answerGuessBatch, type GuessAnswer, type GuessBatch } from '../../../src/data/sectorGuesses';
import { inferOrganisationSector, type SectorGuess, type SectorGuessSource, type TypeHint } from '../../../src/data/sectorInference';
import { createWorkerEngine } from '../../../src/ui/import/engine';
import { importHandlers, type GuessWorker } from '../../../src/workers/importHandlers';
import type { ImportProtocol } from '../../../src/workers/protocols';
import { inProcessPair, serve } from '../../../src/workers/rpc';
import { cordis } from './helpers';

/** The real CORDIS SC1 files (data/cordis-h2020): names and CORDIS activity types to guess from. */
const FILES = () => [cordis('sc1_nl_projects.csv'), cordis('sc1_nl_participations.csv')];

/** A source that answers every offer as the builder would, and records what it was offered and asked. */
function honestSource(answer: (name: string, type: TypeHint | undefined) => SectorGuess | undefined = inferOrganisationSector) {
  const offered = new Map<string, SectorGuess | undefined>();
  const key = (name: string, type: TypeHint | undefined) => JSON.stringify([name, type]);
  const asked: string[] = [];
  const source: SectorGuessSource = {
    offer: (name, type) => void offered.set(key(name, type), answer(name, type)),
    take: (name, type) => {
      asked.push(name);
      return offered.get(key(name, type));
    },
  };
  return { source, offered, asked };
}

describe('sector guesses made elsewhere while the rows are read (the command line\'s second thread)', () => {
  it('builds the same dataset and report with them as without', async () => {
    const alone = (await importFiles(FILES())).outcome;
    const { source, offered, asked } = honestSource();
    const helped = (await importFiles(FILES(), { sectorGuesses: source })).outcome;
    expect(helped.dataset).toEqual(alone.dataset);
    expect(helped.report).toEqual(alone.report);
    // Every organisation whose sector is inferred was offered first, with the name it is inferred from.
    const inferred = alone.dataset.organisations.filter((o) => o.sectorInferred);
    expect(inferred.length).toBeGreaterThan(500);
    expect(asked.length).toBe(inferred.length);
    expect(offered.size).toBeGreaterThanOrEqual(new Set(inferred.map((o) => o.name)).size);
  }, 60_000);

  it('uses a guess that has arrived, and makes the ones that have not', async () => {
    const alone = (await importFiles(FILES())).outcome;
    const first = alone.dataset.organisations.find((o) => o.sectorInferred && o.sector !== 'finance')!;
    const second = alone.dataset.organisations.find((o) => o.sectorInferred && o.id !== first.id)!;
    // Only the first organisation's guess "arrives" (a marked one); the second's never does.
    const marked: SectorGuess = { sector: 'finance', reason: 'name:fund', why: 'made elsewhere' };
    const { source } = honestSource((name, type) => (name === first.name ? marked : name === second.name ? undefined : inferOrganisationSector(name, type)));
    const helped = (await importFiles(FILES(), { sectorGuesses: source })).outcome;
    const byId = new Map(helped.dataset.organisations.map((o) => [o.id, o]));
    expect(byId.get(first.id)).toMatchObject({ sector: 'finance', sectorReason: 'name:fund' });
    expect(byId.get(second.id)).toMatchObject({ sector: second.sector, sectorReason: second.sectorReason });
  }, 60_000);
});

/**
 * A guess worker in this thread: it answers each batch a task later, as a worker's message would
 * come, or at once (`now`), as a worker would whose answer has arrived by the next chunk of rows.
 */
function fakeGuessWorker(answer: (batch: GuessBatch) => GuessAnswer = answerGuessBatch, now = false) {
  const target = new EventTarget();
  const stats = { batches: 0, terminated: false, rows: 0 };
  const worker: GuessWorker = {
    postMessage(batch) {
      stats.batches++;
      const reply = () => target.dispatchEvent(new MessageEvent('message', { data: answer(batch) }));
      if (now) reply();
      else setTimeout(reply);
    },
    addEventListener: (type, listener) => target.addEventListener(type, listener as EventListener),
    terminate: () => void (stats.terminated = true),
  };
  return { worker, stats };
}

/** The import worker's read, build and take of the SC1 files, with or without a guess worker. */
async function importThroughWorker(guessWorker?: GuessWorker) {
  const [page, workerSide] = inProcessPair();
  const rows: number[] = [];
  serve<ImportProtocol>(workerSide, importHandlers(undefined, guessWorker ? { guessWorker: (n) => (rows.push(n), guessWorker) } : {}));
  const engine = createWorkerEngine(() => page);
  const summaries = await engine.read(FILES(), () => {}).result;
  if (summaries === 'cancelled') throw new Error('cancelled');
  const plans = planMappings(summaries);
  const built = await engine.build({ datasetName: 'sc1', mappings: new Map(plans.map((p) => [p.table.id, p.mapping])) }, () => {}).result;
  if (built === 'cancelled') throw new Error('cancelled');
  const taken = await engine.take([]);
  engine.dispose();
  return { dataset: taken.dataset, report: taken.report, rows };
}

describe("the import worker's guess worker", () => {
  it('gives the same dataset and report, and is ended with the build', async () => {
    const alone = await importThroughWorker();
    const { worker, stats } = fakeGuessWorker();
    const helped = await importThroughWorker(worker);
    expect(helped.dataset).toEqual(alone.dataset);
    expect(helped.report).toEqual(alone.report);
    // It was asked with the rows read (participations and projects), sent batches, and ended.
    expect(helped.rows).toEqual([helped.report.rowsRead]);
    expect(stats.batches).toBeGreaterThanOrEqual(2);
    expect(stats.terminated).toBe(true);
  }, 60_000);

  it('has its answers used when they have arrived', async () => {
    const marked = (batch: GuessBatch): GuessAnswer => ({ batch: batch.batch, guesses: batch.names.map(() => ({ sector: 'finance', reason: 'name:fund', why: 'made elsewhere' })) });
    const { worker } = fakeGuessWorker(marked, true);
    const { dataset } = await importThroughWorker(worker);
    // Two full batches (2,000 of SC1's 2,757 organisations) were sent and answered; the rest were guessed here.
    expect(dataset.organisations.filter((o) => o.sectorReason === 'name:fund' && o.sector === 'finance').length).toBe(2_000);
  }, 60_000);
});

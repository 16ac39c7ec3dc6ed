import { describe, expect, it } from 'vitest';
import { importFiles } from '../../../src/data/import/pipeline';
import { BatchedSectorGuesses, GUESS_BATCH, type GuessAnswer } from '../../../src/data/sectorGuesses';
import { inferOrganisationSector, type SectorGuess, type SectorGuessSource, type TypeHint } from '../../../src/data/sectorInference';
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


describe('BatchedSectorGuesses', () => {
  it('sends full batches, uses the answers that came back (also at once) and leaves the rest to the builder', () => {
    const sent: number[] = [];
    const guesses: BatchedSectorGuesses = new BatchedSectorGuesses((batch) => {
      sent.push(batch.names.length);
      // The first batch is answered at once (as an answer may be), the second never.
      if (batch.batch === 0) guesses.receive({ batch: 0, guesses: batch.names.map((n, i) => inferOrganisationSector(n, batch.types[i])) } satisfies GuessAnswer);
    });
    const names = Array.from({ length: 2 * GUESS_BATCH + 10 }, (_, i) => (i % 2 ? `Zorggroep ${i}` : `Techbedrijf ${i} B.V.`));
    const hes: TypeHint = { label: 'HES', registry: 'knowledge' };
    for (const name of names) guesses.offer(name, name.startsWith('Zorg') ? hes : undefined);
    expect(sent).toEqual([GUESS_BATCH, GUESS_BATCH]);
    expect(guesses.take(names[1]!, hes)).toEqual(inferOrganisationSector(names[1]!, hes));
    // The same name with another type is another question.
    expect(guesses.take(names[1]!, undefined)).toBeUndefined();
    expect(guesses.take(names[GUESS_BATCH + 1]!, hes)).toBeUndefined();
    expect(guesses.take(names[2 * GUESS_BATCH + 1]!, hes)).toBeUndefined();
    expect(guesses.counts()).toEqual({ taken: 1, made: 3 });
  });
});

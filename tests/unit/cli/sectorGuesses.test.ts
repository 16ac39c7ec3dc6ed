import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { inferOrganisationSector, type TypeHint } from '../../../src/data/sectorInference';
import { lookupOrganisationType, typeHint } from '../../../src/data/sectorVocabularies';
import { startStageHelper } from '../../../scripts/lib/stageHelper';

const CORDIS = join(__dirname, '../../../data/cordis-h2020');

describe("the command line's helper thread guesses sectors while the rows are read", () => {
  it('answers a batch of offers with the guesses this thread would make; what was not offered is left to the builder', async () => {
    const rows = Papa.parse<Record<string, string>>(readFileSync(join(CORDIS, 'sc1_nl_participations.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
    const seen = new Set<string>();
    const offers: [string, TypeHint | undefined][] = [];
    for (const row of rows) {
      const name = row['organisation_name'] ?? '';
      if (!name || seen.has(name)) continue;
      seen.add(name);
      // The type as the builder reads it: CORDIS PRC is a fallback (company), HES a registry class.
      const entry = lookupOrganisationType(row['activity_type'] ?? '');
      offers.push([name, entry && !entry.sector ? typeHint(entry, row['activity_type']!) : undefined]);
    }
    // A batch is 1,000 offers: the first thousand go to the thread, the rest stay here.
    expect(offers.length).toBeGreaterThan(1_000);
    expect(offers.some(([, type]) => type !== undefined)).toBe(true);
    const helper = startStageHelper();
    try {
      const guesses = helper.sectorGuesses();
      for (const [name, type] of offers) guesses.offer(name, type);
      // The answers arrive when the thread has loaded and guessed; a take never waits for them.
      const [firstName, firstType] = offers[0]!;
      const deadline = Date.now() + 60_000;
      while (!guesses.take(firstName, firstType) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      for (const [name, type] of offers.slice(0, 1_000)) expect(guesses.take(name, type)).toEqual(inferOrganisationSector(name, type));
      for (const [name, type] of offers.slice(1_000, 1_010)) expect(guesses.take(name, type)).toBeUndefined();
      // The same name with another type is another question.
      expect(guesses.take(firstName, { label: 'HES', registry: 'knowledge' })).toBeUndefined();
      const { taken, made } = guesses.counts();
      expect(taken).toBe(1_001);
      expect(made).toBeGreaterThanOrEqual(11);
      guesses.close();
    } finally {
      await helper.close();
    }
  }, 90_000);
});

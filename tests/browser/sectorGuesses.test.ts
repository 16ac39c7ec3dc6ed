import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../src/data/import/pipeline';
import { SECTORS } from '../../src/data/sectors';
import { browserSession, openApp } from './setup/browser';

/**
 * The import worker's guess worker in the real browser (production build): a file of 24,000 rows
 * without a sector column starts it, and the sectors the app shows are the ones the import
 * pipeline infers on its own (in Node, without any worker).
 */
const session = browserSession({ width: 1440, height: 900 });

const KINDS = ['Universiteit', 'Zorggroep', 'Gemeente', 'Stichting', 'Ziekenhuis', 'Fonds', 'Cliëntenraad', 'Netwerk', 'Hogeschool', 'Huisartsenpraktijk'];
const dir = mkdtempSync(join(tmpdir(), 'bruggen-guesses-'));
const file = join(dir, 'participations-guesses.csv');
const rows: string[][] = [];
let seed = 11;
const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
const nameOf = (o: number) => (o % 7 === 0 ? `Techbedrijf ${o} B.V.` : `${KINDS[o % KINDS.length]} ${o}`);
for (let a = 0; a < 6_000; a++) {
  const members = new Set<number>();
  while (members.size < 4) members.add(Math.floor(rnd() * 8_000));
  for (const o of members) rows.push([`A${a}`, `Activiteit ${a}`, nameOf(o)]);
}
writeFileSync(file, Papa.unparse({ fields: ['activity_id', 'activity_title', 'organisation'], data: rows }, { newline: '\n' }) + '\n');

describe('sector guesses on a worker of their own while the rows are read', () => {
  it('starts for a large file and gives the sectors the import gives without it', async () => {
    const { outcome } = await importFiles([{ name: 'participations-guesses.csv', blob: new Blob([readFileSync(file)]) }]);
    const expected: Record<string, number> = {};
    for (const s of SECTORS) expected[s] = 0;
    for (const o of outcome.dataset.organisations) expected[o.sector]!++;
    // Several sectors are guessed, not one for all.
    expect(Object.values(expected).filter((n) => n > 0).length).toBeGreaterThanOrEqual(5);

    const page = session.page;
    const workers: string[] = [];
    page.on('worker', (w) => workers.push(w.url()));
    await openApp(page);
    await page.getByTestId('open-data').click();
    await page.getByTestId('import-panel').locator('input[type=file]').setInputFiles([file]);
    await page.getByTestId('import-confirm').click({ timeout: 120_000 });
    // Both numbers with the thousands separator ("7.580 van 7.580 organisaties").
    const organisations = outcome.dataset.organisations.length.toLocaleString('nl-NL');
    await expect.poll(() => page.getByTestId('filter-counts').textContent(), { timeout: 120_000 }).toContain(`${organisations} van ${organisations} organisaties`);
    // A worker's workers are the page's too (Chromium reports them to the DevTools protocol).
    expect(workers.some((url) => url.includes('sectorGuess.worker'))).toBe(true);
    const shown: Record<string, number> = {};
    for (const s of SECTORS) {
      const text = await page.getByTestId(`filter-sector-${s}`).locator('xpath=..').locator('.facet-count').textContent();
      shown[s] = Number(text!.replace(/[^\d]/g, ''));
    }
    expect(shown).toEqual(expected);
    expect(session.foreign).toEqual([]);
  }, 240_000);
});

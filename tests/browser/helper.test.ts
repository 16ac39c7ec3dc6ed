import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { HELPER_MIN_TIES } from '../../src/analysis/index';
import { importFiles } from '../../src/data/import/pipeline';
import { buildNetwork } from '../../src/graph/network';
import { DEFAULT_PROJECTION_RULES } from '../../src/graph/projection';
import { analysisReady, browserSession, openApp } from './setup/browser';

/**
 * The stage helper in the real browser (production build): on a machine with cores to spare the
 * analysis worker starts a second worker for half the communities' Louvain runs and for
 * betweenness, structure and bridges, and the page shows the same analysis as with one worker. Chromium's cores are set through the DevTools protocol
 * (the page reads them and tells the analysis worker when it loads a dataset).
 */
const session = browserSession({ width: 1440, height: 900 });

// 400 activities of 12 of 1,000 organisations: about 26,000 ties, above HELPER_MIN_TIES.
const dir = mkdtempSync(join(tmpdir(), 'bruggen-helper-'));
const file = join(dir, 'participations-helper.csv');
const rows: string[][] = [];
let seed = 7;
const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
for (let a = 0; a < 400; a++) {
  const members = new Set<number>();
  while (members.size < 12) members.add(Math.floor(rnd() * 1000));
  for (const o of members) rows.push([`A${a}`, `Activiteit ${a}`, `O${o}`, `Organisatie ${o}`, ['tech', 'care', 'government', 'knowledge'][o % 4]!, String(2016 + (a % 6))]);
}
writeFileSync(file, Papa.unparse({ fields: ['activity_id', 'activity_title', 'organisation_id', 'organisation', 'sector', 'start_year'], data: rows }, { newline: '\n' }) + '\n');

/** Imports the file at `cores` cores; the texts of the tables and missing-bridges views, and whether the helper worker ran. */
async function analysedAt(page: Page, cores: number, counts: string) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setHardwareConcurrencyOverride', { hardwareConcurrency: cores });
  await openApp(page);
  expect(await page.evaluate(() => navigator.hardwareConcurrency)).toBe(cores);
  await page.getByTestId('open-data').click();
  await page.getByTestId('import-panel').locator('input[type=file]').setInputFiles([file]);
  await page.getByTestId('import-confirm').click({ timeout: 60_000 });
  await expect.poll(() => page.getByTestId('counts').textContent(), { timeout: 60_000 }).toBe(counts);
  // The map's toolbar says when every stage is done.
  await analysisReady(page);
  const texts: string[] = [];
  for (const view of ['tables', 'bridges']) {
    await page.getByTestId(`tab-${view}`).click();
    await page.getByTestId(`view-${view}`).waitFor();
    // A table shows the rows that fit once it has measured its height (until then, a fallback's).
    await expect.poll(() => page.locator(`[data-testid="view-${view}"] .dt-scroll:not([data-measured])`).count(), { timeout: 15_000 }).toBe(0);
    texts.push(await page.getByTestId(`view-${view}`).innerText());
  }
  // A worker's workers are the page's too (Chromium reports them to the DevTools protocol).
  return { texts, helperLoaded: page.workers().some((w) => w.url().includes('stageHelper.worker')) };
}

describe('the stage helper worker', () => {
  it('is started with cores to spare and gives the same analysis as one worker on one core', async () => {
    const { outcome } = await importFiles([{ name: 'participations-helper.csv', blob: new Blob([readFileSync(file)]) }]);
    const ties = buildNetwork(outcome.dataset, DEFAULT_PROJECTION_RULES).projection.ties.m;
    expect(ties).toBeGreaterThan(HELPER_MIN_TIES);
    const nl = (n: number) => new Intl.NumberFormat('nl-NL').format(n);
    const counts = `${nl(outcome.dataset.organisations.length)} organisaties · ${nl(outcome.dataset.activities.length)} activiteiten · ${nl(ties)} verbindingen`;
    const four = await analysedAt(session.page, 4, counts);
    expect(four.helperLoaded).toBe(true);
    // The same viewport: the tables show the rows that fit.
    const page = await session.page.context().browser()!.newPage({ viewport: session.page.viewportSize() });
    const one = await analysedAt(page, 1, counts);
    expect(one.helperLoaded).toBe(false);
    expect(four.texts).toEqual(one.texts);
    expect(four.texts[0]).toContain('Organisatie');
    await page.close();
  }, 240_000);
});

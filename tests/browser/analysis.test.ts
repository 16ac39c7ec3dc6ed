import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { analyseNetwork } from '../../src/analysis';
import { baseUrl, launchBrowser, openApp, watchForeignRequests } from './setup/browser';
import { network } from './setup/denHaag';

const ARTEFACTS = 'test-results/screenshots';
let browser: Browser;
let page: Page;
let foreign: ReturnType<typeof watchForeignRequests>;

beforeAll(async () => {
  mkdirSync(ARTEFACTS, { recursive: true });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  page = await context.newPage();
  foreign = watchForeignRequests(page);
});

const ready = () => page.getByTestId('analysis-ready').waitFor({ state: 'attached', timeout: 30_000 });

/** Which nodes sigma currently draws dimmed (grey) versus in colour. */
async function dimmed(ids: string[]): Promise<Record<string, boolean>> {
  return page.evaluate((nodes) => {
    const w = window as unknown as { __bruggen: { sigma: { getNodeDisplayData(n: string): { color: string } | undefined } } };
    return Object.fromEntries(nodes.map((n) => [n, w.__bruggen.sigma.getNodeDisplayData(n)?.color === '#e3e5e9']));
  }, ids);
}

describe('missing bridges', () => {
  it('shows the heatmap with missing target-sector cells, and suggested ties on the map', async () => {
    await openApp(page, '?view=bridges');
    await page.getByTestId('missing-bridges').waitFor({ timeout: 30_000 });
    const reference = analyseNetwork(network);
    const missing = reference.mixing.targetPairs.filter((p) => p.missing);
    expect(missing.length).toBeGreaterThan(0);
    for (const p of missing) {
      const cell = page.getByTestId(`mixing-cell-${p.a}-${p.b}`);
      await expect(cell.getAttribute('data-missing')).resolves.toBe('true');
    }
    const findings = await page.getByTestId('findings').textContent();
    expect(findings).toContain('ontbrekende brug');
    // Suggested ties are listed, and hovering one reveals its reason on the map.
    const row = page.getByTestId('suggestion-row').first();
    await row.hover();
    const box = (await page.getByTestId('graph-canvas').boundingBox())!;
    const [source, target] = await Promise.all([row.getAttribute('data-source'), row.getAttribute('data-target')]);
    const middle = await page.evaluate(
      ([a, b]) => {
        const w = window as unknown as { __bruggen: { sigma: { getNodeDisplayData(n: string): { x: number; y: number }; framedGraphToViewport(p: { x: number; y: number }): { x: number; y: number } } } };
        const s = w.__bruggen.sigma;
        const p = s.framedGraphToViewport(s.getNodeDisplayData(a!));
        const q = s.framedGraphToViewport(s.getNodeDisplayData(b!));
        return { x: (p.x + q.x) / 2, y: (p.y + q.y) / 2 };
      },
      [source, target],
    );
    await page.mouse.move(box.x + middle.x, box.y + middle.y);
    await expect.poll(() => page.getByTestId('suggestion-tooltip').textContent()).toContain('Voorgestelde band');
    await page.screenshot({ path: `${ARTEFACTS}/missing-bridges.png` });
  });

  it('zooms to and highlights a cluster that lacks a target sector when clicked', async () => {
    await openApp(page, '?view=bridges');
    await page.getByTestId('lacking-clusters').waitFor({ timeout: 30_000 });
    const first = page.locator('[data-testid^="cluster-select-community-"]').first();
    const id = Number((await first.getAttribute('data-testid'))!.split('-').pop());
    await first.click();
    const reference = analyseNetwork(network);
    const members = reference.organisations.filter((r) => r.community === id).map((r) => r.id);
    const outsider = reference.organisations.find((r) => r.community !== id && r.degree > 0)!.id;
    await expect.poll(async () => Object.values(await dimmed(members)).every((d) => !d)).toBe(true);
    expect((await dimmed([outsider]))[outsider]).toBe(true);
    await page.screenshot({ path: `${ARTEFACTS}/cluster-highlight.png` });
    expect(foreign).toEqual([]);
  });
});

describe('conveners', () => {
  for (const k of [1, 5]) {
    it(`chooses k=${k} conveners, highlights them and explains each`, async () => {
      await openApp(page, `?view=conveners&k=${k}`);
      await page.getByTestId('conveners-panel').waitFor({ timeout: 30_000 });
      await ready();
      const picks = page.getByTestId('convener-pick');
      await expect.poll(() => picks.count()).toBe(k);
      const expected = analyseNetwork(network, { k }).conveners.picks;
      const ids = await picks.evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
      expect(ids).toEqual(expected.map((p) => p.id));
      const text = await page.getByTestId('conveners-picks').textContent();
      // The panel capitalises the sentence.
      const sentence = expected[0]!.sentence.nl;
      expect(text).toContain(sentence.charAt(0).toUpperCase() + sentence.slice(1, 40));
      const d = await dimmed(ids as string[]);
      expect(Object.values(d).every((x) => !x)).toBe(true);
      await page.screenshot({ path: `${ARTEFACTS}/conveners-k${k}.png` });
    });
  }

  it('moves k with the slider (URL updated) and draws the suggested ties when asked', async () => {
    await openApp(page, '?view=conveners&k=1');
    await page.getByTestId('conveners-panel').waitFor({ timeout: 30_000 });
    await page.getByTestId('conveners-k').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.url()).toContain('k=3');
    await expect.poll(() => page.getByTestId('convener-pick').count(), { timeout: 20_000 }).toBe(3);
    await page.getByTestId('conveners-show-suggested').check();
    await expect.poll(() => page.url()).toContain('suggested=1');
    expect(foreign).toEqual([]);
  });
});

describe('sector overview', () => {
  it('draws one node per sector and the missing target ties dashed', async () => {
    await page.goto(`${baseUrl()}?view=sectors`);
    await page.getByTestId('overview-svg').waitFor({ timeout: 30_000 });
    const nodes = await page.getByTestId('overview-node').count();
    const sectorsPresent = new Set(network.mapNodes((_n, a) => a.sector)).size;
    expect(nodes).toBe(sectorsPresent);
    expect(await page.getByTestId('overview-missing-edge').count()).toBeGreaterThan(0);
    await page.getByTestId('overview-mode-community').click();
    await expect.poll(() => page.getByTestId('sector-overview').getAttribute('data-mode')).toBe('community');
    await page.screenshot({ path: `${ARTEFACTS}/sector-overview.png` });
  });
});

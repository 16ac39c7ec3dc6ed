import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchBrowser, nonBackgroundShare, openApp, watchForeignRequests } from './setup/browser';
import { bundle, expectedCounts, nameOf, network } from './setup/denHaag';

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

const counts = () => page.getByTestId('filter-counts').textContent();

/** Applies a filter through the UI, checks the counts, the URL, and that reload restores it. */
async function checkFilter(apply: () => Promise<void>, filters: Parameters<typeof expectedCounts>[0], urlPart: string) {
  await openApp(page);
  await apply();
  await expect.poll(counts).toBe(expectedCounts(filters));
  expect(decodeURIComponent(page.url())).toContain(urlPart);
  await page.reload();
  await page.getByTestId('filter-counts').waitFor();
  await expect.poll(counts).toBe(expectedCounts(filters));
  await page.goBack();
  await expect.poll(counts).toBe(expectedCounts({}));
}

describe('filters (each restored from the URL)', () => {
  it('source', async () => {
    await checkFilter(() => page.getByTestId('filter-source-SIA').check(), { sources: ['SIA'] }, 'source=SIA');
  });
  it('activity kind', async () => {
    await checkFilter(() => page.getByTestId('filter-kind-living_lab').check(), { kinds: ['living_lab'] }, 'kind=living_lab');
  });
  it('scheme', async () => {
    await checkFilter(() => page.getByTestId('filter-scheme-RIF').check(), { schemes: ['RIF'] }, 'scheme=RIF');
  });
  it('theme', async () => {
    const theme = [...new Set(bundle.dataset.activities.map((a) => a.theme).filter(Boolean))].sort()[0]!;
    await checkFilter(
      async () => {
        await page.locator('[data-testid="facet-theme"] summary').click();
        await page.getByTestId(`filter-theme-${theme}`).check();
      },
      { themes: [theme] },
      `theme=${theme}`,
    );
  });
  it('year range', async () => {
    const years = bundle.dataset.activities.flatMap((a) => [a.startYear, a.endYear].filter((y): y is number => y !== undefined));
    const min = Math.min(...years);
    await checkFilter(
      async () => {
        await page.getByTestId('filter-year-from').focus();
        await page.keyboard.press('ArrowRight');
      },
      { years: [min + 1, Math.max(...years)] },
      `years=${min + 1}-`,
    );
  });
  it('region', async () => {
    await checkFilter(
      async () => {
        await page.locator('[data-testid="facet-region"] summary').click();
        await page.getByTestId('filter-region-Haaglanden').check();
      },
      { regions: ['Haaglanden'] },
      'region=Haaglanden',
    );
  });
  it('city', async () => {
    await checkFilter(
      async () => {
        await page.locator('[data-testid="facet-city"] summary').click();
        await page.getByTestId('filter-city-Delft').check();
      },
      { cities: ['Delft'] },
      'city=Delft',
    );
  });
  it('sector', async () => {
    await checkFilter(() => page.getByTestId('filter-sector-care').check(), { sectors: ['care'] }, 'sector=care');
  });
  it('minimum tie strength and hiding isolates', async () => {
    await checkFilter(
      async () => {
        await page.getByTestId('filter-min-weight').focus();
        await page.keyboard.press('ArrowRight');
        await page.getByTestId('filter-hide-isolates').check();
      },
      { minWeight: 2, hideIsolates: true },
      'min=2',
    );
  });
  it('ego network of Gemeente Den Haag', async () => {
    await checkFilter(
      async () => {
        await page.getByTestId('filter-ego-search').fill('Gemeente Den Haag');
        await page.locator('[data-testid="facet-ego"] .ego-hits button').first().click();
      },
      { ego: { id: 'gemeente-den-haag', steps: 1 } },
      'ego=gemeente-den-haag:1',
    );
    expect(foreign).toEqual([]);
  });

  it('hides filtered-out organisations on the map', async () => {
    await openApp(page, '?sector=government');
    const hidden = await page.evaluate(() => {
      const w = window as unknown as { __bruggen: { sigma: { getNodeDisplayData(n: string): { hidden?: boolean } | undefined } } };
      const s = w.__bruggen.sigma;
      return { municipality: s.getNodeDisplayData('gemeente-den-haag')?.hidden, hospital: s.getNodeDisplayData('hagaziekenhuis')?.hidden };
    });
    expect(hidden).toEqual({ municipality: false, hospital: true });
  });
});

describe('views', () => {
  it('switches between every view, each drawn and saved as a screenshot', async () => {
    await openApp(page);
    for (const view of ['network', 'bipartite', 'sectors', 'bridges', 'conveners', 'tables']) {
      await page.getByTestId(`tab-${view}`).click();
      await page.getByTestId(`view-${view}`).waitFor();
      expect(page.url()).toContain(view === 'network' ? '' : `view=${view}`);
      if (view === 'network' || view === 'bipartite') {
        const canvas = page.getByTestId(view === 'bipartite' ? 'bipartite-canvas' : 'graph-canvas');
        await canvas.locator('canvas').first().waitFor();
        await page.waitForTimeout(400);
        const { share } = nonBackgroundShare(await canvas.screenshot());
        expect(share, view).toBeGreaterThan(0.01);
      }
      await page.screenshot({ path: `${ARTEFACTS}/view-${view}.png` });
    }
    expect(foreign).toEqual([]);
  });

  it('colours by community with a matching legend', async () => {
    await openApp(page, '?colour=community');
    await page.getByTestId('analysis-ready').waitFor({ state: 'attached', timeout: 20_000 });
    const legend = await page.getByTestId('legend').textContent();
    expect(legend).toContain('Gemeenschap 1');
    await page.getByTestId('colour-by').selectOption('betweenness');
    await expect.poll(() => page.getByTestId('legend').textContent()).toContain('Tussenpositie');
    expect(page.url()).toContain('colour=betweenness');
  });
});

describe('keyboard', () => {
  it('"/" focuses the search, Esc clears the selection, arrows move between views', async () => {
    await openApp(page, '?org=gemeente-den-haag');
    await page.getByTestId('details-panel').waitFor();
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('details-panel').count()).toBe(0);
    await page.keyboard.press('/');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('search-input');
    await page.keyboard.type('hagazie');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-testid="details-panel"] h2').textContent()).toBe(nameOf('hagaziekenhuis'));
    expect(page.url()).toContain('org=hagaziekenhuis');
    await page.getByTestId('tab-network').focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.url()).toContain('view=bipartite');
    expect(network.hasNode('hagaziekenhuis')).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { applyFilters, DEFAULT_FILTERS, type Filters } from '../../src/filters/filters';
import { analysisReady, browserSession, drawnLabels, nonBackgroundShare, openApp, probe, settledCamera } from './setup/browser';
import { bundle, expectedCounts, keyOf, nameOf, network, partnersOf, sectors } from './setup/denHaag';

const ARTEFACTS = 'test-results/screenshots';
const session = browserSession({ width: 1440, height: 900 });

const counts = () => session.page.getByTestId('filter-counts').textContent();

/** Applies a filter through the UI, checks the counts, the URL, and that reload restores it. */
async function checkFilter(apply: () => Promise<void>, filters: Parameters<typeof expectedCounts>[0], urlPart: string) {
  await openApp(session.page);
  await apply();
  await expect.poll(counts).toBe(expectedCounts(filters));
  expect(decodeURIComponent(session.page.url())).toContain(urlPart);
  await session.page.reload();
  await session.page.getByTestId('filter-counts').waitFor();
  await expect.poll(counts).toBe(expectedCounts(filters));
  await session.page.goBack();
  await expect.poll(counts).toBe(expectedCounts({}));
}

describe('filters (each restored from the URL)', () => {
  it('source', async () => {
    await checkFilter(() => session.page.getByTestId('filter-source-SIA').check(), { sources: ['SIA'] }, 'source=SIA');
  });
  it('activity kind', async () => {
    await checkFilter(() => session.page.getByTestId('filter-kind-living_lab').check(), { kinds: ['living_lab'] }, 'kind=living_lab');
  });
  it('scheme', async () => {
    await checkFilter(() => session.page.getByTestId('filter-scheme-RIF').check(), { schemes: ['RIF'] }, 'scheme=RIF');
  });
  it('theme', async () => {
    const theme = [...new Set(bundle.dataset.activities.map((a) => a.theme).filter(Boolean))].sort()[0]!;
    await checkFilter(
      async () => {
        await session.page.locator('[data-testid="facet-theme"] summary').click();
        await session.page.getByTestId(`filter-theme-${theme}`).check();
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
        await session.page.getByTestId('filter-year-from').focus();
        await session.page.keyboard.press('ArrowRight');
      },
      { years: [min + 1, Math.max(...years)] },
      `years=${min + 1}-`,
    );
  });
  it('a year range over every year (from a link) shows that it is on, and clears', async () => {
    const years = bundle.dataset.activities.flatMap((a) => [a.startYear, a.endYear].filter((y): y is number => y !== undefined));
    const [min, max] = [years.reduce((a, b) => Math.min(a, b)), years.reduce((a, b) => Math.max(a, b))];
    await openApp(session.page, `?years=${min}-${max}&undated=0`);
    const filters = { years: [min, max] as [number, number], includeUndated: false };
    await expect.poll(counts).toBe(expectedCounts(filters));
    // It leaves organisations out although both sliders sit at the ends: that must show.
    expect(expectedCounts(filters)).not.toBe(expectedCounts({}));
    await expect(session.page.getByTestId('filter-years-active').textContent()).resolves.toContain('alleen organisaties met een activiteit in deze jaren; organisaties zonder activiteit vallen weg.');
    await session.page.getByTestId('filter-years-clear').click();
    await expect.poll(counts).toBe(expectedCounts({}));
    await expect.poll(() => session.page.getByTestId('filter-years-active').count()).toBe(0);
    expect(session.page.url()).not.toContain('years=');
  });
  it('region', async () => {
    await checkFilter(
      async () => {
        await session.page.locator('[data-testid="facet-region"] summary').click();
        await session.page.getByTestId('filter-region-Haaglanden').check();
      },
      { regions: ['Haaglanden'] },
      'region=Haaglanden',
    );
  });
  it('city', async () => {
    await checkFilter(
      async () => {
        await session.page.locator('[data-testid="facet-city"] summary').click();
        await session.page.getByTestId('filter-city-Delft').check();
      },
      { cities: ['Delft'] },
      'city=Delft',
    );
  });
  it('sector', async () => {
    await checkFilter(() => session.page.getByTestId('filter-sector-care').check(), { sectors: ['care'] }, 'sector=care');
  });
  it('minimum tie strength and hiding isolates', async () => {
    await checkFilter(
      async () => {
        await session.page.getByTestId('filter-min-weight').focus();
        await session.page.keyboard.press('ArrowRight');
        await session.page.getByTestId('filter-hide-isolates').check();
      },
      { minWeight: 2, hideIsolates: true },
      'min=2',
    );
  });
  it('ego network of Gemeente Den Haag', async () => {
    await checkFilter(
      async () => {
        await session.page.getByTestId('filter-ego-search').fill('Gemeente Den Haag');
        await session.page.locator('[data-testid="facet-ego"] .ego-hits button').first().click();
      },
      { ego: { id: 'gemeente-den-haag', steps: 1 } },
      'ego=gemeente-den-haag:1',
    );
    expect(session.foreign).toEqual([]);
  });

  it('hides filtered-out organisations on the map', async () => {
    await openApp(session.page, '?sector=government');
    const shown = await probe(session.page, [keyOf('gemeente-den-haag'), keyOf('hagaziekenhuis')]);
    expect({ municipality: shown[keyOf('gemeente-den-haag')]!.hidden, hospital: shown[keyOf('hagaziekenhuis')]!.hidden }).toEqual({ municipality: false, hospital: true });
  });
});

/** The map keys of the organisations these filters leave. */
function visibleKeys(filters: Partial<Filters>): string[] {
  const v = applyFilters(network, sectors, { ...DEFAULT_FILTERS, ...filters });
  return network.organisations.flatMap((_o, i) => (v.orgs[i] ? [String(i)] : []));
}

describe('the map after filtering', () => {
  it('fits the camera to what the filter leaves: every visible organisation on the canvas, filling it', async () => {
    await openApp(session.page);
    const before = await settledCamera(session.page);
    await session.page.getByTestId('filter-source-SIA').check();
    const after = await settledCamera(session.page);
    expect(after).not.toEqual(before);
    const keys = visibleKeys({ sources: ['SIA'] });
    expect(keys.length).toBeGreaterThan(1);
    const box = (await session.page.getByTestId('graph-canvas').boundingBox())!;
    const shown = Object.values(await probe(session.page, keys)).map((n) => n!);
    expect(shown.every((n) => !n.hidden)).toBe(true);
    const xs = shown.map((n) => n.x);
    const ys = shown.map((n) => n.y);
    // All inside the canvas…
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThanOrEqual(box.width);
    expect(Math.min(...ys)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...ys)).toBeLessThanOrEqual(box.height);
    // …and spread over it, not two dots in a corner.
    const spread = Math.max((Math.max(...xs) - Math.min(...xs)) / box.width, (Math.max(...ys) - Math.min(...ys)) / box.height);
    expect(spread).toBeGreaterThan(0.4);
  });

  it('says which filters left nothing, how many each one hides, and undoes one', async () => {
    // A source and a sector that each leave organisations, but none together.
    const source = [...new Set(bundle.dataset.activities.map((a) => a.source))].find((s) => visibleKeys({ sources: [s], sectors: ['tech'] }).length === 0)!;
    expect(source).toBeDefined();
    await openApp(session.page, `?source=${source}&sector=tech`);
    const empty = session.page.getByTestId('map-empty');
    await empty.waitFor();
    await expect(empty.locator('li').count()).resolves.toBe(2);
    await expect(session.page.getByTestId('map-empty-filter-sources').getAttribute('data-without')).resolves.toBe(String(visibleKeys({ sectors: ['tech'] }).length));
    await expect(session.page.getByTestId('map-empty-filter-sectors').getAttribute('data-without')).resolves.toBe(String(visibleKeys({ sources: [source] }).length));
    await session.page.screenshot({ path: `${ARTEFACTS}/map-empty.png` });
    await session.page.getByTestId('map-empty-undo-sectors').click();
    await expect.poll(() => session.page.url()).not.toContain('sector=');
    expect(session.page.url()).toContain(`source=${source}`);
    await expect.poll(counts).toBe(expectedCounts({ sources: [source] }));
    await expect(empty.count()).resolves.toBe(0);
  });

  it('shows that the findings are being brought up to date after a filter change', async () => {
    await openApp(session.page);
    await session.page.getByTestId('analysis-ready').waitFor({ state: 'attached', timeout: 30_000 });
    // Record every time the notice is shown, however briefly.
    await session.page.evaluate(() => {
      const el = document.querySelector('[data-testid="analysis-updating"]')!;
      (window as unknown as { shown: string[] }).shown = [];
      new MutationObserver(() => {
        if (!el.hasAttribute('hidden')) (window as unknown as { shown: string[] }).shown.push(el.textContent ?? '');
      }).observe(el, { attributes: true, childList: true, subtree: true, characterData: true });
    });
    await session.page.getByTestId('filter-source-SIA').check();
    await expect.poll(() => session.page.evaluate(() => (window as unknown as { shown: string[] }).shown.some((text) => text.startsWith('Bijwerken')))).toBe(true);
    // …and gone once the new findings are in.
    await expect.poll(() => session.page.getByTestId('analysis-updating').isHidden(), { timeout: 30_000 }).toBe(true);
  });

  it('Esc closes the export menu and gives the focus back to its button', async () => {
    await openApp(session.page);
    const menu = session.page.getByTestId('export-dropdown');
    await menu.locator('summary').click();
    await expect(menu.getAttribute('open')).resolves.not.toBeNull();
    await session.page.getByTestId('export-png').focus();
    await session.page.keyboard.press('Escape');
    await expect.poll(() => menu.getAttribute('open')).toBeNull();
    await expect(session.page.evaluate(() => document.activeElement?.tagName)).resolves.toBe('SUMMARY');
  });
});

describe('views', () => {
  it('switches between every view, each drawn and saved as a screenshot', async () => {
    await openApp(session.page);
    for (const view of ['network', 'bipartite', 'sectors', 'bridges', 'conveners', 'tables']) {
      await session.page.getByTestId(`tab-${view}`).click();
      await session.page.getByTestId(`view-${view}`).waitFor();
      expect(session.page.url()).toContain(view === 'network' ? '' : `view=${view}`);
      if (view === 'network' || view === 'bipartite') {
        const canvas = session.page.getByTestId(view === 'bipartite' ? 'bipartite-canvas' : 'graph-canvas');
        await canvas.locator('canvas').first().waitFor();
        await session.page.waitForTimeout(400);
        const { share } = nonBackgroundShare(await canvas.screenshot());
        expect(share, view).toBeGreaterThan(0.01);
      }
      await session.page.screenshot({ path: `${ARTEFACTS}/view-${view}.png` });
    }
    expect(session.foreign).toEqual([]);
  });

  it('keeps the names on the two-mode map inside it: a name that would run past the right edge is shortened with "…"', async () => {
    const page = session.page;
    // At 1280 px the names of activities near the right edge ran out of the map ("Groepsgesprekken met de regio's over s").
    await page.setViewportSize({ width: 1280, height: 720 });
    try {
      await openApp(page);
      await page.getByTestId('tab-bipartite').click();
      await page.waitForSelector('[data-testid="bipartite-canvas"][data-camera] canvas');
      await settledCamera(page, 'bipartite-canvas');
      const canvas = page.getByTestId('bipartite-canvas');
      const mapWidth = (await canvas.boundingBox())!.width;
      const drawn = () => drawnLabels(page, 'bipartite-canvas');
      await expect.poll(async () => (await drawn()).length).toBeGreaterThan(5);
      const labels = await drawn();
      expect(labels.filter((l) => l.x < 0 || l.x + l.width > mapWidth).map((l) => l.text)).toEqual([]);
      // The shortened ones are the start of the whole name.
      const at = await probe(page, labels.map((l) => l.key), 'bipartite-canvas');
      const shortened = labels.filter((l) => l.text.endsWith('…') && !at[l.key]!.label!.endsWith('…'));
      expect(shortened.length).toBeGreaterThan(0);
      for (const l of shortened) expect(at[l.key]!.label!.startsWith(l.text.slice(0, -1).trimEnd())).toBe(true);
    } finally {
      await page.setViewportSize({ width: 1440, height: 900 });
    }
  });

  it('keeps the organisation names in view when the table of organisations scrolls sideways', async () => {
    const page = session.page;
    await openApp(page);
    await page.getByTestId('tab-tables').click();
    const table = page.getByTestId('table-organisations');
    await table.locator('tbody .dt-row').first().waitFor({ timeout: 20_000 });
    const scroller = table.locator('.dt-scroll');
    const box = (await scroller.boundingBox())!;
    const wide = await scroller.evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(wide, 'the table is wider than its frame').toBeGreaterThan(100);
    await scroller.evaluate((el) => (el.scrollLeft = el.scrollWidth));
    const firstCell = table.locator('tbody .dt-row').first().locator('td').first();
    const header = table.locator('thead th').first();
    await expect.poll(async () => Math.abs((await firstCell.boundingBox())!.x - box.x)).toBeLessThanOrEqual(1.5);
    expect(Math.abs((await header.boundingBox())!.x - box.x)).toBeLessThanOrEqual(1.5);
    // The second column has gone out of view to the left; the names have not.
    expect((await table.locator('tbody .dt-row').first().locator('td').nth(1).boundingBox())!.x).toBeLessThan(box.x);
    expect(await firstCell.textContent()).toMatch(/\p{L}/u);
    await page.screenshot({ path: `${ARTEFACTS}/tables-scrolled-right.png` });
  });

  it('colours by community with a matching legend', async () => {
    await openApp(session.page, '?colour=community');
    await session.page.getByTestId('analysis-ready').waitFor({ state: 'attached', timeout: 20_000 });
    // One name for a group everywhere: the legend says "Cluster 1", as the cards and chips do.
    await expect.poll(() => session.page.getByTestId('legend').textContent()).toMatch(/Cluster 1\d*/);
    expect(await session.page.getByTestId('legend').textContent()).not.toContain('Gemeenschap');
    await session.page.getByTestId('colour-by').selectOption('betweenness');
    await expect.poll(() => session.page.getByTestId('legend').textContent()).toContain('Tussenpositie');
    expect(session.page.url()).toContain('colour=betweenness');
  });
});

describe('keyboard', () => {
  it('"/" focuses the search, Esc clears the selection, arrows move between views', async () => {
    await openApp(session.page, '?org=gemeente-den-haag');
    await session.page.getByTestId('details-panel').waitFor();
    await session.page.locator('body').click({ position: { x: 5, y: 5 } });
    await session.page.keyboard.press('Escape');
    await expect.poll(() => session.page.getByTestId('details-panel').count()).toBe(0);
    await session.page.keyboard.press('/');
    await expect.poll(() => session.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('search-input');
    await session.page.keyboard.type('hagazie');
    await session.page.keyboard.press('Enter');
    await expect.poll(() => session.page.locator('[data-testid="details-panel"] h2').textContent()).toBe(nameOf('hagaziekenhuis'));
    expect(session.page.url()).toContain('org=hagaziekenhuis');
    await session.page.getByTestId('tab-network').focus();
    await session.page.keyboard.press('ArrowRight');
    await expect.poll(() => session.page.url()).toContain('view=bipartite');
    expect(network.projection.incidence.orgIndex.has('hagaziekenhuis')).toBe(true);
  });
});
describe('search over activities', () => {
  it('finds an activity and highlights its participants on the map', async () => {
    await openApp(session.page);
    const input = session.page.getByTestId('search-input');
    await input.fill('Fast@Home');
    await expect.poll(() => session.page.getByRole('option').first().textContent()).toContain('activiteit');
    await input.press('Enter');
    const members = bundle.dataset.participations.filter((p) => p.activityId === 'sia-fast-at-home').map((p) => p.organisationId);
    await expect.poll(() => session.page.getByTestId('highlight-chip').textContent()).toContain(`${members.length} deelnemers`);
    const keys = [...members, 'gemeente-den-haag'].map(keyOf);
    const shown = await probe(session.page, keys);
    const colours = keys.map((k) => shown[k]?.color);
    expect(colours.slice(0, -1).every((c) => c !== '#e3e5e9')).toBe(true);
    expect(colours.at(-1)).toBe('#e3e5e9');
    await session.page.getByRole('button', { name: 'Markering wissen' }).click();
    await expect.poll(() => session.page.getByTestId('highlight-chip').count()).toBe(0);
  });

  it('names an activity in the UI’s language: the English title in English, found by its Dutch one too', async () => {
    await openApp(session.page);
    await session.page.locator('.language-switch [lang=en]').click();
    const input = session.page.getByTestId('search-input');
    await input.fill('sportrolstoel');
    const first = session.page.getByRole('option').first();
    await expect.poll(() => first.textContent()).toMatch(/^The perfect sports wheelchair · activity/);
    expect(await first.textContent()).not.toContain('Perfecte');
    await input.fill('wheelchair');
    // Matched on the English title, which is the name shown: no "also: …" repeating it.
    await expect.poll(() => first.textContent()).toMatch(/^The perfect sports wheelchair/);
    expect(await first.textContent()).not.toContain('also:');
    await session.page.locator('.language-switch [lang=nl]').click();
    await input.fill('sportrolstoel');
    await expect.poll(() => first.textContent()).toMatch(/^De Perfecte sportrolstoel/);
  });
});


describe('an organisation selected while the filters hide it', () => {
  it('says so, leaves the map and the camera alone, and one click clears the filters', async () => {
    // Bobergo is a tech company; the link shows only care.
    await openApp(session.page, '?org=bobergo&sector=care');
    await session.page.getByTestId('details-panel').waitFor();
    const notice = session.page.getByTestId('details-hidden-by-filters');
    await expect(notice.textContent()).resolves.toContain('valt buiten de huidige filters');
    const allPartners = partnersOf('bobergo').length;
    expect(allPartners).toBeGreaterThan(0);
    // Not "no partners in the data": the filters hide them.
    await expect(session.page.getByTestId('details-no-partners').textContent()).resolves.toBe(`Geen partners binnen de filters (${allPartners} in alle gegevens).`);
    // The care organisations on the map are not dimmed for a selection that is not on it.
    const { orgs } = applyFilters(network, sectors, { ...DEFAULT_FILTERS, sectors: ['care'] });
    const care = network.organisations.filter((_o, i) => orgs[i]).slice(0, 5).map((o) => keyOf(o.id));
    expect(care).toHaveLength(5);
    // With only care shown, "no tech company in the data" would be false: it is what the filters show.
    await analysisReady(session.page);
    const absent = session.page.locator('[data-testid="finding"][data-code="sector_absent"]').first();
    await expect(absent.textContent()).resolves.toContain('in wat de filters tonen');
    const shown = await probe(session.page, care);
    expect(care.every((k) => shown[k] && !shown[k]!.hidden && shown[k]!.color !== '#e3e5e9')).toBe(true);
    // Searching for it selects it without moving the camera to where it is not drawn.
    const before = await settledCamera(session.page);
    await session.page.getByTestId('search-input').fill('BOBErgo');
    await session.page.getByTestId('search-input').press('Enter');
    await expect.poll(() => session.page.url()).toContain('org=bobergo');
    expect(await settledCamera(session.page)).toEqual(before);
    await session.page.getByTestId('details-clear-filters').click();
    await expect.poll(() => notice.count()).toBe(0);
    expect(session.page.url()).not.toContain('sector=');
    await expect.poll(() => session.page.locator('#partners-title').textContent()).toBe(`Partners (${allPartners})`);
  });
});

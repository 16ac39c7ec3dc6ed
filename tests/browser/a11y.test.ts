/**
 * axe-core on every view, in Dutch and English, with and without a selected organisation (the
 * latter at tablet size, 768 × 1024): no violation of moderate impact or worse. Runs in the real
 * browser on the production build.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { VIEWS } from '../../src/session/viewState';
import { baseUrl, browserSession } from './setup/browser';

const session = browserSession({ width: 1280, height: 720 });

/** Ready to be judged: the view's own content is there (the map drawn, the analysis in). */
async function settle(page: Page, view: string) {
  await page.getByTestId(`view-${view}`).waitFor({ timeout: 30_000 });
  const ready: Record<string, string> = { change: 'change-ready', sectors: 'sector-overview', bipartite: 'bipartite-canvas', tables: 'table-tab-organisations' };
  await page.getByTestId(ready[view] ?? 'analysis-ready').waitFor({ state: 'attached', timeout: 90_000 });
  // The side panel's analysis is in (no progress bar left).
  await page.locator('[data-testid="side-panel"] [role="progressbar"]').waitFor({ state: 'detached', timeout: 60_000 });
}

async function violations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'moderate' || v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

describe.each(['nl', 'en'] as const)('axe-core in %s', (lang) => {
  it.each([false, true])('every view, with a selected organisation: %s', async (withSelection) => {
    const page = session.page;
    await page.setViewportSize(withSelection ? { width: 768, height: 1024 } : { width: 1280, height: 720 });
    await page.goto(baseUrl());
    if (lang === 'en') await page.getByRole('button', { name: 'EN', exact: true }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(lang);
    const found: Record<string, string[]> = {};
    // One page load; the views through their tabs (as a user goes, and the analysis is cached).
    await page.goto(`${baseUrl()}${withSelection ? '?org=gemeente-den-haag' : ''}`);
    for (const view of VIEWS) {
      await page.getByTestId(`tab-${view}`).click();
      await settle(page, view);
      if (withSelection) await page.getByTestId('details-drawer').waitFor();
      const seen = await violations(page);
      if (seen.length) found[view] = seen;
    }
    expect(found).toEqual({});
  }, 300_000);

  it('the search list, open, with the note that it shows 8 of more matches', async () => {
    const page = session.page;
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(baseUrl());
    if (lang === 'en') await page.getByRole('button', { name: 'EN', exact: true }).click();
    await page.getByTestId('search-input').fill('zorg');
    await page.getByTestId('search-more').waitFor();
    expect(await violations(page)).toEqual([]);
  }, 120_000);
});

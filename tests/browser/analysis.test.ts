import { describe, expect, it } from 'vitest';
import { findingsOf } from '../../src/analysis/findings';
import { createTranslator } from '../../src/i18n';
import { wordFinding } from '../../src/i18n/findings';
import { analysisReady, baseUrl, browserSession, openApp, probe } from './setup/browser';
import { keyOf, reference, sectors } from './setup/denHaag';

const ARTEFACTS = 'test-results/screenshots';
const session = browserSession({ width: 1440, height: 900 });
const DIMMED = '#e3e5e9';

/** Which organisations the map currently draws dimmed (grey) versus in colour. */
async function dimmed(ids: string[]): Promise<Record<string, boolean>> {
  const shown = await probe(session.page, ids.map(keyOf));
  return Object.fromEntries(ids.map((id) => [id, shown[keyOf(id)]?.color === DIMMED]));
}

describe('missing bridges', () => {
  it('shows the heatmap with the missing target-sector cells, and suggested ties on the map', async () => {
    await openApp(session.page, '?view=bridges');
    await session.page.getByTestId('missing-bridges').waitFor({ timeout: 30_000 });
    await analysisReady(session.page);
    const missing = reference().mixing.targetPairs.filter((p) => p.missing);
    expect(missing.length).toBeGreaterThan(0);
    for (const p of missing) {
      await expect(session.page.getByTestId(`mixing-cell-${p.a}-${p.b}`).getAttribute('data-missing')).resolves.toBe('true');
    }
    await expect(session.page.getByTestId('findings').textContent()).resolves.toContain('ontbrekende brug');
    // Suggested ties are listed, and hovering one reveals its reason on the map.
    const row = session.page.getByTestId('suggestion-row').first();
    await row.hover();
    const box = (await session.page.getByTestId('graph-canvas').boundingBox())!;
    const [source, target] = await Promise.all([row.getAttribute('data-source'), row.getAttribute('data-target')]);
    const ends = await probe(session.page, [keyOf(source!), keyOf(target!)]);
    const p = ends[keyOf(source!)]!;
    const q = ends[keyOf(target!)]!;
    await session.page.mouse.move(box.x + (p.x + q.x) / 2, box.y + (p.y + q.y) / 2);
    await expect.poll(() => session.page.getByTestId('suggestion-tooltip').textContent()).toContain('Voorgestelde band');
    await session.page.screenshot({ path: `${ARTEFACTS}/missing-bridges.png` });
  });

  it('zooms to and highlights a cluster that lacks a target sector when clicked', async () => {
    await openApp(session.page, '?view=bridges');
    await session.page.getByTestId('lacking-clusters').waitFor({ timeout: 30_000 });
    await analysisReady(session.page);
    const first = session.page.locator('[data-testid^="cluster-select-community-"]').first();
    const id = Number((await first.getAttribute('data-testid'))!.split('-').pop());
    await first.click();
    const rows = reference().organisations;
    const members = rows.filter((r) => r.community === id).map((r) => r.id);
    const outsider = rows.find((r) => r.community !== id && r.degree > 0)!.id;
    await expect.poll(async () => Object.values(await dimmed(members)).every((d) => !d)).toBe(true);
    expect((await dimmed([outsider]))[outsider]).toBe(true);
    await session.page.screenshot({ path: `${ARTEFACTS}/cluster-highlight.png` });
    expect(session.foreign).toEqual([]);
  });
});

describe('conveners', () => {
  for (const k of [1, 5]) {
    it(`chooses k=${k} conveners, highlights them and explains each`, async () => {
      await openApp(session.page, `?view=conveners&k=${k}`);
      await session.page.getByTestId('conveners-panel').waitFor({ timeout: 30_000 });
      await analysisReady(session.page);
      const expected = reference({ k }).conveners.picks;
      const picks = session.page.getByTestId('convener-pick');
      await expect.poll(() => picks.count()).toBe(expected.length);
      const ids = await picks.evaluateAll((els) => els.map((e) => e.getAttribute('data-id')!));
      expect(ids).toEqual(expected.map((p) => p.id));
      const finding = findingsOf(reference({ k })).find((f) => f.code === 'convener')!;
      // The first pick's sentence, without its rank (the list numbers the picks) and without a
      // comparison with earlier picks (there are none).
      const sentence = wordFinding(createTranslator('nl').t, finding, 'nl').replace(/^1\. /, '');
      expect(sentence).not.toContain('eerdere keuze');
      await expect(session.page.getByTestId('conveners-picks').textContent()).resolves.toContain(sentence);
      const d = await dimmed(ids);
      expect(Object.values(d).every((x) => !x)).toBe(true);
      await session.page.screenshot({ path: `${ARTEFACTS}/conveners-k${k}.png` });
    });
  }

  it('moves k with the slider (URL updated) and draws the suggested ties when asked', async () => {
    await openApp(session.page, '?view=conveners&k=1');
    await session.page.getByTestId('conveners-panel').waitFor({ timeout: 30_000 });
    await session.page.getByTestId('conveners-k').focus();
    await session.page.keyboard.press('ArrowRight');
    await session.page.keyboard.press('ArrowRight');
    await expect.poll(() => session.page.url()).toContain('k=3');
    await expect.poll(() => session.page.getByTestId('convener-pick').count(), { timeout: 20_000 }).toBe(reference({ k: 3 }).conveners.picks.length);
    await session.page.getByTestId('conveners-show-suggested').check();
    await expect.poll(() => session.page.url()).toContain('suggested=1');
    expect(session.foreign).toEqual([]);
  });
});

describe('sector overview', () => {
  it('draws one node per sector and the missing target ties dashed', async () => {
    await session.page.goto(`${baseUrl()}?view=sectors`);
    await session.page.getByTestId('overview-svg').waitFor({ timeout: 30_000 });
    const nodes = await session.page.getByTestId('overview-node').count();
    expect(nodes).toBe(new Set(sectors).size);
    expect(await session.page.getByTestId('overview-missing-edge').count()).toBeGreaterThan(0);
    await session.page.getByTestId('overview-mode-community').click();
    await expect.poll(() => session.page.getByTestId('sector-overview').getAttribute('data-mode')).toBe('community');
    await session.page.screenshot({ path: `${ARTEFACTS}/sector-overview.png` });
  });
});

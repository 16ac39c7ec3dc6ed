import { describe, expect, it } from 'vitest';
import { analyseNetwork } from '../../src/analysis';
import { baseUrl, browserSession, openApp } from './setup/browser';
import { network } from './setup/denHaag';

const ARTEFACTS = 'test-results/screenshots';
const session = browserSession({ width: 1440, height: 900 });

const ready = () => session.page.getByTestId('analysis-ready').waitFor({ state: 'attached', timeout: 30_000 });

/** Which nodes sigma currently draws dimmed (grey) versus in colour. */
async function dimmed(ids: string[]): Promise<Record<string, boolean>> {
  return session.page.evaluate((nodes) => {
    const w = window as unknown as { __bruggen: { sigma: { getNodeDisplayData(n: string): { color: string } | undefined } } };
    return Object.fromEntries(nodes.map((n) => [n, w.__bruggen.sigma.getNodeDisplayData(n)?.color === '#e3e5e9']));
  }, ids);
}

describe('missing bridges', () => {
  it('shows the heatmap with missing target-sector cells, and suggested ties on the map', async () => {
    await openApp(session.page, '?view=bridges');
    await session.page.getByTestId('missing-bridges').waitFor({ timeout: 30_000 });
    const reference = analyseNetwork(network);
    const missing = reference.mixing.targetPairs.filter((p) => p.missing);
    expect(missing.length).toBeGreaterThan(0);
    for (const p of missing) {
      const cell = session.page.getByTestId(`mixing-cell-${p.a}-${p.b}`);
      await expect(cell.getAttribute('data-missing')).resolves.toBe('true');
    }
    const findings = await session.page.getByTestId('findings').textContent();
    expect(findings).toContain('ontbrekende brug');
    // Suggested ties are listed, and hovering one reveals its reason on the map.
    const row = session.page.getByTestId('suggestion-row').first();
    await row.hover();
    const box = (await session.page.getByTestId('graph-canvas').boundingBox())!;
    const [source, target] = await Promise.all([row.getAttribute('data-source'), row.getAttribute('data-target')]);
    const middle = await session.page.evaluate(
      ([a, b]) => {
        const w = window as unknown as { __bruggen: { sigma: { getNodeDisplayData(n: string): { x: number; y: number }; framedGraphToViewport(p: { x: number; y: number }): { x: number; y: number } } } };
        const s = w.__bruggen.sigma;
        const p = s.framedGraphToViewport(s.getNodeDisplayData(a!));
        const q = s.framedGraphToViewport(s.getNodeDisplayData(b!));
        return { x: (p.x + q.x) / 2, y: (p.y + q.y) / 2 };
      },
      [source, target],
    );
    await session.page.mouse.move(box.x + middle.x, box.y + middle.y);
    await expect.poll(() => session.page.getByTestId('suggestion-tooltip').textContent()).toContain('Voorgestelde band');
    await session.page.screenshot({ path: `${ARTEFACTS}/missing-bridges.png` });
  });

  it('zooms to and highlights a cluster that lacks a target sector when clicked', async () => {
    await openApp(session.page, '?view=bridges');
    await session.page.getByTestId('lacking-clusters').waitFor({ timeout: 30_000 });
    const first = session.page.locator('[data-testid^="cluster-select-community-"]').first();
    const id = Number((await first.getAttribute('data-testid'))!.split('-').pop());
    await first.click();
    const reference = analyseNetwork(network);
    const members = reference.organisations.filter((r) => r.community === id).map((r) => r.id);
    const outsider = reference.organisations.find((r) => r.community !== id && r.degree > 0)!.id;
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
      await ready();
      const picks = session.page.getByTestId('convener-pick');
      await expect.poll(() => picks.count()).toBe(k);
      const expected = analyseNetwork(network, { k }).conveners.picks;
      const ids = await picks.evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
      expect(ids).toEqual(expected.map((p) => p.id));
      const text = await session.page.getByTestId('conveners-picks').textContent();
      // The panel capitalises the sentence.
      const sentence = expected[0]!.sentence.nl;
      expect(text).toContain(sentence.charAt(0).toUpperCase() + sentence.slice(1, 40));
      const d = await dimmed(ids as string[]);
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
    await expect.poll(() => session.page.getByTestId('convener-pick').count(), { timeout: 20_000 }).toBe(3);
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
    const sectorsPresent = new Set(network.mapNodes((_n, a) => a.sector)).size;
    expect(nodes).toBe(sectorsPresent);
    expect(await session.page.getByTestId('overview-missing-edge').count()).toBeGreaterThan(0);
    await session.page.getByTestId('overview-mode-community').click();
    await expect.poll(() => session.page.getByTestId('sector-overview').getAttribute('data-mode')).toBe('community');
    await session.page.screenshot({ path: `${ARTEFACTS}/sector-overview.png` });
  });
});

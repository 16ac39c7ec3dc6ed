import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { BuiltinBundle } from '../../src/data/bundle';
import { buildOrganisationNetwork } from '../../src/graph/build';
import { browserSession, nonBackgroundShare, openApp } from './setup/browser';

const ARTEFACTS = 'test-results/screenshots';
const bundle = JSON.parse(readFileSync('public/data/den-haag.json', 'utf8')) as BuiltinBundle;
const network = buildOrganisationNetwork(bundle.dataset);
const nameOf = (id: string) => bundle.dataset.organisations.find((o) => o.id === id)!.name;

const session = browserSession({ width: 1400, height: 850 });

async function panelPartners(): Promise<string[]> {
  return session.page.locator('[data-testid="details-panel"] .partner-group li button').allTextContents();
}

describe('the built-in Den Haag map', () => {
  it('draws the network on the canvas with the sector colours', async () => {
    await openApp(session.page);
    const canvas = session.page.locator('[data-testid="graph-canvas"]');
    const shot = await canvas.screenshot({ path: `${ARTEFACTS}/network.png` });
    const { share, distinctColours } = nonBackgroundShare(shot);
    expect(share).toBeGreaterThan(0.01);
    expect(distinctColours).toBeGreaterThan(8);
    await expect(session.page.getByTestId('counts').textContent()).resolves.toContain(
      `${bundle.dataset.organisations.length} organisaties`,
    );
    const legend = await session.page.locator('.legend li').allTextContents();
    expect(legend.join(' ')).toContain('Zorg en welzijn');
    expect(session.foreign).toEqual([]);
  });

  it('finds "Gemeente Den Haag" by search and lists exactly its partners', async () => {
    await openApp(session.page);
    const input = session.page.getByTestId('search-input');
    await input.fill('gemeente den h');
    const options = session.page.getByRole('option');
    await expect(options.first().textContent()).resolves.toContain('Gemeente Den Haag');
    await input.press('Enter');
    const panel = session.page.getByTestId('details-panel');
    await panel.waitFor();
    await expect(panel.locator('h2').textContent()).resolves.toBe('Gemeente Den Haag');
    await expect(session.page.getByTestId('details-sector').textContent()).resolves.toContain('Overheid');

    const expected = network.neighbors('gemeente-den-haag').map(nameOf).sort();
    const shown = (await panelPartners()).sort();
    expect(shown).toEqual(expected);
    // Stated in the factbook: the LUMC-Campus partners and SecuRadar with Rijswijk.
    expect(shown).toEqual(expect.arrayContaining(['Gemeente Rijswijk', nameOf('lumc'), nameOf('hagaziekenhuis'), nameOf('haaglanden-medisch-centrum')]));
    // ...and the municipality is not a Medical Delta partner.
    expect(shown).not.toContain(nameOf('medical-delta'));
    const activities = await session.page.getByTestId('details-activities').textContent();
    expect(activities).toContain('SecuRadar');

    // The camera moved to the node: it is now drawn near the centre of the canvas.
    await session.page.waitForTimeout(700);
    const centre = await session.page.evaluate(() => {
      const w = window as unknown as {
        __bruggen: { sigma: { getNodeDisplayData(n: string): { x: number; y: number }; framedGraphToViewport(p: { x: number; y: number }): { x: number; y: number }; getDimensions(): { width: number; height: number } } };
      };
      const s = w.__bruggen.sigma;
      const p = s.framedGraphToViewport(s.getNodeDisplayData('gemeente-den-haag'));
      const d = s.getDimensions();
      return { dx: Math.abs(p.x - d.width / 2), dy: Math.abs(p.y - d.height / 2) };
    });
    expect(centre.dx).toBeLessThan(40);
    expect(centre.dy).toBeLessThan(40);
    await session.page.screenshot({ path: `${ARTEFACTS}/gemeente-den-haag.png` });
    expect(session.foreign).toEqual([]);
  });

  it('opens the panel when a node is clicked and closes it on the stage', async () => {
    await openApp(session.page);
    const point = await session.page.evaluate(() => {
      const w = window as unknown as {
        __bruggen: { sigma: { getNodeDisplayData(n: string): { x: number; y: number }; framedGraphToViewport(p: { x: number; y: number }): { x: number; y: number } } };
      };
      const s = w.__bruggen.sigma;
      return s.framedGraphToViewport(s.getNodeDisplayData('de-haagse-hogeschool'));
    });
    const box = (await session.page.locator('[data-testid="graph-canvas"]').boundingBox())!;
    await session.page.mouse.move(box.x + point.x, box.y + point.y);
    await session.page.mouse.click(box.x + point.x, box.y + point.y);
    const panel = session.page.getByTestId('details-panel');
    await panel.waitFor();
    await expect(panel.locator('h2').textContent()).resolves.toBe(nameOf('de-haagse-hogeschool'));
    const shown = await panelPartners();
    expect(shown.length).toBe(network.degree('de-haagse-hogeschool'));
    await session.page.getByRole('button', { name: 'Sluiten' }).click();
    await expect(session.page.locator('.intro > h2').textContent()).resolves.toBe('Over deze kaart');
  });

  it('switches to English and remembers the choice', async () => {
    await openApp(session.page);
    await expect(session.page.locator('html').getAttribute('lang')).resolves.toBe('nl');
    await session.page.getByRole('button', { name: 'EN', exact: true }).click();
    await expect(session.page.locator('.tagline').textContent()).resolves.toContain('Where are the bridges missing');
    await expect(session.page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await expect(session.page.getByTestId('counts').textContent()).resolves.toContain('organisations');
    const input = session.page.getByTestId('search-input');
    await input.fill('Gemeente Den Haag');
    await input.press('Enter');
    await expect(session.page.getByTestId('details-sector').textContent()).resolves.toContain('Government');
    await expect(session.page.locator('#partners-title').textContent()).resolves.toMatch(/^Partners \(\d+\)$/);
    await session.page.screenshot({ path: `${ARTEFACTS}/english.png` });
    await session.page.reload();
    await session.page.waitForSelector('[data-testid="graph-canvas"] canvas');
    await expect(session.page.locator('.tagline').textContent()).resolves.toContain('Where are the bridges missing');
    expect(session.foreign).toEqual([]);
  });
  it('corrects an organisation\'s sector in the details panel, and remembers it after reload', async () => {
    await openApp(session.page, '?org=bobergo');
    await expect(session.page.getByTestId('details-sector').textContent()).resolves.toContain('Technologie');
    await session.page.locator('.sector-correction summary').click();
    await session.page.getByTestId('sector-select').selectOption('care');
    await expect.poll(() => session.page.getByTestId('details-sector').textContent()).toContain('Zorg en welzijn');
    const colour = () =>
      session.page.evaluate(() => {
        const w = window as unknown as { __bruggen: { sigma: { getGraph(): { getNodeAttribute(n: string, a: string): string } } } };
        return w.__bruggen.sigma.getGraph().getNodeAttribute('bobergo', 'color');
      });
    await expect.poll(colour).toBe('#D55E00');
    await session.page.reload();
    await session.page.getByTestId('details-panel').waitFor();
    await expect(session.page.getByTestId('details-sector').textContent()).resolves.toContain('Zorg en welzijn');
    expect(session.foreign).toEqual([]);
  });
});

import { mkdirSync, readFileSync } from 'node:fs';
import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import Papa from 'papaparse';
import type { Download } from 'playwright-core';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyFilters, DEFAULT_FILTERS } from '../../src/filters/filters';
import { browserSession, drawnLabels, nonBackgroundShare, openApp } from './setup/browser';
import { network, sectors } from './setup/denHaag';

const ARTEFACTS = 'test-results/downloads';
const session = browserSession({ width: 1440, height: 900 }, { acceptDownloads: true });
beforeAll(() => mkdirSync(ARTEFACTS, { recursive: true }));

/** Clicks an export button and returns the downloaded file's path and name. */
async function download(testId: string): Promise<{ path: string; name: string }> {
  const dropdown = session.page.getByTestId('export-dropdown');
  if ((await dropdown.getAttribute('open')) === null) await dropdown.locator('summary').click();
  const [file] = await Promise.all([session.page.waitForEvent('download'), session.page.getByTestId(testId).click()]);
  const d = file as Download;
  const path = `${ARTEFACTS}/${d.suggestedFilename()}`;
  await d.saveAs(path);
  return { path, name: d.suggestedFilename() };
}

/** The label boxes the map drew in its last frame (the map's probe), in CSS pixels of the canvas. */
const screenLabels = async () => (await drawnLabels(session.page)).filter((l) => l.layer === 'labels');

const ready = () => session.page.getByTestId('analysis-ready').waitFor({ state: 'attached', timeout: 30_000 });

describe('exports of the filtered map', () => {
  it('PNG at screen and high resolution, both drawn, with the labels the screen shows', async () => {
    await openApp(session.page);
    await ready();
    const labels = await screenLabels();
    expect(labels.length).toBeGreaterThan(5);
    const screen = await download('export-png');
    const hires = await download('export-png-hires');
    expect(screen.name).toBe('bruggen-den-haag-map.png');
    const a = PNG.sync.read(readFileSync(screen.path));
    const b = PNG.sync.read(readFileSync(hires.path));
    expect(b.width).toBeGreaterThanOrEqual(3000);
    expect(b.width).toBeGreaterThan(a.width * 2);
    expect(nonBackgroundShare(readFileSync(screen.path)).share).toBeGreaterThan(0.01);
    expect(nonBackgroundShare(readFileSync(hires.path)).share).toBeGreaterThan(0.005);
    // Each label the screen shows has dark text pixels in its box in the PNG (the screen export
    // is at the page's pixel ratio, 1 here). Labels are #1d2330; nodes and ties are lighter. The
    // legend is in a strip under the map, where it covers nothing.
    const dark = (x0: number, y0: number, w: number, h: number) => {
      let n = 0;
      for (let y = Math.max(0, Math.floor(y0)); y < Math.min(a.height, y0 + h); y++) {
        for (let x = Math.max(0, Math.floor(x0)); x < Math.min(a.width, x0 + w); x++) {
          const i = (y * a.width + x) * 4;
          if (a.data[i]! < 80 && a.data[i + 1]! < 80 && a.data[i + 2]! < 90) n++;
        }
      }
      return n;
    };
    const map = await session.page.getByTestId('graph-canvas').boundingBox();
    expect(a.width).toBe(Math.round(map!.width));
    expect(a.height).toBeGreaterThan(Math.round(map!.height) + 50);
    const unlabelled = labels.filter((l) => dark(l.x, l.y, l.width, l.height) < 10).map((l) => l.text);
    expect(unlabelled).toEqual([]);
    expect(session.foreign).toEqual([]);
  });

  it('GEXF and GraphML of the filtered graph re-import with the same counts and metrics', async () => {
    await openApp(session.page, '?sector=care,knowledge,government&isolates=0');
    await ready();
    const filters = { ...DEFAULT_FILTERS, sectors: ['care', 'knowledge', 'government'] as const, hideIsolates: true };
    const expected = applyFilters(network, sectors, { ...filters, sectors: [...filters.sectors] }).counts;
    const gexf = parseGexf(Graph, readFileSync((await download('export-gexf')).path, 'utf8'));
    expect(gexf.order).toBe(expected.organisations);
    expect(gexf.size).toBe(expected.ties);
    expect(gexf.getNodeAttribute('gemeente-den-haag', 'sector')).toBe('government');
    expect(typeof gexf.getNodeAttribute('gemeente-den-haag', 'betweenness')).toBe('number');
    const graphml = parseGraphml(Graph, readFileSync((await download('export-graphml')).path, 'utf8'));
    expect(graphml.order).toBe(expected.organisations);
    expect(graphml.size).toBe(expected.ties);
  });

  it('CSV tables with one row per visible organisation, activity and tie', async () => {
    await openApp(session.page, '?source=SIA');
    await ready();
    const expected = applyFilters(network, sectors, { ...DEFAULT_FILTERS, sources: ['SIA'] }).counts;
    const read = async (id: string) => Papa.parse<Record<string, string>>(readFileSync((await download(id)).path, 'utf8'), { header: true, skipEmptyLines: true });
    const orgs = await read('export-csv-organisations');
    expect(orgs.data).toHaveLength(expected.organisations);
    expect(orgs.meta.fields).toEqual(expect.arrayContaining(['organisation_id', 'betweenness', 'constraint', 'community']));
    const acts = await read('export-csv-activities');
    expect(acts.data).toHaveLength(expected.activities);
    const ties = await read('export-csv-ties');
    expect(ties.data).toHaveLength(expected.ties);
  });

  it('a printable one-session.page report with the map, missing bridges, clusters and conveners', async () => {
    await openApp(session.page);
    await ready();
    await session.page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed++;
      };
    });
    const dropdown = session.page.getByTestId('export-dropdown');
    await dropdown.locator('summary').click();
    await session.page.getByTestId('export-report').click();
    await expect.poll(() => session.page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await session.page.emulateMedia({ media: 'print' });
    const report = session.page.getByTestId('print-report');
    await expect(report.isVisible()).resolves.toBe(true);
    await expect(session.page.locator('.toolbar').isVisible()).resolves.toBe(false);
    for (const part of ['print-report-bridges', 'print-report-clusters', 'print-report-conveners']) {
      expect((await session.page.getByTestId(part).textContent())!.length).toBeGreaterThan(20);
    }
    // The map is drawn as vector: one disc per organisation on the map (no filter here).
    await expect(report.getByTestId('print-map-nodes').locator('circle').count()).resolves.toBe(network.organisations.length);
    // With its colour key, as on screen.
    await expect(report.getByTestId('print-map-legend').textContent()).resolves.toMatch(/^Sector: Technologie.*Zorg en welzijn.*Overheid/);
    const pdf = await session.page.pdf({ format: 'A4', printBackground: true });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages).toHaveLength(1);
    mkdirSync('test-results/screenshots', { recursive: true });
    await session.page.screenshot({ path: 'test-results/screenshots/print-report.png', fullPage: true });
    expect(session.foreign).toEqual([]);
  });
});

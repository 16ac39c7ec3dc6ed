/**
 * Browser benchmark in headless Debian Chromium: the built-in data's time to interactive, and
 * the synthetic national-scale dataset (scripts/bench-analysis.ts's generator: ~17,000
 * organisations, ~300,000 ties) loaded through the app's own import path.
 *
 *   npx tsx scripts/bench-browser.ts [--scale 1] [--skip-build]
 *
 * Prints, with the targets: built-in interactive after page load, national scale read, drawn and
 * analysed (timed from choosing the file), JS heap, and frame times while panning and zooming.
 * Options: --scale (dataset size, default 1), --settle (ms to wait before measuring frames).
 */
import { execSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { preview } from 'vite';
import { generateNationalDataset } from '../src/analysis/synthetic';
import { writeOrganisationsCsv, writeParticipationsCsv } from '../src/data/canonical';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const scale = arg('scale', 1);
const CHROMIUM = process.env.BRUGGEN_CHROMIUM ?? '/usr/bin/chromium';

if (!process.argv.includes('--skip-build')) execSync('npm run build', { stdio: 'inherit' });

// The national dataset as the canonical two-file layout a researcher would drop in.
const dataset = generateNationalDataset({ scale });
const dir = mkdtempSync(join(tmpdir(), 'bruggen-bench-'));
const participations = join(dir, 'national-participations.csv');
const organisations = join(dir, 'national-organisations.csv');
writeFileSync(participations, writeParticipationsCsv(dataset));
writeFileSync(organisations, writeOrganisationsCsv(dataset));

const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
const address = server.httpServer.address();
if (!address || typeof address === 'string') throw new Error('preview server did not start');
const url = `http://127.0.0.1:${address.port}/`;
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--use-angle=swiftshader',
    '--enable-unsafe-swiftshader',
    // Extra flags to compare rendering set-ups, e.g. BRUGGEN_CHROMIUM_FLAGS="--disable-gpu-vsync".
    ...(process.env.BRUGGEN_CHROMIUM_FLAGS?.split(' ').filter(Boolean) ?? []),
  ],
});

interface Row {
  what: string;
  value: number;
  unit: string;
  target?: number;
}
const rows: Row[] = [];
const since = (t: number) => (performance.now() - t) / 1000;

async function heapMB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0) / 1024 / 1024;
}

const drawn = (page: Page) =>
  page.waitForFunction(
    (min) => {
      const w = window as unknown as { __bruggen?: { sigma: { getGraph(): { order: number } } } };
      return (w.__bruggen?.sigma.getGraph().order ?? 0) >= min;
    },
    Math.floor(dataset.organisations.length * 0.9),
    { timeout: 300_000, polling: 100 },
  );

try {
  // 1. Built-in data: page load until the map is drawn and the analysis panels are filled.
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  let t = performance.now();
  await page.goto(url);
  await page.waitForSelector('[data-testid="graph-canvas"] canvas');
  rows.push({ what: 'built-in: map drawn after page load', value: since(t), unit: 's' });
  await page.getByTestId('analysis-ready').waitFor({ state: 'attached' });
  rows.push({ what: 'built-in: interactive with analysis after page load', value: since(t), unit: 's', target: 1.5 });

  // 2. National scale through "Open data".
  await page.getByTestId('open-data').click();
  t = performance.now();
  await page.getByTestId('import-panel').locator('input[type=file]').setInputFiles([participations, organisations]);
  await page.getByTestId('import-confirm').waitFor({ timeout: 300_000 });
  rows.push({ what: `national: file read and checked (${(dataset.participations.length / 1000).toFixed(0)}k rows)`, value: since(t), unit: 's' });
  await page.getByTestId('import-confirm').click();
  await page.getByTestId('layout-status').waitFor({ timeout: 300_000 });
  rows.push({ what: 'national: explorer shown, layout running', value: since(t), unit: 's' });
  await page.getByTestId('layout-status').waitFor({ state: 'detached', timeout: 300_000 });
  rows.push({ what: 'national: layout done', value: since(t), unit: 's' });
  await drawn(page);
  rows.push({ what: 'national: map drawn', value: since(t), unit: 's', target: 8 });
  await page.getByTestId('analysis-ready').waitFor({ state: 'attached', timeout: 300_000 });
  rows.push({ what: 'national: analysis panels filled', value: since(t), unit: 's', target: 25 });
  rows.push({ what: 'national: JS heap (main thread)', value: await heapMB(page), unit: 'MB' });

  // 3. Frame times, once the page has settled after the analysis: first while sigma animates the
  // camera (the zoom buttons, "zoom to"), then while the user drags and wheels with the mouse
  // (the target). In headless Chromium with software WebGL, camera animations run at about
  // 50 ms a frame even for a 170-organisation map, so that figure is the environment's floor.
  await page.waitForTimeout(arg('settle', 1500));
  const animated = (await page.evaluate(`(async () => {
    const sigma = window.__bruggen.sigma;
    const camera = sigma.getCamera();
    const frames = [];
    let last = performance.now();
    let running = true;
    const tick = (now) => { frames.push(now - last); last = now; if (running) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
    const start = camera.getState();
    await camera.animate({ x: start.x + 0.3 }, { duration: 1500 });
    await camera.animate({ ratio: start.ratio * 0.3 }, { duration: 1500 });
    await camera.animate({ x: start.x - 0.2, y: start.y + 0.2 }, { duration: 1500 });
    await camera.animate({ ratio: start.ratio }, { duration: 1500 });
    running = false;
    return frames.slice(1);
  })()`)) as number[];
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
  const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)] ?? NaN;
  rows.push({ what: `national: median frame, camera animation (${animated.length} frames)`, value: median(animated), unit: 'ms' });
  rows.push({ what: 'national: 95th percentile frame, camera animation', value: p95(animated), unit: 'ms' });

  const box = (await page.getByTestId('graph-canvas').boundingBox())!;
  await page.evaluate(`(() => {
    window.frames_ = [];
    let last = performance.now();
    const tick = (now) => { window.frames_.push(now - last); last = now; if (window.frames_.length < 100000) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  })()`);
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  for (let round = 0; round < 3; round++) {
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    for (let i = 0; i < 30; i++) await page.mouse.move(cx + i * 8, cy + i * 4);
    await page.mouse.up();
    for (let i = 0; i < 6; i++) {
      await page.mouse.wheel(0, round % 2 ? 120 : -120);
      await page.waitForTimeout(40);
    }
  }
  const dragged = (await page.evaluate('window.frames_.slice(1)')) as number[];
  rows.push({ what: `national: median frame while panning/zooming with the mouse (${dragged.length})`, value: median(dragged), unit: 'ms', target: 33 });
  rows.push({ what: 'national: 95th percentile frame, mouse', value: p95(dragged), unit: 'ms' });
} finally {
  await browser.close();
  await server.close();
}

console.log(`\nBrowser benchmark (Chromium headless, SwiftShader WebGL; national scale ${scale}: ${dataset.organisations.length} organisations, ${dataset.activities.length} activities)`);
for (const r of rows) {
  const value = r.unit === 's' ? r.value.toFixed(2) : r.value.toFixed(r.unit === 'ms' ? 1 : 0);
  const target = r.target === undefined ? '' : `  target < ${r.target} ${r.unit}  ${r.value < r.target ? 'ok' : 'MISSED'}`;
  console.log(`${r.what.padEnd(62)} ${value.padStart(8)} ${r.unit}${target}`);
}

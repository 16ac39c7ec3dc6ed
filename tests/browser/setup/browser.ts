import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type BrowserContextOptions, type Page, type Request } from 'playwright-core';
import { PNG } from 'pngjs';

import { afterAll, beforeAll, beforeEach, inject } from 'vitest';

const CHROMIUM = process.env.BRUGGEN_CHROMIUM ?? '/usr/bin/chromium';

/** Headless Debian Chromium with the flags this machine needs (no background networking). */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
    ],
  });
}

export const baseUrl = () => inject('baseUrl');

/** Records every request that leaves the app's origin: data must never leave the browser. */
export function watchForeignRequests(page: Page): Request[] {
  const foreign: Request[] = [];
  const origin = new URL(baseUrl()).origin;
  page.on('request', (r) => {
    const url = r.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).origin !== origin) foreign.push(r);
  });
  return foreign;
}

/** Opens the app and waits until sigma has drawn the built-in network (the canvas reports its camera). */
export async function openApp(page: Page, query = '', url = baseUrl()): Promise<void> {
  await page.goto(`${url}${query}`);
  await page.waitForSelector('[data-testid="graph-canvas"][data-camera] canvas', { timeout: 30_000 });
  // Two animation frames: sigma renders on the next frame after construction.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** Waits until every analysis stage is up to date. */
export async function analysisReady(page: Page): Promise<void> {
  await page.getByTestId('analysis-ready').waitFor({ state: 'attached', timeout: 60_000 });
}

export interface ProbedNode {
  /** Position on the canvas, in CSS pixels from its top-left corner. */
  x: number;
  y: number;
  color: string;
  hidden: boolean;
  label: string | null;
  size: number;
  highlighted: boolean;
  /** Pinned by dragging (ForceAtlas2 leaves it in place). */
  pinned: boolean;
}

/**
 * What the map draws for some nodes, through the canvas's `bruggen-probe` event (a DOM test hook,
 * like data-testid; nothing is exposed on window). Keys are the map's node keys.
 */
export async function probe(page: Page, keys: string[], canvas = 'graph-canvas'): Promise<Record<string, ProbedNode | null>> {
  return page.evaluate(
    ([nodes, testId]) => {
      const el = document.querySelector<HTMLElement>(`[data-testid="${testId}"]`)!;
      el.dispatchEvent(new CustomEvent('bruggen-probe', { detail: { nodes } }));
      return JSON.parse(el.dataset.probe ?? '{}') as Record<string, ProbedNode | null>;
    },
    [keys, canvas] as const,
  );
}

export interface DrawnLabel {
  key: string;
  x: number;
  y: number;
  width: number;
  height: number;
  text: string;
  layer: 'labels' | 'hover';
}

/** Every label box a map drew in its last frame (the probe's `labels` request), in CSS pixels of its canvas. */
export async function drawnLabels(page: Page, canvas = 'graph-canvas'): Promise<DrawnLabel[]> {
  return page.evaluate((testId) => {
    const el = document.querySelector<HTMLElement>(`[data-testid="${testId}"]`)!;
    el.dispatchEvent(new CustomEvent('bruggen-probe', { detail: { labels: true } }));
    return JSON.parse(el.dataset.probeLabels ?? '[]') as DrawnLabel[];
  }, canvas);
}

/** The suggested ties the map drew in its last frame (their numbers and node keys), through the probe. */
export async function suggestedOnMap(page: Page): Promise<{ number: number; a: string; b: string }[]> {
  return page.evaluate(() => {
    const el = document.querySelector<HTMLElement>('[data-testid="graph-canvas"]')!;
    el.dispatchEvent(new CustomEvent('bruggen-probe', { detail: { suggested: true } }));
    return JSON.parse(el.dataset.probeSuggested ?? '[]') as { number: number; a: string; b: string }[];
  });
}

/** The camera once it has stopped moving (two readings 300 ms apart agree). */
export async function settledCamera(page: Page, canvas = 'graph-canvas'): Promise<{ x: number; y: number; ratio: number }> {
  let last = await camera(page, canvas);
  for (let i = 0; i < 50; i++) {
    await page.waitForTimeout(300);
    const now = await camera(page, canvas);
    if (now.x === last.x && now.y === last.y && now.ratio === last.ratio) return now;
    last = now;
  }
  throw new Error('The camera did not settle.');
}

/** The map's camera: x, y and ratio. */
export async function camera(page: Page, canvas = 'graph-canvas'): Promise<{ x: number; y: number; ratio: number }> {
  const text = await page.getByTestId(canvas).getAttribute('data-camera');
  const [x, y, ratio] = (text ?? '').split(',').map(Number);
  return { x: x!, y: y!, ratio: ratio! };
}

/** Share of pixels in a PNG that differ from its most common colour (the background). */
export function nonBackgroundShare(png: Buffer): { share: number; distinctColours: number } {
  const image = PNG.sync.read(png);
  const counts = new Map<number, number>();
  const { data } = image;
  for (let i = 0; i < data.length; i += 4) {
    const key = (data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const total = data.length / 4;
  const background = Math.max(...counts.values());
  return { share: (total - background) / total, distinctColours: counts.size };
}

export interface BrowserSession {
  page: Page;
  /** Requests to other origins made by the current page (must stay empty). */
  foreign: Request[];
}

/**
 * Registers the hooks every browser test file needs: one Chromium per file, a fresh context and
 * page per test, watched for requests that leave the app's origin.
 */
export function browserSession(
  viewport: { width: number; height: number } = { width: 1440, height: 900 },
  contextOptions: BrowserContextOptions = {},
): BrowserSession {
  let browser: Browser | undefined;
  const session = { foreign: [] } as unknown as BrowserSession;
  beforeAll(async () => {
    mkdirSync('test-results/screenshots', { recursive: true });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    const context = await browser!.newContext({ viewport, ...contextOptions });
    session.page = await context.newPage();
    session.foreign = watchForeignRequests(session.page);
  });
  return session;
}

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

/** Opens the app and waits until sigma has drawn the built-in network. */
export async function openApp(page: Page, query = ''): Promise<void> {
  await page.goto(`${baseUrl()}${query}`);
  await page.waitForSelector('[data-testid="graph-canvas"] canvas');
  await page.waitForFunction(() => {
    const w = window as unknown as { __bruggen?: { sigma: { getGraph(): { order: number } } } };
    return (w.__bruggen?.sigma.getGraph().order ?? 0) > 0;
  });
  // Two animation frames: sigma renders on the next frame after construction.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
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

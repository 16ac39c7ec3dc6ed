import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analysisReady, browserSession, openApp } from './setup/browser';
import { reference } from './setup/denHaag';

/**
 * The README's first command is `npm start`: the dev server, with React's StrictMode mounting
 * every component twice. The analysis must finish there too (it once showed "0%" for ever when a
 * double mount killed the worker).
 */
let server: ViteDevServer;
let url = '';

beforeAll(async () => {
  server = await createServer({ server: { port: 0, host: '127.0.0.1', strictPort: false }, logLevel: 'error', clearScreen: false });
  await server.listen();
  const address = server.httpServer!.address();
  if (!address || typeof address === 'string') throw new Error('The dev server did not start.');
  url = `http://127.0.0.1:${address.port}/`;
}, 60_000);

afterAll(async () => {
  await server?.close();
});

const session = browserSession({ width: 1440, height: 900 });

describe('npm start (the dev server, StrictMode)', () => {
  it('finishes the analysis on the built-in data and shows the conveners', async () => {
    const errors: string[] = [];
    session.page.on('pageerror', (e) => errors.push(e.message));
    await openApp(session.page, '?view=conveners', url);
    await analysisReady(session.page);
    const expected = reference().conveners.picks.map((p) => p.id);
    const ids = await session.page.getByTestId('convener-pick').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
    expect(ids).toEqual(expected);
    await expect(session.page.getByTestId('analysis-progress').count()).resolves.toBe(0);
    expect(errors).toEqual([]);
  });
});

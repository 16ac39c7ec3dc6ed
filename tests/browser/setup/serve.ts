import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';

/**
 * Serves the production build (dist/, made by `npm test` before vitest starts) on a free local
 * port for the browser tests, and checks up front that Debian's Chromium is there.
 */
let server: PreviewServer | undefined;

export const CHROMIUM = process.env.BRUGGEN_CHROMIUM ?? '/usr/bin/chromium';

export default async function setup(project: TestProject) {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium was not found at ${CHROMIUM}. The browser tests drive Debian's Chromium: install it with\n` +
        `  sudo apt-get update && sudo apt-get install -y chromium\n` +
        `(or set BRUGGEN_CHROMIUM to another Chromium binary).`,
    );
  }
  if (!existsSync(join(process.cwd(), 'dist', 'index.html'))) {
    throw new Error('dist/index.html is missing: run `npm test` (it builds first) or `npm run build`.');
  }
  server = await preview({ preview: { port: 0, host: '127.0.0.1', strictPort: false }, logLevel: 'warn' });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('The preview server did not start.');
  project.provide('baseUrl', `http://127.0.0.1:${address.port}/`);
  return async () => {
    await server?.close();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

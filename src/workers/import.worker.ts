/// <reference lib="webworker" />
import { ImportSession } from '../data/import/pipeline';
import { serve } from './rpc';
import type { ImportProtocol } from './protocols';

/**
 * Reads (decode + parse, with progress) and builds imports off the main thread, keeping the
 * parsed tables here so a 100 MB file is never copied to the page. A cancel is seen between
 * chunks: the reader yields to the event loop after each one.
 */
const session = new ImportSession();

serve<ImportProtocol>(self as unknown as DedicatedWorkerGlobalScope, {
  async read({ files }, { progress, signal }) {
    let last = 0;
    const summaries = await session.read(files, {
      isCancelled: () => signal.aborted,
      onProgress: (p) => {
        // At most ~20 messages a second: progress must not flood the page.
        const now = Date.now();
        if (now - last < 50 && p.fraction < 1) return;
        last = now;
        progress(p);
      },
    });
    return summaries ?? null;
  },
  build({ request }) {
    return session.build(request);
  },
});

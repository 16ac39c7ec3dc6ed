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

/** At most ~20 progress messages a second: progress must not flood the page. */
function throttled<T>(post: (p: T) => void, done: (p: T) => boolean): (p: T) => void {
  let last = 0;
  return (p) => {
    const now = Date.now();
    if (now - last < 50 && !done(p)) return;
    last = now;
    post(p);
  };
}

serve<ImportProtocol>(self as unknown as DedicatedWorkerGlobalScope, {
  async read({ files }, { progress, signal }) {
    const summaries = await session.read(files, {
      isCancelled: () => signal.aborted,
      onProgress: throttled(progress, (p) => p.fraction >= 1),
    });
    return summaries ?? null;
  },
  async build({ request }, { progress, signal }) {
    const outcome = await session.buildAsync(request, {
      isCancelled: () => signal.aborted,
      onProgress: throttled(progress, (p) => p.rows >= p.total),
    });
    return outcome ?? null;
  },
});

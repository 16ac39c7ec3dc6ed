/// <reference lib="webworker" />
import { ImportSession } from '../data/import/pipeline';
import type { ImportWorkerRequest, ImportWorkerResponse } from '../data/import/protocol';

/**
 * Reads (decode + parse, with progress) and builds imports off the main thread, keeping the
 * parsed tables here so a 100 MB file is never copied to the page. A cancel message is seen
 * between chunks: the reader yields to the event loop after each one.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const session = new ImportSession();
const cancelled = new Set<number>();
const post = (message: ImportWorkerResponse) => scope.postMessage(message);

scope.onmessage = async (event: MessageEvent<ImportWorkerRequest>) => {
  const message = event.data;
  if (message.type === 'cancel') {
    cancelled.add(message.requestId);
    return;
  }
  const { requestId } = message;
  try {
    if (message.type === 'read') {
      let last = 0;
      const summaries = await session.read(message.files, {
        isCancelled: () => cancelled.has(requestId),
        onProgress: (progress) => {
          // At most ~20 messages a second: progress must not flood the page.
          const now = Date.now();
          if (now - last < 50 && progress.fraction < 1) return;
          last = now;
          post({ type: 'progress', requestId, progress });
        },
      });
      post(summaries ? { type: 'read-done', requestId, summaries } : { type: 'cancelled', requestId });
    } else {
      post({ type: 'built', requestId, outcome: session.build(message.request) });
    }
  } catch (e) {
    post({ type: 'failed', requestId, message: String((e as Error)?.message ?? e) });
  } finally {
    cancelled.delete(requestId);
  }
};

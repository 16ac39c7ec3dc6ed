/// <reference lib="webworker" />
import { openShelfDb, putShelfEntry } from '../session/shelf';
import { serve } from './rpc';
import type { ShelfProtocol } from './protocols';

/** Writes large shelf entries to IndexedDB off the main thread (see ShelfWriter in shelf.ts). */
serve<ShelfProtocol>(self as unknown as DedicatedWorkerGlobalScope, {
  async put({ name, summary, stored }) {
    const db = await openShelfDb(name);
    try {
      await putShelfEntry(db, summary, stored);
    } finally {
      db.close();
    }
    return null;
  },
});

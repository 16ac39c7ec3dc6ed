import type { BuildRequest, ImportOutcome, ReadProgress, SourceSummary } from './pipeline';

/** Messages to the import worker. Files travel as Blobs (a File is one): no copy of the bytes. */
export type ImportWorkerRequest =
  | { type: 'read'; requestId: number; files: { name: string; blob: Blob }[] }
  | { type: 'build'; requestId: number; request: BuildRequest }
  | { type: 'cancel'; requestId: number };

/** Messages from the import worker. */
export type ImportWorkerResponse =
  | { type: 'progress'; requestId: number; progress: ReadProgress }
  | { type: 'read-done'; requestId: number; summaries: SourceSummary[] }
  | { type: 'built'; requestId: number; outcome: ImportOutcome }
  | { type: 'cancelled'; requestId: number }
  | { type: 'failed'; requestId: number; message: string };

import { importSummary, ImportSession, type ImportSummary } from '../data/import/pipeline';
import type { Dataset } from '../data/model';
import type { ImportReport } from '../data/report';
import { reportForPage } from '../data/import/reportCsv';
import { copyPacked, packDataset, packedBuffers, type PackedDataset } from '../data/import/transport';
import { transfer, type Handlers } from './rpc';
import type { ImportProtocol } from './protocols';

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

/** The complete report's CSV bytes, to transfer rather than copy. */
const csvBuffer = (report: ImportReport): ArrayBuffer[] => (report.fullCsv ? [report.fullCsv.buffer as ArrayBuffer] : []);

/** Of the packed dataset: one for the analysis worker, one for the shelf (transport.ts `transferableCopy`). */
const SPARE_COPIES = 2;

/** A summary sent with its report's CSV bytes transferred. */
const withReport = (summary: ImportSummary): ImportSummary => transfer(summary, csvBuffer(summary.report));

/**
 * The import worker's methods over one session (import.worker.ts serves them; tests serve them
 * in-process). The parsed tables and the built dataset stay here: the page gets summaries while
 * the user reviews, and the dataset packed (src/data/import/transport.ts) once confirmed, so a
 * 100 MB file is never one huge object graph for the page to deserialise. A cancel is seen
 * between chunks: reading and building yield to the event loop after each one.
 */
export function importHandlers(session = new ImportSession()): Handlers<ImportProtocol> {
  // The built dataset packed while the user reads the report (about a second for H2020), so that
  // "show on the map" does not wait for it; used when no duplicates were merged (the same dataset).
  // The spare copies are for the analysis worker and the shelf, which the page would otherwise copy.
  let prepacked: { dataset: Dataset; packed: PackedDataset; spares: PackedDataset[] } | null = null;
  let packing: ReturnType<typeof setTimeout> | undefined;
  const packWithSpares = (dataset: Dataset) => {
    const packed = packDataset(dataset);
    return { dataset, packed, spares: Array.from({ length: SPARE_COPIES }, () => copyPacked(packed)) };
  };
  const prepack = (dataset: Dataset) => {
    clearTimeout(packing);
    packing = setTimeout(() => {
      if (prepacked?.dataset !== dataset && session.built() === dataset) prepacked = packWithSpares(dataset);
    }, 0);
  };
  return {
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
      if (!outcome) return null;
      prepack(outcome.dataset);
      return withReport(importSummary(outcome));
    },
    review({ accepted }) {
      return withReport(session.review(accepted));
    },
    take({ accepted }) {
      // A confirmation before the packing began packs here, once.
      clearTimeout(packing);
      const outcome = session.decide(accepted);
      const ready = prepacked?.dataset === outcome.dataset ? prepacked : packWithSpares(outcome.dataset);
      // Its buffers move to the page with this reply.
      prepacked = null;
      const report = reportForPage(outcome.report);
      // The shelf keeps the report too: a copy of its CSV for that.
      const spares = { packed: ready.spares, fullCsv: report.fullCsv ? [report.fullCsv.slice()] : [] };
      const buffers = [ready.packed, ...spares.packed].flatMap(packedBuffers);
      return transfer({ packed: ready.packed, report, spares }, [...buffers, ...csvBuffer(report), ...spares.fullCsv.map((b) => b.buffer as ArrayBuffer)]);
    },
  };
}

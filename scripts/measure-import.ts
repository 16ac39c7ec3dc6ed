/**
 * Measures the import pipeline on hostile and large inputs (issue 12 §4), as the import worker
 * runs it: the same ImportSession, in Node.
 *
 *   npx tsx scripts/measure-import.ts [--mb 100] [--old-regex-full]
 *
 * Prints, for a generated participations CSV of about 100 MB: read time (decode + parse, streamed),
 * build time, the longest stretch without yielding to the event loop (what would delay a cancel
 * or a progress message in the worker), the cancel latency during reading and during building,
 * and the cost of copying the outcome to the page (structured clone, as postMessage does). Then
 * the markup check on one long cell (the old regex against the linear scan) and a 60,000-column
 * file. Not a test: figures depend on the machine.
 */
import { performance } from 'node:perf_hooks';
import { deserialize, serialize } from 'node:v8';
import { importSummary, ImportSession, planMappings, type SourceInput } from '../src/data/import/pipeline';
import { packDataset, packedBuffers, unpackDataset } from '../src/data/import/transport';
import { hasMarkup } from '../src/data/import/values';

const args = process.argv.slice(2);
const mb = Number(args[args.indexOf('--mb') + 1] ?? 100) || 100;
const oldRegexFull = args.includes('--old-regex-full');
const OLD_MARKUP = /<\s*\/?\s*[a-z][^>]*>|javascript:/i;

const ms = (x: number) => `${Math.round(x).toLocaleString('en-GB')} ms`;
const s = (x: number) => `${(x / 1000).toFixed(1)} s`;

/** The `q` quantile of some numbers. */
function percentile(xs: readonly number[], q: number): number {
  if (!xs.length) return 0;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/**
 * How long the event loop was busy between two turns while `run` runs, sampled by a 5 ms timer:
 * what would delay a cancel or a progress message in the worker. On a shared machine the longest
 * also includes time the process did not get a core, and garbage collection.
 */
async function withLag<T>(run: () => Promise<T>): Promise<{ value: T; lags: number[]; time: number }> {
  let last = performance.now();
  const lags: number[] = [];
  const timer = setInterval(() => {
    const now = performance.now();
    lags.push(Math.max(0, now - last - 5));
    last = now;
  }, 5);
  const start = performance.now();
  const value = await run();
  const time = performance.now() - start;
  clearInterval(timer);
  return { value, lags, time };
}

const stretches = (lags: readonly number[]) =>
  `busy stretches between event-loop turns: median ${ms(percentile(lags, 0.5))}, 99th percentile ${ms(percentile(lags, 0.99))}, longest ${ms(lags.reduce((a, b) => Math.max(a, b), 0))}`;

/** A participations CSV of about `megabytes` MB: CORDIS-like rows, quoted titles, some accents. */
function participationsCsv(megabytes: number): { blob: Blob; rows: number } {
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [encoder.encode('activity_id,activity_title,source,start_year,organisation_id,organisation,sector,city,country,role\n')];
  let size = parts[0]!.length;
  let rows = 0;
  const target = megabytes * 1_000_000;
  const sectors = ['care', 'tech', 'knowledge', 'government', ''];
  while (size < target) {
    const lines: string[] = [];
    for (let k = 0; k < 10_000; k++, rows++) {
      const a = Math.floor(rows / 12);
      const o = (rows * 7919) % 250_000;
      lines.push(`P${a},"Project ${a}: zorg, welzijn en technologie — fase ${a % 4}",RVO,${2014 + (a % 10)},org-${o},"Organisatie ${o} B.V.",${sectors[o % 5]},Den Haag,NL,${rows % 12 === 0 ? 'lead' : 'partner'}`);
    }
    const bytes = encoder.encode(lines.join('\n') + '\n');
    parts.push(bytes);
    size += bytes.length;
  }
  return { blob: new Blob(parts as Uint8Array<ArrayBuffer>[]), rows };
}

async function large() {
  console.log(`\n== A ${mb} MB participations CSV ==`);
  const { blob, rows } = participationsCsv(mb);
  console.log(`${(blob.size / 1e6).toFixed(1)} MB, ${rows.toLocaleString('en-GB')} rows`);
  const input: SourceInput = { name: 'big.csv', blob };

  const session = new ImportSession();
  let progressMessages = 0;
  const heapBefore = process.memoryUsage().heapUsed;
  const read = await withLag(() => session.read([input], { onProgress: () => void progressMessages++ }));
  console.log(`read (decode + parse, streamed): ${s(read.time)}; ${progressMessages} progress messages; ${stretches(read.lags)}`);
  const plans = planMappings(read.value!);
  const build = await withLag(() => session.buildAsync({ datasetName: 'big', mappings: new Map(plans.map((p) => [p.table.id, p.mapping])) }));
  const outcome = build.value!;
  console.log(`build: ${s(build.time)}; ${stretches(build.lags)}`);
  console.log(`result: ${outcome.dataset.organisations.length.toLocaleString('en-GB')} organisations, ${outcome.dataset.activities.length.toLocaleString('en-GB')} activities, ${outcome.dataset.participations.length.toLocaleString('en-GB')} participations; read = ${outcome.report.rowsRead} = ${outcome.report.rowsUsed} + ${outcome.report.rowsMerged} + ${outcome.report.rowsRejected}`);
  console.log(`heap after build: ${Math.round((process.memoryUsage().heapUsed - heapBefore) / 1e6)} MB more than before reading`);
  // What the page receives. Before: the whole outcome as one structured clone. Now: a summary
  // while reviewing, then the packed dataset (transferred buffers), rebuilt a slice at a time.
  let t = performance.now();
  const bytes = serialize(outcome);
  const serialised = performance.now() - t;
  t = performance.now();
  deserialize(bytes);
  console.log(`(before) whole outcome to the page as one structured clone: ${(bytes.length / 1e6).toFixed(0)} MB, serialise ${ms(serialised)} in the worker, deserialise ${ms(performance.now() - t)} on the page in one go`);
  t = performance.now();
  const summary = importSummary(outcome);
  // The complete report's CSV bytes are transferred, not cloned.
  const summaryBytes = serialize({ ...summary, report: { ...summary.report, fullCsv: undefined } });
  const summarySerialised = performance.now() - t;
  t = performance.now();
  deserialize(summaryBytes);
  console.log(
    `summary for the review step: ${(summaryBytes.length / 1e6).toFixed(1)} MB cloned (serialise ${ms(summarySerialised)}, deserialise ${ms(performance.now() - t)} on the page) + ${((summary.report.fullCsv?.length ?? 0) / 1e6).toFixed(1)} MB of report CSV transferred`,
  );
  t = performance.now();
  const packed = packDataset(outcome.dataset);
  const packTime = performance.now() - t;
  const transferred = packedBuffers(packed).reduce((n, b) => n + b.byteLength, 0);
  t = performance.now();
  // What is structured-cloned besides the transferred buffers: the small JSON of the rest and the field names.
  deserialize(serialize({ rest: packed.rest, keys: [packed.organisations.keys, packed.activities.keys, packed.participations.keys] }));
  const cloned = performance.now() - t;
  const slices: number[] = [];
  let sliceStart = performance.now();
  t = performance.now();
  await unpackDataset(packed, {
    pause: async () => {
      slices.push(performance.now() - sliceStart);
      await new Promise((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    },
  });
  const rebuilt = performance.now() - t;
  console.log(
    `packed dataset: pack ${ms(packTime)} in the worker; ${(transferred / 1e6).toFixed(0)} MB of buffers transferred (no copy), the rest cloned in ${ms(cloned)}; rebuilt on the page in ${ms(rebuilt)} in ${slices.length} slices: median ${ms(percentile(slices, 0.5))}, 95th percentile ${ms(percentile(slices, 0.95))}, longest ${ms(slices.reduce((a, b) => Math.max(a, b), 0))}`,
  );

  // Cancel latency: a cancel message arrives halfway (a timer due then; it runs at the next turn
  // of the event loop, as a message would), and the time until the read or build has stopped is
  // measured from when it was due.
  for (const phase of ['read', 'build'] as const) {
    const cancelSession = new ImportSession();
    if (phase === 'build') await cancelSession.read([input]);
    let cancelled = false;
    const isCancelled = () => cancelled;
    const due = (phase === 'read' ? read.time : build.time) / 2;
    const start = performance.now();
    setTimeout(() => void (cancelled = true), due);
    const result =
      phase === 'read'
        ? await cancelSession.read([input], { isCancelled })
        : await cancelSession.buildAsync({ datasetName: 'big', mappings: new Map() }, { isCancelled });
    console.log(`cancel while ${phase === 'read' ? 'reading' : 'building'} (halfway): stopped ${ms(performance.now() - start - due)} after the cancel was due; ${result === undefined ? 'cancelled' : 'NOT cancelled'}`);
  }
}

function markup() {
  console.log('\n== The markup check on one long cell of "<a" without ">" ==');
  for (const n of [20_000, 40_000, 80_000, ...(oldRegexFull ? [330_000] : [])]) {
    const cell = '<a'.repeat(n / 2);
    let t = performance.now();
    OLD_MARKUP.test(cell);
    const old = performance.now() - t;
    t = performance.now();
    hasMarkup(cell);
    console.log(`${n.toLocaleString('en-GB')} characters: old regex ${ms(old)}, linear check ${ms(performance.now() - t)}`);
  }
  for (const n of [330_000, 20_000_000]) {
    const cell = '<a'.repeat(n / 2);
    const t = performance.now();
    hasMarkup(cell);
    console.log(`${n.toLocaleString('en-GB')} characters: linear check ${ms(performance.now() - t)}`);
  }
}

async function wide() {
  console.log('\n== 60,000 columns, 100 rows ==');
  const header = Array.from({ length: 60_000 }, (_, i) => (i === 0 ? 'project' : i === 59_999 ? 'organisatie' : `kolom ${i}`));
  const lines = [header.join(';')];
  for (let r = 0; r < 100; r++) lines.push(Array.from({ length: 60_000 }, (_, j) => (j === 0 ? `P${r % 9}` : j === 59_999 ? `Org ${r}` : `${r}.${j}`)).join(';'));
  const blob = new Blob([lines.join('\n')]);
  const session = new ImportSession();
  let t = performance.now();
  const summaries = (await session.read([{ name: 'wide.csv', blob }]))!;
  const readTime = performance.now() - t;
  t = performance.now();
  const plans = planMappings(summaries);
  const planTime = performance.now() - t;
  t = performance.now();
  const outcome = session.build({ datasetName: 'wide', mappings: new Map(plans.map((p) => [p.table.id, p.mapping])) });
  console.log(`${(blob.size / 1e6).toFixed(1)} MB: read ${ms(readTime)}, recognise ${ms(planTime)} (${plans[0]!.mapping.role}), build ${ms(performance.now() - t)}; ${outcome.dataset.participations.length} participations`);
  t = performance.now();
  serialize(summaries);
  console.log(`summaries to the page: ${ms(performance.now() - t)} to serialise`);
}

await large();
markup();
await wide();

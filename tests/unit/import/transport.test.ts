import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCanonicalFiles } from '../../../src/data/canonical';
import { importFiles, planMappings } from '../../../src/data/import/pipeline';
import { reportForPage, reportToCsv } from '../../../src/data/import/reportCsv';
import { groupProblems } from '../../../src/ui/import/problemText';
import { copyPacked, keepSpareCopies, packDataset, packedBuffers, transferableBytes, transferableCopy, unpackDataset } from '../../../src/data/import/transport';
import type { Dataset } from '../../../src/data/model';
import { createInlineEngine, createWorkerEngine, type ImportEngine } from '../../../src/ui/import/engine';
import { importHandlers } from '../../../src/workers/importHandlers';
import { inProcessPair, RpcClient, serve } from '../../../src/workers/rpc';
import type { ImportProtocol } from '../../../src/workers/protocols';
import { input } from './helpers';

/** The dataset's trip from the import worker to the page: packed, transferred, rebuilt in slices. */

const DIR = join(process.cwd(), 'data/den-haag');
const denHaag = (): Dataset =>
  parseCanonicalFiles(['organisations.csv', 'activities.csv', 'participations.csv', 'stated-counts.csv'].map((name) => ({ name, text: readFileSync(join(DIR, name), 'utf8') })), {
    datasetName: 'Den Haag',
  }).dataset;

describe('packed datasets', () => {
  it('round-trip the built-in data exactly, through a structured clone with the buffers transferred', async () => {
    const dataset = denHaag();
    dataset.focal = 'gemeente-den-haag';
    const packed = packDataset(dataset);
    const copy = structuredClone(packed, { transfer: packedBuffers(packed) });
    let pauses = 0;
    const back = await unpackDataset(copy, { slice: 50, pause: async () => void pauses++ });
    expect(back).toEqual(dataset);
    expect(pauses).toBeGreaterThan(5);
  });

  it('keeps fields named after built-ins as own values, and numbers, booleans, lists and absent fields', async () => {
    const dataset: Dataset = {
      name: 'x',
      organisations: [
        { id: '__proto__', name: 'constructor', sector: 'care', sectorInferred: true, aliases: ['a', 'b'], provenance: [], extra: JSON.parse('{"__proto__":"p","constructor":"c"}') },
        { id: 'toString', name: 'valueOf', sector: 'tech', aliases: [], provenance: ['f#row 2'] },
      ],
      activities: [{ id: 'hasOwnProperty', title: '', kind: 'project', source: 'x', startYear: 2020, statedParticipants: 0, provenance: [] }],
      participations: [{ activityId: 'hasOwnProperty', organisationId: '__proto__', role: 'lead' }],
    };
    const back = await unpackDataset(structuredClone(packDataset(dataset)));
    expect(back).toEqual(dataset);
    expect(Object.hasOwn(back.organisations[0]!.extra!, '__proto__')).toBe(true);
    expect(back.organisations[1]).not.toHaveProperty('sectorInferred');
  });
});

describe('the report as the page gets it', () => {
  it('keeps the first 200 problems of each kind and counts the rest; the CSV has every one', async () => {
    const lines = ['activity_id,organisation'];
    for (let i = 0; i < 500; i++) lines.push(`a${i},Stichting ${i}`);
    const { outcome } = await importFiles([input('p.csv', lines.join('\n'))]);
    const inferred = outcome.report.problems.filter((p) => p.code === 'sector-inferred').length;
    expect(inferred).toBe(500);
    const page = reportForPage(outcome.report);
    const shown = page.problems.filter((p) => p.code === 'sector-inferred');
    expect(shown).toHaveLength(201);
    expect(shown.at(-1)).toMatchObject({ omitted: 300 });
    expect(groupProblems(page.problems).find((g) => g.code === 'sector-inferred')!.count).toBe(500);
    expect(reportToCsv(page)).toBe(reportToCsv(outcome.report));
    expect(reportToCsv(page).split('\n').filter((l) => l.includes(',sector-inferred,'))).toHaveLength(500);
  });

  it('is made once per report, and each caller gets CSV bytes of its own (sending moves them)', async () => {
    const lines = ['activity_id,organisation'];
    for (let i = 0; i < 300; i++) lines.push(`a${i},Stichting ${i}`);
    const { outcome } = await importFiles([input('p.csv', lines.join('\n'))]);
    const first = reportForPage(outcome.report);
    const bytes = first.fullCsv!.slice();
    // Moving the first caller's bytes to another thread detaches them...
    structuredClone(first.fullCsv, { transfer: [first.fullCsv!.buffer as ArrayBuffer] });
    expect(first.fullCsv!.byteLength).toBe(0);
    // ...and the next caller still gets all of them.
    const second = reportForPage(outcome.report);
    expect(second.problems).toBe(first.problems);
    expect(second.fullCsv).toEqual(bytes);
  });
});

describe('the worker engine over the real protocol (in-process)', () => {
  const csv = 'activity_id,organisation,sector\nA1,De Haagse Hogeschool,knowledge\nA1,Haagse Hogeschool,\nA2,Gemeente Delft,government\nA2,TU Delft,\n';
  /** Reads one CSV text and builds it with the planned mappings. */
  const readAndBuild = async (engine: ImportEngine, text: string) => {
    const summaries = await engine.read([input('p.csv', text)], () => {}).result;
    if (summaries === 'cancelled') throw new Error('cancelled');
    const plans = planMappings(summaries);
    const built = await engine.build({ datasetName: 'p', mappings: new Map(plans.map((p) => [p.table.id, p.mapping])) }, () => {}).result;
    if (built === 'cancelled') throw new Error('cancelled');
    return built;
  };

  it('reads, builds, reviews a merge and hands over the same dataset as the inline engine', async () => {
    const [page, worker] = inProcessPair();
    serve<ImportProtocol>(worker, importHandlers());
    const engine = createWorkerEngine(() => page);
    const inline = createInlineEngine();
    const results = [];
    for (const e of [engine, inline]) {
      const built = await readAndBuild(e, csv);
      expect(built.counts).toMatchObject({ organisations: 4, participations: 4 });
      expect(built.duplicates).toHaveLength(1);
      const view = await e.review([built.duplicates[0]!.id]);
      expect(view.counts.organisations).toBe(3);
      expect(view.report.rowsRead).toBe(view.report.rowsUsed + view.report.rowsMerged + view.report.rowsRejected);
      results.push(await e.take([built.duplicates[0]!.id]));
    }
    const [fromWorker, fromInline] = results as [(typeof results)[number], (typeof results)[number]];
    expect({ dataset: fromWorker.dataset, report: fromWorker.report }).toEqual(fromInline);
    // The worker also hands over the packed form (for the analysis worker and the shelf): the same data.
    expect(await unpackDataset(fromWorker.packed!)).toEqual(fromInline.dataset);
    expect(results[0]!.dataset.organisations.find((o) => o.name === 'De Haagse Hogeschool')!.aliases).toEqual(['Haagse Hogeschool']);
    engine.dispose();
  });

  it('hands over spare copies made in the worker (two of the dataset, one of the report CSV), each with buffers of its own', async () => {
    const [page, worker] = inProcessPair();
    serve<ImportProtocol>(worker, importHandlers());
    const engine = createWorkerEngine(() => page);
    // 250 organisations whose sector is inferred: more notes of one kind than the page gets, so the report has its CSV.
    await readAndBuild(engine, `activity_id,organisation\n${Array.from({ length: 250 }, (_x, i) => `A${i},Organisatie ${i}`).join('\n')}\n`);
    const client = new RpcClient<ImportProtocol>(page);
    const { packed, report, spares } = await client.call('take', { accepted: [] });
    expect(report.fullCsv).toBeDefined();
    expect(spares.packed).toHaveLength(2);
    const buffers = [...[packed, ...spares.packed].flatMap(packedBuffers), report.fullCsv!.buffer, ...spares.fullCsv.map((b) => b.buffer)];
    expect(new Set(buffers).size).toBe(buffers.length);
    for (const spare of spares.packed) expect(await unpackDataset(spare)).toEqual(await unpackDataset(packed));
    expect(spares.fullCsv).toEqual([report.fullCsv]);
    engine.dispose();
  });

  it('passes the spares on before copying on the page', async () => {
    const packed = packDataset(denHaag());
    const spares = [copyPacked(packed), copyPacked(packed)];
    keepSpareCopies(packed, spares);
    const taken = [transferableCopy(packed), transferableCopy(packed)];
    expect(new Set(taken)).toEqual(new Set(spares));
    // Once they are gone, a copy is made: equal data, buffers of its own.
    const made = transferableCopy(packed);
    expect(spares).not.toContain(made);
    expect(made).toEqual(packed);
    expect(packedBuffers(made).some((b) => packedBuffers(packed).includes(b))).toBe(false);
    // Bytes likewise.
    const bytes = new TextEncoder().encode('a,b\n1,2\n');
    const spareBytes = bytes.slice();
    keepSpareCopies(bytes, [spareBytes]);
    expect(transferableBytes(bytes)).toBe(spareBytes);
    const copied = transferableBytes(bytes);
    expect(copied).not.toBe(bytes);
    expect(copied.buffer).not.toBe(bytes.buffer);
    expect(copied).toEqual(bytes);
  });

  it('packs the built dataset while the report is read, and never hands over a stale or unmerged one', async () => {
    const [page, worker] = inProcessPair();
    serve<ImportProtocol>(worker, importHandlers());
    const engine = createWorkerEngine(() => page);
    const buildFile = async (text: string) => {
      const built = await readAndBuild(engine, text);
      // The user reads the report: the worker packs meanwhile.
      await new Promise((resolve) => setTimeout(resolve, 20));
      return built;
    };
    const expected = async (text: string, accepted: (b: Awaited<ReturnType<typeof buildFile>>) => string[]) => {
      const inline = createInlineEngine();
      return (await inline.take(accepted(await readAndBuild(inline, text)))).dataset;
    };
    // No merge: the dataset packed during the review.
    await buildFile(csv);
    const plain = await engine.take([]);
    expect(await unpackDataset(plain.packed!)).toEqual(await expected(csv, () => []));
    expect(plain.dataset.organisations).toHaveLength(4);
    // A second file built after the first was packed: its own dataset.
    const other = 'activity_id,organisation\nB1,Zorggroep West\nB1,Robot BV\n';
    await buildFile(other);
    expect((await engine.take([])).dataset).toEqual(await expected(other, () => []));
    // A merge accepted: packed afresh, with the merge.
    const built = await buildFile(csv);
    const merged = await engine.take([built.duplicates[0]!.id]);
    expect(merged.dataset.organisations).toHaveLength(3);
    expect(await unpackDataset(merged.packed!)).toEqual(await expected(csv, (b) => [b.duplicates[0]!.id]));
    engine.dispose();
  });

  it('a cancelled build stops within a step', async () => {
    const [page, worker] = inProcessPair();
    serve<ImportProtocol>(worker, importHandlers());
    const engine = createWorkerEngine(() => page);
    const lines = ['activity_id,organisation'];
    for (let i = 0; i < 100_000; i++) lines.push(`a${i % 500},org ${i}`);
    const summaries = await engine.read([input('big.csv', lines.join('\n'))], () => {}).result;
    if (summaries === 'cancelled') throw new Error('cancelled');
    const progress: number[] = [];
    const handle: { cancel?: () => void } = {};
    const building = engine.build({ datasetName: 'big', mappings: new Map() }, (p) => {
      progress.push(p.rows);
      handle.cancel?.();
    });
    handle.cancel = building.cancel;
    expect(await building.result).toBe('cancelled');
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)!).toBeLessThan(100_000);
    engine.dispose();
  });
});

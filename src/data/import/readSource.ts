import readXlsxFile from 'read-excel-file/universal';
import { importProblem } from '../problemWords';
import type { ImportProblem, ProblemParams } from '../report';
import { readGexfDocument, readJsonDocument, type DocumentExtras, type RecordSource } from './datasetFiles';
import { decodeBlob } from './decode';
import { extensionOf, notATable, sniffFile, SNIFF_BYTES, WORKBOOK_EXTENSIONS } from './sniff';
import { readDelimitedBlob, tableFromRecords, type RawTable } from './table';
import { checkSheets } from './sheetCheck';
import { checkZip } from './zipCheck';
import { ProblemCollector } from './values';

/** A file handed to the importer; a browser File is a Blob, Node wraps its bytes in one. */
export interface SourceInput {
  name: string;
  blob: Blob;
}

export interface ReadProgress {
  file: string;
  fileIndex: number;
  fileCount: number;
  phase: 'reading' | 'parsing';
  /** Fraction of this file's phase done, 0..1. */
  fraction: number;
}

export type SourceRead =
  | { kind: 'tables'; file: string; tables: RawTable[]; problems: ImportProblem[] }
  | { kind: 'records'; file: string; format: 'json' | 'gexf'; sources: RecordSource[]; problems: ImportProblem[]; extras?: DocumentExtras }
  | { kind: 'failed'; file: string; problem: ImportProblem };

export interface ReadOptions {
  onProgress?: (p: Omit<ReadProgress, 'fileIndex' | 'fileCount'>) => void;
  isCancelled?: () => boolean;
}

const fail = (file: string, code: string, params: ProblemParams = {}, variant?: string): SourceRead => ({
  kind: 'failed',
  file,
  problem: importProblem({ file, severity: 'error' }, code, params, variant),
});

/**
 * Reads one file into tables (CSV/TSV/TXT, each sheet of a workbook) or records (Bruggen JSON,
 * GEXF), or says precisely why it cannot. Resolves to undefined when cancelled.
 */
export async function readSource(input: SourceInput, tableId: string, options: ReadOptions = {}): Promise<SourceRead | undefined> {
  const { name, blob } = input;
  const head = new Uint8Array(await blob.slice(0, SNIFF_BYTES).arrayBuffer());
  const kind = sniffFile(name, blob.size, head);
  const progress = (phase: ReadProgress['phase'], fraction: number) => options.onProgress?.({ file: name, phase, fraction });
  const refused = notATable(kind, name, head);
  if (refused) return { kind: 'failed', file: name, problem: refused };
  if (kind === 'xlsx') return readWorkbook(name, blob, tableId, progress);
  if (kind === 'json' || kind === 'gexf') {
    // The app's own documents are parsed whole (JSON.parse and the XML parser need all of it).
    const decoded = await decodeBlob(blob, {
      onProgress: (loaded, total) => progress('reading', total ? loaded / total : 1),
      ...(options.isCancelled ? { isCancelled: options.isCancelled } : {}),
    });
    if (!decoded) return undefined;
    if (!decoded.text.trim()) return blankFile(name);
    const reading = kind === 'json' ? readJsonDocument(decoded.text, name) : readGexfDocument(decoded.text, name);
    progress('parsing', 1);
    if (!reading.ok) return { kind: 'failed', file: name, problem: reading.problem };
    return { kind: 'records', file: name, format: kind, sources: reading.sources, problems: reading.problems, ...(reading.extras ? { extras: reading.extras } : {}) };
  }
  // Delimited text is decoded and parsed in one streaming pass.
  const read = await readDelimitedBlob(blob, name, {
    id: tableId,
    onProgress: ({ done, total }) => progress('parsing', total ? done / total : 1),
    ...(options.isCancelled ? { isCancelled: options.isCancelled } : {}),
  });
  if (!read) return undefined;
  const { table, encoding } = read;
  if (!table.header.length && !table.rows.length) return blankFile(name);
  const problems: ImportProblem[] = [];
  if (encoding === 'windows-1252') problems.push(importProblem({ file: name, severity: 'info' }, 'encoding-fallback'));
  const ext = extensionOf(name);
  if (WORKBOOK_EXTENSIONS.has(ext)) problems.push(importProblem({ file: name, severity: 'warning' }, 'text-named-as-workbook', { name, extension: ext }));
  return { kind: 'tables', file: name, tables: [table], problems };
}

const blankFile = (name: string) => fail(name, 'blank-file');


async function readWorkbook(
  name: string,
  blob: Blob,
  tableId: string,
  progress: (phase: ReadProgress['phase'], fraction: number) => void,
): Promise<SourceRead> {
  let sheets: Awaited<ReturnType<typeof readXlsxFile>>;
  progress('reading', 0);
  const bytes = new Uint8Array(await blob.arrayBuffer());
  // Declared sizes and ratios first: a ZIP bomb is refused before anything is inflated.
  const verdict = checkZip(bytes);
  if (!verdict.ok) return fail(name, 'suspicious-workbook', { name, ...verdict.params }, verdict.variant);
  // Then where the cells reach: read-excel-file makes a full grid of every sheet.
  const extent = checkSheets(bytes);
  if (!extent.ok) return fail(name, 'suspicious-workbook', { name, ...extent.params }, extent.variant);
  try {
    sheets = await readXlsxFile(bytes.buffer);
  } catch (e) {
    const detail = String((e as Error).message ?? e).slice(0, 120);
    // read-excel-file runs out of stack or memory on large sheets (about 150,000 rows here, after a
    // minute): that workbook is not damaged, only too large for it, and CSV has no such limit.
    if (e instanceof RangeError || /call stack|string length|out of memory|allocation failed/i.test(detail)) {
      return fail(name, 'unreadable-workbook', { name, detail }, 'too-large');
    }
    // A TypeError is the reader tripping over XML it did not expect (a cell without its "r"): its
    // message ("Cannot read properties of undefined") says nothing to the user.
    if (e instanceof TypeError) return fail(name, 'unreadable-workbook', { name, detail }, 'damaged');
    // One cell whose value does not fit its type (NaN in a number cell, a missing shared string):
    // the reader names its row and column, which is what the user needs to find it.
    const cell = /at row (\d+), col (\d+)/.exec(detail);
    if (cell) return fail(name, 'unreadable-workbook', { name, row: Number(cell[1]), column: columnLetters(Number(cell[2]) - 1) }, 'cell');
    return fail(name, 'unreadable-workbook', { name, detail });
  }
  progress('parsing', 1);
  const withData = sheets.filter((s) => s.data.some((r) => r.some((c) => c !== null && String(c).trim() !== '')));
  if (!withData.length) {
    return fail(name, 'empty-workbook', { name });
  }
  const problems = new ProblemCollector();
  const tables = withData.map((s, i) => {
    const file = withData.length > 1 ? `${name} [${s.sheet}]` : name;
    const header = s.data.find((r) => r.some((c) => c !== null && String(c).trim() !== ''));
    const records = s.data.map((r, row) =>
      r.map((value, column) => {
        if (!(value instanceof Date) || isShownDate(value)) return cellText(value);
        // Read as empty and said: the sheet holds a number Excel cannot show as a date.
        const where = header && header !== r ? cellText(header[column]) : '';
        problems.addCapped(importProblem({ file, row: row + 1, column: where || columnLetters(column), severity: 'warning' }, 'workbook-date-out-of-range'));
        return '';
      }),
    );
    return tableFromRecords(records, file, withData.length > 1 ? `${tableId}:${i}` : tableId, s.sheet);
  });
  return { kind: 'tables', file: name, tables, problems: problems.finish() };
}

/**
 * A date a spreadsheet can show: Excel's dates run from 1900 (1904 in the old Mac system) to the
 * end of 9999, and a date-formatted cell outside them shows as ####. The reader still makes a Date
 * of it (an invalid one for 1e15, year 10000 for 2958466), which has no text to give.
 */
function isShownDate(value: Date): boolean {
  const year = value.getUTCFullYear();
  return Number.isFinite(year) && year >= 1900 && year <= 9999;
}

/** Column index → its letters in a spreadsheet (0 → A, 26 → AA). */
function columnLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** Spreadsheet cell → text as the sheet shows it: dates as ISO dates, numbers without exponent noise. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(15)));
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

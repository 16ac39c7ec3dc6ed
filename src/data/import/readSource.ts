import readXlsxFile from 'read-excel-file/universal';
import type { ImportProblem } from '../report';
import { readGexfDocument, readJsonDocument, type RecordSource } from './datasetFiles';
import { decodeBlob, ENCODING_LABELS } from './decode';
import { sniffFile, SNIFF_BYTES } from './sniff';
import { parseDelimitedChunked, tableFromRecords, type RawTable } from './table';

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
  | { kind: 'records'; file: string; format: 'json' | 'gexf'; sources: RecordSource[]; problems: ImportProblem[] }
  | { kind: 'failed'; file: string; problem: ImportProblem };

export interface ReadOptions {
  onProgress?: (p: Omit<ReadProgress, 'fileIndex' | 'fileCount'>) => void;
  isCancelled?: () => boolean;
}

const fail = (file: string, code: string, message: string, fix: string): SourceRead => ({
  kind: 'failed',
  file,
  problem: { file, severity: 'error', code, message, fix },
});

const EXPORT_FIX = 'Open it in the program that made it and export the table as CSV (UTF-8) or Excel (.xlsx).';

/**
 * Reads one file into tables (CSV/TSV/TXT, each sheet of a workbook) or records (Bruggen JSON,
 * GEXF), or says precisely why it cannot. Resolves to undefined when cancelled.
 */
export async function readSource(input: SourceInput, tableId: string, options: ReadOptions = {}): Promise<SourceRead | undefined> {
  const { name, blob } = input;
  const head = new Uint8Array(await blob.slice(0, SNIFF_BYTES).arrayBuffer());
  const kind = sniffFile(name, blob.size, head);
  const progress = (phase: ReadProgress['phase'], fraction: number) => options.onProgress?.({ file: name, phase, fraction });
  switch (kind) {
    case 'empty':
      return fail(name, 'empty-file', 'The file is empty (0 bytes): there is nothing to import.', 'Check that you chose the right file and that the export finished.');
    case 'ole':
      return fail(name, 'old-office-file', 'This is an Excel 97–2003 workbook (.xls), a password-protected workbook or another old Office file, which Bruggen cannot read.', 'In Excel choose File › Save As › "Excel Workbook (.xlsx)" or "CSV UTF-8", then open that file.');
    case 'pdf':
      return fail(name, 'pdf-file', `"${name}" is a PDF document, not a table.`, 'Export the table itself from the source as CSV or Excel.');
    case 'image':
      return fail(name, 'image-file', `"${name}" is an image, not a table.`, 'Export the table itself from the source as CSV or Excel.');
    case 'binary':
      return fail(name, 'binary-file', `"${name}" is not a text file: it contains binary data, whatever its name says.`, EXPORT_FIX);
    case 'xlsx':
      return readWorkbook(name, blob, tableId, progress);
    default:
      break;
  }
  const decoded = await decodeBlob(blob, {
    onProgress: (loaded, total) => progress('reading', total ? loaded / total : 1),
    ...(options.isCancelled ? { isCancelled: options.isCancelled } : {}),
  });
  if (!decoded) return undefined;
  if (!decoded.text.trim()) {
    return fail(name, 'blank-file', 'The file contains only spaces or blank lines: no header and no data.', 'Check that you chose the right file and that the export finished.');
  }
  if (kind === 'json' || kind === 'gexf') {
    const reading = kind === 'json' ? readJsonDocument(decoded.text, name) : readGexfDocument(decoded.text, name);
    progress('parsing', 1);
    if (!reading.ok) return { kind: 'failed', file: name, problem: reading.problem };
    return { kind: 'records', file: name, format: kind, sources: reading.sources, problems: reading.problems };
  }
  const table = await parseDelimitedChunked(decoded.text, name, {
    id: tableId,
    onProgress: ({ done, total }) => progress('parsing', total ? done / total : 1),
    ...(options.isCancelled ? { isCancelled: options.isCancelled } : {}),
  });
  if (!table) return undefined;
  table.encoding = decoded.encoding;
  const problems: ImportProblem[] = [];
  if (decoded.encoding === 'windows-1252') {
    problems.push({
      file: name,
      severity: 'info',
      code: 'encoding-fallback',
      message: `The file is not valid UTF-8, so it was read as ${ENCODING_LABELS['windows-1252']}, the encoding Excel on Windows uses for "CSV". If names show odd characters, save the file as "CSV UTF-8" and open it again.`,
    });
  }
  return { kind: 'tables', file: name, tables: [table], problems };
}

async function readWorkbook(
  name: string,
  blob: Blob,
  tableId: string,
  progress: (phase: ReadProgress['phase'], fraction: number) => void,
): Promise<SourceRead> {
  let sheets: Awaited<ReturnType<typeof readXlsxFile>>;
  try {
    progress('reading', 0);
    sheets = await readXlsxFile(await blob.arrayBuffer());
  } catch (e) {
    return fail(
      name,
      'unreadable-workbook',
      `"${name}" is a ZIP archive but not an Excel workbook that can be read (${String((e as Error).message ?? e).slice(0, 120)}).`,
      'Open it in Excel or LibreOffice and save it again as .xlsx, or export CSV.',
    );
  }
  progress('parsing', 1);
  const withData = sheets.filter((s) => s.data.some((r) => r.some((c) => c !== null && String(c).trim() !== '')));
  if (!withData.length) {
    return fail(name, 'empty-workbook', `The workbook "${name}" has no sheet with any data.`, 'Check that you chose the right file.');
  }
  const tables = withData.map((s, i) => {
    const file = withData.length > 1 ? `${name} [${s.sheet}]` : name;
    return tableFromRecords(s.data.map((r) => r.map(cellText)), file, withData.length > 1 ? `${tableId}:${i}` : tableId, s.sheet);
  });
  return { kind: 'tables', file: name, tables, problems: [] };
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

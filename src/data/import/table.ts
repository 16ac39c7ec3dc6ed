import { importProblem } from '../problemWords';
import type { ImportProblem } from '../report';
import { CsvTokenizer, tokenizeCsv, type CsvErrorCode, type CsvOverflow } from './csvTokenizer';
import { byteOrderMark, fixCp1252, type TextEncodingName } from './decode';
import { hasHiddenCharacters, ProblemCollector } from './values';

/** One data record of a table, with its 1-based row number as a spreadsheet shows it. */
export interface TableRow {
  values: string[];
  number: number;
  /** A quoted field on this row is never closed: the row holds the rest of the file (MissingQuotes). */
  unclosedQuote?: true;
}

/** A file (or sheet) read as a grid of text: the header row and every non-blank row below it. */
export interface RawTable {
  /** Stable id within one import session. */
  id: string;
  /** Label used in the report: the file name, plus the sheet when a workbook has several. */
  file: string;
  sheet?: string;
  encoding?: string;
  delimiter: string;
  /** Header cells as written (trimmed, BOM removed, trailing empty cells dropped). */
  header: string[];
  rows: TableRow[];
  blankLines: number;
  problems: ImportProblem[];
  /**
   * False when the reader saw no control or direction character anywhere in the file (a text
   * file, tested a slice at a time), so its cells need no check one by one; absent when unknown.
   */
  hiddenCharacters?: boolean;
}

export const DELIMITERS = [',', ';', '\t', '|'] as const;

/** More header columns than this are not read (reported); a wide sheet is far below it. */
export const MAX_COLUMNS = 100_000;

const isBlank = (values: readonly string[]) => {
  for (const v of values) if (v.trim() !== '') return false;
  return true;
};

/**
 * Collects records into a RawTable: the first non-blank record is the header, blank records are
 * counted (not rows), values beyond the header are reported. Records may arrive in pieces; row
 * numbers continue across them. Table-level problems are capped per kind like the builder's.
 */
export class TableAccumulator {
  readonly header: string[] = [];
  readonly rows: TableRow[] = [];
  blankLines = 0;
  private recordIndex = 0;
  private haveHeader = false;
  private readonly collector = new ProblemCollector();

  constructor(private readonly file: string) {}

  get hasHeader(): boolean {
    return this.haveHeader;
  }

  /** How many values a data record keeps (the tokenizer counts the rest instead of storing them). */
  get width(): number {
    return this.haveHeader ? Math.max(this.header.length, 1) : MAX_COLUMNS;
  }

  addRecords(records: readonly (readonly string[])[]) {
    for (const values of records) this.addRecord(values);
  }

  addRecord(values: readonly string[], overflow?: CsvOverflow) {
    this.recordIndex++;
    const blank = isBlank(values) && !overflow?.nonEmpty;
    if (!this.haveHeader) {
      if (blank) return;
      this.haveHeader = true;
      const kept = Math.min(values.length, MAX_COLUMNS);
      // A loop, not push(...spread): a header can have a hundred thousand cells.
      for (let i = 0; i < kept; i++) this.header.push((i === 0 ? values[i]!.replace(/^\uFEFF/, '') : values[i]!).trim());
      // Trailing empty header cells come from spreadsheets that save empty columns.
      while (this.header.length && this.header[this.header.length - 1] === '') this.header.pop();
      const total = values.length + (overflow?.count ?? 0);
      if (total > MAX_COLUMNS) this.add(importProblem({ file: this.file, row: this.recordIndex, severity: 'warning' }, 'too-many-columns', { n: total, limit: MAX_COLUMNS }));
      return;
    }
    if (blank) {
      this.blankLines++;
      return;
    }
    const number = this.recordIndex;
    const width = this.width;
    const extra: string[] = [];
    let nonEmpty = 0;
    for (let i = width; i < values.length; i++) {
      if (values[i]!.trim() === '') continue;
      nonEmpty++;
      if (extra.length < 3) extra.push(values[i]!);
    }
    if (overflow) {
      nonEmpty += overflow.nonEmpty;
      for (const s of overflow.samples) if (extra.length < 3) extra.push(s);
    }
    if (nonEmpty) {
      this.add(
        importProblem({ file: this.file, row: number, severity: 'warning' }, 'ragged-row', {
          values: values.length + (overflow?.count ?? 0),
          columns: this.header.length,
          extra: extra.map((v) => JSON.stringify(v.slice(0, 40))).join(', '),
        }),
      );
    } else if (values.length < this.header.length && number !== this.unclosedQuoteRow) {
      // Too few values is as telling as too many (a separator or a line break gone astray): the
      // missing cells read as empty, which is said, not left to be found in the map. (A row whose
      // quote never closes is short too, but that is said, and the row rejected, on its own.)
      const missing = this.header.slice(values.length);
      this.add(
        importProblem({ file: this.file, row: number, severity: 'warning' }, 'short-row', {
          values: values.length,
          columns: this.header.length,
          missing: missing.slice(0, 5).map((h, i) => JSON.stringify(h || `column ${values.length + i + 1}`)).join(', ') + (missing.length > 5 ? ', …' : ''),
        }),
      );
    }
    const row: TableRow = { values: values.length > width ? values.slice(0, width) : (values as string[]), number };
    if (number === this.unclosedQuoteRow) row.unclosedQuote = true;
    this.rows.push(row);
  }

  /** The record (1-based, header included) the tokenizer found an unclosed quote in. */
  private unclosedQuoteRow = -1;

  /** A structural error of the tokenizer; `record` is 0-based among the records added. */
  addParserError(code: CsvErrorCode, record: number) {
    // Reported before the record itself is added (the end of the input completes it).
    if (code === 'MissingQuotes') this.unclosedQuoteRow = record + 1;
    this.add(importProblem({ file: this.file, row: record + 1, severity: 'warning' }, `csv-${code.toLowerCase()}`));
  }

  private add(p: ImportProblem) {
    this.collector.addCapped(p);
  }

  get recordsSeen(): number {
    return this.recordIndex;
  }

  get problems(): ImportProblem[] {
    return this.collector.problems;
  }

  finish(): ImportProblem[] {
    return this.collector.finish();
  }
}

/**
 * The separator a file names in Excel's own first line, `sep=;` (Excel writes it so that the file
 * opens in columns whatever the computer's list separator, and does not show it): that separator
 * and the text after the line. Row numbers then count from the header, as Excel shows them.
 */
export function separatorLine(text: string): { delimiter: string; rest: string } | undefined {
  const m = /^sep=([^\r\n])[ \t]*(?:\r\n|\n|\r|$)/i.exec(text);
  return m ? { delimiter: m[1]!, rest: text.slice(m[0].length) } : undefined;
}

/**
 * A first line that starts as Excel's separator line but names no one separator (`sep=;;`,
 * `sep=`): it is no header either (it was read as a column called "sep="), so it is skipped, the
 * separator guessed from the rest, and the line said.
 */
function malformedSeparatorLine(text: string): { line: string; rest: string } | undefined {
  // Only separators and spaces after "=": `sep=a,organisation` is a header that starts like it.
  const m = /^sep=[^\p{L}\p{N}\r\n]*(?:\r\n|\n|\r|$)/iu.exec(text);
  return m ? { line: m[0].replace(/[\r\n]+$/, ''), rest: text.slice(m[0].length) } : undefined;
}

/** The separator and the text to read: from a `sep=` line, else guessed from the first rows. */
function delimiterOf(text: string, whole = true): { delimiter: string; text: string; malformedLine?: string } {
  const named = separatorLine(text);
  if (named) return { delimiter: named.delimiter, text: named.rest };
  const malformed = malformedSeparatorLine(text);
  if (malformed) return { delimiter: guessDelimiter(malformed.rest, whole), text: malformed.rest, malformedLine: malformed.line };
  return { delimiter: guessDelimiter(text, whole), text };
}

/** The table, with the remark on a malformed separator line first when there was one. */
function withSeparatorRemark(table: RawTable, malformedLine: string | undefined): RawTable {
  if (malformedLine !== undefined) {
    const shown = malformedLine.slice(0, 40);
    table.problems.unshift(importProblem({ file: table.file, severity: 'warning' }, 'malformed-separator-line', { line: shown, delimiter: delimiterName(table.delimiter) }));
  }
  return table;
}

const delimiterName = (d: string) => (d === '\t' ? 'tab' : d);

/**
 * The separator that splits the first rows into the same number (≥ 2) of fields most often, with
 * well-formed quotes. Read with the same tokenizer as the file itself, so it is linear too.
 */
export function guessDelimiter(text: string, whole = true): string {
  const sample = text.slice(0, 1 << 16);
  const truncated = !whole || sample.length < text.length;
  let best = { delimiter: ',', score: -1, columns: 0 };
  for (const delimiter of DELIMITERS) {
    const { records, errors } = tokenizeCsv(sample, delimiter, 31);
    // The last sampled row may be cut off by the sample's end.
    const rows = records.filter((r) => !isBlank(r)).slice(0, truncated ? 30 : 31);
    const complete = truncated && rows.length > 1 ? rows.slice(0, -1) : rows;
    const columns = complete[0]?.length ?? 0;
    if (columns < 2) continue;
    // Quotes that do not open and close at field boundaries mean the separator is wrong.
    const quoteErrors = errors.some((e) => e.record < records.length - (truncated ? 1 : 0));
    const consistent = complete.filter((r) => r.length === columns).length / complete.length - (quoteErrors ? 1 : 0);
    if (consistent > best.score || (consistent === best.score && columns > best.columns)) best = { delimiter, score: consistent, columns };
  }
  return best.delimiter;
}

/** A tokenizer feeding an accumulator, limiting each record to what the table keeps. */
function tokenizerFor(acc: TableAccumulator, delimiter: string): CsvTokenizer {
  const tokenizer: CsvTokenizer = new CsvTokenizer(
    delimiter,
    {
      record: (values, overflow) => {
        acc.addRecord(values, overflow);
        tokenizer.maxFields = acc.width;
      },
      error: (code, record) => acc.addParserError(code, record),
    },
    acc.width,
  );
  return tokenizer;
}

/** Parses delimited text in one go (small files, Node scripts). */
export function parseDelimitedSync(text: string, file: string, id = file): RawTable {
  const { delimiter, text: source, malformedLine } = delimiterOf(text.replace(/^\uFEFF/, ''));
  const acc = new TableAccumulator(file);
  const tokenizer = tokenizerFor(acc, delimiter);
  tokenizer.push(source);
  tokenizer.end();
  return withSeparatorRemark(toTable(acc, id, file, delimiter), malformedLine);
}

export interface ParseProgress {
  /** Characters (or bytes, when reading a file) parsed so far. */
  done: number;
  total: number;
}

/**
 * Lets a worker receive messages (a cancel) and post progress between pieces of work. A message
 * to itself rather than setTimeout(0), which browsers stretch to 4 ms once nested: with hundreds
 * of slices per file that would be seconds of waiting.
 */
export function yieldToEventLoop(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * Parses delimited text in chunks, yielding to the event loop between them so a worker can
 * receive a cancel message and post progress. Resolves to undefined when cancelled.
 */
export async function parseDelimitedChunked(
  text: string,
  file: string,
  options: { id?: string; chunkSize?: number; onProgress?: (p: ParseProgress) => void; isCancelled?: () => boolean } = {},
): Promise<RawTable | undefined> {
  const { delimiter, text: source, malformedLine } = delimiterOf(text.replace(/^\uFEFF/, ''));
  const acc = new TableAccumulator(file);
  const tokenizer = tokenizerFor(acc, delimiter);
  const chunkSize = options.chunkSize ?? 1 << 20;
  for (let start = 0; start < source.length; start += chunkSize) {
    tokenizer.push(source.slice(start, start + chunkSize));
    options.onProgress?.({ done: Math.min(source.length, start + chunkSize), total: source.length });
    await yieldToEventLoop();
    if (options.isCancelled?.()) return undefined;
  }
  tokenizer.end();
  if (!source.length) options.onProgress?.({ done: 0, total: 0 });
  return withSeparatorRemark(toTable(acc, options.id ?? file, file, delimiter), malformedLine);
}

export interface StreamOptions {
  id?: string;
  /** Bytes read and parsed per step (default 256 KiB: a few milliseconds of work). */
  sliceSize?: number;
  onProgress?: (p: ParseProgress) => void;
  isCancelled?: () => boolean;
}

/** How much decoded text is looked at to choose the separator. */
const SAMPLE_CHARS = 1 << 16;

/**
 * Reads a delimited text file straight from its bytes: slice by slice it is decoded (strictly as
 * UTF-8, or as UTF-16 by its byte-order mark) and fed to the tokenizer, yielding to the event loop
 * after every slice so the worker posts progress and sees a cancel within one slice. The whole
 * text is never held as one string. When a byte turns out not to be UTF-8, the file is read again
 * from the start as Windows-1252. Resolves to undefined when cancelled.
 */
export async function readDelimitedBlob(blob: Blob, file: string, options: StreamOptions = {}): Promise<{ table: RawTable; encoding: TextEncodingName } | undefined> {
  const head = new Uint8Array(await blob.slice(0, 4).arrayBuffer());
  const bom = byteOrderMark(head);
  if (bom === 'utf-16le' || bom === 'utf-16be') return attempt(blob, file, bom, bom, false, options);
  try {
    return await attempt(blob, file, 'utf-8', bom ?? 'utf-8', true, options);
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    return attempt(blob, file, 'windows-1252', 'windows-1252', false, options);
  }
}

async function attempt(
  blob: Blob,
  file: string,
  label: string,
  encoding: TextEncodingName,
  fatal: boolean,
  options: StreamOptions,
): Promise<{ table: RawTable; encoding: TextEncodingName } | undefined> {
  const decoder = new TextDecoder(label, { fatal });
  const fix = encoding === 'windows-1252' ? fixCp1252 : (s: string) => s;
  const sliceSize = options.sliceSize ?? 1 << 18;
  const acc = new TableAccumulator(file);
  let tokenizer: CsvTokenizer | undefined;
  let delimiter = ',';
  let malformedLine: string | undefined;
  // Text read before the separator is known (the first SAMPLE_CHARS characters).
  let pending: string[] = [];
  let pendingLength = 0;
  let first = true;
  const feed = (text: string, last: boolean) => {
    // A byte-order mark is dropped by the decoder; one written as text after it is not data either.
    if (first && text) {
      text = text.replace(/^\uFEFF/, '');
      first = false;
    }
    if (!tokenizer) {
      pending.push(text);
      pendingLength += text.length;
      if (pendingLength < SAMPLE_CHARS && !last) return;
      const chosen = delimiterOf(pending.join(''), last);
      pending = [];
      delimiter = chosen.delimiter;
      malformedLine = chosen.malformedLine;
      tokenizer = tokenizerFor(acc, delimiter);
      text = chosen.text;
    }
    tokenizer.push(text);
  };
  let hidden = false;
  for (let start = 0; start < blob.size; start += sliceSize) {
    const bytes = new Uint8Array(await blob.slice(start, start + sliceSize).arrayBuffer());
    const end = start + sliceSize >= blob.size;
    const text = fix(decoder.decode(bytes, { stream: !end }));
    hidden ||= hasHiddenCharacters(text);
    feed(text, end);
    options.onProgress?.({ done: Math.min(blob.size, start + sliceSize), total: blob.size });
    await yieldToEventLoop();
    if (options.isCancelled?.()) return undefined;
  }
  if (!tokenizer) feed('', true);
  tokenizer!.end();
  const table = withSeparatorRemark(toTable(acc, options.id ?? file, file, delimiter), malformedLine);
  table.encoding = encoding;
  table.hiddenCharacters = hidden;
  return { table, encoding };
}

/** A table from rows that are already cells (a spreadsheet sheet). */
export function tableFromRecords(records: readonly (readonly string[])[], file: string, id: string, sheet?: string): RawTable {
  const acc = new TableAccumulator(file);
  acc.addRecords(records);
  const table = toTable(acc, id, file, '');
  if (sheet) table.sheet = sheet;
  return table;
}

function toTable(acc: TableAccumulator, id: string, file: string, delimiter: string): RawTable {
  return {
    id,
    file,
    delimiter,
    header: acc.header,
    rows: acc.rows,
    blankLines: acc.blankLines,
    problems: acc.finish(),
  };
}

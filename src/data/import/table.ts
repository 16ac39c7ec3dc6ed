import Papa from 'papaparse';
import type { ImportProblem } from '../report';

/** One data record of a table, with its 1-based row number as a spreadsheet shows it. */
export interface TableRow {
  values: string[];
  number: number;
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
}

export const DELIMITERS = [',', ';', '\t', '|'] as const;

/**
 * Collects parsed records into a RawTable: the first non-blank record is the header, blank
 * records are counted (not rows), values beyond the header are reported. Records may arrive in
 * chunks; row numbers continue across them.
 */
export class TableAccumulator {
  readonly header: string[] = [];
  readonly rows: TableRow[] = [];
  readonly problems: ImportProblem[] = [];
  blankLines = 0;
  private recordIndex = 0;
  private haveHeader = false;
  private lastWasTrailingBlank = false;

  constructor(private readonly file: string) {}

  get hasHeader(): boolean {
    return this.haveHeader;
  }

  addRecords(records: readonly string[][]) {
    for (const values of records) this.addRecord(values);
  }

  addRecord(values: readonly string[]) {
    this.recordIndex++;
    const blank = values.every((v) => v.trim() === '');
    if (!this.haveHeader) {
      if (blank) return;
      this.haveHeader = true;
      this.header.push(...values.map((h, i) => (i === 0 ? h.replace(/^\uFEFF/, '') : h).trim()));
      // Trailing empty header cells come from spreadsheets that save empty columns.
      while (this.header.length && this.header[this.header.length - 1] === '') this.header.pop();
      return;
    }
    if (blank) {
      this.blankLines++;
      // The parser yields one empty record for the final newline; that is no blank line.
      this.lastWasTrailingBlank = values.length === 1;
      return;
    }
    this.lastWasTrailingBlank = false;
    const number = this.recordIndex;
    const overflow = values.slice(this.header.length).filter((v) => v.trim() !== '');
    if (overflow.length) {
      this.problems.push({
        file: this.file,
        row: number,
        severity: 'warning',
        code: 'ragged-row',
        message: `This row has ${values.length} values but the header has ${this.header.length} columns; the extra values (${overflow
          .slice(0, 3)
          .map((v) => JSON.stringify(v.slice(0, 40)))
          .join(', ')}) were not used.`,
        fix: 'Quote fields that contain the separator, or add a header for the extra column.',
      });
    }
    this.rows.push({ values: values.slice(0, Math.max(this.header.length, 1)) as string[], number });
  }

  /** Papa's structural errors, with row numbers relative to the records already added. */
  addParserErrors(errors: readonly Papa.ParseError[], firstRecordOfChunk: number) {
    for (const e of errors) {
      // Papaparse reports delimiter guessing on one-column files; that is not a problem.
      if (e.code === 'UndetectableDelimiter') continue;
      this.problems.push({
        file: this.file,
        row: e.row !== undefined && e.row !== null ? firstRecordOfChunk + e.row + 1 : undefined,
        severity: 'warning',
        code: `csv-${e.code.toLowerCase()}`,
        message: `CSV structure: ${e.message}.`,
        fix: 'Check the quotes on this row: a field containing the separator or a line break must be quoted.',
      });
    }
  }

  get recordsSeen(): number {
    return this.recordIndex;
  }

  finish(): void {
    if (this.lastWasTrailingBlank) this.blankLines--;
    this.lastWasTrailingBlank = false;
  }
}

/**
 * The separator that splits the first rows into the same number (≥ 2) of fields most often.
 * Papaparse's own guess averages field counts and gives up on small two-column files, which
 * Dutch `;` exports often are.
 */
export function guessDelimiter(text: string): string {
  const sample = text.slice(0, 1 << 16);
  let best = { delimiter: ',', score: -1, columns: 0 };
  for (const delimiter of DELIMITERS) {
    const parsed = Papa.parse<string[]>(sample, { delimiter, preview: 30, skipEmptyLines: 'greedy' });
    // The last sampled row may be cut off by the sample's end.
    const complete = sample.length < text.length ? parsed.data.slice(0, -1) : parsed.data;
    const columns = complete[0]?.length ?? 0;
    if (columns < 2) continue;
    // Quotes that do not open and close at field boundaries mean the separator is wrong.
    const quoteErrors = parsed.errors.some((e) => e.type === 'Quotes');
    const consistent = complete.filter((r) => r.length === columns).length / complete.length - (quoteErrors ? 1 : 0);
    if (consistent > best.score || (consistent === best.score && columns > best.columns)) best = { delimiter, score: consistent, columns };
  }
  return best.delimiter;
}

const papaOptions = (text: string) => ({ skipEmptyLines: false as const, delimiter: guessDelimiter(text) });

/** Parses delimited text in one go (small files, Node scripts). */
export function parseDelimitedSync(text: string, file: string, id = file): RawTable {
  const acc = new TableAccumulator(file);
  const source = text.replace(/^\uFEFF/, '');
  const result = Papa.parse<string[]>(source, papaOptions(source));
  acc.addRecords(result.data);
  acc.addParserErrors(result.errors, 0);
  acc.finish();
  return toTable(acc, id, file, result.meta.delimiter || ',');
}

export interface ParseProgress {
  /** Characters parsed so far. */
  done: number;
  total: number;
}

/**
 * Parses delimited text in chunks, yielding to the event loop between them so a worker can
 * receive a cancel message and post progress. Resolves to undefined when cancelled.
 */
export function parseDelimitedChunked(
  text: string,
  file: string,
  options: { id?: string; chunkSize?: number; onProgress?: (p: ParseProgress) => void; isCancelled?: () => boolean } = {},
): Promise<RawTable | undefined> {
  const source = text.replace(/^\uFEFF/, '');
  const acc = new TableAccumulator(file);
  let delimiter = ',';
  let cancelled = false;
  return new Promise((resolve, reject) => {
    try {
      Papa.parse<string[]>(source, {
        ...papaOptions(source),
        chunkSize: options.chunkSize ?? 1 << 20,
        chunk(results: Papa.ParseResult<string[]>, parser: Papa.Parser) {
          const before = acc.recordsSeen;
          acc.addRecords(results.data);
          acc.addParserErrors(results.errors, before);
          if (results.meta.delimiter) delimiter = results.meta.delimiter;
          options.onProgress?.({ done: Math.min(results.meta.cursor, source.length), total: source.length });
          parser.pause();
          setTimeout(() => {
            if (options.isCancelled?.()) {
              cancelled = true;
              parser.abort();
            } else parser.resume();
          }, 0);
        },
        complete() {
          if (cancelled) return resolve(undefined);
          acc.finish();
          resolve(toTable(acc, options.id ?? file, file, delimiter));
        },
      });
    } catch (e) {
      reject(e);
    }
  });
}

/** A table from rows that are already cells (a spreadsheet sheet). */
export function tableFromRecords(records: readonly string[][], file: string, id: string, sheet?: string): RawTable {
  const acc = new TableAccumulator(file);
  acc.addRecords(records);
  acc.finish();
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
    problems: acc.problems,
  };
}

/**
 * A streaming CSV tokenizer: text goes in piece by piece (`push`), records come out as soon as
 * they are complete. One pass, no backtracking and no recursion, so its time is linear in the
 * input whatever the input holds (a 20 MB line, a million stray quotes) and its stack depth is
 * constant. State is carried across pieces, so a quoted field, a "" or a \r\n may be split
 * anywhere.
 *
 * Dialect (what spreadsheets write, read leniently):
 * - a field that starts with `"` is quoted: separators and line breaks inside are data, `""` is
 *   one quote; spaces between the closing quote and the separator are ignored;
 * - text after a closing quote (`"abc"def`) is kept and appended, reported once as `InvalidQuotes`;
 * - a quote inside an unquoted field is data;
 * - \r\n, \n and a lone \r end a record; a final line break does not start an empty record;
 * - an unterminated quote at the end of the input is reported (`MissingQuotes`) and what was read
 *   is the field.
 *
 * A record keeps at most `maxFields` fields; the rest are counted (with up to three non-empty
 * samples) instead of stored, so a line of a million separators costs no more memory than the
 * header allows.
 */

export type CsvErrorCode = 'MissingQuotes' | 'InvalidQuotes';

export interface CsvOverflow {
  /** Fields beyond `maxFields` (empty ones included). */
  count: number;
  /** Non-empty fields beyond `maxFields`. */
  nonEmpty: number;
  /** The first three non-empty ones. */
  samples: string[];
}

export interface CsvSink {
  record(values: string[], overflow: CsvOverflow | undefined): void;
  /** `record` is the 0-based index of the record the error is in. */
  error(code: CsvErrorCode, record: number): void;
}

const QUOTE = 34;
const CR = 13;
const LF = 10;
const SPACE = 32;
const TAB = 9;

const enum State {
  FieldStart,
  Unquoted,
  Quoted,
  /** A quote inside a quoted field: the closing quote, or the first of "". */
  QuoteInQuoted,
  /** Spaces after a closing quote. */
  AfterClosing,
}

export class CsvTokenizer {
  private state = State.FieldStart;
  /** Text of the current field read in earlier pieces (or before a "" in this one). */
  private field = '';
  private values: string[] = [];
  private overflow: CsvOverflow | undefined;
  private pendingSpaces = '';
  private skipLf = false;
  private records = 0;
  private invalidReported = -1;
  /** Whether anything of the current record has been read (so the end of input completes it). */
  private inRecord = false;
  private readonly delimiter: number;

  constructor(
    delimiter: string,
    private readonly sink: CsvSink,
    public maxFields = Number.MAX_SAFE_INTEGER,
  ) {
    if (delimiter.length !== 1) throw new Error('The separator must be one character.');
    this.delimiter = delimiter.charCodeAt(0);
  }

  get recordCount(): number {
    return this.records;
  }

  push(text: string): void {
    const n = text.length;
    const d = this.delimiter;
    let i = 0;
    if (this.skipLf) {
      this.skipLf = false;
      if (n > 0 && text.charCodeAt(0) === LF) i = 1;
    }
    let start = i;
    while (i < n) {
      switch (this.state) {
        case State.FieldStart: {
          const c = text.charCodeAt(i);
          this.inRecord = true;
          if (c === QUOTE) {
            this.state = State.Quoted;
            start = ++i;
          } else {
            this.state = State.Unquoted;
            start = i;
          }
          break;
        }
        case State.Unquoted: {
          // The hot loop: most fields are short and unquoted.
          let c = 0;
          while (i < n) {
            c = text.charCodeAt(i);
            if (c === d || c === LF || c === CR) break;
            i++;
          }
          if (i >= n) break;
          this.field += text.slice(start, i);
          i++;
          if (c === d) this.endField();
          else this.endRecord();
          if (c === CR && i < n && text.charCodeAt(i) === LF) i++;
          else if (c === CR && i >= n) this.skipLf = true;
          start = i;
          break;
        }
        case State.Quoted: {
          const q = text.indexOf('"', i);
          if (q < 0) {
            i = n;
            break;
          }
          this.field += text.slice(start, q);
          this.state = State.QuoteInQuoted;
          i = q + 1;
          start = i;
          break;
        }
        case State.QuoteInQuoted: {
          const c = text.charCodeAt(i);
          if (c === QUOTE) {
            // "" inside a quoted field: one quote of data.
            this.field += '"';
            this.state = State.Quoted;
            start = ++i;
          } else if (c === d) {
            i++;
            this.endField();
            start = i;
          } else if (c === LF || c === CR) {
            i++;
            this.endRecord();
            if (c === CR && i < n && text.charCodeAt(i) === LF) i++;
            else if (c === CR && i >= n) this.skipLf = true;
            start = i;
          } else if (c === SPACE || c === TAB) {
            this.state = State.AfterClosing;
            this.pendingSpaces = '';
            start = i;
          } else {
            this.invalidQuotes();
            this.state = State.Unquoted;
            start = i;
          }
          break;
        }
        case State.AfterClosing: {
          let c = 0;
          while (i < n) {
            c = text.charCodeAt(i);
            if (c !== SPACE && c !== TAB) break;
            i++;
          }
          if (i >= n) break;
          if (c === d || c === LF || c === CR) {
            // Spaces between the closing quote and the separator are not data.
            this.pendingSpaces = '';
            this.state = State.QuoteInQuoted;
            start = i;
          } else {
            this.invalidQuotes();
            this.field += this.pendingSpaces;
            this.pendingSpaces = '';
            this.state = State.Unquoted;
            // The spaces of this piece are data too.
          }
          break;
        }
      }
    }
    // Keep what the current field has so far; the next piece continues it.
    if (this.state === State.Unquoted || this.state === State.Quoted) this.field += text.slice(start, n);
    else if (this.state === State.AfterClosing) this.pendingSpaces += text.slice(start, n);
  }

  /** The end of the input: completes the last record. */
  end(): void {
    if (this.state === State.Quoted) this.sink.error('MissingQuotes', this.records);
    if (this.inRecord) {
      this.endField();
      this.flushRecord();
    }
    this.state = State.FieldStart;
  }

  private invalidQuotes() {
    // Once per record: a row with many stray quotes is one problem, not thousands.
    if (this.invalidReported === this.records) return;
    this.invalidReported = this.records;
    this.sink.error('InvalidQuotes', this.records);
  }

  private endField() {
    const value = this.field;
    this.field = '';
    this.state = State.FieldStart;
    this.inRecord = true;
    if (this.values.length < this.maxFields) {
      this.values.push(value);
      return;
    }
    const o = (this.overflow ??= { count: 0, nonEmpty: 0, samples: [] });
    o.count++;
    if (value.trim() !== '') {
      o.nonEmpty++;
      if (o.samples.length < 3) o.samples.push(value.slice(0, 200));
    }
  }

  private endRecord() {
    this.endField();
    this.flushRecord();
  }

  private flushRecord() {
    const values = this.values;
    const overflow = this.overflow;
    this.values = [];
    this.overflow = undefined;
    this.inRecord = false;
    this.state = State.FieldStart;
    this.records++;
    this.sink.record(values, overflow);
  }
}

/** Tokenizes a whole string (small inputs, tests). */
export function tokenizeCsv(text: string, delimiter: string, maxRecords = Number.MAX_SAFE_INTEGER): { records: string[][]; errors: { code: CsvErrorCode; record: number }[] } {
  const records: string[][] = [];
  const errors: { code: CsvErrorCode; record: number }[] = [];
  const tokenizer = new CsvTokenizer(delimiter, {
    record: (values) => {
      if (records.length < maxRecords) records.push(values);
    },
    error: (code, record) => errors.push({ code, record }),
  });
  tokenizer.push(text);
  tokenizer.end();
  return { records, errors };
}

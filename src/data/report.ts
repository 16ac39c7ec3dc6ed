/** What happened to every row of every file that was read. Invariant per file and in total:
 * rowsRead = rowsUsed + rowsMerged + rowsRejected. */
export type FileRole = 'participations' | 'organisations' | 'activities';

export type Severity = 'error' | 'warning' | 'info';

/** Values a problem's words need (file values already shortened). */
export type ProblemParams = Record<string, string | number>;

export interface ImportProblem {
  file: string;
  /** 1-based line-oriented row number as a spreadsheet shows it (the header is row 1). */
  row?: number;
  column?: string;
  severity: Severity;
  /** Stable machine-readable code, e.g. `missing-value`; the UI words it by code, variant and params. */
  code: string;
  /** Which wording of the code, e.g. `no-letters` for `missing-organisation`. */
  variant?: string;
  /** The values its words need (see src/data/problemWords.ts). Problems without params are only in English. */
  params?: ProblemParams;
  /** Plain-language explanation, in English (command line, CSV report). */
  message: string;
  /** What the user can do about it, in English. */
  fix?: string;
  /** On a "…and N more" line: how many problems of this code it stands for (they are not listed). */
  omitted?: number;
}

/** The optional stated-counts file of Bruggen's own format (read by canonical.ts only). */
export type CountsFileRole = 'stated-counts';

export interface FileReport {
  file: string;
  role: FileRole | CountsFileRole | 'unrecognised';
  delimiter: string;
  rowsRead: number;
  rowsUsed: number;
  /** Rows that repeat information already read (e.g. the same organisation twice in one activity). */
  rowsMerged: number;
  rowsRejected: number;
  blankLinesSkipped: number;
  /** How the bytes were decoded (text files), e.g. `windows-1252`. */
  encoding?: string;
  /** The worksheet, for a spreadsheet. */
  sheet?: string;
}

export interface ImportReport {
  files: FileReport[];
  rowsRead: number;
  rowsUsed: number;
  rowsMerged: number;
  rowsRejected: number;
  problems: ImportProblem[];
  /**
   * The complete report as CSV in UTF-8, when `problems` is a shortened list (the page gets the
   * first problems of each kind; the worker, which has them all, writes the CSV). Bytes, so the
   * worker can transfer them instead of the page copying a long string.
   */
  fullCsv?: Uint8Array;
}

export function emptyFileReport(file: string, role: FileReport['role'], delimiter: string): FileReport {
  return { file, role, delimiter, rowsRead: 0, rowsUsed: 0, rowsMerged: 0, rowsRejected: 0, blankLinesSkipped: 0 };
}

export function totalReport(files: FileReport[], problems: ImportProblem[]): ImportReport {
  const sum = (k: 'rowsRead' | 'rowsUsed' | 'rowsMerged' | 'rowsRejected') =>
    files.reduce((acc, f) => acc + f[k], 0);
  return {
    files,
    rowsRead: sum('rowsRead'),
    rowsUsed: sum('rowsUsed'),
    rowsMerged: sum('rowsMerged'),
    rowsRejected: sum('rowsRejected'),
    problems,
  };
}

export function hasErrors(report: ImportReport): boolean {
  return report.problems.some((p) => p.severity === 'error');
}

import Papa from 'papaparse';
import { escapeFormula } from '../canonical';
import type { ImportProblem, ImportReport } from '../report';
import { moreProblem, PROBLEM_LIMIT } from './values';

export const REPORT_COLUMNS = ['file', 'row', 'column', 'severity', 'code', 'message', 'fix'] as const;

/**
 * The import report as one CSV: a `summary` line per file (rows read, used, merged, rejected,
 * blank lines, encoding), then every problem with file, row, column and plain-language reason
 * and fix. Every cell is formula-escaped: a problem can quote a cell such as "=cmd|...".
 */
export function reportToCsv(report: ImportReport): string {
  if (report.fullCsv !== undefined) return new TextDecoder().decode(report.fullCsv);
  const rows: string[][] = [];
  for (const f of report.files) {
    rows.push([
      f.file,
      '',
      '',
      'summary',
      'summary',
      `${f.role}: ${f.rowsRead} rows read = ${f.rowsUsed} used + ${f.rowsMerged} merged + ${f.rowsRejected} rejected; ${f.blankLinesSkipped} blank lines skipped${f.encoding ? `; encoding ${f.encoding}` : ''}${f.delimiter ? `; separator ${JSON.stringify(f.delimiter)}` : ''}${f.sheet ? `; sheet ${f.sheet}` : ''}`,
      '',
    ]);
  }
  rows.push([
    '(all files)',
    '',
    '',
    'summary',
    'summary',
    `${report.rowsRead} rows read = ${report.rowsUsed} used + ${report.rowsMerged} merged + ${report.rowsRejected} rejected`,
    '',
  ]);
  for (const p of report.problems) {
    rows.push([p.file, p.row?.toString() ?? '', p.column ?? '', p.severity, p.code, p.message, p.fix ?? '']);
  }
  return (
    Papa.unparse({ fields: [...REPORT_COLUMNS], data: rows.map((r) => r.map(escapeFormula)) }, { newline: '\n' }) + '\n'
  );
}

/**
 * The report as the page gets it: per kind of problem (severity and code) the first `limit`, and
 * one "…and N more" line for the rest, with the complete report as CSV beside it. 50,000
 * "sector inferred" notes are 24 MB of objects for the page to deserialise; the review step shows
 * them grouped anyway, and the download has every one.
 */
export function reportForPage(report: ImportReport, limit = PROBLEM_LIMIT): ImportReport {
  // The review step and the confirmation send the same report when no duplicates are merged:
  // writing the CSV of 55,000 problems (H2020) once is enough. Sending moves the CSV bytes, so
  // each caller gets its own copy of them.
  const known = limit === PROBLEM_LIMIT ? PAGE_FORMS.get(report) : undefined;
  const page = known ?? trimForPage(report, limit);
  if (!known && limit === PROBLEM_LIMIT) PAGE_FORMS.set(report, page);
  return page.fullCsv ? { ...page, fullCsv: page.fullCsv.slice() } : page;
}

/** The page's form of each report still in use (see reportForPage). */
const PAGE_FORMS = new WeakMap<ImportReport, ImportReport>();

function trimForPage(report: ImportReport, limit: number): ImportReport {
  const kept: ImportProblem[] = [];
  const counts = new Map<string, { shown: number; dropped: number; sample: ImportProblem }>();
  for (const p of report.problems) {
    const key = `${p.severity}\u0000${p.code}`;
    const c = counts.get(key) ?? { shown: 0, dropped: 0, sample: p };
    counts.set(key, c);
    if (c.shown < limit) {
      c.shown++;
      kept.push(p);
    } else c.dropped += p.omitted ?? 1;
  }
  if (kept.length === report.problems.length) return report;
  for (const c of counts.values()) if (c.dropped) kept.push(moreProblem(c.sample, c.dropped, limit));
  return { ...report, problems: kept, fullCsv: new TextEncoder().encode(reportToCsv(report)) };
}

/** The report as plain text for a terminal (the converters print this). */
export function reportToText(report: ImportReport, options: { maxProblems?: number } = {}): string {
  const lines: string[] = [];
  for (const f of report.files) {
    // A document's parts are named with their role already ("x.json (organisations)").
    const details = [f.file.endsWith(`(${f.role})`) ? '' : f.role, f.encoding ?? '', f.delimiter ? `separator ${JSON.stringify(f.delimiter)}` : ''].filter(Boolean);
    lines.push(
      `${f.file}${f.sheet ? ` [${f.sheet}]` : ''}${details.length ? ` (${details.join(', ')})` : ''}: ` +
        `${f.rowsRead} rows read = ${f.rowsUsed} used + ${f.rowsMerged} merged + ${f.rowsRejected} rejected` +
        (f.blankLinesSkipped ? `; ${f.blankLinesSkipped} blank lines skipped` : ''),
    );
  }
  lines.push(
    `Total: ${report.rowsRead} rows read = ${report.rowsUsed} used + ${report.rowsMerged} merged + ${report.rowsRejected} rejected.`,
  );
  const shown = report.problems.filter((p) => p.severity !== 'info');
  // Grouped by kind: a file with 900 unnamed organisations gives one line, not 900.
  const groups = new Map<string, typeof shown>();
  for (const p of shown) {
    const key = `${p.severity}\u0000${p.code}`;
    const list = groups.get(key);
    if (list) list.push(p);
    else groups.set(key, [p]);
  }
  const limit = options.maxProblems ?? 30;
  if (shown.length) lines.push(`${shown.length} problem(s):`);
  for (const list of [...groups.values()].slice(0, limit)) {
    const p = list[0]!;
    const where = [p.file, p.row ? `row ${p.row}` : '', p.column ? `column ${p.column}` : ''].filter(Boolean).join(', ');
    lines.push(`- [${p.severity}] ${list.length > 1 ? `${list.length}× ${p.code}, first at ` : ''}${where}: ${p.message}${p.fix ? ` Fix: ${p.fix}` : ''}`);
    if (list.length > 1) {
      const rows = list.slice(1, 11).map((q) => `${q.file === p.file ? '' : `${q.file} `}row ${q.row ?? '?'}`);
      lines.push(`  also ${rows.join(', ')}${list.length > 11 ? ', …' : ''}`);
    }
  }
  if (groups.size > limit) lines.push(`…and more kinds of problems (write the full report with --report <file.csv>).`);
  const info = report.problems.length - shown.length;
  if (info) lines.push(`${info} informational note(s) in the full report.`);
  return lines.join('\n');
}

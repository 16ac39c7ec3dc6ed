import Papa from 'papaparse';
import { DatasetBuilder, MAX_STATED_PARTICIPANTS, type Row } from './builder';
import { parseDelimitedSync } from './import/table';
import { cell } from './builder';
import type { Dataset, StatedCount } from './model';
import {
  emptyFileReport,
  totalReport,
  type CountsFileRole,
  type FileReport,
  type FileRole,
  type ImportProblem,
  type ImportReport,
  type ProblemParams,
} from './report';
import { importProblem, nameList } from './problemWords';
import { vocabularyId } from './vocabulary';

/** Bruggen's own file format: one row per (activity, organisation). */
export const PARTICIPATION_COLUMNS = [
  'activity_id',
  'activity_title',
  'activity_kind',
  'source',
  'scheme',
  'theme',
  'start_year',
  'end_year',
  'organisation_id',
  'organisation',
  'sector',
  'city',
  'region',
  'country',
  'role',
  'provenance',
  'confidence',
] as const;

/** Optional file adding organisations (also ones without any activity) and their attributes. */
export const ORGANISATION_COLUMNS = [
  'organisation_id',
  'name',
  'sector',
  'city',
  'region',
  'country',
  'aliases',
  'description',
  'description_en',
  'listed_in',
  'provenance',
] as const;

/** Optional file adding activities (also ones without named participants) and their attributes. */
export const ACTIVITY_COLUMNS = [
  'activity_id',
  'title',
  'title_en',
  'kind',
  'source',
  'scheme',
  'theme',
  'start_year',
  'end_year',
  'region',
  'stated_participants',
  'description',
  'description_en',
  'provenance',
] as const;

/**
 * Optional file of counts the sources state ("a partnership of 23 municipalities", "more than 100
 * providers"), about an activity or an organisation. Conflicting statements are separate rows.
 */
export const STATED_COUNT_COLUMNS = ['subject_kind', 'subject_id', 'counted', 'value', 'qualifier', 'provenance', 'note'] as const;

/** Separator inside list cells (aliases, listed_in, provenance). */
export const LIST_SEPARATOR = ' | ';

export interface InputFile {
  name: string;
  text: string;
}

export interface ParseResult {
  dataset: Dataset;
  report: ImportReport;
}

/** Which file layout a header belongs to, or undefined when it is none of Bruggen's own. */
export function recogniseCanonicalHeader(columns: readonly string[]): FileRole | undefined {
  const has = (c: string) => columns.includes(c);
  if (has('activity_id') && (has('organisation') || has('organisation_id'))) return 'participations';
  if (has('organisation_id') && has('name')) return 'organisations';
  if (has('activity_id') && has('title')) return 'activities';
  return undefined;
}

/** A table in the stated-counts format, by its header as written (any case, spaces round names). */
export const isStatedCountsTable = (header: readonly string[]) => recogniseStatedCountsHeader(header.map((h) => h.trim().toLowerCase()));

/** Whether a header is that of a stated-counts file. */
export function recogniseStatedCountsHeader(columns: readonly string[]): boolean {
  return ['subject_kind', 'subject_id', 'counted', 'value'].every((c) => columns.includes(c));
}

const normaliseHeader = (h: string) =>
  h.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/[\s-]+/g, '_');

/** A canonical file as rows keyed by its normalised header names. */
function readTable(file: InputFile) {
  const table = parseDelimitedSync(file.text, file.name);
  const header = table.header.map(normaliseHeader);
  const rows = table.rows.map(({ values, number }) => {
    const row: Row = new Map();
    header.forEach((h, j) => {
      if (h) row.set(h, values[j] ?? '');
    });
    return { row, number };
  });
  return { header, rows, delimiter: table.delimiter, blankLines: table.blankLines, problems: table.problems };
}

/**
 * Parses one or more files in Bruggen's canonical format (see README, "Data format"): a
 * participations file and optionally an organisations, an activities and a stated-counts file,
 * recognised by their headers, in any order. Every row read is used, merged or rejected, and every
 * problem is reported with file, row and column.
 */
export function parseCanonicalFiles(
  files: readonly InputFile[],
  options: { datasetName?: string } = {},
): ParseResult {
  const builder = new DatasetBuilder();
  const reports: FileReport[] = [];
  const parsed = files.map((f) => ({ file: f, table: readTable(f) }));
  type Role = FileRole | CountsFileRole;
  const roleOrder: Record<Role, number> = { organisations: 0, activities: 1, participations: 2, 'stated-counts': 3 };
  // Attribute files first, so participations resolve against them whatever the file order; stated
  // counts last, because they refer to the activities and organisations read before them.
  const recognised = parsed
    .map((p) => {
      const role: Role | undefined = recogniseStatedCountsHeader(p.table.header)
        ? 'stated-counts'
        : recogniseCanonicalHeader(p.table.header);
      return { ...p, role };
    })
    .sort((a, b) => (a.role ? roleOrder[a.role] : 4) - (b.role ? roleOrder[b.role] : 4));

  const countFiles: { file: InputFile; table: ReturnType<typeof readTable>; report: FileReport }[] = [];
  for (const { file, table, role } of recognised) {
    const report = emptyFileReport(file.name, role ?? 'unrecognised', table.delimiter);
    reports.push(report);
    for (const p of table.problems) builder.problems.push(p);
    if (!role) {
      report.rowsRead = table.rows.length;
      report.rowsRejected = table.rows.length;
      report.blankLinesSkipped = table.blankLines;
      builder.problems.push(
        table.header.length
          ? importProblem({ file: file.name, row: 1, severity: 'error' }, 'unrecognised-columns', { columns: nameList(table.header, 8) }, 'canonical')
          : importProblem({ file: file.name, row: 1, severity: 'error' }, 'blank-file'),
      );
      continue;
    }
    const known = new Set<string>(
      role === 'participations'
        ? PARTICIPATION_COLUMNS
        : role === 'organisations'
          ? ORGANISATION_COLUMNS
          : role === 'activities'
            ? ACTIVITY_COLUMNS
            : STATED_COUNT_COLUMNS,
    );
    const extraColumns = table.header.filter((h) => h && !known.has(h));
    if (extraColumns.length) {
      const notUsed = role === 'participations' || role === 'stated-counts';
      builder.problems.push(importProblem({ file: file.name, row: 1, severity: 'info' }, 'extra-columns', { columns: nameList(extraColumns, 40) }, notUsed ? 'not-used' : undefined));
    }
    report.blankLinesSkipped = table.blankLines;
    if (role === 'stated-counts') {
      countFiles.push({ file, table, report });
      continue;
    }
    for (const { row, number } of table.rows) {
      report.rowsRead++;
      const outcome =
        role === 'organisations'
          ? builder.addOrganisationRow(row, file.name, number, extraColumns)
          : role === 'activities'
            ? builder.addActivityRow(row, file.name, number, extraColumns)
            : builder.addParticipationRow(row, file.name, number);
      if (outcome === 'used') report.rowsUsed++;
      else if (outcome === 'merged') report.rowsMerged++;
      else report.rowsRejected++;
    }
  }
  builder.finishInference();
  const dataset = builder.toDataset(options.datasetName ?? files.map((f) => f.name).join(', '));
  if (countFiles.length) {
    const counts: StatedCount[] = [];
    for (const { file, table, report } of countFiles) {
      readStatedCounts(table.rows, file.name, dataset, counts, report, builder.problems);
    }
    dataset.statedCounts = counts;
  }
  return { dataset, report: totalReport(reports, builder.problems) };
}

// Maps, not object literals: a cell "constructor" or "__proto__" must be an unknown value, not Object's.
const SUBJECT_KINDS = new Map<string, StatedCount['subjectKind']>([
  ['activity', 'activity'],
  ['activiteit', 'activity'],
  ['organisation', 'organisation'],
  ['organization', 'organisation'],
  ['organisatie', 'organisation'],
]);

const QUALIFIERS = new Map<string, StatedCount['qualifier']>([
  ['exact', 'exact'],
  ['exactly', 'exact'],
  ['precies', 'exact'],
  ['at_least', 'at_least'],
  ['at least', 'at_least'],
  ['more than', 'at_least'],
  ['over', 'at_least'],
  ['minstens', 'at_least'],
  ['ten minste', 'at_least'],
  ['meer dan', 'at_least'],
  ['ruim', 'at_least'],
  ['about', 'about'],
  ['approximately', 'about'],
  ['around', 'about'],
  ['ongeveer', 'about'],
  ['circa', 'about'],
  ['ca.', 'about'],
]);

/**
 * Reads the rows of a stated-counts file against the dataset read so far: a count about an
 * activity or organisation that is not in the data is rejected (reported), so no count dangles.
 */
export function readStatedCounts(
  rows: readonly { row: Map<string, string>; number: number }[],
  file: string,
  dataset: Dataset,
  out: StatedCount[],
  report: FileReport,
  problems: ImportProblem[],
) {
  const activities = new Set(dataset.activities.map((a) => a.id));
  const organisations = new Set(dataset.organisations.map((o) => o.id));
  const seen = new Map<string, number>();
  // Values from the file are cut to 60 characters in messages.
  const reject = (number: number, column: string, code: string, params: ProblemParams = {}, variant?: string) => {
    problems.push(importProblem({ file, row: number, column, severity: 'error' }, code, params, variant));
    report.rowsRejected++;
  };
  for (const { row, number } of rows) {
    report.rowsRead++;
    const kindText = cell(row.get('subject_kind'));
    const subjectKind = SUBJECT_KINDS.get(kindText.toLowerCase());
    if (!subjectKind) {
      reject(number, 'subject_kind', 'invalid-count-subject-kind', { kind: kindText.slice(0, 60) }, kindText ? undefined : 'missing');
      continue;
    }
    const subjectId = cell(row.get('subject_id'));
    if (!subjectId) {
      reject(number, 'subject_id', 'missing-count-subject');
      continue;
    }
    if (!(subjectKind === 'activity' ? activities : organisations).has(subjectId)) {
      reject(number, 'subject_id', 'unknown-count-subject', { id: subjectId.slice(0, 60) }, subjectKind);
      continue;
    }
    const countedText = cell(row.get('counted'));
    if (!countedText) {
      reject(number, 'counted', 'missing-counted');
      continue;
    }
    const rawValue = cell(row.get('value'));
    if (!/^\d+$/.test(rawValue)) {
      reject(number, 'value', 'invalid-count-value', { value: rawValue.slice(0, 60) }, rawValue ? undefined : 'missing');
      continue;
    }
    // As for an activity's stated participants: beyond a million no count is plausible, and past
    // 2^53 the number would not even be read as written (99999999999999999999 became 1e20).
    if (Number(rawValue) > MAX_STATED_PARTICIPANTS) {
      problems.push(importProblem({ file, row: number, column: 'value', severity: 'error' }, 'implausible-count', { value: rawValue.slice(0, 60), max: MAX_STATED_PARTICIPANTS }, 'stated-count'));
      report.rowsRejected++;
      continue;
    }
    const qualifierText = cell(row.get('qualifier'));
    let qualifier = qualifierText ? QUALIFIERS.get(qualifierText.toLowerCase()) : 'exact';
    if (!qualifier) {
      problems.push(importProblem({ file, row: number, column: 'qualifier', severity: 'warning' }, 'unknown-count-qualifier', { qualifier: qualifierText.slice(0, 60) }));
      qualifier = 'about';
    }
    const count: StatedCount = {
      subjectKind,
      subjectId,
      counted: vocabularyId('counted', countedText) ?? countedText,
      value: Number(rawValue),
      qualifier,
      provenance: cell(row.get('provenance')) || `${file}#row ${number}`,
    };
    const note = cell(row.get('note'));
    if (note) count.note = note;
    const key = [count.subjectKind, count.subjectId, count.counted, count.value, count.qualifier, count.provenance].join('\u0000');
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problems.push(importProblem({ file, row: number, severity: 'info' }, 'duplicate-count', { earlier }));
      report.rowsMerged++;
      continue;
    }
    seen.set(key, number);
    out.push(count);
    report.rowsUsed++;
  }
}

/**
 * Cells starting with = + - @ (or tab/CR) would run as formulas in a spreadsheet: prefix an
 * apostrophe. A value that already starts with apostrophes before such a character gets one
 * more, so reading it back (which removes one) gives the original value.
 */
export function escapeFormula(value: string): string {
  return /^'*[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * Which rows a writer keeps: the real data only (the default, so a what-if scenario never leaks
 * into an export of the data), everything, or only what a scenario added (hypothetical rows).
 */
export interface WriteOptions {
  hypothetical?: 'exclude' | 'include' | 'only';
}

function keepRow(item: { hypothetical?: true }, options: WriteOptions): boolean {
  const mode = options.hypothetical ?? 'exclude';
  return mode === 'include' || (mode === 'only') === (item.hypothetical === true);
}

/** Writes a dataset's participations as one canonical CSV (organisations without any activity
 * only appear in the organisations CSV). Hypothetical participations only when asked. */
export function writeParticipationsCsv(dataset: Dataset, options: WriteOptions = {}): string {
  const orgs = new Map(dataset.organisations.map((o) => [o.id, o]));
  const acts = new Map(dataset.activities.map((a) => [a.id, a]));
  const rows = dataset.participations.filter((p) => keepRow(p, options)).map((p) => {
    const o = orgs.get(p.organisationId)!;
    const a = acts.get(p.activityId)!;
    return [
      a.id,
      a.title,
      a.kind,
      a.source,
      a.scheme ?? '',
      a.theme ?? '',
      a.startYear?.toString() ?? '',
      a.endYear?.toString() ?? '',
      o.id,
      // The name as this source wrote it, so a round trip keeps it (the id identifies the organisation).
      p.nameAsWritten ?? o.name,
      o.sector,
      o.city ?? '',
      o.region ?? '',
      o.country ?? '',
      p.role ?? '',
      p.provenance ?? '',
      p.confidence && p.confidence !== 'stated' ? p.confidence : '',
    ].map(escapeFormula);
  });
  return Papa.unparse({ fields: [...PARTICIPATION_COLUMNS], data: rows }, { newline: '\n' }) + '\n';
}

/** Writes every organisation (including those without activities) in the organisations layout;
 * organisations a scenario added only when asked. */
export function writeOrganisationsCsv(dataset: Dataset, options: WriteOptions = {}): string {
  const rows = dataset.organisations.filter((o) => keepRow(o, options)).map((o) =>
    [
      o.id,
      o.name,
      o.sector,
      o.city ?? '',
      o.region ?? '',
      o.country ?? '',
      o.aliases.join(LIST_SEPARATOR),
      o.description ?? '',
      o.descriptionEn ?? '',
      (o.listedIn ?? []).join(LIST_SEPARATOR),
      o.provenance.join(LIST_SEPARATOR),
    ].map(escapeFormula),
  );
  return Papa.unparse({ fields: [...ORGANISATION_COLUMNS], data: rows }, { newline: '\n' }) + '\n';
}

/** Writes every activity (including those without named participants) in the activities layout;
 * activities a scenario added only when asked. */
export function writeActivitiesCsv(dataset: Dataset, options: WriteOptions = {}): string {
  const rows = dataset.activities.filter((a) => keepRow(a, options)).map((a) =>
    [
      a.id,
      a.title,
      a.titleEn ?? '',
      a.kind,
      a.source,
      a.scheme ?? '',
      a.theme ?? '',
      a.startYear?.toString() ?? '',
      a.endYear?.toString() ?? '',
      a.region ?? '',
      a.statedParticipants?.toString() ?? '',
      a.description ?? '',
      a.descriptionEn ?? '',
      a.provenance.join(LIST_SEPARATOR),
    ].map(escapeFormula),
  );
  return Papa.unparse({ fields: [...ACTIVITY_COLUMNS], data: rows }, { newline: '\n' }) + '\n';
}

/** Writes the stated counts (header only when there are none). */
export function writeStatedCountsCsv(dataset: Dataset): string {
  const rows = (dataset.statedCounts ?? []).map((c) =>
    [c.subjectKind, c.subjectId, c.counted, String(c.value), c.qualifier, c.provenance, c.note ?? ''].map(escapeFormula),
  );
  return Papa.unparse({ fields: [...STATED_COUNT_COLUMNS], data: rows }, { newline: '\n' }) + '\n';
}

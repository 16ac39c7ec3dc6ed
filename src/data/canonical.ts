import Papa from 'papaparse';
import { DatasetBuilder, type Row } from './builder';
import { parseDelimitedSync } from './import/table';
import type { Dataset } from './model';
import { emptyFileReport, totalReport, type FileReport, type FileRole, type ImportReport } from './report';

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
  'listed_in',
  'provenance',
] as const;

/** Optional file adding activities (also ones without named participants) and their attributes. */
export const ACTIVITY_COLUMNS = [
  'activity_id',
  'title',
  'kind',
  'source',
  'scheme',
  'theme',
  'start_year',
  'end_year',
  'region',
  'stated_participants',
  'description',
  'provenance',
] as const;

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
 * participations file and optionally an organisations and an activities file, recognised by
 * their headers, in any order. Every row read is used, merged or rejected, and every problem is
 * reported with file, row and column.
 */
export function parseCanonicalFiles(
  files: readonly InputFile[],
  options: { datasetName?: string } = {},
): ParseResult {
  const builder = new DatasetBuilder();
  const reports: FileReport[] = [];
  const parsed = files.map((f) => ({ file: f, table: readTable(f) }));
  const roleOrder: Record<FileRole, number> = { organisations: 0, activities: 1, participations: 2 };
  // Attribute files first, so participations resolve against them whatever the file order.
  const recognised = parsed
    .map((p) => ({ ...p, role: recogniseCanonicalHeader(p.table.header) }))
    .sort((a, b) => (a.role ? roleOrder[a.role] : 3) - (b.role ? roleOrder[b.role] : 3));

  for (const { file, table, role } of recognised) {
    const report = emptyFileReport(file.name, role ?? 'unrecognised', table.delimiter);
    reports.push(report);
    builder.problems.push(...table.problems);
    if (!role) {
      report.rowsRead = table.rows.length;
      report.rowsRejected = table.rows.length;
      report.blankLinesSkipped = table.blankLines;
      builder.problems.push({
        file: file.name,
        row: 1,
        severity: 'error',
        code: 'unrecognised-columns',
        message: table.header.length
          ? `The columns (${table.header.slice(0, 8).join(', ')}${table.header.length > 8 ? ', …' : ''}) are not Bruggen's format: a participations file needs at least "activity_id" and "organisation".`
          : 'The file is empty: it has no header row.',
        fix: 'Rename the columns to the names in the README ("Data format"), or map them when importing.',
      });
      continue;
    }
    const known = new Set<string>(
      role === 'participations' ? PARTICIPATION_COLUMNS : role === 'organisations' ? ORGANISATION_COLUMNS : ACTIVITY_COLUMNS,
    );
    const extraColumns = table.header.filter((h) => h && !known.has(h));
    if (extraColumns.length) {
      builder.problems.push({
        file: file.name,
        row: 1,
        severity: 'info',
        code: 'extra-columns',
        message:
          role === 'participations'
            ? `Columns not in the format were not used: ${extraColumns.join(', ')}.`
            : `Columns not in the format are kept as extra attributes: ${extraColumns.join(', ')}.`,
      });
    }
    report.blankLinesSkipped = table.blankLines;
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
  return {
    dataset: builder.toDataset(options.datasetName ?? files.map((f) => f.name).join(', ')),
    report: totalReport(reports, builder.problems),
  };
}

/**
 * Cells starting with = + - @ (or tab/CR) would run as formulas in a spreadsheet: prefix an
 * apostrophe. A value that already starts with apostrophes before such a character gets one
 * more, so reading it back (which removes one) gives the original value.
 */
export function escapeFormula(value: string): string {
  return /^'*[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** Writes a dataset's participations as one canonical CSV (organisations without any activity
 * only appear in the organisations CSV). */
export function writeParticipationsCsv(dataset: Dataset): string {
  const orgs = new Map(dataset.organisations.map((o) => [o.id, o]));
  const acts = new Map(dataset.activities.map((a) => [a.id, a]));
  const rows = dataset.participations.map((p) => {
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
    ].map(escapeFormula);
  });
  return Papa.unparse({ fields: [...PARTICIPATION_COLUMNS], data: rows }, { newline: '\n' }) + '\n';
}

/** Writes every organisation (including those without activities) in the organisations layout. */
export function writeOrganisationsCsv(dataset: Dataset): string {
  const rows = dataset.organisations.map((o) =>
    [
      o.id,
      o.name,
      o.sector,
      o.city ?? '',
      o.region ?? '',
      o.country ?? '',
      o.aliases.join(LIST_SEPARATOR),
      o.description ?? '',
      (o.listedIn ?? []).join(LIST_SEPARATOR),
      o.provenance.join(LIST_SEPARATOR),
    ].map(escapeFormula),
  );
  return Papa.unparse({ fields: [...ORGANISATION_COLUMNS], data: rows }, { newline: '\n' }) + '\n';
}

/** Writes every activity (including those without named participants) in the activities layout. */
export function writeActivitiesCsv(dataset: Dataset): string {
  const rows = dataset.activities.map((a) =>
    [
      a.id,
      a.title,
      a.kind,
      a.source,
      a.scheme ?? '',
      a.theme ?? '',
      a.startYear?.toString() ?? '',
      a.endYear?.toString() ?? '',
      a.region ?? '',
      a.statedParticipants?.toString() ?? '',
      a.description ?? '',
      a.provenance.join(LIST_SEPARATOR),
    ].map(escapeFormula),
  );
  return Papa.unparse({ fields: [...ACTIVITY_COLUMNS], data: rows }, { newline: '\n' }) + '\n';
}

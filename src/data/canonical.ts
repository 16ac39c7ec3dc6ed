import Papa from 'papaparse';
import type { Activity, Dataset, Organisation, Participation } from './model';
import { normaliseName, slugify } from './normalise';
import {
  emptyFileReport,
  totalReport,
  type FileReport,
  type FileRole,
  type ImportProblem,
  type ImportReport,
} from './report';
import { inferSector, parseSectorValue } from './sectorInference';
import type { Sector } from './sectors';

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

type Row = Map<string, string>;

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

/** A leading apostrophe is how Bruggen's writer neutralises formula-like cells; undo it. */
const FORMULA_ESCAPED = /^'[=+\-@\t\r]/;
function cell(value: string | undefined): string {
  const v = (value ?? '').trim();
  return FORMULA_ESCAPED.test(v) ? v.slice(1) : v;
}

function splitList(value: string): string[] {
  return value
    .split('|')
    .map((s) => s.trim())
    .filter(Boolean);
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

interface Table {
  header: string[];
  rows: { row: Row; number: number }[];
  delimiter: string;
  blankLines: number;
  problems: ImportProblem[];
}

function readTable(file: InputFile): Table {
  const text = file.text.replace(/^\uFEFF/, '');
  const result = Papa.parse<string[]>(text, {
    skipEmptyLines: false,
    delimitersToGuess: [',', ';', '\t', '|'],
  });
  const problems: ImportProblem[] = [];
  for (const e of result.errors) {
    // Papaparse reports delimiter guessing on one-column files; that is not a problem.
    if (e.code === 'UndetectableDelimiter') continue;
    problems.push({
      file: file.name,
      row: e.row !== undefined ? e.row + 1 : undefined,
      severity: 'warning',
      code: `csv-${e.code.toLowerCase()}`,
      message: `CSV structure: ${e.message}.`,
      fix: 'Check the quotes on this row: a field containing the separator or a line break must be quoted.',
    });
  }
  const records = result.data;
  let headerIndex = records.findIndex((r) => r.some((v) => v.trim() !== ''));
  if (headerIndex < 0) headerIndex = records.length;
  const header = (records[headerIndex] ?? []).map(normaliseHeader);
  // Trailing empty header cells come from spreadsheets that save empty columns.
  while (header.length && header[header.length - 1] === '') header.pop();
  const rows: Table['rows'] = [];
  let blankLines = 0;
  for (let i = headerIndex + 1; i < records.length; i++) {
    const values = records[i]!;
    if (values.every((v) => v.trim() === '')) {
      // The parser yields one empty record for the final newline; that is no blank line.
      if (!(i === records.length - 1 && values.length === 1)) blankLines++;
      continue;
    }
    const number = i + 1;
    const row: Row = new Map();
    header.forEach((h, j) => {
      if (h) row.set(h, values[j] ?? '');
    });
    const overflow = values.slice(header.length).filter((v) => v.trim() !== '');
    if (overflow.length) {
      problems.push({
        file: file.name,
        row: number,
        severity: 'warning',
        code: 'ragged-row',
        message: `This row has ${values.length} values but the header has ${header.length} columns; the extra values (${overflow
          .slice(0, 3)
          .map((v) => JSON.stringify(v.slice(0, 40)))
          .join(', ')}) were not used.`,
        fix: 'Quote fields that contain the separator, or add a header for the extra column.',
      });
    }
    rows.push({ row, number });
  }
  return { header, rows, delimiter: result.meta.delimiter || ',', blankLines, problems };
}

type Outcome = 'used' | 'merged' | 'rejected';

class DatasetBuilder {
  readonly problems: ImportProblem[] = [];
  private readonly organisations = new Map<string, Organisation>();
  private readonly byName = new Map<string, string>();
  private readonly activities = new Map<string, Activity>();
  private readonly participations = new Map<string, Participation & { row: string }>();
  private readonly needsInference = new Set<string>();
  /** Organisations described in an organisations file. */
  private readonly declared = new Set<string>();

  private problem(p: ImportProblem) {
    this.problems.push(p);
  }

  private registerName(name: string, id: string) {
    const key = normaliseName(name);
    if (key && !this.byName.has(key)) this.byName.set(key, id);
  }

  private uniqueOrganisationId(name: string): string {
    const base = slugify(name) || 'organisation';
    let id = base;
    for (let n = 2; this.organisations.has(id); n++) id = `${base}-${n}`;
    return id;
  }

  /** Parses a sector cell, falling back to inference (reported) when it is empty or unknown. */
  private sectorFrom(value: string, file: string, row: number, column: string): Sector | undefined {
    if (!value) return undefined;
    const sector = parseSectorValue(normaliseName(value));
    if (!sector) {
      this.problem({
        file,
        row,
        column,
        severity: 'warning',
        code: 'unknown-sector',
        message: `"${value}" is not one of the sectors (tech, care, government, knowledge, network, finance, citizens, other); the sector will be inferred from the name instead.`,
        fix: 'Use one of the sector ids listed in the README, or correct the sector in the app.',
      });
    }
    return sector;
  }

  addOrganisationRow(row: Row, file: string, number: number, extraColumns: string[]): Outcome {
    const name = cell(row.get('name'));
    let id = cell(row.get('organisation_id'));
    if (!name && !id) {
      this.problem({
        file,
        row: number,
        column: 'name',
        severity: 'error',
        code: 'missing-organisation',
        message: 'This row has neither an organisation_id nor a name, so it cannot describe an organisation.',
        fix: 'Fill in the name (and ideally an id), or delete the row.',
      });
      return 'rejected';
    }
    if (!id) id = this.byName.get(normaliseName(name)) ?? this.uniqueOrganisationId(name);
    const sector = this.sectorFrom(cell(row.get('sector')), file, number, 'sector');
    const existing = this.organisations.get(id);
    if (existing) {
      this.problem({
        file,
        row: number,
        column: 'organisation_id',
        severity: 'warning',
        code: 'duplicate-organisation',
        message: `Organisation "${id}" was already described earlier; this row's empty fields were filled in but differing values were not used.`,
        fix: 'Keep one row per organisation.',
      });
      this.fillOrganisation(existing, row, name, sector);
      return 'merged';
    }
    const org: Organisation = {
      id,
      name: name || id,
      sector: sector ?? 'other',
      aliases: splitList(cell(row.get('aliases'))),
      provenance: splitList(cell(row.get('provenance'))),
    };
    this.fillOrganisation(org, row, name, sector);
    const listed = splitList(cell(row.get('listed_in')));
    if (listed.length) org.listedIn = listed;
    const description = cell(row.get('description'));
    if (description) org.description = description;
    const extra = extraAttributes(row, extraColumns);
    if (extra) org.extra = extra;
    if (!sector) this.needsInference.add(id);
    this.organisations.set(id, org);
    this.declared.add(id);
    this.registerName(org.name, id);
    for (const alias of org.aliases) this.registerName(alias, id);
    return 'used';
  }

  private fillOrganisation(org: Organisation, row: Row, name: string, sector: Sector | undefined) {
    if (name) {
      // An id standing in for a name is replaced; a second spelling becomes an alias, never a lost value.
      if (org.name === org.id) org.name = name;
      else if (normaliseName(name) !== normaliseName(org.name) && !org.aliases.includes(name)) {
        org.aliases.push(name);
        this.registerName(name, org.id);
      }
    }
    if (sector && this.needsInference.has(org.id)) {
      org.sector = sector;
      this.needsInference.delete(org.id);
    }
    for (const key of ['city', 'region', 'country'] as const) {
      const v = cell(row.get(key));
      if (v && !org[key]) org[key] = v;
    }
  }

  addActivityRow(row: Row, file: string, number: number, extraColumns: string[]): Outcome {
    const id = cell(row.get('activity_id'));
    if (!id) {
      this.problem({
        file,
        row: number,
        column: 'activity_id',
        severity: 'error',
        code: 'missing-activity-id',
        message: 'This row has no activity_id, so it cannot be linked to any participation.',
        fix: 'Fill in the activity id, or delete the row.',
      });
      return 'rejected';
    }
    const existing = this.activities.get(id);
    const activity = existing ?? newActivity(id);
    this.fillActivity(activity, row, file, number, {
      title: 'title',
      kind: 'kind',
      stated: 'stated_participants',
    });
    const description = cell(row.get('description'));
    if (description && !activity.description) activity.description = description;
    const provenance = splitList(cell(row.get('provenance')));
    for (const p of provenance) if (!activity.provenance.includes(p)) activity.provenance.push(p);
    const extra = extraAttributes(row, extraColumns);
    if (extra) activity.extra = { ...extra, ...activity.extra };
    if (existing) {
      this.problem({
        file,
        row: number,
        column: 'activity_id',
        severity: 'warning',
        code: 'duplicate-activity',
        message: `Activity "${id}" was already described earlier; this row's empty fields were filled in but differing values were not used.`,
        fix: 'Keep one row per activity.',
      });
      return 'merged';
    }
    this.activities.set(id, activity);
    return 'used';
  }

  /** Fills an activity's attributes from a row; a value that contradicts an earlier one is reported. */
  private fillActivity(
    activity: Activity,
    row: Row,
    file: string,
    number: number,
    columns: { title: string; kind: string; stated?: string },
  ) {
    const text: [keyof Activity & string, string][] = [
      ['title', columns.title],
      ['kind', columns.kind],
      ['source', 'source'],
      ['scheme', 'scheme'],
      ['theme', 'theme'],
    ];
    // In a participations row, `region` belongs to the organisation (it follows `city`).
    if (columns.stated) text.push(['region', 'region']);
    for (const [field, column] of text) {
      const v = cell(row.get(column));
      if (!v) continue;
      const current = activity[field] as string | undefined;
      const placeholder = (field === 'title' && current === activity.id) || current === 'unspecified';
      if (!current || placeholder) (activity as unknown as Record<string, unknown>)[field] = v;
      else if (current !== v) this.conflict(file, number, column, activity.id, current, v);
    }
    const numeric: [keyof Activity & string, string][] = [
      ['startYear', 'start_year'],
      ['endYear', 'end_year'],
    ];
    if (columns.stated) numeric.push(['statedParticipants', columns.stated]);
    for (const [field, column] of numeric) {
      const raw = cell(row.get(column));
      if (!raw) continue;
      const value = Number(raw);
      const isYear = field !== 'statedParticipants';
      const valid = Number.isInteger(value) && (isYear ? value >= 1900 && value <= 2100 : value >= 0);
      if (!valid) {
        this.problem({
          file,
          row: number,
          column,
          severity: 'warning',
          code: isYear ? 'invalid-year' : 'invalid-number',
          message: `"${raw}" is not ${isYear ? 'a year (a whole number such as 2016)' : 'a whole number'}; the value was not used, the row was.`,
          fix: `Write ${isYear ? 'the year as four digits' : 'a whole number'} or leave the cell empty.`,
        });
        continue;
      }
      const current = activity[field] as number | undefined;
      if (current === undefined) (activity as unknown as Record<string, unknown>)[field] = value;
      else if (current !== value) this.conflict(file, number, column, activity.id, String(current), raw);
    }
  }

  private conflict(file: string, row: number, column: string, id: string, kept: string, ignored: string) {
    this.problem({
      file,
      row,
      column,
      severity: 'warning',
      code: 'conflicting-value',
      message: `Activity "${id}" already has ${column} "${kept}"; this row says "${ignored}", which was not used.`,
      fix: 'Make the value the same on every row of the activity.',
    });
  }

  addParticipationRow(row: Row, file: string, number: number): Outcome {
    const activityId = cell(row.get('activity_id'));
    if (!activityId) {
      this.problem({
        file,
        row: number,
        column: 'activity_id',
        severity: 'error',
        code: 'missing-activity-id',
        message: 'This row has no activity_id, so it cannot say which activity the organisation took part in.',
        fix: 'Fill in the activity id (any text that is the same on every row of the activity), or delete the row.',
      });
      return 'rejected';
    }
    const organisationId = this.resolveOrganisation(row, file, number);
    if (!organisationId) return 'rejected';

    let activity = this.activities.get(activityId);
    if (!activity) {
      activity = newActivity(activityId);
      this.activities.set(activityId, activity);
    }
    this.fillActivity(activity, row, file, number, { title: 'activity_title', kind: 'activity_kind' });

    const key = `${activityId}\u0000${organisationId}`;
    const previous = this.participations.get(key);
    const role = cell(row.get('role'));
    if (previous) {
      this.problem({
        file,
        row: number,
        severity: 'info',
        code: 'duplicate-participation',
        message: `Organisation "${organisationId}" already takes part in activity "${activityId}" (${previous.row}); this row was merged into that one.`,
      });
      if (role && previous.role && role !== previous.role && !previous.role.split('; ').includes(role)) {
        previous.role = `${previous.role}; ${role}`;
      } else if (role && !previous.role) {
        previous.role = role;
      }
      return 'merged';
    }
    const participation: Participation & { row: string } = { activityId, organisationId, row: `${file} row ${number}` };
    if (role) participation.role = role;
    const written = cell(row.get('organisation'));
    const org = this.organisations.get(organisationId)!;
    if (written && written !== org.name) participation.nameAsWritten = written;
    participation.provenance = cell(row.get('provenance')) || `${file}#row ${number}`;
    this.participations.set(key, participation);
    return 'used';
  }

  private resolveOrganisation(row: Row, file: string, number: number): string | undefined {
    const id = cell(row.get('organisation_id'));
    const name = cell(row.get('organisation'));
    const sectorValue = cell(row.get('sector'));
    if (id) {
      const known = this.organisations.get(id);
      if (known) {
        // For an organisation described in an organisations file, the name in a participation row
        // is how that source wrote it (kept on the participation), not an alias.
        const alias = this.declared.has(id) ? '' : name;
        this.fillOrganisation(known, row, alias, this.sectorFrom(sectorValue, file, number, 'sector'));
        this.checkSectorConflict(known, sectorValue, file, number);
        return id;
      }
      if (!name) {
        this.problem({
          file,
          row: number,
          column: 'organisation_id',
          severity: 'error',
          code: 'unknown-organisation-id',
          message: `Organisation id "${id}" is not in the organisations file and this row gives no name for it.`,
          fix: 'Add the organisation to the organisations file, or fill in the "organisation" column.',
        });
        return undefined;
      }
      return this.createOrganisation(id, name, row, file, number);
    }
    if (!name || !normaliseName(name)) {
      this.problem({
        file,
        row: number,
        column: 'organisation',
        severity: 'error',
        code: 'missing-organisation',
        message: name
          ? `"${name}" contains no letters or digits, so it cannot identify an organisation.`
          : 'This row names no organisation (the "organisation" column is empty and there is no organisation_id).',
        fix: 'Fill in the organisation name, or delete the row.',
      });
      return undefined;
    }
    const existing = this.byName.get(normaliseName(name));
    if (existing) {
      const known = this.organisations.get(existing)!;
      this.fillOrganisation(known, row, name, this.sectorFrom(sectorValue, file, number, 'sector'));
      this.checkSectorConflict(known, sectorValue, file, number);
      return existing;
    }
    return this.createOrganisation(this.uniqueOrganisationId(name), name, row, file, number);
  }

  private createOrganisation(id: string, name: string, row: Row, file: string, number: number): string {
    const sector = this.sectorFrom(cell(row.get('sector')), file, number, 'sector');
    const org: Organisation = {
      id,
      name,
      sector: sector ?? 'other',
      aliases: [],
      provenance: [`${file}#row ${number}`],
    };
    this.fillOrganisation(org, row, name, sector);
    if (!sector) this.needsInference.add(id);
    this.organisations.set(id, org);
    this.registerName(name, id);
    return id;
  }

  private checkSectorConflict(org: Organisation, value: string, file: string, row: number) {
    if (!value) return;
    const sector = parseSectorValue(normaliseName(value));
    if (sector && sector !== org.sector && !this.needsInference.has(org.id)) {
      this.problem({
        file,
        row,
        column: 'sector',
        severity: 'warning',
        code: 'conflicting-sector',
        message: `"${org.name}" already has sector "${org.sector}"; this row says "${sector}", which was not used.`,
        fix: 'Give the organisation the same sector on every row (or correct it in the app).',
      });
    }
  }

  /** Organisations that never got a sector get one inferred from their name, reported once each. */
  finishInference() {
    for (const id of this.needsInference) {
      const org = this.organisations.get(id)!;
      const guess = inferSector(normaliseName(org.name));
      org.sector = guess?.sector ?? 'other';
      org.sectorInferred = true;
      this.problem({
        file: org.provenance[0]?.split('#')[0] ?? '',
        severity: 'info',
        code: 'sector-inferred',
        column: 'sector',
        message: guess
          ? `No sector given for "${org.name}"; inferred "${guess.sector}" (${guess.why}).`
          : `No sector given for "${org.name}" and the name matches no rule; set to "other".`,
        fix: 'Add a sector column, or correct the sector in the app.',
      });
    }
    this.needsInference.clear();
  }

  toDataset(name: string): Dataset {
    const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    return {
      name,
      organisations: [...this.organisations.values()].sort(byId),
      activities: [...this.activities.values()].sort(byId),
      participations: [...this.participations.values()].map(({ row: _row, ...p }) => p),
    };
  }
}

function newActivity(id: string): Activity {
  return { id, title: id, kind: 'unspecified', source: 'unspecified', provenance: [] };
}

function extraAttributes(row: Row, columns: string[]): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const c of columns) {
    const v = cell(row.get(c));
    if (v) out[c] = v;
  }
  return Object.keys(out).length ? out : undefined;
}

/** Cells starting with = + - @ (or tab/CR) would run as formulas in a spreadsheet: prefix an apostrophe. */
export function escapeFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
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
      o.name,
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

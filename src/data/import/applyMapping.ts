import { combineOutcomes, type DatasetBuilder, type Outcome, type Row } from '../builder';
import { normaliseName } from '../normalise';
import { importProblem, nameList } from '../problemWords';
import { emptyFileReport, type FileReport } from '../report';
import { DISPLAYED_FIELDS, type FieldId } from './fields';
import { headerKey, mappingMissing, type ColumnMapping } from './recognise';
import type { RawTable } from './table';
import { checkValue, ID_COLUMNS, splitOrganisationList, withoutHiddenCharacters, canonicalId, yearsIn, type ProblemCollector } from './values';

/** Where each directly mapped field goes in the canonical row of each role. */
const CANONICAL_KEY: Record<'participations' | 'activities' | 'organisations', Partial<Record<FieldId, string>>> = {
  participations: {
    activity_id: 'activity_id',
    activity_title: 'activity_title',
    activity_kind: 'activity_kind',
    source: 'source',
    scheme: 'scheme',
    theme: 'theme',
    start_year: 'start_year',
    end_year: 'end_year',
    organisation_id: 'organisation_id',
    organisation: 'organisation',
    organisation_short_name: 'short_name',
    organisation_type: 'organisation_type',
    sector: 'sector',
    city: 'city',
    region: 'region',
    country: 'country',
    role: 'role',
    provenance: 'provenance',
    confidence: 'confidence',
  },
  activities: {
    activity_id: 'activity_id',
    activity_title: 'title',
    activity_kind: 'kind',
    source: 'source',
    scheme: 'scheme',
    theme: 'theme',
    start_year: 'start_year',
    end_year: 'end_year',
    activity_region: 'region',
    stated_participants: 'stated_participants',
    activity_description: 'description',
    activity_title_en: 'title_en',
    activity_description_en: 'description_en',
    provenance: 'provenance',
  },
  organisations: {
    organisation_id: 'organisation_id',
    organisation: 'name',
    organisation_type: 'organisation_type',
    sector: 'sector',
    city: 'city',
    region: 'region',
    country: 'country',
    aliases: 'aliases',
    organisation_description: 'description',
    organisation_description_en: 'description_en',
    listed_in: 'listed_in',
    provenance: 'provenance',
  },
};

/** Organisation attributes of a participations row; they describe only the row's own organisation. */
const ORGANISATION_KEYS = ['organisation_id', 'short_name', 'organisation_type', 'sector', 'city', 'region', 'country'];

/** Rows handled between two yields of `importTableSteps` (a few milliseconds of work). */
export const ROWS_PER_STEP = 5_000;

/**
 * Feeds a table through the builder under a mapping, counting every row as used, merged or
 * rejected in the returned file report. Problems about values go to the collector; problems
 * about rows (rejections) are the builder's, so every rejected row is listed.
 */
export function importTable(builder: DatasetBuilder, table: RawTable, mapping: ColumnMapping, collector: ProblemCollector): FileReport {
  const steps = importTableSteps(builder, table, mapping, collector);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * `importTable` in steps: yields the number of rows done after every ROWS_PER_STEP rows, so the
 * worker can post progress and see a cancel between steps; returns the file report.
 */
export function* importTableSteps(
  builder: DatasetBuilder,
  table: RawTable,
  mapping: ColumnMapping,
  collector: ProblemCollector,
): Generator<number, FileReport, void> {
  const role = mapping.role;
  const report = emptyFileReport(table.file, role === 'ignore' ? 'unrecognised' : role, table.delimiter);
  if (table.encoding) report.encoding = table.encoding;
  if (table.sheet) report.sheet = table.sheet;
  report.blankLinesSkipped = table.blankLines;
  const place = { file: table.file, row: 1 };
  const rejectAll = (code: string, params: Record<string, string | number>, variant?: string) => {
    report.rowsRead = report.rowsRejected = table.rows.length;
    builder.problems.push(importProblem({ ...place, severity: 'error' }, code, params, variant));
    return report;
  };
  if (role === 'ignore') return rejectAll('file-ignored', { n: table.rows.length });
  const missing = mappingMissing(mapping);
  if (missing.length) return rejectAll('mapping-incomplete', { fields: missing.map((m) => `"${m}"`).join(', ') }, role);
  if (table.rows.length === 0) {
    builder.problems.push(importProblem({ ...place, severity: 'error' }, 'header-only', { columns: nameList(table.header, 6) }));
    return report;
  }

  const keys = CANONICAL_KEY[role];
  const canonicalKeys = new Set(Object.values(keys));
  // Unmapped columns of an activities or organisations file are kept as extra attributes.
  const unmapped = table.header.map((h, i) => ({ h, i })).filter(({ h, i }) => h && !mapping.columns[i]);
  const extras = role === 'participations' ? [] : unmapped.filter(({ h }) => !canonicalKeys.has(h));
  // A Set: a wide file has tens of thousands of unmapped columns (includes() would be quadratic).
  const extraSet = new Set(extras);
  // A header written twice: the second column is not used, and "organisation" alone in the list of
  // unused columns read as if the one that was used had been dropped. Named with its position.
  // Compared as the mapping compares them (headerKey: case, accents and spacing aside), so that
  // "Organisation" and "ORGANISATION" are one header written twice.
  const seenHeaders = new Map<string, string>();
  const repeated = new Set<string>();
  table.header.forEach((h) => {
    const key = headerKey(h);
    if (!key) return;
    const first = seenHeaders.get(key);
    if (first !== undefined) {
      repeated.add(first);
      repeated.add(h);
    } else seenHeaders.set(key, h);
  });
  const unused = unmapped.filter((u) => !extraSet.has(u)).map(({ h, i }) => (repeated.has(h) ? `${h} (column ${i + 1})` : h));
  if (repeated.size) {
    builder.problems.push(importProblem({ ...place, severity: 'warning' }, 'repeated-header', { columns: nameList([...repeated].map((h) => `"${h}"`), 10) }));
  }
  if (extras.length) builder.problems.push(importProblem({ ...place, severity: 'info' }, 'extra-columns', { columns: nameList(extras.map((e) => e.h), 40) }));
  if (unused.length) builder.problems.push(importProblem({ ...place, severity: 'info' }, 'unused-columns', { columns: nameList(unused, 40) }));
  const extraNames = extras.map((e) => e.h);
  // The builder names canonical columns; the report should name the user's own headers.
  const headerOf = new Map<string, string>();
  mapping.columns.forEach((field, i) => {
    const key = field ? keys[field] : undefined;
    if (key && table.header[i]) headerOf.set(key, table.header[i]!);
  });
  const firstProblem = builder.problems.length;

  // Only the mapped columns are visited per row: a 60,000-column file maps a handful. What each
  // needs per cell is looked up once here, not for each of a million cells.
  const mapped: { i: number; field: FieldId; key: string | undefined; column: string; displayed: boolean; year: boolean }[] = [];
  mapping.columns.forEach((field, i) => {
    if (field) {
      const column = table.header[i] || `column ${i + 1}`;
      mapped.push({ i, field, key: keys[field], column, displayed: DISPLAYED_FIELDS.has(field), year: field === 'start_year' || field === 'end_year' });
    }
  });
  // A text file the reader found free of control and direction characters needs no test per cell.
  const mayHide = table.hiddenCharacters !== false;
  let done = 0;
  for (const { values, number, unclosedQuote } of table.rows) {
    if (++done % ROWS_PER_STEP === 0) yield done;
    report.rowsRead++;
    // Its last field swallowed every line after it: a row of junk (one organisation named after
    // the rest of the file), not data.
    if (unclosedQuote) {
      builder.problems.push(importProblem({ file: table.file, row: number, severity: 'error' }, 'unclosed-quote-row'));
      report.rowsRejected++;
      continue;
    }
    const base: Row = new Map();
    const derived: Partial<Record<FieldId, string>> = {};
    for (const { i, field, key, column, displayed, year } of mapped) {
      let value = values[i] ?? '';
      let trimmed = value.trim();
      if (trimmed) {
        if (mayHide) {
          value = withoutHiddenCharacters(value, { file: table.file, row: number, column }, collector, displayed);
          trimmed = value.trim();
        }
        for (const p of checkValue(trimmed, table.file, number, column, displayed)) collector.addCapped(p);
      }
      if (key && ID_COLUMNS.has(key)) value = canonicalId(value, { file: table.file, row: number, column }, collector);
      if (key) base.set(key, year && DATE.test(trimmed) ? String(yearsIn(trimmed)[0] ?? value) : value);
      else derived[field] = trimmed;
    }
    for (const e of extras) base.set(e.h, values[e.i] ?? '');
    applyDerived(base, derived, role, table, number, mapping, collector);
    const parts = role === 'participations' ? expandOrganisations(base, derived) : [{ row: base, from: null }];
    const rows = parts.map((part) => part.row);
    if (role === 'participations' && namesNoOrganisation(rows, mapping)) {
      const columns = mapping.columns.map((f, i) => (f && ORGANISATION_COLUMNS.has(f) ? table.header[i] || f : '')).filter(Boolean);
      builder.problems.push(
        importProblem({ file: table.file, row: number, column: columns.join(', '), severity: 'error' }, 'missing-organisation', { columns: columns.map((c) => `"${c}"`).join(', ') }, 'columns'),
      );
      report.rowsRejected++;
      continue;
    }
    const add = (row: Row): Outcome =>
      role === 'organisations'
        ? builder.addOrganisationRow(row, table.file, number, extraNames)
        : role === 'activities'
          ? builder.addActivityRow(row, table.file, number, extraNames)
          : builder.addParticipationRow(row, table.file, number);
    const outcome = rows.length === 1 ? add(rows[0]!) : addParts(parts, add, builder, number, (field) => table.header[mapping.columns.indexOf(field)] || field);
    if (outcome === 'used') report.rowsUsed++;
    else if (outcome === 'merged') report.rowsMerged++;
    else report.rowsRejected++;
  }
  for (let i = firstProblem; i < builder.problems.length; i++) {
    const p = builder.problems[i]!;
    const header = p.column && p.file === table.file ? headerOf.get(p.column) : undefined;
    if (header) builder.problems[i] = { ...p, column: header };
  }
  return report;
}

/** A date in a year column ("jaar": 01-03-2022, 2022-03-01): hand-kept sheets write one; its year is meant. */
const DATE = /^(\d{1,2}[-/.]\d{1,2}[-/.](19|20)\d{2}|(19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}([T ][\d:.]+Z?)?)$/;

const ORGANISATION_COLUMNS = new Set<FieldId>(['organisation', 'organisation_id', 'lead_organisation', 'consortium']);

/** A row with an activity but not a single organisation in any organisation column. */
function namesNoOrganisation(rows: Row[], mapping: ColumnMapping): boolean {
  const only = rows.length === 1 ? rows[0]! : undefined;
  if (!only || !(only.get('activity_id') ?? '').trim()) return false;
  if ((only.get('organisation') ?? '').trim() || (only.get('organisation_id') ?? '').trim()) return false;
  return mapping.columns.includes('lead_organisation') || mapping.columns.includes('consortium');
}

/** Import-only fields: acronym joins the title, dates and periods become years, constants fill gaps. */
function applyDerived(
  row: Row,
  derived: Partial<Record<FieldId, string>>,
  role: 'participations' | 'activities' | 'organisations',
  table: RawTable,
  number: number,
  mapping: ColumnMapping,
  collector: ProblemCollector,
) {
  const titleKey = role === 'activities' ? 'title' : 'activity_title';
  const acronym = derived.activity_acronym;
  if (acronym && role !== 'organisations') {
    const title = (row.get(titleKey) ?? '').trim();
    row.set(titleKey, !title ? acronym : title.toLowerCase().includes(acronym.toLowerCase()) ? title : `${acronym}: ${title}`);
  }
  const yearFrom = (field: FieldId, pick: 'first' | 'last', target: 'start_year' | 'end_year') => {
    const value = derived[field];
    if (!value || (row.get(target) ?? '').trim()) return;
    const years = yearsIn(value);
    if (years.length) row.set(target, String(pick === 'first' ? years[0] : years[years.length - 1]));
    else {
      const index = mapping.columns.indexOf(field);
      collector.addCapped(importProblem({ file: table.file, row: number, column: table.header[index] || field, severity: 'warning' }, 'invalid-date', { value: value.slice(0, 40) }));
    }
  };
  yearFrom('start_date', 'first', 'start_year');
  yearFrom('end_date', 'last', 'end_year');
  yearFrom('period', 'first', 'start_year');
  yearFrom('period', 'last', 'end_year');
  if (role !== 'organisations') {
    const kindKey = role === 'activities' ? 'kind' : 'activity_kind';
    if (mapping.constants.source && !(row.get('source') ?? '').trim()) row.set('source', mapping.constants.source);
    if (mapping.constants.activity_kind && !(row.get(kindKey) ?? '').trim()) row.set(kindKey, mapping.constants.activity_kind);
  }
  const shortName = derived.organisation_short_name;
  if (shortName && role === 'organisations') {
    const aliases = (row.get('aliases') ?? '').trim();
    row.set('aliases', aliases ? `${aliases} | ${shortName}` : shortName);
  }
}

/**
 * A participations row naming a lead and/or a consortium (RVO's "Penvoerder" and
 * "Projectconsortium") becomes one row per organisation; a name repeated within the row is
 * taken once. Organisation attributes stay with the row's own organisation.
 */
/** One participation a row makes, and the column of a lead or consortium list it came from. */
interface RowPart {
  row: Row;
  from: 'lead_organisation' | 'consortium' | null;
}

function expandOrganisations(base: Row, derived: Partial<Record<FieldId, string>>): RowPart[] {
  const lead = splitOrganisationList(derived.lead_organisation ?? '');
  const consortium = splitOrganisationList(derived.consortium ?? '');
  if (!lead.length && !consortium.length) return [{ row: base, from: null }];
  const parts: RowPart[] = [];
  const seen = new Set<string>();
  const hasOwn = Boolean((base.get('organisation') ?? '').trim() || (base.get('organisation_id') ?? '').trim());
  if (hasOwn) {
    parts.push({ row: base, from: null });
    seen.add(normaliseName(base.get('organisation') ?? ''));
  }
  const add = (name: string, role: string, keepAttributes: boolean, from: RowPart['from']) => {
    const key = normaliseName(name);
    if (key && seen.has(key)) return;
    seen.add(key);
    const row = new Map(base);
    if (!keepAttributes) for (const k of ORGANISATION_KEYS) row.delete(k);
    else row.delete('organisation_id');
    row.set('organisation', name);
    if (!(base.get('role') ?? '').trim() || hasOwn) row.set('role', role);
    parts.push({ row, from });
  };
  lead.forEach((name, i) => add(name, 'lead', !hasOwn && i === 0, 'lead_organisation'));
  for (const name of consortium) add(name, 'partner', false, 'consortium');
  return parts.length ? parts : [{ row: base, from: null }];
}

/**
 * Adds the participations of a row that names a lead and/or a consortium. The row counts as used
 * when one of them is; a part that is not used then does not make the row rejected, so its problem
 * is a warning (an error means "row rejected") naming the column the part came from, and a part
 * merged into an earlier participation says that only that part was merged.
 */
function addParts(parts: readonly RowPart[], add: (row: Row) => Outcome, builder: DatasetBuilder, number: number, header: (field: FieldId) => string): Outcome {
  const outcomes: Outcome[] = [];
  const problemsFrom: number[] = [];
  for (const part of parts) {
    problemsFrom.push(builder.problems.length);
    outcomes.push(add(part.row));
  }
  problemsFrom.push(builder.problems.length);
  const outcome = combineOutcomes(outcomes);
  parts.forEach((part, i) => {
    const partOnly = outcome !== 'rejected' && outcomes[i] !== outcome;
    if (!partOnly && !part.from) return;
    for (let p = problemsFrom[i]!; p < problemsFrom[i + 1]!; p++) {
      const q = builder.problems[p]!;
      if (q.row !== number) continue;
      const column = part.from ? header(part.from) : q.column;
      const at = column ? { column } : {};
      if (partOnly && q.code === 'duplicate-participation' && q.params) builder.problems[p] = importProblem({ file: q.file, row: number, ...at, severity: 'info' }, q.code, q.params, 'part');
      // "…or delete the row" would lose the organisations of the row that were used.
      else if (partOnly && q.code === 'missing-organisation' && q.variant === 'no-letters' && q.params) builder.problems[p] = importProblem({ file: q.file, row: number, ...at, severity: 'warning' }, q.code, q.params, 'no-letters-part');
      else builder.problems[p] = { ...q, ...at, ...(partOnly && q.severity === 'error' ? { severity: 'warning' as const } : {}) };
    }
  });
  return outcome;
}

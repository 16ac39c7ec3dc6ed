import { combineOutcomes, DatasetBuilder } from '../builder';
import { isStatedCountsTable, readStatedCounts, STATED_COUNT_COLUMNS } from '../canonical';
import type { Dataset, StatedCount } from '../model';
import type { SectorGuessSource } from '../sectorInference';
import { importProblem, nameList } from '../problemWords';
import { emptyFileReport, totalReport, type FileReport, type FileRole, type ImportProblem, type ImportReport } from '../report';
import { importTableSteps } from './applyMapping';
import type { RecordSource } from './datasetFiles';
import { findDuplicateGroupsSteps, mergeDuplicateGroups, type DuplicateGroup } from './duplicates';
import { recogniseTable, type ColumnMapping } from './recognise';
import { readSource, type ReadProgress, type SourceInput, type SourceRead } from './readSource';
import { reportForPage } from './reportCsv';
import { yieldToEventLoop, type RawTable } from './table';
import { ID_COLUMNS, ProblemCollector, withoutHiddenCharacters, canonicalId, cleanId } from './values';

/** What the UI needs to know about a table to show the mapping step (no full rows). */
export interface TableSummary {
  kind: 'table';
  id: string;
  file: string;
  sheet?: string;
  encoding?: string;
  delimiter: string;
  header: string[];
  preview: string[][];
  rowCount: number;
  blankLines: number;
}

export interface SourceSummary {
  file: string;
  status: 'tables' | 'records' | 'failed';
  tables: TableSummary[];
  /** For JSON/GEXF: how many items each section has. */
  records?: { format: 'json' | 'gexf'; counts: Partial<Record<FileRole, number>> };
  problems: ImportProblem[];
}

export interface BuildRequest {
  datasetName: string;
  /** Mapping per table id; a table without one is mapped automatically. */
  mappings: ReadonlyMap<string, ColumnMapping>;
}

export interface BuildProgress {
  /** Rows fed to the builder so far, of all tables. */
  rows: number;
  total: number;
}

export interface ImportOutcome {
  dataset: Dataset;
  report: ImportReport;
  duplicates: DuplicateGroup[];
  /** Per participation (dataset order), the report file and row that created it. */
  origins: { file: string; row: number }[];
  /** Set when nothing could be built into a network: the reason, in plain words (also in the report). */
  noParticipations?: ImportProblem;
}

/**
 * What the review step shows of an outcome: the report, the duplicate proposals and the counts,
 * without the dataset itself (which stays in the worker until the user confirms).
 */
export interface ImportSummary {
  report: ImportReport;
  duplicates: DuplicateGroup[];
  counts: { organisations: number; activities: number; participations: number; inferred: number };
  noParticipations?: ImportProblem;
}

export function importSummary(outcome: ImportOutcome, proposals: DuplicateGroup[] = outcome.duplicates): ImportSummary {
  const { dataset } = outcome;
  let inferred = 0;
  for (const o of dataset.organisations) if (o.sectorInferred) inferred++;
  const summary: ImportSummary = {
    report: reportForPage(outcome.report),
    duplicates: proposals,
    counts: { organisations: dataset.organisations.length, activities: dataset.activities.length, participations: dataset.participations.length, inferred },
  };
  if (outcome.noParticipations) summary.noParticipations = outcome.noParticipations;
  return summary;
}

const PREVIEW_ROWS = 8;
/** Preview cells per row sent to the page: the mapping step shows examples of the columns it lists. */
const PREVIEW_COLUMNS = 2_000;
const ROLE_ORDER: Record<FileRole, number> = { organisations: 0, activities: 1, participations: 2 };

/** The outcome with the accepted duplicate groups merged; the remaining proposals stay proposals. */
export function applyDuplicateDecisions(outcome: ImportOutcome, acceptedGroupIds: ReadonlySet<string>): ImportOutcome {
  const accepted: DuplicateGroup[] = outcome.duplicates.filter((g) => acceptedGroupIds.has(g.id));
  const merged = mergeDuplicateGroups(outcome, accepted);
  return {
    ...outcome,
    dataset: merged.dataset,
    report: merged.report,
    origins: [...merged.origins],
    duplicates: outcome.duplicates.filter((g) => !acceptedGroupIds.has(g.id)),
  };
}

/** Concatenates without spreading: a list of problems can be longer than the call stack allows arguments. */
function append<T>(target: T[], items: readonly T[]) {
  for (const item of items) target.push(item);
}

type Job =
  | { role: FileRole; order: number; table: RawTable; mapping: ColumnMapping }
  | { role: FileRole; order: number; records: RecordSource };

/**
 * One import: read files (keeping their tables), then build a dataset under chosen mappings as
 * often as the user changes them. Runs in the import worker, in Node (converters) and inline
 * (tests) alike: the same code everywhere.
 */
export class ImportSession {
  private reads: SourceRead[] = [];
  /** The last build, kept for the duplicate decisions and the final dataset. */
  private outcome: ImportOutcome | undefined;

  async read(
    inputs: readonly SourceInput[],
    options: { onProgress?: (p: ReadProgress) => void; isCancelled?: () => boolean } = {},
  ): Promise<SourceSummary[] | undefined> {
    const reads: SourceRead[] = [];
    for (const [index, input] of inputs.entries()) {
      const read = await readSource(input, `t${index}`, {
        onProgress: (p) => options.onProgress?.({ ...p, fileIndex: index, fileCount: inputs.length }),
        ...(options.isCancelled ? { isCancelled: options.isCancelled } : {}),
      });
      if (!read || options.isCancelled?.()) return undefined;
      reads.push(read);
    }
    this.reads = reads;
    return reads.map(summarise);
  }

  /** Builds in one go (converters, tests). */
  build(request: BuildRequest, options: { sectorGuesses?: SectorGuessSource } = {}): ImportOutcome {
    const steps = this.buildSteps(request, options.sectorGuesses);
    for (;;) {
      const step = steps.next();
      if (step.done) return (this.outcome = step.value);
    }
  }

  /** The dataset of the last build (before any duplicate decision), if any. */
  built(): Dataset | undefined {
    return this.outcome?.dataset;
  }

  /** The last build with the accepted duplicate groups merged (the report counts move with them). */
  decide(accepted: readonly string[]): ImportOutcome {
    if (!this.outcome) throw new Error('Nothing has been built yet.');
    return applyDuplicateDecisions(this.outcome, new Set(accepted));
  }

  /** The review step's view of `decide`: every proposal, and the report and counts after merging. */
  review(accepted: readonly string[]): ImportSummary {
    if (!this.outcome) throw new Error('Nothing has been built yet.');
    return importSummary(this.decide(accepted), this.outcome.duplicates);
  }

  /**
   * Builds in steps, yielding to the event loop between them: progress is posted and a cancel is
   * seen within a few milliseconds of work. Resolves to undefined when cancelled.
   */
  async buildAsync(request: BuildRequest, options: { onProgress?: (p: BuildProgress) => void; isCancelled?: () => boolean } = {}): Promise<ImportOutcome | undefined> {
    const steps = this.buildSteps(request);
    for (;;) {
      const step = steps.next();
      if (step.done) return (this.outcome = step.value);
      options.onProgress?.(step.value);
      await yieldToEventLoop();
      if (options.isCancelled?.()) return undefined;
    }
  }

  private *buildSteps(request: BuildRequest, sectorGuesses?: SectorGuessSource): Generator<BuildProgress, ImportOutcome, void> {
    const builder = new DatasetBuilder({ idOnlyOrganisations: 'name-from-id', ...(sectorGuesses ? { sectorGuesses } : {}) });
    const collector = new ProblemCollector();
    const readProblems: ImportProblem[] = [];
    const files: FileReport[] = [];
    const jobs: Job[] = [];
    const ignored: { table: RawTable; mapping: ColumnMapping }[] = [];
    // Stated counts refer to activities and organisations: read after the dataset is built.
    const countTables: RawTable[] = [];
    // The focal organisation a JSON export declares, checked once the organisations are known.
    const focals: { id: string; file: string }[] = [];
    this.reads.forEach((read, order) => {
      if (read.kind === 'failed') {
        files.push(emptyFileReport(read.file, 'unrecognised', ''));
        readProblems.push(read.problem);
        return;
      }
      append(readProblems, read.problems);
      if (read.kind === 'records') {
        for (const records of read.sources) jobs.push({ role: records.role, order, records });
        if (read.extras?.countTable) countTables.push(read.extras.countTable);
        if (read.extras?.focal) focals.push(read.extras.focal);
        return;
      }
      for (const table of read.tables) {
        append(readProblems, table.problems);
        if (isStatedCountsTable(table.header)) {
          countTables.push(table);
          continue;
        }
        const mapping = request.mappings.get(table.id) ?? recogniseTable(table.header).mapping;
        if (mapping.role === 'ignore') ignored.push({ table, mapping });
        else jobs.push({ role: mapping.role, order, table, mapping });
      }
    });
    // Attribute files first, so participations resolve against them whatever the file order.
    jobs.sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.order - b.order);
    const hasActivityFiles = jobs.some((j) => j.role === 'activities');
    const total = jobs.reduce((n, j) => n + ('records' in j ? j.records.items.length : j.table.rows.length), 0);
    let before = 0;
    for (const job of jobs) {
      if ('records' in job) {
        files.push(importRecords(builder, job.records, collector));
        before += job.records.items.length;
        continue;
      }
      if (job.role === 'participations' && hasActivityFiles) checkJoin(builder, job.table, job.mapping, readProblems);
      const steps = importTableSteps(builder, job.table, job.mapping, collector);
      for (;;) {
        const step = steps.next();
        if (step.done) {
          files.push(step.value);
          break;
        }
        yield { rows: before + step.value, total };
      }
      before += job.table.rows.length;
    }
    for (const { table, mapping } of ignored) {
      const steps = importTableSteps(builder, table, mapping, collector);
      let step = steps.next();
      while (!step.done) step = steps.next();
      files.push(step.value);
    }
    const named = namesFromOrganisationsFiles(builder, jobs);
    // The steps after the rows yield too: on 250,000 organisations each takes a while.
    for (const _ of builder.finishInferenceSteps()) yield { rows: total, total };
    const dataset = builder.toDataset(request.datasetName);
    if (countTables.length) dataset.statedCounts = readStatedCountTables(countTables, dataset, builder.problems, files);
    const focal = declaredFocal(focals, dataset, builder.problems);
    if (focal) dataset.focal = focal;
    yield { rows: total, total };
    const problems: ImportProblem[] = [];
    append(problems, readProblems);
    append(problems, builder.problems);
    append(problems, collector.finish());
    if (named) problems.push(named);
    const noParticipations = dataset.participations.length ? undefined : whyNoParticipations(this.reads, files, jobs, ignored, problems);
    if (noParticipations) problems.unshift(noParticipations);
    const report = totalReport(files, problems);
    const finding = findDuplicateGroupsSteps(dataset);
    let found = finding.next();
    for (; !found.done; found = finding.next()) yield { rows: total, total };
    const duplicates = found.value;
    const outcome: ImportOutcome = { dataset, report, duplicates, origins: builder.participationOrigins() };
    if (noParticipations) outcome.noParticipations = noParticipations;
    return outcome;
  }
}

/**
 * The first declared focal organisation that is in the data. One that is not (or a second that
 * differs) is said: the "our municipality" view then opens without one, as for a CSV import.
 */
function declaredFocal(declared: readonly { id: string; file: string }[], dataset: Dataset, problems: ImportProblem[]): string | undefined {
  if (!declared.length) return undefined;
  const ids = new Set(dataset.organisations.map((o) => o.id));
  let chosen: string | undefined;
  for (const { id, file } of declared) {
    // Ids are read clean (no invisible characters, composed accents); the declaration likewise.
    const clean = cleanId(id);
    if (!ids.has(clean)) problems.push(importProblem({ file, severity: 'warning' }, 'json-unknown-focal', { id: id.slice(0, 60) }));
    else if (chosen === undefined) chosen = clean;
    else if (clean !== chosen) problems.push(importProblem({ file, severity: 'info' }, 'json-unknown-focal', { id: clean.slice(0, 60), chosen }, 'second'));
  }
  return chosen;
}

/**
 * Stated-counts tables (a fixed format, no mapping) through the same reader as the built-in data's
 * (canonical.ts): every row used or rejected with its reason, reported per file.
 */
function readStatedCountTables(tables: readonly RawTable[], dataset: Dataset, problems: ImportProblem[], files: FileReport[]): StatedCount[] {
  const counts: StatedCount[] = [];
  const known = new Set<string>(STATED_COUNT_COLUMNS);
  for (const table of tables) {
    const report = emptyFileReport(table.file, 'stated-counts', table.delimiter);
    report.blankLinesSkipped = table.blankLines;
    const header = table.header.map((h) => h.trim().toLowerCase());
    const unused = table.header.filter((h, i) => h && !known.has(header[i]!));
    if (unused.length) problems.push(importProblem({ file: table.file, row: 1, severity: 'info' }, 'unused-columns', { columns: nameList(unused, 40) }));
    const rows = table.rows.map(({ values, number }) => ({ row: new Map(header.map((h, i) => [h, values[i] ?? ''])), number }));
    readStatedCounts(rows, table.file, dataset, counts, report, problems);
    files.push(report);
  }
  return counts;
}

function summarise(read: SourceRead): SourceSummary {
  if (read.kind === 'failed') return { file: read.file, status: 'failed', tables: [], problems: [read.problem] };
  if (read.kind === 'records') {
    const counts: Partial<Record<FileRole, number>> = {};
    for (const s of read.sources) counts[s.role] = (counts[s.role] ?? 0) + s.items.length;
    return { file: read.file, status: 'records', tables: [], records: { format: read.format, counts }, problems: read.problems };
  }
  return {
    file: read.file,
    status: 'tables',
    problems: read.problems,
    tables: read.tables.map((t) => ({
      kind: 'table',
      id: t.id,
      file: t.file,
      ...(t.sheet ? { sheet: t.sheet } : {}),
      ...(t.encoding ? { encoding: t.encoding } : {}),
      delimiter: t.delimiter,
      header: t.header,
      preview: t.rows.slice(0, PREVIEW_ROWS).map((r) => r.values.slice(0, PREVIEW_COLUMNS).map((v) => v.slice(0, 200))),
      rowCount: t.rows.length,
      blankLines: t.blankLines,
    })),
  };
}

function importRecords(builder: DatasetBuilder, source: RecordSource, collector: ProblemCollector): FileReport {
  const report = emptyFileReport(source.file, source.role, '');
  for (const item of source.items) {
    report.rowsRead++;
    // Bruggen's own documents are not checked cell by cell, but a direction control in any value
    // would turn the text after a name around on screen, and a control character reach exports and
    // terminals: taken out and reported, as in tables.
    for (const row of item.rows) {
      for (const [column, value] of row) {
        const place = { file: source.file, row: item.number, column };
        let cleaned = withoutHiddenCharacters(value, place, collector, true);
        if (ID_COLUMNS.has(column)) cleaned = canonicalId(cleaned, place, collector);
        if (cleaned !== value) row.set(column, cleaned);
      }
    }
    const outcome = combineOutcomes(
      item.rows.map((row) =>
        source.role === 'organisations'
          ? builder.addOrganisationRow(row, source.file, item.number, source.extraColumns)
          : source.role === 'activities'
            ? builder.addActivityRow(row, source.file, item.number, source.extraColumns)
            : builder.addParticipationRow(row, source.file, item.number),
      ),
    );
    if (outcome === 'used') report.rowsUsed++;
    else if (outcome === 'merged') report.rowsMerged++;
    else report.rowsRejected++;
  }
  return report;
}

/** A participants file is joined to the projects file by the activity id: say when few ids match. */
function checkJoin(builder: DatasetBuilder, table: RawTable, mapping: ColumnMapping, problems: ImportProblem[]) {
  const column = mapping.columns.indexOf('activity_id');
  if (column < 0) return;
  const ids = new Set<string>();
  for (const r of table.rows) {
    const id = (r.values[column] ?? '').trim();
    if (id) ids.add(id);
  }
  if (!ids.size) return;
  let matched = 0;
  for (const id of ids) if (builder.hasActivity(id)) matched++;
  const header = table.header[column] ?? 'activity_id';
  if (matched === 0) {
    problems.push(importProblem({ file: table.file, column: header, severity: 'warning' }, 'join-no-match', { n: ids.size, column: header }));
  } else if (matched < ids.size) {
    problems.push(
      importProblem({ file: table.file, column: header, severity: matched < ids.size / 2 ? 'warning' : 'info' }, 'join-partial', {
        missing: ids.size - matched,
        n: ids.size,
        column: header,
      }),
    );
  }
}

/**
 * CORDIS-style participations name organisations only by id (PIC); an organisations file read
 * with them gives the names. Says how many ids got a name that way and how many did not.
 */
function namesFromOrganisationsFiles(builder: DatasetBuilder, jobs: readonly Job[]): ImportProblem | undefined {
  const orgFiles = jobs.filter((j) => j.role === 'organisations').map((j) => ('records' in j ? j.records.file : j.table.file));
  if (!orgFiles.length) return undefined;
  const { named, unnamed } = builder.idOnlyParticipants();
  if (!named && !unnamed) return undefined;
  const firstParticipations = jobs.find((j) => j.role === 'participations');
  const file = firstParticipations ? ('records' in firstParticipations ? firstParticipations.records.file : firstParticipations.table.file) : orgFiles[0]!;
  return importProblem({ file, severity: unnamed ? 'warning' : 'info' }, 'names-from-organisations-file', {
    named,
    unnamed,
    n: named + unnamed,
    files: nameList(orgFiles, 3),
  });
}

/** Why a build yielded no participation at all, in plain words (the first problem of the report). */
function whyNoParticipations(
  reads: readonly SourceRead[],
  files: readonly FileReport[],
  jobs: readonly Job[],
  ignored: readonly { table: RawTable }[],
  problems: readonly ImportProblem[],
): ImportProblem {
  const place = { file: '', severity: 'error' as const };
  const fileOf = (j: Job) => ('records' in j ? j.records.file : j.table.file);
  if (reads.length && reads.every((r) => r.kind === 'failed')) return importProblem(place, 'no-participations', {}, 'nothing-read');
  const participationJobs = jobs.filter((j) => j.role === 'participations');
  const participationFiles = participationJobs.map(fileOf);
  if (!participationJobs.length) {
    if (ignored.length) return importProblem(place, 'no-participations', { files: nameList(ignored.map((i) => i.table.file), 3) }, 'not-imported');
    return importProblem(place, 'no-participations', { files: nameList(jobs.map(fileOf), 3) }, 'no-participations-file');
  }
  const reports = files.filter((f) => participationFiles.includes(f.file));
  const read = reports.reduce((n, f) => n + f.rowsRead, 0);
  const names = nameList(participationFiles, 3);
  // A document (JSON, GEXF) has no header: "a header but no rows" would not apply to it.
  if (read === 0) return importProblem(place, 'no-participations', { files: names }, participationJobs.every((j) => 'records' in j) ? 'no-rows-document' : 'no-rows');
  const rejectedBy = new Map<string, number>();
  for (const p of problems) {
    if (p.severity !== 'error' || !participationFiles.includes(p.file)) continue;
    rejectedBy.set(p.code, (rejectedBy.get(p.code) ?? 0) + (p.omitted ?? 1));
  }
  if (rejectedBy.has('mapping-incomplete') || rejectedBy.has('file-ignored')) return importProblem(place, 'no-participations', { files: names }, 'not-imported');
  let top: [string, number] | undefined;
  for (const entry of rejectedBy) if (!top || entry[1] > top[1]) top = entry;
  const specific = new Set(['missing-activity-id', 'missing-organisation', 'unknown-organisation-id']);
  if (top && specific.has(top[0])) return importProblem(place, 'no-participations', { n: read, files: names, top: top[1] }, `all-rejected-${top[0]}`);
  return importProblem(place, 'no-participations', { n: read, files: names }, 'all-rejected');
}

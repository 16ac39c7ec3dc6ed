import { combineOutcomes, DatasetBuilder } from '../builder';
import type { Dataset } from '../model';
import { emptyFileReport, totalReport, type FileReport, type FileRole, type ImportProblem, type ImportReport } from '../report';
import { importTable } from './applyMapping';
import type { RecordSource } from './datasetFiles';
import { findDuplicateGroups, type DuplicateGroup } from './duplicates';
import { recogniseTable, type ColumnMapping } from './recognise';
import { readSource, type ReadProgress, type SourceInput, type SourceRead } from './readSource';
import type { RawTable } from './table';
import { ProblemCollector } from './values';

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
  mappings: Record<string, ColumnMapping>;
}

export interface ImportOutcome {
  dataset: Dataset;
  report: ImportReport;
  duplicates: DuplicateGroup[];
  /** Per participation (dataset order), the report file and row that created it. */
  origins: { file: string; row: number }[];
}

const PREVIEW_ROWS = 8;
const ROLE_ORDER: Record<FileRole, number> = { organisations: 0, activities: 1, participations: 2 };

/**
 * One import: read files (keeping their tables), then build a dataset under chosen mappings as
 * often as the user changes them. Runs in the import worker, in Node (converters) and inline
 * (tests) alike: the same code everywhere.
 */
export class ImportSession {
  private reads: SourceRead[] = [];

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

  build(request: BuildRequest): ImportOutcome {
    const builder = new DatasetBuilder({ idOnlyOrganisations: 'name-from-id' });
    const collector = new ProblemCollector();
    const readProblems: ImportProblem[] = [];
    const files: FileReport[] = [];
    type Job =
      | { role: FileRole; order: number; table: RawTable; mapping: ColumnMapping }
      | { role: FileRole; order: number; records: RecordSource };
    const jobs: Job[] = [];
    const ignored: { table: RawTable; mapping: ColumnMapping }[] = [];
    this.reads.forEach((read, order) => {
      if (read.kind === 'failed') {
        files.push(emptyFileReport(read.file, 'unrecognised', ''));
        readProblems.push(read.problem);
        return;
      }
      readProblems.push(...read.problems);
      if (read.kind === 'records') {
        for (const records of read.sources) jobs.push({ role: records.role, order, records });
        return;
      }
      for (const table of read.tables) {
        readProblems.push(...table.problems);
        const mapping = request.mappings[table.id] ?? recogniseTable(table.header).mapping;
        if (mapping.role === 'ignore') ignored.push({ table, mapping });
        else jobs.push({ role: mapping.role, order, table, mapping });
      }
    });
    // Attribute files first, so participations resolve against them whatever the file order.
    jobs.sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.order - b.order);
    const hasActivityFiles = jobs.some((j) => j.role === 'activities');
    for (const job of jobs) {
      if ('records' in job) {
        files.push(importRecords(builder, job.records));
        continue;
      }
      if (job.role === 'participations' && hasActivityFiles) checkJoin(builder, job.table, job.mapping, readProblems);
      files.push(importTable(builder, job.table, job.mapping, collector));
    }
    for (const { table, mapping } of ignored) files.push(importTable(builder, table, mapping, collector));
    builder.finishInference();
    const dataset = builder.toDataset(request.datasetName);
    const report = totalReport(files, [...readProblems, ...builder.problems, ...collector.finish()]);
    return { dataset, report, duplicates: findDuplicateGroups(dataset), origins: builder.participationOrigins() };
  }
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
      preview: t.rows.slice(0, PREVIEW_ROWS).map((r) => r.values.map((v) => v.slice(0, 200))),
      rowCount: t.rows.length,
      blankLines: t.blankLines,
    })),
  };
}

function importRecords(builder: DatasetBuilder, source: RecordSource): FileReport {
  const report = emptyFileReport(source.file, source.role, '');
  for (const item of source.items) {
    report.rowsRead++;
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
  const ids = new Set(table.rows.map((r) => (r.values[column] ?? '').trim()).filter(Boolean));
  if (!ids.size) return;
  let matched = 0;
  for (const id of ids) if (builder.hasActivity(id)) matched++;
  const header = table.header[column] ?? 'activity_id';
  if (matched === 0) {
    problems.push({
      file: table.file,
      column: header,
      severity: 'warning',
      code: 'join-no-match',
      message: `None of the ${ids.size} activity ids in column "${header}" occur in the projects/activities file, so the two files were not joined: activities appear under their ids only.`,
      fix: 'Check that both files use the same key column (for CORDIS: projectID in organization.csv, id in project.csv).',
    });
  } else if (matched < ids.size) {
    problems.push({
      file: table.file,
      column: header,
      severity: matched < ids.size / 2 ? 'warning' : 'info',
      code: 'join-partial',
      message: `${ids.size - matched} of the ${ids.size} activity ids in column "${header}" have no row in the projects/activities file; those activities have only their id as title.`,
      fix: 'Add the missing projects to the projects file if you have them.',
    });
  }
}

/**
 * CSV text of the three tables (organisations with every measure, activities, ties). UTF-8
 * without a byte-order mark, comma-separated, `\n` line ends, one header row of stable English
 * column names. Text cells go through `escapeFormula` so that a spreadsheet never runs them;
 * numbers are written by this code itself (plain, full precision, `.` decimals) and stay numbers.
 *
 * The `excel-nl` dialect is what Excel with Dutch (and most continental) settings opens by a
 * double click: a byte-order mark (else UTF-8 reads as Windows-1252), `;` between cells, `\r\n`,
 * and decimal commas. A value holding a `;` is then quoted, which Excel honours at the start of
 * a cell: in a comma file it split such a value itself and could start a formula mid-value.
 */
import Papa from 'papaparse';
import { MEASURES } from '../measures/registry';
import type { AnalysisResult, OrganisationRow } from '../analysis';
import { escapeFormula, LIST_SEPARATOR } from '../data/canonical';
import type { Network } from '../graph/network';
import type { Visibility } from '../filters/filters';
import { activityTableRows, tieTableRows, type ActivityTableRow, type TieTableRow } from '../ui/tables/rows';

/** The exported measures (registry order), each followed by what qualifies it. */
const EXPORTED = MEASURES.filter((m) => m.in.export);

/** Organisation columns: identity, then every exported measure of the registry, then clusters. */
export const ORGANISATION_CSV_COLUMNS: readonly string[] = [
  'organisation_id',
  'name',
  'sector',
  ...EXPORTED.flatMap((m) => (m.id === 'betweenness' ? [m.csv, 'betweenness_estimated', 'betweenness_error'] : [m.csv])),
  'component',
  'community',
  'articulation_point',
  'focal_distance',
];

export const ACTIVITY_CSV_COLUMNS = [
  'activity_id',
  'title',
  'kind',
  'source',
  'scheme',
  'theme',
  'start_year',
  'end_year',
  'stated_participants',
  'organisations',
  'organisations_total',
] as const;

export const TIE_CSV_COLUMNS = [
  'source_id',
  'source_name',
  'source_sector',
  'target_id',
  'target_name',
  'target_sector',
  'weight',
  'shared_activity_ids',
  'shared_activity_titles',
  'bridge',
] as const;

type Cell = string | number | boolean | null | undefined;

/** `standard`: RFC 4180 with `,` and `.` decimals; `excel-nl`: for Excel with Dutch settings (above). */
export type CsvDialect = 'standard' | 'excel-nl';

/** One CSV cell: empty for missing values, `true`/`false`, numbers as written, text escaped. */
export function csvCell(value: Cell, dialect: CsvDialect = 'standard'): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    return dialect === 'excel-nl' ? String(value).replace('.', ',') : String(value);
  }
  return escapeFormula(value);
}

function toCsv(fields: readonly string[], rows: Cell[][], dialect: CsvDialect): string {
  const excel = dialect === 'excel-nl';
  const newline = excel ? '\r\n' : '\n';
  const text = Papa.unparse({ fields: [...fields], data: rows.map((r) => r.map((c) => csvCell(c, dialect))) }, { newline, delimiter: excel ? ';' : ',' });
  return (excel ? '\ufeff' : '') + text + newline;
}

export function organisationsCsv(
  rows: readonly OrganisationRow[],
  options: { betweennessEstimated?: boolean; dialect?: CsvDialect } = {},
): string {
  const estimated = options.betweennessEstimated ?? false;
  return toCsv(
    ORGANISATION_CSV_COLUMNS,
    rows.map((r) => [
      r.id,
      r.name,
      r.sector,
      ...EXPORTED.flatMap((m): Cell[] =>
        m.id === 'betweenness' ? [r.betweenness, r.betweenness === null ? null : estimated, estimated ? r.betweennessError : null] : [m.fromRow(r)],
      ),
      r.component,
      r.community,
      r.articulationPoint,
      r.focalDistance,
    ]),
    options.dialect ?? 'standard',
  );
}

export function activitiesCsv(rows: readonly ActivityTableRow[], dialect: CsvDialect = 'standard'): string {
  return toCsv(
    ACTIVITY_CSV_COLUMNS,
    rows.map((r) => [
      r.id,
      r.title,
      r.kind,
      r.source,
      r.scheme,
      r.theme,
      r.startYear,
      r.endYear,
      r.statedParticipants,
      r.organisations,
      r.organisationsTotal,
    ]),
    dialect,
  );
}

export function tiesCsv(rows: readonly TieTableRow[], dialect: CsvDialect = 'standard'): string {
  return toCsv(
    TIE_CSV_COLUMNS,
    rows.map((r) => [
      r.source,
      r.sourceName,
      r.sourceSector,
      r.target,
      r.targetName,
      r.targetSector,
      r.weight,
      r.activities.join(LIST_SEPARATOR),
      r.activityTitles.join(LIST_SEPARATOR),
      r.bridge,
    ]),
    dialect,
  );
}

export interface TablesCsv {
  /** Null until there is an analysis. */
  organisations: string | null;
  activities: string;
  /** Null until there is an analysis. */
  ties: string | null;
}

/** The three tables as CSV text, for the network as filtered (ties with their visible activities). */
export function tablesToCsv(input: { result: AnalysisResult | null; network: Network; visibility: Visibility | null }): TablesCsv {
  const { result, network, visibility } = input;
  return {
    organisations: result
      ? organisationsCsv(result.organisations, { betweennessEstimated: result.meta.betweenness.estimated })
      : null,
    activities: activitiesCsv(activityTableRows(network, visibility)),
    ties: result ? tiesCsv(tieTableRows(result.ties, result.organisations, network, visibility)) : null,
  };
}

/**
 * What-if scenarios: hypothetical participations ("X joins Y", "A and B start a project") added on
 * top of a dataset without changing it.
 *
 * A scenario is a list of rows in Bruggen's canonical participations layout (canonical.ts,
 * PARTICIPATION_COLUMNS). `applyScenario` returns a new dataset that shares the original's
 * objects and adds, each marked `hypothetical: true`:
 * - a participation for every row used;
 * - an activity for every activity id the data does not have (a row naming an existing activity
 *   adds a participant to that real activity, which stays real and keeps its attributes);
 * - an organisation for every organisation the data does not have.
 *
 * Organisations are found by `organisation_id`, then by normalised name or alias (as the
 * importer does), then created. The tie rules apply unchanged: a row joining a consultation
 * (a listing) ties the newcomer to its hub only.
 *
 * Every row read is used, merged (it repeats a participation of the data or of the scenario) or
 * rejected, with a problem giving file, row and column: read = used + merged + rejected.
 */
import Papa from 'papaparse';
import { cell, wholeNumber } from './builder';
import { PARTICIPATION_COLUMNS, writeParticipationsCsv } from './canonical';
import { parseDelimitedSync } from './import/table';
import type { Activity, Confidence, Dataset, Organisation, Participation } from './model';
import { normaliseName, slugify } from './normalise';
import { importProblem, nameList, type ProblemPlace } from './problemWords';
import type { ImportProblem, ProblemParams } from './report';
import { inferOrganisationSector, parseSectorValue } from './sectorInference';
import { UNSPECIFIED } from './vocabulary';
import { cleanId, ProblemCollector, withoutHiddenCharacters } from './import/values';

export type ParticipationColumn = (typeof PARTICIPATION_COLUMNS)[number];

/** One hypothetical participation: canonical participation columns → cell text (all optional). */
export type ScenarioRow = Partial<Record<ParticipationColumn, string>>;

export interface ScenarioReport {
  file: string;
  rowsRead: number;
  rowsUsed: number;
  /** Rows that repeat a participation the data or an earlier scenario row already has. */
  rowsMerged: number;
  rowsRejected: number;
  problems: ImportProblem[];
}

export interface Scenario {
  /** The data with the hypothetical rows on top; the dataset given is not changed. */
  dataset: Dataset;
  report: ScenarioReport;
  /** Ids of the organisations the scenario added (not in the data), in row order. */
  organisations: string[];
  /** Ids of the activities the scenario added, in row order. */
  activities: string[];
  /** Number of hypothetical participations (= rowsUsed). */
  participations: number;
}

export interface ApplyOptions {
  /** File name used in problems; default `scenario`. */
  file?: string;
  /** Row number of each row as a spreadsheet shows it; default index + 2 (row 1 is the header). */
  rowNumbers?: readonly number[];
}

const key2 = (activityId: string, organisationId: string) => `${activityId.length}:${activityId}\u0000${organisationId}`;

/** Adds hypothetical participations on top of a dataset. Pure: the dataset is not changed. */
export function applyScenario(dataset: Dataset, rows: readonly ScenarioRow[], options: ApplyOptions = {}): Scenario {
  const file = options.file ?? 'scenario';
  const problems: ImportProblem[] = [];
  const report: ScenarioReport = { file, rowsRead: 0, rowsUsed: 0, rowsMerged: 0, rowsRejected: 0, problems };

  const baseOrgs = new Map<string, Organisation>();
  const byName = new Map<string, string>();
  for (const o of dataset.organisations) baseOrgs.set(o.id, o);
  const register = (name: string, id: string) => {
    const k = normaliseName(name);
    if (k && !byName.has(k)) byName.set(k, id);
  };
  for (const o of dataset.organisations) {
    register(o.name, o.id);
    for (const alias of o.aliases) register(alias, o.id);
  }
  const baseActs = new Map<string, Activity>();
  for (const a of dataset.activities) baseActs.set(a.id, a);
  const baseParticipations = new Set<string>();
  for (const p of dataset.participations) baseParticipations.add(key2(p.activityId, p.organisationId));

  const newOrgs = new Map<string, Organisation>();
  const newActs = new Map<string, Activity>();
  const added = new Map<string, { participation: Participation; row: number }>();

  rows.forEach((row, index) => {
    const number = options.rowNumbers?.[index] ?? index + 2;
    report.rowsRead++;
    const problem: Report = (place, code, params, variant) => problems.push(importProblem({ file, row: number, ...place }, code, params, variant));
    const reject = (column: string, code: string, params: ProblemParams, variant: string) => {
      problem({ column, severity: 'error' }, code, params, variant);
      report.rowsRejected++;
    };

    // Ids as the data's are read (no invisible characters, composed accents), so they match.
    const activityId = cleanId(cell(row.activity_id));
    if (!activityId) {
      reject('activity_id', 'missing-activity-id', {}, 'scenario');
      return;
    }

    // The organisation: by id, else by name or alias, else a new (hypothetical) one.
    const id = cleanId(cell(row.organisation_id));
    const name = cell(row.organisation);
    let organisationId: string | undefined;
    if (id && (baseOrgs.has(id) || newOrgs.has(id))) organisationId = id;
    else if (name && normaliseName(name)) {
      const known = byName.get(normaliseName(name));
      if (known) {
        organisationId = known;
        if (id) {
          problem({ column: 'organisation_id', severity: 'info' }, 'organisation-matched-by-name', { id: id.slice(0, 80), name: name.slice(0, 80), known: known.slice(0, 80) });
        }
      } else {
        organisationId = id || uniqueId(name, baseOrgs, newOrgs);
        newOrgs.set(organisationId, newOrganisation(organisationId, name, row, file, number, problem));
        register(name, organisationId);
      }
    } else if (id) {
      reject('organisation_id', 'unknown-organisation-id', { id: id.slice(0, 80) }, 'scenario');
      return;
    } else {
      if (name) reject('organisation', 'missing-organisation', { name: name.slice(0, 60) }, 'scenario-no-letters');
      else reject('organisation', 'missing-organisation', {}, 'scenario-empty');
      return;
    }
    const base = baseOrgs.get(organisationId);
    const sectorText = cell(row.sector);
    if (base && sectorText) {
      const sector = parseSectorValue(normaliseName(sectorText));
      if (sector && sector !== base.sector) {
        problem({ column: 'sector', severity: 'warning' }, 'conflicting-sector', { name: base.name.slice(0, 80), sector: base.sector, otherSector: sector }, 'scenario');
      }
    }

    // The activity: a real one (the organisation joins it) or a new hypothetical one.
    const real = baseActs.get(activityId);
    if (real) {
      for (const [column, value] of activityCells(row)) {
        const current = activityValue(real, column);
        if (current !== undefined && current !== value) {
          problem({ column, severity: 'warning' }, 'conflicting-value', { id: activityId.slice(0, 80), column, kept: current.slice(0, 80), ignored: value.slice(0, 80) }, 'scenario-data');
        }
      }
    } else {
      let activity = newActs.get(activityId);
      if (!activity) {
        activity = { id: activityId, title: activityId, kind: UNSPECIFIED, source: UNSPECIFIED, provenance: [`${file}#row ${number}`], hypothetical: true };
        newActs.set(activityId, activity);
      }
      fillActivity(activity, row, problem);
    }

    const k = key2(activityId, organisationId);
    if (baseParticipations.has(k)) {
      problem({ severity: 'info' }, 'already-in-data', { organisation: organisationId.slice(0, 80), activity: activityId.slice(0, 80) });
      report.rowsMerged++;
      return;
    }
    const earlier = added.get(k);
    if (earlier) {
      problem({ severity: 'info' }, 'duplicate-participation', { organisation: organisationId.slice(0, 80), activity: activityId.slice(0, 80), firstRow: earlier.row }, 'scenario');
      const role = cell(row.role);
      if (role && !earlier.participation.role) earlier.participation.role = role;
      report.rowsMerged++;
      return;
    }
    const participation: Participation = { activityId, organisationId, hypothetical: true, provenance: cell(row.provenance) || `${file}#row ${number}` };
    const role = cell(row.role);
    if (role) participation.role = role;
    const confidence = readConfidence(cell(row.confidence), problem);
    if (confidence) participation.confidence = confidence;
    const org = baseOrgs.get(organisationId) ?? newOrgs.get(organisationId)!;
    if (name && name !== org.name) participation.nameAsWritten = name;
    added.set(k, { participation, row: number });
    report.rowsUsed++;
  });

  const participations: Participation[] = [];
  for (const { participation } of added.values()) participations.push(participation);
  return {
    dataset: {
      ...dataset,
      organisations: dataset.organisations.concat([...newOrgs.values()]),
      activities: dataset.activities.concat([...newActs.values()]),
      participations: dataset.participations.concat(participations),
    },
    report,
    organisations: [...newOrgs.keys()],
    activities: [...newActs.keys()],
    participations: participations.length,
  };
}

function uniqueId(name: string, a: ReadonlyMap<string, unknown>, b: ReadonlyMap<string, unknown>): string {
  const base = slugify(name) || 'organisation';
  let id = base;
  for (let n = 2; a.has(id) || b.has(id); n++) id = `${base}-${n}`;
  return id;
}

/** Records a problem of the current row (file and row are the reader's). */
type Report = (place: Pick<ProblemPlace, 'column' | 'severity'>, code: string, params?: ProblemParams, variant?: string) => void;

function newOrganisation(id: string, name: string, row: ScenarioRow, file: string, number: number, problem: Report): Organisation {
  const org: Organisation = { id, name, sector: 'other', aliases: [], provenance: [`${file}#row ${number}`], hypothetical: true };
  const sectorText = cell(row.sector);
  const sector = sectorText ? parseSectorValue(normaliseName(sectorText)) : undefined;
  if (sector) org.sector = sector;
  else {
    if (sectorText) {
      problem({ column: 'sector', severity: 'warning' }, 'unknown-sector', { value: sectorText.slice(0, 60) }, 'scenario');
    }
    const guess = inferOrganisationSector(name);
    org.sector = guess.sector;
    org.sectorInferred = true;
    org.sectorReason = guess.reason;
  }
  for (const k of ['city', 'region', 'country'] as const) {
    const v = cell(row[k]);
    if (v) org[k] = v;
  }
  return org;
}

/** The activity attributes a participation row can carry, with the activity field each fills. */
const ACTIVITY_CELLS = [
  ['activity_title', 'title'],
  ['activity_kind', 'kind'],
  ['source', 'source'],
  ['scheme', 'scheme'],
  ['theme', 'theme'],
  ['start_year', 'startYear'],
  ['end_year', 'endYear'],
] as const;

function activityCells(row: ScenarioRow): [ParticipationColumn, string][] {
  const out: [ParticipationColumn, string][] = [];
  for (const [column] of ACTIVITY_CELLS) {
    const v = cell(row[column]);
    if (v) out.push([column, v]);
  }
  return out;
}

function activityValue(a: Activity, column: ParticipationColumn): string | undefined {
  const field = ACTIVITY_CELLS.find(([c]) => c === column)?.[1];
  const v = field ? a[field] : undefined;
  return v === undefined ? undefined : String(v);
}

function fillActivity(activity: Activity, row: ScenarioRow, problem: Report) {
  for (const [column, field] of ACTIVITY_CELLS) {
    const v = cell(row[column]);
    if (!v) continue;
    if (field === 'startYear' || field === 'endYear') {
      const year = wholeNumber(v);
      if (!Number.isInteger(year) || year < 1900 || year > 2100) {
        problem({ column, severity: 'warning' }, 'invalid-year', { value: v.slice(0, 60) }, 'scenario');
        continue;
      }
      if (activity[field] === undefined) activity[field] = year;
      else if (activity[field] !== year) conflict(activity, column, String(activity[field]), v, problem);
      continue;
    }
    const current = activity[field];
    const placeholder = current === undefined || (field === 'title' && current === activity.id) || current === UNSPECIFIED;
    if (placeholder) activity[field] = v;
    else if (current !== v) conflict(activity, column, current, v, problem);
  }
}

function conflict(activity: Activity, column: string, kept: string, ignored: string, problem: Report) {
  problem({ column, severity: 'warning' }, 'conflicting-value', { id: activity.id.slice(0, 80), column, kept: kept.slice(0, 80), ignored: ignored.slice(0, 80) }, 'scenario');
}

function readConfidence(raw: string, problem: Report): Exclude<Confidence, 'stated'> | undefined {
  const value = raw.toLowerCase();
  if (!value || value === 'stated') return undefined;
  if (value === 'implied' || value === 'inferred') return value;
  problem({ column: 'confidence', severity: 'warning' }, 'unknown-confidence', { value: raw.slice(0, 60) }, 'scenario');
  return 'inferred';
}

// ---------------------------------------------------------------------------------------------
// Files

export interface ScenarioTable {
  rows: ScenarioRow[];
  /** Row number (as a spreadsheet shows it) of each row. */
  rowNumbers: number[];
  /** Structure problems of the file (ragged rows, quotes, unknown columns). */
  problems: ImportProblem[];
  /** False when the header is not a participations header (every row is then rejected). */
  recognised: boolean;
}

const normaliseHeader = (h: string) => h.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/[\s-]+/g, '_');

/** Reads a scenario file: a canonical participations CSV (any separator the importer accepts). */
export function readScenarioCsv(text: string, file: string): ScenarioTable {
  const table = parseDelimitedSync(text, file);
  const header = table.header.map(normaliseHeader);
  const known = new Set<string>(PARTICIPATION_COLUMNS);
  const recognised = header.includes('activity_id') && (header.includes('organisation') || header.includes('organisation_id'));
  const problems = table.problems.slice();
  const extra = header.filter((h) => h && !known.has(h));
  if (recognised && extra.length) {
    problems.push(importProblem({ file, row: 1, severity: 'info' }, 'extra-columns', { columns: nameList(extra, 40) }, 'not-used'));
  }
  const rows: ScenarioRow[] = [];
  const rowNumbers: number[] = [];
  // Control and direction characters are taken out and said, as the importer does: a title
  // ending in a right-to-left override reversed what the panel showed after it.
  const collector = new ProblemCollector();
  for (const { values, number } of table.rows) {
    const row: ScenarioRow = {};
    header.forEach((h, j) => {
      if (known.has(h)) row[h as ParticipationColumn] = withoutHiddenCharacters(values[j] ?? '', { file, row: number, column: h }, collector, true);
    });
    rows.push(row);
    rowNumbers.push(number);
  }
  for (const p of collector.finish()) problems.push(p);
  return { rows, rowNumbers, problems, recognised };
}

/** Reads a scenario file and applies it; a file that is not a participations table rejects every row. */
export function scenarioFromCsv(dataset: Dataset, text: string, file: string): Scenario {
  const table = readScenarioCsv(text, file);
  if (!table.recognised) {
    const scenario = applyScenario(dataset, [], { file });
    scenario.report.rowsRead = table.rows.length;
    scenario.report.rowsRejected = table.rows.length;
    // Table problems first (no argument spreading: a file can have any number of them).
    scenario.report.problems = table.problems.concat(scenario.report.problems);
    scenario.report.problems.push(importProblem({ file, row: 1, severity: 'error' }, 'unrecognised-columns', {}, 'scenario'));
    return scenario;
  }
  const scenario = applyScenario(dataset, table.rows, { file, rowNumbers: table.rowNumbers });
  scenario.report.problems = table.problems.concat(scenario.report.problems);
  return scenario;
}

/** The scenario's rows as a canonical participations CSV (what `--assume` and the app read back). */
export function scenarioCsv(scenarioDataset: Dataset): string {
  return writeParticipationsCsv(scenarioDataset, { hypothetical: 'only' });
}

/** An empty scenario file: the participations header only. */
export function emptyScenarioCsv(): string {
  return Papa.unparse({ fields: [...PARTICIPATION_COLUMNS], data: [] }, { newline: '\n' }) + '\n';
}

/** The data without anything a scenario added (real organisations, activities and participations). */
export function withoutHypothetical(dataset: Dataset): Dataset {
  if (!isScenario(dataset)) return dataset;
  return {
    ...dataset,
    organisations: dataset.organisations.filter((o) => !o.hypothetical),
    activities: dataset.activities.filter((a) => !a.hypothetical),
    participations: dataset.participations.filter((p) => !p.hypothetical),
  };
}

/** True when the dataset holds anything hypothetical. */
export function isScenario(dataset: Dataset): boolean {
  return (
    dataset.participations.some((p) => p.hypothetical) || dataset.organisations.some((o) => o.hypothetical) || dataset.activities.some((a) => a.hypothetical)
  );
}

/**
 * Scenario rows that make introductions happen: each pair of organisations (ids in the data)
 * gets a hypothetical activity of kind `introduction` with the two of them, so they are tied.
 * Activity ids are `introduction-1`, `introduction-2`, … skipping ids the dataset already has.
 */
export function introductionRows(dataset: Dataset, pairs: readonly { a: string; b: string }[]): ScenarioRow[] {
  const taken = new Set<string>();
  for (const a of dataset.activities) taken.add(a.id);
  const rows: ScenarioRow[] = [];
  let n = 0;
  for (const { a, b } of pairs) {
    let id: string;
    do id = `introduction-${++n}`;
    while (taken.has(id));
    for (const org of [a, b]) rows.push({ activity_id: id, activity_kind: 'introduction', organisation_id: org });
  }
  return rows;
}

/**
 * What the browser kept of an imported dataset is input like any other: before it is opened, its
 * shape is checked record by record (a damaged IndexedDB entry made the app show raw errors such
 * as "Cannot read properties of null (reading 'id')" on every reload). Returns what is wrong with
 * the first bad part, or null when the entry can be opened.
 */
import { isSector } from '../data/sectors';
import type { ShelvedDataset } from './shelf';

type Check = (v: unknown) => boolean;

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const isString: Check = (v) => typeof v === 'string';
const isCount: Check = (v) => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const isYear: Check = (v) => typeof v === 'number' && Number.isFinite(v);
const isStrings: Check = (v) => Array.isArray(v) && v.every(isString);
const isTextRecord: Check = (v) => isObject(v) && Object.values(v).every(isString);
const isFlag: Check = (v) => typeof v === 'boolean';

/** Each field: required (its check) or optional (`?`: absent, or passing its check). */
function fieldsOk(record: unknown, required: Record<string, Check>, optional: Record<string, Check> = {}): boolean {
  if (!isObject(record)) return false;
  for (const [k, check] of Object.entries(required)) if (!check(record[k])) return false;
  for (const [k, check] of Object.entries(optional)) if (record[k] !== undefined && !check(record[k])) return false;
  return true;
}

const ORGANISATION = {
  required: { id: isString, name: isString, sector: (v: unknown) => typeof v === 'string' && isSector(v), aliases: isStrings, provenance: isStrings },
  optional: { sectorInferred: isFlag, hypothetical: isFlag, sectorReason: isString, organisationType: isString, city: isString, region: isString, country: isString, description: isString, descriptionEn: isString, listedIn: isStrings, extra: isTextRecord },
};
const ACTIVITY = {
  required: { id: isString, title: isString, kind: isString, source: isString, provenance: isStrings },
  optional: { scheme: isString, theme: isString, startYear: isYear, endYear: isYear, region: isString, statedParticipants: isCount, description: isString, extra: isTextRecord, titleEn: isString },
};
const PARTICIPATION = {
  required: { activityId: isString, organisationId: isString },
  optional: { role: isString, nameAsWritten: isString, provenance: isString, confidence: isString, hypothetical: isFlag },
};
const STATED_COUNT = {
  required: { subjectKind: isString, subjectId: isString, counted: isString, value: isYear, qualifier: isString, provenance: isString },
  optional: { note: isString },
};
const REPORT_COUNTS = { rowsRead: isCount, rowsUsed: isCount, rowsMerged: isCount, rowsRejected: isCount };
const FILE_REPORT = { file: isString, role: isString, ...REPORT_COUNTS };
const PROBLEM = { file: isString, severity: isString, code: isString, message: isString };

export function shelvedEntryProblem(entry: unknown): string | null {
  if (!isObject(entry)) return 'the entry is not a record';
  if (!fieldsOk(entry.summary, { key: isString, label: isString })) return 'its summary';
  const { dataset, report } = entry;
  if (!isObject(dataset) || !fieldsOk(dataset, { name: isString }, { focal: isString, statedCounts: (v) => Array.isArray(v) })) return 'its dataset';
  const lists: [string, { required: Record<string, Check>; optional: Record<string, Check> }][] = [
    ['organisations', ORGANISATION],
    ['activities', ACTIVITY],
    ['participations', PARTICIPATION],
  ];
  if (Array.isArray(dataset.statedCounts)) lists.push(['statedCounts', STATED_COUNT]);
  for (const [name, shape] of lists) {
    const list = dataset[name];
    if (!Array.isArray(list)) return `its ${name}`;
    const bad = list.findIndex((record) => !fieldsOk(record, shape.required, shape.optional));
    if (bad >= 0) return `its ${name} (record ${bad + 1})`;
  }
  if (!fieldsOk(report, REPORT_COUNTS, { problems: (v) => Array.isArray(v), files: (v) => Array.isArray(v) })) return 'its import report';
  const r = report as Record<string, unknown[]>;
  if (!Array.isArray(r.files) || !r.files.every((f) => fieldsOk(f, FILE_REPORT))) return 'its import report (files)';
  if (!Array.isArray(r.problems) || !r.problems.every((p) => fieldsOk(p, PROBLEM))) return 'its import report (problems)';
  return null;
}

/** The entry, typed, when shelvedEntryProblem finds nothing wrong. */
export function isUsableShelvedEntry(entry: unknown): entry is ShelvedDataset {
  return shelvedEntryProblem(entry) === null;
}

/** A summary of the shelf's list that can be shown (a damaged one is left out of the list). */
export function isShelvedSummary(summary: unknown): boolean {
  return fieldsOk(summary, { key: isString, label: isString, savedAt: isString, organisations: isCount, activities: isCount, participations: isCount });
}

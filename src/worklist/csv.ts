/**
 * The worklist as CSV: UTF-8, comma-separated, `\n` line ends, one header row of stable English
 * column names, text cells formula-escaped like every CSV Bruggen writes (`escapeFormula`: a cell
 * starting with = + - @ gets a leading apostrophe, which reading removes again).
 *
 * Reading accepts any separator the importer does, statuses as ids or labels in either language
 * (`to_make`/`te leggen`/`to make`, `made`/`gelegd`, `active`/`actief`), and reports every row:
 * read = used + merged + rejected, each problem with file, row and column.
 * - Rejected: a row without organisation A or B (neither id nor name), or with the same
 *   organisation twice.
 * - Merged: a row for a pair an earlier row has; when its `updated` date is later, its status,
 *   owner, note and date replace the earlier ones (the latest word wins).
 * - Used with a warning: an unknown status (read as to_make), origin (manual) or date (left empty).
 *
 * Lists (via, via_ids) are separated by " | "; a name containing "|" does not survive a round trip.
 */
import Papa from 'papaparse';
import { cell } from '../data/builder';
import { escapeFormula, LIST_SEPARATOR } from '../data/canonical';
import { parseDelimitedSync } from '../data/import/table';
import { normaliseName } from '../data/normalise';
import { importProblem, nameList, type ProblemPlace } from '../data/problemWords';
import type { ImportProblem, ProblemParams } from '../data/report';
import { cleanId } from '../data/import/values';
import {
  INTRODUCTION_ORIGINS,
  IntroductionIndex,
  partyKey,
  type Introduction,
  type IntroductionOrigin,
  type IntroductionParty,
  type IntroductionStatus,
  type NamedRef,
  type Worklist,
} from './worklist';

export const WORKLIST_COLUMNS = [
  'organisation_a_id',
  'organisation_a',
  'sector_a',
  'organisation_b_id',
  'organisation_b',
  'sector_b',
  'status',
  'owner',
  'note',
  'origin',
  'convener_id',
  'convener',
  'via_ids',
  'via',
  'created',
  'updated',
] as const;
type Column = (typeof WORKLIST_COLUMNS)[number];

/** Status ids and the labels of both languages, as written in a cell (normalised). */
const STATUS_WORDS = new Map<string, IntroductionStatus>([
  ['to make', 'to_make'],
  ['te leggen', 'to_make'],
  ['made', 'made'],
  ['gelegd', 'made'],
  ['active', 'active'],
  ['actief', 'active'],
]);

export function writeWorklistCsv(worklist: Worklist): string {
  const rows = worklist.map((i) =>
    [
      i.a.id,
      i.a.name,
      i.a.sector,
      i.b.id,
      i.b.name,
      i.b.sector,
      i.status,
      i.owner,
      i.note,
      i.origin,
      i.convener?.id ?? '',
      i.convener?.name ?? '',
      i.via.map((v) => v.id).join(LIST_SEPARATOR),
      i.via.map((v) => v.name).join(LIST_SEPARATOR),
      i.created,
      i.updated,
    ].map(escapeFormula),
  );
  return Papa.unparse({ fields: [...WORKLIST_COLUMNS], data: rows }, { newline: '\n' }) + '\n';
}

export interface WorklistReport {
  file: string;
  rowsRead: number;
  rowsUsed: number;
  rowsMerged: number;
  rowsRejected: number;
  problems: ImportProblem[];
}

const normaliseHeader = (h: string) => h.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/[\s-]+/g, '_');
const list = (v: string) => (v ? v.split('|').map((s) => s.trim()) : []);

function validDate(v: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

export function parseWorklistCsv(text: string, file: string): { worklist: Introduction[]; report: WorklistReport } {
  const table = parseDelimitedSync(text, file);
  const header = table.header.map(normaliseHeader);
  const problems: ImportProblem[] = table.problems.slice();
  const report: WorklistReport = { file, rowsRead: 0, rowsUsed: 0, rowsMerged: 0, rowsRejected: 0, problems };
  const has = (c: Column) => header.includes(c);
  if (!((has('organisation_a_id') || has('organisation_a')) && (has('organisation_b_id') || has('organisation_b')))) {
    report.rowsRead = table.rows.length;
    report.rowsRejected = table.rows.length;
    problems.push(importProblem({ file, row: 1, severity: 'error' }, 'unrecognised-columns', {}, 'worklist'));
    return { worklist: [], report };
  }
  const known = new Set<string>(WORKLIST_COLUMNS);
  const extra = header.filter((h) => h && !known.has(h));
  if (extra.length) problems.push(importProblem({ file, row: 1, severity: 'info' }, 'extra-columns', { columns: nameList(extra, 40) }, 'not-used'));

  const out: Introduction[] = [];
  const seen = new IntroductionIndex();
  for (const { values, number } of table.rows) {
    report.rowsRead++;
    const get = (c: Column) => {
      const j = header.indexOf(c);
      return j < 0 ? '' : cell(values[j]);
    };
    const problem = (place: Pick<ProblemPlace, 'column' | 'severity'>, code: string, params: ProblemParams = {}, variant?: string) =>
      problems.push(importProblem({ file, row: number, ...place }, code, params, variant));
    const partyOf = (side: 'a' | 'b'): IntroductionParty | null => {
      // Ids as the data's are read (no invisible characters, composed accents), so they match.
      const id = cleanId(get(`organisation_${side}_id`));
      const name = get(`organisation_${side}`);
      if (!id && !name) return null;
      return { id, name, sector: get(`sector_${side}`) };
    };
    const a = partyOf('a');
    const b = partyOf('b');
    if (!a || !b) {
      problem({ column: a ? 'organisation_b' : 'organisation_a', severity: 'error' }, 'missing-organisation', { side: a ? 'B' : 'A' }, 'worklist');
      report.rowsRejected++;
      continue;
    }
    if (partyKey(a) === partyKey(b)) {
      problem({ column: 'organisation_b', severity: 'error' }, 'same-organisation');
      report.rowsRejected++;
      continue;
    }

    const statusText = get('status');
    let status: IntroductionStatus = 'to_make';
    if (statusText) {
      const s = STATUS_WORDS.get(normaliseName(statusText));
      if (s) status = s;
      else {
        problem({ column: 'status', severity: 'warning' }, 'unknown-status', { value: statusText.slice(0, 60) });
      }
    }
    const originText = get('origin');
    let origin: IntroductionOrigin = 'manual';
    if (originText) {
      if ((INTRODUCTION_ORIGINS as readonly string[]).includes(originText)) origin = originText as IntroductionOrigin;
      else problem({ column: 'origin', severity: 'warning' }, 'unknown-origin', { value: originText.slice(0, 60) });
    }
    const date = (c: 'created' | 'updated') => {
      const v = get(c);
      if (!v || validDate(v)) return v;
      problem({ column: c, severity: 'warning' }, 'invalid-date', { value: v.slice(0, 60) }, 'worklist');
      return '';
    };
    const convenerId = cleanId(get('convener_id'));
    const convenerName = get('convener');
    const viaIds = list(get('via_ids')).map(cleanId);
    const viaNames = list(get('via'));
    const via: NamedRef[] = [];
    for (let k = 0; k < Math.max(viaIds.length, viaNames.length); k++) via.push({ id: viaIds[k] ?? '', name: viaNames[k] ?? '' });
    const intro: Introduction = {
      a,
      b,
      status,
      owner: get('owner'),
      note: get('note'),
      origin,
      convener: convenerId || convenerName ? { id: convenerId, name: convenerName } : null,
      via,
      created: date('created'),
      updated: date('updated'),
    };

    const earlier = seen.find(intro);
    if (earlier !== undefined) {
      const kept = out[earlier]!;
      const newer = intro.updated > kept.updated;
      problem({ severity: 'info' }, 'duplicate-introduction', {}, newer ? 'newer' : 'merged');
      if (newer) out[earlier] = { ...kept, status: intro.status, owner: intro.owner, note: intro.note, updated: intro.updated };
      report.rowsMerged++;
      continue;
    }
    seen.add(intro, out.length);
    out.push(intro);
    report.rowsUsed++;
  }
  return { worklist: out, report };
}

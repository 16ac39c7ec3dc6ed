import type { Dataset, Organisation, Participation } from '../model';
import { normaliseName } from '../normalise';
import { importProblem } from '../problemWords';
import type { FileReport, ImportProblem, ImportReport } from '../report';

/**
 * Likely duplicate organisations. Exact duplicates (same normalised name) are already one
 * organisation when the file gives no ids; this finds the rest: names that become equal after
 * removing legal forms, a leading article and punctuation/spacing, and after expanding common
 * abbreviations. Organisations are grouped by that key (blocking), so the cost is linear in the
 * number of organisations — no pair of names is ever compared outside its block.
 */

/** Legal-form words removed at the end of a name (after normaliseName, so "B.V." is "b v"). */
const TRAILING_FORMS = [
  'b v', 'bv', 'n v', 'nv', 'v o f', 'vof', 'c v', 'cv', 'u a', 'ua', 'b a', 'w a',
  'gmbh', 'ggmbh', 'mbh', 'e v', 'ev', 'ag', 'kg', 'ug', 'se',
  'ltd', 'limited', 'llc', 'llp', 'plc', 'inc', 'incorporated', 'corp', 'corporation', 'co', 'company',
  'sa', 's a', 'sas', 'sarl', 's a r l', 'srl', 's r l', 'spa', 's p a', 'sl', 's l', 'bvba', 'nv sa', 'vzw', 'asbl', 'aisbl', 'ivzw',
  'oy', 'oyj', 'ab', 'as', 'asa', 'a s', 'aps', 'hf', 'sf', 'kft', 'zrt', 'sp z o o', 'd o o', 'a s',
];
/** Words removed at the start: legal forms written first and articles. */
const LEADING_FORMS = ['stichting', 'vereniging', 'cooperatie', 'cooperatieve vereniging', 'fundacion', 'fondation', 'fondazione', 'stiftung', 'stiftelsen', 'the', 'de', 'het', 'la', 'le', 'les', 'el', 'der', 'die'];
/** Phrases and abbreviations written several ways, reduced to one token. */
const ABBREVIATIONS: [RegExp, string][] = [
  [/\buniversitair medisch centrum\b/g, 'umc'],
  [/\buniversity medical cent(er|re)\b/g, 'umc'],
  [/\bmedisch centrum\b/g, 'mc'],
  [/\bmedical cent(er|re)\b/g, 'mc'],
  [/\btechnische universiteit\b/g, 'tu'],
  [/\buniversity of technology\b/g, 'tu'],
  [/\buniversity of applied sciences\b/g, 'hogeschool'],
  [/\b(universiteit|university|universitat|universitaet|universite|universita|universidad|universidade|univ)\b/g, 'univ'],
  [/\b(hs)\b/g, 'hogeschool'],
  [/\b(sint|saint|sankt|st)\b/g, 'st'],
  [/\b(centrum|center|centre|ctr)\b/g, 'centre'],
  [/\b(instituut|institute|institut|instituto|istituto|inst)\b/g, 'inst'],
  [/\b(nederland|netherlands|the netherlands|nl)\b/g, 'nl'],
  [/\b(and|en|und|et|of|van|voor|for)\b/g, ' '],
];

const trailing = new RegExp(`(?:^| )(?:${TRAILING_FORMS.map((f) => f.replace(/ /g, ' ?')).join('|')})$`);
const leading = new RegExp(`^(?:${LEADING_FORMS.join('|')}) `);

export interface KeyTrace {
  key: string;
  /** The key before spaces are removed. */
  spaced: string;
  /** Which rules changed the name (for the explanation shown to the user). */
  rules: Set<'legal-form' | 'article' | 'abbreviation' | 'spacing'>;
}

export function duplicateKeyWithTrace(name: string): KeyTrace {
  const rules: KeyTrace['rules'] = new Set();
  let s = normaliseName(name);
  for (let changed = true; changed; ) {
    changed = false;
    const t = s.replace(trailing, '').trim();
    if (t !== s && t) {
      s = t;
      changed = true;
      rules.add('legal-form');
    }
    const l = s.replace(leading, '').trim();
    if (l !== s && l) {
      rules.add(/^(the|de|het|la|le|les|el|der|die) /.test(s) ? 'article' : 'legal-form');
      s = l;
      changed = true;
    }
  }
  const before = s;
  for (const [pattern, replacement] of ABBREVIATIONS) s = s.replace(pattern, replacement);
  s = s.replace(/\s+/g, ' ').trim();
  if (s !== before) rules.add('abbreviation');
  const key = s.replace(/ /g, '');
  return { key: key || normaliseName(name).replace(/ /g, ''), spaced: s, rules };
}

export const duplicateKey = (name: string) => duplicateKeyWithTrace(name).key;

export interface DuplicateGroup {
  /** Stable id: the ids of the organisations, joined. */
  id: string;
  /** Organisation ids; the first is the one the others merge into (most participations). */
  organisationIds: string[];
  names: string[];
  /** Plain-language reasons, in English, e.g. ["legal form", "leading article"]. */
  reasons: string[];
  /** The same as codes (`legal-form`, `article`, `abbreviation`, `spacing`, `same-name`), for the UI's words. */
  reasonCodes: string[];
}

const REASON_TEXT = new Map<string, string>([
  ['legal-form', 'legal form (B.V., Stichting, GmbH…)'],
  ['article', 'leading article ("De", "The")'],
  ['abbreviation', 'abbreviation or spelling variant'],
  ['spacing', 'spacing or punctuation'],
  ['same-name', 'same name under different ids'],
]);

/** Blocks that large are generic keys, not one organisation; they are not proposed. */
const MAX_GROUP = 25;

export function findDuplicateGroups(dataset: Dataset): DuplicateGroup[] {
  const steps = findDuplicateGroupsSteps(dataset);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** `findDuplicateGroups` in steps of 10,000 organisations (yields how many are done). */
export function* findDuplicateGroupsSteps(dataset: Dataset): Generator<number, DuplicateGroup[], void> {
  const participationCount = new Map<string, number>();
  for (const p of dataset.participations) participationCount.set(p.organisationId, (participationCount.get(p.organisationId) ?? 0) + 1);
  const blocks = new Map<string, { org: Organisation; trace: KeyTrace }[]>();
  let done = 0;
  for (const org of dataset.organisations) {
    if (++done % 10_000 === 0) yield done;
    // An organisation named only by its id (unnamed CORDIS PIC) has nothing to compare.
    if (org.name === org.id && /^\d+$/.test(org.id)) continue;
    const trace = duplicateKeyWithTrace(org.name);
    if (!trace.key) continue;
    let block = blocks.get(trace.key);
    if (!block) blocks.set(trace.key, (block = []));
    block.push({ org, trace });
  }
  const groups: DuplicateGroup[] = [];
  for (const block of blocks.values()) {
    if (block.length < 2 || block.length > MAX_GROUP) continue;
    block.sort(
      (a, b) =>
        (participationCount.get(b.org.id) ?? 0) - (participationCount.get(a.org.id) ?? 0) ||
        (a.org.id < b.org.id ? -1 : a.org.id > b.org.id ? 1 : 0),
    );
    const reasons = new Set<string>();
    const plain = new Set(block.map((b) => normaliseName(b.org.name)));
    if (plain.size === 1) reasons.add('same-name');
    if (plain.size > 1) {
      for (const b of block) for (const r of b.trace.rules) reasons.add(r);
      if (new Set(block.map((b) => b.trace.spaced)).size > 1) reasons.add('spacing');
    }
    groups.push({
      id: block.map((b) => b.org.id).join('+'),
      organisationIds: block.map((b) => b.org.id),
      names: block.map((b) => b.org.name),
      reasons: [...reasons].map((r) => REASON_TEXT.get(r) ?? r),
      reasonCodes: [...reasons],
    });
  }
  return groups.sort((a, b) => a.names[0]!.localeCompare(b.names[0]!));
}

export interface MergeInput {
  dataset: Dataset;
  report: ImportReport;
  /** Per participation, the report file and row that created it (ImportOutcome.origins). */
  origins: readonly { file: string; row: number }[];
}

/**
 * Merges each accepted group into its first organisation: other names become aliases, missing
 * attributes are filled, participations move over, and a participation that then repeats one
 * already there is merged into it. A source row whose every participation was merged that way
 * is moved from "used" to "merged" in the report, so read = used + merged + rejected still holds.
 */
export function mergeDuplicateGroups(input: MergeInput, accepted: readonly DuplicateGroup[]): MergeInput {
  if (!accepted.length) return input;
  const target = new Map<string, string>();
  for (const g of accepted) for (const id of g.organisationIds.slice(1)) target.set(id, g.organisationIds[0]!);
  const organisations = new Map(input.dataset.organisations.map((o) => [o.id, structuredClone(o)]));
  const problems: ImportProblem[] = [];
  for (const [from, to] of target) {
    const a = organisations.get(to);
    const b = organisations.get(from);
    if (!a || !b) continue;
    for (const alias of [b.name, ...b.aliases]) if (alias !== a.name && !a.aliases.includes(alias)) a.aliases.push(alias);
    for (const k of ['city', 'region', 'country', 'description'] as const) if (!a[k] && b[k]) a[k] = b[k];
    if (a.sectorInferred && !b.sectorInferred) {
      a.sector = b.sector;
      delete a.sectorInferred;
      delete a.sectorReason;
    }
    for (const p of b.provenance) if (!a.provenance.includes(p)) a.provenance.push(p);
    if (b.listedIn) a.listedIn = [...new Set([...(a.listedIn ?? []), ...b.listedIn])];
    if (b.extra) a.extra = { ...b.extra, ...a.extra };
    organisations.delete(from);
    problems.push(importProblem({ file: b.provenance[0]?.split('#')[0] ?? '', severity: 'info' }, 'duplicate-organisation-merged', { from: b.name.slice(0, 80), to: a.name.slice(0, 80) }));
  }
  // Which rows keep at least one participation of their own.
  const rowKey = (o: { file: string; row: number }) => `${o.file}\u0000${o.row}`;
  const alive = new Map<string, number>();
  for (const o of input.origins) alive.set(rowKey(o), (alive.get(rowKey(o)) ?? 0) + 1);
  const seen = new Map<string, Participation>();
  const participations: Participation[] = [];
  const origins: { file: string; row: number }[] = [];
  const demoted = new Map<string, number>();
  const originalNames = new Map(input.dataset.organisations.map((o) => [o.id, o.name]));
  input.dataset.participations.forEach((p, i) => {
    const origin = input.origins[i] ?? { file: '', row: 0 };
    const to = target.get(p.organisationId);
    const moved: Participation = to ? { ...p, organisationId: to } : { ...p };
    if (to) {
      const oldName = originalNames.get(p.organisationId);
      if (!moved.nameAsWritten && oldName) moved.nameAsWritten = oldName;
    }
    const key = `${moved.activityId}\u0000${moved.organisationId}`;
    const previous = seen.get(key);
    if (previous) {
      if (moved.role && moved.role !== previous.role) previous.role = previous.role ? `${previous.role}; ${moved.role}` : moved.role;
      const k = rowKey(origin);
      const left = (alive.get(k) ?? 1) - 1;
      alive.set(k, left);
      if (left === 0) demoted.set(origin.file, (demoted.get(origin.file) ?? 0) + 1);
      return;
    }
    seen.set(key, moved);
    participations.push(moved);
    origins.push(origin);
  });
  const files: FileReport[] = input.report.files.map((f) => {
    const n = demoted.get(f.file) ?? 0;
    return n ? { ...f, rowsUsed: f.rowsUsed - n, rowsMerged: f.rowsMerged + n } : f;
  });
  const moved = [...demoted.values()].reduce((a, b) => a + b, 0);
  return {
    dataset: { ...input.dataset, organisations: [...organisations.values()], participations },
    report: {
      ...input.report,
      files,
      rowsUsed: input.report.rowsUsed - moved,
      rowsMerged: input.report.rowsMerged + moved,
      problems: [...input.report.problems, ...problems],
    },
    origins,
  };
}

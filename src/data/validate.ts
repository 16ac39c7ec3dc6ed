import { CONFIDENCE_LEVELS, type Dataset } from './model';
import type { ImportProblem } from './report';
import { isSector } from './sectors';
import { HUB_ROLE_IDS, isVocabularyId, NON_TIE_ROLE_IDS, UNSPECIFIED, type VocabularyKind } from './vocabulary';

/**
 * Checks a dataset's integrity: unique ids, every participation resolving to an organisation and
 * an activity, every organisation with a valid sector, provenance on every record, valid
 * confidence levels, stated counts about existing activities and organisations, a focal
 * organisation that exists. Conflicting stated counts are reported as `info` (both are kept).
 * Returns the problems (empty when valid).
 */
export function validateDataset(dataset: Dataset, file = 'dataset'): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const fail = (code: string, message: string) =>
    problems.push({ file, severity: 'error', code, message });
  const orgIds = new Set<string>();
  for (const o of dataset.organisations) {
    if (orgIds.has(o.id)) fail('duplicate-organisation', `Organisation id "${o.id}" is used twice.`);
    orgIds.add(o.id);
    if (!isSector(o.sector)) fail('invalid-sector', `Organisation "${o.id}" has no valid sector ("${o.sector}").`);
    if (o.sectorInferred) fail('sector-inferred', `Organisation "${o.id}" has no sector in the data.`);
    if (!o.provenance.length) fail('missing-provenance', `Organisation "${o.id}" has no provenance.`);
  }
  const activityIds = new Set<string>();
  for (const a of dataset.activities) {
    if (activityIds.has(a.id)) fail('duplicate-activity', `Activity id "${a.id}" is used twice.`);
    activityIds.add(a.id);
    if (!a.provenance.length) fail('missing-provenance', `Activity "${a.id}" has no provenance.`);
  }
  const pairs = new Set<string>();
  for (const p of dataset.participations) {
    if (!orgIds.has(p.organisationId))
      fail('unresolved-organisation', `A participation in "${p.activityId}" names unknown organisation "${p.organisationId}".`);
    if (!activityIds.has(p.activityId))
      fail('unresolved-activity', `A participation of "${p.organisationId}" names unknown activity "${p.activityId}".`);
    const key = `${p.activityId}\u0000${p.organisationId}`;
    if (pairs.has(key)) fail('duplicate-participation', `"${p.organisationId}" takes part in "${p.activityId}" twice.`);
    pairs.add(key);
    if (!p.provenance || /#row \d+$/.test(p.provenance))
      fail('missing-provenance', `The participation of "${p.organisationId}" in "${p.activityId}" has no provenance.`);
    if (p.confidence !== undefined && !CONFIDENCE_LEVELS.includes(p.confidence))
      fail('invalid-confidence', `The participation of "${p.organisationId}" in "${p.activityId}" has confidence "${String(p.confidence)}"; it must be stated, implied or inferred.`);
  }
  for (const c of dataset.statedCounts ?? []) {
    const known = c.subjectKind === 'activity' ? activityIds : orgIds;
    if (!known.has(c.subjectId))
      fail('unknown-count-subject', `A stated count (${c.value} ${c.counted}) is about ${c.subjectKind} "${c.subjectId}", which is not in the data.`);
    if (!Number.isInteger(c.value) || c.value < 0)
      fail('invalid-count-value', `A stated count about "${c.subjectId}" has value ${c.value}; it must be a whole number.`);
    if (!c.provenance || /#row \d+$/.test(c.provenance))
      fail('missing-provenance', `A stated count about "${c.subjectId}" (${c.counted}) has no provenance.`);
  }
  for (const p of conflictingCounts(dataset, file)) problems.push(p);
  if (dataset.focal !== undefined && !orgIds.has(dataset.focal))
    fail('unknown-focal', `The focal organisation "${dataset.focal}" is not in the data.`);
  return problems;
}

/**
 * Counts of the same quantity about the same subject that disagree, stated in different places of
 * the sources (e.g. 61 Wmo providers on one slide, 63 on another). Both are kept; this only says
 * so. Several counts in one place (e.g. a cluster's premium, network and alliance partners) are
 * parts of one statement, not a conflict.
 */
export function conflictingCounts(dataset: Dataset, file = 'dataset'): ImportProblem[] {
  const groups = new Map<string, NonNullable<Dataset['statedCounts']>>();
  for (const c of dataset.statedCounts ?? []) {
    const key = `${c.subjectKind}\u0000${c.subjectId}\u0000${c.counted}`;
    const list = groups.get(key);
    if (list) list.push(c);
    else groups.set(key, [c]);
  }
  const problems: ImportProblem[] = [];
  for (const list of groups.values()) {
    const places = new Set(list.map((c) => c.provenance));
    const values = new Set(list.map((c) => `${c.qualifier}:${c.value}`));
    if (places.size < 2 || values.size < 2) continue;
    const first = list[0]!;
    problems.push({
      file,
      severity: 'info',
      code: 'conflicting-counts',
      message: `The sources disagree on the number of ${first.counted} of ${first.subjectKind} "${first.subjectId}": ${list
        .map((c) => `${c.qualifier === 'at_least' ? 'at least ' : c.qualifier === 'about' ? 'about ' : ''}${c.value} (${c.provenance})`)
        .join(' vs ')}. All statements are kept.`,
    });
  }
  return problems;
}

/**
 * Funding bodies of the built-in data: an activity whose source is one of these keys is funded by
 * the organisation with the given id, which must take part with role `funder` (and no other role).
 */
export const BUILTIN_FUNDING_BODIES: Readonly<Record<string, string>> = { SIA: 'sia', RVO: 'rvo' };

/** Provenance of the built-in data: `<seed file>#<literal heading>[, p. N][, voetnoot N]`. */
export const BUILTIN_PROVENANCE = /^(00\d_[0-9a-f]{16}\.txt)#(.+?)(?:, p\. (\d+))?(?:, voetnoot (\d+))?$/;

/**
 * The checks for Bruggen's built-in data on top of `validateDataset`: sources, kinds, roles,
 * themes and counted quantities are vocabulary ids; every consultation has a hub and every fund a
 * hub or a funder (a listing without either forms no ties at all); every funding relation is a
 * `funder` row; every activity has an English title and every description an English one;
 * provenance is `<seed file>#<heading>`; a participant count agrees with the stated counts.
 */
export function validateBuiltinDataset(dataset: Dataset, file = 'data/den-haag'): ImportProblem[] {
  const problems = validateDataset(dataset, file);
  const report = (severity: 'error' | 'warning', code: string, message: string) =>
    problems.push({ file, severity, code, message });
  const vocab = (kind: VocabularyKind, value: string | undefined, what: string, optional = false) => {
    if (!value) {
      if (!optional) report('error', 'missing-vocabulary-id', `${what} has no ${kind}.`);
    } else if (!isVocabularyId(kind, value))
      report('error', 'unknown-vocabulary-id', `${what} has ${kind} "${value}", which is not a vocabulary id (src/data/vocabulary.ts).`);
    else if (value === UNSPECIFIED) report('error', 'missing-vocabulary-id', `${what} has ${kind} "${UNSPECIFIED}": the built-in data names it.`);
  };
  const provenance = (value: string, what: string) => {
    if (!BUILTIN_PROVENANCE.test(value))
      report('error', 'provenance-form', `${what} has provenance "${value}", not of the form <seed file>#<heading>.`);
  };

  for (const o of dataset.organisations) {
    for (const p of o.provenance) provenance(p, `Organisation "${o.id}"`);
    if (o.description && !o.descriptionEn) report('error', 'missing-english', `Organisation "${o.id}" has a description but no description_en.`);
  }
  for (const a of dataset.activities) {
    vocab('source', a.source, `Activity "${a.id}"`);
    vocab('kind', a.kind, `Activity "${a.id}"`);
    vocab('theme', a.theme, `Activity "${a.id}"`, true);
    if (!a.titleEn) report('error', 'missing-english', `Activity "${a.id}" has no title_en.`);
    if (a.description && !a.descriptionEn) report('error', 'missing-english', `Activity "${a.id}" has a description but no description_en.`);
    for (const p of a.provenance) provenance(p, `Activity "${a.id}"`);
  }
  const byActivity = new Map<string, typeof dataset.participations>();
  for (const p of dataset.participations) {
    vocab('role', p.role, `The participation of "${p.organisationId}" in "${p.activityId}"`);
    if (p.provenance) provenance(p.provenance, `The participation of "${p.organisationId}" in "${p.activityId}"`);
    const list = byActivity.get(p.activityId);
    if (list) list.push(p);
    else byActivity.set(p.activityId, [p]);
  }

  const fundingBodies = new Set(Object.values(BUILTIN_FUNDING_BODIES));
  for (const a of dataset.activities) {
    const rows = byActivity.get(a.id) ?? [];
    const hub = rows.some((p) => p.role && HUB_ROLE_IDS.includes(p.role));
    const funded = rows.some((p) => p.role && NON_TIE_ROLE_IDS.includes(p.role));
    if (a.kind === 'consultation' && !hub)
      report('error', 'listing-without-hub', `Consultation "${a.id}" has no hub (role ${HUB_ROLE_IDS.join(', ')}): under the listing rule it would tie no one.`);
    if (a.kind === 'fund' && !hub && !funded)
      report('error', 'listing-without-hub', `Fund "${a.id}" has neither a hub (role ${HUB_ROLE_IDS.join(', ')}) nor a funder.`);
    const funder = BUILTIN_FUNDING_BODIES[a.source];
    if (funder && !rows.some((p) => p.organisationId === funder && p.role === 'funder'))
      report('error', 'missing-funder', `Activity "${a.id}" comes from ${a.source} but "${funder}" does not take part in it with role funder.`);
  }
  for (const p of dataset.participations) {
    if (fundingBodies.has(p.organisationId) && p.role !== 'funder')
      report('error', 'funder-role', `Funding body "${p.organisationId}" takes part in "${p.activityId}" as "${p.role ?? ''}"; a funding relation must have role funder.`);
  }

  for (const c of dataset.statedCounts ?? []) {
    vocab('counted', c.counted, `A stated count about "${c.subjectId}"`);
    provenance(c.provenance, `A stated count about "${c.subjectId}"`);
  }
  for (const a of dataset.activities) {
    if (a.statedParticipants === undefined) continue;
    const agrees = (dataset.statedCounts ?? []).some(
      (c) => c.subjectKind === 'activity' && c.subjectId === a.id && ['participants', 'members', 'partners'].includes(c.counted) && c.value === a.statedParticipants,
    );
    if (!agrees)
      report('warning', 'stated-participants-without-count', `Activity "${a.id}" has stated_participants ${a.statedParticipants} but no stated count of participants, members or partners with that value.`);
  }
  if (!dataset.focal) report('warning', 'missing-focal', 'The dataset declares no focal organisation.');
  return problems;
}

import type { Dataset } from './model';
import type { ImportProblem } from './report';
import { isSector } from './sectors';

/**
 * Checks a dataset's integrity: unique ids, every participation resolving to an organisation and
 * an activity, every organisation with a valid sector, provenance on every record.
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
  }
  return problems;
}

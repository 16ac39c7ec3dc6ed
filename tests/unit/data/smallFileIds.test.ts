import { describe, expect, it } from 'vitest';
import { parseCanonicalFiles } from '../../../src/data/canonical';
import { scenarioFromCsv } from '../../../src/data/scenario';
import { parseCorrectionsCsv } from '../../../src/data/sectorCorrections';
import { parseWorklistCsv } from '../../../src/worklist/csv';

/**
 * The data's ids are read without characters that show as nothing and with composed accents
 * (canonicalId); the ids in a scenario, corrections or worklist file refer to them, so they are
 * read alike: `P\u200b1` or a decomposed "café" (as macOS writes) named nothing before.
 */
const cafe = 'café';
const decomposed = cafe.normalize('NFD');
const { dataset } = parseCanonicalFiles([
  { name: 'p.csv', text: `activity_id,organisation_id,organisation,sector\nP1,${cafe},Café Zorg,care\nP1,tech-b,Tech B,tech\n` },
]);

describe('ids in the small files are read as the data’s ids are', () => {
  it('a scenario row names the activity and organisation it means', () => {
    expect(decomposed).not.toBe(cafe);
    const s = scenarioFromCsv(dataset, `activity_id,organisation_id\nNEW,${decomposed}\nNEW,tech-\u200bb\nP\u200b1,tech-b\n`, 's.csv');
    expect(s.report.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(s.organisations).toEqual([]);
    expect(s.dataset.participations.filter((p) => p.activityId === 'NEW').map((p) => p.organisationId)).toEqual([cafe, 'tech-b']);
    // "P\u200b1" is the data's P1, in which tech-b already takes part.
    expect(s.report.problems.map((p) => p.code)).toContain('already-in-data');
  });

  it('a sector correction reaches the organisation', () => {
    const { corrections, problems } = parseCorrectionsCsv(`organisation_id,sector\n${decomposed},government\n\u200btech-b,knowledge\n`, dataset);
    expect(problems).toEqual([]);
    expect([...corrections]).toEqual([
      [cafe, 'government'],
      ['tech-b', 'knowledge'],
    ]);
  });

  it('a worklist’s organisations, convener and go-betweens', () => {
    const { worklist } = parseWorklistCsv(`organisation_a_id,organisation_b_id,convener_id,via_ids\n${decomposed},tech\u200b-b,${decomposed},tech-b\u2060 | ${decomposed}\n`, 'w.csv');
    expect(worklist[0]).toMatchObject({ a: { id: cafe }, b: { id: 'tech-b' }, convener: { id: cafe }, via: [{ id: 'tech-b' }, { id: cafe }] });
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { duplicateKey, findDuplicateGroups } from '../../../src/data/import/duplicates';
import { applyDuplicateDecisions, importFiles } from '../../../src/data/import/pipeline';
import type { Dataset } from '../../../src/data/model';
import { CORDIS, expectInvariant, input } from './helpers';

describe('duplicate organisation keys', () => {
  it.each([
    ['De Haagse Hogeschool', 'Haagse Hogeschool'],
    ['Sensara B.V.', 'SENSARA BV'],
    ['Stichting Wageningen Research', 'Wageningen Research'],
    ['Robotik GmbH', 'Robotik'],
    ['HagaZiekenhuis', 'Haga Ziekenhuis'],
    ['Universitair Medisch Centrum Utrecht', 'UMC Utrecht'],
    ['Technische Universiteit Delft', 'TU Delft'],
    ['University of Amsterdam', 'Universiteit van Amsterdam'],
    ['St. Antonius Ziekenhuis', 'Sint Antonius Ziekenhuis'],
    ['Coöperatie Koninklijke Cosun U.A.', 'Cooperatie Koninklijke Cosun'],
  ])('%s ≈ %s', (a, b) => expect(duplicateKey(a)).toBe(duplicateKey(b)));

  it.each([
    ['Gemeente Den Haag', 'Gemeente Delft'],
    ['Hogeschool Leiden', 'Universiteit Leiden'],
    ['TNO', 'TU Delft'],
  ])('%s ≠ %s', (a, b) => expect(duplicateKey(a)).not.toBe(duplicateKey(b)));
});

describe('duplicate proposals', () => {
  it('proposes, and merging keeps names as aliases and read = used + merged + rejected', async () => {
    const { outcome } = await importFiles([
      input('p.csv', 'activity_id,organisation,role\nA1,De Haagse Hogeschool,lead\nA1,Haagse Hogeschool,partner\nA2,Haagse Hogeschool,\nA2,Gemeente Den Haag,\nA3,De Haagse Hogeschool,\n'),
    ]);
    expect(outcome.duplicates).toHaveLength(1);
    const [group] = outcome.duplicates;
    expect(group!.names).toEqual(['De Haagse Hogeschool', 'Haagse Hogeschool']);
    expect(group!.reasons).toEqual(['leading article ("De", "The")']);
    const merged = applyDuplicateDecisions(outcome, new Set([group!.id]));
    expectInvariant(merged.report);
    expect(merged.report).toMatchObject({ rowsRead: 5, rowsUsed: 4, rowsMerged: 1 });
    expect(merged.report.files[0]).toMatchObject({ rowsUsed: 4, rowsMerged: 1 });
    const hhs = merged.dataset.organisations.find((o) => o.name === 'De Haagse Hogeschool')!;
    expect(hhs.aliases).toEqual(['Haagse Hogeschool']);
    expect(merged.dataset.organisations).toHaveLength(2);
    expect(merged.dataset.participations.filter((p) => p.activityId === 'A1')).toEqual([
      { activityId: 'A1', organisationId: hhs.id, role: 'lead; partner', provenance: 'p.csv#row 2' },
    ]);
    expect(merged.report.problems.map((p) => p.code)).toContain('duplicate-organisation-merged');
    expect(merged.duplicates).toEqual([]);
    // Rejecting (not accepting) changes nothing.
    expect(applyDuplicateDecisions(outcome, new Set()).dataset).toEqual(outcome.dataset);
  });

  // How fast it is belongs in a benchmark; here: that blocking finds real groups at this size.
  it('scales: blocking finds the groups among 16,592 real CORDIS organisation names', () => {
    const text = readFileSync(join(CORDIS, 'odfest2017_h2020_organisations.csv'), 'utf8');
    const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
    expect(rows.length).toBe(16_592);
    const dataset: Dataset = {
      name: 'odfest',
      organisations: rows.map((r) => ({ id: r.orgId!, name: r.name!, sector: 'other', aliases: [], provenance: ['x'] })),
      activities: [],
      participations: [],
    };
    const groups = findDuplicateGroups(dataset);
    expect(groups.length).toBeGreaterThan(50);
    expect(groups.every((g) => g.organisationIds.length >= 2 && g.organisationIds.length <= 25)).toBe(true);
  });
});

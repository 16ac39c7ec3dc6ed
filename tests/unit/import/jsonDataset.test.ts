import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../../src/data/import/pipeline';
import { expectInvariant, input } from './helpers';

const bundle = JSON.parse(readFileSync(join(process.cwd(), 'public/data/den-haag.json'), 'utf8')) as { dataset: Record<string, unknown> };

const small = (extra: Record<string, unknown>) =>
  JSON.stringify({
    dataset: {
      organisations: [
        { id: 'gemeente-x', name: 'Gemeente X', sector: 'municipality' },
        { id: 'zorg-a', name: 'Zorg A', sector: 'care' },
      ],
      activities: [{ id: 'P1', title: 'Project 1' }],
      participations: [
        { activityId: 'P1', organisationId: 'gemeente-x' },
        { activityId: 'P1', organisationId: 'zorg-a' },
      ],
      ...extra,
    },
  });

describe('a JSON export read back keeps its stated counts and focal organisation', () => {
  it('the built-in bundle: every stated count and the declared focal organisation come back', async () => {
    const { outcome } = await importFiles([input('den-haag.json', JSON.stringify(bundle))]);
    expectInvariant(outcome.report);
    const counts = bundle.dataset.statedCounts as unknown[];
    expect(counts.length).toBeGreaterThan(10);
    // Before, both were dropped without a word.
    expect(outcome.dataset.statedCounts).toEqual(counts);
    expect(outcome.dataset.focal).toBe(bundle.dataset.focal);
    expect(outcome.report.files.find((f) => f.file === 'den-haag.json (statedCounts)')).toMatchObject({ rowsRead: counts.length, rowsUsed: counts.length });
    expect(outcome.report.problems.filter((p) => p.severity !== 'info')).toEqual([]);
  });

  it('counts it cannot use are rejected with their number, as in a stated-counts table; unknown fields are named', async () => {
    const text = small({
      statedCounts: [
        { subjectKind: 'activity', subjectId: 'P1', counted: 'participants', value: 12, provenance: 'call text' },
        'junk',
        { subjectKind: 'activity', subjectId: 'nowhere', counted: 'participants', value: 3 },
        { subjectKind: 'organisation', subjectId: 'zorg-a', counted: 'members', value: 'many', colour: 'red' },
      ],
    });
    const { outcome } = await importFiles([input('export.json', text)]);
    expectInvariant(outcome.report);
    expect(outcome.dataset.statedCounts).toEqual([{ subjectKind: 'activity', subjectId: 'P1', counted: 'participants', value: 12, qualifier: 'exact', provenance: 'call text' }]);
    const file = 'export.json (statedCounts)';
    expect(outcome.report.files.find((f) => f.file === file)).toMatchObject({ rowsRead: 4, rowsUsed: 1, rowsRejected: 3 });
    const rejected = outcome.report.problems.filter((p) => p.file === file && p.severity === 'error').map((p) => [p.row, p.code]);
    expect(rejected).toEqual([
      [2, 'invalid-count-subject-kind'],
      [3, 'unknown-count-subject'],
      [4, 'invalid-count-value'],
    ]);
    expect(outcome.report.problems.find((p) => p.code === 'json-unread-fields' && p.file === file)?.params?.fields).toBe('colour (1×)');
  });

  it('a focal id no organisation has, a focal or counts that are no text or list, and unknown dataset fields are said', async () => {
    const unknown = await importFiles([input('export.json', small({ focal: 'gemeente-y' }))]);
    expect(unknown.outcome.dataset.focal).toBeUndefined();
    expect(unknown.outcome.report.problems.find((p) => p.code === 'json-unknown-focal')).toMatchObject({ file: 'export.json', severity: 'warning', params: { id: 'gemeente-y' } });

    // An id written with a zero-width space is the organisation's, as its own id is read.
    const invisible = await importFiles([input('export.json', small({ focal: 'gemeente\u200b-x' }))]);
    expect(invisible.outcome.dataset.focal).toBe('gemeente-x');

    const junk = await importFiles([input('export.json', small({ focal: { id: 'gemeente-x' }, statedCounts: 'none', version: 3 }))]);
    expect(junk.outcome.dataset.focal).toBeUndefined();
    expect(junk.outcome.dataset.statedCounts).toBeUndefined();
    const unread = junk.outcome.report.problems.find((p) => p.code === 'json-unread-fields' && p.variant === 'dataset')!;
    expect(unread.params!.fields).toBe('version, statedCounts, focal');
    expect(unread.message).toContain('These fields of the dataset were not read: version, statedCounts, focal.');
  });

  it('two files that declare different focal organisations: the first is used and the second said', async () => {
    const second = JSON.stringify({ dataset: { organisations: [{ id: 'zorg-a', name: 'Zorg A' }], activities: [], participations: [], focal: 'zorg-a' } });
    const { outcome } = await importFiles([input('a.json', small({ focal: 'gemeente-x' })), input('b.json', second)]);
    expect(outcome.dataset.focal).toBe('gemeente-x');
    expect(outcome.report.problems.find((p) => p.code === 'json-unknown-focal')).toMatchObject({ file: 'b.json', variant: 'second', params: { id: 'zorg-a', chosen: 'gemeente-x' } });
  });
});

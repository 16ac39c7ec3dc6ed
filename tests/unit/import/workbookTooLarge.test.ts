import { describe, expect, it, vi } from 'vitest';
import { readSource } from '../../../src/data/import/readSource';
import { makeXlsx } from '../hostile/zip';

// read-excel-file overflows its stack on sheets of about 150,000 rows (after a minute): a real
// workbook that large is too slow for a unit test, so the reader is made to fail the same way.
vi.mock('read-excel-file/universal', () => ({
  default: () => Promise.reject(new RangeError('Maximum call stack size exceeded')),
}));

describe('a workbook too large for the workbook reader', () => {
  it('is said to be too large, not damaged, and CSV is offered', async () => {
    const bytes = makeXlsx([['activity_id', 'organisation'], ['P1', 'A']]);
    const read = await readSource({ name: 'groot.xlsx', blob: new Blob([bytes as Uint8Array<ArrayBuffer>]) }, 't0');
    expect(read?.kind).toBe('failed');
    if (read?.kind !== 'failed') return;
    expect(read.problem).toMatchObject({ code: 'unreadable-workbook', variant: 'too-large', severity: 'error', file: 'groot.xlsx' });
    expect(read.problem.message).toBe('"groot.xlsx" is too large for the workbook reader (Maximum call stack size exceeded); the workbook itself is probably fine.');
    expect(read.problem.fix).toContain('Save the sheet as CSV (UTF-8)');
  });
});

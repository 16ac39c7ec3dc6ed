import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadFilesForCommandLine } from '../../../src/data/import/commandLine';
import { distinctFileNames } from '../../../src/data/import/fileNames';

describe('the names imported files are reported under', () => {
  it('are the files’ own names unless two are the same: then as much of the path as tells them apart, else a number', () => {
    expect(distinctFileNames(['data/a.csv', 'b.csv'])).toEqual(['a.csv', 'b.csv']);
    // Two files called deelnemers.csv in different folders were both "deelnemers.csv" in every message.
    expect(distinctFileNames(['/x/2019/deelnemers.csv', '/x/2020/deelnemers.csv', 'orgs.csv'])).toEqual(['2019/deelnemers.csv', '2020/deelnemers.csv', 'orgs.csv']);
    expect(distinctFileNames(['a/data/p.csv', 'b/data/p.csv'])).toEqual(['a/data/p.csv', 'b/data/p.csv']);
    expect(distinctFileNames(['C:\\in\\p.csv', 'C:\\out\\p.csv'])).toEqual(['in/p.csv', 'out/p.csv']);
    // The browser gives names only; the same path twice cannot be told apart by its path.
    expect(distinctFileNames(['p.csv', 'p.csv', 'p.csv'])).toEqual(['p.csv', 'p.csv (2)', 'p.csv (3)']);
    expect(distinctFileNames(['d/p.csv', 'd/p.csv', 'e/p.csv'])).toEqual(['d/p.csv', 'd/p.csv (2)', 'e/p.csv']);
    expect(distinctFileNames(['p.csv', 'd/p.csv'])).toEqual(['p.csv', 'd/p.csv']);
  });

  it('are always distinct, and a file’s own name when it is the only one so called (property)', () => {
    const segment = fc.constantFrom('a', 'b', 'c', 'p.csv', 'q.csv');
    const path = fc.array(segment, { minLength: 1, maxLength: 3 }).map((s) => s.join('/'));
    fc.assert(
      fc.property(fc.array(path, { maxLength: 6 }), (paths) => {
        const names = distinctFileNames(paths);
        expect(new Set(names).size).toBe(paths.length);
        paths.forEach((p, i) => {
          const own = p.split('/').at(-1)!;
          if (paths.filter((q) => q.split('/').at(-1) === own).length === 1) expect(names[i]).toBe(own);
          else expect(names[i]!.endsWith(own) || names[i]!.includes(`${own} (`)).toBe(true);
        });
      }),
    );
  });
});

describe('the command line’s files with the same name in different folders', () => {
  it('are reported, counted and cited apart', async () => {
    const files = new Map([
      ['2019/deelnemers.csv', 'activity_id,organisation\nA,Zorg BV\n,Leeg BV\n'],
      ['2020/deelnemers.csv', 'activity_id,organisation\nB,Tech BV\nB,Zorg BV\n,Leeg BV\n'],
    ]);
    const result = await loadFilesForCommandLine([...files.keys()], { readFile: async (path) => new TextEncoder().encode(files.get(path)!), err: () => {} });
    if ('code' in result) throw new Error(`exit ${result.code}`);
    const { report, dataset } = result.outcome;
    expect(report.files.map((f) => [f.file, f.rowsRead, f.rowsUsed, f.rowsRejected])).toEqual([
      ['2019/deelnemers.csv', 2, 1, 1],
      ['2020/deelnemers.csv', 3, 2, 1],
    ]);
    expect(report.problems.filter((p) => p.severity === 'error').map((p) => `${p.file}:${p.row}`)).toEqual(['2019/deelnemers.csv:3', '2020/deelnemers.csv:4']);
    expect(dataset.participations.map((p) => p.provenance)).toEqual(['2019/deelnemers.csv#row 2', '2020/deelnemers.csv#row 2', '2020/deelnemers.csv#row 3']);
  });
});

import { describe, expect, it } from 'vitest';
import { englishProblem, interpolate } from '../../../src/data/problemWords';
import { importFiles } from '../../../src/data/import/pipeline';
import type { ImportProblem } from '../../../src/data/report';
import { setupI18n } from '../../../src/i18n';
import en from '../../../src/i18n/locales/en/import.json';
import nl from '../../../src/i18n/locales/nl/import.json';
import { problemText } from '../../../src/ui/import/problemText';
import { importWords } from '../../../src/ui/import/useImportMessages';
import { input } from './helpers';

/** Import messages and fixes in the UI's language: the two JSON files, and every problem the pipeline makes. */

type Tree = { [k: string]: string | Tree };
const flatten = (tree: Tree, prefix = ''): Map<string, string> => {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === 'string') out.set(prefix + k, v);
    else for (const [kk, vv] of flatten(v, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
};
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();

describe('the import namespace in Dutch and English', () => {
  const enKeys = flatten(en as unknown as Tree);
  const nlKeys = flatten(nl as unknown as Tree);

  it('has the same keys in both files', () => {
    expect([...nlKeys.keys()].sort()).toEqual([...enKeys.keys()].sort());
  });

  it('uses the same placeholders in both languages, and no empty text', () => {
    for (const [key, text] of enKeys) {
      expect(text.trim(), key).not.toBe('');
      expect(placeholders(nlKeys.get(key)!), key).toEqual(placeholders(text));
    }
  });
});

describe('problems are worded in the UI language from code and parameters', () => {
  setupI18n('nl');
  const dutch = importWords('nl');
  const english = importWords('en');

  /** Imports that between them produce most kinds of problem. */
  async function problems(): Promise<ImportProblem[]> {
    const files = [
      input('a.csv', 'activity_id,organisation,sector,start_year,confidence,organisation_id,activity_title\n,X,,,,,\nA1,,,,,,\nA1,B,zorgachtig,20x1,misschien,,"<b>x</b>"\nA1,B,,,,,=SUM(1)\nA2,"!!!",,,,,\nA3,,,,,id-only,\nA3,C,care,2020,,,\nA3,C,government,2021,,,T\nA3,D,,,,,U\n'),
      input('b.csv', 'activity_id;organisation\n1;a;extra;more\n2;"b"c\n'),
      input('c.csv', 'organisation_id,name,sector\nz,Zed,tech\nz,Zed again,\n,,\n'),
      input('d.csv', 'id,title\n1,One\n1,Again\n,Nothing\n'),
      input('e.csv', 'projectID,organisation\nX1,A\n'),
      input('f.xlsx', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])),
      input('g.csv', ''),
      input('h.gexf', '<gexf><graph><nodes><node id="1"'),
      input('i.json', '{'),
      input('j.json', '{"x": 1}'),
      input('k.csv', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0])),
    ];
    const { outcome, summaries } = await importFiles(files);
    return [...summaries.flatMap((s) => s.problems), ...outcome.report.problems];
  }

  it('every problem of the pipeline has Dutch words, different from the English ones, with every placeholder filled', async () => {
    const all = await problems();
    const codes = new Set(all.map((p) => p.code));
    expect(codes.size).toBeGreaterThan(20);
    for (const p of all) {
      expect(p.params, `${p.code} has parameters`).toBeDefined();
      const nlText = problemText(p, dutch);
      const enText = problemText(p, english);
      expect(nlText.message, p.code).not.toContain('{{');
      expect(enText.message, p.code).not.toContain('{{');
      // The English words of the app are those of the CLI and the CSV report.
      if (p.omitted === undefined) expect(enText.message, p.code).toBe(p.message);
      // A message that quotes only file values may read the same; the rest must be Dutch.
      if (p.omitted === undefined && !['csv-invalidquotes'].includes(p.code) && enText.message.length > 30) expect(nlText.message, p.code).not.toBe(enText.message);
    }
  });

  it('plural forms follow the count, and sector ids are worded', () => {
    const one = { file: 'x', severity: 'info' as const, code: 'gexf-weight-ignored', params: { count: 1 }, ...englishProblem('gexf-weight-ignored', { count: 1 }) };
    expect(one.message).toMatch(/^1 edge has/);
    expect(problemText(one, dutch).message).toMatch(/^1 verbinding heeft/);
    expect(problemText({ ...one, params: { count: 3 } }, dutch).message).toMatch(/^3 verbindingen hebben/);
    const sector = { file: 'x', severity: 'warning' as const, code: 'conflicting-sector', params: { name: 'A', sector: 'care', otherSector: 'government' }, message: '' };
    expect(problemText(sector, dutch).message).toBe('"A" heeft al sector "zorg"; deze rij zegt "overheid", wat niet is gebruikt.');
  });
});

describe('interpolate (the English words of the command line and the report)', () => {
  it('fills every slot, keeps unknown ones, groups numbers and takes values literally', () => {
    const template = '{{name}} and {{ name }} in row {{row}}: {{missing}}.';
    expect(interpolate(template, { name: 'A $& B', row: 12345 })).toBe('A $& B and A $& B in row 12,345: {{missing}}.');
    // The same template again (it is compiled once) with other values.
    expect(interpolate(template, { name: 'C', row: 1.5 })).toBe('C and C in row 1.5: {{missing}}.');
    expect(interpolate('no slots', { name: 'x' })).toBe('no slots');
    expect(interpolate('{{a}}{{b}}', { a: '1', b: '2' })).toBe('12');
    expect(interpolate('', {})).toBe('');
  });
});

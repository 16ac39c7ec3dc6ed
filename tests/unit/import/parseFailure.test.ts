import { describe, expect, it } from 'vitest';
import { importFiles } from '../../../src/data/import/pipeline';
import { jsonEndsInside, jsonParseFailure, lineColumnAt, textNear, xmlParseFailure } from '../../../src/data/import/parseFailure';
import { createTranslator } from '../../../src/i18n';
import { problemKey } from '../../../src/data/problemWords';
import type { ImportProblem } from '../../../src/data/report';
import { input } from './helpers';
import { groupProblems } from '../../../src/ui/import/problemText';

/** The one problem that refused a file. */
async function refusal(name: string, text: string): Promise<ImportProblem> {
  const { outcome } = await importFiles([input(name, text)]);
  // (The report's own "no participations" problem has no file.)
  const errors = outcome.report.problems.filter((p) => p.severity === 'error' && p.file === name);
  expect(errors).toHaveLength(1);
  return errors[0]!;
}

/** The words the app shows in Dutch for a problem. */
function dutch(p: ImportProblem): string {
  return createTranslator('nl').t(`import:${problemKey(p.code, p.variant)}.message`, p.params);
}

// Words of parsers (V8, xmldom) that used to reach the report verbatim, in English, in the Dutch UI.
const PARSER_WORDS = /Expected|Unexpected|position|Hierarchy|xmldom|not match|entity not found|JSON at/;

describe('a JSON or GEXF file that cannot be parsed is said in the UI’s words, with where', () => {
  it('a JSON cut off in a string or a list says it looks cut off, not what the parser expected', async () => {
    for (const text of ['{"dataset": {"organisations": [{"id": "a", "name": "Zorg', '{"dataset": {"organisations": [', '{"dataset": {"organisations": [{"id": "a\\"]}']) {
      const p = await refusal('export.json', text);
      expect(p).toMatchObject({ code: 'invalid-json', variant: 'cut-off' });
      expect(p.message).toContain('looks cut off');
      expect(dutch(p)).toContain('afgebroken');
      expect(p.message + dutch(p)).not.toMatch(PARSER_WORDS);
    }
  });

  it('a JSON with a mistake inside names its line and column and shows the file’s own text there', async () => {
    const text = '{\n  "dataset": {\n    "organisations": [{"id": "a" "name": "Zorg"}],\n    "activities": [], "participations": []\n  }\n}\n';
    const p = await refusal('export.json', text);
    expect(p).toMatchObject({ code: 'invalid-json', variant: 'at', params: { line: 3 } });
    // V8 points at the unexpected `"name"`, the first character after `"a" `.
    expect(p.params!.column).toBe(text.split('\n')[2]!.indexOf('"name"') + 1);
    expect(p.params!.near).toContain('"a" "name"');
    expect(p.message).toMatch(/^The file is not valid JSON: line 3, column \d+ has something JSON does not allow there \(near ".*"a" "name".*"\)\.$/);
    expect(dutch(p)).toMatch(/^Het bestand is geen geldige JSON: op regel 3, kolom \d+/);
    expect(p.message + dutch(p)).not.toMatch(PARSER_WORDS);
  });

  it('a file cut off and one with a mistake are two groups in the report, each with its own words', async () => {
    const { outcome } = await importFiles([input('cut.json', '{"dataset": {"organisations": ['), input('bad.json', '{"dataset": {"organisations": [] x}}')]);
    const groups = groupProblems(outcome.report.problems).filter((g) => g.code === 'invalid-json');
    // Grouped by code alone, both read "looks cut off".
    expect(groups.map((g) => [g.problems[0]!.file, g.problems[0]!.variant, g.count])).toEqual([
      ['cut.json', 'cut-off', 1],
      ['bad.json', 'at', 1],
    ]);
  });

  it('each browser’s way of saying where (V8’s position, Firefox’s line and column, Safari’s nothing)', () => {
    const text = '{"a": 1,\n "b": x}';
    expect(jsonParseFailure(text, 'Unexpected token \'x\', "{"a": 1,\n "b": x}" is not valid JSON at position 15')).toEqual({ variant: 'at', params: { line: 2, column: 7, near: '"b": x}' } });
    expect(jsonParseFailure(text, 'JSON.parse: unexpected character at line 2 column 7 of the JSON data')).toEqual({ variant: 'at', params: { line: 2, column: 7, near: '"b": x}' } });
    expect(jsonParseFailure(text, 'JSON Parse error: Unexpected identifier "x"')).toEqual({ params: {} });
  });

  it('brackets and quotes are counted outside strings only', () => {
    expect(jsonEndsInside('{"a": "}"')).toBe(true);
    expect(jsonEndsInside('{"a": "\\"}"}')).toBe(false);
    expect(jsonEndsInside('{"a": [1, 2}}')).toBe(false);
    expect(jsonEndsInside('{"a": "b\\')).toBe(true);
    expect(jsonEndsInside('[]]')).toBe(false);
  });

  it('a GEXF cut off before </gexf> says so; one broken inside (an attribute given twice) names line, column and its text', async () => {
    const cut = await refusal('net.gexf', '<?xml version="1.0"?>\n<gexf version="1.3"><graph><nodes><node id="1" label="Zorg');
    expect(cut).toMatchObject({ code: 'invalid-gexf', variant: 'cut-off' });
    expect(dutch(cut)).toContain('</gexf>');
    const broken = '<?xml version="1.0"?>\n<gexf version="1.3">\n<graph><nodes>\n<node id="1" label="a" label="b"/></nodes>\n</graph></gexf>\n';
    const p = await refusal('net.gexf', broken);
    expect(p).toMatchObject({ code: 'invalid-gexf', variant: 'at' });
    expect(p.params!.line).toBe(4);
    expect(p.params!.near).toContain('label="a" label="b"');
    expect(p.message + dutch(p)).not.toMatch(PARSER_WORDS);
  });

  it('a GEXF with entities names the entity, and XML that is not GEXF or has no graph says which', async () => {
    const laughs = '<?xml version="1.0"?><!DOCTYPE gexf [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]>\n<gexf version="1.3"><graph><nodes><node id="a" label="&lol2;"/></nodes></graph></gexf>';
    const entity = await refusal('bomb.gexf', laughs);
    // xmldom stops at the first entity it meets, inside the DOCTYPE's own definitions.
    expect(entity).toMatchObject({ variant: 'entity', params: { name: 'lol', line: 1 } });
    expect(dutch(entity)).toContain('&lol;');
    expect(entity.message + dutch(entity)).not.toMatch(PARSER_WORDS);
    expect((await refusal('x.gexf', '<gexf version="1.3"></gexf>')).variant).toBe('no-graph');
    expect((await refusal('x.gexf', '<network></network><!-- </gexf> -->')).variant).toBe('no-root');
  });

  it('an error without a place gives the plain message; control characters in the shown text are escapes', () => {
    expect(xmlParseFailure('<gexf></gexf>', new Error('something'), 'gexf')).toEqual({ params: {} });
    expect(textNear('ab\u0000c', 1, 3)).toBe('ab\\u0000c');
    expect(textNear('one\ntwo', 5, 1)).toBe('');
    const long = `${'a'.repeat(50)}X${'b'.repeat(50)}`;
    expect(textNear(long, 1, 51)).toBe(`…${'a'.repeat(20)}X${'b'.repeat(19)}…`);
    expect(lineColumnAt('ab\ncd\n', 4)).toEqual({ line: 2, column: 2 });
    expect(lineColumnAt('ab', 99)).toEqual({ line: 1, column: 3 });
  });
});

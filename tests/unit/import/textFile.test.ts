import { describe, expect, it } from 'vitest';
import { readTextFile, SMALL_CSV_MAX_BYTES, smallCsvSizeProblem } from '../../../src/data/import/textFile';
import { problemLine } from '../../../src/ui/import/problemText';
import { importWords } from '../../../src/ui/import/useImportMessages';

const bytes = (...b: number[]) => Uint8Array.from(b);
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('a small CSV for one purpose (worklist, scenario, corrections) is read as the importer reads files', () => {
  it('refuses what is not a CSV by name: empty, image, PDF, old Office, binary, workbook, JSON or GEXF', () => {
    const refused = (data: Uint8Array, name: string) => {
      const read = readTextFile(data, name);
      if (read.ok) throw new Error(`${name} was read`);
      return [read.problem.code, read.problem.variant ?? '', read.problem.message];
    };
    expect(refused(bytes(), 'a.csv')).toEqual(['empty-file', '', 'The file is empty (0 bytes): there is nothing to import.']);
    expect(refused(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a), 'a.csv')).toEqual(['image-file', '', '"a.csv" is an image, not a table.']);
    expect(refused(utf8('%PDF-1.7'), 'a.csv')[0]).toBe('pdf-file');
    expect(refused(bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1), 'a.csv')[0]).toBe('old-office-file');
    expect(refused(bytes(0x41, 0, 0x42, 0), 'a.csv')[0]).toBe('binary-file');
    // A text file with one stray NUL is refused as binary, and the message says where the byte is
    // (line and column in characters: "é" is two bytes and one column).
    expect(refused(utf8('activity_id,organisation\nP1,Café A\nP2,B\u0000C\n'), 'stray.csv')).toEqual([
      'binary-file',
      'at',
      '"stray.csv" is not a text file: it contains binary data, whatever its name says. The first is byte 0x00 at line 3, column 5: if the rest is a table, remove that byte in a text editor and save the file as CSV (UTF-8).',
    ]);
    // Without a NUL, many control bytes: the first of them.
    expect(refused(bytes(0x41, 0x0a, 0xc3, 0xa9, 1, 2, 3, 4, 5), 'c.csv').slice(0, 2)).toEqual(['binary-file', 'at']);
    expect(readTextFile(bytes(0x41, 0x0a, 0xc3, 0xa9, 1, 2, 3, 4, 5), 'c.csv')).toMatchObject({ ok: false, problem: { params: { line: 2, column: 2, byte: '0x01' } } });
    expect(refused(bytes(0x50, 0x4b, 0x03, 0x04), 'w.xlsx')).toEqual(['csv-needed', 'workbook', '"w.xlsx" is an Excel workbook; this needs a CSV file.']);
    expect(refused(utf8('{"dataset":{}}'), 'export.json')).toEqual(['csv-needed', 'document', '"export.json" is a JSON or GEXF document; this needs a CSV file.']);
    expect(refused(utf8('<gexf version="1.3">'), 'net.txt').slice(0, 2)).toEqual(['csv-needed', 'document']);
  });

  it('decodes UTF-8 (with or without BOM), UTF-16 by its BOM, else Windows-1252 and says so', () => {
    const read = (data: Uint8Array) => {
      const r = readTextFile(data, 'w.csv');
      if (!r.ok) throw new Error(r.problem.message);
      return [r.text, r.encoding, r.problems.map((p) => p.code)];
    };
    expect(read(utf8('a,b\nCafé,1\n'))).toEqual(['a,b\nCafé,1\n', 'utf-8', []]);
    expect(read(bytes(0xef, 0xbb, 0xbf, ...utf8('a,b\n')))).toEqual(['a,b\n', 'utf-8-bom', []]);
    expect(read(bytes(0xff, 0xfe, 0x61, 0, 0x2c, 0, 0x62, 0))).toEqual(['a,b', 'utf-16le', []]);
    expect(read(bytes(...utf8('a,b\nCaf'), 0xe9, ...utf8(',1\n'), 0x80))).toEqual(['a,b\nCafé,1\n€', 'windows-1252', ['encoding-fallback']]);
  });

  it('refuses one over 5 MB by its size before reading it, in both languages, and takes one of exactly 5 MB', () => {
    expect(SMALL_CSV_MAX_BYTES).toBe(5 * 1024 * 1024);
    expect(smallCsvSizeProblem('plannen.csv', 0)).toBeUndefined();
    expect(smallCsvSizeProblem('plannen.csv', SMALL_CSV_MAX_BYTES)).toBeUndefined();
    const problem = smallCsvSizeProblem('plannen.csv', 48 * 1024 * 1024 + 300_000)!;
    expect(problem).toMatchObject({ code: 'small-csv-too-large', severity: 'error', file: 'plannen.csv', params: { name: 'plannen.csv', size: 48.3, limit: 5 } });
    expect(problem.message).toBe('"plannen.csv" is 48.3 MB; a worklist, what-if or corrections file can be at most 5 MB. Nothing was read.');
    expect(problem.fix).toContain('"Open data"');
    // One byte over is over.
    expect(smallCsvSizeProblem('x.csv', SMALL_CSV_MAX_BYTES + 1)?.code).toBe('small-csv-too-large');
    // As the app shows it (the words of the worklist, what-if and corrections panels).
    expect(problemLine(problem, importWords('nl'))).toBe(
      '"plannen.csv" is 48,3 MB; een werklijst, wat-als- of correctiebestand mag hoogstens 5 MB zijn. Er is niets gelezen. Oplossing: Zo\'n bestand bevat de rijen die u toevoegt of corrigeert. Wilt u een tabel van deze omvang analyseren, open die dan met "Gegevens openen"; of splits het bestand en kies het deel dat u nodig hebt.',
    );
    expect(problemLine(problem, importWords('en'))).toBe(`${problem.message} Fix: ${problem.fix}`);
  });
});

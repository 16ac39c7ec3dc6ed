import { describe, expect, it } from 'vitest';
import { parseDelimitedChunked, parseDelimitedSync, readDelimitedBlob } from '../../../src/data/import/table';

describe('delimited tables', () => {
  it('detects , ; tab and | separators', () => {
    for (const d of [',', ';', '\t', '|']) {
      const t = parseDelimitedSync(['a', 'b', 'c'].join(d) + '\n' + ['1', '2', '3'].join(d) + '\n', 'x.csv');
      expect(t.delimiter).toBe(d);
      expect(t.header).toEqual(['a', 'b', 'c']);
      expect(t.rows).toEqual([{ values: ['1', '2', '3'], number: 2 }]);
    }
  });

  it("follows Excel's sep= line, whatever the rows suggest, in every reader; rows numbered as Excel shows them", async () => {
    // Commas in the values would make "," the guess; the line says ";".
    const text = '\uFEFFsep=;\r\nactivity_id;organisation\r\nP1;Zorg, Welzijn en Wonen\r\nP2;"Org; B"\r\n';
    const expected = [
      { values: ['P1', 'Zorg, Welzijn en Wonen'], number: 2 },
      { values: ['P2', 'Org; B'], number: 3 },
    ];
    const sync = parseDelimitedSync(text, 'x.csv');
    expect([sync.delimiter, sync.header, sync.rows]).toEqual([';', ['activity_id', 'organisation'], expected]);
    const chunked = (await parseDelimitedChunked(text, 'x.csv'))!;
    expect([chunked.delimiter, chunked.header, chunked.rows]).toEqual([';', ['activity_id', 'organisation'], expected]);
    const streamed = (await readDelimitedBlob(new Blob([new TextEncoder().encode(text)]), 'x.csv'))!.table;
    expect([streamed.delimiter, streamed.header, streamed.rows]).toEqual([';', ['activity_id', 'organisation'], expected]);
    // A tab, upper case, and a file that is only the line.
    expect(parseDelimitedSync('SEP=\t\na\tb\n1\t2\n', 'x.tsv').rows).toEqual([{ values: ['1', '2'], number: 2 }]);
    expect(parseDelimitedSync('sep=,', 'x.csv').header).toEqual([]);
    // A header that only starts like it is a header.
    expect(parseDelimitedSync('sep=a,organisation\n1,2\n', 'x.csv').header).toEqual(['sep=a', 'organisation']);
  });

  it('a separator line that names no one separator (sep=;;) is skipped and said, in every reader', async () => {
    // It was read as the header: one column called "sep=", the real header a row.
    const text = 'sep=;;\nactivity_id;organisation\nP1;Zorg BV\n';
    const tables = [
      parseDelimitedSync(text, 'x.csv'),
      (await parseDelimitedChunked(text, 'x.csv'))!,
      (await readDelimitedBlob(new Blob([new TextEncoder().encode(text)]), 'x.csv'))!.table,
    ];
    for (const t of tables) {
      expect([t.delimiter, t.header, t.rows]).toEqual([';', ['activity_id', 'organisation'], [{ values: ['P1', 'Zorg BV'], number: 2 }]]);
      expect(t.problems[0]).toMatchObject({ code: 'malformed-separator-line', severity: 'warning', params: { line: 'sep=;;', delimiter: ';' } });
    }
    expect(parseDelimitedSync('sep=\r\na\tb\n1\t2\n', 'x.tsv').problems[0]!.params).toEqual({ line: 'sep=', delimiter: 'tab' });
    expect(parseDelimitedSync('sep=;\na;b\n', 'x.csv').problems).toEqual([]);
  });

  it('keeps quoted separators, quotes and line breaks inside fields; numbers rows as a spreadsheet does', () => {
    const t = parseDelimitedSync('id;title\n1;"Zorg; thuis ""slim""\nen veilig"\n2;gewoon\n', 'x.csv');
    expect(t.rows).toEqual([
      { values: ['1', 'Zorg; thuis "slim"\nen veilig'], number: 2 },
      { values: ['2', 'gewoon'], number: 3 },
    ]);
  });

  it('counts blank lines, drops trailing empty header cells, reports ragged rows, too long and too short', () => {
    const t = parseDelimitedSync('\n\na,b,,\n1,2,,\n\n3\n4,5,6,7,8\n', 'x.csv');
    expect(t.header).toEqual(['a', 'b']);
    expect(t.blankLines).toBe(1);
    expect(t.rows.map((r) => r.number)).toEqual([4, 6, 7]);
    // Row 6 has one value for two columns: it was read without a word.
    expect(t.problems.map((p) => [p.code, p.row])).toEqual([
      ['short-row', 6],
      ['ragged-row', 7],
    ]);
    expect(t.problems[0]!.params).toEqual({ values: 1, columns: 2, missing: '"b"' });
  });

  it('marks the row whose quoted field is never closed: it holds the rest of the file', () => {
    const t = parseDelimitedSync('a,b\n1,x\n2,"open\n3,y\n4,z\n', 'x.csv');
    expect(t.rows.map((r) => [r.number, r.values[1]!.split('\n').length, r.unclosedQuote ?? false])).toEqual([
      [2, 1, false],
      [3, 4, true],
    ]);
    expect(t.problems.map((p) => [p.code, p.row])).toEqual([['csv-missingquotes', 3]]);
  });

  it('parses in chunks with progress, giving the same table as in one go, and can be cancelled', async () => {
    const lines = ['id,naam,omschrijving'];
    for (let i = 0; i < 3000; i++) lines.push(`${i},"Organisatie ${i}","regel één\nregel twee, met komma"`);
    const text = lines.join('\r\n') + '\r\n';
    const progress: number[] = [];
    const chunked = await parseDelimitedChunked(text, 'x.csv', { chunkSize: 4096, onProgress: (p) => progress.push(p.done / p.total) });
    const whole = parseDelimitedSync(text, 'x.csv');
    expect(chunked!.rows).toEqual(whole.rows);
    expect(chunked!.rows).toHaveLength(3000);
    expect(progress.length).toBeGreaterThan(10);
    expect(progress[progress.length - 1]).toBe(1);
    let calls = 0;
    const cancelled = await parseDelimitedChunked(text, 'x.csv', { chunkSize: 4096, isCancelled: () => ++calls > 2 });
    expect(cancelled).toBeUndefined();
  });
});

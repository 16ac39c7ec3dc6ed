import { describe, expect, it } from 'vitest';
import { decodeBlob, decodeBytes } from '../../../src/data/import/decode';
import { sniffFile } from '../../../src/data/import/sniff';
import { encodeCp1252 } from './helpers';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('decoding', () => {
  it('reads UTF-8, with or without a byte-order mark, and says which', () => {
    expect(decodeBytes(utf8('naam\nCliëntenraad'))).toEqual({ text: 'naam\nCliëntenraad', encoding: 'utf-8' });
    expect(decodeBytes(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('naam')]))).toEqual({ text: 'naam', encoding: 'utf-8-bom' });
  });

  it('falls back to Windows-1252 when the bytes are not valid UTF-8', () => {
    expect(decodeBytes(encodeCp1252('Cliëntenraad;€ 5;Zoë’s'))).toEqual({ text: 'Cliëntenraad;€ 5;Zoë’s', encoding: 'windows-1252' });
  });

  it('reads UTF-16 with a byte-order mark (Excel "Unicode text")', () => {
    const text = 'a\tb\nZoë\t€';
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    [...text].forEach((c, i) => {
      bytes[2 + 2 * i] = c.charCodeAt(0) & 0xff;
      bytes[3 + 2 * i] = c.charCodeAt(0) >> 8;
    });
    expect(decodeBytes(bytes)).toEqual({ text, encoding: 'utf-16le' });
  });

  it('decodes slice by slice, keeping multi-byte characters split across slices', async () => {
    const text = 'é€'.repeat(5000);
    const result = await decodeBlob(new Blob([utf8(text)]), { sliceSize: 7 });
    expect(result).toEqual({ text, encoding: 'utf-8' });
    const fallback = await decodeBlob(new Blob([encodeCp1252(`${text}x`) as Uint8Array<ArrayBuffer>]), { sliceSize: 1000 });
    expect(fallback).toEqual({ text: `${text}x`, encoding: 'windows-1252' });
  });

  it('stops when cancelled', async () => {
    expect(await decodeBlob(new Blob([utf8('x'.repeat(100))]), { sliceSize: 10, isCancelled: () => true })).toBeUndefined();
  });
});

describe('sniffing what a file is', () => {
  const kind = (name: string, bytes: number[] | string) =>
    sniffFile(name, typeof bytes === 'string' ? bytes.length : bytes.length, typeof bytes === 'string' ? utf8(bytes) : Uint8Array.from(bytes));
  it('tells text, documents and binaries apart by content, not by name', () => {
    expect(kind('a.csv', 'a,b\n1,2')).toBe('text');
    expect(kind('a.csv', [])).toBe('empty');
    expect(kind('a.csv', [0x50, 0x4b, 0x03, 0x04, 0, 0])).toBe('xlsx');
    expect(kind('a.xls', [0xd0, 0xcf, 0x11, 0xe0, 0xa1])).toBe('ole');
    expect(kind('a.csv', [0x89, 0x50, 0x4e, 0x47, 0x0d])).toBe('image');
    expect(kind('a.csv', '%PDF-1.7')).toBe('pdf');
    expect(kind('a.csv', [0x1f, 0x8b, 0x08, 0x00, 0x00])).toBe('binary');
    expect(kind('export.txt', '{"dataset": {}}')).toBe('json');
    expect(kind('network.gexf', '<?xml version="1.0"?><gexf>')).toBe('gexf');
    expect(kind('network.txt', '<?xml version="1.0"?>\n<gexf xmlns="x">')).toBe('gexf');
    expect(kind('a.csv', [0xff, 0xfe, 0x61, 0x00])).toBe('text');
    // Renamed .csv: a JSON object (its first key) or XML opens as no table can.
    expect(kind('export.csv', ' {\n  "dataset": {}}')).toBe('json');
    expect(kind('network.csv', '<?xml version="1.0"?><gexf version="1.3">')).toBe('gexf');
    expect(kind('network.tsv', '<graphml xmlns="x">')).toBe('graphml');
    // A table whose first header starts with a brace is still a table.
    expect(kind('a.csv', '{id},name\n1,2')).toBe('text');
  });
});

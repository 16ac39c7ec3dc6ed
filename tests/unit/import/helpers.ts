import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { SourceInput } from '../../../src/data/import/pipeline';
import type { ImportReport } from '../../../src/data/report';

export const FIXTURES = join(process.cwd(), 'tests/fixtures/import');
/**
 * Real public datasets without a licence to redistribute (the RVO export) live beside the
 * repository, in ../shared/data; tests that need them are skipped when they are absent.
 */
export const SHARED = join(process.cwd(), '../shared/data');
/** The real CORDIS H2020 files, in the repository (CC BY 4.0, data/cordis-h2020/PROVENANCE.md). */
export const CORDIS = join(process.cwd(), 'data/cordis-h2020');

export function input(name: string, content: string | Uint8Array): SourceInput {
  return { name, blob: new Blob([typeof content === 'string' ? new TextEncoder().encode(content) : (content as Uint8Array<ArrayBuffer>)]) };
}

export function fixture(name: string): SourceInput {
  return input(name, new Uint8Array(readFileSync(join(FIXTURES, name))));
}

export function shared(path: string): SourceInput {
  return input(path.split('/').pop()!, new Uint8Array(readFileSync(join(SHARED, path))));
}

/** A CORDIS file from the repository's data/cordis-h2020. */
export function cordis(file: string): SourceInput {
  return input(file, new Uint8Array(readFileSync(join(CORDIS, file))));
}

/** read = used + merged + rejected, per file and in total. */
export function expectInvariant(report: ImportReport) {
  expect(report.rowsRead).toBe(report.rowsUsed + report.rowsMerged + report.rowsRejected);
  for (const f of report.files) expect(f.rowsRead, f.file).toBe(f.rowsUsed + f.rowsMerged + f.rowsRejected);
  expect(report.rowsRead).toBe(report.files.reduce((a, f) => a + f.rowsRead, 0));
}

const CP1252 = (() => {
  // Built independently of the code under test: Latin-1 plus Windows-1252's 0x80–0x9F block.
  const high = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
  const decoded = Array.from({ length: 256 }, (_, i) => (i >= 0x80 && i < 0xa0 ? high[i - 0x80]! : String.fromCharCode(i))).join('');
  const map = new Map<string, number>();
  [...decoded].forEach((ch, i) => map.set(ch, i));
  return map;
})();

/** Encodes text as Windows-1252 (every character must exist in it). */
export function encodeCp1252(text: string): Uint8Array {
  return Uint8Array.from([...text].map((ch) => {
    const b = CP1252.get(ch);
    if (b === undefined) throw new Error(`not in Windows-1252: ${ch}`);
    return b;
  }));
}

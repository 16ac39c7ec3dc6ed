import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { parseCanonicalFiles, writeActivitiesCsv, writeOrganisationsCsv, writeParticipationsCsv } from '../../../src/data/canonical';
import { normaliseName } from '../../../src/data/normalise';
import type { Organisation } from '../../../src/data/model';
import { importFiles } from '../../../src/data/import/pipeline';
import { encodeCp1252, expectInvariant, input } from './helpers';

/**
 * Random CSVs with random quoting, separators, line endings, encodings and junk rows: every row
 * read is used, merged or rejected; every value of a used row arrives unchanged; and writing the
 * result in the canonical format and reading it back changes nothing.
 */
const ASCII = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,;|\t"\'-()&/';
const EXTRA = 'éëïöüàçñÉ€’“”–ß';
const asciiChar = fc.constantFrom(...ASCII);
// Non-ASCII characters never stand next to each other, so a Windows-1252 file is never valid UTF-8.
const token = fc.oneof({ weight: 4, arbitrary: asciiChar }, { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...EXTRA), asciiChar).map(([a, b]) => a + b) });
const text = fc.array(token, { minLength: 1, maxLength: 14 }).map((t) => t.join('').trim()).filter((s) => normaliseName(s).length > 0);
const formulaish = fc.tuple(fc.constantFrom('=', '+', '-', '@'), text).map(([a, b]) => a + b);
const value = fc.oneof({ weight: 5, arbitrary: text }, { weight: 1, arbitrary: formulaish }, { weight: 1, arbitrary: text.map((t) => `${t}\n${t}`) });

const COLUMNS = ['activity_id', 'activity_title', 'organisation', 'role', 'city'] as const;
type Record_ = { activity: string; title: string; organisation: string; role: string; city: string };

const record = fc.record({
  activity: fc.constantFrom('A1', 'A2', 'A3', 'P-7', 'ü-9x'),
  title: value,
  organisation: value,
  role: fc.constantFrom('', 'lead', 'partner'),
  city: fc.oneof(fc.constant(''), text),
});

type Line =
  | { kind: 'row'; r: Record_ }
  | { kind: 'blank' }
  | { kind: 'no-activity'; r: Record_ }
  | { kind: 'no-organisation'; r: Record_ }
  | { kind: 'ragged'; r: Record_; extra: string }
  | { kind: 'repeat' };
const line: fc.Arbitrary<Line> = fc.oneof(
  { weight: 8, arbitrary: record.map((r) => ({ kind: 'row' as const, r })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'blank' as const }) },
  { weight: 1, arbitrary: record.map((r) => ({ kind: 'no-activity' as const, r })) },
  { weight: 1, arbitrary: record.map((r) => ({ kind: 'no-organisation' as const, r })) },
  { weight: 1, arbitrary: fc.tuple(record, text).map(([r, extra]) => ({ kind: 'ragged' as const, r, extra })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'repeat' as const }) },
);
/** A repeat line copies the latest row line before it (or is left out when there is none). */
type Resolved = Exclude<Line, { kind: 'repeat' }> | { kind: 'row'; r: Record_; repeat: true };
const resolve = (lines: Line[]): Resolved[] => {
  let last: Record_ | undefined;
  return lines.flatMap((l) => {
    if (l.kind === 'repeat') return last ? [{ kind: 'row' as const, r: last, repeat: true as const }] : [];
    if (l.kind === 'row' || l.kind === 'ragged') last = l.r;
    return [l];
  });
};

const file = fc.record({
  delimiter: fc.constantFrom(',', ';', '\t', '|'),
  newline: fc.constantFrom('\n', '\r\n'),
  quoteAll: fc.boolean(),
  encoding: fc.constantFrom('utf-8', 'utf-8-bom', 'windows-1252'),
  trailingEmptyColumns: fc.boolean(),
  lines: fc.array(line, { minLength: 1, maxLength: 25 }).map(resolve),
});

type FileSpec = typeof file extends fc.Arbitrary<infer T> ? T : never;

function serialise(f: FileSpec): { bytes: Uint8Array; dataLines: number; ascii: boolean } {
  const cells = (values: string[]) => {
    const all = f.trailingEmptyColumns ? [...values, '', ''] : values;
    return Papa.unparse([all], { delimiter: f.delimiter, newline: f.newline, quotes: f.quoteAll });
  };
  const out: string[] = [cells([...COLUMNS])];
  let dataLines = 0;
  for (const l of f.lines) {
    if (l.kind === 'blank') {
      out.push('');
      continue;
    }
    dataLines++;
    const r = l.r;
    const values = [l.kind === 'no-activity' ? '' : r.activity, r.title, l.kind === 'no-organisation' ? '' : r.organisation, r.role, r.city];
    // A ragged row has a value beyond the header (after any trailing empty columns).
    out.push(l.kind === 'ragged' ? Papa.unparse([[...values, ...(f.trailingEmptyColumns ? ['', ''] : []), l.extra]], { delimiter: f.delimiter, newline: f.newline, quotes: f.quoteAll }) : cells(values));
  }
  const csv = out.join(f.newline) + f.newline;
  const bytes =
    f.encoding === 'windows-1252'
      ? encodeCp1252(csv)
      : f.encoding === 'utf-8-bom'
        ? new TextEncoder().encode(`\uFEFF${csv}`)
        : new TextEncoder().encode(csv);
  return { bytes, dataLines, ascii: [...csv].every((c) => c.charCodeAt(0) < 0x80) };
}

/** What the builder does to a cell: surrounding spaces go, one formula-escaping apostrophe goes. */
const asRead = (v: string) => v.trim();

describe('random CSVs through the import pipeline', () => {
  it('account for every row and keep every value, in any separator, quoting and encoding', async () => {
    await fc.assert(
      fc.asyncProperty(file, async (f) => {
        const { bytes, dataLines, ascii } = serialise(f);
        const { outcome, plans, summaries } = await importFiles([input('random.csv', bytes)]);
        const { report, dataset } = outcome;
        expectInvariant(report);
        expect(report.rowsRead).toBe(dataLines);
        expect(plans[0]!.missing).toEqual([]);
        const table = summaries[0]!.tables[0]!;
        expect(table.delimiter).toBe(f.delimiter);
        // Pure ASCII is valid UTF-8 whatever it was saved as.
        expect(table.encoding).toBe(f.encoding === 'windows-1252' && ascii ? 'utf-8' : f.encoding);
        const rejected = f.lines.filter((l) => l.kind === 'no-activity' || l.kind === 'no-organisation').length;
        expect(report.rowsRejected).toBe(rejected);
        const repeats = f.lines.filter((l) => 'repeat' in l).length;
        expect(report.rowsMerged).toBeGreaterThanOrEqual(repeats);
        const ragged = f.lines.filter((l) => l.kind === 'ragged').length;
        expect(report.problems.filter((p) => p.code === 'ragged-row')).toHaveLength(ragged);
        // Every used row's values are in the dataset, unchanged.
        const orgs = new Map(dataset.organisations.map((o) => [o.id, o]));
        // Names equal up to case, spacing and punctuation are one organisation (canonical rule).
        const names = new Set(dataset.organisations.flatMap((o) => [o.name, ...o.aliases].map(normaliseName)));
        for (const l of f.lines) {
          if (l.kind !== 'row' && l.kind !== 'ragged') continue;
          expect(names.has(normaliseName(asRead(l.r.organisation)))).toBe(true);
          const activity = dataset.activities.find((a) => a.id === l.r.activity)!;
          expect(activity).toBeDefined();
          const p = dataset.participations.find((q) => q.activityId === l.r.activity && normaliseName(orgs.get(q.organisationId)!.name) === normaliseName(l.r.organisation));
          expect(p).toBeDefined();
          if (l.r.role) expect(p!.role!.split('; ')).toContain(l.r.role);
        }
        // The canonical writer and reader give back the same dataset.
        const again = parseCanonicalFiles([
          { name: 'o.csv', text: writeOrganisationsCsv(dataset) },
          { name: 'a.csv', text: writeActivitiesCsv(dataset) },
          { name: 'p.csv', text: writeParticipationsCsv(dataset) },
        ]);
        expectInvariant(again.report);
        expect(again.report.rowsRejected).toBe(0);
        // The canonical files carry the sector itself, so it reads back as given, not inferred.
        const given = ({ sectorInferred: _s, sectorReason: _r, ...o }: Organisation) => o;
        expect(again.dataset.organisations.map(given)).toEqual(dataset.organisations.map(given));
        expect(again.dataset.activities).toEqual(dataset.activities);
        expect(again.dataset.participations).toEqual(dataset.participations);
      }),
      { numRuns: 150 },
    );
  });

  it('round-trip any text value through the canonical writer and reader unchanged', () => {
    const anyText = fc.string({ minLength: 1, maxLength: 30 }).map((s) => s.trim()).filter((s) => normaliseName(s).length > 0);
    fc.assert(
      fc.property(fc.array(fc.tuple(anyText, anyText), { minLength: 1, maxLength: 10 }), (pairs) => {
        const rows = pairs.map(([title, organisation], i) => ({ activity_id: `a${i}`, activity_title: title, organisation }));
        const csv = Papa.unparse(rows.map((r) => ({ ...r, activity_title: /^'*[=+\-@]/.test(r.activity_title) ? `'${r.activity_title}` : r.activity_title, organisation: /^'*[=+\-@]/.test(r.organisation) ? `'${r.organisation}` : r.organisation })));
        const first = parseCanonicalFiles([{ name: 'p.csv', text: csv }]);
        expect(first.dataset.activities.map((a) => a.title)).toEqual(rows.map((r) => r.activity_title));
        const again = parseCanonicalFiles([
          { name: 'o.csv', text: writeOrganisationsCsv(first.dataset) },
          { name: 'a.csv', text: writeActivitiesCsv(first.dataset) },
          { name: 'p.csv', text: writeParticipationsCsv(first.dataset) },
        ]);
        expect(again.dataset.activities.map((a) => a.title)).toEqual(first.dataset.activities.map((a) => a.title));
        expect(again.dataset.organisations.map((o) => [o.name, o.aliases])).toEqual(first.dataset.organisations.map((o) => [o.name, o.aliases]));
      }),
      { numRuns: 200 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkValue, hasMarkup, LONG_VALUE, yearsIn } from '../../../src/data/import/values';

// The import's fast paths (an ISO date, an ordinary cell) must answer as the general rules do.
const YEAR = /(?<!\d)(19\d{2}|20\d{2}|2100)(?!\d)/g;
const generalYears = (v: string) => [...v.trim().matchAll(YEAR)].map((m) => Number(m[1]));

const generalProblems = (value: string, displayed: boolean) =>
  [
    value.length > LONG_VALUE ? 'long-value' : null,
    displayed && hasMarkup(value) ? 'markup-in-value' : null,
    /^[=+\-@]/.test(value) && !/^[+-]?[\d.,]+%?$/.test(value) ? 'formula-like' : null,
  ].filter(Boolean);

describe('cell values', () => {
  it('reads the year of an ISO date as the general year rule does', () => {
    const digits = (n: number) => fc.stringMatching(new RegExp(`^\\d{${n}}$`));
    fc.assert(
      fc.property(digits(4), digits(2), digits(2), (y, m, d) => {
        const iso = `${y}-${m}-${d}`;
        expect(yearsIn(iso)).toEqual(generalYears(iso));
      }),
    );
    expect(yearsIn('2016-12-01')).toEqual([2016]);
    expect(yearsIn('1850-01-01')).toEqual([]);
    expect(yearsIn(' 2100-01-01 ')).toEqual([2100]);
    expect(yearsIn('2101-01-01')).toEqual([]);
  });

  it('finds the same problems in any value as the general checks', () => {
    const value = fc.oneof(
      fc.string(),
      fc.constantFrom('=SUM(A1)', '+31 70 123', '-12,5', '@home', 'javascript:alert(1)', '<b>x</b>', 'a < b', 'x'.repeat(LONG_VALUE + 1), 'https://x.nl'),
    );
    fc.assert(
      fc.property(value, fc.boolean(), (v, displayed) => {
        expect(checkValue(v, 'f.csv', 2, 'c', displayed).map((p) => p.code)).toEqual(generalProblems(v, displayed));
      }),
    );
  });
});

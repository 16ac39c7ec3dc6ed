import { describe, expect, it } from 'vitest';
import { filterRows, foldText, sortIndices, type Column } from '../../../src/ui/tables/model';
import { computeWindow, scrollOffsetFor } from '../../../src/ui/tables/windowing';
import { formatMetric } from '../../../src/ui/tables/format';

interface R {
  name: string;
  city?: string;
  score: number | null;
}
const rows: R[] = [
  { name: 'Zorgcoöperatie Hoeksche Waard', city: 'Oud-Beijerland', score: 0.2 },
  { name: 'Gemeente Den Haag', city: 'Den Haag', score: null },
  { name: 'ÉÉN Zorg', score: 3 },
  { name: 'apotheek', city: 'Delft', score: 0.2 },
];
const columns: Column<R>[] = [
  { id: 'name', header: 'Name', accessor: (r) => r.name },
  { id: 'city', header: 'City', accessor: (r) => r.city },
  { id: 'score', header: 'Score', accessor: (r) => r.score, numeric: true },
];

describe('text filter', () => {
  it('folds case and accents', () => {
    expect(foldText('  Zorgcoöperatie   ÉÉN ')).toBe('zorgcooperatie een');
  });

  it('matches every word in any text column, ignoring case and accents, not numbers', () => {
    expect(filterRows(rows, columns, 'cooperatie')).toEqual([0]);
    expect(filterRows(rows, columns, 'een ZORG')).toEqual([2]);
    expect(filterRows(rows, columns, 'den haag')).toEqual([1]);
    expect(filterRows(rows, columns, 'delft apotheek')).toEqual([3]);
    expect(filterRows(rows, columns, '0.2')).toEqual([]);
    expect(filterRows(rows, columns, '   ')).toEqual([0, 1, 2, 3]);
  });
});

describe('sorting', () => {
  const all = [0, 1, 2, 3];
  it('sorts text by the language, numbers numerically, empties last in both directions, stably', () => {
    expect(sortIndices(rows, all, columns[0], 'ascending')).toEqual([3, 2, 1, 0]);
    expect(sortIndices(rows, all, columns[2], 'ascending')).toEqual([0, 3, 2, 1]);
    expect(sortIndices(rows, all, columns[2], 'descending')).toEqual([2, 0, 3, 1]);
    expect(sortIndices(rows, all, columns[1], 'descending')).toEqual([0, 1, 3, 2]);
  });

  it('uses a column comparator when given', () => {
    const byLength: Column<R> = { id: 'len', header: 'Len', accessor: (r) => r.name, compare: (a, b) => a.name.length - b.name.length };
    expect(sortIndices(rows, all, byLength, 'ascending')).toEqual([2, 3, 1, 0]);
  });
});

describe('windowing', () => {
  it('renders the visible rows plus overscan, with spacers for the rest', () => {
    const w = computeWindow({ count: 17000, rowHeight: 30, scrollTop: 30000, viewportHeight: 600, overscan: 5 });
    expect(w.start).toBe(995);
    expect(w.end).toBe(1025);
    expect(w.padTop).toBe(995 * 30);
    expect(w.padBottom).toBe((17000 - 1025) * 30);
    expect(w.end - w.start).toBeLessThan(40);
  });

  it('clamps at both ends and handles empty tables', () => {
    expect(computeWindow({ count: 0, rowHeight: 30, scrollTop: 0, viewportHeight: 600 })).toEqual({ start: 0, end: 0, padTop: 0, padBottom: 0 });
    const top = computeWindow({ count: 10, rowHeight: 30, scrollTop: -50, viewportHeight: 600 });
    expect([top.start, top.end, top.padTop, top.padBottom]).toEqual([0, 10, 0, 0]);
    const past = computeWindow({ count: 100, rowHeight: 30, scrollTop: 99999, viewportHeight: 300, overscan: 2 });
    expect(past.end).toBe(100);
    expect(past.start).toBeGreaterThan(90);
  });

  it('scrolls a row into view with the least movement, below a sticky header', () => {
    const base = { rowHeight: 30, viewportHeight: 330, headerHeight: 30 };
    expect(scrollOffsetFor(0, { ...base, scrollTop: 0 })).toBe(0);
    expect(scrollOffsetFor(5, { ...base, scrollTop: 0 })).toBe(0);
    expect(scrollOffsetFor(10, { ...base, scrollTop: 0 })).toBe(30);
    expect(scrollOffsetFor(100, { ...base, scrollTop: 0 })).toBe(100 * 30 + 60 - 330);
    expect(scrollOffsetFor(3, { ...base, scrollTop: 3000 })).toBe(90);
  });
});

describe('a measure in a cell', () => {
  it('three significant digits below 1, two decimals from 1 up, rounding noise as 0', () => {
    expect(formatMetric(0.000123456, 'nl')).toBe('0,000123');
    expect(formatMetric(2.5e-11, 'en')).toBe('0.000000000025');
    expect(formatMetric(12.3456, 'en')).toBe('12.35');
    // Commissie Werken in de Zorg's hierarchy on the built-in data: exactly 0, computed as 1.15e-16.
    expect(formatMetric(1.1534342466580208e-16, 'nl')).toBe('0');
    expect(formatMetric(-3e-17, 'en')).toBe('0');
    expect(formatMetric(null, 'en')).toBe('–');
  });
});

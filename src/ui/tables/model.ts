import type { ReactNode } from 'react';

export type CellValue = string | number | boolean | null | undefined;

/** How one column of a DataTable gets, shows, sorts and explains its value. */
export interface Column<Row> {
  id: string;
  header: string;
  /** One line explaining the column; the header's tooltip and accessible description. */
  description?: string;
  /** The raw value (what sorting and the CSV use). */
  accessor: (row: Row) => CellValue;
  /** Display text; defaults to the value as text ("–" when empty). The text filter searches it. */
  format?: (value: CellValue, row: Row) => string;
  /** Rich cell content (e.g. a colour swatch); the formatted text stays the tooltip. */
  render?: (row: Row) => ReactNode;
  /** Sort comparator for ascending order; defaults to comparing the accessor values. */
  compare?: (a: Row, b: Row) => number;
  /** Numbers: right-aligned, first click sorts descending, not searched by the text filter. */
  numeric?: boolean;
  /** Whether the text filter searches this column; default: every non-numeric column. */
  filterable?: boolean;
  /** Column width in pixels (the table has a fixed layout). */
  width?: number;
}

export type SortDirection = 'ascending' | 'descending';
export interface SortState {
  column: string;
  direction: SortDirection;
}

/** Lower case, accents removed, whitespace collapsed: "Zorg  Coöperatie" → "zorg cooperatie". */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

export function isEmpty(value: CellValue): value is null | undefined | '' {
  return value === null || value === undefined || value === '' || (typeof value === 'number' && Number.isNaN(value));
}

export function cellText<Row>(column: Column<Row>, row: Row): string {
  const value = column.accessor(row);
  if (column.format) return column.format(value, row);
  return isEmpty(value) ? '–' : String(value);
}

/** The folded text of every filterable column per row, computed once per rows and columns. */
export function buildHaystacks<Row>(rows: readonly Row[], columns: readonly Column<Row>[]): string[] {
  const searched = columns.filter((c) => c.filterable ?? !c.numeric);
  return rows.map((row) => foldText(searched.map((c) => cellText(c, row)).join(' \u0001 ')));
}

/**
 * Indices of the rows whose haystack contains every word of the query (accent- and
 * case-insensitive), in their original order. An empty query keeps every row.
 */
export function matchingIndices(haystacks: readonly string[], query: string): number[] {
  const words = foldText(query).split(' ').filter(Boolean);
  const out: number[] = [];
  for (let i = 0; i < haystacks.length; i++) {
    const h = haystacks[i]!;
    if (words.every((w) => h.includes(w))) out.push(i);
  }
  return out;
}

/** `matchingIndices` over freshly built haystacks. */
export function filterRows<Row>(rows: readonly Row[], columns: readonly Column<Row>[], query: string): number[] {
  return matchingIndices(buildHaystacks(rows, columns), query);
}

const collators = new Map<string, Intl.Collator>();
function collator(lang: string): Intl.Collator {
  let c = collators.get(lang);
  if (!c) collators.set(lang, (c = new Intl.Collator(lang, { sensitivity: 'base', numeric: true })));
  return c;
}

/** Compares two raw values in ascending order: numbers numerically, text by the language's rules. */
export function compareValues(a: CellValue, b: CellValue, lang = 'nl'): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return a === b ? 0 : a ? -1 : 1;
  return collator(lang).compare(String(a), String(b));
}

/**
 * Sorts row indices by a column. Empty values always go last, whatever the direction; equal
 * values keep their original order (the sort is stable).
 */
export function sortIndices<Row>(
  rows: readonly Row[],
  indices: readonly number[],
  column: Column<Row> | undefined,
  direction: SortDirection,
  lang = 'nl',
): number[] {
  if (!column) return [...indices];
  const sign = direction === 'ascending' ? 1 : -1;
  const values = new Map<number, CellValue>();
  for (const i of indices) values.set(i, column.accessor(rows[i]!));
  return [...indices].sort((i, j) => {
    const a = values.get(i);
    const b = values.get(j);
    const ea = isEmpty(a);
    const eb = isEmpty(b);
    if (ea || eb) return ea === eb ? i - j : ea ? 1 : -1;
    const c = column.compare ? column.compare(rows[i]!, rows[j]!) : compareValues(a, b, lang);
    return c !== 0 ? sign * c : i - j;
  });
}

/** The direction of a first click on a column header: numbers high to low, text A to Z. */
export function firstDirection<Row>(column: Column<Row>): SortDirection {
  return column.numeric ? 'descending' : 'ascending';
}

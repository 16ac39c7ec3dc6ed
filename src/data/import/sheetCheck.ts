/**
 * A look at a workbook's sheets before read-excel-file reads them. That library gives every sheet
 * as a full grid: it inserts an empty row for every row number skipped and pads every row to the
 * rightmost cell with a value. One cell far out (XFD1048576, or a reference such as ZZZZZZZ4 that
 * Excel never writes) therefore makes it allocate billions of slots, and the tab's or the command
 * line's memory runs out: the whole page goes blank. A 1.6 KB file was enough.
 *
 * So each sheet's XML is unpacked here first (fflate, which read-excel-file itself uses; the ZIP
 * check has already bounded what it may unpack) and its cell references are read with a byte scan,
 * without parsing the XML. A reference beyond Excel's last cell, or a grid larger than
 * SHEET_CELL_LIMIT, is refused with the sheet and the cell named.
 */
import { unzipSync } from 'fflate';

/** Excel's last column (XFD) and row. */
export const EXCEL_MAX_COLUMNS = 16_384;
export const EXCEL_MAX_ROWS = 1_048_576;
/**
 * Rows × columns of the grid read-excel-file makes of one sheet (a slot each, then a string each):
 * about 1 GB of memory at this size, and ten times the 144,726 × 18 cells of all of CORDIS H2020.
 */
export const SHEET_CELL_LIMIT = 30_000_000;

export type SheetVerdict =
  | { ok: true }
  | { ok: false; variant: 'beyond-excel'; params: { sheet: string; cell: string } }
  | {
      ok: false;
      /** `-one-cell`: the last row and the last column meet in one cell (its words name it once). */
      variant: 'too-many-cells' | 'too-many-cells-one-cell';
      params: { sheet: string; rowCell: string; columnCell: string; strayCells: string; rows: number; columns: number; cells: number; limit: number };
    };

/** Where the values of one sheet reach: the last row and column holding a value, and that cell. */
export interface SheetExtent {
  rows: number;
  columns: number;
  /** A cell on the last row, and one in the last column, as written. */
  rowCell: string;
  columnCell: string;
  /** A reference beyond Excel's last cell (or one that is no reference at all), as written. */
  beyond?: string;
}

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const QUOTE = 0x22;
const APOSTROPHE = 0x27;
const COLON = 0x3a;
const EQUALS = 0x3d;
const isSpace = (b: number) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;
const decoder = new TextDecoder();

const DOLLAR = 0x24;

/**
 * Column and row of the reference in bytes `start`–`end` ("AB12", "$AB$12"), read from the bytes
 * (a million cells: no string for each); 0, 0 when it is not one. A row alone ("12") has column 0.
 */
function readReference(xml: Uint8Array, start: number, end: number): { column: number; row: number } {
  let k = start;
  if (xml[k] === DOLLAR) k++;
  let column = 0;
  let letters = 0;
  for (; k < end && letters <= 10; k++, letters++) {
    // Upper case only: read-excel-file reads "a4" as column 33 (the values then land far to the
    // right of their header), so a lower-case reference is no reference it can be trusted with.
    const b = xml[k]!;
    if (b < 0x41 || b > 0x5a) break;
    column = column * 26 + (b - 0x40);
  }
  if (letters > 0 && xml[k] === DOLLAR) k++;
  let row = 0;
  let digits = 0;
  for (; k < end && digits <= 15; k++, digits++) {
    const b = xml[k]!;
    if (b < 0x30 || b > 0x39) break;
    row = row * 10 + (b - 0x30);
  }
  return k === end && letters <= 10 && digits > 0 && digits <= 15 ? { column, row } : { column: 0, row: 0 };
}

/**
 * The extent of a sheet's XML (SpreadsheetML `sheet*.xml`): every `<c>` element that is not empty
 * (`<c r="B2" s="1"/>` holds only a format) counts, and every `<row r>` number is checked.
 */
export function sheetExtent(xml: Uint8Array): SheetExtent {
  const extent: SheetExtent = { rows: 0, columns: 0, rowCell: '', columnCell: '' };
  const text = (from: number, to: number) => decoder.decode(xml.subarray(from, Math.min(to, from + 40)));
  // Where the references of the cells on the last row and in the last column are (decoded at the end).
  let rowCellAt = [0, 0];
  let columnCellAt = [0, 0];
  const n = xml.length;
  for (let i = 0; i < n; i++) {
    if (xml[i] !== LT || xml[i + 1] === SLASH) continue;
    // The element's name, without a namespace prefix ("x:c").
    let j = i + 1;
    let nameStart = j;
    while (j < n && !isSpace(xml[j]!) && xml[j] !== GT && xml[j] !== SLASH) {
      if (xml[j] === COLON) nameStart = j + 1;
      j++;
    }
    const length = j - nameStart;
    const isCell = length === 1 && xml[nameStart] === 0x63; // c
    const isRow = length === 3 && xml[nameStart] === 0x72 && xml[nameStart + 1] === 0x6f && xml[nameStart + 2] === 0x77; // row
    if (!isCell && !isRow) continue;
    // Its attributes, up to the end of the tag: name, "=", quoted value (which may hold ">").
    let refStart = -1;
    let refEnd = -1;
    while (j < n && xml[j] !== GT) {
      if (isSpace(xml[j]!) || xml[j] === SLASH) {
        j++;
        continue;
      }
      const attrStart = j;
      while (j < n && xml[j] !== EQUALS && xml[j] !== GT && !isSpace(xml[j]!)) j++;
      const isR = j - attrStart === 1 && xml[attrStart] === 0x72; // r
      while (j < n && isSpace(xml[j]!)) j++;
      if (xml[j] !== EQUALS) continue;
      j++;
      while (j < n && isSpace(xml[j]!)) j++;
      const quote = xml[j];
      if (quote !== QUOTE && quote !== APOSTROPHE) continue;
      const close = xml.indexOf(quote, j + 1);
      if (close < 0) return extent;
      if (isR) [refStart, refEnd] = [j + 1, close];
      j = close + 1;
    }
    const empty = xml[j - 1] === SLASH;
    i = j;
    if (refStart < 0) continue;
    const { column, row } = readReference(xml, refStart, refEnd);
    if (isRow) {
      if (column !== 0 || row === 0 || row > EXCEL_MAX_ROWS) return { ...extent, beyond: `<row r="${text(refStart, refEnd)}">` };
      continue;
    }
    if (column === 0 || column > EXCEL_MAX_COLUMNS || row === 0 || row > EXCEL_MAX_ROWS) return { ...extent, beyond: text(refStart, refEnd) };
    if (empty) continue;
    if (row > extent.rows) {
      extent.rows = row;
      rowCellAt = [refStart, refEnd];
    }
    if (column > extent.columns) {
      extent.columns = column;
      columnCellAt = [refStart, refEnd];
    }
  }
  extent.rowCell = text(rowCellAt[0]!, rowCellAt[1]!);
  extent.columnCell = text(columnCellAt[0]!, columnCellAt[1]!);
  return extent;
}

/**
 * The part each relation of the workbook points to, by relation id, resolved as read-excel-file
 * resolves it: "/x" is "x", anything else is under "xl/" ("../s.xml" is the part "xl/../s.xml").
 */
function relationTargets(parts: Record<string, Uint8Array>): Map<string, string> {
  const targets = new Map<string, string>();
  const relations = parts['xl/_rels/workbook.xml.rels'];
  if (!relations) return targets;
  for (const m of decoder.decode(relations).matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]*)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]*)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  return targets;
}

/** Sheet names by part ("xl/worksheets/sheet1.xml" → "Blad1"), from the workbook and its relations. */
function sheetNames(parts: Record<string, Uint8Array>): Map<string, string> {
  const names = new Map<string, string>();
  const workbook = parts['xl/workbook.xml'];
  const targets = relationTargets(parts);
  if (!workbook || !targets.size) return names;
  for (const m of decoder.decode(workbook).matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const id = /\br:id="([^"]*)"/.exec(m[0])?.[1];
    const part = id && targets.get(id);
    if (name && part) names.set(part, name);
  }
  return names;
}

/** Every sheet of a workbook (the bytes of an .xlsx that passed the ZIP check), checked as above. */
export function checkSheets(bytes: Uint8Array): SheetVerdict {
  let parts: Record<string, Uint8Array>;
  try {
    // First the workbook and its relations: they say where the sheets are. read-excel-file reads a
    // sheet wherever they point, so a sheet outside xl/worksheets/ is checked too.
    const index = unzipSync(bytes, { filter: (f) => f.name === 'xl/workbook.xml' || f.name === 'xl/_rels/workbook.xml.rels' });
    const pointedTo = new Set(relationTargets(index).values());
    parts = { ...index, ...unzipSync(bytes, { filter: (f) => pointedTo.has(f.name) || /^xl\/worksheets\/[^/]+\.xml$/.test(f.name) }) };
  } catch {
    // Not unpackable here: read-excel-file says why, in its own words.
    return { ok: true };
  }
  const names = sheetNames(parts);
  for (const [part, xml] of Object.entries(parts)) {
    // Every part a relation points to (sheets, and shared strings or styles, which hold no cells).
    if (part === 'xl/workbook.xml' || part === 'xl/_rels/workbook.xml.rels') continue;
    const sheet = names.get(part) ?? part;
    const extent = sheetExtent(xml);
    if (extent.beyond !== undefined) return { ok: false, variant: 'beyond-excel', params: { sheet, cell: extent.beyond } };
    const cells = extent.rows * extent.columns;
    if (cells > SHEET_CELL_LIMIT) {
      const { rows, columns, rowCell, columnCell } = extent;
      const oneCell = rowCell === columnCell;
      const strayCells = oneCell ? rowCell : `${rowCell}, ${columnCell}`;
      return { ok: false, variant: oneCell ? 'too-many-cells-one-cell' : 'too-many-cells', params: { sheet, rowCell, columnCell, strayCells, rows, columns, cells, limit: SHEET_CELL_LIMIT } };
    }
  }
  return { ok: true };
}

import { importProblem } from '../problemWords';
import type { ImportProblem } from '../report';
import { byteOrderMark } from './decode';

/**
 * What a file is, judged by its first bytes (content beats the extension: a workbook renamed
 * `.csv` is still read as a workbook, a PNG renamed `.csv` is refused with a specific message).
 */
export type FileKind =
  | 'empty'
  | 'xlsx'
  | 'ole'
  | 'pdf'
  | 'image'
  | 'binary'
  | 'utf-32'
  | 'utf-16-no-bom'
  | 'graphml'
  | 'html'
  | 'not-workbook'
  | 'json'
  | 'gexf'
  | 'text';

export const SNIFF_BYTES = 8192;

const startsWith = (head: Uint8Array, bytes: readonly number[]) => bytes.every((b, i) => head[i] === b);

export function extensionOf(name: string): string {
  const m = /\.([a-z0-9]+)$/i.exec(name);
  return m ? m[1]!.toLowerCase() : '';
}

export function sniffFile(name: string, size: number, head: Uint8Array): FileKind {
  if (size === 0) return 'empty';
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return 'xlsx';
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0])) return 'ole';
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46])) return 'pdf';
  if (
    startsWith(head, [0x89, 0x50, 0x4e, 0x47]) ||
    startsWith(head, [0xff, 0xd8, 0xff]) ||
    startsWith(head, [0x47, 0x49, 0x46, 0x38])
  )
    return 'image';
  // UTF-32's byte-order mark starts like UTF-16's: read as UTF-16 it gave names full of NULs.
  if (startsWith(head, [0xff, 0xfe, 0, 0]) || startsWith(head, [0, 0, 0xfe, 0xff])) return 'utf-32';
  const bom = byteOrderMark(head);
  if (!bom && looksLikeUtf16(head)) return 'utf-16-no-bom';
  if (bom !== 'utf-16le' && bom !== 'utf-16be' && looksBinary(head)) return 'binary';
  const ext = extensionOf(name);
  if (ext === 'json') return 'json';
  if (ext === 'gexf') return 'gexf';
  if (ext === 'graphml') return 'graphml';
  // A `.txt` or extension-less export may still be one of the app's own documents; so may a file
  // renamed `.csv`, when it opens as no table can: a JSON object's first key, or XML.
  const start = firstText(head, bom);
  const table = ext === 'csv' || ext === 'tsv';
  if (table ? /^\{\s*"/.test(start) : start.startsWith('{')) return 'json';
  if (start.startsWith('<') && /<gexf[\s>]/.test(start)) return 'gexf';
  if (start.startsWith('<') && /<graphml[\s>]/.test(start)) return 'graphml';
  // Many systems' "export to Excel" writes a web page or Excel 2003's XML and names it .xls.
  if (/^<(?:!doctype\s+html|html[\s>]|table[\s>]|head[\s>]|body[\s>])/i.test(start)) return 'html';
  if (/^<\?xml[^>]*>\s*(?:<\?mso-application[^>]*Excel\.Sheet|<(?:ss:)?Workbook[\s>])/i.test(start)) return 'ole';
  // Text named as a workbook is read as a table when its first line has columns (a TSV saved as
  // .xls), and refused when it has none: it went to the mapping step as one column of prose.
  if (WORKBOOK_EXTENSIONS.has(ext) && !/[,;\t|]/.test(start.split(/\r?\n|\r/, 1)[0]!)) return 'not-workbook';
  return 'text';
}

/** Extensions of spreadsheet workbooks. */
export const WORKBOOK_EXTENSIONS: ReadonlySet<string> = new Set(['xlsx', 'xlsm', 'xls', 'xlsb', 'ods']);

/**
 * Text in UTF-16 without a byte-order mark: every other byte NUL (the high byte of Latin text), on
 * one side only, and the other bytes printable text. Taken for binary data before, with a message
 * that did not help. At least 8 characters, so a few bytes of a binary header are not taken for it.
 */
function looksLikeUtf16(head: Uint8Array): boolean {
  const pairs = Math.floor(head.length / 2);
  if (pairs < 8) return false;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < 2 * pairs; i += 2) {
    if (head[i] === 0) evenNul++;
    if (head[i + 1] === 0) oddNul++;
  }
  const low = oddNul > evenNul ? 0 : 1;
  const [many, few] = low === 0 ? [oddNul, evenNul] : [evenNul, oddNul];
  if (many < 0.3 * pairs || few > 0.05 * pairs) return false;
  // Where the high byte is NUL, the low byte is a printable ASCII character or a line break or tab.
  let text = 0;
  let latin = 0;
  for (let i = 0; i < 2 * pairs; i += 2) {
    if (head[i + 1 - low] !== 0) continue;
    latin++;
    const b = head[i + low]!;
    if ((b >= 0x20 && b < 0x7f) || b === 0x09 || b === 0x0a || b === 0x0d) text++;
  }
  return text >= 0.9 * latin;
}

/** A control byte that no text in a byte-oriented encoding holds (tab, line breaks and form feed do). */
const isControlByte = (b: number) => b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c;

/** NUL bytes or many control characters mean this is not text in a byte-oriented encoding. */
function looksBinary(head: Uint8Array): boolean {
  let control = 0;
  for (const b of head) {
    if (b === 0) return true;
    if (isControlByte(b)) control++;
  }
  return head.length > 0 && control / head.length > 0.1;
}

/**
 * Where the binary data starts in a file refused as binary: its first NUL byte, or else its first
 * other control byte, by line and column (characters of UTF-8 text: continuation bytes are not
 * counted), so that a text file with one stray byte can be mended in an editor.
 */
export function firstBinaryByte(head: Uint8Array): { line: number; column: number; byte: string } | undefined {
  let at = head.indexOf(0);
  if (at < 0) at = head.findIndex(isControlByte);
  if (at < 0) return undefined;
  let line = 1;
  let column = 1;
  for (let i = 0; i < at; i++) {
    const b = head[i]!;
    if (b === 0x0a) {
      line++;
      column = 1;
    } else if ((b & 0xc0) !== 0x80) column++;
  }
  return { line, column, byte: `0x${head[at]!.toString(16).padStart(2, '0')}` };
}

function firstText(head: Uint8Array, bom: ReturnType<typeof byteOrderMark>): string {
  const label = bom === 'utf-16le' || bom === 'utf-16be' ? bom : 'utf-8';
  return new TextDecoder(label).decode(head).replace(/^\uFEFF/, '').trimStart().slice(0, 400);
}

/**
 * Why a file of this kind is no table at all (empty, an old Office file, a PDF, an image, binary
 * data: where it starts, given the file's first bytes), or undefined for the kinds that are read.
 * Used by the importer (readSource.ts) and for the small CSVs (textFile.ts).
 */
export function notATable(kind: FileKind, name: string, head?: Uint8Array): ImportProblem | undefined {
  const refusal = REFUSALS.get(kind);
  if (!refusal) return undefined;
  const where = kind === 'binary' && head ? firstBinaryByte(head) : undefined;
  if (where) return importProblem({ file: name, severity: 'error' }, refusal.code, { name, ...where }, 'at');
  return importProblem({ file: name, severity: 'error' }, refusal.code, refusal.named ? { name } : {});
}

/** The kinds that are refused, with their problem code (and whether its words name the file). */
const REFUSALS: ReadonlyMap<FileKind, { code: string; named: boolean }> = new Map([
  ['empty', { code: 'empty-file', named: false }],
  ['ole', { code: 'old-office-file', named: false }],
  ['pdf', { code: 'pdf-file', named: true }],
  ['image', { code: 'image-file', named: true }],
  ['binary', { code: 'binary-file', named: true }],
  ['utf-32', { code: 'utf-32-file', named: true }],
  ['utf-16-no-bom', { code: 'utf-16-without-bom', named: true }],
  ['graphml', { code: 'graphml-file', named: true }],
  ['html', { code: 'html-file', named: true }],
  ['not-workbook', { code: 'not-a-workbook', named: true }],
]);

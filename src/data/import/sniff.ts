import { importProblem } from '../problemWords';
import type { ImportProblem, ProblemParams } from '../report';
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
  const bom = byteOrderMark(head);
  if (bom !== 'utf-16le' && bom !== 'utf-16be' && looksBinary(head)) return 'binary';
  const ext = extensionOf(name);
  if (ext === 'json') return 'json';
  if (ext === 'gexf') return 'gexf';
  // A `.txt` or extension-less export may still be one of the app's own documents.
  if (ext !== 'csv' && ext !== 'tsv') {
    const start = firstText(head, bom);
    if (start.startsWith('{')) return 'json';
    if (start.startsWith('<') && /<gexf[\s>]/.test(start)) return 'gexf';
  }
  return 'text';
}

/** NUL bytes or many control characters mean this is not text in a byte-oriented encoding. */
function looksBinary(head: Uint8Array): boolean {
  let control = 0;
  for (const b of head) {
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return head.length > 0 && control / head.length > 0.1;
}

function firstText(head: Uint8Array, bom: ReturnType<typeof byteOrderMark>): string {
  const label = bom === 'utf-16le' || bom === 'utf-16be' ? bom : 'utf-8';
  return new TextDecoder(label).decode(head).replace(/^\uFEFF/, '').trimStart().slice(0, 400);
}

/**
 * Why a file of this kind is no table at all (empty, an old Office file, a PDF, an image, binary
 * data), or undefined for the kinds that are read. Used by the importer (readSource.ts) and for
 * the small CSVs (textFile.ts).
 */
export function notATable(kind: FileKind, name: string): ImportProblem | undefined {
  const refuse = (code: string, params: ProblemParams = {}) => importProblem({ file: name, severity: 'error' }, code, params);
  switch (kind) {
    case 'empty':
      return refuse('empty-file');
    case 'ole':
      return refuse('old-office-file');
    case 'pdf':
      return refuse('pdf-file', { name });
    case 'image':
      return refuse('image-file', { name });
    case 'binary':
      return refuse('binary-file', { name });
    default:
      return undefined;
  }
}

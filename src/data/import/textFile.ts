import { importProblem } from '../problemWords';
import type { ImportProblem } from '../report';
import { decodeBytes, type TextEncodingName } from './decode';
import { notATable, sniffFile, SNIFF_BYTES } from './sniff';
import { megabytes } from './zipCheck';

/**
 * A small CSV chosen for one purpose (a worklist, a what-if scenario, sector corrections), read as
 * the importer reads its files: judged by its first bytes (an image, PDF, workbook or Bruggen
 * document is refused by name, not parsed into nonsense), then decoded strictly as UTF-8, as UTF-16
 * by its byte-order mark, or else as Windows-1252 (Excel's "CSV" on Windows), which is said.
 * Before, these files were read with `File.text()` and `readFile(…, 'utf8')`: Windows-1252 names
 * came out with replacement characters, and a PNG gave "needs the columns …".
 */
export type TextFile =
  | { ok: true; text: string; encoding: TextEncodingName; problems: ImportProblem[] }
  | { ok: false; problem: ImportProblem };

export function readTextFile(bytes: Uint8Array, name: string): TextFile {
  const head = bytes.subarray(0, SNIFF_BYTES);
  const kind = sniffFile(name, bytes.length, head);
  const refused = notATable(kind, name, head);
  if (refused) return { ok: false, problem: refused };
  if (kind === 'xlsx' || kind === 'json' || kind === 'gexf') {
    return { ok: false, problem: importProblem({ file: name, severity: 'error' }, 'csv-needed', { name }, kind === 'xlsx' ? 'workbook' : 'document') };
  }
  const { text, encoding } = decodeBytes(bytes);
  const problems = encoding === 'windows-1252' ? [importProblem({ file: name, severity: 'info' }, 'encoding-fallback')] : [];
  return { ok: true, text, encoding, problems };
}

/**
 * The largest worklist, what-if or corrections file the app reads. These files hold rows a person
 * wrote or Bruggen exported (a few thousand at most), are read on the page's own thread and kept
 * in the browser's storage (about 5 MB for everything). Reading a 51 MB scenario took 3.1 s (in
 * Node), and it could not be stored anyway; such a file is refused before its bytes are read.
 */
export const SMALL_CSV_MAX_BYTES = 5 * 1024 * 1024;

/** Why a small CSV of `bytes` cannot be read by the app, or undefined when it can. */
export function smallCsvSizeProblem(name: string, bytes: number): ImportProblem | undefined {
  if (bytes <= SMALL_CSV_MAX_BYTES) return undefined;
  return importProblem({ file: name, severity: 'error' }, 'small-csv-too-large', { name, size: megabytes(bytes), limit: megabytes(SMALL_CSV_MAX_BYTES) });
}

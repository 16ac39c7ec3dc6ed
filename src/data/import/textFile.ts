import { importProblem } from '../problemWords';
import type { ImportProblem } from '../report';
import { decodeBytes, type TextEncodingName } from './decode';
import { notATable, sniffFile, SNIFF_BYTES } from './sniff';

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

/**
 * Bytes → text. UTF-8 is tried strictly (an invalid byte throws); when that fails the file is
 * read as Windows-1252, which is what Excel on Windows writes for "CSV" and which can decode
 * any byte. UTF-16 is recognised by its byte-order mark (Excel's "Unicode text"). The encoding
 * used is always reported, because a wrong guess shows up as odd characters in names.
 */
export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export const ENCODING_LABELS: Record<TextEncodingName, string> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8 with byte-order mark',
  'utf-16le': 'UTF-16 (little-endian)',
  'utf-16be': 'UTF-16 (big-endian)',
  'windows-1252': 'Windows-1252 (Western European)',
};

/** Windows-1252's characters for bytes 0x80–0x9F (undefined bytes stay as their C1 code). Some
 * runtimes (Node before 23) decode the label "windows-1252" as plain Latin-1, so these are
 * mapped here rather than trusting TextDecoder. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
export const fixCp1252 = (latin1: string) => latin1.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

export function byteOrderMark(head: Uint8Array): TextEncodingName | undefined {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8-bom';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** Decodes a whole byte array (small files, Node scripts, tests). */
export function decodeBytes(bytes: Uint8Array): DecodedText {
  const bom = byteOrderMark(bytes);
  if (bom === 'utf-16le' || bom === 'utf-16be') return { text: new TextDecoder(bom).decode(bytes), encoding: bom };
  try {
    // TextDecoder drops a UTF-8 byte-order mark itself.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: bom ?? 'utf-8' };
  } catch {
    return { text: fixCp1252(new TextDecoder('windows-1252').decode(bytes)), encoding: 'windows-1252' };
  }
}

export interface DecodeOptions {
  sliceSize?: number;
  onProgress?: (loaded: number, total: number) => void;
  isCancelled?: () => boolean;
}

/**
 * Decodes a Blob slice by slice, awaiting between slices so progress can be posted and a cancel
 * message received. Resolves to undefined when cancelled.
 */
export async function decodeBlob(blob: Blob, options: DecodeOptions = {}): Promise<DecodedText | undefined> {
  const sliceSize = options.sliceSize ?? 8 << 20;
  const head = new Uint8Array(await blob.slice(0, 4).arrayBuffer());
  const bom = byteOrderMark(head);
  const attempt = async (label: string, fatal: boolean): Promise<string | undefined> => {
    const decoder = new TextDecoder(label, { fatal });
    const parts: string[] = [];
    for (let start = 0; start < blob.size; start += sliceSize) {
      if (options.isCancelled?.()) return undefined;
      const bytes = new Uint8Array(await blob.slice(start, start + sliceSize).arrayBuffer());
      parts.push(decoder.decode(bytes, { stream: true }));
      options.onProgress?.(Math.min(blob.size, start + sliceSize), blob.size);
    }
    parts.push(decoder.decode());
    return parts.join('');
  };
  if (bom === 'utf-16le' || bom === 'utf-16be') {
    const text = await attempt(bom, false);
    return text === undefined ? undefined : { text, encoding: bom };
  }
  try {
    const text = await attempt('utf-8', true);
    return text === undefined ? undefined : { text, encoding: bom ?? 'utf-8' };
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    const text = await attempt('windows-1252', false);
    return text === undefined ? undefined : { text: fixCp1252(text), encoding: 'windows-1252' };
  }
}

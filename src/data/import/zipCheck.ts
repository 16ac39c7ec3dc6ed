/**
 * A look at a ZIP archive's table of contents (the central directory) before anything is inflated:
 * a workbook whose parts claim to unpack to gigabytes, or far more than data compresses, is
 * refused, instead of being inflated in full before failing. The unzipper (fflate, through
 * read-excel-file) sizes its output by these same declared sizes, so what passes here bounds what
 * unpacking can allocate.
 */

/** All parts together may unpack to at most this (bytes). */
export const ZIP_TOTAL_LIMIT = 1024 * 1024 * 1024;
/** One part may unpack to at most this. */
export const ZIP_ENTRY_LIMIT = 512 * 1024 * 1024;
/** Above this unpacked size a part's compression ratio is checked… */
export const ZIP_RATIO_FLOOR = 16 * 1024 * 1024;
/** …and may be at most this. Spreadsheet XML packs 10–50×, deflate's maximum is about 1,030×. */
export const ZIP_RATIO_LIMIT = 250;
/** A workbook has tens of parts; a ZIP with more than this is not one. */
export const ZIP_ENTRY_COUNT_LIMIT = 20_000;

export type ZipVerdict =
  | { ok: true; entries: number; unpacked: number }
  | { ok: false; variant: 'total' | 'entry-size' | 'ratio' | 'entries' | 'structure'; params: Record<string, string | number> };

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** Bytes as megabytes with one decimal, as messages show sizes. */
export const megabytes = (bytes: number) => Math.round((bytes / (1024 * 1024)) * 10) / 10;

export function checkZip(bytes: Uint8Array): ZipVerdict {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const size = bytes.byteLength;
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const u64 = (at: number) => view.getUint32(at, true) + view.getUint32(at + 4, true) * 2 ** 32;
  const damaged = (detail: string): ZipVerdict => ({ ok: false, variant: 'structure', params: { detail } });
  // The end-of-central-directory record: in the last 22 + 65,535 (comment) bytes.
  let end = -1;
  for (let i = size - 22; i >= 0 && i >= size - 22 - 0xffff; i--) {
    if (u32(i) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) return damaged('no end of the table of contents');
  let count = u16(end + 10);
  let directorySize = u32(end + 12);
  let directory = u32(end + 16);
  const zip64 = end >= 20 && u32(end - 20) === EOCD64_LOCATOR;
  if (zip64) {
    const at = u64(end - 12);
    if (at + 56 > size || u32(at) !== EOCD64) return damaged('a ZIP64 record points outside the file');
    count = u64(at + 32);
    directorySize = u64(at + 40);
    directory = u64(at + 48);
  }
  if (count > ZIP_ENTRY_COUNT_LIMIT) return { ok: false, variant: 'entries', params: { n: count } };
  if (directory + directorySize > size) return damaged('the table of contents lies beyond the end of the file');
  let at = directory;
  let total = 0;
  for (let n = 0; n < count; n++) {
    if (at + 46 > directory + directorySize || u32(at) !== CENTRAL) return damaged(`entry ${n + 1} of ${count} is missing`);
    let packed = u32(at + 20);
    let unpacked = u32(at + 24);
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    const commentLength = u16(at + 32);
    let local = u32(at + 42);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, Math.min(at + 46 + nameLength, size))).slice(0, 120);
    // ZIP64 sizes and offset live in extra field 1, in this order, for the values that are 0xFFFFFFFF.
    if (packed === 0xffffffff || unpacked === 0xffffffff || local === 0xffffffff) {
      let e = at + 46 + nameLength;
      const extraEnd = e + extraLength;
      let found = false;
      while (e + 4 <= extraEnd && e + 4 <= size) {
        const id = u16(e);
        const length = u16(e + 2);
        if (id === 1) {
          let p = e + 4;
          const read = () => {
            if (p + 8 > e + 4 + length || p + 8 > size) return NaN;
            const v = u64(p);
            p += 8;
            return v;
          };
          if (unpacked === 0xffffffff) unpacked = read();
          if (packed === 0xffffffff) packed = read();
          if (local === 0xffffffff) local = read();
          found = true;
          break;
        }
        e += 4 + length;
      }
      if (!found || !Number.isFinite(unpacked) || !Number.isFinite(packed) || !Number.isFinite(local)) return damaged(`"${name}" has unreadable ZIP64 sizes`);
    }
    if (local + 30 > size || u32(local) !== LOCAL) return damaged(`"${name}" points outside the file`);
    const dataStart = local + 30 + u16(local + 26) + u16(local + 28);
    if (dataStart + packed > size) return damaged(`"${name}" is longer than the file`);
    if (unpacked > ZIP_ENTRY_LIMIT) return { ok: false, variant: 'entry-size', params: { entry: name, size: megabytes(unpacked), limit: megabytes(ZIP_ENTRY_LIMIT) } };
    if (unpacked > ZIP_RATIO_FLOOR && unpacked / Math.max(packed, 1) > ZIP_RATIO_LIMIT) {
      return { ok: false, variant: 'ratio', params: { entry: name, ratio: Math.round(unpacked / Math.max(packed, 1)), size: megabytes(unpacked) } };
    }
    total += unpacked;
    if (total > ZIP_TOTAL_LIMIT) return { ok: false, variant: 'total', params: { size: megabytes(total), limit: megabytes(ZIP_TOTAL_LIMIT) } };
    at += 46 + nameLength + extraLength + commentLength;
  }
  return { ok: true, entries: count, unpacked: total };
}

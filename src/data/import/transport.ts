/**
 * A dataset packed for the trip from the import worker to the page. Posting 750,000 participation
 * objects (a 100 MB CSV) makes the page deserialise a 200 MB object graph in one go: seconds of a
 * frozen tab. Packed, every distinct string is stored once as UTF-8 in blocks of about 64,000
 * characters, every record's fields are numbers in typed arrays, all of it transferred (not copied:
 * nothing to deserialise), and the page rebuilds the records a slice at a time, decoding a block
 * of strings when a record first needs one, yielding between slices.
 *
 * The codec is generic over plain records (any field of a string, number, boolean, or a JSON
 * value such as a list or the `extra` attributes), so it keeps up with the model without a list
 * of fields to maintain; a round-trip test checks it on the built-in data.
 */
import type { Dataset } from '../model';

/** The records of one list, column by column. */
export interface PackedRecords {
  count: number;
  /** Field names; column k of `tags`/`values` belongs to `keys[k]`. */
  keys: string[];
  /** Per record and field (record-major): what the value is (see Tag). */
  tags: Uint8Array;
  /** Per record and field: the number, the boolean as 0/1, or the index of the string (also of a JSON text). */
  values: Float64Array;
}

export interface PackedDataset {
  /** Every distinct string, in blocks, as UTF-8. */
  bytes: Uint8Array;
  /** Where block b starts in `bytes` (one more entry: the end). */
  blockBytes: Uint32Array;
  /** String i is characters `stringStart[i]`–`stringEnd[i]` of block `stringBlock[i]` (decoded). */
  stringBlock: Uint32Array;
  stringStart: Uint32Array;
  stringEnd: Uint32Array;
  /** The dataset's own fields other than the three lists (name, focal, stated counts…), as JSON. */
  rest: string;
  organisations: PackedRecords;
  activities: PackedRecords;
  participations: PackedRecords;
}

const enum Tag {
  Absent = 0,
  String = 1,
  Number = 2,
  Boolean = 3,
  Json = 4,
}

class Strings {
  readonly index = new Map<string, number>();
  readonly list: string[] = [];
  of(s: string): number {
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.list.length;
      this.index.set(s, i);
      this.list.push(s);
    }
    return i;
  }
}

function packRecords(records: readonly object[], strings: Strings): PackedRecords {
  const keyIndex = new Map<string, number>();
  const keys: string[] = [];
  for (const r of records) {
    for (const k of Object.keys(r)) {
      if (!keyIndex.has(k)) {
        keyIndex.set(k, keys.length);
        keys.push(k);
      }
    }
  }
  const width = keys.length;
  const tags = new Uint8Array(records.length * width);
  const values = new Float64Array(records.length * width);
  records.forEach((record, i) => {
    const r = record as Record<string, unknown>;
    for (let k = 0; k < width; k++) {
      const key = keys[k]!;
      // Own fields only: a record without `constructor` must not pack Object's.
      if (!Object.hasOwn(r, key)) continue;
      const v = r[key];
      const at = i * width + k;
      if (v === undefined) continue;
      if (typeof v === 'string') {
        tags[at] = Tag.String;
        values[at] = strings.of(v);
      } else if (typeof v === 'number') {
        tags[at] = Tag.Number;
        values[at] = v;
      } else if (typeof v === 'boolean') {
        tags[at] = Tag.Boolean;
        values[at] = v ? 1 : 0;
      } else {
        tags[at] = Tag.Json;
        values[at] = strings.of(JSON.stringify(v));
      }
    }
  });
  return { count: records.length, keys, tags, values };
}

/** Packs a dataset in the worker. */
export function packDataset(dataset: Dataset): PackedDataset {
  const strings = new Strings();
  const { organisations, activities, participations, ...rest } = dataset;
  const packed = {
    rest: JSON.stringify(rest),
    organisations: packRecords(organisations, strings),
    activities: packRecords(activities, strings),
    participations: packRecords(participations, strings),
  };
  const n = strings.list.length;
  const stringBlock = new Uint32Array(n);
  const stringStart = new Uint32Array(n);
  const stringEnd = new Uint32Array(n);
  const encoder = new TextEncoder();
  const blocks: Uint8Array[] = [];
  let block: string[] = [];
  let chars = 0;
  const close = () => {
    blocks.push(encoder.encode(block.join('')));
    block = [];
    chars = 0;
  };
  strings.list.forEach((s, i) => {
    stringBlock[i] = blocks.length;
    stringStart[i] = chars;
    chars += s.length;
    stringEnd[i] = chars;
    block.push(s);
    if (chars >= BLOCK_CHARS) close();
  });
  if (block.length) close();
  const blockBytes = new Uint32Array(blocks.length + 1);
  let size = 0;
  blocks.forEach((b, i) => {
    blockBytes[i] = size;
    size += b.length;
  });
  blockBytes[blocks.length] = size;
  const bytes = new Uint8Array(size);
  blocks.forEach((b, i) => bytes.set(b, blockBytes[i]!));
  return { bytes, blockBytes, stringBlock, stringStart, stringEnd, ...packed };
}

/** A copy whose buffers can be transferred while the original is kept (a memcpy, no parsing). */
export function copyPacked(p: PackedDataset): PackedDataset {
  const records = (r: PackedRecords): PackedRecords => ({ count: r.count, keys: [...r.keys], tags: r.tags.slice(), values: r.values.slice() });
  return {
    bytes: p.bytes.slice(),
    blockBytes: p.blockBytes.slice(),
    stringBlock: p.stringBlock.slice(),
    stringStart: p.stringStart.slice(),
    stringEnd: p.stringEnd.slice(),
    rest: p.rest,
    organisations: records(p.organisations),
    activities: records(p.activities),
    participations: records(p.participations),
  };
}

/**
 * Copies made ahead, off the page's main thread: the import worker makes them while the user reads
 * the report, and the analysis worker and the shelf each take one (`transferableCopy`,
 * `transferableBytes`). On H2020, copying the 19 MB packed dataset on the page took about 100 ms a
 * time, and cloning the report's 13 MB CSV into the shelf's message 170 ms.
 */
const spareCopies = new WeakMap<object, object[]>();

export function keepSpareCopies<T extends object>(original: T, copies: readonly T[]): void {
  spareCopies.set(original, [...copies]);
}

const spareOf = <T extends object>(original: T): T | undefined => spareCopies.get(original)?.pop() as T | undefined;

/** A copy of `packed` whose buffers may be transferred: one made ahead if there is one left. */
export function transferableCopy(packed: PackedDataset): PackedDataset {
  return spareOf(packed) ?? copyPacked(packed);
}

/** The same for bytes (the report's CSV). */
export function transferableBytes(bytes: Uint8Array): Uint8Array {
  return spareOf(bytes) ?? bytes.slice();
}

/** Characters per block of strings: decoding one is a fraction of a millisecond. */
const BLOCK_CHARS = 1 << 16;

/** The buffers to transfer (not copy) with a packed dataset. */
export function packedBuffers(p: PackedDataset): ArrayBuffer[] {
  return [
    p.bytes,
    p.blockBytes,
    p.stringBlock,
    p.stringStart,
    p.stringEnd,
    p.organisations.tags,
    p.organisations.values,
    p.activities.tags,
    p.activities.values,
    p.participations.tags,
    p.participations.values,
  ].map((a) => a.buffer as ArrayBuffer);
}

/** Lets the page's event loop run between slices of unpacking. */
export const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export interface UnpackOptions {
  /** Records rebuilt between two yields. */
  slice?: number;
  /** Called between slices; the page passes one that yields to the event loop. */
  pause?: () => Promise<void>;
}

/** Rebuilds the dataset on the page, a slice at a time. */
export async function unpackDataset(p: PackedDataset, options: UnpackOptions = {}): Promise<Dataset> {
  const slice = options.slice ?? 5_000;
  const decoder = new TextDecoder();
  const blocks: (string | undefined)[] = new Array<string | undefined>(p.blockBytes.length - 1);
  const cache: (string | undefined)[] = new Array<string | undefined>(p.stringBlock.length);
  const string = (i: number) => {
    let s = cache[i];
    if (s === undefined) {
      const b = p.stringBlock[i]!;
      const text = (blocks[b] ??= decoder.decode(p.bytes.subarray(p.blockBytes[b]!, p.blockBytes[b + 1]!)));
      s = cache[i] = text.slice(p.stringStart[i]!, p.stringEnd[i]!);
    }
    return s;
  };
  let done = 0;
  const records = async <T>(r: PackedRecords): Promise<T[]> => {
    const out = new Array<T>(r.count);
    const width = r.keys.length;
    for (let i = 0; i < r.count; i++) {
      const o: Record<string, unknown> = {};
      for (let k = 0; k < width; k++) {
        const at = i * width + k;
        const v = r.values[at]!;
        const tag = r.tags[at] as Tag;
        if (tag === Tag.Absent) continue;
        const value = tag === Tag.String ? string(v) : tag === Tag.Number ? v : tag === Tag.Boolean ? v === 1 : JSON.parse(string(v));
        const key = r.keys[k]!;
        // An own data property even for "__proto__", where assignment would set the prototype.
        if (key === '__proto__') Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
        else o[key] = value;
      }
      out[i] = o as T;
      if (++done % slice === 0 && options.pause) await options.pause();
    }
    return out;
  };
  const rest = JSON.parse(p.rest) as Omit<Dataset, 'organisations' | 'activities' | 'participations'>;
  return {
    ...rest,
    organisations: await records(p.organisations),
    activities: await records(p.activities),
    participations: await records(p.participations),
  };
}

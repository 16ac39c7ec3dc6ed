/**
 * A dataset packed for the trip from the import worker to the page. Posting 750,000 participation
 * objects (a 100 MB CSV) makes the page deserialise a 200 MB object graph in one go: seconds of a
 * frozen tab. Packed, every distinct string is stored once in one long string, every record's
 * fields are numbers in typed arrays (transferred, not copied), and the page rebuilds the records
 * a slice at a time, yielding between slices.
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
  /** Every distinct string, one after the other; `ends[i]` is where string i ends. */
  text: string;
  ends: Uint32Array;
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
  records.forEach((r, i) => {
    for (const [k, v] of Object.entries(r)) {
      const at = i * width + keyIndex.get(k)!;
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
  const ends = new Uint32Array(strings.list.length);
  let end = 0;
  strings.list.forEach((s, i) => {
    end += s.length;
    ends[i] = end;
  });
  return { text: strings.list.join(''), ends, ...packed };
}

/** The buffers to transfer (not copy) with a packed dataset. */
export function packedBuffers(p: PackedDataset): ArrayBuffer[] {
  return [p.ends, p.organisations.tags, p.organisations.values, p.activities.tags, p.activities.values, p.participations.tags, p.participations.values].map(
    (a) => a.buffer as ArrayBuffer,
  );
}

export interface UnpackOptions {
  /** Records rebuilt between two yields. */
  slice?: number;
  /** Called between slices; the page passes one that yields to the event loop. */
  pause?: () => Promise<void>;
}

/** Rebuilds the dataset on the page, a slice at a time. */
export async function unpackDataset(p: PackedDataset, options: UnpackOptions = {}): Promise<Dataset> {
  const slice = options.slice ?? 20_000;
  const cache: (string | undefined)[] = new Array<string | undefined>(p.ends.length);
  const string = (i: number) => (cache[i] ??= p.text.slice(i === 0 ? 0 : p.ends[i - 1]!, p.ends[i]!));
  let done = 0;
  const records = async <T>(r: PackedRecords): Promise<T[]> => {
    const out = new Array<T>(r.count);
    const width = r.keys.length;
    for (let i = 0; i < r.count; i++) {
      // Fields defined as own data properties: a field name is never a prototype setter.
      const entries: [string, unknown][] = [];
      for (let k = 0; k < width; k++) {
        const at = i * width + k;
        const v = r.values[at]!;
        switch (r.tags[at] as Tag) {
          case Tag.String:
            entries.push([r.keys[k]!, string(v)]);
            break;
          case Tag.Number:
            entries.push([r.keys[k]!, v]);
            break;
          case Tag.Boolean:
            entries.push([r.keys[k]!, v === 1]);
            break;
          case Tag.Json:
            entries.push([r.keys[k]!, JSON.parse(string(v))]);
            break;
          default:
            break;
        }
      }
      out[i] = Object.fromEntries(entries) as T;
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

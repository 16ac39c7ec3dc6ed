/**
 * Loads the vendored CORDIS H2020 files (data/cordis-h2020, CC BY 4.0, see PROVENANCE.md) as
 * VisibleIncidence two-mode data plus the CSR of its projection, without the import pipeline:
 * organisations are PICs (sorted by code unit), activities are projects (`rcn`), every project ties
 * all its participants pairwise (no listings), weight = shared projects.
 *
 * Sector stand-ins for tests only (not the app's sector rules): HES/REC → knowledge,
 * PUB → government, PRC → tech, OTH → care.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import Papa from 'papaparse';
import { csrFromSortedEdges, type Csr } from '../../../src/analysis/csr';
import { mulberry32 } from '../../../src/analysis/prng';
import { projectVisibleIncidence, type VisibleIncidence } from '../../../src/analysis/view';

export const CORDIS_DIR = new URL('../../../data/cordis-h2020/', import.meta.url);
export const GROUP_NAMES = ['tech', 'care', 'government', 'knowledge'];
const SECTOR_OF_TYPE = new Map([
  ['PRC', 0],
  ['OTH', 1],
  ['PUB', 2],
  ['HES', 3],
  ['REC', 3],
]);

export interface Participation {
  project: string;
  pic: string;
  type: string;
}

export function readSc1(): Participation[] {
  const text = readFileSync(new URL('sc1_nl_participations.csv', CORDIS_DIR), 'utf8');
  const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
  return rows.map((r) => ({ project: r.project_rcn!, pic: r.pic!, type: r.activity_type! }));
}

export function readH2020(): Participation[] {
  const text = gunzipSync(readFileSync(new URL('h2020.csv.gz', CORDIS_DIR))).toString('utf8');
  const lines = text.split('\n');
  const out: Participation[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') continue;
    // rcn,role,pic,type,... (no quoted fields before `type`)
    const f = line.split(',', 4);
    out.push({ project: f[0]!, pic: f[2]!, type: f[3]! });
  }
  return out;
}

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export interface CordisNetwork {
  vi: VisibleIncidence;
  csr: Csr;
}

/**
 * Two-mode data and projection of participation rows, in the order given (rows are activities in
 * order of first appearance, so shuffling the input shuffles the rows).
 */
export function cordisNetwork(rows: readonly Participation[], rename?: (pic: string) => string): CordisNetwork {
  const picOf = (p: Participation) => (rename ? rename(p.pic) : p.pic);
  const typeOf = new Map<string, string>();
  for (const p of rows) if (!typeOf.has(picOf(p))) typeOf.set(picOf(p), p.type);
  const ids = [...typeOf.keys()].sort(byCodeUnit);
  const index = new Map<string, number>();
  ids.forEach((id, i) => index.set(id, i));
  const projects = new Map<string, Set<number>>();
  for (const p of rows) {
    let s = projects.get(p.project);
    if (!s) projects.set(p.project, (s = new Set()));
    s.add(index.get(picOf(p))!);
  }
  const offsets = [0];
  const members: number[] = [];
  for (const s of projects.values()) {
    const sorted = [...s].sort((a, b) => a - b);
    for (const o of sorted) members.push(o);
    offsets.push(members.length);
  }
  const R = projects.size;
  const vi: VisibleIncidence = {
    n: ids.length,
    activity: Int32Array.from({ length: R }, (_, r) => r),
    memberOffsets: Int32Array.from(offsets),
    members: Int32Array.from(members),
    hub: new Uint8Array(members.length),
    listing: new Uint8Array(R),
  };
  const group = Int32Array.from(ids, (id) => SECTOR_OF_TYPE.get(typeOf.get(id)!) ?? 3);
  const { edgeU, edgeV, edgeW } = projectVisibleIncidence(vi, 'shared');
  const csr = csrFromSortedEdges({ ids, index, labels: ids, group, groupNames: GROUP_NAMES, edgeU, edgeV, edgeW });
  return { vi, csr };
}

/**
 * The same participations with every PIC renamed by a random bijection (to `r` + a shuffled
 * number) and the rows in a random order. Returns the rows and the old → new name map.
 */
export function renamedRows(rows: readonly Participation[], seed: number): { rows: Participation[]; rename: Map<string, string> } {
  const rng = mulberry32(seed);
  const shuffle = <T>(xs: T[]) => {
    for (let i = xs.length - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      const t = xs[i]!;
      xs[i] = xs[j]!;
      xs[j] = t;
    }
    return xs;
  };
  const pics = [...new Set(rows.map((r) => r.pic))];
  const numbers = shuffle(pics.map((_, i) => i));
  const rename = new Map<string, string>();
  pics.forEach((p, i) => rename.set(p, `r${numbers[i]!}`));
  const out = shuffle(rows.map((r) => ({ ...r, pic: rename.get(r.pic)! })));
  return { rows: out, rename };
}

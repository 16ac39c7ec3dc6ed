/**
 * All of CORDIS H2020 (data/cordis-h2020, CC BY 4.0; see its PROVENANCE.md) as one participations
 * CSV in the CORDIS-derived layout the import recognises (project_rcn, pic, organisation_name, …):
 * the vendored `h2020.csv.gz` with organisation names, short names and cities joined by PIC. What
 * `npm run bench:h2020` gives the command line and `npm run bench:browser` chooses in the app.
 * Written once into `dir` and reused while the sources are unchanged.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import Papa from 'papaparse';
import { ROOT } from './builtin';

export const H2020_DIR = join(ROOT, 'data', 'cordis-h2020');
export const H2020_GZ = join(H2020_DIR, 'h2020.csv.gz');
const NAMES = join(H2020_DIR, 'odfest2017_h2020_organisations.csv');

export function h2020ParticipationsCsv(dir: string): { path: string; rows: number; ms: number; reused: boolean } {
  const path = join(dir, 'h2020_participations.csv');
  const stamp = `${statSync(H2020_GZ).size}:${statSync(H2020_GZ).mtimeMs}:${statSync(NAMES).size}:${statSync(NAMES).mtimeMs}:v1`;
  const stampFile = `${path}.stamp`;
  if (existsSync(path) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) {
    return { path, rows: Number(readFileSync(`${path}.rows`, 'utf8')), ms: 0, reused: true };
  }
  const t = performance.now();
  mkdirSync(dir, { recursive: true });
  const names = new Map<string, Record<string, string>>();
  for (const r of Papa.parse<Record<string, string>>(readFileSync(NAMES, 'utf8'), { header: true, skipEmptyLines: true }).data) names.set(r.orgId!, r);
  const rows = Papa.parse<Record<string, string>>(gunzipSync(readFileSync(H2020_GZ)).toString('utf8'), { header: true, skipEmptyLines: true }).data;
  const out = rows.map((r) => {
    const n = names.get(r.pic!);
    return {
      project_rcn: r.rcn,
      pic: r.pic,
      organisation_name: n?.name ?? '',
      organisation_short_name: n?.shortName ?? '',
      activity_type: r.type,
      role: r.role,
      city: n?.city ?? '',
      country: r.country,
      start_date: r.start_date,
      end_date: r.end_date,
    };
  });
  writeFileSync(path, Papa.unparse(out) + '\n');
  writeFileSync(`${path}.rows`, String(out.length));
  writeFileSync(stampFile, stamp);
  return { path, rows: out.length, ms: performance.now() - t, reused: false };
}

import { readFileSync } from 'node:fs';
import { importFiles } from '../src/data/import/pipeline';
import { buildIncidence, projectTies, DEFAULT_PROJECTION_RULES } from '../src/graph/projection';
const bytes = new Uint8Array(readFileSync('/tmp/bruggen-bench-h2020/h2020_participations.csv'));
const r = await importFiles([{ name: 'h2020_participations.csv', blob: new Blob([bytes]) }]);
const ds = r.outcome.dataset;
const incidence = buildIncidence(ds, DEFAULT_PROJECTION_RULES);
const ties = projectTies(incidence, DEFAULT_PROJECTION_RULES.weight);
const size = (o: object) => Object.entries(o).map(([k, v]) => `${k}:${ArrayBuffer.isView(v) ? (v.byteLength / 1e6).toFixed(1) + 'MB' : Array.isArray(v) ? v.length : v instanceof Map ? 'Map' + v.size : typeof v}`).join(' ');
console.log(size(incidence)); console.log(size(ties));
for (let i = 0; i < 3; i++) {
  let t = performance.now(); structuredClone({ incidence, ties }); const all = performance.now() - t;
  t = performance.now(); structuredClone(ties); const tiesOnly = performance.now() - t;
  const { orgIndex: _a, actIndex: _b, ...bare } = incidence;
  t = performance.now(); structuredClone(bare); const bareMs = performance.now() - t;
  t = performance.now(); structuredClone({ a: incidence.orgIndex, b: incidence.actIndex }); const maps = performance.now() - t;
  console.log({ all: all.toFixed(0), tiesOnly: tiesOnly.toFixed(0), incidenceWithoutMaps: bareMs.toFixed(0), maps: maps.toFixed(0) });
}

/**
 * Validates the built-in Den Haag dataset (data/den-haag/*.csv, stated-counts.csv and
 * dataset.json) and builds what the app loads: public/data/den-haag.json (dataset with its stated
 * counts and focal organisation + precomputed layout) and the same data as canonical CSVs for
 * download. Fails with a list of problems when the data is not clean; conflicting stated counts
 * are listed but kept.
 *
 *   npx tsx scripts/build-data.ts [--check]   (--check validates without writing)
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateBuiltinDataset } from '../src/data/validate';
import {
  parseCanonicalFiles,
  writeActivitiesCsv,
  writeOrganisationsCsv,
  writeParticipationsCsv,
  writeStatedCountsCsv,
} from '../src/data/canonical';
import { buildNetwork, sectorCodes } from '../src/graph/network';
import { layoutIndexedGraph, networkLayoutGraph, twoModeLayoutGraph } from '../src/graph/layout';
import type { BuiltinBundle } from '../src/data/bundle';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'data', 'den-haag');
const out = join(root, 'public', 'data');
const files = ['organisations.csv', 'activities.csv', 'participations.csv', 'stated-counts.csv'];

for (const f of [...files, 'dataset.json']) {
  if (!existsSync(join(source, f))) {
    console.error(`data/den-haag/${f} is missing: the built-in dataset needs ${[...files, 'dataset.json'].join(', ')}.`);
    process.exit(1);
  }
}

// dataset.json: the dataset's name and its focal organisation (the municipality the study is for).
const meta = JSON.parse(readFileSync(join(source, 'dataset.json'), 'utf8')) as { name?: unknown; focal?: unknown };
if (typeof meta.name !== 'string' || typeof meta.focal !== 'string') {
  console.error('data/den-haag/dataset.json must give a "name" and a "focal" organisation id (both text).');
  process.exit(1);
}
const { dataset, report } = parseCanonicalFiles(
  files.map((f) => ({ name: f, text: readFileSync(join(source, f), 'utf8') })),
  { datasetName: meta.name },
);
dataset.focal = meta.focal;
const validation = validateBuiltinDataset(dataset);
const problems = [
  ...report.problems.filter((p) => p.severity !== 'info' || p.code === 'sector-inferred' || p.code === 'extra-columns'),
  ...validation.filter((p) => p.severity !== 'info'),
];
for (const p of validation.filter((x) => x.severity === 'info')) console.log(`note: ${p.message}`);
if (problems.length) {
  console.error(`The built-in dataset has ${problems.length} problem(s):`);
  for (const p of problems) {
    console.error(`- ${p.file}${p.row ? ` row ${p.row}` : ''}${p.column ? `, column ${p.column}` : ''}: ${p.message}`);
  }
  process.exit(1);
}

// The organisation network under the tie rules (src/graph/projection.ts): consultations and funds
// are listings tied to their hub only, funders form no ties. The layout is computed on it, so a
// listing of 23 SIA actors is not drawn as if they all worked together.
const network = buildNetwork(dataset);
const summary = `${dataset.organisations.length} organisations, ${dataset.activities.length} activities, ${dataset.participations.length} participations, ${dataset.statedCounts?.length ?? 0} stated counts, ${network.projection.ties.m} ties under the default tie rules`;
if (process.argv.includes('--check')) {
  console.log(`data/den-haag is valid: ${summary}.`);
  process.exit(0);
}

// Rounded coordinates keep the file small and byte-identical between builds.
const round = (v: number) => Math.round(v * 100) / 100;
const triples = (keys: string[], positions: { x: Float32Array; y: Float32Array }): [string, number, number][] =>
  keys.map((key, i) => [key, round(positions.x[i]!), round(positions.y[i]!)]);
const sectors = sectorCodes(network);
const orgIds = network.organisations.map((o) => o.id);
const bundle: BuiltinBundle = {
  id: 'den-haag',
  dataset,
  layout: {
    organisations: triples(orgIds, layoutIndexedGraph(networkLayoutGraph(network, sectors), 1)),
    bipartite: triples(
      [...orgIds.map((id) => `org:${id}`), ...network.activities.map((a) => `act:${a.id}`)],
      layoutIndexedGraph(twoModeLayoutGraph(network, sectors), 1),
    ),
  },
};
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'den-haag.json'), JSON.stringify(bundle));
writeFileSync(join(out, 'den-haag-participations.csv'), writeParticipationsCsv(dataset));
writeFileSync(join(out, 'den-haag-organisations.csv'), writeOrganisationsCsv(dataset));
writeFileSync(join(out, 'den-haag-activities.csv'), writeActivitiesCsv(dataset));
writeFileSync(join(out, 'den-haag-stated-counts.csv'), writeStatedCountsCsv(dataset));
console.log(`Built public/data/den-haag.json: ${summary}.`);

/**
 * The built-in dataset read from data/den-haag/ (Node only): what `npm run data` validates and
 * ships, and what the command line analyses when it is given no file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCanonicalFiles } from '../../src/data/canonical';
import type { Dataset } from '../../src/data/model';
import type { ImportReport } from '../../src/data/report';

/** The repository: the nearest folder up with a package.json (this file is scripts/lib/ under tsx,
 * and node_modules/.cache/bruggen-cli/ in the compiled command line, scripts/cli.mjs). */
export const ROOT = repositoryOf(dirname(fileURLToPath(import.meta.url)));

function repositoryOf(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`No package.json above ${start}.`);
  }
}
export const BUILTIN_DIR = join(ROOT, 'data', 'den-haag');

/** The CSV files of the built-in dataset that exist (the stated counts are optional). */
export function builtinFiles(): string[] {
  return ['organisations.csv', 'activities.csv', 'participations.csv', 'stated-counts.csv'].filter((f) => existsSync(join(BUILTIN_DIR, f)));
}

export function loadBuiltinFromDisk(): { dataset: Dataset; report: ImportReport } {
  const { dataset, report } = parseCanonicalFiles(
    builtinFiles().map((f) => ({ name: f, text: readFileSync(join(BUILTIN_DIR, f), 'utf8') })),
    { datasetName: 'Den Haag care-innovation ecosystem' },
  );
  const meta = join(BUILTIN_DIR, 'dataset.json');
  if (existsSync(meta)) {
    const declared = JSON.parse(readFileSync(meta, 'utf8')) as { name?: string; focal?: string };
    if (declared.name) dataset.name = declared.name;
    if (declared.focal) dataset.focal = declared.focal;
  } else {
    dataset.focal = 'gemeente-den-haag';
  }
  return { dataset, report };
}

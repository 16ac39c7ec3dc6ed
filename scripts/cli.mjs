/**
 * Runs the command line (scripts/analyze.ts) compiled: `npm run analyze` starts here.
 *
 * Through tsx, Node compiles every TypeScript module at each start, in the main thread and again
 * in the helper thread: about 0.9 s before the first line runs, and a second or so of the
 * helper's time. This launcher bundles the command line once with esbuild (tsx's own compiler)
 * into node_modules/.cache/bruggen-cli/, rebuilds it when one of its sources has changed since,
 * and imports it. The code that runs is the same.
 */
import { build } from 'esbuild';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cache = join(root, 'node_modules', '.cache', 'bruggen-cli');
const bundle = join(cache, 'analyze.mjs');
const inputsFile = join(cache, 'inputs.json');

/** The bundle, if it is newer than every source it was made from (and this launcher). */
function upToDate() {
  try {
    const built = statSync(bundle).mtimeMs;
    const inputs = JSON.parse(readFileSync(inputsFile, 'utf8'));
    return [fileURLToPath(import.meta.url), ...inputs.map((p) => join(root, p))].every((p) => statSync(p).mtimeMs < built);
  } catch {
    return false;
  }
}

if (!upToDate()) {
  mkdirSync(cache, { recursive: true });
  // Packages stay imports from node_modules; the bundle is written under a temporary name and
  // renamed, so two commands starting at once never read half a file.
  const temporary = `${bundle}.${process.pid}.tmp`;
  const result = await build({
    entryPoints: [join(root, 'scripts', 'analyze.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile: temporary,
    // The metafile then names the sources relative to the repository, wherever this is run from.
    absWorkingDir: root,
    metafile: true,
    logLevel: 'warning',
  });
  writeFileSync(inputsFile, JSON.stringify(Object.keys(result.metafile.inputs)));
  renameSync(temporary, bundle);
}

await import(pathToFileURL(bundle).href);

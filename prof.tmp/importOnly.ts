import { readFileSync } from 'node:fs';
import { loadFilesForCommandLine } from '../src/data/import/commandLine';
const t0 = performance.now();
const phases: Record<string, number> = {};
const r = await loadFilesForCommandLine([process.argv[2]!], {
  readFile: async (p) => new Uint8Array(readFileSync(p)),
  err: (t) => process.stderr.write(t),
  onPhase: (phase, ms) => void (phases[phase] = ms),
});
const all = performance.now() - t0;
console.log(JSON.stringify({ ...phases, all, ok: 'outcome' in r }));

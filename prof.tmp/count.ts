import { readFileSync } from 'node:fs';
import * as pw from '../src/data/problemWords';
import { loadFilesForCommandLine } from '../src/data/import/commandLine';
const r = await loadFilesForCommandLine([process.argv[2]!], {
  readFile: async (p) => new Uint8Array(readFileSync(p)),
  err: () => {},
});
if ('outcome' in r) {
  const by = new Map<string, number>();
  for (const p of r.outcome.report.problems) by.set(p.code, (by.get(p.code) ?? 0) + (p.omitted ?? 1));
  console.log([...by].sort((a, b) => b[1] - a[1]).slice(0, 15));
  console.log('listed', r.outcome.report.problems.length);
}

import { readFileSync } from 'node:fs';
import { importFiles } from './src/data/import/pipeline';
const input = (name: string, t: string) => ({ name, blob: new Blob([new TextEncoder().encode(t)]) });
for (const f of process.argv.slice(2)) {
  const { outcome } = await importFiles([input(f.split('/').pop()!, readFileSync(f, 'utf8'))]);
  console.log(f, JSON.stringify(outcome.report.files.map(f=>[f.file,f.rowsRead,f.rowsUsed,f.rowsMerged,f.rowsRejected])), outcome.dataset.organisations.length, outcome.dataset.participations.length);
  console.log(outcome.report.problems.map(p=>`${p.severity} ${p.code} ${p.file} r${p.row} ${p.message.slice(0,140)}`).join('\n'));
}

import { readFileSync } from 'node:fs';
import { importFiles } from '../src/data/import/pipeline';
import { packDataset, unpackDataset } from '../src/data/import/transport';
const bytes = new Uint8Array(readFileSync('/tmp/bruggen-bench-h2020/h2020_participations.csv'));
const r = await importFiles([{ name: 'h2020_participations.csv', blob: new Blob([bytes]) }]);
for (let i = 0; i < 4; i++) {
  let t = performance.now();
  const p = packDataset(r.outcome.dataset);
  const pack = performance.now() - t;
  t = performance.now();
  await unpackDataset(p);
  console.log('pack', pack.toFixed(0), 'unpack', (performance.now() - t).toFixed(0), 'strings', p.stringBlock.length, 'bytes', p.bytes.length);
}

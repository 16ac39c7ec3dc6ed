/**
 * National-scale benchmark of the analysis (src/analysis).
 *
 *   npx tsx scripts/bench-analysis.ts              # full size: ~14,000 projects, 17,000 organisations, ~300,000 ties
 *   npx tsx scripts/bench-analysis.ts --scale 0.1  # quick run
 *   options: --seed N (dataset seed, default 2006), --samples N (betweenness pivots, default 500),
 *            --json (also print the measurements as JSON),
 *
 * Each step is timed on its own, then `analyseNetwork` runs end to end. Memory is sampled
 * (rss / heapUsed) after each step and `process.resourceUsage().maxRSS` is read at the end.
 */
import { analyseNetwork } from '../src/analysis/index';
import { betweenness } from '../src/analysis/betweenness';
import { brokerageRoles } from '../src/analysis/brokerage';
import { componentPartition, louvainPartition, summariseClusters } from '../src/analysis/clusters';
import { selectConveners } from '../src/analysis/conveners';
import { buildCsr } from '../src/analysis/csr';
import { structuralHoles } from '../src/analysis/structuralHoles';
import { suggestClusterLinks, suggestTies } from '../src/analysis/suggestions';
import { generateNationalDataset } from '../src/analysis/synthetic';
import { DEFAULT_TARGET_SECTORS, SECTORS } from '../src/data/sectors';
import { buildOrganisationNetwork } from '../src/graph/build';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = Number(process.argv[i + 1]);
  return Number.isFinite(v) ? v : fallback;
}
const scale = arg('scale', 1);
const seed = arg('seed', 2006);
const samples = arg('samples', 500);
const asJson = process.argv.includes('--json');


interface Row {
  step: string;
  ms: number;
  target?: number;
  rssMB: number;
  heapMB: number;
}
const rows: Row[] = [];
const mb = (x: number) => x / 1024 / 1024;
function time<T>(step: string, fn: () => T, target?: number): T {
  const t = performance.now();
  const out = fn();
  const ms = performance.now() - t;
  const mem = process.memoryUsage();
  rows.push({ step, ms, target, rssMB: mb(mem.rss), heapMB: mb(mem.heapUsed) });
  return out;
}

const dataset = time('generate synthetic dataset', () => generateNationalDataset({ seed, scale }));
const graph = time('build (buildOrganisationNetwork)', () => buildOrganisationNetwork(dataset), 2000);
let maxDegree = 0;
let isolates = 0;
graph.forEachNode((n) => {
  const d = graph.degree(n);
  if (d > maxDegree) maxDegree = d;
  if (d === 0) isolates++;
});
const targets = [...DEFAULT_TARGET_SECTORS];
const csr = time('index (CSR)', () => buildCsr(graph, { groupOrder: SECTORS }));
const parts = time(
  'components + Louvain',
  () => {
    const components = componentPartition(graph, csr);
    const communities = louvainPartition(graph, csr, { seed: 42 });
    summariseClusters(csr, components, { targets });
    summariseClusters(csr, communities, { targets });
    return { components, communities };
  },
  2000,
);
time('constraint + effective size (weighted)', () => structuralHoles(csr, true), 3000);
const bc = time(
  `sampled betweenness (${samples} pivots)`,
  () => betweenness(csr, { exactMaxNodes: 0, samples, seed: 42 }),
  10000,
);
time('brokerage roles (Gould–Fernandez)', () => brokerageRoles(csr));
time('conveners (k = 5, 1 step)', () =>
  selectConveners(csr, { k: 5, reachSteps: 1, targets, community: parts.communities.of }),
);
time('conveners (k = 10, 2 steps)', () =>
  selectConveners(csr, { k: 10, reachSteps: 2, targets, community: parts.communities.of }),
);
time('suggestions (ties + cluster links)', () => {
  suggestTies(csr, { targets, perPair: 10 });
  suggestClusterLinks(csr, parts.communities, { targets, betweenness: bc.values });
});
let steps: Record<string, number> = {};
const result = time(
  'whole analysis (analyseNetwork)',
  () => {
    const r = analyseNetwork(graph, { seed: 42, betweennessSamples: samples });
    steps = r.meta.timings;
    return r;
  },
  20000,
);
const json = time('JSON.stringify(result)', () => JSON.stringify(result));
const maxRssMB = process.resourceUsage().maxRSS / 1024; // maxRSS is in kilobytes

const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const lpad = (s: string, n: number) => (s.length >= n ? s : ' '.repeat(n - s.length) + s);
console.log(
  `Synthetic national dataset (seed ${seed}, scale ${scale}): ${dataset.activities.length} projects, ` +
    `${dataset.organisations.length} organisations, ${dataset.participations.length} participations`,
);
console.log(
  `Organisation network: ${graph.order} organisations, ${graph.size} ties, max degree ${maxDegree}, ` +
    `${isolates} isolates, ${parts.components.count} components, ${parts.communities.count} Louvain communities ` +
    `(modularity ${parts.communities.modularity.toFixed(3)})`,
);
console.log(
  `Whole analysis: betweenness ${result.meta.betweenness.estimated ? `estimated from ${result.meta.betweenness.samples} pivots` : 'exact'}; ` +
    `result JSON ${mb(json.length).toFixed(1)} MB; Node ${process.version}`,
);
console.log('');
console.log(`${pad('step', 42)} ${lpad('time', 10)} ${lpad('target', 10)} ${lpad('ok', 4)} ${lpad('rss MB', 8)} ${lpad('heap MB', 8)}`);
console.log('-'.repeat(88));
let allOk = true;
for (const r of rows) {
  const ok = r.target === undefined ? '' : r.ms < r.target ? 'yes' : 'NO';
  if (ok === 'NO') allOk = false;
  console.log(
    `${pad(r.step, 42)} ${lpad(`${(r.ms / 1000).toFixed(2)} s`, 10)} ${lpad(r.target ? `< ${r.target / 1000} s` : '', 10)} ${lpad(ok, 4)} ${lpad(r.rssMB.toFixed(0), 8)} ${lpad(r.heapMB.toFixed(0), 8)}`,
  );
}
const memOk = maxRssMB < 2048;
if (!memOk) allOk = false;
console.log('-'.repeat(88));
console.log(`${pad('peak memory (maxRSS)', 42)} ${lpad(`${maxRssMB.toFixed(0)} MB`, 10)} ${lpad('< 2048 MB', 10)} ${lpad(memOk ? 'yes' : 'NO', 4)}`);
console.log('');
console.log('analyseNetwork steps (meta.timings):');
for (const [s, ms] of Object.entries(steps)) console.log(`  ${pad(s, 20)} ${lpad(`${(ms / 1000).toFixed(2)} s`, 9)}`);
console.log('');
console.log(allOk ? 'All targets met.' : 'Some targets were NOT met.');
if (asJson) console.log(JSON.stringify({ scale, seed, rows, maxRssMB, steps }, null, 1));

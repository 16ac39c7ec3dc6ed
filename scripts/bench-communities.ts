/**
 * Stability and cost of the consensus communities (src/analysis/communities.ts) on the vendored
 * CORDIS H2020 data (data/cordis-h2020, CC BY 4.0):
 *
 *   npx tsx scripts/bench-communities.ts            # SC1 subset: seeds and renaming; all of H2020: time
 *   npx tsx scripts/bench-communities.ts --no-h2020
 *   options: --seeds N (default 5), --json '{"tau":0.5}' (consensus options)
 *
 * Reports the adjusted Rand index between seeds for one seeded Louvain run (clusters.ts) and for the
 * consensus, the ARI between the partition of the data and of the same data with every PIC renamed
 * by a random bijection and the rows shuffled, and wall-clock times.
 */
import { canonicalGraph, louvainPartition } from '../src/analysis/clusters';
import { adjustedRandIndex, consensusCommunities, type ConsensusOptions, type ConsensusResult } from '../src/analysis/communities';
import { cordisNetwork, readH2020, readSc1, renamedRows } from '../tests/unit/analysis/cordisData';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? undefined : process.argv[i + 1];
}
const seeds = Number(arg('seeds') ?? 5);
const options = JSON.parse(arg('json') ?? '{}') as ConsensusOptions;
const fmt = (xs: number[]) =>
  `min ${xs.reduce((a, b) => Math.min(a, b), Infinity).toFixed(3)} mean ${(xs.reduce((s, x) => s + x, 0) / xs.length).toFixed(3)} ` +
  `max ${xs.reduce((a, b) => Math.max(a, b), -Infinity).toFixed(3)}`;
/** Wall-clock and CPU (user + system) seconds of fn. The machine is shared: CPU time is the steadier one. */
function timed<T>(fn: () => T): { value: T; wall: number; cpu: number } {
  const c = process.cpuUsage();
  const t = performance.now();
  const value = fn();
  const d = process.cpuUsage(c);
  return { value, wall: (performance.now() - t) / 1000, cpu: (d.user + d.system) / 1e6 };
}
const pairwise = (ps: ArrayLike<number>[]) => {
  const out: number[] = [];
  for (let i = 0; i < ps.length; i++) for (let j = i + 1; j < ps.length; j++) out.push(adjustedRandIndex(ps[i]!, ps[j]!));
  return out;
};
const describe = (r: ConsensusResult) =>
  `${r.count} communities, Q ${r.modularity?.toFixed(4)} (γ=1: ${r.modularityAt1?.toFixed(4)}), runs ${r.runsPerRound.join('+')}+1 on ties ${r.tiesPerRound.join(', ')}, ` +
  `converged ${r.converged} (undecided ${r.undecidedFraction.toFixed(3)}), split ${r.splitCommunities}, work ${(r.work / 1e6).toFixed(1)}M`;

const rows = readSc1();
const base = cordisNetwork(rows);
console.log(`CORDIS SC1 subset: ${base.csr.n} organisations, ${base.csr.m} ties; consensus options ${JSON.stringify(options)}`);
const graph = canonicalGraph(base.csr);
const single = Array.from({ length: seeds }, (_, s) => louvainPartition(graph, base.csr, { seed: s + 1 }));
console.log(`single Louvain, ARI between ${seeds} seeds: ${fmt(pairwise(single.map((p) => p.of)))}; ${single[0]!.count} communities`);
const walls: number[] = [];
const cpus: number[] = [];
const consensus = Array.from({ length: seeds }, (_, s) => {
  const r = timed(() => consensusCommunities(base.csr, { ...options, seed: s + 1 }));
  walls.push(r.wall);
  cpus.push(r.cpu);
  return r.value;
});
console.log(`consensus, ARI between ${seeds} seeds:      ${fmt(pairwise(consensus.map((p) => p.of)))}`);
console.log(`consensus time: wall ${fmt(walls)} s, cpu ${fmt(cpus)} s; ${describe(consensus[0]!)}`);
const rename: number[] = [];
const renameSingle: number[] = [];
for (let k = 0; k < seeds; k++) {
  const { rows: r2, rename: map } = renamedRows(rows, 1000 + k);
  const other = cordisNetwork(r2);
  const back = (of: Int32Array) => Int32Array.from(base.csr.ids, (id) => of[other.csr.index.get(map.get(id)!)!]!);
  rename.push(adjustedRandIndex(consensus[0]!.of, back(consensusCommunities(other.csr, { ...options, seed: 1 }).of)));
  renameSingle.push(adjustedRandIndex(single[0]!.of, back(louvainPartition(canonicalGraph(other.csr), other.csr, { seed: 1 }).of)));
}
console.log(`renamed ids + shuffled rows, ARI to the original (seed 1): single ${fmt(renameSingle)}; consensus ${fmt(rename)}`);

if (!process.argv.includes('--no-h2020')) {
  const read = timed(() => cordisNetwork(readH2020()));
  const h = read.value;
  console.log(`\nall of H2020: ${h.csr.n} organisations, ${h.csr.m} ties (read + projected in ${read.wall.toFixed(1)} s)`);
  // Consensus first, before the graphology copy below fills the heap.
  const hs: ConsensusResult[] = [];
  for (let s = 1; s <= 2; s++) {
    const r = timed(() => consensusCommunities(h.csr, { ...options, seed: s }));
    hs.push(r.value);
    console.log(`consensus seed ${s}: wall ${r.wall.toFixed(2)} s, cpu ${r.cpu.toFixed(2)} s; ${describe(r.value)}`);
  }
  console.log(`H2020 consensus ARI seed 1 vs 2: ${adjustedRandIndex(hs[0]!.of, hs[1]!.of).toFixed(3)}`);
  const copy = timed(() => canonicalGraph(h.csr));
  console.log(`graphology copy (what clusters.ts builds): wall ${copy.wall.toFixed(2)} s, cpu ${copy.cpu.toFixed(2)} s`);
  const s1 = timed(() => louvainPartition(copy.value, h.csr, { seed: 1 }));
  const s2 = louvainPartition(copy.value, h.csr, { seed: 2 });
  console.log(`single Louvain on it: wall ${s1.wall.toFixed(2)} s, cpu ${s1.cpu.toFixed(2)} s, ${s1.value.count} communities; ARI seed 1 vs 2: ${adjustedRandIndex(s1.value.of, s2.of).toFixed(3)}`);
}

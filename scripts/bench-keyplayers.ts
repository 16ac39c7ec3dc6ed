/**
 * Cost and robustness of the key-player conveners (src/analysis/keyPlayers.ts) on the vendored
 * CORDIS H2020 data (data/cordis-h2020, CC BY 4.0). Sectors are the test stand-ins of
 * tests/unit/analysis/cordisData.ts (PRC → tech, OTH → care, PUB → government, HES/REC → knowledge).
 *
 *   npx tsx scripts/bench-keyplayers.ts [--no-h2020] [--bootstraps N]
 */
import { consensusCommunities } from '../src/analysis/communities';
import { convenerRobustness, selectKeyPlayers, type KeyPlayerResult } from '../src/analysis/keyPlayers';
import { cordisNetwork, readH2020, readSc1 } from '../tests/unit/analysis/cordisData';

const TARGETS = ['tech', 'care', 'government'];
const i = process.argv.indexOf('--bootstraps');
const B = i < 0 ? 50 : Number(process.argv[i + 1]);
const describe = (r: KeyPlayerResult) =>
  `${r.picks.length} picks (short ${r.shortBy}), reached ${r.reachedTotal}/${r.targetTotal} (greedy ${r.greedyReached}, ${r.swapCount} swaps), ` +
  `sectors ${r.coverage.map((c) => `${c.sector} ${c.reached}/${c.total}`).join(', ')}, all ${r.allSectorsReached}`;

for (const [name, read] of [['SC1 subset', readSc1], ['all of H2020', readH2020]] as const) {
  if (name === 'all of H2020' && process.argv.includes('--no-h2020')) continue;
  const { csr, vi } = cordisNetwork(read());
  console.log(`${name}: ${csr.n} organisations, ${csr.m} ties`);
  const community = name === 'SC1 subset' ? consensusCommunities(csr, { seed: 1 }).of : undefined;
  for (const [k, m] of [[5, 1], [10, 1], [5, 2], [10, 2]] as const) {
    const t = performance.now();
    const r = selectKeyPlayers(csr, { k, reachSteps: m, targets: TARGETS, community });
    console.log(`  k=${k} m=${m}: ${(performance.now() - t).toFixed(0)} ms; ${describe(r)}`);
  }
  if (name === 'SC1 subset') {
    for (const m of [1, 2] as const) {
      const t = performance.now();
      const rob = convenerRobustness(csr, vi, { k: 5, reachSteps: m, targets: TARGETS, community, bootstraps: B, seed: 1 });
      console.log(
        `  robustness k=5 m=${m}, ${B} bootstraps: ${((performance.now() - t) / 1000).toFixed(1)} s; picks ` +
          rob.picks.map((p) => `${p.id} ${p.fraction.toFixed(2)}`).join(', ') +
          `; alternates ${rob.alternates.slice(0, 3).map((p) => `${p.id} ${p.fraction.toFixed(2)}`).join(', ')}; mean overlap ${rob.meanOverlap.toFixed(2)}, all sectors ${rob.allSectorsReachedFraction.toFixed(2)}`,
      );
    }
  }
}

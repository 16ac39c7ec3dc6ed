import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { louvainPartition } from '../../../src/analysis/clusters';
import { convenerSentence, selectConveners, type ConvenerPick } from '../../../src/analysis/conveners';
import { buildCsr } from '../../../src/analysis/csr';
import { loadGraph, randomGraph } from './helpers';

const TARGETS = ['tech', 'care', 'government'];

describe('conveners on sector8 (municipality M as government)', () => {
  const graph = loadGraph('sector8', { rename: { municipality: 'government' } });
  const csr = buildCsr(graph);
  // Fixed communities: tech {T1..T4}, care {C1..C3}, {M}.
  const community = Int32Array.from(csr.ids, (id) => (id.startsWith('T') ? 0 : id.startsWith('C') ? 1 : 2));

  it('picks M, then T3, then C1 (hand-computed scores)', () => {
    const r = selectConveners(csr, { k: 3, targets: TARGETS, community });
    expect(r.picks.map((p) => p.id)).toEqual(['M', 'T3', 'C1']);
    // M: 4 reached others + 10·3 sectors + 3·3 communities
    expect(r.picks.map((p) => p.score)).toEqual([43, 2, 1]);
    const [m, t3, c1] = r.picks as [ConvenerPick, ConvenerPick, ConvenerPick];
    expect(m.newlyReached).toEqual({ tech: 2, care: 2, government: 0 });
    expect(m.newSectors).toEqual(['tech', 'care', 'government']);
    expect(m.newCommunities).toEqual([1, 2, 3]);
    expect(m.newlyReachedCommunities).toEqual([1, 2]);
    expect(m.distanceToMunicipality).toBe(0);
    expect(t3.newlyReached).toEqual({ tech: 2, care: 0, government: 0 });
    expect(t3.distanceToMunicipality).toBe(1);
    expect(c1.newlyReached).toEqual({ tech: 0, care: 1, government: 0 });
    expect(c1.cumulativeReached).toBe(7);
    expect(r.reachedTotal).toBe(7);
    expect(r.targetTotal).toBe(8);
    // Borgatti m-reach of {M, T3, C1}: everyone else is one step away.
    expect(r.mReach).toBe(5);
  });

  it('stops early when no candidate adds anything', () => {
    const r = selectConveners(csr, { k: 10, targets: TARGETS, community });
    expect(r.k).toBe(10);
    expect(r.picks.map((p) => p.id)).toEqual(['M', 'T3', 'C1']);
  });

  it('with two steps one pick reaches everyone', () => {
    const r = selectConveners(csr, { k: 3, reachSteps: 2, targets: TARGETS, community });
    expect(r.picks.map((p) => p.id)).toEqual(['M']);
    expect(r.picks[0]!.newlyReachedTotal).toBe(7);
    expect(r.mReach).toBe(7);
  });

  it('turns the facts into Dutch and English sentences', () => {
    const r = selectConveners(csr, { k: 3, targets: TARGETS, community });
    const [m, t3] = r.picks as [ConvenerPick, ConvenerPick];
    expect(convenerSentence(m, 'en')).toBe(
      'links 2 tech firms and 2 care providers in clusters 1 and 2 that no earlier pick reaches; is itself a government organisation',
    );
    expect(convenerSentence(m, 'nl')).toBe(
      'verbindt 2 techbedrijven en 2 zorgaanbieders in clusters 1 en 2 die nog geen eerdere keuze bereikt; is zelf een overheidsorganisatie',
    );
    expect(convenerSentence(t3, 'en')).toBe(
      'links 2 tech firms in cluster 1 that no earlier pick reaches; is directly tied to the municipality',
    );
    expect(convenerSentence({ ...t3, distanceToMunicipality: 2 }, 'en')).toMatch(/; is 2 steps from the municipality$/);
    expect(convenerSentence({ ...t3, distanceToMunicipality: 2 }, 'nl')).toMatch(/; staat op 2 stappen van de gemeente$/);
    expect(convenerSentence({ ...t3, distanceToMunicipality: null }, 'nl')).toMatch(/kan de gemeente niet bereiken$/);
    expect(
      convenerSentence({ ...t3, newlyReached: { tech: 0, care: 6, government: 1 }, newlyReachedCommunities: [3] }, 'en'),
    ).toMatch(/^links 6 care providers and 1 government organisation in cluster 3 that/);
  });
});

describe('conveners: lazy greedy (CELF) equals full re-scoring', () => {
  it('on random graphs, for 1 and 2 steps', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 5, max: 80 }),
        fc.integer({ min: 1, max: 10 }),
        fc.constantFrom(1 as const, 2 as const),
        (seed, n, k, reachSteps) => {
          const g = randomGraph(n, Math.floor(n * 1.5), seed, ['tech', 'care', 'government', 'knowledge']);
          const csr = buildCsr(g);
          const community = louvainPartition(g, csr, { seed }).of;
          const lazy = selectConveners(csr, { k, reachSteps, targets: TARGETS, community });
          const full = selectConveners(csr, { k, reachSteps, targets: TARGETS, community, lazy: false });
          expect(lazy.picks).toEqual(full.picks);
          // the running total never exceeds the number of target organisations
          expect(lazy.reachedTotal).toBeLessThanOrEqual(lazy.targetTotal);
        },
      ),
      { numRuns: 60 },
    );
  });
});

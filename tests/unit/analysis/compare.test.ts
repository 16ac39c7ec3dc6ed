import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bridgeTracker } from '../../../src/analysis/bridgeTracker';
import { analyseViews, clustersReachedOnPartition, compareScenario, compareViews, hypotheticalTieFlags, type ViewAnalysis } from '../../../src/analysis/compare';
import { parseCanonicalFiles } from '../../../src/data/canonical';
import { scenarioFromCsv } from '../../../src/data/scenario';
import { applyFilters, DEFAULT_FILTERS, type Filters } from '../../../src/filters/filters';
import { buildNetwork, sectorCodes } from '../../../src/graph/network';

const DIR = join(__dirname, '../../fixtures/compare');
const read = (name: string) => ({ name, text: readFileSync(join(DIR, name), 'utf8') });
const { dataset } = parseCanonicalFiles([read('participations.csv')], { datasetName: 'fixture' });
const year = (y: number): Filters => ({ ...DEFAULT_FILTERS, years: [y, y] });
// Few null draws and bootstraps: the counts compared here do not depend on them.
const fast = { focal: 'gem', nullDraws: 200, bootstraps: 5 };

const pairs = (ties: { source: string; target: string }[]) => ties.map((t) => `${t.source}|${t.target}`);

describe('comparing two periods of one dataset', () => {
  const { comparison: c, before, after } = compareViews(dataset, year(2019), year(2020), fast);

  it('shares one projection between the two views', () => {
    expect(before.network).toBe(after.network);
  });

  it('counts organisations, ties, components and isolates of each view', () => {
    expect(c.before).toMatchObject({ organisations: 7, activities: 5, ties: 4, components: 3, isolates: 1 });
    expect(c.after).toMatchObject({ organisations: 7, activities: 5, ties: 9, components: 2, isolates: 0 });
  });

  it('lists the ties formed and lost and the organisations that entered and left, by id', () => {
    expect(pairs(c.tiesFormed)).toEqual([
      'care-a|tech-a',
      'care-a|tech-c',
      'care-a|uni',
      'care-b|gem',
      'gem|tech-b',
      'tech-a|tech-c',
      'tech-c|uni',
    ]);
    expect(pairs(c.tiesLost)).toEqual(['care-a|gem', 'gem|tech-a']);
    expect(c.organisationsEntered).toEqual(['tech-c']);
    expect(c.organisationsLeft).toEqual(['iso']);
    // Outside a scenario no tie is marked hypothetical.
    expect(c.tiesFormed.every((t) => !('hypothetical' in t))).toBe(true);
  });

  it('gives the target-sector pairs with the two-mode interval', () => {
    const ties = (side: typeof c.before) => side.targetPairs.map((p) => `${p.a}-${p.b}:${p.ties}`);
    expect(ties(c.before)).toEqual(['tech-care:1', 'tech-government:1', 'care-government:1']);
    expect(ties(c.after)).toEqual(['tech-care:3', 'tech-government:1', 'care-government:1']);
    for (const [summary, view] of [[c.before, before], [c.after, after]] as const) {
      summary.targetPairs.forEach((p, k) => {
        expect(p.interval).not.toBeNull();
        expect(p.interval!.low).toBeLessThanOrEqual(p.interval!.expected);
        expect(p.interval!.expected).toBeLessThanOrEqual(p.interval!.high);
        expect(p.p).toBeGreaterThan(0);
        // The summary says what the analysis says.
        const source = view.result.mixing.targetPairs[k]!;
        expect([p.a, p.b, p.missing, p.reason, p.interval!.low, p.interval!.high]).toEqual([source.a, source.b, source.missing, source.reason, source.low, source.high]);
      });
    }
  });

  it("gives the focal organisation's distance to each sector", () => {
    const d = (side: typeof c.before) => Object.fromEntries(side.focal!.distances.map((x) => [x.sector, x.distance]));
    expect(c.before.focal!.id).toBe('gem');
    expect(d(c.before)).toMatchObject({ tech: 1, care: 1, knowledge: 2, government: null, network: null });
    expect(d(c.after)).toMatchObject({ tech: 1, care: 1, knowledge: null, government: null });
  });

  it('lists the clusters lacking a target sector, with their stability', () => {
    // 2020: the clique tech-a, care-a, uni, tech-c has no government; gem, care-b, tech-b has all three.
    expect(c.after.clustersLacking).toEqual([{ id: 1, size: 4, lacks: ['government'], stability: 1, stable: true }]);
    for (const x of c.before.clustersLacking) expect(x.size).toBeGreaterThanOrEqual(3);
  });

  it('reports the conveners of each side', () => {
    expect(c.after.conveners.targetTotal).toBe(6);
    expect(c.after.conveners.picks.length).toBeGreaterThan(0);
  });

  it('gives the same counts as the filters on the network (the app)', () => {
    const network = buildNetwork(dataset);
    const sectors = sectorCodes(network);
    for (const [side, f] of [[c.before, year(2019)], [c.after, year(2020)]] as const) {
      const counts = applyFilters(network, sectors, f).counts;
      expect([side.organisations, side.activities, side.ties]).toEqual([counts.organisations, counts.activities, counts.ties]);
    }
  });

  it('compares any two filter sets: all data against technology and care only', () => {
    const r = compareViews(dataset, DEFAULT_FILTERS, { ...DEFAULT_FILTERS, sectors: ['tech', 'care'] }, fast);
    expect(r.comparison.before).toMatchObject({ organisations: 8, ties: 11, components: 2, isolates: 1 });
    // Left: gem, iso, uni. Kept ties: care-a–tech-a, care-a–tech-c, care-b–tech-b, tech-a–tech-c.
    expect(r.comparison.organisationsLeft).toEqual(['gem', 'iso', 'uni']);
    expect(r.comparison.after).toMatchObject({ organisations: 5, ties: 4 });
    expect(r.comparison.tiesFormed).toEqual([]);
    expect(r.comparison.after.focal).toBeNull();
    expect(r.comparison.after.focalNote).toBe('not_visible');
  });
});

describe('a what-if scenario', () => {
  const scenario = scenarioFromCsv(dataset, readFileSync(join(DIR, 'scenario.csv'), 'utf8'), 'scenario.csv');
  const { comparison: c, after } = compareScenario(scenario.dataset, DEFAULT_FILTERS, fast);

  it('compares the data without and with the hypothetical rows', () => {
    expect(c.before).toMatchObject({ organisations: 8, ties: 11, components: 2 });
    expect(c.after).toMatchObject({ organisations: 9, ties: 14, components: 2 });
    expect(c.organisationsEntered).toEqual(['nieuwe-zorgstart']);
    expect(c.organisationsLeft).toEqual([]);
    expect(c.tiesLost).toEqual([]);
  });

  it('marks the ties that rest on hypothetical participations', () => {
    expect(c.tiesFormed).toEqual([
      { source: 'care-b', target: 'nieuwe-zorgstart', hypothetical: true },
      { source: 'care-b', target: 'tech-a', hypothetical: true },
      { source: 'nieuwe-zorgstart', target: 'tech-a', hypothetical: true },
    ]);
    // gem joins the living lab P5 of tech-b and care-b: both ties existed (C1, P4) and are strengthened.
    expect(c.after.hypotheticalTies).toEqual({ only: 3, partly: 2 });
    expect(c.before.hypotheticalTies).toBeUndefined();
    const flags = hypotheticalTieFlags(after.network, after.visibility);
    const marked = after.result.ties.flatMap((t, k) => (flags[k] ? [`${t.source}|${t.target}:${flags[k]}`] : []));
    expect(marked).toEqual(['care-b|gem:1', 'care-b|nieuwe-zorgstart:2', 'care-b|tech-a:2', 'gem|tech-b:1', 'nieuwe-zorgstart|tech-a:2']);
  });

  it('changes the target-sector pairs as expected', () => {
    const ties = (side: typeof c.before) => side.targetPairs.map((p) => `${p.a}-${p.b}:${p.ties}`);
    expect(ties(c.before)).toEqual(['tech-care:3', 'tech-government:2', 'care-government:2']);
    expect(ties(c.after)).toEqual(['tech-care:5', 'tech-government:2', 'care-government:2']);
  });

  it('applies the view to both sides: a year range leaves out the hypothetical activity of 2021', () => {
    const r = compareScenario(scenario.dataset, year(2020), fast);
    // Only gem joining the undated P5 remains: it strengthens two ties and forms none.
    expect(r.comparison.tiesFormed).toEqual([]);
    expect(r.comparison.after.hypotheticalTies).toEqual({ only: 0, partly: 2 });
    expect(r.comparison.after.ties).toBe(r.comparison.before.ties);
  });

  it('counts the clusters reached with the scenario on the real data’s clusters, and says so', () => {
    expect(c.before.focal!.clustersAsBefore).toBeUndefined();
    expect(c.after.focal!.clustersAsBefore).toBe(true);
    expect(c.after.focal!.clustersTotal).toBe(c.before.focal!.clustersTotal);
    expect(c.after.focal!.clustersReached).toBeGreaterThanOrEqual(c.before.focal!.clustersReached);
  });

  it('clusters reached on one partition: only clusters of the minimum size, whatever the other side’s clusters', () => {
    // Before: clusters 1 and 2 of three organisations, cluster 3 of two; gem reaches cluster 1 only.
    // After: it reaches b1 too, and its own run numbered the clusters anew (here: all in one).
    const members: [string, number][] = [['gem', 1], ['a2', 1], ['a3', 1], ['b1', 2], ['b2', 2], ['b3', 2], ['c1', 3], ['c2', 3]];
    const view = (reached: string[], community: (id: string, c: number) => number) =>
      ({
        result: {
          organisations: members.map(([id, c]) => ({ id, community: community(id, c), focalDistance: reached.includes(id) ? 1 : null })),
          communities: [1, 2, 3].map((id) => ({ id, size: members.filter(([, c]) => c === id).length })),
        },
      }) as unknown as ViewAnalysis;
    const before = view(['gem', 'a2', 'a3'], (_, c) => c);
    const after = view(['gem', 'a2', 'a3', 'b1', 'c1'], () => 1);
    expect(clustersReachedOnPartition(before, before, 3)).toBe(1);
    expect(clustersReachedOnPartition(before, after, 3)).toBe(2);
    expect(clustersReachedOnPartition(before, after, 2)).toBe(3);
  });

  it('reuses an analysis of the real data passed as before', () => {
    const [real] = analyseViews(dataset, [DEFAULT_FILTERS], fast);
    const r = compareScenario(scenario.dataset, DEFAULT_FILTERS, fast, real);
    expect(r.before).toBe(real);
    expect(r.comparison.tiesFormed).toEqual(c.tiesFormed);
  });
});

describe('the bridge tracker', () => {
  const network = buildNetwork(dataset);
  const sectors = sectorCodes(network);

  it('counts cross-sector ties per year; spans count every year, undated ties apart', () => {
    const t = bridgeTracker(network, sectors, { targets: ['tech', 'care', 'government'] });
    expect([t.firstYear, t.lastYear]).toEqual([2018, 2020]);
    expect(t.pairs).toEqual([
      { a: 'tech', b: 'care', ties: 3, dated: 2, undatedOnly: 1 },
      { a: 'tech', b: 'government', ties: 2, dated: 2, undatedOnly: 0 },
      { a: 'care', b: 'government', ties: 2, dated: 2, undatedOnly: 0 },
    ]);
    const series = (a: string, b: string) => t.rows.filter((r) => r.a === a && r.b === b).map((r) => [r.year, r.ties]);
    expect(series('tech', 'care')).toEqual([[2018, 0], [2019, 0], [2020, 2]]);
    // gem–tech-a through P7 (2018–2019), gem–tech-b through C1 (2020).
    expect(series('tech', 'government')).toEqual([[2018, 1], [2019, 1], [2020, 1]]);
    // care-b–gem has two activities in 2020 (P4, C1) and counts once.
    expect(series('care', 'government')).toEqual([[2018, 0], [2019, 1], [2020, 1]]);
  });

  it('follows a view: only its ties and its activities count', () => {
    const f: Filters = { ...DEFAULT_FILTERS, kinds: ['project'] };
    const t = bridgeTracker(network, sectors, { targets: ['tech', 'care', 'government'], visibility: applyFilters(network, sectors, f) });
    // Without C1 and P5: tech–care 2 (2020), tech–government 1 (2018–2019), care–government 2 (2019, 2020).
    expect(t.pairs.map((p) => p.ties)).toEqual([2, 1, 2]);
    expect(t.rows.filter((r) => r.a === 'tech' && r.b === 'government').map((r) => r.ties)).toEqual([1, 1, 0]);
  });

  it('has no years when no tie is dated', () => {
    const t = bridgeTracker(network, sectors, { targets: ['tech', 'citizens'] });
    expect(t).toEqual({ firstYear: null, lastYear: null, pairs: [{ a: 'tech', b: 'citizens', ties: 0, dated: 0, undatedOnly: 0 }], rows: [] });
  });
});

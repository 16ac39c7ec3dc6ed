import { describe, expect, it } from 'vitest';
import { bridgeTracker } from '../../../src/analysis/bridgeTracker';
import { compareScenario, compareViews } from '../../../src/analysis/compare';
import { DEFAULT_ANALYSIS_OPTIONS, type AnalysisInput } from '../../../src/analysis/stages';
import { introductionScenarioRows } from '../../../src/change/scenarioRows';
import { applyScenario } from '../../../src/data/scenario';
import { applyFilters, DEFAULT_FILTERS, type Filters } from '../../../src/filters/filters';
import { sectorCodes } from '../../../src/graph/network';
import { DEFAULT_PROJECTION_RULES } from '../../../src/graph/projection';
import { createAnalysisService } from '../../../src/workers/analysisService';
import type { AnalysisProtocol, ChangeProgress } from '../../../src/workers/protocols';
import { CancelledError, inProcessPair, RpcClient, serve } from '../../../src/workers/rpc';
import { denHaagDataset, denHaagNetwork, denHaagView } from '../../helpers/denHaag';
import { convenerIntroductions } from '../../../src/worklist/introductions';

const dataset = denHaagDataset();
const FOCAL = 'gemeente-den-haag';
// Fewer null draws and no bootstraps keep the test quick; the worker and the engine use the same.
const options = { ...DEFAULT_ANALYSIS_OPTIONS, focal: FOCAL, nullDraws: 200, bootstraps: 0 };
const input = (filters: Filters): AnalysisInput => ({ ...options, filters, sectorsVersion: 'v1' });
const years = (a: number, b: number): Filters => ({ ...DEFAULT_FILTERS, years: [a, b] });

async function worker() {
  const [clientEnd, serverEnd] = inProcessPair();
  serve<AnalysisProtocol>(serverEnd, createAnalysisService());
  const client = new RpcClient<AnalysisProtocol>(clientEnd);
  await client.call('load', { dataset, rules: DEFAULT_PROJECTION_RULES, networkVersion: 'n1' });
  await client.call('setSectors', { corrections: [], version: 'v1' });
  return client;
}

/** Plain data, as it crossed the worker boundary. */
const plain = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

describe('the analysis worker’s change methods', () => {
  it('compare: the same document as compareViews and the bridge tracker on the engine, with progress per side', async () => {
    const client = await worker();
    const sides = new Set<string>();
    const doc = await client.call(
      'compare',
      { before: input(years(2006, 2019)), after: input(years(2006, 2020)), trackerFilters: DEFAULT_FILTERS },
      { onProgress: (p: ChangeProgress) => sides.add(p.side) },
    );
    const expected = compareViews(dataset, years(2006, 2019), years(2006, 2020), { focal: FOCAL, nullDraws: 200, bootstraps: 0 });
    const { filters, bridgeTracker: tracker, ...comparison } = doc;
    expect(comparison).toEqual(plain(expected.comparison));
    expect(filters).toEqual({ before: 'years=2006-2019', after: 'years=2006-2020' });
    const network = denHaagNetwork();
    const sectors = sectorCodes(network);
    expect(tracker).toEqual(bridgeTracker(network, sectors, { targets: options.targets, visibility: applyFilters(network, sectors, DEFAULT_FILTERS) }));
    expect(tracker.rows.find((r) => r.a === 'care' && r.b === 'government' && r.year === 2020)?.ties).toBe(19);
    expect([...sides].sort()).toEqual(['after', 'before']);
    client.dispose();
  });

  it('scenario: the same comparison as compareScenario, with what the scenario added named', async () => {
    const client = await worker();
    const rows = [
      ...introductionScenarioRows(dataset, [], [{ a: { id: FOCAL, name: 'Gemeente Den Haag' }, b: { id: 'senseglove', name: 'SenseGlove' } }]),
      { activity_id: 'introduction-1', organisation: 'Thuiszorgtech Haaglanden', sector: 'tech' },
    ];
    const outcome = await client.call('scenario', { rows, file: 'scenario', input: input(DEFAULT_FILTERS) });
    const applied = applyScenario(dataset, rows, { file: 'scenario' });
    const expected = compareScenario(applied.dataset, DEFAULT_FILTERS, { focal: FOCAL, nullDraws: 200, bootstraps: 0 });
    const { file, import: report, added, ...comparison } = outcome.document;
    expect(comparison).toEqual(plain(expected.comparison));
    expect(file).toBe('scenario');
    expect(report).toMatchObject({ rowsRead: 3, rowsUsed: 3, rowsRejected: 0 });
    expect(added).toEqual({ organisations: ['thuiszorgtech-haaglanden'], activities: ['introduction-1'], participations: 3 });
    expect(outcome.organisations).toEqual([{ id: 'thuiszorgtech-haaglanden', name: 'Thuiszorgtech Haaglanden', sector: 'tech', hypothetical: true }]);
    expect(comparison.tiesFormed.every((t) => t.hypothetical)).toBe(true);
    client.dispose();
  });

  it('focalIf: the focal organisation now and with each scenario', async () => {
    const client = await worker();
    const rows = introductionScenarioRows(dataset, [], [{ a: { id: FOCAL, name: 'Gemeente Den Haag' }, b: { id: 'medical-delta', name: 'Medical Delta' } }]);
    const r = await client.call('focalIf', { input: input(DEFAULT_FILTERS), scenarios: [{ id: 'x', rows }, { id: 'none', rows: [] }] });
    expect(r.before!.id).toBe(FOCAL);
    expect(r.after.map((a) => a.id)).toEqual(['x', 'none']);
    // No rows: the same position, its clusters counted on today's clusters (as every scenario's are).
    expect(r.after[1]!.focal).toEqual({ ...r.before, clustersAsBefore: true });
    expect(r.after[0]!.focal!.degree).toBe(r.before!.degree + 1);
    // Ties only added: on today's clusters the reach cannot fall, and the total stays (each
    // scenario's own Louvain run made it "8 → 7 of 12", "8 → 9 of 14" in the meeting pack).
    expect(r.after[0]!.focal!.clustersTotal).toBe(r.before!.clustersTotal);
    expect(r.after[0]!.focal!.clustersReached).toBeGreaterThanOrEqual(r.before!.clustersReached);
    client.dispose();
  });

  it('focalIf for the meeting pack: with each convener’s introductions the reach on today’s clusters never falls', async () => {
    const client = await worker();
    const result = denHaagView().result;
    const intros = convenerIntroductions(result, { perConvener: 3 });
    const scenarios = result.conveners.picks.map((p) => ({
      id: p.id,
      rows: introductionScenarioRows(dataset, [], intros.filter((i) => i.convener.id === p.id).map((i) => ({ a: { id: i.a.id, name: i.a.label }, b: { id: i.b.id, name: i.b.label } }))),
    }));
    expect(scenarios.filter((s) => s.rows.length).length).toBeGreaterThan(2);
    const r = await client.call('focalIf', { input: input(DEFAULT_FILTERS), scenarios });
    for (const a of r.after) {
      expect(a.focal!.clustersTotal, a.id).toBe(r.before!.clustersTotal);
      expect(a.focal!.clustersReached, a.id).toBeGreaterThanOrEqual(r.before!.clustersReached);
    }
    client.dispose();
  }, 60_000);

  it('a cancelled comparison stops, and the worker answers the next call', async () => {
    const client = await worker();
    const controller = new AbortController();
    // Cancelled as soon as it has started (its first progress message).
    const call = client.call(
      'compare',
      { before: input(years(2006, 2019)), after: input(years(2006, 2020)), trackerFilters: DEFAULT_FILTERS },
      { signal: controller.signal, onProgress: () => controller.abort() },
    );
    await expect(call).rejects.toBeInstanceOf(CancelledError);
    const doc = await client.call('compare', { before: input(years(2016, 2016)), after: input(years(2020, 2020)), trackerFilters: DEFAULT_FILTERS });
    expect(doc.filters).toEqual({ before: 'years=2016-2016', after: 'years=2020-2020' });
    client.dispose();
  });
});

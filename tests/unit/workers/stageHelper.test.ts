import { describe, expect, it, vi } from 'vitest';
import { HELPER_STAGES } from '../../../src/analysis/index';
import { DEFAULT_ANALYSIS_OPTIONS, STAGES, type AnalysisEvent, type AnalysisInput, type StageName, type StageResult } from '../../../src/analysis/stages';
import { DEFAULT_FILTERS } from '../../../src/filters/filters';
import { DEFAULT_PROJECTION_RULES } from '../../../src/graph/projection';
import { createAnalysisService, type AnalysisServiceOptions } from '../../../src/workers/analysisService';
import type { AnalysisProtocol } from '../../../src/workers/protocols';
import { inProcessPair, RpcClient, serve } from '../../../src/workers/rpc';
import type { HelperEndpoint } from '../../../src/workers/stageHelperClient';
import { createStageHelperService, type StageHelperProtocol } from '../../../src/workers/stageHelperService';
import { denHaagDataset } from '../../helpers/denHaag';

const input = (over: Partial<AnalysisInput> = {}): AnalysisInput => ({ ...DEFAULT_ANALYSIS_OPTIONS, filters: DEFAULT_FILTERS, sectorsVersion: 'v', ...over });

/**
 * Stage helpers served in-process; records what each computed and how many were ended. With
 * `holdFirst`, the first helper starts computing only when `release` is called.
 */
function helpers(holdFirst = false) {
  const computed: StageName[] = [];
  /** Seeds of each Louvain call. */
  const louvain: number[][] = [];
  let started = 0;
  let terminated = 0;
  let release = () => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  const spawn = (): HelperEndpoint => {
    const held = holdFirst && started === 0;
    started++;
    const [client, server] = inProcessPair();
    const service = createStageHelperService();
    serve<StageHelperProtocol>(server, {
      ...service,
      louvain(params, context) {
        louvain.push(params.seeds);
        return service.louvain(params, context);
      },
      async compute(params, context) {
        computed.push(params.stage);
        if (held) await gate;
        return service.compute(params, context);
      },
    });
    return { ...client, terminate: () => (terminated++, client.terminate()) };
  };
  return { spawn, computed, louvain, release: () => release(), started: () => started, terminated: () => terminated };
}

/** `cores` null: the load does not say (as the command line's in-process worker). */
async function analysisWorker(options: AnalysisServiceOptions, cores: number | null = 4) {
  const [clientEnd, serverEnd] = inProcessPair();
  const service = createAnalysisService(options);
  serve<AnalysisProtocol>(serverEnd, service);
  const client = new RpcClient<AnalysisProtocol>(clientEnd);
  await client.call('load', { dataset: denHaagDataset(), rules: DEFAULT_PROJECTION_RULES, networkVersion: 'n', ...(cores === null ? {} : { cores }) });
  await client.call('setSectors', { corrections: [], version: 'v' });
  return { service, client };
}

/** Every stage's result for the input, as the page receives them. */
async function analyse(client: RpcClient<AnalysisProtocol>, i: AnalysisInput): Promise<Map<StageName, StageResult>> {
  const events: AnalysisEvent[] = [];
  await client.call('analyse', { input: i, wanted: [...STAGES] }, { onProgress: (e) => events.push(e) });
  return new Map(events.flatMap((e) => (e.type === 'result' ? [[e.result.stage, e.result] as const] : [])));
}

/** The data of every stage, without the timings. */
const dataOf = (results: Map<StageName, StageResult>) => Object.fromEntries(STAGES.map((s) => [s, results.get(s)?.data]));

describe('the stage helper (a second analysis worker)', () => {
  it('computes the stages that need no other stage, with the same results as one worker', async () => {
    const alone = await analysisWorker({});
    const expected = await analyse(alone.client, input());
    const h = helpers();
    const paired = await analysisWorker({ createHelper: h.spawn, helperMinTies: 0 });
    const got = await analyse(paired.client, input());
    expect(new Set(got.keys())).toEqual(new Set(STAGES));
    expect(dataOf(got)).toEqual(dataOf(expected));
    expect(new Set(h.computed)).toEqual(new Set(HELPER_STAGES));
    expect(h.computed).toHaveLength(HELPER_STAGES.length);
    // Each stage computed once in all: the helper's results are kept by the analysis worker.
    for (const stage of STAGES) expect(paired.service.engine()!.runs[stage], stage).toBe(1);
    expect(h.started()).toBe(1);
    alone.client.dispose();
    paired.client.dispose();
  });

  it("runs half of every round's Louvain runs on two cores, and nothing else; the same results", async () => {
    const alone = await analysisWorker({});
    const expected = await analyse(alone.client, input());
    const h = helpers();
    const paired = await analysisWorker({ createHelper: h.spawn, helperMinTies: 0 }, 2);
    expect(dataOf(await analyse(paired.client, input()))).toEqual(dataOf(expected));
    expect(h.computed).toEqual([]);
    const communities = expected.get('communities')!.data as { runs: number };
    // The small network gets the most first-round runs (64): 32 went to the helper; then half of
    // each later round (the last run, on the final consensus graph, stays here).
    expect(h.louvain.length).toBeGreaterThan(1);
    expect(h.louvain[0]).toHaveLength(32);
    const later = communities.runs - 64 - 1;
    expect(h.louvain.slice(1).reduce((sum, seeds) => sum + seeds.length, 0)).toBeGreaterThanOrEqual(later / 2);
    expect(communities.runs).toBeGreaterThan(64);
    alone.client.dispose();
    paired.client.dispose();
  });

  it('is not started on a small network, nor on a machine of one core', async () => {
    for (const [options, cores] of [
      [{}, 4],
      [{ helperMinTies: 0 }, 1],
      [{ helperMinTies: 0 }, null],
    ] as const) {
      const h = helpers();
      const { client } = await analysisWorker({ createHelper: h.spawn, ...options }, cores);
      expect((await analyse(client, input())).size).toBe(STAGES.length);
      expect(h.started(), `${JSON.stringify(options)} on ${cores} cores`).toBe(0);
      client.dispose();
    }
  });

  it('a newer request for another view ends the helper and gets its own results', async () => {
    const h = helpers(true);
    const paired = await analysisWorker({ createHelper: h.spawn, helperMinTies: 0 });
    const older = input({ filters: { ...DEFAULT_FILTERS, minWeight: 2 } });
    const first = paired.client.call('analyse', { input: older, wanted: [...STAGES] });
    // The helper has the older view's stages in hand (and holds them) when the newer request comes.
    await vi.waitFor(() => expect(h.computed.length).toBe(HELPER_STAGES.length));
    const newer = analyse(paired.client, input());
    expect(await first).toEqual({ superseded: true });
    h.release();
    const got = await newer;
    expect(h.terminated()).toBe(1);
    expect(h.started()).toBe(2);
    const alone = await analysisWorker({});
    expect(dataOf(got)).toEqual(dataOf(await analyse(alone.client, input())));
    paired.client.dispose();
    alone.client.dispose();
  });

  it('a new dataset ends the helper while it still computes for the previous one', async () => {
    const h = helpers(true);
    const paired = await analysisWorker({ createHelper: h.spawn, helperMinTies: 0 });
    const first = paired.client.call('analyse', { input: input(), wanted: [...STAGES] });
    await vi.waitFor(() => expect(h.computed.length).toBe(HELPER_STAGES.length));
    await paired.client.call('load', { dataset: denHaagDataset(), rules: DEFAULT_PROJECTION_RULES, networkVersion: 'n2', cores: 4 });
    expect(h.terminated()).toBe(1);
    await paired.client.call('setSectors', { corrections: [], version: 'v' });
    h.release();
    const alone = await analysisWorker({});
    expect(dataOf(await analyse(paired.client, input()))).toEqual(dataOf(await analyse(alone.client, input())));
    void first.catch(() => undefined);
    paired.client.dispose();
    alone.client.dispose();
  });

  it('when the helper worker fails, the analysis worker computes its stages itself', async () => {
    let started = 0;
    const broken = (): HelperEndpoint => {
      started++;
      const [client] = inProcessPair();
      const endpoint: HelperEndpoint = { ...client, terminate: () => client.terminate() };
      // The worker's script cannot load: its error event comes, and no answer ever does.
      setTimeout(() => endpoint.onerror?.({ message: 'blocked' } as ErrorEvent), 5);
      return endpoint;
    };
    const paired = await analysisWorker({ createHelper: broken, helperMinTies: 0 });
    const alone = await analysisWorker({});
    expect(dataOf(await analyse(paired.client, input()))).toEqual(dataOf(await analyse(alone.client, input())));
    // Not started again for the next request.
    await analyse(paired.client, input({ k: 3 }));
    expect(started).toBe(1);
    paired.client.dispose();
    alone.client.dispose();
  });

  it('refuses a stage that needs another stage', async () => {
    const service = createStageHelperService();
    const context = { progress: () => undefined, signal: new AbortController().signal };
    expect(() => service.compute({ view: 'x', stage: 'clusters', input: DEFAULT_ANALYSIS_OPTIONS }, context)).toThrow(/depends on other stages/);
    expect(() => service.compute({ view: 'x', stage: 'structure', input: DEFAULT_ANALYSIS_OPTIONS }, context)).toThrow(/no view x/);
  });
});

import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_ANALYSIS_OPTIONS, STAGES, type AnalysisEvent, type AnalysisInput } from '../../../src/analysis/stages';
import { DEFAULT_FILTERS } from '../../../src/filters/filters';
import { DEFAULT_PROJECTION_RULES, tieAdjacency, withIdIndexes } from '../../../src/graph/projection';
import { createAnalysisService } from '../../../src/workers/analysisService';
import type { AnalysisProtocol } from '../../../src/workers/protocols';
import { CancelledError, inProcessPair, RemoteError, RpcClient, serve } from '../../../src/workers/rpc';
import { denHaagDataset } from '../../helpers/denHaag';

interface TestProtocol {
  count: { params: { to: number }; result: number; progress: { at: number } };
  fail: { params: null; result: never; progress: never };
  wait: { params: null; result: string; progress: never };
}

function pair() {
  const [clientEnd, serverEnd] = inProcessPair();
  let sawAbort = false;
  serve<TestProtocol>(serverEnd, {
    count({ to }, { progress }) {
      for (let i = 1; i <= to; i++) progress({ at: i });
      return to;
    },
    fail() {
      throw Object.assign(new Error('too large'), { name: 'ProjectionTooLargeError', data: { pairs: 7 } });
    },
    wait(_p, { signal }) {
      return new Promise((resolve) => {
        signal.addEventListener('abort', () => {
          sawAbort = true;
          resolve('stopped');
        });
      });
    },
  });
  return { client: new RpcClient<TestProtocol>(clientEnd), sawAbort: () => sawAbort };
}

/** The analysis worker's handlers served in-process, and a client of them. */
function analysisWorker() {
  const [clientEnd, serverEnd] = inProcessPair();
  const service = createAnalysisService();
  serve<AnalysisProtocol>(serverEnd, service);
  return { service, client: new RpcClient<AnalysisProtocol>(clientEnd) };
}

describe('the typed worker protocol', () => {
  it('answers with progress, then the result', async () => {
    const { client } = pair();
    const seen: number[] = [];
    expect(await client.call('count', { to: 3 }, { onProgress: (p) => seen.push(p.at) })).toBe(3);
    expect(seen).toEqual([1, 2, 3]);
  });

  it('carries an error with its name and structured details', async () => {
    const { client } = pair();
    const error = await client.call('fail', null).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RemoteError);
    expect(error).toMatchObject({ name: 'ProjectionTooLargeError', message: 'too large', data: { pairs: 7 } });
  });

  it('cancels: the caller gets CancelledError at once, the handler sees its signal aborted', async () => {
    const { client, sawAbort } = pair();
    const controller = new AbortController();
    const call = client.call('wait', null, { signal: controller.signal });
    controller.abort();
    await expect(call).rejects.toBeInstanceOf(CancelledError);
    await new Promise((r) => setTimeout(r, 10));
    expect(sawAbort()).toBe(true);
  });

  it('fails what is pending when disposed, and refuses new calls', async () => {
    const { client } = pair();
    const call = client.call('wait', null);
    client.dispose();
    await expect(call).rejects.toBeInstanceOf(CancelledError);
    await expect(client.call('count', { to: 1 })).rejects.toBeInstanceOf(CancelledError);
  });
});

describe('the analysis worker', () => {
  const input = (k: number): AnalysisInput => ({ ...DEFAULT_ANALYSIS_OPTIONS, filters: DEFAULT_FILTERS, sectorsVersion: 'v', k });

  it('a newer request supersedes the running one; the stages both need run once', async () => {
    const { service, client } = analysisWorker();
    await client.call('load', { dataset: denHaagDataset(), rules: DEFAULT_PROJECTION_RULES, networkVersion: 'n' });
    await client.call('setSectors', { corrections: [], version: 'v' });
    const first: AnalysisEvent[] = [];
    const second: AnalysisEvent[] = [];
    const a = client.call('analyse', { input: input(5), wanted: [...STAGES] }, { onProgress: (e) => first.push(e) });
    const b = client.call('analyse', { input: input(3), wanted: [...STAGES] }, { onProgress: (e) => second.push(e) });
    expect(await a).toEqual({ superseded: true });
    expect(await b).toEqual({ superseded: false });
    // Each result goes out once, on whichever request was the newest when it was done (the page
    // takes both streams): together they hold every stage, and the conveners of k = 3.
    const results = [...first, ...second].filter((e) => e.type === 'result').map((e) => (e.type === 'result' ? e.result : null)!);
    expect(new Set(results.map((r) => r.stage))).toEqual(new Set(STAGES));
    const conveners = results.filter((r) => r.stage === 'conveners');
    expect(conveners.at(-1)!.data).toMatchObject({ k: 3 });
    expect(second.some((e) => e.type === 'result' && e.result.stage === 'conveners')).toBe(true);
    // The structure was computed once, for both requests.
    expect(service.engine()!.runs.structure).toBe(1);
    client.dispose();
  });

  it('hands the page the projection moved, not cloned, and keeps its own', async () => {
    const { service, client } = analysisWorker();
    const onPage = await client.call('load', { dataset: denHaagDataset(), rules: DEFAULT_PROJECTION_RULES, networkVersion: 'n' });
    const own = service.engine()!.network.projection;
    // The in-process pair detaches what is transferred, as a worker does: the worker's arrays are whole.
    expect(own.ties.m).toBeGreaterThan(300);
    expect(own.ties.u.length).toBe(own.ties.m);
    expect(own.incidence.members.length).toBeGreaterThan(0);
    expect(onPage.ties).toEqual(own.ties);
    // The id indexes do not travel (a structured clone of two Maps was most of the page's task): the page rebuilds them.
    expect(onPage.incidence).not.toHaveProperty('orgIndex');
    expect(onPage.incidence).not.toHaveProperty('actIndex');
    const { projection, adjacency } = withIdIndexes(onPage);
    expect(projection.incidence).toEqual(own.incidence);
    // The worker's adjacency comes along, equal to what the page would build.
    expect(adjacency).toEqual(tieAdjacency(own.ties, own.incidence.orgIds.length));
    expect(adjacency).toEqual(service.engine()!.network.adjacency);
    client.dispose();
  });

  it('a warm start computes the communities before they are asked for, and they still reach the page', async () => {
    for (const when of ['after', 'during'] as const) {
      const { service, client } = analysisWorker();
      await client.call('load', { dataset: denHaagDataset(), rules: DEFAULT_PROJECTION_RULES, networkVersion: 'n', warm: { ...input(5), sectorsVersion: '0' } });
      // 'after': the page asks once the warm stage is done; 'during': while it still runs.
      if (when === 'after') await vi.waitFor(() => expect(service.engine()!.cached('communities', service.engine()!.keys(input(5)).communities)).toBeTruthy());
      await client.call('setSectors', { corrections: [], version: 'v' });
      const events: AnalysisEvent[] = [];
      expect(await client.call('analyse', { input: input(5), wanted: [...STAGES] }, { onProgress: (e) => events.push(e) })).toEqual({ superseded: false });
      const delivered = events.flatMap((e) => (e.type === 'result' ? [e.result.stage] : []));
      expect(new Set(delivered), when).toEqual(new Set(STAGES));
      expect(service.engine()!.runs.communities, when).toBe(1);
      client.dispose();
    }
  });

  it('a warm start for another input is dropped: the page gets the communities it asked for', async () => {
    const { service, client } = analysisWorker();
    await client.call('load', { dataset: denHaagDataset(), rules: DEFAULT_PROJECTION_RULES, networkVersion: 'n', warm: { ...input(5), resolution: 2, sectorsVersion: '0' } });
    await client.call('setSectors', { corrections: [], version: 'v' });
    const events: AnalysisEvent[] = [];
    await client.call('analyse', { input: input(5), wanted: ['communities'] }, { onProgress: (e) => events.push(e) });
    const communities = events.flatMap((e) => (e.type === 'result' && e.result.stage === 'communities' ? [e.result] : []));
    expect(communities.map((r) => r.key)).toEqual([service.engine()!.keys(input(5)).communities]);
    client.dispose();
  });

  it('refuses a network too large to build, with the activities that cause it', async () => {
    const [clientEnd, serverEnd] = inProcessPair();
    serve<AnalysisProtocol>(serverEnd, createAnalysisService());
    const client = new RpcClient<AnalysisProtocol>(clientEnd);
    const organisations = Array.from({ length: 3600 }, (_x, i) => ({ id: `o${i}`, name: `O${i}`, sector: 'tech' as const, aliases: [], provenance: ['t'] }));
    const dataset = {
      name: 'huge',
      organisations,
      activities: [{ id: 'everyone', title: 'Everyone', kind: 'project', source: 't', provenance: ['t'] }],
      participations: organisations.map((o) => ({ activityId: 'everyone', organisationId: o.id })),
    };
    const error = await client.call('load', { dataset, rules: DEFAULT_PROJECTION_RULES, networkVersion: 'n' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ProjectionTooLargeError' });
    expect((error as RemoteError).data).toMatchObject({ pairs: (3600 * 3599) / 2, large: [{ id: 'everyone', participants: 3600 }] });
    // As a listing (no hub) it forms no tie at all, and loads.
    const loaded = await client.call('load', { dataset, rules: { ...DEFAULT_PROJECTION_RULES, listingActivities: ['everyone'] }, networkVersion: 'n2' });
    expect(loaded.ties.m).toBe(0);
    client.dispose();
  });
});

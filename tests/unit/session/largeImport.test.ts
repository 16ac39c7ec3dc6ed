import { describe, expect, it, vi } from 'vitest';
import { packDataset } from '../../../src/data/import/transport';
import type { Dataset } from '../../../src/data/model';
import { totalReport } from '../../../src/data/report';
import { OVERVIEW_ABOVE } from '../../../src/graph/overview';
import { createAnalysisService } from '../../../src/workers/analysisService';
import type { AnalysisProtocol, LayoutProtocol } from '../../../src/workers/protocols';
import { inProcessPair, serve } from '../../../src/workers/rpc';
import { analysed, harness, until } from './harness';

/** `n` organisations in a ring of two-party projects (every organisation has two partners). */
function ring(n: number): Dataset {
  const sectors = ['tech', 'care', 'government', 'knowledge'] as const;
  const organisations = Array.from({ length: n }, (_, i) => ({ id: `o${i}`, name: `Org ${i}`, sector: sectors[i % 4]!, aliases: [], provenance: ['t'] }));
  const activities = Array.from({ length: n }, (_, i) => ({ id: `a${i}`, title: `Project ${i}`, kind: 'project', source: 'own', provenance: ['t'] }));
  const participations = activities.flatMap((_, i) => [
    { activityId: `a${i}`, organisationId: `o${i}` },
    { activityId: `a${i}`, organisationId: `o${(i + 1) % n}` },
  ]);
  return { name: `ring-${n}`, organisations, activities, participations };
}

/** The store with a layout worker that logs when it is asked (and answers at once). */
function logged() {
  const log: string[] = [];
  const h = harness('', {
    createLayoutWorker() {
      const [client, server] = inProcessPair();
      serve<LayoutProtocol>(server, {
        layout: ({ graph }) => {
          log.push(`layout ${graph.n}`);
          return { x: new Float32Array(graph.n), y: new Float32Array(graph.n) };
        },
      });
      return client;
    },
  });
  h.store.subscribe(() => {
    const { analysis } = h.store.getSnapshot();
    for (const stage of Object.keys(analysis.results)) if (!log.includes(stage)) log.push(stage);
  });
  return { ...h, log };
}

describe('opening a large imported dataset', () => {
  it('analyses a network drawn as its overview without laying out every organisation, until a view asks, once', async () => {
    const d = ring(OVERVIEW_ABOVE + 200);
    const { store, log, service } = logged();
    await store.openImported(d, 'ring.csv', totalReport([], []), packDataset(d));
    await until(store, analysed, 60_000);
    await new Promise((r) => setTimeout(r, 50));
    expect(log.some((e) => e.startsWith('layout'))).toBe(false);
    expect(store.getSnapshot().layout).toBeNull();
    store.ensureLayout();
    store.ensureLayout();
    await until(store, (s) => s.layout !== null, 60_000);
    const firstLayout = log.findIndex((e) => e.startsWith('layout'));
    // Communities come first (the overview is drawn from them); the layout only after the analysis.
    expect(log[0]).toBe('communities');
    expect(firstLayout).toBe(log.length - 1);
    expect(log.filter((e) => e.startsWith('layout'))).toEqual([`layout ${d.organisations.length}`]);
    store.ensureLayout();
    await new Promise((r) => setTimeout(r, 20));
    expect(log.filter((e) => e.startsWith('layout'))).toHaveLength(1);
    // The packed copy reached the analysis worker whole: its network has the page's organisations, in the page's order.
    const ids = (list: readonly { id: string }[]) => list.map((o) => o.id);
    expect(ids(service.engine()!.network.organisations)).toEqual(ids(store.getSnapshot().network!.organisations));
    expect(ids(store.getSnapshot().network!.organisations).sort()).toEqual(ids(d.organisations).sort());
    expect(store.getSnapshot().analysis.assembled!.result.meta.organisations).toBe(d.organisations.length);
    store.dispose();
  }, 90_000);

  it('rebuilds the network in a task after the one that receives the projection', async () => {
    // Receiving H2020's projection and rebuilding the network from it held the page's main thread for
    // half a second as one task. Here: what the page sends on (its sectors) must not leave in the
    // receiving task, whatever the microtasks that task runs.
    const service = createAnalysisService();
    const sent: string[] = [];
    let sentWhileReceiving: string[] | null = null;
    const { store } = harness('', {
      createAnalysisWorker() {
        const [client, server] = inProcessPair();
        serve<AnalysisProtocol>(server, service);
        return {
          ...client,
          postMessage(message: unknown, transfer?: Transferable[]) {
            sent.push((message as { method?: string }).method ?? '?');
            client.postMessage(message, transfer);
          },
          addEventListener(type: 'message', listener: (event: MessageEvent) => void) {
            client.addEventListener(type, (event) => {
              listener(event);
              const answer = (event.data as { value?: { incidence?: unknown } }).value;
              if (!answer?.incidence) return;
              const before = sent.length;
              // Every microtask of the receiving task runs before these 50 hops end.
              void (async () => {
                for (let i = 0; i < 50; i++) await Promise.resolve();
                sentWhileReceiving = sent.slice(before);
              })();
            });
          },
        };
      },
    });
    const d = ring(300);
    await store.openImported(d, 'ring.csv', totalReport([], []), packDataset(d));
    await until(store, (s) => s.phase === 'ready');
    expect(sentWhileReceiving).toEqual([]);
    expect(sent).toContain('setSectors');
    store.dispose();
  });

  it('projects a preloaded dataset once: the worker starts on the packed copy before the page has unpacked it', async () => {
    const d = ring(400);
    const { store, service } = logged();
    const loads: string[] = [];
    const load = service.load.bind(service);
    service.load = (params, context) => {
      loads.push(params.networkVersion);
      // A network drawn organisation by organisation is laid out first: no communities ahead of it.
      expect(params.warm).toBeUndefined();
      return load(params, context);
    };
    const packed = packDataset(d);
    store.preload(packed);
    expect(loads).toEqual([]);
    await new Promise((r) => setTimeout(r, 10));
    expect(loads).toHaveLength(1);
    await store.openImported(d, 'ring.csv', totalReport([], []), packed);
    await until(store, analysed);
    expect(loads).toHaveLength(1);
    expect(store.getSnapshot().networkVersion).toBe(loads[0]);
    // Another dataset opened afterwards is loaded on its own.
    const other = ring(50);
    await store.openImported(other, 'other.csv', totalReport([], []), packDataset(other));
    await until(store, (s) => analysed(s) && s.network!.organisations.length === 50);
    expect(loads).toHaveLength(2);
    store.dispose();
  });

  it('starts a preloaded overview network\'s communities in the worker before the page asks, and computes them once', async () => {
    const d = ring(OVERVIEW_ABOVE + 200);
    const { store, service, log } = logged();
    const warm: boolean[] = [];
    const load = service.load.bind(service);
    service.load = (params, context) => {
      warm.push(params.warm !== undefined);
      return load(params, context);
    };
    const packed = packDataset(d);
    store.preload(packed);
    // The worker is on the communities before the page has opened the dataset.
    await vi.waitFor(() => expect(service.engine()?.runs.communities ?? 0).toBeGreaterThan(0), { timeout: 60_000, interval: 20 });
    expect(warm).toEqual([true]);
    await store.openImported(d, 'ring.csv', totalReport([], []), packed);
    await until(store, analysed, 60_000);
    expect(log[0]).toBe('communities');
    expect(service.engine()!.runs.communities).toBe(1);
    store.dispose();
  }, 90_000);

  it('lays out a network drawn organisation by organisation before analysing it', async () => {
    const d = ring(300);
    const { store, log } = logged();
    await store.openImported(d, 'small.csv', totalReport([], []), packDataset(d));
    await until(store, analysed);
    expect(log[0]).toBe('layout 300');
    store.dispose();
  });
});

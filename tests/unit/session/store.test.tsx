// @vitest-environment jsdom
import { act, render, screen } from '@testing-library/react';
import { StrictMode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { STAGES } from '../../../src/analysis/stages';
import { SessionProvider, useSession } from '../../../src/session/react';
import { freshResult } from '../../../src/session/store';
import { mergeDropped } from '../../../src/session/clean';
import { denHaagDataset } from '../../helpers/denHaag';
import { createAnalysisService } from '../../../src/workers/analysisService';
import type { AnalysisProtocol } from '../../../src/workers/protocols';
import { inProcessPair, serve } from '../../../src/workers/rpc';
import { analysed, harness, until, type Harness } from './harness';

let open: Harness[] = [];
afterEach(() => {
  for (const h of open) h.store.dispose();
  open = [];
});

async function ready(search = ''): Promise<Harness> {
  const h = harness(search);
  open.push(h);
  const dataset = denHaagDataset();
  const layout = new Map(dataset.organisations.map((o, i) => [o.id, [i, i] as [number, number]]));
  await h.store.open(dataset, { kind: 'builtin', id: 'den-haag' }, { layout, correctionsKey: 'den-haag' });
  await until(h.store, analysed);
  return h;
}

const runs = (h: Harness) => ({ ...h.service.engine()!.runs });
const diff = (before: Record<string, number>, after: Record<string, number>) => STAGES.filter((s) => after[s] !== before[s]);

describe('the session store', () => {
  it('analyses the built-in data: every stage once, the document assembled for the current state', async () => {
    const h = await ready();
    const s = h.store.getSnapshot();
    expect(Object.values(runs(h))).toEqual(STAGES.map(() => 1));
    expect(s.analysis.assembled!.result.organisations.length).toBe(s.visibility!.counts.organisations);
    expect(s.analysis.assembled!.result.municipality!.id).toBe('gemeente-den-haag');
  });

  it('applies analysis events that arrive together in one update: one render, not one per stage', async () => {
    // The worker's messages delivered only with its reply, all at once, as a page busy creating the
    // map finds them queued when the worker has finished every stage of a small network.
    const service = createAnalysisService();
    const h = harness('', {
      createAnalysisWorker() {
        const [client, server] = inProcessPair();
        serve<AnalysisProtocol>(server, service);
        const held: MessageEvent[] = [];
        return {
          ...client,
          addEventListener(type: 'message', listener: (event: MessageEvent) => void) {
            client.addEventListener(type, (event) => {
              held.push(event);
              if ((event.data as { t: string }).t === 'progress') return;
              for (const e of held.splice(0)) listener(e);
            });
          },
        };
      },
    });
    open.push(h);
    const updates: number[] = [];
    let results = h.store.getSnapshot().analysis.results;
    h.store.subscribe(() => {
      const now = h.store.getSnapshot().analysis.results;
      if (now !== results) updates.push(Object.keys(now).length - Object.keys(results).length);
      results = now;
    });
    const dataset = denHaagDataset();
    const layout = new Map(dataset.organisations.map((o, i) => [o.id, [i, i] as [number, number]]));
    await h.store.open(dataset, { kind: 'builtin', id: 'den-haag' }, { layout, correctionsKey: 'den-haag' });
    const s = await until(h.store, analysed);
    expect(updates).toEqual([STAGES.length]);
    expect(s.analysis.progress).toBeNull();
    expect(s.analysis.assembled!.stale).toEqual([]);
  });

  it('changing k reruns only the conveners (and their robustness)', async () => {
    const h = await ready();
    const before = runs(h);
    h.store.updateView((v) => ({ ...v, k: 3 }));
    const s = await until(h.store, (x) => analysed(x) && x.analysis.assembled!.result.conveners.k === 3);
    expect(diff(before, runs(h))).toEqual(['conveners', 'robustness']);
    expect(s.analysis.assembled!.result.conveners.picks.length).toBeLessThanOrEqual(3);
    // Back to k = 5: cached, nothing recomputed.
    const cached = runs(h);
    h.store.updateView((v) => ({ ...v, k: 5 }));
    await until(h.store, (x) => analysed(x) && x.analysis.assembled!.result.conveners.k === 5);
    expect(diff(cached, runs(h))).toEqual([]);
  });

  it('a sector correction is an overlay: same network, only what depends on sectors reruns', async () => {
    const h = await ready();
    const before = runs(h);
    const network = h.store.getSnapshot().network;
    const version = h.store.getSnapshot().networkVersion;
    await h.store.setSector('bobergo', 'care');
    const s = await until(h.store, (x) => analysed(x) && x.analysis.assembled!.result.organisations.find((o) => o.id === 'bobergo')!.sector === 'care');
    expect(s.network).toBe(network);
    expect(s.networkVersion).toBe(version);
    expect(diff(before, runs(h))).toEqual(['roles', 'bridges', 'clusters', 'conveners', 'suggestions', 'focal', 'robustness']);
    // Remembered for this dataset.
    expect(h.stored.get('den-haag')!.get('bobergo')).toBe('care');
    const i = s.network!.projection.incidence.orgIndex.get('bobergo')!;
    expect(s.sectors[i]).toBe(1); // SECTORS.indexOf('care')
  });

  it('never pairs a result with a state it was not computed for', async () => {
    const h = await ready();
    const old = h.store.getSnapshot().analysis;
    const oldStructure = old.results.structure!;
    h.store.updateView((v) => ({ ...v, filters: { ...v.filters, sectors: ['care', 'tech'] } }));
    // At once: the keys changed, so the structure result is not fresh any more, and the document is stale.
    const now = h.store.getSnapshot().analysis;
    expect(now.keys!.structure).not.toBe(oldStructure.key);
    expect(freshResult(now, 'structure')).toBeNull();
    expect(now.assembled!.stale).toEqual([...STAGES]);
    const s = await until(h.store, analysed);
    expect(s.analysis.assembled!.result.organisations.every((o) => o.sector === 'care' || o.sector === 'tech')).toBe(true);
    expect(freshResult(s.analysis, 'structure')!.ids.length).toBe(s.visibility!.counts.organisations);
  });

  it('a superseded request stops, and only the newest state is analysed', async () => {
    const h = await ready();
    // Three filter changes in a row, without waiting: the store asks once, for the last.
    h.store.updateView((v) => ({ ...v, filters: { ...v.filters, sources: ['SIA'] } }));
    h.store.updateView((v) => ({ ...v, filters: { ...v.filters, sources: ['RVO'] } }));
    h.store.updateView((v) => ({ ...v, filters: { ...v.filters, sources: ['medical_delta'] } }));
    const s = await until(h.store, analysed);
    expect(s.view.filters.sources).toEqual(['medical_delta']);
    const md = denHaagDataset().activities.filter((a) => a.source === 'medical_delta').length;
    expect(md).toBeGreaterThan(0);
    expect(s.visibility!.counts.activities).toBeLessThanOrEqual(md);
    expect(s.analysis.assembled!.result.meta.organisations).toBe(s.visibility!.counts.organisations);
  });

  it('drops URL values this data does not have, says which, and rewrites the address', async () => {
    const h = await ready('?source=SIA,Nope&org=ghost&ego=nobody:2&focal=gemeente-delft&k=3');
    const s = h.store.getSnapshot();
    expect(s.view.filters.sources).toEqual(['SIA']);
    expect(s.view.selected).toBeNull();
    expect(s.view.filters.ego).toBeNull();
    expect(s.view.focal).toBe('gemeente-delft');
    expect(s.dropped).toEqual([
      { parameter: 'ego', values: ['nobody'] },
      { parameter: 'org', values: ['ghost'] },
      { parameter: 'source', values: ['Nope'] },
    ]);
    expect(h.location.read()).toBe('?source=SIA&k=3&focal=gemeente-delft');
    h.store.dismissDropped();
    expect(h.store.getSnapshot().dropped).toEqual([]);
  });

  it('drops a listing kind no activity has (a typo that replaced the default kinds), not a default kind the data lacks', async () => {
    const h = await ready('?listing=consultaton,fund,consultation');
    const s = h.store.getSnapshot();
    expect(s.view.rules.listingKinds).toEqual(['fund', 'consultation']);
    expect(s.dropped).toEqual([{ parameter: 'listing', values: ['consultaton'] }]);
    // What is left is the default set, which a link does not write.
    expect(h.location.read()).toBe('');
    // The ties are those of the kinds kept: the same network as a link without the typo.
    const clean = await ready('?listing=fund,consultation');
    expect(s.network!.projection.ties.m).toBe(clean.store.getSnapshot().network!.projection.ties.m);
    expect(clean.store.getSnapshot().dropped).toEqual([]);
  });

  it('also reports link values it could not read (k=abc), with those the data lacks, one line per parameter', async () => {
    const h = await ready('?k=abc&view=nope&sector=alien,care&source=SIA,Nope&weight=newman');
    const s = h.store.getSnapshot();
    expect(s.view).toMatchObject({ k: 5, view: 'network' });
    expect(s.view.rules.weight).toBe('newman');
    expect(s.dropped).toEqual([
      { parameter: 'k', values: ['abc'] },
      { parameter: 'sector', values: ['alien'] },
      { parameter: 'source', values: ['Nope'] },
      { parameter: 'view', values: ['nope'] },
    ]);
    expect(h.location.read()).toBe('?source=SIA&sector=care&weight=newman');
    // Unreadable and unknown values of one parameter make one line.
    expect(mergeDropped([{ parameter: 'sector', values: ['alien'] }], [{ parameter: 'city', values: ['Nowhere'] }, { parameter: 'sector', values: ['citizens'] }])).toEqual([
      { parameter: 'city', values: ['Nowhere'] },
      { parameter: 'sector', values: ['alien', 'citizens'] },
    ]);
  });

  it('mirrors the view in the address; Back restores it, cleaned against the data', async () => {
    const h = await ready();
    h.store.updateView((v) => ({ ...v, view: 'bridges' }));
    h.store.updateView((v) => ({ ...v, k: 7 }));
    expect(h.location.read()).toBe('?view=bridges&k=7');
    h.location.back();
    expect(h.store.getSnapshot().view.k).toBe(5);
    expect(h.store.getSnapshot().view.view).toBe('bridges');
    // An entry typed by hand with values that cannot be used: reported, and the entry rewritten
    // (Back at the first entry stays there and tells the store, as popstate does).
    h.location.history[0] = '?view=bridges&k=abc&source=Nope';
    h.location.back();
    expect(h.store.getSnapshot().dropped).toEqual([
      { parameter: 'k', values: ['abc'] },
      { parameter: 'source', values: ['Nope'] },
    ]);
    expect(h.location.read()).toBe('?view=bridges');
  });

  it('is read by React without owning it: a StrictMode double mount keeps the worker and the analysis', async () => {
    const h = harness();
    open.push(h);
    function Probe() {
      const stale = useSession((s) => s.analysis.assembled?.stale.length ?? -1);
      const organisations = useSession((s) => s.analysis.assembled?.result.meta.organisations ?? 0);
      return <p data-testid="probe">{stale === 0 ? `analysed ${organisations}` : 'busy'}</p>;
    }
    render(
      <StrictMode>
        <SessionProvider store={h.store}>
          <Probe />
        </SessionProvider>
      </StrictMode>,
    );
    const dataset = denHaagDataset();
    await act(async () => {
      await h.store.open(dataset, { kind: 'builtin', id: 'den-haag' }, { layout: new Map(), correctionsKey: 'x' });
      await until(h.store, analysed);
    });
    expect(screen.getByTestId('probe').textContent).toBe(`analysed ${dataset.organisations.length}`);
    expect(h.workersStarted()).toBe(1);
    expect(h.workersTerminated()).toBe(0);
  });

  it('changes the tie rules by re-projecting, and records them', async () => {
    const h = await ready();
    const before = h.store.getSnapshot();
    h.store.updateView((v) => ({ ...v, rules: { ...v.rules, listingKinds: [] } }));
    const s = await until(h.store, (x) => analysed(x) && x.networkVersion !== before.networkVersion);
    // Without listings the committee's consultations tie every consulted pair.
    expect(s.network!.projection.ties.m).toBeGreaterThan(before.network!.projection.ties.m);
    expect(s.network!.projection.rules.listingKinds).toEqual([]);
  });

  it('stops before building a network that is too large, and builds it once its largest activity is a listing', async () => {
    const h = harness();
    open.push(h);
    // One activity of 2,500 (3.1 M ties, over the guard) with a lead, and one of three.
    const orgs = Array.from({ length: 2500 }, (_, i) => `o${i}`);
    const dataset = {
      name: 'giant',
      organisations: orgs.map((id) => ({ id, name: id, sector: 'other' as const, aliases: [], provenance: ['t'] })),
      activities: ['giant', 'small'].map((id) => ({ id, title: id, kind: 'project', source: 't', provenance: ['t'] })),
      participations: [
        ...orgs.map((o, i) => ({ activityId: 'giant', organisationId: o, ...(i === 0 ? { role: 'lead' } : {}) })),
        ...['o1', 'o2', 'o3'].map((o) => ({ activityId: 'small', organisationId: o })),
      ],
    };
    await h.store.open(dataset, { kind: 'builtin', id: 'giant' }, { correctionsKey: 'giant' });
    const refused = h.store.getSnapshot();
    expect(refused.phase).toBe('error');
    expect(refused.problem).toMatchObject({ code: 'too-large', pairs: (2500 * 2499) / 2 + 3 });
    // Only the activity that has to be a listing is offered, not the small one.
    expect(refused.problem!.code === 'too-large' && refused.problem!.large.map((a) => a.id)).toEqual(['giant']);
    expect(refused.network).toBeNull();

    h.store.updateView((v) => ({ ...v, rules: { ...v.rules, listingActivities: ['giant'] } }));
    // While the new rules are tried the warning is gone.
    expect(h.store.getSnapshot()).toMatchObject({ phase: 'loading', problem: null });
    const s = await until(h.store, (x) => x.phase === 'ready');
    expect(s.problem).toBeNull();
    // The lead o0's 2,499 ties, and the small activity's three (o1–o2, o1–o3, o2–o3).
    expect(s.network!.projection.ties.m).toBe(2499 + 3);
  });

  it('offers every activity that must become a listing, not only the first few, so one answer builds the network', async () => {
    const h = harness();
    open.push(h);
    // 60 activities of the same 400 organisations: 79,800 ties each, 4,788,000 in all; 23 must go.
    const orgs = Array.from({ length: 400 }, (_, i) => `o${i}`);
    const acts = Array.from({ length: 60 }, (_, a) => `a${String(a).padStart(2, '0')}`);
    const dataset = {
      name: 'many',
      organisations: orgs.map((id) => ({ id, name: id, sector: 'other' as const, aliases: [], provenance: ['t'] })),
      activities: acts.map((id) => ({ id, title: id, kind: 'project', source: 't', provenance: ['t'] })),
      participations: acts.flatMap((a) => orgs.map((o) => ({ activityId: a, organisationId: o }))),
    };
    await h.store.open(dataset, { kind: 'builtin', id: 'many' }, { correctionsKey: 'many' });
    const refused = h.store.getSnapshot().problem;
    expect(refused?.code).toBe('too-large');
    const offered = refused!.code === 'too-large' ? refused!.large.map((a) => a.id) : [];
    expect(offered).toHaveLength(Math.ceil((60 * 79_800 - 3_000_000) / 79_800));
    h.store.updateView((v) => ({ ...v, rules: { ...v.rules, listingActivities: offered } }));
    const s = await until(h.store, (x) => x.phase === 'ready' || x.phase === 'error');
    expect(s.problem).toBeNull();
    expect(s.network!.projection.pairs).toBeLessThanOrEqual(3_000_000);
  });
});

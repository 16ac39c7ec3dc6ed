import { afterEach, describe, expect, it } from 'vitest';
import { compareViews } from '../../../src/analysis/compare';
import { memoryOverlays, storageOverlays } from '../../../src/change/storage';
import { filtersQuery } from '../../../src/change/request';
import { DEFAULT_FILTERS } from '../../../src/filters/filters';
import { writeWorklistCsv } from '../../../src/worklist/csv';
import type { Introduction } from '../../../src/worklist/worklist';
import type { SessionEnvironment, SessionSnapshot } from '../../../src/session/store';
import { denHaagDataset } from '../../helpers/denHaag';
import { analysed, harness, until, type Harness } from './harness';

let open: Harness[] = [];
afterEach(() => {
  for (const h of open) h.store.dispose();
  open = [];
});

const dataset = denHaagDataset();
const FOCAL = 'gemeente-den-haag';

async function ready(search = '', env: Partial<SessionEnvironment> = {}): Promise<Harness> {
  const h = harness(search, env);
  open.push(h);
  const layout = new Map(dataset.organisations.map((o, i) => [o.id, [i, i] as [number, number]]));
  await h.store.open(dataset, { kind: 'builtin', id: 'den-haag' }, { layout, correctionsKey: 'den-haag' });
  await until(h.store, analysed);
  return h;
}

const compared = (s: SessionSnapshot) => !!s.change.result && s.change.result.key === s.change.key;
const scenarioDone = (s: SessionSnapshot) => !!s.scenario.result && s.scenario.result.key === s.scenario.key;
const plain = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
const party = (id: string) => {
  const o = dataset.organisations.find((x) => x.id === id);
  return { id, name: o?.name ?? id, sector: o?.sector ?? '' };
};
const intro = (a: string, b: string, extra: Partial<Introduction> = {}): Introduction => ({
  a: party(a),
  b: party(b),
  status: 'to_make',
  owner: '',
  note: '',
  origin: 'manual',
  convener: null,
  via: [],
  created: '2025-01-01',
  updated: '2025-01-01',
  ...extra,
});

/** One side of an introduction named by its id. */
const byId = (id: string) => ({ id, name: '' });

describe('the change view in the session store', () => {
  it('compares the default periods in the worker: the same document as compareViews; k changes it at once', async () => {
    const h = await ready('?view=change');
    let s = await until(h.store, compared, 60_000);
    expect(s.change.request!.periods).toEqual({ before: [2006, 2019], after: [2006, 2020] });
    const expected = compareViews(dataset, { ...DEFAULT_FILTERS, years: [2006, 2019] }, { ...DEFAULT_FILTERS, years: [2006, 2020] }, { focal: FOCAL });
    const { filters, bridgeTracker, ...comparison } = s.change.result!.document;
    expect(comparison).toEqual(plain(expected.comparison));
    expect(filters).toEqual({ before: 'years=2006-2019', after: 'years=2006-2020' });
    expect(bridgeTracker.firstYear).toBe(2016);
    expect(s.change.visibility!.after.counts.ties).toBe(373);

    // Another k: the comparison's key changes with it, so the old document is no longer current.
    h.store.updateView((v) => ({ ...v, k: 2 }));
    expect(compared(h.store.getSnapshot())).toBe(false);
    s = await until(h.store, compared, 60_000);
    expect(s.change.result!.document.after.conveners.picks).toHaveLength(2);
  });

  it('compares the current view with a pasted link, and says what the link carried that is not a filter', async () => {
    const h = await ready('?view=change&source=SIA');
    h.store.updateView((v) => ({ ...v, change: { ...v.change, against: '?source=SIA,RVO&k=2' } }));
    const s = await until(h.store, compared, 60_000);
    expect(s.change.request).toMatchObject({ kind: 'link', ignored: ['k'] });
    expect({ before: filtersQuery(s.change.request!.before), after: filtersQuery(s.change.request!.after) }).toEqual({ before: 'source=SIA', after: 'source=SIA,RVO' });
    expect(s.change.result!.document.after.organisations).toBeGreaterThan(s.change.result!.document.before.organisations);
  });
});

describe('what if: a scenario overlay in the session store', () => {
  it('adopted introductions become hypothetical ties; the data stays; the rows are stored for this dataset', async () => {
    const overlays = memoryOverlays();
    const h = await ready('?view=change&change=whatif', { overlays });
    const n = h.store.adoptIntroductions([{ a: { id: FOCAL, name: 'Gemeente Den Haag' }, b: { id: 'senseglove', name: 'SenseGlove' } }]);
    expect(n).toBe(1);
    expect(h.store.adoptIntroductions([{ a: { id: 'senseglove', name: 'SenseGlove' }, b: { id: FOCAL, name: 'Gemeente Den Haag' } }])).toBe(0);
    const s = await until(h.store, scenarioDone, 60_000);
    const doc = s.scenario.result!.outcome.document;
    expect(doc.tiesFormed).toEqual([{ source: FOCAL, target: 'senseglove', hypothetical: true }]);
    expect(doc.after.hypotheticalTies).toEqual({ only: 1, partly: 0 });
    expect(doc.after.focal!.degree).toBe(doc.before.focal!.degree + 1);
    // The data is untouched: the session's dataset is the real one.
    expect(s.dataset).toBe(dataset);
    expect(s.dataset!.participations.some((p) => p.hypothetical)).toBe(false);
    expect(overlays.scenarios.get('den-haag')).toHaveLength(2);

    // A new session on the same storage opens with the scenario.
    const again = await ready('?view=change&change=whatif', { overlays });
    expect(again.store.getSnapshot().scenario.rows).toEqual(s.scenario.rows);
    await until(again.store, scenarioDone, 60_000);

    h.store.removeScenarioActivity('introduction-1');
    expect(h.store.getSnapshot().scenario).toMatchObject({ rows: [], key: null });
    expect(overlays.scenarios.get('den-haag')).toEqual([]);
  });

  it('reads a scenario file; a file that is not a participations table changes nothing and says why', async () => {
    const h = await ready('?view=change&change=whatif');
    expect(h.store.importScenarioCsv('name,sector\nA,tech\n', 'wrong.csv')).toEqual({ rows: 0, recognised: false });
    expect(h.store.getSnapshot().scenario.rows).toEqual([]);
    expect(h.store.getSnapshot().scenario.fileProblems.at(-1)!.code).toBe('unrecognised-columns');
    const csv = 'activity_id,activity_title,organisation_id,organisation\nlab,Lab,gemeente-den-haag,\nlab,Lab,,Nieuw Techbedrijf BV\n';
    expect(h.store.importScenarioCsv(csv, 'lab.csv')).toEqual({ rows: 2, recognised: true });
    const s = await until(h.store, scenarioDone, 60_000);
    expect(s.scenario.result!.outcome.organisations.map((o) => o.name)).toEqual(['Nieuw Techbedrijf BV']);
    expect(s.scenario.result!.outcome.document.organisationsEntered).toEqual(['nieuw-techbedrijf-bv']);
  });
});

describe('the worklist in the session store', () => {
  it('says when the browser refuses to store the worklist or the scenario (storage full), and when it stores them again', async () => {
    // A store whose storage takes nothing longer than 200 characters: the quota, in small.
    const data = new Map<string, string>();
    const small = {
      getItem: (k: string) => data.get(k) ?? null,
      setItem: (k: string, v: string) => {
        if (v.length > 200) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        data.set(k, v);
      },
      removeItem: (k: string) => void data.delete(k),
    };
    const h = await ready('', { overlays: storageOverlays(small) });
    expect(h.store.getSnapshot().worklist.notSaved).toBe(false);
    h.store.addToWorklist([intro('gemeente-den-haag', 'haga-ziekenhuis'), intro('gemeente-den-haag', 'bobergo')]);
    // Said, not silently lost: the worklist lasts for this session only.
    expect(h.store.getSnapshot().worklist).toMatchObject({ notSaved: true, items: [{}, {}] });
    expect(data.has('bruggen.worklist')).toBe(false);
    h.store.removeIntroduction(byId('gemeente-den-haag'), byId('haga-ziekenhuis'));
    h.store.removeIntroduction(byId('bobergo'), byId('gemeente-den-haag'));
    expect(h.store.getSnapshot().worklist).toMatchObject({ notSaved: false, items: [] });
    h.store.setScenarioRows(Array.from({ length: 10 }, (_, i) => ({ activity_id: 'plan', organisation_id: `org-${i}` })));
    expect(h.store.getSnapshot().scenario.notSaved).toBe(true);
    h.store.setScenarioRows([{ activity_id: 'p', organisation_id: 'a' }]);
    expect(h.store.getSnapshot().scenario.notSaved).toBe(false);
  });

  it('is stored for the user, dated on every edit, and matched against the open data', async () => {
    const overlays = memoryOverlays();
    const h = await ready('', { overlays, today: () => '2026-03-02' });
    const added = h.store.addToWorklist([
      intro(FOCAL, 'gemeente-rijswijk'),
      intro('bobergo', 'sophia-stichting'),
      intro('nowhere', 'senseglove', { a: { id: '', name: 'Niet Bestaand BV', sector: 'tech' } }),
    ]);
    expect(added).toBe(3);
    expect(h.store.addToWorklist([intro('gemeente-rijswijk', FOCAL)])).toBe(0);
    let s = h.store.getSnapshot();
    expect(s.worklist.match!.matches.map((m) => m.outcome)).toEqual(['tied', 'not_tied', 'unmatched']);
    expect(s.worklist.match!.matches[0]!.activities.length).toBeGreaterThan(0);

    h.store.updateIntroduction(byId('bobergo'), byId('sophia-stichting'), { status: 'made', owner: 'Anna' });
    s = h.store.getSnapshot();
    expect(s.worklist.items[1]).toMatchObject({ status: 'made', owner: 'Anna', updated: '2026-03-02', created: '2025-01-01' });
    expect(overlays.worklist[1]).toMatchObject({ status: 'made', owner: 'Anna' });

    // A later session (any dataset) has the same worklist.
    const later = await ready('', { overlays });
    expect(later.store.getSnapshot().worklist.items).toEqual(s.worklist.items);
    expect(later.store.getSnapshot().worklist.match!.tied).toBe(1);

    // A worklist file: a newer word on a pair wins, new pairs are added.
    const file = writeWorklistCsv([intro('bobergo', 'sophia-stichting', { status: 'active', updated: '2026-04-01' }), intro('senseglove', 'hagaziekenhuis')]);
    const { report } = later.store.importWorklistCsv(file, 'worklist.csv', true);
    expect(report).toMatchObject({ rowsRead: 2, rowsUsed: 2 });
    expect(later.store.getSnapshot().worklist.items.map((i) => i.status)).toEqual(['active', 'to_make']);
    // Read again (added, not replacing): both pairs are held already, and the store says so.
    expect(later.store.importWorklistCsv(file, 'worklist.csv').existing).toBe(2);
    expect(later.store.getSnapshot().worklist.items).toHaveLength(2);

    later.store.removeIntroduction(byId('senseglove'), byId('hagaziekenhuis'));
    expect(later.store.getSnapshot().worklist.items).toHaveLength(1);
  });
});

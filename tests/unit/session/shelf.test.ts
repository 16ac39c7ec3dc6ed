import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../../src/data/model';
import { totalReport } from '../../../src/data/report';
import { datasetKey } from '../../../src/data/sectorCorrections';
import { packDataset } from '../../../src/data/import/transport';
import { indexedDbShelf, memoryShelf, openShelfDb, putShelfEntry, SHELF_SIZE, type ShelfWriter } from '../../../src/session/shelf';
import { harness, until } from './harness';

/** A small imported dataset; ids that are JavaScript built-ins on purpose. */
function dataset(name: string, n = 3): Dataset {
  const ids = ['constructor', '__proto__', 'toString', 'o4', 'o5'].slice(0, n);
  return {
    name,
    organisations: ids.map((id) => ({ id, name: `Org ${id}`, sector: 'care', aliases: [], provenance: ['t'] })),
    activities: [{ id: 'a1', title: 'Project', kind: 'project', source: 'own', provenance: ['t'] }],
    participations: ids.map((id) => ({ activityId: 'a1', organisationId: id })),
  };
}
const report = totalReport([], []);

class MemoryStorage {
  private items = new Map<string, string>();
  getItem = (k: string) => this.items.get(k) ?? null;
  setItem = (k: string, v: string) => void this.items.set(k, v);
  removeItem = (k: string) => void this.items.delete(k);
}

describe('the shelf in IndexedDB', () => {
  it('keeps a dataset across a new connection (a reload), lists it, and deletes it', async () => {
    const storage = new MemoryStorage();
    const name = `shelf-${Math.random()}`;
    const first = indexedDbShelf(name, storage);
    const d = dataset('mine');
    await first.save({ key: 'k1', label: 'mine.csv', dataset: d, report });
    first.setActive('k1');

    const again = indexedDbShelf(name, storage);
    expect(again.active()).toBe('k1');
    expect((await again.list()).map((s) => [s.key, s.label, s.organisations, s.participations])).toEqual([['k1', 'mine.csv', 3, 3]]);
    const loaded = await again.load('k1');
    expect(loaded?.dataset).toEqual(d);
    expect(loaded?.dataset.organisations.map((o) => o.id)).toEqual(['constructor', '__proto__', 'toString']);

    await again.remove('k1');
    expect(await again.list()).toEqual([]);
    expect(await again.load('k1')).toBeNull();
    // Deleting the active dataset means the built-in one opens after a reload.
    expect(again.active()).toBeNull();
  });

  it('keeps a packed dataset packed and gives it back whole; a damaged packed entry is not opened', async () => {
    const storage = new MemoryStorage();
    const name = `shelf-${Math.random()}`;
    const shelf = indexedDbShelf(name, storage);
    const d = dataset('packed', 5);
    await shelf.save({ key: 'p1', label: 'big.csv', dataset: d, report, packed: packDataset(d) });
    const loaded = await indexedDbShelf(name, storage).load('p1');
    expect(loaded?.dataset).toEqual(d);
    expect(loaded?.dataset.organisations.map((o) => o.id)).toEqual(['constructor', '__proto__', 'toString', 'o4', 'o5']);
    expect((await shelf.list())[0]).toMatchObject({ organisations: 5, participations: 5 });

    const damaged = packDataset(d);
    damaged.stringEnd = new Uint32Array(0);
    (damaged as unknown as { organisations: unknown }).organisations = { count: 2, keys: null };
    await shelf.save({ key: 'p2', label: 'damaged.csv', dataset: d, report, packed: damaged });
    expect(await shelf.load('p2')).toBeNull();
  });

  it('hands packed entries to its writer (the browser\'s worker) and reads them back like its own', async () => {
    const storage = new MemoryStorage();
    const name = `shelf-${Math.random()}`;
    const written: string[] = [];
    // What the shelf worker does, with the value cloned as on its way to a worker.
    const writer: ShelfWriter = async ({ summary, stored }) => {
      written.push(summary.key);
      const db = await openShelfDb(name);
      await putShelfEntry(db, structuredClone(summary), structuredClone(stored));
      db.close();
    };
    const shelf = indexedDbShelf(name, storage, writer);
    const d = dataset('big', 5);
    await shelf.save({ key: 'packed', label: 'big.csv', dataset: d, report, packed: packDataset(d) });
    await shelf.save({ key: 'plain', label: 'small.csv', dataset: dataset('small'), report });
    expect(written).toEqual(['packed']);
    expect((await shelf.list()).map((s) => s.key).sort()).toEqual(['packed', 'plain']);
    expect((await indexedDbShelf(name, storage).load('packed'))?.dataset).toEqual(d);
    expect((await shelf.load('plain'))?.dataset).toEqual(dataset('small'));
  });

  it(`keeps the ${SHELF_SIZE} most recent, newest first`, async () => {
    const shelf = indexedDbShelf(`shelf-${Math.random()}`, new MemoryStorage());
    for (let i = 0; i < SHELF_SIZE + 2; i++) {
      await shelf.save({ key: `k${i}`, label: `file ${i}`, dataset: dataset(`d${i}`), report });
      await new Promise((r) => setTimeout(r, 2));
    }
    const keys = (await shelf.list()).map((s) => s.key);
    expect(keys).toHaveLength(SHELF_SIZE);
    expect(keys[0]).toBe(`k${SHELF_SIZE + 1}`);
    expect(keys).not.toContain('k0');
    expect(await shelf.load('k0')).toBeNull();
  });
});

describe('the session store with a shelf', () => {
  it('reopens the imported dataset after a "reload", and falls back to nothing when it was deleted', async () => {
    const shelf = memoryShelf();
    const d = dataset('imported', 5);
    const before = harness('', { shelf });
    await before.store.openImported(d, 'mine.csv', report);
    await until(before.store, (s) => s.phase === 'ready');
    expect(before.store.getSnapshot().recent.map((r) => r.label)).toEqual(['mine.csv']);
    expect(shelf.active()).toBe(datasetKey(d));
    before.store.dispose();

    // A new page: the same shelf, a new store.
    const after = harness('', { shelf });
    const key = after.store.activeShelved();
    expect(key).toBe(datasetKey(d));
    expect(await after.store.openShelved(key!)).toBe(true);
    const s = await until(after.store, (x) => x.phase === 'ready');
    expect(s.source).toMatchObject({ kind: 'imported', label: 'mine.csv', key });
    expect(s.network?.organisations.length).toBe(5);

    await after.store.removeShelved(key!);
    expect(after.store.getSnapshot().recent).toEqual([]);
    expect(after.store.activeShelved()).toBeNull();
    expect(await after.store.openShelved(key!)).toBe(false);
    // A dataset no longer kept is said (the built-in data opened instead without a word).
    expect(after.store.getSnapshot().shelfDamaged).toEqual({ label: key!.split('#')[0], problem: 'not kept', missing: true });
    after.store.dispose();
  });

  it('does not open a stored entry of another shape', async () => {
    const shelf = memoryShelf();
    await shelf.save({ key: 'bad', label: 'bad', dataset: dataset('bad'), report });
    // What another version (or a hand-edited database) left: no organisations array.
    delete ((await shelf.load('bad'))!.dataset as Partial<Dataset>).organisations;
    shelf.setActive('bad');
    const h = harness('', { shelf });
    expect(await h.store.openShelved('bad')).toBe(false);
    expect(h.store.getSnapshot().phase).toBe('empty');
    expect(h.store.activeShelved()).toBeNull();
    h.store.dispose();
  });

  it('says which stored entry was damaged and takes it off the list, for every kind of damage (they showed raw errors on every reload)', async () => {
    const damages: [string, (e: { dataset: Dataset; report: ReturnType<typeof totalReport>; summary: { label: unknown } }) => void, string][] = [
      ['a null organisation', (e) => void ((e.dataset.organisations as unknown[])[0] = null), 'its organisations (record 1)'],
      ['an organisation without a name', (e) => void delete (e.dataset.organisations[1] as Partial<Dataset['organisations'][number]>).name, 'its organisations (record 2)'],
      ['an unknown sector', (e) => void ((e.dataset.organisations[0] as { sector: string }).sector = 'alien'), 'its organisations (record 1)'],
      ['a participation of numbers', (e) => void ((e.dataset.participations[2] as unknown as { activityId: number }).activityId = 7), 'its participations (record 3)'],
      ['no report', (e) => void ((e as { report: unknown }).report = null), 'its import report'],
      ['report counts as text', (e) => void ((e.report as unknown as { rowsUsed: string }).rowsUsed = 'many'), 'its import report'],
      ['a problem that is text', (e) => void ((e.report.problems as unknown[]).push('oops')), 'its import report (problems)'],
    ];
    for (const [what, damage, problem] of damages) {
      const shelf = memoryShelf();
      await shelf.save({ key: 'k', label: 'mine.csv', dataset: dataset('mine'), report: totalReport([], []) });
      damage((await shelf.load('k'))! as never);
      shelf.setActive('k');
      const h = harness('', { shelf });
      expect(await h.store.openShelved('k'), what).toBe(false);
      expect(h.store.getSnapshot().shelfDamaged, what).toEqual({ label: 'mine.csv', problem });
      expect(await shelf.load('k'), what).toBeNull();
      expect(h.store.activeShelved(), what).toBeNull();
      h.store.dispose();
    }
    // A summary of another shape is left out of the list of recent data instead of breaking it.
    const shelf = memoryShelf();
    await shelf.save({ key: 'k', label: 'mine.csv', dataset: dataset('mine'), report });
    await shelf.save({ key: 'k2', label: 'other.csv', dataset: dataset('other', 2), report });
    ((await shelf.list()).find((x) => x.key === 'k2') as unknown as { label: unknown }).label = { a: 1 };
    const h = harness('', { shelf });
    await h.store.refreshShelf();
    expect(h.store.getSnapshot().recent.map((r) => r.key)).toEqual(['k']);
    h.store.dispose();
  });

  it('still opens the data when keeping it fails (storage full), and says so', async () => {
    const shelf = { ...memoryShelf(), save: () => Promise.reject(new Error('QuotaExceededError')) };
    const h = harness('', { shelf });
    await h.store.openImported(dataset('big'), 'big.csv', report);
    const s = await until(h.store, (x) => x.phase === 'ready');
    expect(s.shelfError).toContain('QuotaExceededError');
    expect(s.source).toMatchObject({ kind: 'imported', label: 'big.csv' });
    h.store.dispose();
  });
});

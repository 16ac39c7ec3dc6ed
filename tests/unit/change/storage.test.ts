import { describe, expect, it } from 'vitest';
import { DAMAGED_SCENARIO_PREFIX, DAMAGED_WORKLIST_KEY, memoryOverlays, SCENARIO_PREFIX, storageOverlays, validScenarioRows, validWorklist, WORKLIST_KEY } from '../../../src/change/storage';
import { forgetStoredState } from '../../../src/session/storage';
import type { Introduction } from '../../../src/worklist/worklist';

class FakeStorage {
  data = new Map<string, string>();
  get length() {
    return this.data.size;
  }
  key = (i: number) => [...this.data.keys()][i] ?? null;
  getItem = (k: string) => this.data.get(k) ?? null;
  setItem = (k: string, v: string) => void this.data.set(k, v);
  removeItem = (k: string) => void this.data.delete(k);
}

const intro: Introduction = {
  a: { id: 'a', name: 'A', sector: 'tech' },
  b: { id: 'b', name: 'B', sector: 'care' },
  status: 'made',
  owner: 'Anna',
  note: 'na de zomer',
  origin: 'convener',
  convener: { id: 'c', name: 'C' },
  via: [{ id: 'c', name: 'C' }],
  created: '2025-01-01',
  updated: '2025-02-01',
};

describe('scenario and worklist storage', () => {
  it('keeps the scenario per dataset and the worklist for the user; empty ones are removed', () => {
    const storage = new FakeStorage();
    const overlays = storageOverlays(storage);
    overlays.saveScenario('den-haag#1', [{ activity_id: 'x', organisation_id: 'a' }]);
    overlays.saveWorklist([intro]);
    expect(storageOverlays(storage).loadScenario('den-haag#1')).toEqual([{ activity_id: 'x', organisation_id: 'a' }]);
    expect(storageOverlays(storage).loadScenario('other#2')).toEqual([]);
    expect(storageOverlays(storage).loadWorklist()).toEqual([intro]);
    overlays.saveScenario('den-haag#1', []);
    expect(storage.data.has(`${SCENARIO_PREFIX}den-haag#1`)).toBe(false);
  });

  it('reads only what is valid: broken JSON, wrong shapes and unknown values never break the app', () => {
    const storage = new FakeStorage();
    storage.setItem(`${SCENARIO_PREFIX}k`, '{not json');
    storage.setItem(WORKLIST_KEY, JSON.stringify({ a: 1 }));
    expect(storageOverlays(storage).loadScenario('k')).toEqual([]);
    expect(storageOverlays(storage).loadWorklist()).toEqual([]);
    expect(validScenarioRows([{ activity_id: 'x', organisation: 'A', extra: 'y', role: 3 }, { organisation: 'no activity' }, 'row', null])).toEqual([{ activity_id: 'x', organisation: 'A' }]);
    const [read] = validWorklist([{ ...intro, status: 'done', origin: 'ai', via: [null, { id: 'v' }], convener: 'C' }, { a: {}, b: { id: 'b' } }]);
    expect(validWorklist([{ a: {}, b: { id: 'b' } }])).toEqual([]);
    expect(read).toMatchObject({ status: 'to_make', origin: 'manual', convener: null, via: [{ id: 'v', name: '' }] });
  });

  it('a stored worklist that cannot be read whole is kept aside, not overwritten unseen, and says what was lost', () => {
    const storage = new FakeStorage();
    const two = JSON.stringify([intro, { ...intro, b: { id: 'x', name: 'X', sector: '' }, note: 'Belangrijk' }]);
    storage.setItem(WORKLIST_KEY, two.slice(0, -5));
    const overlays = storageOverlays(storage);
    expect(overlays.loadWorklist()).toEqual([]);
    expect(overlays.worklistDamage!()).toEqual({ unreadable: true, skipped: 0, text: two.slice(0, -5), key: DAMAGED_WORKLIST_KEY });
    // The next change writes the worklist anew; the damaged text stays where it was copied.
    overlays.saveWorklist([intro]);
    expect(storage.data.get(DAMAGED_WORKLIST_KEY)).toBe(two.slice(0, -5));
    // Entries that name no two organisations are counted; a whole worklist reads without a word.
    storage.setItem(WORKLIST_KEY, JSON.stringify([intro, { a: {}, b: { id: 'b' } }, 'text']));
    expect(overlays.loadWorklist()).toEqual([intro]);
    expect(overlays.worklistDamage!()).toMatchObject({ unreadable: false, skipped: 2 });
    storage.setItem(WORKLIST_KEY, JSON.stringify([intro]));
    expect(overlays.loadWorklist()).toEqual([intro]);
    expect(overlays.worklistDamage!()).toBeNull();
    // Entries kept with a value put back to its default are counted too (they were reset unseen).
    storage.setItem(WORKLIST_KEY, JSON.stringify([intro, { ...intro, b: { id: 'y' }, status: '__proto__' }, { ...intro, b: { id: 'z' }, owner: 2 }, { ...intro, b: { id: 'w' }, origin: 'toString' }]));
    expect(overlays.loadWorklist().map((i) => [i.status, i.owner, i.origin])).toEqual([
      [intro.status, intro.owner, intro.origin],
      ['to_make', intro.owner, intro.origin],
      [intro.status, '', intro.origin],
      [intro.status, intro.owner, 'manual'],
    ]);
    expect(overlays.worklistDamage!()).toMatchObject({ unreadable: false, skipped: 0, altered: 3 });
  });

  it('a stored scenario that cannot be read whole is kept aside per dataset and says what was lost (it was dropped without a word)', () => {
    const storage = new FakeStorage();
    const rows = JSON.stringify([{ activity_id: 'x', organisation_id: 'a' }, { activity_id: 'x', organisation_id: 'b' }]);
    storage.setItem(`${SCENARIO_PREFIX}den-haag#1`, rows.slice(0, -4));
    const overlays = storageOverlays(storage);
    expect(overlays.loadScenario('den-haag#1')).toEqual([]);
    const key = `${DAMAGED_SCENARIO_PREFIX}den-haag#1`;
    expect(overlays.scenarioDamage!()).toEqual({ unreadable: true, skipped: 0, text: rows.slice(0, -4), key });
    overlays.saveScenario('den-haag#1', [{ activity_id: 'y', organisation_id: 'c' }]);
    expect(storage.data.get(key)).toBe(rows.slice(0, -4));
    // Rows with no activity are counted; another dataset's scenario, whole, reads without a word.
    storage.setItem(`${SCENARIO_PREFIX}other#2`, JSON.stringify([{ activity_id: 'x' }, { organisation_id: 'b' }, 7]));
    expect(overlays.loadScenario('other#2')).toEqual([{ activity_id: 'x' }]);
    expect(overlays.scenarioDamage!()).toMatchObject({ unreadable: false, skipped: 2, key: `${DAMAGED_SCENARIO_PREFIX}other#2` });
    expect(overlays.loadScenario('den-haag#1')).toEqual([{ activity_id: 'y', organisation_id: 'c' }]);
    expect(overlays.scenarioDamage!()).toBeNull();
    expect(overlays.loadScenario('none#3')).toEqual([]);
    expect(overlays.scenarioDamage!()).toBeNull();
  });

  it('forgetting stored state (the error screen) clears the scenario but keeps the worklist', () => {
    const storage = new FakeStorage();
    const overlays = storageOverlays(storage);
    overlays.saveScenario('k', [{ activity_id: 'x', organisation_id: 'a' }]);
    overlays.saveWorklist([intro]);
    expect(forgetStoredState(storage)).toBe(1);
    expect(overlays.loadScenario('k')).toEqual([]);
    expect(overlays.loadWorklist()).toEqual([intro]);
  });

  it('in memory: copies in and out (a caller cannot change what is stored)', () => {
    const overlays = memoryOverlays();
    const rows = [{ activity_id: 'x', organisation_id: 'a' }];
    overlays.saveScenario('k', rows);
    rows[0]!.organisation_id = 'changed';
    expect(overlays.loadScenario('k')[0]!.organisation_id).toBe('a');
  });
});

/** Opening the built-in dataset: fetched from the app's own origin (data never leaves the browser). */
import type { BuiltinBundle } from '../data/bundle';
import { datasetKey } from '../data/sectorCorrections';
import type { SessionStore } from './store';

/** The built-in data file is not there, or is not JSON (a server's fallback page answers for it). */
export class BuiltinMissing extends Error {
  constructor(
    readonly path: string,
    readonly status: number,
  ) {
    super(`${path}: ${status}`);
  }
}

export async function fetchBuiltinBundle(id = 'den-haag', base = import.meta.env.BASE_URL): Promise<BuiltinBundle> {
  const path = `data/${id}.json`;
  const response = await fetch(`${base}${path}`);
  if (!response.ok) throw new BuiltinMissing(path, response.status);
  try {
    return (await response.json()) as BuiltinBundle;
  } catch {
    throw new BuiltinMissing(path, response.status);
  }
}

/** Positions as written by `npm run data`: `[key, x, y]` triples. */
export function layoutMap(entries: readonly (readonly [string, number, number])[] | undefined): Map<string, [number, number]> | undefined {
  if (!Array.isArray(entries)) return undefined;
  const out = new Map<string, [number, number]>();
  for (const e of entries) if (Array.isArray(e) && typeof e[0] === 'string') out.set(e[0], [Number(e[1]) || 0, Number(e[2]) || 0]);
  return out;
}

export async function openBuiltin(store: SessionStore, id = 'den-haag'): Promise<void> {
  store.forgetActive();
  try {
    const bundle = await fetchBuiltinBundle(id);
    await store.open(bundle.dataset, { kind: 'builtin', id }, {
      layout: layoutMap(bundle.layout?.organisations),
      bipartiteLayout: layoutMap(bundle.layout?.bipartite),
      correctionsKey: datasetKey(bundle.dataset),
    });
  } catch (e) {
    if (e instanceof BuiltinMissing) store.failBuiltinMissing(e.path, e.status);
    else store.fail(e instanceof Error ? e.message : String(e));
  }
}

/** At start-up: the imported dataset that was open when the page was left, else the built-in one. */
export async function openLastOrBuiltin(store: SessionStore): Promise<void> {
  void store.refreshShelf();
  const key = store.activeShelved();
  if (key && (await store.openShelved(key).catch(() => false))) return;
  await openBuiltin(store);
}

import type { BuiltinBundle } from './bundle';

/** Fetches a built-in dataset bundle from the app's own origin (data never leaves the browser). */
export async function loadBuiltinBundle(id = 'den-haag', base = import.meta.env.BASE_URL): Promise<BuiltinBundle> {
  const response = await fetch(`${base}data/${id}.json`);
  if (!response.ok) throw new Error(`${response.status} ${response.statusText} (data/${id}.json)`);
  return (await response.json()) as BuiltinBundle;
}

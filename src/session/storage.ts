/**
 * What Bruggen keeps in the browser's storage, and how to forget it (the error screen's way out).
 * The worklist of introductions is the user's own work, not view state: it is kept.
 */
const PREFIXES = ['bruggen.sectorCorrections.', 'bruggen.import.mapping.', 'bruggen.scenario.', 'bruggen.activeDataset'];

export function forgetStoredState(storage: Pick<Storage, 'length' | 'key' | 'removeItem'> | undefined = safeLocalStorage()): number {
  if (!storage) return 0;
  const doomed: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key && PREFIXES.some((p) => key.startsWith(p))) doomed.push(key);
  }
  for (const key of doomed) storage.removeItem(key);
  return doomed.length;
}

function safeLocalStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

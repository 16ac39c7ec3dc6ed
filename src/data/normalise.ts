/** Lower-cases, strips accents and punctuation, and collapses spaces: the key that identifies
 * an organisation when a file gives no organisation id. */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’`´"“”]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** A readable id derived from a name: `De Haagse Hogeschool` → `de-haagse-hogeschool`. */
export function slugify(name: string): string {
  return normaliseName(name).replace(/ /g, '-');
}

/** Text for search matching: like normaliseName but keeps word boundaries only. */
export function searchKey(text: string): string {
  return normaliseName(text);
}

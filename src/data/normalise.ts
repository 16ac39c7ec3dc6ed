// eslint-disable-next-line no-control-regex
const ASCII = /^[\u0000-\u007f]*$/;

/** Lower-cases, strips accents and punctuation, and collapses spaces: the key that identifies
 * an organisation when a file gives no organisation id. Letters and digits of every script stay
 * (東京大学 and 京都大学 are two organisations; keeping only a–z made both "" and merged them);
 * on names in Latin letters a–z the key is what it always was. */
export function normaliseName(name: string): string {
  // Most names are ASCII: nothing to decompose, and a–z0–9 are all its letters and digits (the
  // Unicode classes below cost 1.6× as much on H2020's names; the key is the same).
  if (ASCII.test(name)) return name.toLowerCase().replace(/['`"]/g, '').replace(/[^a-z0-9]+/g, ' ').trim();
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’`´"“”]/g, '')
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ')
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

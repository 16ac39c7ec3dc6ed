import type { Organisation } from '../data/model';
import { searchKey } from '../data/normalise';

export interface SearchHit {
  id: string;
  name: string;
  /** The alias that matched, when the match was not on the name. */
  alias?: string;
}

interface Entry {
  id: string;
  name: string;
  keys: { text: string; key: string; alias: boolean }[];
}

/** Name and alias search, accent- and case-insensitive. Ranks whole-name matches, then
 * prefix matches, then word-prefix matches, then substring matches. */
export class OrganisationSearch {
  private readonly entries: Entry[];

  constructor(organisations: readonly Organisation[]) {
    this.entries = organisations.map((o) => ({
      id: o.id,
      name: o.name,
      keys: [
        { text: o.name, key: searchKey(o.name), alias: false },
        ...o.aliases.map((a) => ({ text: a, key: searchKey(a), alias: true })),
      ],
    }));
  }

  search(query: string, limit = 8): SearchHit[] {
    const q = searchKey(query);
    if (!q) return [];
    const scored: { hit: SearchHit; score: number }[] = [];
    for (const e of this.entries) {
      let best: { score: number; alias?: string } | undefined;
      for (const k of e.keys) {
        const score =
          k.key === q ? 0 : k.key.startsWith(q) ? 1 : k.key.includes(` ${q}`) ? 2 : k.key.includes(q) ? 3 : -1;
        if (score < 0) continue;
        const adjusted = score + (k.alias ? 0.5 : 0);
        if (!best || adjusted < best.score) best = k.alias ? { score: adjusted, alias: k.text } : { score: adjusted };
      }
      if (best) {
        scored.push({ hit: best.alias ? { id: e.id, name: e.name, alias: best.alias } : { id: e.id, name: e.name }, score: best.score });
      }
    }
    scored.sort((a, b) => a.score - b.score || a.hit.name.length - b.hit.name.length || a.hit.name.localeCompare(b.hit.name));
    return scored.slice(0, limit).map((s) => s.hit);
  }
}

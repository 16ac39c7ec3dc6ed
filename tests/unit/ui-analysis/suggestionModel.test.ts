import { describe, expect, it } from 'vitest';
import { convenerIntroductions } from '../../../src/worklist/introductions';
import { numberSuggestions, suggestionPairs } from '../../../src/ui/analysis/suggestionModel';
import { denHaagResult } from './helpers';

describe('suggested ties to show', () => {
  const result = denHaagResult();

  it('keeps the pairs of the current targets, in target order, whatever their orientation', () => {
    const pairs = suggestionPairs(result, ['care', 'tech', 'government']);
    expect(pairs.map((p) => [...p.sectors].sort().join('|'))).toEqual(['care|tech', 'care|government', 'government|tech']);
    expect(suggestionPairs(result, ['tech'])).toEqual([]);
    expect(suggestionPairs(result, ['tech', 'knowledge'])).toEqual([]);
  });

  it('justifies every suggestion with shared partners', () => {
    for (const p of suggestionPairs(result, result.meta.targets)) {
      for (const s of p.suggestions) {
        expect(s.sharedPartners.length).toBeGreaterThan(0);
        expect(s.a.sector).toBe(p.sectors[0]);
        expect(s.b.sector).toBe(p.sectors[1]);
      }
    }
  });

  it('numbers each pair of organisations once, in either order, even when two conveners propose it', () => {
    const pair = (a: string, b: string) => ({ a: { id: a }, b: { id: b } });
    const { ties, numbers } = numberSuggestions([pair('x', 'y'), pair('x', 'z'), pair('y', 'x'), pair('z', 'w')]);
    expect(ties.map((t) => [t.number, t.suggestion.a.id, t.suggestion.b.id])).toEqual([
      [1, 'x', 'y'],
      [2, 'x', 'z'],
      [3, 'z', 'w'],
    ]);
    expect([numbers.get('x|y'), numbers.get('y|x'), numbers.get('z|x'), numbers.get('w|z')]).toEqual([1, 1, 2, 3]);
    // On the built-in data, the conveners' introductions share pairs: one number each, none skipped.
    const intros = convenerIntroductions(result);
    const numbered = numberSuggestions(intros);
    const distinct = new Set(intros.map((i) => [i.a.id, i.b.id].sort().join('|'))).size;
    expect(distinct).toBeLessThan(intros.length);
    expect(numbered.ties.map((t) => t.number)).toEqual(Array.from({ length: distinct }, (_v, i) => i + 1));
    for (const i of intros) expect(numbered.numbers.get(`${i.a.id}|${i.b.id}`)).toBeDefined();
  });
});

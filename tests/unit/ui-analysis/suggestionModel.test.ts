import { describe, expect, it } from 'vitest';
import { suggestionPairs } from '../../../src/ui/analysis/suggestionModel';
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
});

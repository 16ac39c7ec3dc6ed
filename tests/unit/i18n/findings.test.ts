import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/analysis/findings';
import { createTranslator } from '../../../src/i18n';
import { wordFinding } from '../../../src/i18n/findings';

describe('a pair of target sectors without any tie', () => {
  const finding = (low: number, high: number) => ({ code: 'no_ties', a: 'tech', b: 'government', expected: 2, low, high, rank: 1 }) as Finding & { rank: number };

  it('is a missing bridge against chance when chance would give ties', () => {
    const text = wordFinding(createTranslator('nl').t, finding(9, 25), 'nl');
    expect(text).toContain('bij toeval zouden het er 9–25 zijn: een ontbrekende brug');
  });

  it('says that chance would give few too when its range starts at 0 (a small selection)', () => {
    const nl = wordFinding(createTranslator('nl').t, finding(0, 3), 'nl');
    expect(nl).toContain('ook bij toeval zouden het er weinig zijn (0–3)');
    const en = wordFinding(createTranslator('en').t, finding(0, 3), 'en');
    expect(en).toContain('chance would give few too (0–3)');
  });
});

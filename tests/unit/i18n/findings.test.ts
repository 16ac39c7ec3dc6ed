import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/analysis/findings';
import { createTranslator } from '../../../src/i18n';
import { closeSentence, withAside, wordConvener, wordFinding } from '../../../src/i18n/findings';

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

describe('a convener', () => {
  const convener = (rank: number, focalLabel: string) =>
    ({
      code: 'convener',
      rank,
      id: 'x',
      label: 'Zorg Techniek',
      sector: 'care',
      reached: [{ sector: 'tech', count: 2 }],
      clusters: [3],
      focal: { label: focalLabel, distance: 2 },
    }) as const satisfies Finding;

  it('as the first pick, is not compared with earlier picks (there are none)', () => {
    const nl = wordFinding(createTranslator('nl').t, convener(1, 'Gemeente Den Haag'), 'nl');
    expect(nl).toBe('1. Zorg Techniek (Zorg en welzijn) verbindt 2 techbedrijven in cluster 3; staat op 2 stappen van Gemeente Den Haag.');
    const en = wordFinding(createTranslator('en').t, convener(1, 'Gemeente Den Haag'), 'en');
    expect(en).not.toContain('earlier pick');
    expect(wordFinding(createTranslator('nl').t, convener(2, 'Gemeente Den Haag'), 'nl')).toContain('die nog geen eerdere keuze bereikt');
    const nothing = (rank: number) => wordFinding(createTranslator('nl').t, { ...convener(rank, 'Gemeente Den Haag'), reached: [] }, 'nl');
    expect(nothing(1)).toBe('1. Zorg Techniek (Zorg en welzijn) bereikt geen organisatie uit de doelsectoren; staat op 2 stappen van Gemeente Den Haag.');
    expect(nothing(2)).toContain('die een eerdere keuze niet al bereikt');
  });

  it('names its clusters in number order', () => {
    const nl = wordFinding(createTranslator('nl').t, { ...convener(2, 'Gemeente Den Haag'), clusters: [5, 3, 4] }, 'nl');
    expect(nl).toContain('in clusters 3, 4 en 5 die');
  });

  it('without its rank, for lists that number the picks', () => {
    expect(wordConvener(createTranslator('nl').t, convener(3, 'Gemeente Den Haag'), 'nl')).toMatch(/^Zorg Techniek \(Zorg en welzijn\) verbindt/);
  });

  it('ends in one full stop when the sentence ends in a name that has one ("B.V.")', () => {
    const nl = wordFinding(createTranslator('nl').t, convener(2, 'Haagse Zorg B.V.'), 'nl');
    expect(nl.endsWith('van Haagse Zorg B.V.')).toBe(true);
    expect(closeSentence('Een lijst... en meer...')).toBe('Een lijst... en meer...');
  });

  it('whose name ends in brackets has its sector inside them, not in a second pair', () => {
    const nl = wordFinding(createTranslator('nl').t, { ...convener(2, 'Gemeente Den Haag'), label: 'Rijnlands Revalidatie Centrum (RRC)' }, 'nl');
    expect(nl).toMatch(/^2\. Rijnlands Revalidatie Centrum \(RRC; Zorg en welzijn\) verbindt/);
    expect(withAside('HagaZiekenhuis', 'zorg')).toBe('HagaZiekenhuis (zorg)');
    // Brackets that do not close the name stay as they are.
    expect(withAside('Stichting (oud) Zorg', 'zorg')).toBe('Stichting (oud) Zorg (zorg)');
    expect(withAside('Smiley :)', 'tech')).toBe('Smiley :) (tech)');
  });
});

describe('a target sector with no organisation', () => {
  const finding = { code: 'sector_absent', a: 'tech', b: 'care', absent: 'tech' } as const satisfies Finding;
  it('is absent from the data, or, when the filters leave things out, from what they show', () => {
    expect(wordFinding(createTranslator('nl').t, finding, 'nl')).toContain('uit de sector technologie in de gegevens');
    const filtered = wordFinding(createTranslator('nl').t, finding, 'nl', { filtered: true });
    expect(filtered).toContain('in wat de filters tonen');
    expect(filtered).not.toContain('in de gegevens');
    expect(wordFinding(createTranslator('en').t, finding, 'en', { filtered: true })).toContain('in what the filters show');
  });
});

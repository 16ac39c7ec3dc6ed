import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../../src/i18n';
import { MEASURES } from '../../../src/measures/registry';
import { DETAIL_MEASURES, formatMeasure, measureExplanation, ROLE_MEASURES } from '../../../src/ui/analysis/metricText';
import { denHaagResult } from './helpers';

describe('measure explanations from the registry', () => {
  const result = denHaagResult();
  const row = result.organisations.find((o) => o.id === 'haagse-hogeschool') ?? result.organisations.find((o) => o.degree > 2)!;
  const isolate = result.organisations.find((o) => o.degree === 0)!;

  it('has a label and one sentence for every measure in both languages', () => {
    for (const lang of ['nl', 'en'] as const) {
      const { t } = createTranslator(lang);
      for (const m of MEASURES) {
        const label = t(`measures:${m.id}.label`);
        const text = t(`measures:${m.id}.text`);
        expect(label, `${m.id} ${lang}`).not.toBe(`${m.id}.label`);
        expect(text.trim().length, `${m.id} ${lang}`).toBeGreaterThan(10);
      }
    }
  });

  it('lists the details measures and the four brokerage roles, every value of the row formatted', () => {
    expect(ROLE_MEASURES.map((m) => m.json)).toEqual(['brokerage.coordinator', 'brokerage.itinerant', 'brokerage.gatekeeper_or_representative', 'brokerage.liaison']);
    for (const m of [...DETAIL_MEASURES, ...ROLE_MEASURES]) {
      expect(formatMeasure(m, row, 'nl'), m.id).not.toMatch(/NaN|undefined|null/);
    }
    // An organisation without partners has no constraint: the dash, not 0.
    expect(formatMeasure(MEASURES.find((m) => m.id === 'constraint')!, isolate, 'nl')).toBe('–');
  });

  it('says how betweenness was computed', () => {
    const { t } = createTranslator('en');
    const b = MEASURES.find((m) => m.id === 'betweenness')!;
    expect(measureExplanation(t, b, result.meta, row, 'en')).toMatch(/Computed exactly\.$/);
    const estimated = { betweenness: { estimated: true, samples: 500, normalized: true as const, method: 'x' } };
    expect(measureExplanation(t, b, estimated, { ...row, betweennessError: 0.0123 }, 'en')).toMatch(/Estimated from 500 sampled organisations; ± 0\.012 \(standard error\)\.$/);
  });
});

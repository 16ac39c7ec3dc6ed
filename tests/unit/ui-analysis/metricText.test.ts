import { describe, expect, it } from 'vitest';
import type { OrganisationRow } from '../../../src/analysis';
import {
  betweennessNote,
  BROKERAGE_ROLES,
  formatMetric,
  METRIC_KEYS,
  metricExplanation,
  MetricExplanations,
} from '../../../src/ui/analysis/metricText';
import { denHaagResult } from './helpers';

describe('metric explanations', () => {
  const result = denHaagResult();
  const row = result.organisations.find((o) => o.degree > 2)!;

  it('covers every metric of OrganisationRow and every brokerage role', () => {
    const rowKeys = Object.keys(row).filter(
      (k) => !['id', 'name', 'sector', 'brokerage', 'brokerageTotal'].includes(k),
    );
    expect([...METRIC_KEYS].sort()).toEqual(rowKeys.sort());
    expect([...BROKERAGE_ROLES].sort()).toEqual(Object.keys(row.brokerage).sort());
    for (const k of [...METRIC_KEYS, ...BROKERAGE_ROLES, 'brokerageTotal' as const]) {
      expect(MetricExplanations[k], k).toBeDefined();
    }
  });

  it('has a label and one sentence in both languages', () => {
    for (const [key, entry] of Object.entries(MetricExplanations)) {
      for (const lang of ['nl', 'en'] as const) {
        const { label, text } = entry[lang];
        expect(label.trim(), `${key} ${lang}`).not.toBe('');
        expect(text, `${key} ${lang}`).toMatch(/^[A-Z0-9ÀÉÈ].*\.$/);
        expect(text.split(/\. (?=[A-Z])/), `${key} ${lang}: one sentence`).toHaveLength(1);
        expect(text.length, `${key} ${lang}`).toBeLessThan(200);
      }
    }
  });

  it('says how betweenness was computed, with the sample size when estimated', () => {
    const exact = { ...result.meta, betweenness: { ...result.meta.betweenness, estimated: false } };
    const est = { ...result.meta, organisations: 17000, betweenness: { ...result.meta.betweenness, estimated: true, samples: 500 } };
    expect(betweennessNote(exact, 'nl')).toBe('Exact berekend.');
    expect(betweennessNote(est, 'nl')).toBe('Geschat op basis van een steekproef van 500 van de 17.000 organisaties.');
    expect(betweennessNote(est, 'en')).toBe('Estimated from a sample of 500 of the 17,000 organisations.');
    expect(metricExplanation('betweenness', 'en', est)).toMatch(/Estimated from a sample of 500/);
    expect(metricExplanation('degree', 'en', est)).toBe(MetricExplanations.degree.en.text);
  });

  it('formats values per language and shows a dash for isolates', () => {
    const isolate = result.organisations.find((o) => o.degree === 0)!;
    for (const k of ['constraint', 'effectiveSize', 'hierarchy', 'participation', 'ei', 'betweenness'] as const) {
      if (isolate[k] === null) expect(formatMetric(k, isolate, 'nl')).toBe('–');
    }
    const r: OrganisationRow = { ...row, constraint: 0.5, ei: -0.25, participation: 0.123, betweenness: 0.0001, articulationPoint: true };
    expect(formatMetric('constraint', r, 'nl')).toBe('0,50');
    expect(formatMetric('constraint', r, 'en')).toBe('0.50');
    expect(formatMetric('ei', r, 'nl')).toBe('−0,25');
    expect(formatMetric('ei', { ...r, ei: 0.25 }, 'en')).toBe('+0.25');
    expect(formatMetric('betweenness', r, 'en')).toBe('< 0.001');
    expect(formatMetric('articulationPoint', r, 'nl')).toBe('ja');
    expect(formatMetric('degree', { ...r, degree: 1234 }, 'nl')).toBe('1.234');
    for (const k of METRIC_KEYS) expect(typeof formatMetric(k, row, 'en')).toBe('string');
  });
});

import { describe, expect, it } from 'vitest';
import { ANALYSIS_STEPS } from '../../../src/analysis';
import { SECTORS } from '../../../src/data/sectors';
import { toAnalysisLang } from '../../../src/ui/analysis/format';
import {
  analysisMessages,
  analysisText,
  interpolate,
  translate,
  translatePlural,
  type AnalysisMessageKey,
} from '../../../src/ui/analysis/messages';
import { PROGRESS_STEPS } from '../../../src/ui/analysis/progress';

const placeholders = (s: string) => [...s.matchAll(/\{\{\s*([\w.-]+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('analysis messages', () => {
  it('has identical key sets in Dutch and English', () => {
    expect(Object.keys(analysisMessages.en).sort()).toEqual(Object.keys(analysisMessages.nl).sort());
  });

  it('has no empty message and the same placeholders in both languages', () => {
    for (const key of Object.keys(analysisMessages.nl) as AnalysisMessageKey[]) {
      expect(analysisMessages.nl[key].trim(), key).not.toBe('');
      expect(analysisMessages.en[key].trim(), key).not.toBe('');
      expect(placeholders(analysisMessages.en[key]), key).toEqual(placeholders(analysisMessages.nl[key]));
    }
  });

  it('pairs every _one with an _other form and vice versa', () => {
    const keys = Object.keys(analysisMessages.nl);
    for (const k of keys) {
      if (k.endsWith('_one')) expect(keys, k).toContain(k.replace(/_one$/, '_other'));
      if (k.endsWith('_other')) expect(keys, k).toContain(k.replace(/_other$/, '_one'));
    }
  });

  it('names every analysis step, in the engine order', () => {
    expect([...PROGRESS_STEPS]).toEqual(ANALYSIS_STEPS);
    for (const step of ANALYSIS_STEPS) {
      expect(analysisMessages.nl, step).toHaveProperty([`progress.step.${step}`]);
    }
  });

  it('has a short label for every sector', () => {
    for (const s of SECTORS) expect(analysisMessages.nl, s).toHaveProperty([`sectorShort.${s}`]);
  });

  it('interpolates {{name}}, formats numbers per language, leaves unknown names', () => {
    expect(interpolate('{{a}} en {{ b }}', { a: 'x', b: 'y' }, 'nl')).toBe('x en y');
    expect(interpolate('{{x}}', { x: 1.5 }, 'nl')).toBe('1,5');
    expect(interpolate('{{x}}', { x: 1.5 }, 'en')).toBe('1.5');
    expect(interpolate('{{x}} {{y}}', { x: 1 }, 'en')).toBe('1 {{y}}');
    expect(interpolate('plain', undefined, 'en')).toBe('plain');
  });

  it('translates with plurals and grouped counts', () => {
    expect(translatePlural('nl', 'clusters.size', 1)).toBe('1 organisatie');
    expect(translatePlural('nl', 'clusters.size', 0)).toBe('0 organisaties');
    expect(translatePlural('nl', 'clusters.size', 12345)).toBe('12.345 organisaties');
    expect(translatePlural('en', 'clusters.size', 12345)).toBe('12,345 organisations');
    expect(translate('en', 'clusters.communityName', { id: 3 })).toBe('Cluster 3');
    expect(translate('nl', 'mixing.missingTag')).toBe('ontbreekt');
    expect(translate('en', 'mixing.missingTag')).toBe('missing');
  });

  it('maps i18next languages to nl/en with Dutch as default', () => {
    expect(toAnalysisLang('en')).toBe('en');
    expect(toAnalysisLang('en-GB')).toBe('en');
    expect(toAnalysisLang('nl')).toBe('nl');
    expect(toAnalysisLang('de')).toBe('nl');
    expect(toAnalysisLang(undefined)).toBe('nl');
  });

  it('gives full and short sector names', () => {
    const nl = analysisText('nl');
    const en = analysisText('en');
    expect(nl.sector('care')).toBe('Zorg en welzijn');
    expect(en.sector('care')).toBe('Care');
    expect(nl.sectorShort('government')).toBe('Overheid');
    expect(nl.sector('unknown-sector')).toBe('unknown-sector');
    expect(nl.sectorShort('unknown-sector')).toBe('unknown-sector');
  });
});

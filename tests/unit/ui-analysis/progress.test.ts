import { describe, expect, it } from 'vitest';
import { STAGES } from '../../../src/analysis/stages';
import { createTranslator } from '../../../src/i18n';
import { isProgressStep, progressState, PROGRESS_STEPS } from '../../../src/ui/analysis/progress';

describe('progress state', () => {
  it('counts every stage equally and the running one by its own fraction, clamped', () => {
    expect(PROGRESS_STEPS).toEqual(STAGES);
    const n = STAGES.length;
    expect(progressState('communities', 0.5).percent).toBe(Math.round((0.5 / n) * 100));
    expect(progressState('bridges', 0).percent).toBe(Math.round((3 / n) * 100));
    expect(progressState('robustness', 1.5).percent).toBe(100);
    expect(progressState('communities', -1).percent).toBe(0);
    expect(progressState('structure', null).percent).toBeNull();
    expect(progressState('structure', Number.NaN).percent).toBeNull();
  });

  it('numbers known stages from 1 and leaves unknown steps unnumbered', () => {
    expect(progressState('communities', 0)).toMatchObject({ stepNumber: 1, stepCount: STAGES.length });
    expect(progressState('structure', 0)).toMatchObject({ stepNumber: 2, stepCount: STAGES.length });
    expect(progressState(STAGES[STAGES.length - 1]!, 1).stepNumber).toBe(STAGES.length);
    expect(progressState('filtering', 0.1).stepNumber).toBeNull();
    expect(progressState(null, null).stepNumber).toBeNull();
    expect(isProgressStep('conveners')).toBe(true);
    expect(isProgressStep('nope')).toBe(false);
  });

  // The bar names the running stage in words; a stage without a label showed its i18n key.
  it.each(['nl', 'en'] as const)('names every stage in words (%s), in the analysis and in the comparison', (lang) => {
    const { t } = createTranslator(lang);
    for (const stage of STAGES) {
      for (const key of [`analysis:progress.step.${stage}`, `change:status.stage.${stage}`]) {
        const text = t(key as never) as string;
        expect(text, key).not.toContain('.');
        expect(text.length, key).toBeGreaterThan(3);
      }
    }
  });
});

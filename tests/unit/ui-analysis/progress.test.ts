import { describe, expect, it } from 'vitest';
import { isProgressStep, progressState, PROGRESS_STEPS } from '../../../src/ui/analysis/progress';

describe('progress state', () => {
  it('rounds and clamps the fraction to a percentage', () => {
    expect(progressState('mixing', 0.456).percent).toBe(46);
    expect(progressState('mixing', -1).percent).toBe(0);
    expect(progressState('mixing', 1.5).percent).toBe(100);
    expect(progressState('mixing', null).percent).toBeNull();
    expect(progressState('mixing', Number.NaN).percent).toBeNull();
  });

  it('numbers known steps from 1 and leaves unknown steps unnumbered', () => {
    expect(progressState('index', 0)).toMatchObject({ stepNumber: 1, stepCount: PROGRESS_STEPS.length });
    expect(progressState('assemble', 1).stepNumber).toBe(PROGRESS_STEPS.length);
    expect(progressState('filtering', 0.1).stepNumber).toBeNull();
    expect(progressState(null, null).stepNumber).toBeNull();
    expect(isProgressStep('betweenness')).toBe(true);
    expect(isProgressStep('nope')).toBe(false);
  });
});

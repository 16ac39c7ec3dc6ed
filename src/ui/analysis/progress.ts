/**
 * Progress of the analysis. The step names mirror ANALYSIS_STEPS in src/analysis/index.ts (a unit
 * test keeps them equal); they are copied here so that the main bundle does not import the
 * analysis engine, which runs in a worker.
 */
export const PROGRESS_STEPS = [
  'index',
  'components',
  'communities',
  'mixing',
  'structural-holes',
  'betweenness',
  'brokerage',
  'cutpoints',
  'conveners',
  'suggestions',
  'municipality',
  'assemble',
] as const;

export type ProgressStep = (typeof PROGRESS_STEPS)[number];

export function isProgressStep(step: string | null | undefined): step is ProgressStep {
  return step != null && (PROGRESS_STEPS as readonly string[]).includes(step);
}

export interface ProgressState {
  /** 0–100, rounded; null when unknown (indeterminate bar). */
  percent: number | null;
  /** 1-based position of the step, null when the step is unknown. */
  stepNumber: number | null;
  stepCount: number;
}

export function progressState(step: string | null, fraction: number | null): ProgressState {
  const percent =
    fraction === null || !Number.isFinite(fraction) ? null : Math.round(Math.max(0, Math.min(1, fraction)) * 100);
  const i = isProgressStep(step) ? PROGRESS_STEPS.indexOf(step) : -1;
  return { percent, stepNumber: i >= 0 ? i + 1 : null, stepCount: PROGRESS_STEPS.length };
}

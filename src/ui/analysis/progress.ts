/** Progress of the staged analysis: which stage runs, and how far it is. */
import { STAGES, type StageName } from '../../analysis/stages';

export const PROGRESS_STEPS = STAGES;
export type ProgressStep = StageName;

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

/** The overall percentage: stages count equally, the running one by its own fraction. */
export function progressState(step: string | null, fraction: number | null): ProgressState {
  const i = isProgressStep(step) ? PROGRESS_STEPS.indexOf(step) : -1;
  const within = fraction === null || !Number.isFinite(fraction) ? null : Math.max(0, Math.min(1, fraction));
  const percent = i < 0 || within === null ? null : Math.round(((i + within) / PROGRESS_STEPS.length) * 100);
  return { percent, stepNumber: i >= 0 ? i + 1 : null, stepCount: PROGRESS_STEPS.length };
}

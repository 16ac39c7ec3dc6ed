import './analysis.css';
import { useAnalysisText, type AnalysisMessageKey } from './messages';
import { isProgressStep, progressState } from './progress';

export interface AnalysisProgressProps {
  step: string | null;
  fraction: number | null;
  error?: string;
}

/** Accessible progress bar of the analysis, naming the current step in words. */
export function AnalysisProgress({ step, fraction, error }: AnalysisProgressProps) {
  const { t, fmt } = useAnalysisText();
  if (error) {
    return (
      <div className="ana ana-progress ana-progress-error" role="alert" data-testid="analysis-progress-error">
        <strong>{t('progress.failed')}</strong> {error}
      </div>
    );
  }
  const state = progressState(step, fraction);
  const stepText = isProgressStep(step)
    ? t(`progress.step.${step}` as AnalysisMessageKey)
    : step
      ? step
      : t('progress.starting');
  const position =
    state.stepNumber !== null
      ? t('progress.stepOf', { n: fmt.int(state.stepNumber), total: fmt.int(state.stepCount) })
      : '';
  const valueText = [position && `${position}: ${stepText}`, !position && stepText, state.percent !== null && fmt.pct(state.percent / 100)]
    .filter(Boolean)
    .join(' · ');
  return (
    <div className="ana ana-progress" data-testid="analysis-progress">
      <div className="ana-progress-label" aria-hidden="true">
        <span title={stepText}>{stepText}</span>
        <span className="ana-muted">{state.percent !== null ? fmt.pct(state.percent / 100) : ''}</span>
      </div>
      <div
        className={`ana-progress-track${state.percent === null ? ' ana-indeterminate' : ''}`}
        role="progressbar"
        aria-label={t('progress.label')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={state.percent ?? undefined}
        aria-valuetext={valueText}
        data-testid="analysis-progress-bar"
        data-step={step ?? ''}
      >
        <span className="ana-progress-fill" style={state.percent !== null ? { width: `${state.percent}%` } : undefined} />
      </div>
    </div>
  );
}

/** The comparison's progress (which side, which step), its error, and a marker when it is up to date. */
import type { ChangeProgress } from '../../workers/protocols';
import { useChangeText } from './text';

export function ChangeStatus({ progress, error, fresh, hasResult, testId }: { progress: ChangeProgress | null; error: string | null; fresh: boolean; hasResult: boolean; testId: string }) {
  const { t, fmt } = useChangeText();
  if (error) {
    return (
      <p className="change-status error" role="alert" data-testid={`${testId}-error`}>
        {t('status.failed', { message: error })}
      </p>
    );
  }
  if (fresh) return <span className="change-ready" data-testid={`${testId}-ready`} />;
  return (
    <p className="change-status" role="status" data-testid={`${testId}-progress`}>
      {progress
        ? t('status.running', {
            side: t(`status.${progress.side}`),
            step: t(`status.stage.${progress.stage}`),
            pct: fmt.pct(progress.fraction),
          })
        : hasResult
          ? t('status.updating')
          : t('status.waiting')}
    </p>
  );
}

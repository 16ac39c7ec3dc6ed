import { useState } from 'react';
import type { ImportProblem } from '../../data/report';
import type { ImportT } from './useImportMessages';

const SHOWN = 200;

/** Problems with file, row, column, reason and fix. Values from files are rendered as text only. */
export function ProblemList({ problems, t, testId = 'import-problems' }: { problems: readonly ImportProblem[]; t: ImportT; testId?: string }) {
  const [showInfo, setShowInfo] = useState(false);
  const info = problems.filter((p) => p.severity === 'info').length;
  const visible = showInfo ? problems : problems.filter((p) => p.severity !== 'info');
  return (
    <div className="import-problems">
      {visible.length === 0 && info === 0 && <p className="muted">{t('noProblems')}</p>}
      <ul data-testid={testId}>
        {visible.slice(0, SHOWN).map((p, i) => (
          <li key={i} className={`problem ${p.severity}`} data-code={p.code} data-severity={p.severity}>
            <span className="problem-severity">{t(`severity_${p.severity}`)}</span>{' '}
            <span className="problem-where">
              {[p.file, p.row ? t('row', { row: p.row }) : '', p.column ?? ''].filter(Boolean).join(' · ')}
            </span>
            <div className="problem-message">{p.message}</div>
            {p.fix && <div className="problem-fix">{t('fix', { fix: p.fix })}</div>}
          </li>
        ))}
      </ul>
      {visible.length > SHOWN && <p className="muted">… +{visible.length - SHOWN}</p>}
      {info > 0 && (
        <label className="import-check">
          <input type="checkbox" checked={showInfo} onChange={(e) => setShowInfo(e.target.checked)} /> {t('showInfo', { count: info })}
        </label>
      )}
    </div>
  );
}

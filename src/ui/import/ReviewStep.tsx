import type { DuplicateGroup, ImportSummary } from '../../data/import/pipeline';
import { reportToCsv } from '../../data/import/reportCsv';
import { downloadText } from './download';
import { problemText } from './problemText';
import { ProblemList } from './ProblemList';
import type { ImportWords } from './useImportMessages';

/** The import report, the duplicate proposals and the button that shows the result on the map. */
export function ReviewStep({
  outcome,
  proposals,
  decisions,
  words,
  onDecide,
  onConfirm,
  onBack,
  busy = false,
}: {
  /** The report and counts with the accepted merges applied. */
  outcome: ImportSummary;
  /** Every proposal made for this import (accepted ones included). */
  proposals: readonly DuplicateGroup[];
  decisions: ReadonlyMap<string, boolean>;
  words: ImportWords;
  onDecide: (ids: readonly string[], accept: boolean) => void;
  onConfirm: () => void;
  onBack: () => void;
  /** While the dataset is being handed over. */
  busy?: boolean;
}) {
  const { t } = words;
  const { report, counts } = outcome;
  const inferred = counts.inferred;
  const why = outcome.noParticipations ? problemText(outcome.noParticipations, words) : undefined;
  return (
    <section className="import-review" aria-labelledby="import-review-title" data-testid="import-report">
      <h3 id="import-review-title">{t('reviewTitle')}</h3>
      {why && (
        <div className="import-error" role="alert" data-testid="no-participations">
          <h3>{t('noParticipationsTitle')}</h3>
          <p>{why.message}</p>
          {why.fix && <p className="problem-fix">{t('fix', { fix: why.fix })}</p>}
        </div>
      )}
      <p data-testid="import-summary">
        {words.tp('summary', report.rowsRead, { used: report.rowsUsed, merged: report.rowsMerged, rejected: report.rowsRejected })}{' '}
        {t('resultCounts', {
          organisations: words.tp('resultOrganisations', counts.organisations),
          activities: words.tp('resultActivities', counts.activities),
          participations: words.tp('resultParticipations', counts.participations),
        })}
      </p>
      <div className="import-files-scroll">
        <table className="import-files" data-testid="import-files">
          <thead>
            <tr>
              <th scope="col">{t('file')}</th>
              <th scope="col">{t('role')}</th>
              <th scope="col">{t('read')}</th>
              <th scope="col">{t('used')}</th>
              <th scope="col">{t('merged')}</th>
              <th scope="col">{t('rejected')}</th>
              <th scope="col">{t('encoding')}</th>
            </tr>
          </thead>
          <tbody>
            {report.files.map((f, i) => (
              <tr key={i}>
                <th scope="row">{f.file}</th>
                <td>{t(`roleName_${f.role}`)}</td>
                <td>{f.rowsRead}</td>
                <td>{f.rowsUsed}</td>
                <td>{f.rowsMerged}</td>
                <td>{f.rowsRejected}</td>
                <td>{f.encoding ?? (f.sheet ? 'xlsx' : '')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {inferred > 0 && <p className="muted">{words.tp('inferredNote', inferred)}</p>}

      {proposals.length > 0 && (
        <section className="import-duplicates" data-testid="duplicates" aria-labelledby="import-dup-title">
          <h4 id="import-dup-title">{t('duplicatesTitle', { count: proposals.length })}</h4>
          <p className="muted">{t('duplicatesIntro')}</p>
          <div className="import-actions">
            <button type="button" className="import-button" onClick={() => onDecide(proposals.map((g) => g.id), true)}>
              {t('acceptAll')}
            </button>
            <button type="button" className="import-button" onClick={() => onDecide(proposals.map((g) => g.id), false)}>
              {t('rejectAll')}
            </button>
          </div>
          <ul>
            {proposals.map((g) => (
              <li key={g.id} data-group={g.id} className={decisions.get(g.id) ? 'accepted' : ''}>
                <span className="dup-names">{g.names.join(' = ')}</span>
                <span className="muted"> · {t('duplicatesBecause', { reasons: g.reasonCodes.map((r) => t(`duplicateReason_${r}`)).join(', ') })}</span>
                <span className="dup-buttons">
                  <button type="button" aria-pressed={decisions.get(g.id) === true} onClick={() => onDecide([g.id], true)}>
                    {t('accept')}
                  </button>
                  <button type="button" aria-pressed={decisions.get(g.id) !== true} onClick={() => onDecide([g.id], false)}>
                    {t('reject')}
                  </button>
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <h4>{t('problemsTitle', { count: report.problems.length })}</h4>
      <ProblemList problems={report.problems} words={words} />
      <div className="import-actions">
        <button type="button" className="import-button" onClick={onBack}>
          {t('back')}
        </button>
        <button type="button" className="import-button" data-testid="download-report" onClick={() => downloadText('bruggen-import-report.csv', reportToCsv(report))}>
          {t('downloadReport')}
        </button>
        <button
          type="button"
          className="import-button primary"
          data-testid="import-confirm"
          disabled={counts.organisations === 0 || busy}
          aria-busy={busy}
          title={counts.organisations === 0 ? t('confirmDisabled') : undefined}
          onClick={onConfirm}
        >
          {t('confirm')}
        </button>
      </div>
    </section>
  );
}

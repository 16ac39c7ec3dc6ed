import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reportToCsv } from '../data/import/reportCsv';
import { slugify } from '../data/normalise';
import type { ImportReport } from '../data/report';
import { openBuiltin } from '../session/builtin';
import { forgetStoredState } from '../session/storage';
import { useSession, useStore } from '../session/react';
import { ErrorBoundary } from './ErrorBoundary';
import { downloadText } from './import/download';
import { ImportPanel, type ImportResult } from './import/ImportPanel';
import { RecentDatasets } from './import/RecentDatasets';
import { LanguageSwitch } from './LanguageSwitch';
import { MethodsButton, MethodsProvider } from './methods/Methods';
import { TooLargeNotice } from './TooLargeNotice';
import { Workspace } from './Workspace';
import { withListedActivities } from '../session/viewState';

/** The page: header, the dataset dialog, and the workspace for the dataset of the session. */
export function App() {
  const { t } = useTranslation();
  const store = useStore();
  const phase = useSession((s) => s.phase);
  const problem = useSession((s) => s.problem);
  const source = useSession((s) => s.source);
  const networkVersion = useSession((s) => s.networkVersion);
  const dialog = useRef<HTMLDialogElement>(null);
  const [importing, setImporting] = useState(false);

  const openImport = () => {
    setImporting(true);
    dialog.current?.showModal();
  };
  const closeImport = () => {
    dialog.current?.close();
    setImporting(false);
  };
  const onImported = (result: ImportResult) => {
    closeImport();
    void store.openImported(result.dataset, result.label, result.report, result.packed);
  };
  const backToBuiltin = () => void openBuiltin(store);

  return (
    <MethodsProvider>
      <div className="app">
        <a className="skip-link" href="#workspace-main" data-testid="skip-link">
          {t('app.skip')}
        </a>
        <header className="app-header no-print">
          <div className="brand">
            <h1>{t('app.title')}</h1>
            <p className="tagline">{t('app.tagline')}</p>
          </div>
          <div className="header-actions">
            {source?.kind === 'imported' && (
              <button type="button" className="header-button" onClick={backToBuiltin} data-testid="back-to-builtin">
                {t('dataset.builtin')}
              </button>
            )}
            <button type="button" className="header-button" onClick={openImport} data-testid="open-data">
              {t('dataset.open')}
            </button>
            <MethodsButton />
            <LanguageSwitch />
          </div>
        </header>
        <dialog ref={dialog} className="import-dialog no-print" aria-label={t('dataset.open')} onClose={() => setImporting(false)}>
          {importing && (
          <>
            <RecentDatasets onOpened={closeImport} />
            <ImportPanel onImported={onImported} onPacked={(packed) => store.preload(packed)} onCancel={closeImport} />
          </>
        )}
        </dialog>
        {(phase === 'empty' || (phase === 'loading' && !problem)) && (
          <p className="status" role="status" data-testid="app-loading">
            {t('app.loading')}
          </p>
        )}
        {problem?.code === 'load-failed' && (
          <p className="status error" role="alert">
            {t('app.loadError', { message: problem.message })}
          </p>
        )}
        {problem?.code === 'builtin-missing' && (
          <p className="status error" role="alert" data-testid="builtin-missing">
            {t('app.builtinMissing', { path: problem.path, status: problem.status })}
          </p>
        )}
        {problem?.code === 'too-large' && (
          <TooLargeNotice problem={problem} onList={(ids) => store.updateView((v) => ({ ...v, rules: withListedActivities(v.rules, ids) }))} />
        )}
        {phase === 'ready' && (
          <ErrorBoundary
            where={t('view.failed')}
            resetKey={networkVersion}
            onBackToBuiltin={source?.kind === 'imported' ? backToBuiltin : undefined}
            onForgetStored={() => {
              forgetStoredState();
              backToBuiltin();
            }}
          >
            <Workspace toolbarExtra={source?.kind === 'imported' ? <ImportSummary report={source.report} label={source.label} /> : null} />
          </ErrorBoundary>
        )}
      </div>
    </MethodsProvider>
  );
}

/** The import's bottom line, always visible after an import, with the full report as CSV. */
function ImportSummary({ report, label }: { report: ImportReport; label: string }) {
  const { t } = useTranslation();
  return (
    <div className="import-summary-chip" data-testid="import-summary-chip">
      <span>{t('dataset.reportLine', { read: report.rowsRead, used: report.rowsUsed, merged: report.rowsMerged, rejected: report.rowsRejected })}</span>
      <button type="button" className="link" onClick={() => downloadText(`bruggen-${slugify(label) || 'import'}-report.csv`, reportToCsv(report))} data-testid="download-report">
        {t('dataset.downloadReport')}
      </button>
    </div>
  );
}

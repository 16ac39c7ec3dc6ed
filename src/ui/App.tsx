import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BuiltinBundle } from '../data/bundle';
import { reportToCsv } from '../data/import/reportCsv';
import { loadBuiltinBundle } from '../data/loadBuiltin';
import type { Dataset, Organisation } from '../data/model';
import { slugify } from '../data/normalise';
import type { ImportReport } from '../data/report';
import type { Positions } from '../graph/layout';
import { AnalysisClient } from '../workers/analysisClient';
import { downloadText } from './import/download';
import { ImportPanel, type ImportResult } from './import/ImportPanel';
import { SectorCorrections } from './import/SectorCorrections';
import { useSectorCorrections } from './import/useSectorCorrections';
import { LanguageSwitch } from './LanguageSwitch';
import { Workspace, type WorkspaceProps } from './Workspace';

type Source =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'builtin'; bundle: BuiltinBundle }
  | { kind: 'imported'; result: ImportResult; positions: Positions | null };

export function App() {
  const { t } = useTranslation();
  const [source, setSource] = useState<Source>({ kind: 'loading' });
  const [builtin, setBuiltin] = useState<BuiltinBundle | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const [importing, setImporting] = useState(false);

  useEffect(() => {
    let cancelled = false;
    loadBuiltinBundle()
      .then((bundle) => {
        if (cancelled) return;
        setBuiltin(bundle);
        setSource((s) => (s.kind === 'loading' ? { kind: 'builtin', bundle } : s));
      })
      .catch((e: unknown) => !cancelled && setSource({ kind: 'error', message: String((e as Error).message ?? e) }));
    return () => {
      cancelled = true;
    };
  }, []);

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
    setSource({ kind: 'imported', result, positions: null });
    // The layout of an imported network is computed off the main thread.
    const client = new AnalysisClient(result.dataset);
    client
      .layout('organisations')
      .then((positions) => setSource((s) => (s.kind === 'imported' && s.result === result ? { ...s, positions } : s)))
      .catch((e: unknown) => setSource({ kind: 'error', message: String((e as Error).message ?? e) }))
      .finally(() => client.dispose());
  };

  return (
    <div className="app">
      <header className="app-header no-print">
        <div className="brand">
          <h1>{t('app.title')}</h1>
          <p className="tagline">{t('app.tagline')}</p>
        </div>
        <div className="header-actions">
          {source.kind === 'imported' && builtin && (
            <button type="button" className="header-button" onClick={() => setSource({ kind: 'builtin', bundle: builtin })} data-testid="back-to-builtin">
              {t('dataset.builtin')}
            </button>
          )}
          <button type="button" className="header-button" onClick={openImport} data-testid="open-data">
            {t('dataset.open')}
          </button>
          <LanguageSwitch />
        </div>
      </header>
      <dialog ref={dialog} className="import-dialog no-print" aria-label={t('dataset.open')} onClose={() => setImporting(false)}>
        {importing && <ImportPanel onImported={onImported} onCancel={closeImport} />}
      </dialog>
      {source.kind === 'loading' && <p className="status" role="status">{t('app.loading')}</p>}
      {source.kind === 'error' && <p className="status error" role="alert">{t('app.loadError', { message: source.message })}</p>}
      {source.kind === 'builtin' && (
        <DatasetWorkspace key="builtin" bundle={source.bundle} name={t('app.datasetDenHaag')} provenance={t('intro.source')} />
      )}
      {source.kind === 'imported' && (
        // Rendered at once: the network, filters and analysis start while the layout is computed.
        <DatasetWorkspace
          key={`imported-${source.result.label}`}
          bundle={{ id: slugify(source.result.label).slice(0, 40) || 'import', dataset: source.result.dataset, positions: source.positions }}
          name={source.result.label}
          provenance={source.result.label}
          report={source.result.report}
        />
      )}
    </div>
  );
}

/** A dataset with the user's sector corrections applied, explored in a Workspace. */
function DatasetWorkspace({ bundle, name, provenance, report }: { bundle: WorkspaceProps['bundle']; name: string; provenance: string; report?: ImportReport }) {
  const { t } = useTranslation();
  const { corrections, setCorrections, corrected } = useSectorCorrections(bundle.dataset);
  const correctedBundle = useMemo(() => ({ ...bundle, dataset: corrected }), [bundle, corrected]);
  const original = useMemo(() => new Map(bundle.dataset.organisations.map((o) => [o.id, o])), [bundle.dataset]);
  return (
    <Workspace
      bundle={correctedBundle}
      datasetName={name}
      provenance={provenance}
      toolbarExtra={report && <ImportSummary report={report} label={name} />}
      renderOrganisationExtra={(id) => {
        const organisation: Organisation | undefined = original.get(id);
        return organisation ? (
          <details className="sector-correction">
            <summary>{t('panel.correctSector')}</summary>
            <SectorCorrections organisation={organisation} dataset={bundle.dataset as Dataset} corrections={corrections} onChange={setCorrections} />
          </details>
        ) : null;
      }}
    />
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

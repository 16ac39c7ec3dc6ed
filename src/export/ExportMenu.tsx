import { useState } from 'react';
import type { AnalysisResult } from '../analysis';
import type { Visibility } from '../filters/filters';
import type { Network } from '../graph/network';
import type { Positions } from '../session/store';
import { activityTableRows, tieTableRows } from '../ui/tables/rows';
import { activitiesCsv, organisationsCsv, tiesCsv, type CsvDialect } from './csv';
import { downloadBlob, downloadText, exportFileName } from './download';
import { suggestedKeys } from './image';
import { exportPng, HIGH_RES_WIDTH, type AnySigma, type PngLegend } from './image';
import { useScoped } from '../i18n/scoped';
import { toGexf, toGraphml } from './network';
import './export.css';

const DIALECT_KEY = 'bruggen.csvDialect';

/** The CSV dialect chosen earlier in this browser (anything else stored reads as the standard one). */
function storedDialect(): CsvDialect {
  try {
    return localStorage.getItem(DIALECT_KEY) === 'excel-nl' ? 'excel-nl' : 'standard';
  } catch {
    return 'standard';
  }
}

export interface ExportMenuProps {
  /** The map's sigma instance (PNG exports and node positions); null while it is not there. */
  sigma: AnySigma | null;
  network: Network;
  visibility: Visibility;
  /** Sector code per organisation (corrections applied) and the map's layout. */
  sectors: Uint8Array;
  layout: Positions | null;
  /** The analysis of exactly this view, or null while it is being (re)computed. */
  result: AnalysisResult | null;
  /** What the map shows, so the files match the screen. */
  look?: { colour: readonly string[]; size: ArrayLike<number> } | null;
  /** Suggested ties drawn on the map (organisation indices, with their numbers on the map). */
  suggested?: readonly { a: number; b: number; number?: number }[];
  /** Goes into every file name: `bruggen-<datasetSlug>-<what>.<ext>`. */
  datasetSlug: string;
  onPrintReport: () => void;
  /** Legend drawn into the PNGs; default the sectors of the exported network; null for none. */
  legend?: PngLegend | null;
  /** Written into the GEXF/GraphML description; default the dataset's name. */
  datasetName?: string;
}

type Status =
  | { kind: 'idle' }
  | { kind: 'busy'; what: string }
  | { kind: 'done'; file: string }
  | { kind: 'error'; message: string };

/** Buttons that download the map, the network and the tables, and open the printable report. */
export function ExportMenu({
  sigma,
  network,
  visibility,
  sectors,
  layout,
  result,
  look,
  suggested,
  datasetSlug,
  onPrintReport,
  legend,
  datasetName,
}: ExportMenuProps) {
  const { t } = useScoped('export');
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [dialect, setDialect] = useState<CsvDialect>(storedDialect);
  const chooseDialect = (next: CsvDialect) => {
    setDialect(next);
    try {
      localStorage.setItem(DIALECT_KEY, next);
    } catch {
      // Storage full or off: the choice holds for this page.
    }
  };
  const busy = status.kind === 'busy';
  const file = (what: string, ext: string) => exportFileName(datasetSlug, what, ext);

  const run = async (label: string, action: () => Promise<string> | string) => {
    setStatus({ kind: 'busy', what: t(label) });
    try {
      const name = await action();
      setStatus({ kind: 'done', file: name });
    } catch (e) {
      setStatus({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  };


  const png = (label: 'png' | 'pngHires', what: string, width?: number) =>
    run(label, async () => {
      if (!sigma) throw new Error(t('needsMap'));
      const blob = await exportPng(sigma, { legend: legend ?? null, suggested: suggestedKeys(suggested), ...(width ? { width } : {}) });
      const name = file(what, 'png');
      downloadBlob(blob, name);
      return name;
    });

  const networkFile = (label: 'gexf' | 'graphml') =>
    run(label, () => {
      const input = { network, visibility, sectors, result, positions: layout, look, suggested, datasetName: datasetName ?? network.dataset.name };
      const name = file('network', label);
      if (label === 'gexf') downloadText(toGexf(input), name, 'application/gexf+xml');
      else downloadText(toGraphml(input), name, 'application/graphml+xml');
      return name;
    });

  const csv = (label: 'csvOrganisations' | 'csvActivities' | 'csvTies') =>
    run(label, () => {
      let text: string;
      let what: string;
      if (label === 'csvActivities') {
        text = activitiesCsv(activityTableRows(network, visibility), dialect);
        what = 'activities';
      } else {
        if (!result) throw new Error(t('needsAnalysis'));
        if (label === 'csvOrganisations') {
          text = organisationsCsv(result.organisations, { betweennessEstimated: result.meta.betweenness.estimated, dialect });
          what = 'organisations';
        } else {
          text = tiesCsv(tieTableRows(result.ties, result.organisations, network, visibility), dialect);
          what = 'ties';
        }
      }
      const name = file(what, 'csv');
      downloadText(text, name, 'text/csv');
      return name;
    });

  const button = (
    testId: string,
    label: string,
    hint: string,
    onClick: () => void,
    unavailable: string | null = null,
  ) => (
    <button
      type="button"
      data-testid={testId}
      disabled={busy || unavailable !== null}
      title={unavailable ?? hint}
      onClick={onClick}
    >
      {t(label)}
    </button>
  );

  const noMap = sigma ? null : t('needsMap');
  const noAnalysis = result ? null : t('needsAnalysis');
  return (
    <section className="export-menu" aria-label={t('title')} data-testid="export-menu">
      <div className="export-group" role="group" aria-label={t('map')}>
        <span className="export-group-label" aria-hidden="true">{t('map')}</span>
        {button('export-png', 'png', t('pngHint'), () => void png('png', 'map'), noMap)}
        {button('export-png-hires', 'pngHires', t('pngHiresHint', { width: HIGH_RES_WIDTH }), () => void png('pngHires', 'map-hires', HIGH_RES_WIDTH), noMap)}
      </div>
      <div className="export-group" role="group" aria-label={t('network')}>
        <span className="export-group-label" aria-hidden="true">{t('network')}</span>
        {button('export-gexf', 'gexf', t('gexfHint'), () => void networkFile('gexf'))}
        {button('export-graphml', 'graphml', t('graphmlHint'), () => void networkFile('graphml'))}
      </div>
      <div className="export-group" role="group" aria-label={t('tables')}>
        <span className="export-group-label" aria-hidden="true">{t('tables')}</span>
        {button('export-csv-organisations', 'csvOrganisations', t('csvOrganisationsHint'), () => void csv('csvOrganisations'), noAnalysis)}
        {button('export-csv-activities', 'csvActivities', t('csvActivitiesHint'), () => void csv('csvActivities'))}
        {button('export-csv-ties', 'csvTies', t('csvTiesHint'), () => void csv('csvTies'), noAnalysis)}
        <label className="export-option" title={t('csvExcelHint')}>
          <input type="checkbox" checked={dialect === 'excel-nl'} onChange={(e) => chooseDialect(e.target.checked ? 'excel-nl' : 'standard')} data-testid="export-csv-excel" />
          {t('csvExcel')}
        </label>
      </div>
      <div className="export-group" role="group" aria-label={t('report')}>
        <span className="export-group-label" aria-hidden="true">{t('report')}</span>
        {button('export-report', 'printReport', t('printReportHint'), onPrintReport)}
      </div>
      <p className={`export-status${status.kind === 'error' ? ' is-error' : ''}`} role="status" data-testid="export-status">
        {status.kind === 'busy' && t('busy', { what: status.what })}
        {status.kind === 'done' && t('done', { file: status.file })}
        {status.kind === 'error' && t('failed', { message: status.message })}
      </p>
    </section>
  );
}


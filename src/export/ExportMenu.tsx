import type Graph from 'graphology';
import { useState } from 'react';
import type { AnalysisResult } from '../analysis';
import type { Dataset } from '../data/model';
import type { Visibility } from '../filters/filters';
import { activityTableRows, tieTableRows } from '../ui/tables/rows';
import { activitiesCsv, organisationsCsv, tiesCsv } from './csv';
import { downloadBlob, downloadText, exportFileName } from './download';
import { positionsFrom, sectorLegend } from './legend';
import { exportPng, HIGH_RES_WIDTH, type AnySigma, type PngLegend } from './image';
import { useExportMessages, type ExportMessageKey } from './messages';
import { toGexf, toGraphml } from './network';
import './export.css';

export interface ExportMenuProps {
  /** The map's sigma instance (PNG exports and node positions); null while it is not there. */
  sigma: AnySigma | null;
  /** The filtered organisation network (`visibleNetwork(network, visibility)`), the one analysed. */
  exportGraph: () => Graph;
  result: AnalysisResult | null;
  dataset: Dataset;
  visibility: Visibility;
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
  exportGraph,
  result,
  dataset,
  visibility,
  datasetSlug,
  onPrintReport,
  legend,
  datasetName,
}: ExportMenuProps) {
  const { t, lang } = useExportMessages();
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const busy = status.kind === 'busy';
  const file = (what: string, ext: string) => exportFileName(datasetSlug, what, ext);

  const run = async (label: ExportMessageKey, action: () => Promise<string> | string) => {
    setStatus({ kind: 'busy', what: t(label) });
    try {
      const name = await action();
      setStatus({ kind: 'done', file: name });
    } catch (e) {
      setStatus({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  };

  const pngLegend = (graph: Graph) =>
    legend === undefined ? sectorLegend(graph, lang, t('legendTitle'), t('legendNote')) : legend;

  const png = (label: 'png' | 'pngHires', what: string, width?: number) =>
    run(label, async () => {
      if (!sigma) throw new Error(t('needsMap'));
      const blob = await exportPng(sigma, { legend: pngLegend(exportGraph()), ...(width ? { width } : {}) });
      const name = file(what, 'png');
      downloadBlob(blob, name);
      return name;
    });

  const network = (label: 'gexf' | 'graphml') =>
    run(label, () => {
      const graph = exportGraph();
      const options = { positions: positionsFrom(sigma, graph), datasetName: datasetName ?? dataset.name };
      const name = file('network', label);
      if (label === 'gexf') downloadText(toGexf(graph, result, options), name, 'application/gexf+xml');
      else downloadText(toGraphml(graph, result, options), name, 'application/graphml+xml');
      return name;
    });

  const csv = (label: 'csvOrganisations' | 'csvActivities' | 'csvTies') =>
    run(label, () => {
      let text: string;
      let what: string;
      if (label === 'csvActivities') {
        text = activitiesCsv(activityTableRows(dataset, visibility));
        what = 'activities';
      } else {
        if (!result) throw new Error(t('needsAnalysis'));
        if (label === 'csvOrganisations') {
          text = organisationsCsv(result.organisations, { betweennessEstimated: result.meta.betweenness.estimated });
          what = 'organisations';
        } else {
          text = tiesCsv(tieTableRows(result.ties, result.organisations, exportGraph(), dataset));
          what = 'ties';
        }
      }
      const name = file(what, 'csv');
      downloadText(text, name, 'text/csv');
      return name;
    });

  const button = (
    testId: string,
    label: ExportMessageKey,
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
        {button('export-gexf', 'gexf', t('gexfHint'), () => void network('gexf'))}
        {button('export-graphml', 'graphml', t('graphmlHint'), () => void network('graphml'))}
      </div>
      <div className="export-group" role="group" aria-label={t('tables')}>
        <span className="export-group-label" aria-hidden="true">{t('tables')}</span>
        {button('export-csv-organisations', 'csvOrganisations', t('csvOrganisationsHint'), () => void csv('csvOrganisations'), noAnalysis)}
        {button('export-csv-activities', 'csvActivities', t('csvActivitiesHint'), () => void csv('csvActivities'))}
        {button('export-csv-ties', 'csvTies', t('csvTiesHint'), () => void csv('csvTies'), noAnalysis)}
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

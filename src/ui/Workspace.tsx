import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dataset } from '../data/model';
import type { Positions } from '../graph/layout';
import type { Sector } from '../data/sectors';
import { computeFacets } from '../filters/facets';
import { applyFilters, filtersActive, visibleNetwork, type Filters } from '../filters/filters';
import { computeAppearance } from '../graph/appearance';
import { buildOrganisationNetwork } from '../graph/build';
import { DatasetIndex } from '../graph/details';
import { toDisplayGraph } from '../graph/display';
import { OrganisationSearch } from '../graph/search';
import { COLOUR_BY, SIZE_BY, VIEWS, type View, type ViewState } from '../state/viewState';
import { CameraControls } from './CameraControls';
import { DetailsPanel } from './DetailsPanel';
import { FiltersPanel } from './filters/FiltersPanel';
import { GraphView, type GraphLook, type GraphSigma, type SuggestedTie } from './GraphView';
import { Legend } from './Legend';
import { SearchBox } from './SearchBox';
import { useAnalysis } from './useAnalysis';
import { useViewState } from './useViewState';
import { AnalysisProgress, BrokerPanel, ConvenersPanel, Findings, MissingBridgesView, SectorOverview, type OverviewMode } from './analysis';
import { BipartiteView } from './views/BipartiteView';
import { TablesView } from './views/TablesView';
import { ExportMenu, exportPngDataUrl } from '../export';
import { PrintReport, summariseFilters } from './report';
import { pngLegendFor } from './pngLegend';

export interface WorkspaceProps {
  /** The data and its layouts; `positions` is null while an imported network is being laid out. */
  bundle: { id: string; dataset: Dataset; positions: Positions | null; bipartitePositions?: Positions };
  /** Display name of the dataset (translated for the built-in one). */
  datasetName: string;
  /** Where the data comes from, for the printed report's footer. */
  provenance?: string;
  /** Extra content for the toolbar (the import summary). */
  toolbarExtra?: ReactNode;
  /** Extra sections in the details panel of an organisation (sector correction). */
  renderOrganisationExtra?: (id: string) => ReactNode;
}

const MAP_VIEWS: View[] = ['network', 'bridges', 'conveners'];

/**
 * One dataset being explored: filters, views, the map, the analysis (in a worker) and the side
 * panel. All navigation state lives in the URL (useViewState).
 */
export function Workspace({ bundle, datasetName, provenance, toolbarExtra, renderOrganisationExtra }: WorkspaceProps) {
  const { t, i18n } = useTranslation();
  const { dataset } = bundle;
  const [mapImage, setMapImage] = useState<string | null>(null);
  const [state, update] = useViewState();
  const network = useMemo(() => buildOrganisationNetwork(dataset), [dataset]);
  const positions = bundle.positions;
  const display = useMemo(() => (positions ? toDisplayGraph(network, positions) : null), [network, positions]);
  const index = useMemo(() => new DatasetIndex(dataset), [dataset]);
  const search = useMemo(() => new OrganisationSearch(dataset.organisations, dataset.activities), [dataset]);
  const facets = useMemo(() => {
    let maxWeight = 1;
    network.forEachEdge((_e, a) => {
      if (a.weight > maxWeight) maxWeight = a.weight;
    });
    return computeFacets(dataset, maxWeight);
  }, [dataset, network]);
  const visibility = useMemo(() => applyFilters(dataset, network, state.filters), [dataset, network, state.filters]);
  // Without filters the visible network is the network itself: no copy of 300,000 ties.
  const visible = useMemo(
    () => (filtersActive(state.filters) ? visibleNetwork(network, visibility) : network),
    [network, visibility, state.filters],
  );
  const analysis = useAnalysis(dataset, state.filters, state, bundle.positions !== null);
  const result = analysis.result;

  const [sigma, setSigma] = useState<GraphSigma | null>(null);
  const [focus, setFocus] = useState<{ nodes: string[] } | null>(null);
  const [activeSuggestion, setActiveSuggestion] = useState<{ source: string; target: string } | null>(null);
  /** A group emphasised on the map: a cluster picked in a list, or an activity found by search. */
  const [cluster, setCluster] = useState<
    { kind: 'community' | 'component'; id: number } | { kind: 'activity'; id: string } | null
  >(null);
  const [overviewMode, setOverviewMode] = useState<OverviewMode>('sector');
  const selectCluster = useCallback(
    (kind: 'community' | 'component', id: number) => {
      setCluster({ kind, id });
      const members = result?.organisations.filter((r) => (kind === 'community' ? r.community : r.component) === id).map((r) => r.id) ?? [];
      if (members.length) setFocus({ nodes: members });
      if (!MAP_VIEWS.includes(state.view)) update((s) => ({ ...s, view: 'bridges' }));
    },
    [result, state.view, update],
  );

  const selected = state.selected && index.organisations.has(state.selected) ? state.selected : null;
  const select = useCallback((id: string | null) => update((s) => ({ ...s, selected: id })), [update]);
  const selectAndFocus = useCallback(
    (id: string) => {
      update((s) => ({ ...s, selected: id }));
      setFocus({ nodes: [id] });
    },
    [update],
  );
  const setFilters = useCallback((filters: Filters, history?: 'push' | 'replace') => update((s) => ({ ...s, filters }), history), [update]);
  const setView = (view: View) => update((s) => ({ ...s, view }));

  // Keyboard: "/" focuses the search, Esc clears the selection.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      const typing = target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.isContentEditable);
      if (e.key === '/' && !typing) {
        e.preventDefault();
        document.querySelector<HTMLInputElement>('.toolbar .search input')?.focus();
      } else if (e.key === 'Escape' && !typing) {
        select(null);
        setCluster(null);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [select]);

  const sectors = useMemo(() => {
    const m = new Map<string, Sector>();
    for (const o of dataset.organisations) if (visibility.organisations.has(o.id)) m.set(o.id, o.sector);
    return m;
  }, [dataset, visibility]);
  const degrees = useMemo(() => {
    const d = new Map<string, number>();
    for (const id of visibility.organisations) d.set(id, 0);
    for (const edge of visibility.ties.keys()) {
      for (const end of network.extremities(edge)) d.set(end, (d.get(end) ?? 0) + 1);
    }
    return d;
  }, [network, visibility]);
  const appearance = useMemo(
    () => computeAppearance(sectors, degrees, result, state.colourBy, state.sizeBy),
    [sectors, degrees, result, state.colourBy, state.sizeBy],
  );

  const suggested = useMemo<SuggestedTie[]>(() => {
    const wanted = state.view === 'bridges' || (state.view === 'conveners' && state.showSuggested);
    if (!result || !wanted) return [];
    return result.suggestions.organisations.flatMap((pair) =>
      pair.suggestions.slice(0, 5).map((s) => ({
        source: s.a.id,
        target: s.b.id,
        reason: t('suggested.reason', {
          a: s.a.label,
          b: s.b.label,
          via: s.sharedPartners.map((p) => p.label).join(', '),
        }),
      })),
    );
  }, [result, state.view, state.showSuggested, t]);

  const activityMembers = useMemo(() => {
    if (cluster?.kind !== 'activity') return null;
    return new Set(dataset.participations.filter((p) => p.activityId === cluster.id).map((p) => p.organisationId));
  }, [cluster, dataset]);

  const highlight = useMemo<Set<string> | null>(() => {
    if (activityMembers) return activityMembers;
    if (cluster && cluster.kind !== 'activity' && result) {
      const ids = result.organisations.filter((r) => (cluster.kind === 'community' ? r.community : r.component) === cluster.id).map((r) => r.id);
      return new Set(ids);
    }
    if (state.view === 'conveners' && result) return new Set(result.conveners.picks.map((p) => p.id));
    return null;
  }, [cluster, activityMembers, result, state.view]);

  const look = useMemo<GraphLook>(
    () => ({
      colour: appearance.colour,
      size: appearance.size,
      visibleNodes: visibility.organisations,
      visibleTies: visibility.ties,
      highlight,
      suggested,
      activeSuggestion,
    }),
    [appearance, visibility, highlight, suggested, activeSuggestion],
  );

  const printReport = async () => {
    setMapImage(sigma ? await exportPngDataUrl(sigma, { legend: pngLegendFor(appearance.legend, t, i18n.language) }) : null);
    // Print once the image is in the report.
    requestAnimationFrame(() => requestAnimationFrame(() => window.print()));
  };

  const details = selected ? index.details(selected, network) : undefined;
  const selectedRow = selected && result ? result.organisations.find((r) => r.id === selected) : undefined;
  const hasIsolates = useMemo(() => [...degrees.values()].some((d) => d === 0), [degrees]);
  const isMapView = MAP_VIEWS.includes(state.view);

  return (
    <main className="explorer">
      <div className="toolbar no-print">
        <div className="dataset">
          <strong>{datasetName}</strong>
          <span className="muted" data-testid="counts">
            {t('app.counts', { organisations: visibility.counts.organisations, activities: visibility.counts.activities, ties: visibility.counts.ties })}
          </span>
        </div>
        <SearchBox
          index={search}
          onChoose={(hit) => {
            if (hit.kind === 'organisation') {
              selectAndFocus(hit.id);
              return;
            }
            // An activity: emphasise its participants on the map and zoom to them.
            const members = dataset.participations.filter((p) => p.activityId === hit.id).map((p) => p.organisationId);
            setCluster({ kind: 'activity', id: hit.id });
            select(null);
            if (!MAP_VIEWS.includes(state.view)) update((s) => ({ ...s, view: 'network' }));
            if (members.length) setFocus({ nodes: members });
          }}
        />
        <details className="export-dropdown" data-testid="export-dropdown">
          <summary>{t('export.open')}</summary>
          <div className="export-popover">
            <ExportMenu
              sigma={sigma}
              exportGraph={() => visible}
              result={result}
              dataset={dataset}
              visibility={visibility}
              datasetSlug={bundle.id}
              datasetName={datasetName}
              legend={pngLegendFor(appearance.legend, t, i18n.language)}
              onPrintReport={printReport}
            />
          </div>
        </details>
        {toolbarExtra}
      </div>

      <aside className="filters-column no-print" aria-label={t('filters.title')}>
        <FiltersPanel
          filters={state.filters}
          facets={facets}
          counts={visibility.counts}
          search={search}
          organisationName={(id) => index.organisations.get(id)?.name ?? id}
          onChange={setFilters}
        />
      </aside>

      <section className="main-column no-print">
        <ViewTabs view={state.view} onChange={setView} />
        {isMapView && (
          <div className="map-toolbar">
            <label>
              {t('colourBy.label')}{' '}
              <select value={state.colourBy} onChange={(e) => update((s) => ({ ...s, colourBy: e.target.value as ViewState['colourBy'] }))} data-testid="colour-by">
                {COLOUR_BY.map((c) => (
                  <option key={c} value={c}>
                    {t(`colourBy.${c}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('sizeBy.label')}{' '}
              <select value={state.sizeBy} onChange={(e) => update((s) => ({ ...s, sizeBy: e.target.value as ViewState['sizeBy'] }))} data-testid="size-by">
                {SIZE_BY.map((c) => (
                  <option key={c} value={c}>
                    {t(`sizeBy.${c}`)}
                  </option>
                ))}
              </select>
            </label>
            {cluster && (
              <span className="highlight-chip" data-testid="highlight-chip">
                {cluster.kind === 'activity'
                  ? t('highlight.activity', { title: index.activities.get(cluster.id)?.title ?? cluster.id, count: activityMembers?.size ?? 0 })
                  : t(`highlight.${cluster.kind}`, { id: cluster.id })}
                <button type="button" className="link" onClick={() => setCluster(null)} aria-label={t('highlight.clear')}>
                  ×
                </button>
              </span>
            )}
            <AnalysisStatus progress={analysis.progress} error={analysis.error} />
          </div>
        )}
        <div className="stage" role="tabpanel" aria-label={t(`views.${state.view}`)} data-testid={`view-${state.view}`}>
          {isMapView && (
            <div className="canvas-wrap">
              {display ? (
                <GraphView graph={display} look={look} selected={selected} focus={focus} onSelect={select} onReady={setSigma} />
              ) : (
                <p className="status" role="status" data-testid="layout-status">
                  {t('dataset.layout')}
                </p>
              )}
              <CameraControls sigma={sigma} onZoomToSelection={selected ? () => setFocus({ nodes: [selected] }) : undefined} />
            </div>
          )}
          {isMapView && (
            <Legend
              spec={appearance.legend}
              sizeMetric={appearance.sizeMetric}
              hasIsolates={hasIsolates}
              thinned={display && display.size < network.size ? { drawn: display.size, total: network.size } : null}
            />
          )}
          {state.view === 'bipartite' && (
            <BipartiteView dataset={dataset} positions={bundle.bipartitePositions} visibility={visibility} selected={selected} onSelect={select} />
          )}
          {state.view === 'sectors' &&
            (result ? (
              <div className="overview-wrap">
                <SectorOverview
                  result={result}
                  targets={state.targets}
                  mode={overviewMode}
                  onModeChange={setOverviewMode}
                  onSelectCluster={(kind, id) => selectCluster(kind, id)}
                />
              </div>
            ) : (
              <AnalysisProgress step={analysis.progress?.step ?? null} fraction={analysis.progress?.fraction ?? null} error={analysis.error ?? undefined} />
            ))}
          {state.view === 'tables' && (
            <TablesView dataset={dataset} visibility={visibility} graph={visible} result={result} selected={selected} onSelect={select} />
          )}
        </div>
      </section>

      <aside className="side-panel no-print" data-testid="side-panel">
        {details ? (
          <DetailsPanel
            details={details}
            onSelect={selectAndFocus}
            onClose={() => select(null)}
            onShowEgo={(id) => update((s) => ({ ...s, filters: { ...s.filters, ego: { id, steps: 1 } } }))}
          >
            {renderOrganisationExtra?.(details.organisation.id)}
            {selectedRow && result && <BrokerPanel row={selectedRow} meta={result.meta} />}
          </DetailsPanel>
        ) : !result ? (
          <AnalysisProgress step={analysis.progress?.step ?? null} fraction={analysis.progress?.fraction ?? null} error={analysis.error ?? undefined} />
        ) : state.view === 'bridges' ? (
          <MissingBridgesView
            result={result}
            targets={state.targets}
            onSelectCluster={selectCluster}
            onSelectOrganisation={selectAndFocus}
            onHoverSuggestion={setActiveSuggestion}
          />
        ) : state.view === 'conveners' ? (
          <ConvenersPanel
            result={result}
            k={state.k}
            onK={(k) => update((s) => ({ ...s, k }), 'replace')}
            reachSteps={state.reachSteps}
            onReachSteps={(reachSteps) => update((s) => ({ ...s, reachSteps }))}
            showSuggested={state.showSuggested}
            onShowSuggested={(showSuggested) => update((s) => ({ ...s, showSuggested }))}
            selected={selected}
            onSelectOrganisation={selectAndFocus}
          />
        ) : (
          <section className="intro">
            <h2>{t('intro.title')}</h2>
            <p>{t('intro.body')}</p>
            <p>{t('intro.hint')}</p>
            <Findings result={result} />
            <p className="muted">{t('intro.source')}</p>
          </section>
        )}
      </aside>
      {result && (
        <PrintReport
          result={result}
          datasetName={datasetName}
          filtersSummary={summariseFilters(state.filters, i18n.language === 'en' ? 'en' : 'nl', { organisationName: (id) => index.organisations.get(id)?.name ?? id })}
          mapImage={mapImage}
          generatedAt={new Date()}
          provenance={provenance}
        />
      )}
    </main>
  );
}

function ViewTabs({ view, onChange }: { view: View; onChange(v: View): void }) {
  const { t } = useTranslation();
  const move = (delta: number) => {
    const i = (VIEWS.indexOf(view) + delta + VIEWS.length) % VIEWS.length;
    onChange(VIEWS[i]!);
    requestAnimationFrame(() => document.getElementById(`tab-${VIEWS[i]}`)?.focus());
  };
  return (
    <div className="view-tabs" role="tablist" aria-label={t('views.label')}>
      {VIEWS.map((v) => (
        <button
          key={v}
          id={`tab-${v}`}
          type="button"
          role="tab"
          aria-selected={v === view}
          tabIndex={v === view ? 0 : -1}
          onClick={() => onChange(v)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowRight') move(1);
            else if (e.key === 'ArrowLeft') move(-1);
          }}
          data-testid={`tab-${v}`}
        >
          {t(`views.${v}`)}
        </button>
      ))}
    </div>
  );
}

/** Compact progress in the map toolbar; an empty marker when the analysis is up to date. */
function AnalysisStatus({ progress, error }: { progress: { step: string; fraction: number } | null; error: string | null }) {
  if (!progress && !error) return <span className="analysis-status" data-testid="analysis-ready" />;
  return (
    <span className="analysis-status">
      <AnalysisProgress step={progress?.step ?? null} fraction={progress?.fraction ?? null} error={error ?? undefined} />
    </span>
  );
}

import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { freshResult, latestResult } from '../session/store';
import { tieBasisOf } from '../graph/rules';
import { convenerIntroductions } from '../worklist/introductions';
import { useFacetsAfterDraw } from './filters/useFacetsAfterDraw';
import { DEFAULT_FILTERS, filtersActive, hidesSomething, type Filters } from '../filters/filters';
import { computeAppearance, stagesRead, visibleDegrees } from '../graph/appearance';
import { ActivityIndex, organisationDetails, tieDetails } from '../graph/details';
import { LABEL_DENSITIES, type LabelDensity } from '../graph/labels';
import { OrganisationSearch } from '../graph/search';
import { COLOUR_BY, SIZE_BY, VIEWS, type View, type ViewState } from '../session/viewState';
import { useSession, useStore } from '../session/react';
import { CameraControls } from './CameraControls';
import { DetailsPanel } from './DetailsPanel';
import { TieDetails } from './TieDetails';
import { MapLevelBar } from './map/MapLevelBar';
import { useMapLevel } from './map/useMapLevel';
import { FiltersPanel } from './filters/FiltersPanel';
import { TieRulesPanel } from './filters/TieRulesPanel';
import { SectorRulePanel } from './filters/SectorRulePanel';
import { Legend } from './Legend';
import { SearchBox } from './SearchBox';
import { AnalysisProgress, BrokerPanel, ConvenersPanel, Findings, MissingBridgesView, SectorOverview, type OverviewMode } from './analysis';
import { BipartiteView } from './views/BipartiteView';
import { NetworkMap } from './views/NetworkMap';
import { TablesView } from './views/TablesView';
import { ExportMenu } from '../export';
import { mapPicture } from '../export/mapPicture';
import { PrintReport, summariseFilters } from './report';
import { pngLegendFor } from './pngLegend';
import type { MapSigma } from './map/SigmaHost';
import type { SuggestedTie } from './map/SuggestionsOverlay';
import { SectorCorrections } from './import/SectorCorrections';
import { EmptyMap } from './map/EmptyMap';
import { ShelfDamagedNotice } from './ShelfDamagedNotice';
import { CorrectionsStorageNotice } from './CorrectionsStorageNotice';
import { DroppedNotice } from './DroppedNotice';
import { FocalDistance } from './FocalDistance';
import { localTitle } from '../i18n/vocabulary';
import { toLanguage } from '../i18n';
import { slugify } from '../data/normalise';
import { SECTORS } from '../data/sectors';
import { ChangeView } from './change/ChangeView';
import { numberSuggestions } from './analysis/suggestionModel';
import { ConvenerIntroductionActions, ConvenersMeetingPack } from './change/ConvenerIntroductions';

const MAP_VIEWS: View[] = ['network', 'bridges', 'conveners'];
/**
 * Width of the details drawer over the map at its widest, margins included (styles.css,
 * .details-drawer; on a narrow map it takes half): the camera keeps the selection clear of it.
 */
const DRAWER_INSET = 376;
const GOVERNMENT = SECTORS.indexOf('government');

/** A group emphasised on the map: a cluster picked in a list, or an activity found by search. */
type Emphasis = { kind: 'community' | 'component'; id: number } | { kind: 'activity'; id: string } | null;

/**
 * The dataset being explored: filters, views, the map and the analysis panels. Everything comes
 * from the session store; this component only arranges the views and passes the user's actions on.
 */
export function Workspace({ toolbarExtra }: { toolbarExtra?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const store = useStore();
  const network = useSession((s) => s.network)!;
  const layout = useSession((s) => s.layout);
  const bipartiteLayout = useSession((s) => s.bipartiteLayout);
  const sectors = useSession((s) => s.sectors);
  const visibility = useSession((s) => s.visibility)!;
  const view = useSession((s) => s.view);
  const analysis = useSession((s) => s.analysis);
  const source = useSession((s) => s.source);
  const corrections = useSession((s) => s.corrections);
  const networkVersion = useSession((s) => s.networkVersion);
  const dataset = network.dataset;
  const datasetName = source?.kind === 'imported' ? source.label : t('app.datasetDenHaag');
  const update = store.updateView.bind(store);

  const [sigma, setSigma] = useState<MapSigma | null>(null);
  const [focus, setFocus] = useState<{ nodes: number[] } | null>(null);
  const [emphasis, setEmphasis] = useState<Emphasis>(null);
  const [activeSuggestion, setActiveSuggestion] = useState<{ source: string; target: string } | null>(null);
  const [overviewMode, setOverviewMode] = useState<OverviewMode>('sector');
  /** True between the browser's beforeprint and afterprint: the report is only built then. */
  const [printing, setPrinting] = useState(false);
  /** Narrow screens only: the filters open from the toolbar. */
  const [filtersOpen, setFiltersOpen] = useState(false);
  // The tie whose activities are open; tie indices belong to one projection.
  const [openTie, setOpenTie] = useState<{ network: typeof network; tie: number } | null>(null);
  const selectedTie = openTie && openTie.network === network ? openTie.tie : null;
  const selectTie = useCallback((tie: number | null) => setOpenTie(tie === null ? null : { network, tie }), [network]);

  const { orgIndex } = network.projection.incidence;
  const search = useMemo(() => new OrganisationSearch(dataset.organisations, dataset.activities), [dataset]);
  const activityIndex = useMemo(() => new ActivityIndex(network), [network]);
  const facets = useFacetsAfterDraw(network, sectors, view.filters);
  const structure = freshResult(analysis, 'structure');
  const betweenness = freshResult(analysis, 'betweenness');
  const communities = freshResult(analysis, 'communities');
  const roles = freshResult(analysis, 'roles');
  // Only the stages the colours and sizes read: another stage's arrival leaves the map as it is.
  const read = stagesRead(view.colourBy, view.sizeBy);
  const shown = {
    structure: read.has('structure') ? structure : null,
    betweenness: read.has('betweenness') ? betweenness : null,
    communities: read.has('communities') ? communities : null,
    roles: read.has('roles') ? roles : null,
  };
  const degrees = useMemo(() => visibleDegrees(network, visibility), [network, visibility]);
  const appearance = useMemo(
    () => computeAppearance({ network, sectors, visibility, ...shown, degrees, colourBy: view.colourBy, sizeBy: view.sizeBy }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `shown` is rebuilt every render; its members are the dependencies
    [network, sectors, visibility, degrees, shown.structure, shown.betweenness, shown.communities, shown.roles, view.colourBy, view.sizeBy],
  );
  const assembled = analysis.assembled;
  const result = assembled?.result ?? null;
  const stale = assembled?.stale ?? [];
  const mapLevel = useMapLevel({ store, network, networkVersion, visibility, sectors, communities });
  // Every organisation drawn needs the network's own layout (a large network gets it only when asked).
  const needsLayout = !layout && ((MAP_VIEWS.includes(view.view) && mapLevel.display.kind === 'all') || view.view === 'change');
  useEffect(() => {
    if (needsLayout) store.ensureLayout();
  }, [needsLayout, store]);
  const { reveal } = mapLevel;
  /** Moves the camera to organisations; on the overview, first into their community. */
  const focusOn = useCallback(
    (nodes: number[]) => {
      reveal(nodes);
      setFocus({ nodes });
    },
    [reveal],
  );

  useEffect(() => {
    if (view.view === 'bipartite' && !bipartiteLayout) void store.ensureBipartiteLayout();
  }, [view.view, bipartiteLayout, store]);

  const selectedIndex = view.selected !== null ? (orgIndex.get(view.selected) ?? null) : null;
  // A selection the filters hide is not emphasised on the maps: with it, every other node dimmed.
  const selectedOnMap = selectedIndex !== null && visibility.orgs[selectedIndex] ? selectedIndex : null;
  // The filters leave something out: findings then speak of "what the filters show".
  const filtered = hidesSomething(visibility.counts);
  const select = useCallback((id: string | null) => update((s) => ({ ...s, selected: id })), [update]);
  const selectIndex = useCallback((i: number | null) => select(i === null ? null : network.organisations[i]!.id), [select, network]);
  const selectAndFocus = useCallback(
    (id: string) => {
      update((s) => ({ ...s, selected: id }));
      const i = orgIndex.get(id);
      // One the filters hide is not on the map: the camera would go to empty space.
      if (i !== undefined && visibility.orgs[i]) focusOn([i]);
    },
    [update, orgIndex, focusOn, visibility],
  );
  const setFilters = useCallback((filters: Filters, history?: 'push' | 'replace') => update((s) => ({ ...s, filters }), history), [update]);
  const organisationName = useCallback((id: string) => {
    const i = orgIndex.get(id);
    return i === undefined ? id : network.organisations[i]!.name;
  }, [orgIndex, network]);

  // After a filter change the camera fits what is left (not on load, not after a sector correction).
  const filtersKey = JSON.stringify(view.filters);
  const [fittedFilters, setFittedFilters] = useState(filtersKey);
  if (fittedFilters !== filtersKey) {
    // Adjusted while rendering (React's pattern for state derived from a change): the store
    // computes the visibility in the same update as the filters, so it is already the new one.
    setFittedFilters(filtersKey);
    const nodes: number[] = [];
    for (let i = 0; i < visibility.orgs.length; i++) if (visibility.orgs[i]) nodes.push(i);
    if (nodes.length) setFocus({ nodes });
  }
  const setView = (v: View) => update((s) => ({ ...s, view: v }));

  const selectCluster = useCallback(
    (kind: 'community' | 'component', id: number) => {
      setEmphasis({ kind, id });
      const members = result?.organisations.filter((r) => (kind === 'community' ? r.community : r.component) === id) ?? [];
      const nodes = members.map((r) => orgIndex.get(r.id)).filter((i): i is number => i !== undefined);
      if (nodes.length) focusOn(nodes);
      if (!MAP_VIEWS.includes(view.view)) update((s) => ({ ...s, view: 'bridges' }));
    },
    [result, view.view, update, orgIndex, focusOn],
  );

  // Keyboard: "/" focuses the search, Esc closes a menu, or else clears the selection and the emphasis.
  useEffect(() => {
    const openMenu = () => document.querySelector<HTMLDetailsElement>('details.export-dropdown[open]');
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      const typing = target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT' || target.isContentEditable);
      if (e.key === '/' && !typing) {
        e.preventDefault();
        document.querySelector<HTMLInputElement>('.toolbar .search input')?.focus();
      } else if (e.key === 'Escape' && openMenu()) {
        // Esc closes an open menu first (and gives the focus back to its button), nothing else.
        const menu = openMenu()!;
        menu.open = false;
        menu.querySelector('summary')?.focus();
      } else if (e.key === 'Escape' && !typing) {
        select(null);
        setEmphasis(null);
        selectTie(null);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [select, selectTie]);

  const activityMembers = useMemo(() => {
    if (emphasis?.kind !== 'activity') return null;
    const a = network.projection.incidence.actIndex.get(emphasis.id);
    if (a === undefined) return new Set<number>();
    const inc = network.projection.incidence;
    return new Set(Array.from(inc.participants.subarray(inc.participantOffsets[a]!, inc.participantOffsets[a + 1]!)));
  }, [emphasis, network]);

  const introductions = useMemo(() => (result && view.view === 'conveners' ? convenerIntroductions(result) : []), [result, view.view]);
  const highlight = useMemo<Set<number> | null>(() => {
    if (activityMembers) return activityMembers;
    if (selectedTie !== null) return new Set([network.projection.ties.u[selectedTie]!, network.projection.ties.v[selectedTie]!]);
    const toIndices = (ids: string[]) => new Set(ids.map((id) => orgIndex.get(id)).filter((i): i is number => i !== undefined));
    if (emphasis && emphasis.kind !== 'activity' && result) {
      return toIndices(result.organisations.filter((r) => (emphasis.kind === 'community' ? r.community : r.component) === emphasis.id).map((r) => r.id));
    }
    if (view.view === 'conveners' && result) {
      // The conveners, and when their introductions are drawn, who is introduced to whom.
      const ids = result.conveners.picks.map((p) => p.id);
      if (view.showSuggested) for (const i of introductions) ids.push(i.a.id, i.b.id);
      return toIndices(ids);
    }
    return null;
  }, [emphasis, activityMembers, result, view.view, view.showSuggested, introductions, orgIndex, selectedTie, network]);

  const robustness = latestResult(analysis, 'robustness');
  // The ties drawn dashed on the map, numbered; the panels show the same numbers next to them.
  const suggestedPairs = useMemo(() => {
    if (!result) return [];
    if (view.view === 'conveners') return view.showSuggested ? introductions : [];
    if (view.view !== 'bridges') return [];
    return result.suggestions.organisations.flatMap((pair) => pair.suggestions.slice(0, 5));
  }, [result, view.view, view.showSuggested, introductions]);
  // Two conveners can propose the same introduction: it is one tie on the map, with one number.
  const numberedPairs = useMemo(() => numberSuggestions<(typeof suggestedPairs)[number]>(suggestedPairs), [suggestedPairs]);
  const suggestionNumbers = numberedPairs.numbers;
  const suggested = useMemo<SuggestedTie[]>(
    () =>
      numberedPairs.ties.flatMap(({ number, suggestion: s }) => {
        const a = orgIndex.get(s.a.id);
        const b = orgIndex.get(s.b.id);
        if (a === undefined || b === undefined) return [];
        return [{ a, b, number, reason: t('suggested.reason', { a: s.a.label, b: s.b.label, via: s.sharedPartners.map((p) => p.label).join(', ') }) }];
      }),
    [numberedPairs, t, orgIndex],
  );
  const activePair = useMemo(() => {
    if (!activeSuggestion) return null;
    const a = orgIndex.get(activeSuggestion.source);
    const b = orgIndex.get(activeSuggestion.target);
    return a === undefined || b === undefined ? null : { a, b };
  }, [activeSuggestion, orgIndex]);

  const legendForPng = pngLegendFor(appearance.legend, t, i18n.language, appearance.sizeMetric);
  // Printing from the menu or with Ctrl+P: the report is rendered synchronously before the page is
  // laid out for print, with the map as drawn now (colours, highlights, suggested ties).
  useEffect(() => {
    const before = () => flushSync(() => setPrinting(true));
    const after = () => setPrinting(false);
    // Print media without the print events (print preview tools, emulated media) builds it too.
    const media = window.matchMedia?.('print');
    const onMedia = (e: MediaQueryListEvent) => (e.matches ? before() : after());
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    media?.addEventListener?.('change', onMedia);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
      media?.removeEventListener?.('change', onMedia);
    };
  }, []);
  const printReport = () => {
    flushSync(() => setPrinting(true));
    window.print();
  };

  // "Our municipality" is chosen among the public bodies, municipalities first.
  const focalChoices = useMemo(() => {
    const municipality = /^(gemeente|municipality|city of|stad|ville|comune|stadt|ayuntamiento)\b/i;
    return network.organisations
      .filter((_o, i) => sectors[i] === GOVERNMENT)
      .map((o) => ({ id: o.id, label: o.name }))
      .sort((a, b) => Number(municipality.test(b.label)) - Number(municipality.test(a.label)) || a.label.localeCompare(b.label));
  }, [network, sectors]);

  const focalId = view.focal ?? dataset.focal ?? null;
  const focalIndex = focalId !== null ? orgIndex.get(focalId) : undefined;
  const details = view.selected ? organisationDetails(network, activityIndex, sectors, visibility, view.selected) : undefined;
  const tie = selectedTie !== null ? tieDetails(network, activityIndex, sectors, visibility, selectedTie) : undefined;
  const selectedRow = view.selected && result ? result.organisations.find((r) => r.id === view.selected) : undefined;
  // Opened from a list below the map (the stacked layout of a narrow screen), the drawer's top is
  // off screen and the click seems to do nothing: it is scrolled into view. Never on a wide screen,
  // where the stage does not scroll with the page.
  const openedDrawer = details ? `o:${view.selected}` : tie ? `t:${selectedTie}` : null;
  useEffect(() => {
    if (!openedDrawer) return;
    const frame = requestAnimationFrame(() => {
      // The tie drawer is a .details-drawer too; only one is open at a time.
      const drawer = document.querySelector<HTMLElement>('.details-drawer');
      const top = drawer?.getBoundingClientRect().top;
      if (drawer && top !== undefined && (top < 0 || top > window.innerHeight - 48)) drawer.scrollIntoView({ block: 'start' });
    });
    return () => cancelAnimationFrame(frame);
  }, [openedDrawer]);
  let isolates = false;
  for (let i = 0; i < network.organisations.length && !isolates; i++) {
    if (visibility.orgs[i] && network.adjacency.offsets[i + 1] === network.adjacency.offsets[i]) isolates = true;
  }
  const isMapView = MAP_VIEWS.includes(view.view);
  const highlightedActivity = emphasis?.kind === 'activity' ? network.activities[network.projection.incidence.actIndex.get(emphasis.id) ?? -1] : undefined;
  const highlightedTitle = highlightedActivity ? localTitle(highlightedActivity, toLanguage(i18n.language)) : emphasis?.kind === 'activity' ? emphasis.id : '';
  const emphasisText = !emphasis
    ? ''
    : emphasis.kind === 'activity'
      ? t('highlight.activity', { title: highlightedTitle, count: activityMembers?.size ?? 0 })
      : t(`highlight.${emphasis.kind}`, { id: emphasis.id });
  const datasetSlug = source?.kind === 'builtin' ? source.id : slugify(datasetName).slice(0, 40) || 'import';

  // Over the map (not its legend) in the map views, over the whole stage (not scrolling with it) in the others.
  const drawers = (
    <>
      {tie && (
        <div className="details-drawer tie-drawer" data-testid="tie-drawer">
          <TieDetails
            details={tie}
            onSelect={(id) => {
              selectTie(null);
              selectAndFocus(id);
            }}
            onClose={() => {
              selectTie(null);
              // Back to the organisation the tie was opened from, if any.
              requestAnimationFrame(() => document.getElementById('details-title')?.focus());
            }}
          />
        </div>
      )}
      {details && !tie && (
        <div className="details-drawer" data-testid="details-drawer">
          <DetailsPanel
            details={details}
            onSelect={selectAndFocus}
            onClose={() => select(null)}
            onShowEgo={(id) => update((s) => ({ ...s, filters: { ...s.filters, ego: { id, steps: 1 } } }))}
            onOpenTie={selectTie}
            onClearFilters={() => setFilters(DEFAULT_FILTERS)}
          >
            {focalIndex !== undefined && selectedIndex !== null && (
              <FocalDistance network={network} visibility={visibility} organisation={selectedIndex} focal={focalIndex} />
            )}
            <details className="sector-correction">
              <summary>{t('panel.correctSector')}</summary>
              <SectorCorrections
                organisation={details.organisation}
                dataset={dataset}
                corrections={corrections}
                onChange={(next) => void store.setCorrections(next)}
              />
            </details>
            {selectedRow && result && <BrokerPanel row={selectedRow} meta={result.meta} />}
          </DetailsPanel>
        </div>
      )}
    </>
  );

  return (
    <main className={`explorer${filtersOpen ? ' filters-open' : ''}`} data-view={view.view}>
      <div className="toolbar no-print">
        <button type="button" className="filters-toggle" aria-expanded={filtersOpen} aria-controls="filters-column" onClick={() => setFiltersOpen((o) => !o)} data-testid="filters-toggle">
          {t('filters.title')}
          {filtersActive(view.filters) && <span className="badge">{t('filters.activeBadge')}</span>}
        </button>
        <div className="dataset">
          <strong>{datasetName}</strong>
          <span className="muted" data-testid="counts">
            {t('app.counts', {
              organisations: t('nouns.organisations', { count: visibility.counts.organisations }),
              activities: t('nouns.activities', { count: visibility.counts.activities }),
              ties: t('nouns.ties', { count: visibility.counts.ties }),
            })}
          </span>
        </div>
        {/* Search and export wrap as one: on a narrow screen they share the second row (Export alone there looked stray). */}
        <div className="toolbar-find">
          <SearchBox
            index={search}
            onChoose={(hit) => {
              if (hit.kind === 'organisation') {
                selectAndFocus(hit.id);
                return;
              }
              // An activity: emphasise its participants on the map and zoom to them.
              setEmphasis({ kind: 'activity', id: hit.id });
              select(null);
              if (!MAP_VIEWS.includes(view.view)) update((s) => ({ ...s, view: 'network' }));
              const a = network.projection.incidence.actIndex.get(hit.id);
              if (a !== undefined) {
                const inc = network.projection.incidence;
                const nodes = Array.from(inc.participants.subarray(inc.participantOffsets[a]!, inc.participantOffsets[a + 1]!));
                if (nodes.length) focusOn(nodes);
              }
            }}
          />
          <details className="export-dropdown" data-testid="export-dropdown">
            <summary>{t('export.open')}</summary>
            <div className="export-popover">
              <ExportMenu
                sigma={sigma}
                network={network}
                visibility={visibility}
                sectors={sectors}
                layout={layout}
                result={result && !stale.length ? result : null}
                look={appearance}
                suggested={suggested}
                datasetSlug={datasetSlug}
                datasetName={datasetName}
                legend={legendForPng}
                onPrintReport={printReport}
              />
            </div>
          </details>
        </div>
        {toolbarExtra}
      </div>

      <aside className="filters-column no-print" id="filters-column" aria-label={t('filters.title')}>
        <FiltersPanel
          filters={view.filters}
          facets={facets}
          counts={visibility.counts}
          search={search}
          organisationName={(id) => {
            const i = orgIndex.get(id);
            return i === undefined ? id : network.organisations[i]!.name;
          }}
          onChange={setFilters}
        />
        <TieRulesPanel network={network} rules={view.rules} onChange={(rules) => update((s) => ({ ...s, rules }))} />
        <SectorRulePanel dataset={dataset} corrections={corrections} onChange={(next) => void store.setCorrections(next)} />
      </aside>

      <div className="tabs-row no-print" id="workspace-main" tabIndex={-1}>
        <ViewTabs view={view.view} onChange={setView} />
      </div>

      <section className="main-column no-print" aria-label={t(`views.${view.view}`)}>
        <DroppedNotice />
        <ShelfDamagedNotice />
        <CorrectionsStorageNotice datasetSlug={datasetSlug} />
        {isMapView && (
          <div className="map-toolbar">
            <label>
              {t('colourBy.label')}{' '}
              <select value={view.colourBy} onChange={(e) => update((s) => ({ ...s, colourBy: e.target.value as ViewState['colourBy'] }))} data-testid="colour-by">
                {COLOUR_BY.map((c) => (
                  <option key={c} value={c}>
                    {t(`colourBy.${c}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('sizeBy.label')}{' '}
              <select value={view.sizeBy} onChange={(e) => update((s) => ({ ...s, sizeBy: e.target.value as ViewState['sizeBy'] }))} data-testid="size-by">
                {SIZE_BY.map((c) => (
                  <option key={c} value={c}>
                    {t(`sizeBy.${c}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('labels.label')}{' '}
              <select value={view.labels} onChange={(e) => update((s) => ({ ...s, labels: e.target.value as LabelDensity }))} data-testid="label-density">
                {LABEL_DENSITIES.map((d) => (
                  <option key={d} value={d}>
                    {t(`labels.${d}`)}
                  </option>
                ))}
              </select>
            </label>
            <AnalysisStatus />
          </div>
        )}
        {/* The frame holds the drawer of the views without a map beside the stage, not in it: in
            the stage it scrolled away with a long page (Verandering). */}
        <div className="stage-frame">
          <div className="stage" id="workspace-stage" role="tabpanel" aria-labelledby={`tab-${view.view}`} data-testid={`view-${view.view}`}>
            {isMapView && (
              <div className="canvas-wrap">
                {mapLevel.display.kind !== 'pending' && (mapLevel.display.kind !== 'all' || layout) ? (
                  <NetworkMap
                    network={network}
                    layout={layout}
                    visibility={visibility}
                    appearance={appearance}
                    sectors={sectors}
                    highlight={highlight}
                    selected={selectedOnMap}
                    suggested={suggested}
                    activeSuggestion={activePair}
                    focus={focus}
                    labels={view.labels}
                    selectedTie={selectedTie}
                    display={mapLevel.display}
                    onSelect={selectIndex}
                    onSelectTie={selectTie}
                    onLevel={mapLevel.setLevel}
                    onReady={setSigma}
                    inset={details || tie ? DRAWER_INSET : 0}
                  />
                ) : (
                  <p className="status" role="status" data-testid="layout-status">
                    {mapLevel.display.kind === 'pending' ? t('overview.waiting') : t('dataset.layout')}
                  </p>
                )}
                {/* Over the map's top-left corner, not in the toolbar: there it squeezed the lists
                    until they overlapped (1440 × 900). Labels keep clear of both (data-map-obstacle). */}
                {(mapLevel.large || emphasis) && (
                  <div className="map-top">
                    {mapLevel.large && <MapLevelBar state={mapLevel} network={network} />}
                    {emphasis && (
                      <span className="highlight-chip no-print" data-testid="highlight-chip" data-map-obstacle>
                        <span className="highlight-chip-text" title={emphasisText}>
                          {emphasisText}
                        </span>
                        <button type="button" className="link" onClick={() => setEmphasis(null)} aria-label={t('highlight.clear')}>
                          ×
                        </button>
                      </span>
                    )}
                  </div>
                )}
                {visibility.counts.organisations === 0 && (
                  <EmptyMap network={network} sectors={sectors} filters={view.filters} organisationName={organisationName} onChange={(f) => setFilters(f)} />
                )}
                <CameraControls sigma={sigma} onZoomToSelection={selectedOnMap !== null ? () => focusOn([selectedOnMap]) : undefined} />
                {drawers}
              </div>
            )}
            {isMapView && (
              <Legend
                spec={appearance.legend}
                sizeMetric={appearance.sizeMetric}
                hasIsolates={isolates}
                thinned={sigma && mapLevel.display.kind === 'all' && sigma.getGraph().size < network.projection.ties.m ? { drawn: sigma.getGraph().size, total: network.projection.ties.m } : null}
              />
            )}
            {view.view === 'bipartite' && (
              <BipartiteView network={network} layout={bipartiteLayout} visibility={visibility} colour={appearance.colour} selected={selectedOnMap} onSelect={selectIndex} />
            )}
            {view.view === 'sectors' &&
              (result ? (
                <div className="overview-wrap">
                  <SectorOverview result={result} targets={view.targets} mode={overviewMode} onModeChange={setOverviewMode} onSelectCluster={(kind, id) => selectCluster(kind, id)} />
                </div>
              ) : (
                <AnalysisProgress step={analysis.progress?.stage ?? null} fraction={analysis.progress?.fraction ?? null} error={analysis.error ?? undefined} />
              ))}
            {view.view === 'change' && <ChangeView datasetSlug={datasetSlug} datasetName={datasetName} />}
            {view.view === 'tables' && <TablesView network={network} visibility={visibility} result={result} selected={view.selected} onSelect={select} />}
          </div>
          {!isMapView && drawers}
        </div>
      </section>

      {/* Focusable so that keyboard users can scroll it (axe: scrollable-region-focusable). */}
      <aside className="side-panel no-print" data-testid="side-panel" aria-label={t('panel.analysis')} tabIndex={0}>
        <p className="analysis-updating" role="status" data-testid="analysis-updating" hidden={!(result && stale.length)}>
          {result && stale.length ? t('panel.updating') : ''}
        </p>
        {!result ? (
          <AnalysisProgress step={analysis.progress?.stage ?? null} fraction={analysis.progress?.fraction ?? null} error={analysis.error ?? undefined} />
        ) : view.view === 'bridges' ? (
          <MissingBridgesView
            result={result}
            filtered={filtered}
            targets={view.targets}
            onSelectCluster={selectCluster}
            onSelectOrganisation={selectAndFocus}
            onHoverSuggestion={setActiveSuggestion}
            suggestionNumbers={suggestionNumbers}
            focalChoices={focalChoices}
            focal={focalId}
            onChooseFocal={(focal) => update((s) => ({ ...s, focal }))}
          />
        ) : view.view === 'conveners' ? (
            <ConvenersPanel
              result={result}
              robustness={robustness?.fresh ? robustness.data : null}
              introductions={introductions}
              tieBasis={(id) => tieBasisOf(network, visibility, id)}
              onHoverSuggestion={setActiveSuggestion}
              suggestionNumbers={suggestionNumbers}
              k={view.k}
              onK={(k) => update((s) => ({ ...s, k }), 'replace')}
              reachSteps={view.reachSteps}
              onReachSteps={(reachSteps) => update((s) => ({ ...s, reachSteps }))}
              showSuggested={view.showSuggested}
              onShowSuggested={(showSuggested) => update((s) => ({ ...s, showSuggested }))}
              selected={view.selected}
              onSelectOrganisation={selectAndFocus}
              introductionActions={(pick, own) => <ConvenerIntroductionActions pick={pick} list={own} />}
            >
              <ConvenersMeetingPack datasetName={datasetName} />
            </ConvenersPanel>
        ) : (
          <section className="intro">
            {/* The map's legend in words belongs beside a map; the other views get their own. */}
            <h2>{t(isMapView ? 'intro.title' : 'intro.titleData')}</h2>
            <p>{t(isMapView ? 'intro.body' : 'intro.bodyData')}</p>
            {isMapView && <p>{t('intro.hint')}</p>}
            <Findings result={result} filtered={filtered} />
            <p className="muted" data-testid="dataset-source">
              {source?.kind === 'imported' ? t('intro.importedSource', { label: source.label }) : t('intro.source')}
            </p>
          </section>
        )}
      </aside>
      {result && printing && (
        <PrintReport
          result={result}
          datasetName={datasetName}
          filtersSummary={summariseFilters(view.filters, i18n.language === 'en' ? 'en' : 'nl', { organisationName })}
          filtered={filtered}
          legend={legendForPng}
          map={layout ? mapPicture({ network, positions: layout, visibility, look: appearance, highlight, selected: selectedOnMap, suggested }) : null}
          suggested={numberedPairs.ties.map(({ number, suggestion: s }) => ({ number, a: s.a.label, b: s.b.label, via: s.sharedPartners.map((p) => p.label) }))}
          generatedAt={new Date()}
          provenance={source?.kind === 'imported' ? source.label : t('intro.sourceName')}
        />
      )}
    </main>
  );
}

function ViewTabs({ view, onChange }: { view: View; onChange(v: View): void }) {
  const { t } = useTranslation();
  const move = (to: number) => {
    const i = (to + VIEWS.length) % VIEWS.length;
    onChange(VIEWS[i]!);
    requestAnimationFrame(() => document.getElementById(`tab-${VIEWS[i]}`)?.focus());
  };
  const current = VIEWS.indexOf(view);
  return (
    <div className="view-tabs" role="tablist" aria-label={t('views.label')}>
      {VIEWS.map((v) => (
        <button
          key={v}
          id={`tab-${v}`}
          type="button"
          role="tab"
          aria-selected={v === view}
          aria-controls="workspace-stage"
          tabIndex={v === view ? 0 : -1}
          onClick={() => onChange(v)}
          onKeyDown={(e) => {
            const to = e.key === 'ArrowRight' ? current + 1 : e.key === 'ArrowLeft' ? current - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? VIEWS.length - 1 : null;
            if (to === null) return;
            e.preventDefault();
            move(to);
          }}
          data-testid={`tab-${v}`}
        >
          {t(`views.${v}`)}
        </button>
      ))}
    </div>
  );
}

/** Compact progress in the map toolbar; a marker when the analysis is up to date. */
function AnalysisStatus() {
  const progress = useSession((s) => s.analysis.progress);
  const error = useSession((s) => s.analysis.error);
  const stale = useSession((s) => s.analysis.assembled?.stale.length ?? 1);
  if (!progress && !error && stale === 0) return <span className="analysis-status" data-testid="analysis-ready" />;
  return (
    <span className="analysis-status">
      <AnalysisProgress step={progress?.stage ?? null} fraction={progress?.fraction ?? null} error={error ?? undefined} />
    </span>
  );
}

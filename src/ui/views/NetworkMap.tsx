import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SECTORS } from '../../data/sectors';
import type { Appearance } from '../../graph/appearance';
import { networkDisplayGraph, organisationKey, type DisplayGraph } from '../../graph/display';
import { labelText, type LabelDensity } from '../../graph/labels';
import type { Network } from '../../graph/network';
import { communityKey, overviewDisplayGraph } from '../../graph/overview';
import type { Positions } from '../../session/store';
import type { Visibility } from '../../filters/filters';
import { NodePointProgram } from 'sigma/rendering';
import { CameraController, EventsController, ProbeController, type CameraFocus } from '../map/controllers';
import { KeyboardController } from '../map/KeyboardController';
import { LabelRenderer, LABEL_FONT, LABEL_SIZE, LABEL_WEIGHT } from '../map/labelLayout';
import { LayoutController } from '../map/LayoutController';
import { NetworkLookController, type NetworkLook } from '../map/NetworkLook';
import { OverviewLookController } from '../map/OverviewLook';
import { SigmaHost, type MapSigma } from '../map/SigmaHost';
import { SuggestionsOverlay, type SuggestedTie } from '../map/SuggestionsOverlay';
import type { MapDisplay, MapLevel } from '../map/useMapLevel';

/** Where the organisation's name goes in a translated overview label (a character no translation has). */
const NAME_SLOT = '\u0000';
/** Above this many ties, edges are hidden while the camera moves so panning stays smooth. */
export const HIDE_EDGES_ON_MOVE_ABOVE = 5000;
/** Above this many organisations, nodes are drawn as GL points. */
export const POINT_NODES_ABOVE = 5000;
/** Above this many organisations, labels are hidden while the camera moves too. */
export const HIDE_LABELS_ON_MOVE_ABOVE = 2000;
/** Ties can be clicked up to this many drawn ties (picking them costs a second drawing of every tie). */
export const EDGE_EVENTS_MAX_TIES = 20_000;

export interface NetworkMapProps {
  network: Network;
  /** The network's own layout; may be null while the map shows its overview or one community. */
  layout: Positions | null;
  visibility: Visibility;
  appearance: Appearance;
  sectors: ArrayLike<number>;
  highlight: ReadonlySet<number> | null;
  selected: number | null;
  suggested: readonly SuggestedTie[];
  activeSuggestion: { a: number; b: number } | null;
  /** Organisation indices to move the camera to; a new object re-triggers the move. */
  focus: { nodes: number[] } | null;
  labels: LabelDensity;
  selectedTie: number | null;
  /** What to draw: everything, the overview of communities, or one community. */
  display: Exclude<MapDisplay, { kind: 'pending' }>;
  onSelect(index: number | null): void;
  onSelectTie(tie: number | null): void;
  onLevel(level: MapLevel): void;
  onReady?(sigma: MapSigma | null): void;
  /** Pixels on the right of the map covered by a drawer (the camera centres things beside it). */
  inset?: number;
}

const KEYS_HELP_ID = 'map-keys-help';

/** The organisation network (or its overview) on the shared sigma host. */
export function NetworkMap(props: NetworkMapProps) {
  const { network, layout, visibility, appearance, sectors, highlight, selected, suggested, activeSuggestion, focus, labels, selectedTie, display, onSelect, onSelectTie, onLevel, onReady, inset = 0 } = props;
  const { t } = useTranslation();
  const overview = display.kind === 'overview' ? display.overview : null;
  const community = display.kind === 'community' ? display : null;
  // Built once per network and layout (or level): filters, colours and corrections only refresh the reducers.
  const kind = display.kind;
  const levelOverview = display.kind === 'all' ? null : display.overview;
  const levelPositions = display.kind === 'all' ? null : display.positions;
  const levelIndex = display.kind === 'community' ? display.index : -1;
  // The network's own layout matters only when every organisation is drawn (its arrival while the
  // overview is shown must not rebuild the overview).
  const ownLayout = kind === 'all' ? layout : null;
  const graph = useMemo<DisplayGraph>(() => {
    if (kind === 'overview' && levelOverview && levelPositions) {
      // One translation per community size, not per community: i18next's interpolation and number
      // format cost about 0.1 ms a call, 100 ms of the task that draws H2020's 841 communities.
      const bySize = new Map<number, string>();
      return overviewDisplayGraph(levelOverview, levelPositions, (c) => {
        const size = c.members.length;
        let template = bySize.get(size);
        if (template === undefined) bySize.set(size, (template = t('overview.nodeLabel', { name: NAME_SLOT, count: size })));
        const name = labelText(network.organisations[c.leader]?.name ?? '');
        return template.replace(NAME_SLOT, () => name);
      });
    }
    if (kind === 'community' && levelOverview && levelPositions) return networkDisplayGraph(network, levelPositions, { members: levelOverview.communities[levelIndex]!.members });
    // Without its layout (asked for, still being computed) nothing is drawn rather than a pile at 0,0.
    return networkDisplayGraph(network, ownLayout ?? { x: new Float32Array(network.organisations.length), y: new Float32Array(network.organisations.length) }, ownLayout ? {} : { members: [] });
  }, [network, ownLayout, kind, levelOverview, levelPositions, levelIndex, t]);
  const renderer = useMemo(() => {
    void graph;
    return new LabelRenderer();
  }, [graph]);
  const settings = useMemo(
    () => ({
      renderEdgeLabels: false,
      enableEdgeEvents: !overview && graph.size <= EDGE_EVENTS_MAX_TIES,
      hideEdgesOnMove: graph.size > HIDE_EDGES_ON_MOVE_ABOVE,
      hideLabelsOnMove: graph.order > HIDE_LABELS_ON_MOVE_ABOVE,
      // One GL point per node instead of a triangle: much cheaper on crowded maps.
      ...(graph.order > POINT_NODES_ABOVE ? { nodeProgramClasses: { circle: NodePointProgram } } : {}),
      // Community discs are sized in layout units: they keep their proportions at every zoom.
      ...(overview ? { itemSizesReference: 'positions' as const, zoomToSizeRatioFunction: (ratio: number) => ratio } : {}),
      labelFont: LABEL_FONT,
      labelSize: LABEL_SIZE,
      labelWeight: LABEL_WEIGHT,
      // Labels are chosen by the label layout (no overlap), not by sigma's grid.
      labelDensity: 0,
      labelRenderedSizeThreshold: 0,
      defaultDrawNodeLabel: renderer.drawLabel,
      defaultDrawNodeHover: renderer.drawHover,
      zIndex: true,
      // The overview leaves room for the bar that says where the reader is; the map, for the
      // layout buttons along its bottom edge (over the rows of organisations without partners).
      stagePadding: overview ? 56 : 44,
    }),
    [graph, renderer, overview],
  );

  // Keyboard navigation: the focused node (a display key) and what was last announced.
  const [focused, setFocused] = useState<{ graph: DisplayGraph; key: string } | null>(null);
  const focusedKey = focused && focused.graph === graph && graph.hasNode(focused.key) ? focused.key : null;
  const [announcement, setAnnouncement] = useState('');
  const focusedIndex = focusedKey ? graph.getNodeAttribute(focusedKey, 'index') : null;

  // Layout by hand.
  const [running, setRunning] = useState<{ graph: DisplayGraph; on: boolean }>({ graph, on: false });
  const isRunning = running.graph === graph && running.on;
  const [reset, setReset] = useState(0);
  const [pinned, setPinned] = useState(0);

  const look = useMemo<NetworkLook>(
    () => ({ colour: appearance.colour, size: appearance.size, visibility, highlight, selected, focused: overview ? null : focusedIndex, selectedTie, labels, suggested: overview ? [] : suggested }),
    [appearance, visibility, highlight, selected, focusedIndex, overview, selectedTie, labels, suggested],
  );
  const cameraFocus = useMemo<CameraFocus | null>(() => (focus ? { nodes: focus.nodes.map(organisationKey) } : null), [focus]);
  const selectedCommunity = useMemo(() => (overview && selected !== null ? overview.communities.findIndex((c) => c.members.includes(selected)) : -1), [overview, selected]);

  const visibleDegree = useCallback(
    (i: number) => {
      const { offsets, ties } = network.adjacency;
      let n = 0;
      for (let p = offsets[i]!; p < offsets[i + 1]!; p++) if (visibility.tieShared[ties[p]!]) n++;
      return n;
    },
    [network, visibility],
  );
  const describe = useCallback(
    (key: string, partner: { of: string; position: number; count: number } | null) => {
      const a = graph.getNodeAttributes(key);
      let text: string;
      if (a.kind === 'community' && overview) {
        const c = overview.communities[a.index]!;
        text = t('keyboard.community', { name: a.label, members: c.members.length, count: graph.degree(key) });
      } else {
        const o = network.organisations[a.index]!;
        text = t('keyboard.organisation', { name: o.name, sector: t(`sectors.${SECTORS[sectors[a.index]!] ?? 'other'}.label`), count: visibleDegree(a.index) });
      }
      if (!partner) return text;
      if (!partner.count) return t('keyboard.noPartners', { name: graph.getNodeAttribute(partner.of, 'label') });
      return t('keyboard.partner', { position: partner.position, count: partner.count, of: graph.getNodeAttribute(partner.of, 'label'), text });
    },
    [graph, overview, network, sectors, t, visibleDegree],
  );
  const activate = useCallback(
    (key: string) => {
      const a = graph.getNodeAttributes(key);
      if (a.kind === 'community') onLevel({ kind: 'community', index: a.index });
      else if (a.kind === 'organisation') onSelect(a.index);
    },
    [graph, onLevel, onSelect],
  );
  const label = overview ? t('overview.mapLabel', { count: overview.communities.length }) : community ? t('overview.communityMapLabel', { name: graph.getNodeAttribute(organisationKey(community.overview.communities[community.index]!.leader), 'label'), count: graph.order }) : t('map.label');
  const startKey = overview ? (selectedCommunity >= 0 ? communityKey(selectedCommunity) : null) : selected !== null && graph.hasNode(organisationKey(selected)) ? organisationKey(selected) : null;

  return (
    <>
      <SigmaHost graph={graph} settings={settings} testId="graph-canvas" label={label} onReady={onReady} keyboardHelp={KEYS_HELP_ID} cameraKey={display.kind === 'community' ? `community-${display.index}` : display.kind}>
        {overview ? (
          <OverviewLookController focused={focusedIndex} selected={selectedCommunity >= 0 ? selectedCommunity : null} labels={labels} renderer={renderer} />
        ) : (
          <NetworkLookController network={network} look={look} renderer={renderer} />
        )}
        <EventsController
          onClickNode={(kind, index) => {
            if (kind === 'community') onLevel({ kind: 'community', index });
            else if (kind === 'organisation') onSelect(index);
          }}
          onClickEdge={overview ? undefined : (tie) => onSelectTie(tie)}
          onClickStage={() => {
            onSelect(null);
            onSelectTie(null);
          }}
        />
        <KeyboardController
          focused={focusedKey}
          start={startKey}
          onFocus={(key) => setFocused(key ? { graph, key } : null)}
          onActivate={activate}
          describe={describe}
          onAnnounce={setAnnouncement}
          inset={inset}
        />
        <LayoutController running={isRunning} reset={reset} onPinned={setPinned} />
        {!overview && <CameraController focus={cameraFocus} inset={inset} keepInView={selected !== null ? organisationKey(selected) : null} labels={renderer} />}
        {!overview && <SuggestionsOverlay ties={suggested} active={activeSuggestion} />}
        <ProbeController renderer={renderer} />
        <div className="layout-controls no-print" role="group" aria-label={t('layout.label')} data-map-obstacle>
          <button type="button" aria-pressed={isRunning} data-running={isRunning ? 'true' : 'false'} onClick={() => setRunning({ graph, on: !isRunning })} data-testid="layout-run">
            {isRunning ? t('layout.stop') : t('layout.run')}
          </button>
          <button
            type="button"
            onClick={() => {
              setRunning({ graph, on: false });
              setReset((r) => r + 1);
            }}
            data-testid="layout-reset"
          >
            {t('layout.reset')}
          </button>
          {pinned > 0 && (
            <span className="muted" data-testid="layout-pinned">
              {/* In the overview the discs that were dragged are communities. */}
              {t(overview ? 'layout.pinnedCommunities' : 'layout.pinned', { count: pinned })}
            </span>
          )}
        </div>
        <p id={KEYS_HELP_ID} className="map-keys-help">
          {t('keyboard.help')}
        </p>
      </SigmaHost>
      <div className="visually-hidden" aria-live="polite" data-testid="map-announcer">
        {announcement}
      </div>
    </>
  );
}

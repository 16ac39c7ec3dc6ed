import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Appearance } from '../../graph/appearance';
import { networkDisplayGraph, organisationKey } from '../../graph/display';
import type { Network } from '../../graph/network';
import type { Positions } from '../../session/store';
import type { Visibility } from '../../filters/filters';
import { NodePointProgram } from 'sigma/rendering';
import { CameraController, EventsController, ProbeController, type CameraFocus } from '../map/controllers';
import { NetworkLookController, type NetworkLook } from '../map/NetworkLook';
import { SigmaHost, type MapSigma } from '../map/SigmaHost';
import { SuggestionsOverlay, type SuggestedTie } from '../map/SuggestionsOverlay';

/** Above this many ties, edges are hidden while the camera moves so panning stays smooth. */
export const HIDE_EDGES_ON_MOVE_ABOVE = 5000;
/** Above this many organisations, nodes are drawn as GL points. */
export const POINT_NODES_ABOVE = 5000;
/** Above this many organisations, labels are hidden while the camera moves too. */
export const HIDE_LABELS_ON_MOVE_ABOVE = 2000;

export interface NetworkMapProps {
  network: Network;
  layout: Positions;
  visibility: Visibility;
  appearance: Appearance;
  highlight: ReadonlySet<number> | null;
  selected: number | null;
  suggested: readonly SuggestedTie[];
  activeSuggestion: { a: number; b: number } | null;
  /** Organisation indices to move the camera to; a new object re-triggers the move. */
  focus: { nodes: number[] } | null;
  onSelect(index: number | null): void;
  onReady?(sigma: MapSigma | null): void;
}

/** The organisation network on the shared sigma host. */
export function NetworkMap({ network, layout, visibility, appearance, highlight, selected, suggested, activeSuggestion, focus, onSelect, onReady }: NetworkMapProps) {
  const { t } = useTranslation();
  // Built once per network and layout: filters, colours and corrections only refresh the reducers.
  const graph = useMemo(() => networkDisplayGraph(network, layout), [network, layout]);
  const settings = useMemo(
    () => ({
      renderEdgeLabels: false,
      hideEdgesOnMove: graph.size > HIDE_EDGES_ON_MOVE_ABOVE,
      hideLabelsOnMove: graph.order > HIDE_LABELS_ON_MOVE_ABOVE,
      // One GL point per node instead of a triangle: much cheaper on crowded maps.
      ...(graph.order > POINT_NODES_ABOVE ? { nodeProgramClasses: { circle: NodePointProgram } } : {}),
      labelFont: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
      labelSize: 12,
      labelWeight: '500',
      labelDensity: 0.6,
      labelGridCellSize: 90,
      labelRenderedSizeThreshold: 9,
      zIndex: true,
      stagePadding: 24,
    }),
    [graph],
  );
  const look = useMemo<NetworkLook>(
    () => ({ colour: appearance.colour, size: appearance.size, visibility, highlight, selected }),
    [appearance, visibility, highlight, selected],
  );
  const cameraFocus = useMemo<CameraFocus | null>(() => (focus ? { nodes: focus.nodes.map(organisationKey) } : null), [focus]);
  return (
    <SigmaHost graph={graph} settings={settings} testId="graph-canvas" label={t('map.label')} onReady={onReady}>
      <NetworkLookController network={network} look={look} />
      <EventsController onClickNode={(kind, index) => kind === 'organisation' && onSelect(index)} onClickStage={() => onSelect(null)} />
      <CameraController focus={cameraFocus} />
      <SuggestionsOverlay ties={suggested} active={activeSuggestion} />
      <ProbeController />
    </SigmaHost>
  );
}

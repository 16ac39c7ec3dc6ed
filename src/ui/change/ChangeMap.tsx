/**
 * The change map: the network on the shared sigma host, with ties formed (solid, dark), lost
 * (dashed red) or hypothetical (dashed purple) and the unchanged ones in light grey; organisations
 * in their sector colours. Built once per network, layout and added organisations; the model
 * reaches sigma through reducers.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { withAside } from '../../i18n/findings';
import { LabelRenderer, LABEL_FONT, LABEL_SIZE, LABEL_WEIGHT } from '../map/labelLayout';
import { TIE_FORMED, TIE_UNCHANGED, type ChangeMapModel } from '../../change/mapModel';
import { SECTOR_INFO, SECTORS, isSector } from '../../data/sectors';
import { densitySizeScale } from '../../graph/appearance';
import { networkDisplayGraph, sectorColourOfCode, type DisplayEdgeAttributes, type DisplayNodeAttributes } from '../../graph/display';
import type { Network } from '../../graph/network';
import type { Positions } from '../../session/store';
import { CameraControls } from '../CameraControls';
import { CameraController, ProbeController, type CameraFocus } from '../map/controllers';
import { SigmaHost, useSigma, type MapSigma } from '../map/SigmaHost';
import { useChangeText } from './text';
import { DashedTiesOverlay, HYPOTHETICAL_COLOUR, LOST_COLOUR } from './DashedTiesOverlay';

export const FORMED_COLOUR = '#1d2330';
export const UNCHANGED_COLOUR = '#d5d9e0';
/** Above this many organisations at a change, labels are left to sigma's density rule. */
const MAX_FORCED_LABELS = 30;
/** Whether a scenario's new organisations are few enough to be highlighted and labelled each. */
const labelsNewOrganisations = (model: ChangeMapModel) => model.extra.length <= MAX_FORCED_LABELS;

/** A sector colour faded towards white (organisations a scenario does not touch). */
function faded(hex: string): string {
  const n = Number.parseInt(hex.slice(1), 16);
  const mix = (c: number) => Math.round(c + (255 - c) * 0.6);
  return `#${[(n >> 16) & 255, (n >> 8) & 255, n & 255].map((c) => mix(c).toString(16).padStart(2, '0')).join('')}`;
}

function ChangeLookController({ network, sectors, model, fade }: { network: Network; sectors: Uint8Array; model: ChangeMapModel; fade: boolean }) {
  const sigma = useSigma();
  const current = useRef(model);
  const fadeRef = useRef(fade);
  useEffect(() => {
    const graph = sigma.getGraph();
    const scale = densitySizeScale(graph.order);
    const N = network.organisations.length;
    sigma.setSetting('nodeReducer', (_node, data: DisplayNodeAttributes) => {
      const m = current.current;
      const i = data.index;
      // New organisations are highlighted and labelled while few: each highlight is a shadowed box
      // on a 2D canvas, and 15,000 of them held the (software) GPU for 14 s a frame.
      if (i >= N) {
        const few = labelsNewOrganisations(m);
        return { ...data, size: data.size * scale, highlighted: few, forceLabel: few, zIndex: 3 };
      }
      if (!m.nodes[i]) return { ...data, hidden: true };
      const touched = m.touched.has(i);
      const colour = sectorColourOfCode(sectors[i]!);
      return {
        ...data,
        // What if: the few organisations a scenario touches stand out from the rest.
        color: fadeRef.current && m.touched.size > 0 && !touched ? faded(colour) : colour,
        size: data.size * scale,
        forceLabel: touched && m.touched.size <= MAX_FORCED_LABELS,
        zIndex: touched ? 2 : 1,
      };
    });
    sigma.setSetting('edgeReducer', (_edge, data: DisplayEdgeAttributes) => {
      const s = current.current.ties[data.tie];
      if (s === TIE_FORMED) return { ...data, color: FORMED_COLOUR, size: Math.max(2.2, data.size), zIndex: 2 };
      if (s === TIE_UNCHANGED) return { ...data, color: UNCHANGED_COLOUR, zIndex: 1 };
      // Lost ties are drawn dashed by the overlay; hidden ones not at all.
      return { ...data, hidden: true };
    });
    sigma.refresh();
  }, [sigma, network, sectors]);
  useEffect(() => {
    current.current = model;
    fadeRef.current = fade;
    sigma.refresh();
  }, [sigma, model, fade]);
  return null;
}

export interface ChangeMapProps {
  network: Network;
  layout: Positions;
  sectors: Uint8Array;
  model: ChangeMapModel;
  kind: 'compare' | 'whatif';
  testId: string;
  label: string;
}

export function ChangeMap({ network, layout, sectors, model, kind, testId, label }: ChangeMapProps) {
  const { t, tp } = useChangeText();
  const { t: common } = useTranslation();
  const [sigma, setSigma] = useState<MapSigma | null>(null);
  const [focus, setFocus] = useState<CameraFocus | null>(null);
  // The graph changes only with the organisations a scenario adds (by value, not by array).
  const hypothetical = t('hypothetical.short');
  const extraKey = `${hypothetical}|${JSON.stringify(model.extra)}`;
  const graph = useMemo(() => {
    const g = networkDisplayGraph(network, layout);
    const N = network.organisations.length;
    const extra = JSON.parse(extraKey.slice(hypothetical.length + 1)) as ChangeMapModel['extra'];
    extra.forEach((node, k) => {
      g.addNode(node.key, {
        x: node.x,
        y: node.y,
        size: 7,
        color: isSector(node.sector) ? SECTOR_INFO[node.sector].colour : SECTOR_INFO.other.colour,
        label: withAside(node.label, hypothetical),
        index: N + k,
        kind: 'organisation',
      });
    });
    return g;
  }, [network, layout, extraKey, hypothetical]);
  // The main map's label drawing: a label is never drawn over one already drawn in the frame.
  const renderer = useMemo(() => new LabelRenderer(), []);
  const settings = useMemo(
    () => ({
      renderEdgeLabels: false,
      labelFont: LABEL_FONT,
      labelSize: LABEL_SIZE,
      labelWeight: LABEL_WEIGHT,
      labelDensity: 0.5,
      labelGridCellSize: 90,
      labelRenderedSizeThreshold: 9,
      defaultDrawNodeLabel: renderer.drawLabel,
      defaultDrawNodeHover: renderer.drawHover,
      zIndex: true,
      stagePadding: 24,
      hideEdgesOnMove: graph.size > 5000,
    }),
    [graph, renderer],
  );
  const present = useMemo(() => {
    const seen = new Set<number>();
    for (let i = 0; i < network.organisations.length; i++) if (model.nodes[i]) seen.add(sectors[i]!);
    return SECTORS.filter((_s, code) => seen.has(code));
  }, [network, model.nodes, sectors]);
  const changedNodes = useMemo(() => [...model.touched].map(String).concat(model.extra.map((e) => e.key)), [model]);

  return (
    <figure className="change-map" data-testid={`${testId}-figure`} data-formed={model.counts.formed} data-lost={model.counts.lost} data-hypothetical={model.counts.hypothetical} data-new-labelled={labelsNewOrganisations(model) ? model.extra.length : 0}>
      <div className="change-map-canvas">
        {/* A new graph is a new host: its controllers never touch the sigma instance it replaced. */}
        <SigmaHost key={extraKey} graph={graph} settings={settings} testId={testId} label={label} onReady={setSigma}>
          <ChangeLookController network={network} sectors={sectors} model={model} fade={kind === 'whatif'} />
          <DashedTiesOverlay ties={model.dashed} />
          <CameraController focus={focus} />
          <ProbeController />
        </SigmaHost>
        <CameraControls sigma={sigma} onZoomToSelection={changedNodes.length ? () => setFocus({ nodes: changedNodes }) : undefined} />
      </div>
      <figcaption className="change-legend" data-testid={`${testId}-legend`}>
        <ul className="change-legend-ties">
          {kind === 'compare' && (
            <>
              <li>
                <LineSample colour={FORMED_COLOUR} width={3} />
                {tp('map.formed', model.counts.formed)}
              </li>
              <li>
                <LineSample colour={LOST_COLOUR} dash="5 4" width={2} />
                {tp('map.lost', model.counts.lost)}
              </li>
            </>
          )}
          {kind === 'whatif' && (
            <li data-testid={`${testId}-legend-hypothetical`}>
              <LineSample colour={HYPOTHETICAL_COLOUR} dash="8 4" width={3} />
              {tp('map.hypothetical', model.counts.hypothetical)}
            </li>
          )}
          <li>
            <LineSample colour={UNCHANGED_COLOUR} width={2} />
            {tp(kind === 'compare' ? 'map.unchanged' : 'map.real', model.counts.unchanged)}
          </li>
        </ul>
        <ul className="change-legend-sectors">
          {present.map((s) => (
            <li key={s}>
              <span className="swatch" style={{ background: SECTOR_INFO[s].colour }} aria-hidden="true" />
              {common(`sectors.${s}.label`)}
            </li>
          ))}
        </ul>
        {changedNodes.length > 0 && <p className="change-legend-note">{t('map.zoomHint')}</p>}
      </figcaption>
    </figure>
  );
}

function LineSample({ colour, dash, width }: { colour: string; dash?: string; width: number }) {
  return (
    <svg className="change-line-sample" width="28" height="10" viewBox="0 0 28 10" aria-hidden="true">
      <line x1="1" y1="5" x2="27" y2="5" stroke={colour} strokeWidth={width} strokeDasharray={dash} />
    </svg>
  );
}

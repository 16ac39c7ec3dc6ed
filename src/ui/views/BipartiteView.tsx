import { NodeSquareProgram } from '@sigma/node-square';
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { toLanguage } from '../../i18n';
import type { Visibility } from '../../filters/filters';
import { ACTIVITY_COLOUR, twoModeDisplayGraph, type DisplayEdgeAttributes, type DisplayNodeAttributes } from '../../graph/display';
import type { Network } from '../../graph/network';
import type { Positions } from '../../session/store';
import { EventsController, ProbeController } from '../map/controllers';
import { FlatNodeCircleProgram } from '../map/flatNodeCircle';
import { LABEL_FONT, LABEL_SIZE, LABEL_WEIGHT, LabelRenderer } from '../map/labelLayout';
import { SigmaHost, useSigma } from '../map/SigmaHost';

export interface BipartiteViewProps {
  network: Network;
  layout: Positions | null;
  visibility: Visibility;
  colour: readonly string[];
  selected: number | null;
  onSelect(index: number | null): void;
}

/**
 * Sigma's square program with the map's own names: the program brings its own label drawing, which
 * sigma prefers to the settings' (the hover keeps the program's square outline).
 */
function squaresLabelledBy(renderer: LabelRenderer) {
  return class extends NodeSquareProgram<DisplayNodeAttributes, DisplayEdgeAttributes> {
    override drawLabel = renderer.drawLabel;
  };
}

/** Organisations (discs, sector colours) and activities (dark squares) with an edge per participation. */
export function BipartiteView({ network, layout, visibility, colour, selected, onSelect }: BipartiteViewProps) {
  const { t, i18n } = useTranslation();
  const lang = toLanguage(i18n.resolvedLanguage ?? i18n.language);
  const graph = useMemo(() => (layout ? twoModeDisplayGraph(network, layout, lang) : null), [network, layout, lang]);
  // Sigma's grid picks the names here (no label layout); they are drawn as on the network map, and
  // one that would run past the map's right edge is shortened with "…" (or goes left of its node).
  const renderer = useMemo(() => new LabelRenderer(LABEL_SIZE, true), []);
  const settings = useMemo(
    () => ({
      nodeProgramClasses: { circle: FlatNodeCircleProgram, square: squaresLabelledBy(renderer) },
      labelDensity: 0.5,
      labelGridCellSize: 90,
      labelRenderedSizeThreshold: 8,
      labelFont: LABEL_FONT,
      labelSize: LABEL_SIZE,
      labelWeight: LABEL_WEIGHT,
      defaultDrawNodeLabel: renderer.drawLabel,
      defaultDrawNodeHover: renderer.drawHover,
      zIndex: true,
    }),
    [renderer],
  );
  let activities = 0;
  for (let a = 0; a < network.activities.length; a++) activities += visibility.acts[a]!;
  return (
    <>
      <div className="canvas-wrap">
        {graph ? (
          <SigmaHost graph={graph} settings={settings} testId="bipartite-canvas" label={t('bipartite.label')}>
            <TwoModeLookController network={network} visibility={visibility} colour={colour} selected={selected} />
            <EventsController onClickNode={(kind, index) => kind === 'organisation' && onSelect(index)} onClickStage={() => onSelect(null)} />
            <ProbeController renderer={renderer} />
          </SigmaHost>
        ) : (
          <p className="status" role="status">
            {t('dataset.layout')}
          </p>
        )}
      </div>
      <section className="legend" aria-label={t('legend.title')} data-testid="bipartite-legend">
        <ul>
          <li>
            <span className="swatch" style={{ background: '#0072B2' }} aria-hidden="true" />
            {t('bipartite.organisations', { count: visibility.counts.organisations })}
          </li>
          <li>
            <span className="swatch square" style={{ background: ACTIVITY_COLOUR }} aria-hidden="true" />
            {t('bipartite.activities', { count: activities })}
          </li>
        </ul>
        <p className="legend-note">{t('bipartite.note')}</p>
      </section>
    </>
  );
}

/** Visibility, sector colours and the selected organisation's activities, through the reducers. */
function TwoModeLookController({ network, visibility, colour, selected }: { network: Network; visibility: Visibility; colour: readonly string[]; selected: number | null }) {
  const sigma = useSigma();
  const look = useRef({ visibility, colour, selected });
  // The reducers read the latest look; it is written after render, then sigma is asked to refresh.
  useLayoutEffect(() => {
    look.current = { visibility, colour, selected };
  });
  useEffect(() => {
    const inc = network.projection.incidence;
    const takesPart = (org: number, act: number) => {
      for (let p = inc.participantOffsets[act]!; p < inc.participantOffsets[act + 1]!; p++) if (inc.participants[p] === org) return true;
      return false;
    };
    const visible = (d: DisplayNodeAttributes) => (d.kind === 'organisation' ? look.current.visibility.orgs[d.index] : look.current.visibility.acts[d.index]);
    const graph = sigma.getGraph();
    sigma.setSetting('nodeReducer', (_node, data: DisplayNodeAttributes) => {
      if (!visible(data)) return { ...data, hidden: true };
      const sel = look.current.selected;
      const out = data.kind === 'organisation' ? { ...data, color: look.current.colour[data.index] ?? data.color } : data;
      if (sel === null) return out;
      if (data.kind === 'organisation' && data.index === sel) return { ...out, highlighted: true, forceLabel: true, zIndex: 2 };
      if (data.kind === 'activity' && takesPart(sel, data.index)) return { ...out, forceLabel: true, zIndex: 1 };
      return out;
    });
    sigma.setSetting('edgeReducer', (edge, data: DisplayEdgeAttributes) => {
      const [a, b] = graph.extremities(edge);
      const da = graph.getNodeAttributes(a);
      const db = graph.getNodeAttributes(b);
      if (!visible(da) || !visible(db)) return { ...data, hidden: true };
      const sel = look.current.selected;
      const org = da.kind === 'organisation' ? da : db;
      if (sel !== null && org.index === sel) return { ...data, color: '#5a6270', size: 1.6 };
      return data;
    });
    sigma.refresh();
  }, [sigma, network]);
  useEffect(() => {
    look.current = { visibility, colour, selected };
    sigma.refresh();
  }, [sigma, visibility, colour, selected]);
  return null;
}

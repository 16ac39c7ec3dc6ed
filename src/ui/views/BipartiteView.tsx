import { NodeSquareProgram } from '@sigma/node-square';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import Sigma from 'sigma';
import { NodeCircleProgram } from 'sigma/rendering';
import type { Dataset } from '../../data/model';
import type { Visibility } from '../../filters/filters';
import { ACTIVITY_COLOUR, toBipartiteDisplayGraph } from '../../graph/bipartiteDisplay';
import { buildBipartiteGraph, orgKey } from '../../graph/build';
import type { Positions } from '../../graph/layout';
import { AnalysisClient } from '../../workers/analysisClient';

export interface BipartiteViewProps {
  dataset: Dataset;
  /** Precomputed layout (built-in data); computed in a worker when absent. */
  positions?: Positions;
  visibility: Visibility;
  selected: string | null;
  onSelect(organisationId: string | null): void;
}

/** Organisations (discs, sector colours) and activities (dark squares) with an edge per participation. */
export function BipartiteView({ dataset, positions, visibility, selected, onSelect }: BipartiteViewProps) {
  const { t } = useTranslation();
  const [computed, setComputed] = useState<Positions | null>(null);
  const layout = positions ?? computed;

  useEffect(() => {
    if (positions) return;
    const client = new AnalysisClient(dataset);
    client.layout('bipartite').then(setComputed, () => setComputed({}));
    return () => client.dispose();
  }, [dataset, positions]);

  const graph = useMemo(() => (layout ? toBipartiteDisplayGraph(buildBipartiteGraph(dataset), layout) : null), [dataset, layout]);
  const container = useRef<HTMLDivElement>(null);
  const look = useRef({ visibility, selected });
  const sigmaRef = useRef<Sigma | null>(null);
  const onSelectRef = useRef(onSelect);
  useEffect(() => {
    onSelectRef.current = onSelect;
  }, [onSelect]);

  useEffect(() => {
    if (!graph || !container.current) return;
    const visible = (node: string) => {
      const v = look.current.visibility;
      return node.startsWith('org:') ? v.organisations.has(node.slice(4)) : v.activities.has(node.slice(4));
    };
    const sigma = new Sigma(graph, container.current, {
      allowInvalidContainer: true,
      nodeProgramClasses: { circle: NodeCircleProgram, square: NodeSquareProgram },
      labelDensity: 0.5,
      labelGridCellSize: 90,
      labelRenderedSizeThreshold: 8,
      zIndex: true,
      nodeReducer: (node, data) => {
        if (!visible(node)) return { ...data, hidden: true };
        const sel = look.current.selected;
        if (sel && node === orgKey(sel)) return { ...data, highlighted: true, forceLabel: true, zIndex: 2 };
        if (sel && graph.hasEdge(node, orgKey(sel))) return { ...data, forceLabel: true, zIndex: 1 };
        return data;
      },
      edgeReducer: (edge, data) => {
        const [a, b] = graph.extremities(edge);
        if (!visible(a) || !visible(b)) return { ...data, hidden: true };
        const sel = look.current.selected;
        if (sel && (a === orgKey(sel) || b === orgKey(sel))) return { ...data, color: '#5a6270', size: 1.6 };
        return data;
      },
    });
    sigma.on('clickNode', ({ node }) => {
      if (node.startsWith('org:')) onSelectRef.current(node.slice(4));
    });
    sigma.on('clickStage', () => onSelectRef.current(null));
    sigmaRef.current = sigma;
    (window as unknown as { __bruggen?: { sigma: Sigma } }).__bruggen = { sigma };
    return () => {
      sigma.kill();
      sigmaRef.current = null;
    };
  }, [graph]);

  useEffect(() => {
    look.current = { visibility, selected };
    sigmaRef.current?.refresh({ skipIndexation: true });
  }, [visibility, selected]);

  const activityCount = useMemo(() => dataset.activities.filter((a) => visibility.activities.has(a.id)).length, [dataset, visibility]);
  return (
    <>
      <div className="canvas-wrap">
        {!graph && <p className="status" role="status">{t('dataset.layout')}</p>}
        <div ref={container} className="graph-canvas" data-testid="bipartite-canvas" />
      </div>
      <section className="legend" aria-label={t('legend.title')} data-testid="bipartite-legend">
        <ul>
          <li>
            <span className="swatch" style={{ background: '#0072B2' }} aria-hidden="true" />
            {t('bipartite.organisations', { count: visibility.counts.organisations })}
          </li>
          <li>
            <span className="swatch square" style={{ background: ACTIVITY_COLOUR }} aria-hidden="true" />
            {t('bipartite.activities', { count: activityCount })}
          </li>
        </ul>
        <p className="legend-note">{t('bipartite.note')}</p>
      </section>
    </>
  );
}

import { useEffect, useRef } from 'react';
import Sigma from 'sigma';
import type { DisplayEdgeAttributes, DisplayGraph, DisplayNodeAttributes } from '../graph/display';

export type GraphSigma = Sigma<DisplayNodeAttributes, DisplayEdgeAttributes>;

export interface GraphViewProps {
  graph: DisplayGraph;
  selected: string | null;
  /** Node to move the camera to; changes of `focusRequest` re-trigger the move. */
  focus: { node: string; request: number } | null;
  onSelect: (node: string | null) => void;
  onReady?: (sigma: GraphSigma) => void;
}

const DIMMED_NODE = '#e3e5e9';
const DIMMED_EDGE = '#f0f1f3';
const HIGHLIGHT_EDGE = '#5a6270';

/**
 * Owns the sigma instance: creates it once per graph, keeps hover/selection in a ref that the
 * reducers read (no React re-render per mouse move), and asks sigma to redraw when they change.
 */
export function GraphView({ graph, selected, focus, onSelect, onReady }: GraphViewProps) {
  const container = useRef<HTMLDivElement>(null);
  const sigmaRef = useRef<GraphSigma | null>(null);
  const state = useRef<{ hovered: string | null; selected: string | null; neighbours: Set<string> }>({
    hovered: null,
    selected: null,
    neighbours: new Set(),
  });
  const onSelectRef = useRef(onSelect);
  useEffect(() => {
    onSelectRef.current = onSelect;
  }, [onSelect]);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const emphasised = () => state.current.hovered ?? state.current.selected;
    const sigma: GraphSigma = new Sigma(graph, element, {
      allowInvalidContainer: true,
      renderEdgeLabels: false,
      labelFont: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
      labelSize: 12,
      labelWeight: '500',
      labelDensity: 0.6,
      labelGridCellSize: 90,
      labelRenderedSizeThreshold: 9,
      zIndex: true,
      stagePadding: 24,
      nodeReducer: (node, data) => {
        const focusNode = emphasised();
        if (!focusNode) return data;
        if (node === focusNode) return { ...data, highlighted: true, forceLabel: true, zIndex: 2 };
        if (state.current.neighbours.has(node)) return { ...data, forceLabel: true, zIndex: 1 };
        return { ...data, color: DIMMED_NODE, label: '', forceLabel: false, zIndex: 0 };
      },
      edgeReducer: (edge, data) => {
        const focusNode = emphasised();
        if (!focusNode) return data;
        if (graph.hasExtremity(edge, focusNode)) return { ...data, color: HIGHLIGHT_EDGE, zIndex: 1 };
        return { ...data, color: DIMMED_EDGE, hidden: graph.size > 2000, zIndex: 0 };
      },
    });
    const setEmphasis = () => {
      const node = emphasised();
      state.current.neighbours = new Set(node && graph.hasNode(node) ? graph.neighbors(node) : []);
      sigma.refresh({ skipIndexation: true });
    };
    sigma.on('enterNode', ({ node }) => {
      state.current.hovered = node;
      element.style.cursor = 'pointer';
      setEmphasis();
    });
    sigma.on('leaveNode', () => {
      state.current.hovered = null;
      element.style.cursor = '';
      setEmphasis();
    });
    sigma.on('clickNode', ({ node }) => onSelectRef.current(node));
    sigma.on('clickStage', () => onSelectRef.current(null));
    sigmaRef.current = sigma;
    onReady?.(sigma);
    // Exposed for the browser tests and for debugging from the console.
    (window as unknown as { __bruggen?: { sigma: GraphSigma } }).__bruggen = { sigma };
    return () => {
      sigma.kill();
      sigmaRef.current = null;
    };
  }, [graph, onReady]);

  useEffect(() => {
    const sigma = sigmaRef.current;
    if (!sigma) return;
    state.current.selected = selected;
    const node = state.current.hovered ?? selected;
    state.current.neighbours = new Set(node && graph.hasNode(node) ? graph.neighbors(node) : []);
    sigma.refresh({ skipIndexation: true });
  }, [selected, graph]);

  useEffect(() => {
    const sigma = sigmaRef.current;
    if (!sigma || !focus || !graph.hasNode(focus.node)) return;
    const display = sigma.getNodeDisplayData(focus.node);
    if (display) void sigma.getCamera().animate({ x: display.x, y: display.y, ratio: 0.35 }, { duration: 500 });
  }, [focus, graph]);

  return <div ref={container} className="graph-canvas" data-testid="graph-canvas" />;
}

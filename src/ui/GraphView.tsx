import { fitViewportToNodes } from '@sigma/utils';
import { useEffect, useRef, useState } from 'react';
import Sigma from 'sigma';
import { NodePointProgram } from 'sigma/rendering';
import { densitySizeScale } from '../graph/appearance';
import type { DisplayEdgeAttributes, DisplayGraph, DisplayNodeAttributes } from '../graph/display';

export type GraphSigma = Sigma<DisplayNodeAttributes, DisplayEdgeAttributes>;

/** A tie that does not exist yet, drawn dashed over the map with its reason on hover. */
export interface SuggestedTie {
  source: string;
  target: string;
  reason: string;
}

export interface GraphLook {
  /** Colour and size per node; nodes not listed keep the display graph's values. */
  colour?: Map<string, string>;
  size?: Map<string, number>;
  /** Visible nodes and ties (with the weight to draw); null = everything. */
  visibleNodes: Set<string> | null;
  visibleTies: Map<string, number> | null;
  /** Emphasised nodes (conveners, a cluster); the rest is dimmed. Null = none. */
  highlight: Set<string> | null;
  suggested: SuggestedTie[];
  /** The suggested tie to emphasise (hovered in a list). */
  activeSuggestion: { source: string; target: string } | null;
}

export interface GraphViewProps {
  graph: DisplayGraph;
  look: GraphLook;
  selected: string | null;
  /** Nodes to move the camera to; a new object re-triggers the move. */
  focus: { nodes: string[] } | null;
  onSelect: (node: string | null) => void;
  onReady?: (sigma: GraphSigma | null) => void;
  testId?: string;
}

const DIMMED_NODE = '#e3e5e9';
const DIMMED_EDGE = '#eef0f3';
const HIGHLIGHT_EDGE = '#5a6270';
const SUGGESTED = '#c0392b';
/** Above this many ties, edges are hidden while the camera moves so panning stays smooth. */
export const HIDE_EDGES_ON_MOVE_ABOVE = 5000;
/** Above this many organisations, nodes are drawn as GL points. */
export const POINT_NODES_ABOVE = 5000;
/** Above this many organisations, hovering only labels a node; clicking dims the rest. */
export const HOVER_DIMMING_MAX_NODES = 3000;
/** Above this many organisations, labels are hidden while the camera moves too. */
export const HIDE_LABELS_ON_MOVE_ABOVE = 2000;

/**
 * Owns the sigma instance: creates it once per graph, keeps hover, selection and the look in a
 * ref that the reducers read (no React re-render per mouse move, no graph rebuild per filter),
 * and asks sigma to redraw when they change. Suggested ties are drawn dashed on an overlay canvas.
 */
export function GraphView({ graph, look, selected, focus, onSelect, onReady, testId = 'graph-canvas' }: GraphViewProps) {
  const container = useRef<HTMLDivElement>(null);
  const overlay = useRef<HTMLCanvasElement>(null);
  const sigmaRef = useRef<GraphSigma | null>(null);
  const state = useRef({
    hovered: null as string | null,
    selected: null as string | null,
    neighbours: new Set<string>(),
    look,
  });
  const [tooltip, setTooltip] = useState<{ x: number; y: number; text: string } | null>(null);
  const onSelectRef = useRef(onSelect);
  useEffect(() => {
    onSelectRef.current = onSelect;
  }, [onSelect]);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const s = state.current;
    const emphasised = () => s.hovered ?? s.selected;
    const visibleNode = (node: string) => !s.look.visibleNodes || s.look.visibleNodes.has(node);
    const sizeScale = densitySizeScale(graph.order);
    const sigma: GraphSigma = new Sigma<DisplayNodeAttributes, DisplayEdgeAttributes>(graph, element, {
      allowInvalidContainer: true,
      renderEdgeLabels: false,
      hideEdgesOnMove: graph.size > HIDE_EDGES_ON_MOVE_ABOVE,
      // One GL point per node instead of a triangle: much cheaper on crowded maps.
      ...(graph.order > POINT_NODES_ABOVE
        ? { nodeProgramClasses: { circle: NodePointProgram } }
        : {}),
      hideLabelsOnMove: graph.order > HIDE_LABELS_ON_MOVE_ABOVE,
      labelFont: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
      labelSize: 12,
      labelWeight: '500',
      labelDensity: 0.6,
      labelGridCellSize: 90,
      labelRenderedSizeThreshold: 9,
      zIndex: true,
      stagePadding: 24,
      nodeReducer: (node, data) => {
        if (!visibleNode(node)) return { ...data, hidden: true };
        const look = s.look;
        const out = { ...data };
        const colour = look.colour?.get(node);
        if (colour) out.color = colour;
        out.size = (look.size?.get(node) ?? data.size) * sizeScale;
        const focusNode = emphasised();
        if (focusNode) {
          if (node === focusNode) return { ...out, highlighted: true, forceLabel: true, zIndex: 3 };
          if (s.neighbours.has(node)) return { ...out, forceLabel: true, zIndex: 2 };
          return { ...out, color: DIMMED_NODE, label: '', forceLabel: false, zIndex: 0 };
        }
        if (look.highlight) {
          if (look.highlight.has(node)) return { ...out, highlighted: true, forceLabel: true, zIndex: 2 };
          return { ...out, color: DIMMED_NODE, forceLabel: false, zIndex: 0 };
        }
        return out;
      },
      edgeReducer: (edge, data) => {
        const look = s.look;
        const weight = look.visibleTies ? look.visibleTies.get(edge) : data.weight;
        if (weight === undefined) return { ...data, hidden: true };
        const out = { ...data, size: Math.min(6, 0.6 + 0.7 * (weight - 1) + 0.4) };
        const focusNode = emphasised();
        if (focusNode) {
          if (graph.hasExtremity(edge, focusNode)) return { ...out, color: HIGHLIGHT_EDGE, zIndex: 1 };
          return { ...out, color: DIMMED_EDGE, hidden: graph.size > 2000, zIndex: 0 };
        }
        if (look.highlight) {
          const [a, b] = graph.extremities(edge);
          if (look.highlight.has(a) && look.highlight.has(b)) return { ...out, color: HIGHLIGHT_EDGE, zIndex: 1 };
          return { ...out, color: DIMMED_EDGE, zIndex: 0 };
        }
        return out;
      },
    });

    // The overlay is only touched when it has (or had) something to show: an extra full-size
    // layer redrawn every frame costs real time on software-rendered displays.
    let overlayDrawn = false;
    const drawOverlay = () => {
      const canvas = overlay.current;
      if (!canvas) return;
      if (!s.look.suggested.length && !overlayDrawn) return;
      overlayDrawn = s.look.suggested.length > 0;
      const { width, height } = sigma.getDimensions();
      const ratio = window.devicePixelRatio || 1;
      if (canvas.width !== width * ratio || canvas.height !== height * ratio) {
        canvas.width = width * ratio;
        canvas.height = height * ratio;
        canvas.style.width = `${width}px`;
        canvas.style.height = `${height}px`;
      }
      const ctx = canvas.getContext('2d');
      if (!ctx) return;
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      ctx.clearRect(0, 0, width, height);
      const active = s.look.activeSuggestion;
      for (const tie of s.look.suggested) {
        const a = sigma.getNodeDisplayData(tie.source);
        const b = sigma.getNodeDisplayData(tie.target);
        if (!a || !b || !visibleNode(tie.source) || !visibleNode(tie.target)) continue;
        const p = sigma.framedGraphToViewport(a);
        const q = sigma.framedGraphToViewport(b);
        const isActive = active && ((active.source === tie.source && active.target === tie.target) || (active.source === tie.target && active.target === tie.source));
        ctx.beginPath();
        ctx.setLineDash([6, 5]);
        ctx.lineWidth = isActive ? 3.5 : 2;
        ctx.strokeStyle = SUGGESTED;
        ctx.globalAlpha = active && !isActive ? 0.35 : 0.9;
        ctx.moveTo(p.x, p.y);
        ctx.lineTo(q.x, q.y);
        ctx.stroke();
      }
      ctx.globalAlpha = 1;
    };
    sigma.on('afterRender', drawOverlay);

    // Hover dims everything else, which re-runs the reducers over the whole graph: coalesce it to
    // one refresh per frame, and on large graphs leave it to clicks (sigma still labels the node).
    const dimOnHover = graph.order <= HOVER_DIMMING_MAX_NODES;
    let pending = 0;
    const setEmphasis = () => {
      if (pending) return;
      pending = requestAnimationFrame(() => {
        pending = 0;
        const node = emphasised();
        s.neighbours = new Set(node && graph.hasNode(node) ? graph.neighbors(node) : []);
        sigma.refresh({ skipIndexation: true });
      });
    };
    sigma.on('enterNode', ({ node }) => {
      element.style.cursor = 'pointer';
      if (!dimOnHover) return;
      s.hovered = node;
      setEmphasis();
    });
    sigma.on('leaveNode', () => {
      element.style.cursor = '';
      if (!dimOnHover || s.hovered === null) return;
      s.hovered = null;
      setEmphasis();
    });
    sigma.on('clickNode', ({ node }) => onSelectRef.current(node));
    sigma.on('clickStage', () => onSelectRef.current(null));

    // Reasons of suggested ties on hover: nearest dashed segment within a few pixels.
    const onMove = (event: MouseEvent) => {
      if (!s.look.suggested.length) return;
      const rect = element.getBoundingClientRect();
      const x = event.clientX - rect.left;
      const y = event.clientY - rect.top;
      let best: { d: number; text: string } | null = null;
      for (const tie of s.look.suggested) {
        const a = sigma.getNodeDisplayData(tie.source);
        const b = sigma.getNodeDisplayData(tie.target);
        if (!a || !b) continue;
        const d = distanceToSegment({ x, y }, sigma.framedGraphToViewport(a), sigma.framedGraphToViewport(b));
        if (d < 6 && (!best || d < best.d)) best = { d, text: tie.reason };
      }
      setTooltip(best ? { x, y, text: best.text } : null);
    };
    element.addEventListener('mousemove', onMove);

    sigmaRef.current = sigma;
    onReady?.(sigma);
    // Exposed for the browser tests and for debugging from the console.
    (window as unknown as { __bruggen?: { sigma: GraphSigma } }).__bruggen = { sigma };
    return () => {
      cancelAnimationFrame(pending);
      element.removeEventListener('mousemove', onMove);
      sigma.kill();
      sigmaRef.current = null;
      onReady?.(null);
    };
  }, [graph, onReady]);

  useEffect(() => {
    const sigma = sigmaRef.current;
    if (!sigma) return;
    const s = state.current;
    s.look = look;
    s.selected = selected;
    const node = s.hovered ?? selected;
    s.neighbours = new Set(node && graph.hasNode(node) ? graph.neighbors(node) : []);
    sigma.refresh({ skipIndexation: true });
  }, [look, selected, graph]);

  useEffect(() => {
    const sigma = sigmaRef.current;
    if (!sigma || !focus) return;
    const nodes = focus.nodes.filter((n) => graph.hasNode(n));
    if (nodes.length === 1) {
      const display = sigma.getNodeDisplayData(nodes[0]!);
      if (display) void sigma.getCamera().animate({ x: display.x, y: display.y, ratio: 0.35 }, { duration: 500 });
    } else if (nodes.length > 1) {
      void fitViewportToNodes(sigma as unknown as Sigma, nodes, { animate: true });
    }
  }, [focus, graph]);

  return (
    <div className="graph-view">
      <div ref={container} className="graph-canvas" data-testid={testId} />
      <canvas ref={overlay} className="graph-overlay" aria-hidden="true" />
      {tooltip && (
        <div className="graph-tooltip" role="tooltip" style={{ left: tooltip.x + 12, top: tooltip.y + 12 }} data-testid="suggestion-tooltip">
          {tooltip.text}
        </div>
      )}
    </div>
  );
}

function distanceToSegment(p: { x: number; y: number }, a: { x: number; y: number }, b: { x: number; y: number }): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length2 = dx * dx + dy * dy;
  const t = length2 ? Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / length2)) : 0;
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

/**
 * The network view's looks through sigma's reducers: visibility from the filters, colour and size
 * from the appearance, and emphasis (the hovered or selected organisation and its partners, or a
 * highlighted group). Nothing is written into the graph: a filter, a recolouring or a sector
 * correction is a refresh, not a rebuild.
 */
import { useEffect, useRef } from 'react';
import type { Visibility } from '../../filters/filters';
import { densitySizeScale } from '../../graph/appearance';
import { tieWidth, type DisplayEdgeAttributes, type DisplayNodeAttributes } from '../../graph/display';
import type { Network } from '../../graph/network';
import { useSigma } from './SigmaHost';

export const DIMMED_NODE = '#e3e5e9';
export const DIMMED_EDGE = '#eef0f3';
export const HIGHLIGHT_EDGE = '#5a6270';
/** Ties only implied by the sources are drawn lighter. */
export const IMPLIED_EDGE = '#dde0e5';
/** Above this many organisations, hovering only labels a node; clicking dims the rest. */
export const HOVER_DIMMING_MAX_NODES = 3000;

export interface NetworkLook {
  colour: readonly string[];
  size: Float32Array;
  visibility: Visibility;
  /** Emphasised organisations (a cluster, conveners, an activity's participants); the rest is dimmed. */
  highlight: ReadonlySet<number> | null;
  selected: number | null;
}

export function NetworkLookController({ network, look }: { network: Network; look: NetworkLook }) {
  const sigma = useSigma();
  const state = useRef({ look, hovered: null as number | null, neighbours: new Set<number>() });

  useEffect(() => {
    const s = state.current;
    const graph = sigma.getGraph();
    const scale = densitySizeScale(graph.order);
    const { ties } = network.projection;
    const focus = () => s.hovered ?? s.look.selected;
    sigma.setSetting('nodeReducer', (_node, data: DisplayNodeAttributes) => {
      const { look } = s;
      const i = data.index;
      if (!look.visibility.orgs[i]) return { ...data, hidden: true };
      const out = { ...data, color: look.colour[i] ?? data.color, size: (look.size[i] ?? data.size) * scale };
      const f = focus();
      if (f !== null) {
        if (i === f) return { ...out, highlighted: true, forceLabel: true, zIndex: 3 };
        if (s.neighbours.has(i)) return { ...out, forceLabel: true, zIndex: 2 };
        return { ...out, color: DIMMED_NODE, label: '', forceLabel: false, zIndex: 0 };
      }
      if (look.highlight) {
        if (look.highlight.has(i)) return { ...out, highlighted: true, forceLabel: true, zIndex: 2 };
        return { ...out, color: DIMMED_NODE, forceLabel: false, zIndex: 0 };
      }
      return out;
    });
    sigma.setSetting('edgeReducer', (_edge, data: DisplayEdgeAttributes) => {
      const { look } = s;
      const e = data.tie;
      const shared = look.visibility.tieShared[e];
      if (!shared) return { ...data, hidden: true };
      const out = { ...data, size: tieWidth(shared), color: ties.confidence[e] ? IMPLIED_EDGE : data.color };
      const f = focus();
      if (f !== null) {
        if (ties.u[e] === f || ties.v[e] === f) return { ...out, color: HIGHLIGHT_EDGE, zIndex: 1 };
        return { ...out, color: DIMMED_EDGE, hidden: graph.size > 2000, zIndex: 0 };
      }
      if (look.highlight) {
        if (look.highlight.has(ties.u[e]!) && look.highlight.has(ties.v[e]!)) return { ...out, color: HIGHLIGHT_EDGE, zIndex: 1 };
        return { ...out, color: DIMMED_EDGE, zIndex: 0 };
      }
      return out;
    });

    const neighboursOf = (i: number | null) => {
      const set = new Set<number>();
      if (i === null) return set;
      const { offsets, neighbours, ties: tieOf } = network.adjacency;
      for (let p = offsets[i]!; p < offsets[i + 1]!; p++) if (s.look.visibility.tieShared[tieOf[p]!]) set.add(neighbours[p]!);
      return set;
    };
    // Hover re-runs the reducers over the whole graph: at most once per frame, and only on maps
    // small enough for it to stay smooth.
    const dimOnHover = graph.order <= HOVER_DIMMING_MAX_NODES;
    let pending = 0;
    const refreshEmphasis = () => {
      if (pending) return;
      pending = requestAnimationFrame(() => {
        pending = 0;
        s.neighbours = neighboursOf(focus());
        sigma.refresh({ skipIndexation: true });
      });
    };
    const enter = ({ node }: { node: string }) => {
      if (!dimOnHover) return;
      s.hovered = graph.getNodeAttribute(node, 'index');
      refreshEmphasis();
    };
    const leave = () => {
      if (!dimOnHover || s.hovered === null) return;
      s.hovered = null;
      refreshEmphasis();
    };
    sigma.on('enterNode', enter);
    sigma.on('leaveNode', leave);
    s.neighbours = neighboursOf(focus());
    sigma.refresh();
    return () => {
      cancelAnimationFrame(pending);
      sigma.off('enterNode', enter);
      sigma.off('leaveNode', leave);
    };
  }, [sigma, network]);

  useEffect(() => {
    const s = state.current;
    const before = s.look;
    s.look = look;
    const i = s.hovered ?? look.selected;
    const set = new Set<number>();
    if (i !== null) {
      const { offsets, neighbours, ties: tieOf } = network.adjacency;
      for (let p = offsets[i]!; p < offsets[i + 1]!; p++) if (look.visibility.tieShared[tieOf[p]!]) set.add(neighbours[p]!);
    }
    s.neighbours = set;
    // Sizes and visibility move things on screen: re-index; colours and emphasis need not.
    const reindex = before.size !== look.size || before.visibility !== look.visibility;
    sigma.refresh(reindex ? undefined : { skipIndexation: true });
  }, [sigma, network, look]);

  return null;
}

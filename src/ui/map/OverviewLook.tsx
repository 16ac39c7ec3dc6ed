/**
 * The looks of the overview (one disc per community): the focused community (hovered, keyboard
 * or holding the selected organisation) and its neighbours stand out, the rest is dimmed; labels
 * are placed without overlap, the biggest communities first.
 */
import { useEffect, useRef } from 'react';
import type { DisplayEdgeAttributes, DisplayNodeAttributes } from '../../graph/display';
import type { LabelDensity } from '../../graph/labels';
import { communityKey } from '../../graph/overview';
import { LabelLayout, type LabelRenderer } from './labelLayout';
import { DIMMED_EDGE, DIMMED_NODE, HIGHLIGHT_EDGE } from './NetworkLook';
import { useSigma } from './SigmaHost';

export interface OverviewLookProps {
  /** The community (its index on the overview) the keyboard is on, or that holds the selection. */
  focused: number | null;
  selected: number | null;
  labels: LabelDensity;
  renderer: LabelRenderer;
}

export function OverviewLookController({ focused, selected, labels: density, renderer }: OverviewLookProps) {
  const sigma = useSigma();
  const state = useRef({ focused, selected, density, hovered: null as number | null, update: null as (() => void) | null });

  useEffect(() => {
    const s = state.current;
    const graph = sigma.getGraph();
    const labels = new LabelLayout(sigma, renderer);
    let neighbours = new Set<string>();
    const focus = () => s.hovered ?? s.focused ?? s.selected;
    sigma.setSetting('nodeReducer', (node, data: DisplayNodeAttributes) => {
      const out = { ...data, forceLabel: labels.placed.has(node) };
      const f = focus();
      if (f === null) return out;
      if (data.index === f) return { ...out, highlighted: true, zIndex: 2 };
      if (neighbours.has(node)) return { ...out, zIndex: 1 };
      return { ...out, color: DIMMED_NODE, label: '', forceLabel: false, zIndex: 0 };
    });
    sigma.setSetting('edgeReducer', (edge, data: DisplayEdgeAttributes) => {
      const f = focus();
      if (f === null) return data;
      const key = communityKey(f);
      return graph.hasExtremity(edge, key) ? { ...data, color: HIGHLIGHT_EDGE, zIndex: 1 } : { ...data, color: DIMMED_EDGE, zIndex: 0 };
    });
    // Biggest first: the graph's nodes are in overview order, largest community first.
    const bySize = graph.nodes();
    const update = () => {
      const f = focus();
      const first: string[] = [];
      neighbours = new Set();
      if (f !== null) {
        const key = communityKey(f);
        first.push(key);
        if (graph.hasNode(key)) {
          const around = graph.neighbors(key).sort((a, b) => graph.getNodeAttribute(b, 'size') - graph.getNodeAttribute(a, 'size'));
          neighbours = new Set(around);
          for (const n of around) first.push(n);
        }
      }
      const seen = new Set(first);
      const order = f === null ? [...first, ...bySize.filter((k) => !seen.has(k))] : first;
      labels.setPriorities({ order, priority: first.length, keep: f !== null ? 1 : 0 });
      labels.setDensity(s.density);
      sigma.refresh({ skipIndexation: true });
      labels.relabel();
    };
    let pending = 0;
    const hover = (index: number | null) => {
      s.hovered = index;
      if (pending) return;
      pending = requestAnimationFrame(() => {
        pending = 0;
        update();
      });
    };
    const enter = ({ node }: { node: string }) => hover(graph.getNodeAttribute(node, 'index'));
    const leave = () => hover(null);
    sigma.on('enterNode', enter);
    sigma.on('leaveNode', leave);
    const detach = labels.attach();
    s.update = update;
    update();
    return () => {
      cancelAnimationFrame(pending);
      detach();
      sigma.off('enterNode', enter);
      sigma.off('leaveNode', leave);
      s.update = null;
    };
  }, [sigma, renderer]);

  useEffect(() => {
    const s = state.current;
    if (s.focused === focused && s.selected === selected && s.density === density) return;
    Object.assign(s, { focused, selected, density });
    s.update?.();
  }, [focused, selected, density]);

  return null;
}

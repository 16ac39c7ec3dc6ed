/**
 * Layout by hand on the map: ForceAtlas2 running live in a web worker (graphology's own
 * supervisor, `graphology-layout-forceatlas2/worker`), nodes dragged with the mouse and pinned
 * where they are dropped (`fixed`, which ForceAtlas2 honours), and a reset to the computed
 * layout that unpins everything. Only the display graph moves; the session's computed layout
 * (and the analysis) stay as they are.
 */
import { useEffect, useRef } from 'react';
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import { forceAtlas2Settings } from '../../graph/layout';
import { consumeDrop, markDrop } from './dragged';
import { useSigma } from './SigmaHost';

export interface LayoutControllerProps {
  running: boolean;
  /** Increases on every reset request. */
  reset: number;
  /** The number of pinned nodes changed. */
  onPinned(count: number): void;
}

export function LayoutController({ running, reset, onPinned }: LayoutControllerProps) {
  const sigma = useSigma();
  const state = useRef({ supervisor: null as FA2Layout | null, pins: new Set<string>(), initial: new Map<string, [number, number]>(), onPinned });
  useEffect(() => {
    state.current.onPinned = onPinned;
  });

  // The computed positions (to reset to) and dragging.
  useEffect(() => {
    const s = state.current;
    const graph = sigma.getGraph();
    s.initial = new Map();
    s.pins = new Set();
    graph.forEachNode((key, a) => {
      s.initial.set(key, [a.x, a.y]);
      if (a.fixed) s.pins.add(key);
    });
    let dragged: string | null = null;
    let moved = false;
    let resume = false;
    const down = ({ node }: { node: string }) => {
      dragged = node;
      moved = false;
      // Sigma would refit the picture to the moving node; hold the frame while dragging.
      if (!sigma.getCustomBBox()) sigma.setCustomBBox(sigma.getBBox());
    };
    const move = ({ event }: { event: { x: number; y: number; preventSigmaDefault(): void; original: Event } }) => {
      if (!dragged) return;
      if (!moved) {
        moved = true;
        // The worker overwrites positions it does not know are fixed: restart it after the drop.
        resume = !!s.supervisor?.isRunning();
        s.supervisor?.stop();
      }
      const p = sigma.viewportToGraph(event);
      graph.mergeNodeAttributes(dragged, { x: p.x, y: p.y, fixed: true });
      event.preventSigmaDefault();
      event.original.preventDefault();
      event.original.stopPropagation();
    };
    const up = () => {
      if (dragged && moved) {
        markDrop(sigma);
        // The click sigma sends after the drop is skipped; if none comes, the mark goes.
        setTimeout(() => consumeDrop(sigma), 0);
        s.pins.add(dragged);
        s.onPinned(s.pins.size);
        if (resume) s.supervisor?.start();
      }
      dragged = null;
      moved = false;
      resume = false;
    };
    sigma.on('downNode', down);
    sigma.on('moveBody', move);
    sigma.on('upNode', up);
    sigma.on('upStage', up);
    s.onPinned(s.pins.size);
    return () => {
      sigma.off('downNode', down);
      sigma.off('moveBody', move);
      sigma.off('upNode', up);
      sigma.off('upStage', up);
      s.supervisor?.kill();
      s.supervisor = null;
    };
  }, [sigma]);

  // Run or stop ForceAtlas2.
  useEffect(() => {
    const s = state.current;
    const graph = sigma.getGraph();
    if (!running) {
      s.supervisor?.stop();
      return;
    }
    if (!s.supervisor) {
      const settings = forceAtlas2Settings(graph);
      // Tie width grows with the shared activities: the closest proxy of weight on the drawn graph.
      s.supervisor = new FA2Layout(graph, { settings, getEdgeWeight: 'size' });
    }
    // Organisations without partners stay where the computed layout put them (below the network):
    // ForceAtlas2 would only scatter them around it. They are fixed for the run, not pinned.
    graph.updateEachNodeAttributes(
      (key, a) => {
        a.fixed = s.pins.has(key) || graph.degree(key) === 0 || undefined;
        return a;
      },
      { attributes: ['fixed'] },
    );
    sigma.setCustomBBox(null);
    s.supervisor.start();
    return () => {
      s.supervisor?.stop();
      if (sigma.getGraph() !== graph) return;
      graph.updateEachNodeAttributes(
        (key, a) => {
          if (s.pins.has(key)) a.fixed = true;
          else delete a.fixed;
          return a;
        },
        { attributes: ['fixed'] },
      );
    };
  }, [sigma, running]);

  // Reset: the computed positions, nothing pinned.
  useEffect(() => {
    if (!reset) return;
    const s = state.current;
    const graph = sigma.getGraph();
    s.supervisor?.stop();
    s.pins.clear();
    graph.updateEachNodeAttributes(
      (key, a) => {
        const p = s.initial.get(key);
        if (p) [a.x, a.y] = p;
        delete a.fixed;
        return a;
      },
      { attributes: ['x', 'y', 'fixed'] },
    );
    sigma.setCustomBBox(null);
    s.onPinned(0);
  }, [sigma, reset]);

  return null;
}

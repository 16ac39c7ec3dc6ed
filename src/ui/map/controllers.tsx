/** Controllers of the sigma host that render nothing: events, camera and the probe. */
import { fitViewportToNodes } from '@sigma/utils';
import { useEffect, useLayoutEffect, useRef } from 'react';
import type Sigma from 'sigma';
import type { Coordinates } from 'sigma/types';
import type { DrawnLabel, LabelRenderer } from './labelLayout';
import type { DisplayNodeAttributes } from '../../graph/display';
import { centreInView } from './camera';
import { consumeDrop } from './dragged';
import { useSigma } from './SigmaHost';
import { edgeAtPoint } from './picking';

/** Clicks on nodes, ties and the background, by the display graph's node and edge attributes. */
export function EventsController({
  onClickNode,
  onClickStage,
  onClickEdge,
}: {
  onClickNode(kind: DisplayNodeAttributes['kind'], index: number): void;
  onClickStage(): void;
  /** A tie (its index in the projection) was clicked; needs sigma's `enableEdgeEvents`. */
  onClickEdge?(tie: number): void;
}) {
  const sigma = useSigma();
  const handlers = useRef({ onClickNode, onClickStage, onClickEdge });
  useLayoutEffect(() => {
    handlers.current = { onClickNode, onClickStage, onClickEdge };
  });
  useEffect(() => {
    const graph = sigma.getGraph();
    const container = sigma.getContainer();
    const click = ({ node }: { node: string }) => {
      if (consumeDrop(sigma)) return;
      const a = graph.getNodeAttributes(node);
      handlers.current.onClickNode(a.kind, a.index);
    };
    const clickEdge = ({ edge }: { edge: string }) => {
      const tie = graph.getEdgeAttribute(edge, 'tie');
      if (tie >= 0 && handlers.current.onClickEdge) handlers.current.onClickEdge(tie);
      else handlers.current.onClickStage();
    };
    const stage = () => handlers.current.onClickStage();
    const enter = () => (container.style.cursor = 'pointer');
    const leave = () => (container.style.cursor = '');
    sigma.on('clickNode', click);
    sigma.on('clickEdge', clickEdge);
    sigma.on('clickStage', stage);
    sigma.on('enterNode', enter);
    sigma.on('leaveNode', leave);
    sigma.on('enterEdge', enter);
    sigma.on('leaveEdge', leave);
    return () => {
      sigma.off('clickNode', click);
      sigma.off('clickEdge', clickEdge);
      sigma.off('clickStage', stage);
      sigma.off('enterNode', enter);
      sigma.off('leaveNode', leave);
      sigma.off('enterEdge', enter);
      sigma.off('leaveEdge', leave);
    };
  }, [sigma]);
  return null;
}

/** A request to move the camera to some nodes (display keys); a new object re-triggers it. */
export interface CameraFocus {
  nodes: string[];
}

/**
 * Moves the camera to the focused nodes: close in on one, fit several; clear of a drawer on the
 * right. A selected node (`keepInView`) that is off the canvas or under the drawer is brought
 * beside it, at the same zoom, with room for its label as `labels` (the map's renderer) measures it.
 */
export function CameraController({
  focus,
  inset = 0,
  keepInView = null,
  labels,
}: {
  focus: CameraFocus | null;
  inset?: number;
  keepInView?: string | null;
  labels?: LabelRenderer;
}) {
  const sigma = useSigma();
  const insetRef = useRef(inset);
  const labelsRef = useRef(labels);
  useEffect(() => {
    insetRef.current = inset;
    labelsRef.current = labels;
  });
  useEffect(() => {
    if (!keepInView) return;
    const frame = requestAnimationFrame(() => {
      const d = sigma.getNodeDisplayData(keepInView);
      if (!d || d.hidden || sigma.getCamera().isAnimated()) return;
      const p = sigma.framedGraphToViewport(d);
      const { width, height } = sigma.getDimensions();
      const margin = 24;
      const right = width - Math.min(insetRef.current, width * 0.6) - margin;
      // Its label is drawn to its right: a node just clear of the drawer had its name cut by it
      // ("De Haa…" at 768 px). Room for the label counts, up to half the free width.
      const label = String(sigma.getGraph().getNodeAttribute(keepInView, 'label') ?? '');
      const measured = labelsRef.current?.width(label);
      const labelRoom = measured === undefined ? 0 : Math.min(d.size + measured + 12, (right - margin) / 2);
      if (p.x >= margin && p.x + labelRoom <= right && p.y >= margin && p.y <= height - margin) return;
      void sigma.getCamera().animate(centreInView(sigma as unknown as Sigma, d, sigma.getCamera().getState().ratio, insetRef.current), { duration: 400 });
    });
    return () => cancelAnimationFrame(frame);
  }, [sigma, keepInView]);
  useEffect(() => {
    if (!focus) return;
    const graph = sigma.getGraph();
    const nodes = focus.nodes.filter((n) => graph.hasNode(n));
    if (nodes.length === 1) {
      const display = sigma.getNodeDisplayData(nodes[0]!);
      if (display) void sigma.getCamera().animate(centreInView(sigma as unknown as Sigma, display, 0.35, insetRef.current), { duration: 500 });
    } else if (nodes.length > 1) {
      void fitViewportToNodes(sigma as unknown as Sigma, nodes, { animate: true });
    }
  }, [sigma, focus]);
  return null;
}

/**
 * The map's state for scripts and tests, as data attributes of the canvas element (the same
 * interface as data-testid, no handle on window): the camera (`data-camera` = x,y,ratio), how
 * many nodes the map has (`data-order`), and on a `bruggen-probe` event the display data of the
 * nodes asked for (`data-probe`: key → screen x, y, colour, hidden, label) and, when asked with
 * `labels: true`, every label box drawn in the last frame (`data-probe-labels`). Asked with
 * `picks` (viewport points), it writes for each point the tie Bruggen's picking finds and the one
 * sigma's own pixel read finds (`data-probe-picks`), so a test can hold the one to the other.
 */
export function ProbeController({ renderer }: { renderer?: LabelRenderer }) {
  const sigma = useSigma();
  useEffect(() => {
    const element = sigma.getContainer();
    const graph = sigma.getGraph();
    const write = () => {
      const c = sigma.getCamera().getState();
      element.dataset.camera = `${c.x.toFixed(4)},${c.y.toFixed(4)},${c.ratio.toFixed(4)}`;
      element.dataset.order = String(graph.order);
    };
    const probe = (event: Event) => {
      const detail = (event as CustomEvent<{ nodes?: string[]; labels?: boolean; picks?: Coordinates[] }>).detail ?? {};
      const out: Record<string, unknown> = {};
      for (const key of detail.nodes ?? []) {
        const d = sigma.getNodeDisplayData(key);
        if (!d) {
          out[key] = null;
          continue;
        }
        const p = sigma.framedGraphToViewport(d);
        out[key] = {
          x: p.x,
          y: p.y,
          color: d.color,
          hidden: !!d.hidden,
          label: d.label,
          size: d.size,
          highlighted: !!d.highlighted,
          pinned: !!graph.getNodeAttribute(key, 'fixed'),
        };
      }
      element.dataset.probe = JSON.stringify(out);
      if (detail.picks) {
        // Sigma's own method, from its prototype (the instance's is the CPU one, see SigmaHost).
        const byPixels = (Object.getPrototypeOf(sigma) as { getEdgeAtPoint(x: number, y: number): string | null }).getEdgeAtPoint;
        element.dataset.probePicks = JSON.stringify(detail.picks.map((p) => ({ bruggen: edgeAtPoint(sigma, p), sigma: byPixels.call(sigma, p.x, p.y) })));
      }
      if (detail.labels && renderer) {
        const canvases = sigma.getCanvases();
        const drawn = [...renderer.drawnOn(canvases.labels?.getContext('2d')), ...renderer.drawnOn(canvases.hovers?.getContext('2d'))];
        // A boxed label is drawn over the plain label of the same node: one box per node, and
        // boxes of nodes no longer hovered or focused are gone from the screen.
        const byKey = new Map<string, DrawnLabel>();
        for (const label of drawn) {
          if (label.layer === 'hover' && !sigma.getNodeDisplayData(label.key)?.highlighted) continue;
          const before = byKey.get(label.key);
          if (!before || label.layer === 'hover') byKey.set(label.key, label);
        }
        element.dataset.probeLabels = JSON.stringify([...byKey.values()]);
      }
    };
    write();
    sigma.on('afterRender', write);
    element.addEventListener('bruggen-probe', probe);
    return () => {
      sigma.off('afterRender', write);
      element.removeEventListener('bruggen-probe', probe);
    };
  }, [sigma, renderer]);
  return null;
}

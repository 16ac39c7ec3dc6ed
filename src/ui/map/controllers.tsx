/** Controllers of the sigma host that render nothing: events, camera and the probe. */
import { fitViewportToNodes } from '@sigma/utils';
import { useEffect, useLayoutEffect, useRef } from 'react';
import type Sigma from 'sigma';
import { useSigma } from './SigmaHost';

/** Clicks on nodes, ties and the background, by the display graph's node attributes. */
export function EventsController({
  onClickNode,
  onClickStage,
}: {
  onClickNode(kind: 'organisation' | 'activity', index: number): void;
  onClickStage(): void;
}) {
  const sigma = useSigma();
  const handlers = useRef({ onClickNode, onClickStage });
  useLayoutEffect(() => {
    handlers.current = { onClickNode, onClickStage };
  });
  useEffect(() => {
    const graph = sigma.getGraph();
    const container = sigma.getContainer();
    const click = ({ node }: { node: string }) => {
      const a = graph.getNodeAttributes(node);
      handlers.current.onClickNode(a.kind, a.index);
    };
    const stage = () => handlers.current.onClickStage();
    const enter = () => (container.style.cursor = 'pointer');
    const leave = () => (container.style.cursor = '');
    sigma.on('clickNode', click);
    sigma.on('clickStage', stage);
    sigma.on('enterNode', enter);
    sigma.on('leaveNode', leave);
    return () => {
      sigma.off('clickNode', click);
      sigma.off('clickStage', stage);
      sigma.off('enterNode', enter);
      sigma.off('leaveNode', leave);
    };
  }, [sigma]);
  return null;
}

/** A request to move the camera to some nodes (display keys); a new object re-triggers it. */
export interface CameraFocus {
  nodes: string[];
}

/** Moves the camera to the focused nodes: close in on one, fit several. */
export function CameraController({ focus }: { focus: CameraFocus | null }) {
  const sigma = useSigma();
  useEffect(() => {
    if (!focus) return;
    const graph = sigma.getGraph();
    const nodes = focus.nodes.filter((n) => graph.hasNode(n));
    if (nodes.length === 1) {
      const display = sigma.getNodeDisplayData(nodes[0]!);
      if (display) void sigma.getCamera().animate({ x: display.x, y: display.y, ratio: 0.35 }, { duration: 500 });
    } else if (nodes.length > 1) {
      void fitViewportToNodes(sigma as unknown as Sigma, nodes, { animate: true });
    }
  }, [sigma, focus]);
  return null;
}

/**
 * The map's state for scripts and tests, as data attributes of the canvas element (the same
 * interface as data-testid, no handle on window): the camera (`data-camera` = x,y,ratio), how
 * many nodes are drawn, and on a `bruggen-probe` event the display data of the nodes asked for
 * (`data-probe`: key → screen x, y, colour, hidden, label).
 */
export function ProbeController() {
  const sigma = useSigma();
  useEffect(() => {
    const element = sigma.getContainer();
    const write = () => {
      const c = sigma.getCamera().getState();
      element.dataset.camera = `${c.x.toFixed(4)},${c.y.toFixed(4)},${c.ratio.toFixed(4)}`;
    };
    const probe = (event: Event) => {
      const keys = (event as CustomEvent<{ nodes?: string[] }>).detail?.nodes ?? [];
      const out: Record<string, unknown> = {};
      for (const key of keys) {
        const d = sigma.getNodeDisplayData(key);
        if (!d) {
          out[key] = null;
          continue;
        }
        const p = sigma.framedGraphToViewport(d);
        out[key] = { x: p.x, y: p.y, color: d.color, hidden: !!d.hidden, label: d.label, size: d.size, highlighted: !!d.highlighted };
      }
      element.dataset.probe = JSON.stringify(out);
    };
    write();
    sigma.on('afterRender', write);
    element.addEventListener('bruggen-probe', probe);
    return () => {
      sigma.off('afterRender', write);
      element.removeEventListener('bruggen-probe', probe);
    };
  }, [sigma]);
  return null;
}

/**
 * The map operated from the keyboard (the canvas container is focusable): arrow keys move to the
 * nearest node in that direction on screen, ] and [ go round the focused node's partners
 * (strongest tie first), Enter opens the node, Esc lets go, + and − zoom. The camera follows
 * the focused node; what is focused is announced through `onAnnounce` (an aria-live region) and
 * exposed as `data-focused-node` on the container for tests.
 */
import { useEffect, useRef } from 'react';
import { cycle, nearestInDirection, nearestTo, type Direction, type ScreenPoint } from '../../graph/spatial';
import type Sigma from 'sigma';
import { centreInView } from './camera';
import { useSigma } from './SigmaHost';

const ARROWS: Record<string, Direction> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' };
/** The camera recentres when the focused node leaves this inner part of the canvas. */
const FOLLOW_MARGIN = 0.15;

export interface KeyboardProps {
  focused: string | null;
  /** Where navigation starts when nothing is focused (the selection), if it is on the map. */
  start: string | null;
  onFocus(key: string | null): void;
  onActivate(key: string): void;
  /** What to announce for a focused node; `partner` when reached by going round a node's partners. */
  describe(key: string, partner: { of: string; position: number; count: number } | null): string;
  onAnnounce(text: string): void;
  /** Pixels on the right of the canvas covered by a drawer. */
  inset?: number;
}

export function KeyboardController(props: KeyboardProps) {
  const sigma = useSigma();
  const latest = useRef(props);
  useEffect(() => {
    latest.current = props;
  });
  // The node whose partners ] and [ go round, and where we are among them.
  const round = useRef<{ of: string; position: number } | null>(null);

  useEffect(() => {
    const element = sigma.getContainer();
    const graph = sigma.getGraph();
    const camera = sigma.getCamera();

    const visiblePoints = (): ScreenPoint[] => {
      const out: ScreenPoint[] = [];
      graph.forEachNode((key) => {
        const d = sigma.getNodeDisplayData(key);
        if (!d || d.hidden) return;
        const p = sigma.framedGraphToViewport(d);
        out.push({ key, x: p.x, y: p.y });
      });
      return out;
    };
    const screen = (key: string) => {
      const d = sigma.getNodeDisplayData(key);
      return d && !d.hidden ? sigma.framedGraphToViewport(d) : null;
    };
    /** Visible partners over visible ties, strongest tie first. */
    const partners = (key: string): string[] => {
      const out: { key: string; weight: number; label: string }[] = [];
      graph.forEachEdge(key, (edge, attributes, source, target) => {
        const other = source === key ? target : source;
        const e = sigma.getEdgeDisplayData(edge);
        const n = sigma.getNodeDisplayData(other);
        if (!e || e.hidden || !n || n.hidden) return;
        out.push({ key: other, weight: e.size ?? attributes.size ?? 1, label: String(graph.getNodeAttribute(other, 'label') ?? '') });
      });
      return out.sort((a, b) => b.weight - a.weight || a.label.localeCompare(b.label)).map((p) => p.key);
    };
    const follow = (key: string) => {
      const p = screen(key);
      const d = sigma.getNodeDisplayData(key);
      if (!p || !d) return;
      const { width: full, height } = sigma.getDimensions();
      const inset = Math.min(latest.current.inset ?? 0, full * 0.6);
      const width = full - inset;
      const inside = p.x > width * FOLLOW_MARGIN && p.x < width * (1 - FOLLOW_MARGIN) && p.y > height * FOLLOW_MARGIN && p.y < height * (1 - FOLLOW_MARGIN);
      if (!inside) void camera.animate(centreInView(sigma as unknown as Sigma, d, camera.getState().ratio, inset), { duration: 300 });
    };
    const focus = (key: string, partner: { of: string; position: number; count: number } | null) => {
      latest.current.onFocus(key);
      latest.current.onAnnounce(latest.current.describe(key, partner));
      follow(key);
    };

    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      const { focused, start } = latest.current;
      const current = focused && screen(focused) ? focused : null;
      const direction = ARROWS[event.key];
      if (direction) {
        event.preventDefault();
        round.current = null;
        if (!current) {
          const first = start && screen(start) ? start : nearestTo({ x: sigma.getDimensions().width / 2, y: sigma.getDimensions().height / 2 }, visiblePoints());
          if (first) focus(first, null);
          return;
        }
        const next = nearestInDirection(screen(current)!, visiblePoints(), direction, current);
        if (next) focus(next, null);
        else latest.current.onAnnounce(latest.current.describe(current, null));
        return;
      }
      if (event.key === ']' || event.key === '[' || event.key === 'n' || event.key === 'p') {
        if (!current) return;
        event.preventDefault();
        const of = round.current?.of ?? current;
        const list = partners(of);
        if (!list.length) {
          latest.current.onAnnounce(latest.current.describe(of, { of, position: 0, count: 0 }));
          return;
        }
        const position = cycle(list, round.current?.of === of ? round.current.position : -1, event.key === ']' || event.key === 'n' ? 1 : -1);
        round.current = { of, position };
        focus(list[position]!, { of, position: position + 1, count: list.length });
        return;
      }
      if (event.key === 'Enter' || event.key === ' ') {
        if (!current) return;
        event.preventDefault();
        round.current = null;
        latest.current.onActivate(current);
        return;
      }
      if (event.key === 'Escape') {
        // The workspace's own Esc (clear the selection) still runs.
        round.current = null;
        if (focused) latest.current.onFocus(null);
        return;
      }
      if (event.key === '+' || event.key === '=') {
        event.preventDefault();
        void camera.animatedZoom({ duration: 200 });
      } else if (event.key === '-' || event.key === '_') {
        event.preventDefault();
        void camera.animatedUnzoom({ duration: 200 });
      }
    };
    const onBlur = () => {
      round.current = null;
      if (latest.current.focused) latest.current.onFocus(null);
    };
    element.addEventListener('keydown', onKey);
    element.addEventListener('blur', onBlur);
    return () => {
      element.removeEventListener('keydown', onKey);
      element.removeEventListener('blur', onBlur);
    };
  }, [sigma]);

  // The focused node for scripts and tests.
  useEffect(() => {
    const element = sigma.getContainer();
    if (props.focused) element.dataset.focusedNode = props.focused;
    else delete element.dataset.focusedNode;
  }, [sigma, props.focused]);

  return null;
}

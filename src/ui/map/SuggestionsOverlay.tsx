/**
 * Ties that do not exist yet, drawn dashed and numbered over the map on a canvas of their own
 * (sigma's edge programs draw no dashes), with their reason on hover; the panels list the same
 * numbers with the reasons, for the keyboard and screen readers. Like the map's other test hooks,
 * a `bruggen-probe` event asking for `suggested` writes the ties drawn in the last frame to the
 * container's `data-probe-suggested` (number and the two node keys).
 */
import { useEffect, useRef, useState } from 'react';
import { drawSuggestedTies, type SuggestedSegment } from '../../export/image';
import { organisationKey } from '../../graph/display';
import { useSigma } from './SigmaHost';
import { overlayContext } from './overlayCanvas';

export interface SuggestedTie {
  /** Organisation indices. */
  a: number;
  b: number;
  reason: string;
  /** Its number on the map, the same as in the panel's list. */
  number: number;
}

export function SuggestionsOverlay({ ties, active }: { ties: readonly SuggestedTie[]; active: { a: number; b: number } | null }) {
  const sigma = useSigma();
  const canvas = useRef<HTMLCanvasElement>(null);
  const state = useRef({ ties, active });
  const [tooltip, setTooltip] = useState<{ x: number; y: number; text: string } | null>(null);

  useEffect(() => {
    let drawn = false;
    let drawnTies: { number: number; a: string; b: string }[] = [];
    const draw = () => {
      const c = canvas.current;
      if (!c) return;
      const { ties: list, active: on } = state.current;
      // The overlay is touched only when it has (or had) something to show: an extra full-size
      // layer redrawn every frame costs real time on software-rendered displays.
      if (!list.length && !drawn) return;
      drawn = list.length > 0;
      const overlay = overlayContext(c, sigma);
      if (!overlay) return;
      const { ctx, ratio } = overlay;
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, c.width, c.height);
      const segments: SuggestedSegment[] = [];
      const drawnKeys: { number: number; a: string; b: string }[] = [];
      for (const tie of list) {
        const p = sigma.getNodeDisplayData(organisationKey(tie.a));
        const q = sigma.getNodeDisplayData(organisationKey(tie.b));
        if (!p || !q || p.hidden || q.hidden) continue;
        drawnKeys.push({ number: tie.number, a: organisationKey(tie.a), b: organisationKey(tie.b) });
        const isActive = !!on && ((on.a === tie.a && on.b === tie.b) || (on.a === tie.b && on.b === tie.a));
        segments.push({ from: sigma.framedGraphToViewport(p), to: sigma.framedGraphToViewport(q), number: tie.number, active: isActive });
      }
      drawSuggestedTies(ctx, segments, ratio);
      drawnTies = drawnKeys;
    };
    sigma.on('afterRender', draw);
    const element = sigma.getContainer();
    const move = (event: MouseEvent) => {
      const list = state.current.ties;
      if (!list.length) return;
      const rect = element.getBoundingClientRect();
      const x = event.clientX - rect.left;
      const y = event.clientY - rect.top;
      let best: { d: number; text: string } | null = null;
      for (const tie of list) {
        const p = sigma.getNodeDisplayData(organisationKey(tie.a));
        const q = sigma.getNodeDisplayData(organisationKey(tie.b));
        if (!p || !q) continue;
        const d = distanceToSegment({ x, y }, sigma.framedGraphToViewport(p), sigma.framedGraphToViewport(q));
        if (d < 6 && (!best || d < best.d)) best = { d, text: tie.reason };
      }
      setTooltip(best ? { x, y, text: best.text } : null);
    };
    const probe = (event: Event) => {
      if ((event as CustomEvent<{ suggested?: boolean }>).detail?.suggested) element.dataset.probeSuggested = JSON.stringify(drawnTies);
    };
    element.addEventListener('mousemove', move);
    element.addEventListener('bruggen-probe', probe);
    sigma.refresh({ skipIndexation: true });
    return () => {
      sigma.off('afterRender', draw);
      element.removeEventListener('mousemove', move);
      element.removeEventListener('bruggen-probe', probe);
    };
  }, [sigma]);

  useEffect(() => {
    state.current = { ties, active };
    sigma.refresh({ skipIndexation: true });
  }, [sigma, ties, active]);

  return (
    <>
      <canvas ref={canvas} className="graph-overlay" aria-hidden="true" />
      {tooltip && (
        <div className="graph-tooltip" role="tooltip" style={{ left: tooltip.x + 12, top: tooltip.y + 12 }} data-testid="suggestion-tooltip">
          {tooltip.text}
        </div>
      )}
    </>
  );
}

function distanceToSegment(p: { x: number; y: number }, a: { x: number; y: number }, b: { x: number; y: number }): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length2 = dx * dx + dy * dy;
  const t = length2 ? Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / length2)) : 0;
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

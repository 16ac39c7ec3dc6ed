/**
 * Ties drawn dashed over the change map on a canvas of their own (sigma's edge programs draw no
 * dashes): ties lost between two views, and hypothetical ties of a what-if scenario.
 */
import { useEffect, useRef } from 'react';
import type { OverlayTie } from '../../change/mapModel';
import { useSigma } from '../map/SigmaHost';
import { overlayContext } from '../map/overlayCanvas';

export const LOST_COLOUR = '#c0392b';
export const HYPOTHETICAL_COLOUR = '#7b3294';

export function DashedTiesOverlay({ ties }: { ties: readonly OverlayTie[] }) {
  const sigma = useSigma();
  const canvas = useRef<HTMLCanvasElement>(null);
  const list = useRef(ties);

  useEffect(() => {
    const draw = () => {
      const c = canvas.current;
      if (!c) return;
      const overlay = overlayContext(c, sigma);
      if (!overlay) return;
      const { ctx, ratio, width, height } = overlay;
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      ctx.clearRect(0, 0, width, height);
      for (const tie of list.current) {
        const p = sigma.getNodeDisplayData(tie.from);
        const q = sigma.getNodeDisplayData(tie.to);
        if (!p || !q || p.hidden || q.hidden) continue;
        const from = sigma.framedGraphToViewport(p);
        const to = sigma.framedGraphToViewport(q);
        ctx.beginPath();
        ctx.setLineDash(tie.kind === 'lost' ? [5, 4] : [8, 4]);
        ctx.lineWidth = tie.kind === 'lost' ? 1.8 : 2.4;
        ctx.strokeStyle = tie.kind === 'lost' ? LOST_COLOUR : HYPOTHETICAL_COLOUR;
        ctx.globalAlpha = 0.9;
        ctx.moveTo(from.x, from.y);
        ctx.lineTo(to.x, to.y);
        ctx.stroke();
      }
      ctx.globalAlpha = 1;
    };
    sigma.on('afterRender', draw);
    sigma.refresh({ skipIndexation: true });
    return () => {
      sigma.off('afterRender', draw);
    };
  }, [sigma]);

  useEffect(() => {
    list.current = ties;
    sigma.refresh({ skipIndexation: true });
  }, [sigma, ties]);

  return <canvas ref={canvas} className="graph-overlay" aria-hidden="true" />;
}

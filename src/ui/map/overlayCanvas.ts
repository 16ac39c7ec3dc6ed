import type Sigma from 'sigma';
import { skipNeedlessClears2d, transparentWhileClear } from './needlessClears';

/** Overlay contexts whose needless clears are already skipped. */
const quiet = new WeakSet<CanvasRenderingContext2D>();

/**
 * A 2D canvas laid over a sigma map, sized to the map in device pixels (sharp on high-density
 * screens); null when the canvas has no 2D context. The caller sets its own transform.
 */
export function overlayContext(canvas: HTMLCanvasElement, sigma: Pick<Sigma, 'getDimensions'>): { ctx: CanvasRenderingContext2D; ratio: number; width: number; height: number } | null {
  const { width, height } = sigma.getDimensions();
  const ratio = window.devicePixelRatio || 1;
  if (canvas.width !== width * ratio || canvas.height !== height * ratio) {
    canvas.width = width * ratio;
    canvas.height = height * ratio;
    canvas.style.width = `${width}px`;
    canvas.style.height = `${height}px`;
  }
  const ctx = canvas.getContext('2d');
  // Redrawn after every render of the map, mostly with nothing on it: transparent while clear (needlessClears.ts).
  if (ctx && !quiet.has(ctx)) {
    skipNeedlessClears2d(ctx, transparentWhileClear(canvas));
    quiet.add(ctx);
  }
  return ctx ? { ctx, ratio, width, height } : null;
}

/**
 * Edges and labels hidden while the camera moves, once the map is seen to move slowly.
 *
 * The maps hide edges on move above a fixed size (NetworkMap's HIDE_EDGES_ON_MOVE_ABOVE), but a
 * small map can be slow too: without a GPU (software WebGL) every canvas touched in a frame costs
 * a frame interval, so H2020's community overview (841 discs) panned at a median of 117 ms a frame
 * in headless Chromium, and 83 ms with its ties and labels left out while it moves. A fixed size
 * cannot tell those machines from one with a GPU, where hiding would only make the map flicker; the
 * frames themselves can. So the intervals between frames drawn while the camera moves are measured,
 * and when their median over a few frames is slower than SLOW_MOVE_FRAME_MS, sigma's own
 * `hideEdgesOnMove` and `hideLabelsOnMove` are switched on for this instance (a new graph starts
 * measuring again). The container says so in `data-hide-on-move` (`edges`, `labels`) and
 * `data-slow-moves` (the median that decided), for scripts and tests.
 */
import type { MapSigma } from './SigmaHost';

/** Frames slower than this while moving (fewer than 25 a second) make the map hide ties and labels on move. */
export const SLOW_MOVE_FRAME_MS = 40;
/** Frames drawn while moving that are measured before deciding. */
export const MOVE_FRAMES_TO_JUDGE = 8;
/** Two frames drawn further apart than this belong to different gestures: their interval is not a frame time. */
const GESTURE_GAP_MS = 400;

/** The median frame interval when `intervals` are enough to judge and slower than SLOW_MOVE_FRAME_MS; else null. */
export function slowMoveMedian(intervals: readonly number[]): number | null {
  if (intervals.length < MOVE_FRAMES_TO_JUDGE) return null;
  const sorted = [...intervals].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  return median > SLOW_MOVE_FRAME_MS ? median : null;
}

function writeHidden(sigma: MapSigma, element: HTMLElement): void {
  const hidden = [sigma.getSetting('hideEdgesOnMove') ? 'edges' : '', sigma.getSetting('hideLabelsOnMove') ? 'labels' : ''].filter(Boolean);
  element.dataset.hideOnMove = hidden.join(' ');
}

/** Watches the frames drawn while `sigma`'s camera moves (see above); returns the function that stops watching. */
export function hideOnMoveWhenSlow(sigma: MapSigma, element: HTMLElement, now: () => number = () => performance.now()): () => void {
  delete element.dataset.slowMoves;
  writeHidden(sigma, element);
  if (sigma.getSetting('hideEdgesOnMove') && sigma.getSetting('hideLabelsOnMove')) return () => undefined;
  const camera = sigma.getCamera();
  const intervals: number[] = [];
  let moved = false;
  let lastMovingFrame: number | null = null;
  const onCamera = () => void (moved = true);
  const onRender = () => {
    const t = now();
    // A frame after a camera change is one the reader sees while moving; the interval to the
    // previous such frame is its frame time, unless a pause between gestures lies in between.
    if (moved && lastMovingFrame !== null && t - lastMovingFrame < GESTURE_GAP_MS) {
      intervals.push(t - lastMovingFrame);
      // Only the latest frames count, and a map that pans smoothly for hours keeps no more.
      if (intervals.length > MOVE_FRAMES_TO_JUDGE) intervals.shift();
    }
    lastMovingFrame = moved ? t : null;
    moved = false;
    const median = slowMoveMedian(intervals);
    if (median === null) return;
    stop();
    element.dataset.slowMoves = String(Math.round(median));
    sigma.setSetting('hideEdgesOnMove', true);
    sigma.setSetting('hideLabelsOnMove', true);
    writeHidden(sigma, element);
  };
  const stop = () => {
    camera.off('updated', onCamera);
    sigma.off('afterRender', onRender);
  };
  camera.on('updated', onCamera);
  sigma.on('afterRender', onRender);
  return stop;
}

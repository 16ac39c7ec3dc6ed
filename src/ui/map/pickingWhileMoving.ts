/**
 * Sigma finds the node under the mouse by reading a pixel of its picking buffer on every mouse
 * move and wheel event. Reading a pixel waits for the GPU to finish the frame being drawn, and
 * while the camera moves a frame is always being drawn: with software WebGL (headless Chromium,
 * machines without a GPU) each wait held the main thread for 100–500 ms on H2020's map. While the
 * stage itself is being dragged, or a wheel event zooms, nothing can be hovered or picked anyway,
 * so those reads are skipped; clicks, presses on a node and plain hovering still read the pixel.
 */
import type { Attributes } from 'graphology-types';
import type Sigma from 'sigma';

/** Sigma's node picking (a private method in sigma 3.0's types; every mouse handler calls it). */
type Picking = { getNodeAtPosition(position: { x: number; y: number }): string | null };

export function skipPickingWhileMoving<N extends Attributes, E extends Attributes>(sigma: Sigma<N, E>, element: HTMLElement): () => void {
  const picking = sigma as unknown as Picking;
  if (typeof picking.getNodeAtPosition !== 'function') return () => undefined;
  const pick = picking.getNodeAtPosition.bind(sigma);
  let stageDragged = false;
  let zooming = false;
  const onWheel = () => {
    zooming = true;
    // Cleared in the next task: the wheel's own handlers run in this one, a later click does not.
    setTimeout(() => (zooming = false), 0);
  };
  const onDownStage = () => (stageDragged = true);
  const onUp = () => (stageDragged = false);
  picking.getNodeAtPosition = (position) => (stageDragged || zooming ? null : pick(position));
  // Capture on the container: before sigma's own wheel listener on its canvases.
  element.addEventListener('wheel', onWheel, { capture: true, passive: true });
  sigma.on('downStage', onDownStage);
  window.addEventListener('mouseup', onUp, true);
  window.addEventListener('touchend', onUp, true);
  return () => {
    element.removeEventListener('wheel', onWheel, { capture: true });
    sigma.off('downStage', onDownStage);
    window.removeEventListener('mouseup', onUp, true);
    window.removeEventListener('touchend', onUp, true);
  };
}

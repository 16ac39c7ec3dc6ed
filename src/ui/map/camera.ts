import type Sigma from 'sigma';

/**
 * The camera state that shows framed point `at` in the middle of the part of the canvas not
 * covered on the right by `inset` pixels (a drawer over the map).
 */
export function centreInView(sigma: Pick<Sigma, 'getDimensions' | 'viewportToFramedGraph'>, at: { x: number; y: number }, ratio: number, inset = 0): { x: number; y: number; ratio: number } {
  if (!inset) return { x: at.x, y: at.y, ratio };
  const { width, height } = sigma.getDimensions();
  const shift = Math.min(inset, width * 0.6) / 2;
  const q = sigma.viewportToFramedGraph({ x: width / 2 + shift, y: height / 2 }, { cameraState: { x: at.x, y: at.y, ratio, angle: 0 } });
  return { x: q.x, y: q.y, ratio };
}

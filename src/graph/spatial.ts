/**
 * Moving between nodes with the arrow keys: the node "next" in a direction on screen.
 *
 * The distance follows the W3C CSS Spatial Navigation draft ("find the shortest distance",
 * https://drafts.csswg.org/css-nav-1/): the Euclidean distance plus the displacement across the
 * direction of travel, weighted, so a node straight ahead wins over a closer one far to the side.
 * The draft weighs that displacement by 30 (left/right) and 2 (up/down) for rows of text; nodes
 * are points scattered in the plane, so both directions use 2 here. Only nodes ahead (in the
 * half-plane of the direction) count, and among those, nodes within about 70° of the direction
 * come first, so → never jumps to a node far up or down. Pure.
 */

export type Direction = 'left' | 'right' | 'up' | 'down';

export const ORTHOGONAL_WEIGHT = 2;
/** Across/along ratio of the preferred cone (tan 70° ≈ 2.75). */
const CONE = 2.75;

export interface ScreenPoint {
  key: string;
  x: number;
  y: number;
}

/** Screen coordinates (y grows downwards). Returns the key of the next point, or null. */
export function nearestInDirection(from: { x: number; y: number }, points: readonly ScreenPoint[], direction: Direction, exclude?: string): string | null {
  let best: string | null = null;
  let bestScore = Infinity;
  let bestInCone = false;
  for (const p of points) {
    if (p.key === exclude) continue;
    const dx = p.x - from.x;
    const dy = p.y - from.y;
    const along = direction === 'right' ? dx : direction === 'left' ? -dx : direction === 'down' ? dy : -dy;
    const across = Math.abs(direction === 'left' || direction === 'right' ? dy : dx);
    if (along <= 0) continue;
    const inCone = across <= along * CONE;
    const score = Math.hypot(dx, dy) + ORTHOGONAL_WEIGHT * across;
    if ((inCone && !bestInCone) || (inCone === bestInCone && (score < bestScore || (score === bestScore && best !== null && p.key < best)))) {
      best = p.key;
      bestScore = score;
      bestInCone = inCone;
    }
  }
  return best;
}

/** The point nearest to a position (where keyboard navigation starts when nothing is focused). */
export function nearestTo(at: { x: number; y: number }, points: readonly ScreenPoint[]): string | null {
  let best: string | null = null;
  let bestD = Infinity;
  for (const p of points) {
    const d = Math.hypot(p.x - at.x, p.y - at.y);
    if (d < bestD) {
      bestD = d;
      best = p.key;
    }
  }
  return best;
}

/** The next (step +1) or previous (−1) item of a cycle, starting before the first. */
export function cycle<T>(items: readonly T[], current: number, step: 1 | -1): number {
  if (!items.length) return -1;
  if (current < 0) return step > 0 ? 0 : items.length - 1;
  return (current + step + items.length) % items.length;
}

/**
 * The node under the mouse, found on the CPU.
 *
 * Sigma v3 finds it by drawing every node a second time in a colour that encodes its index and
 * reading one pixel of that picture back from the GPU (`readPixels`). The read waits for the GPU to
 * finish the frame being drawn: 80–540 ms a time in software WebGL on H2020's overview, on every
 * hover, press and release (bench:browser --profile), the longest tasks of the page. Here the same
 * question is answered from the positions sigma already holds: the disc a node is drawn as (its
 * centre on screen and `scaleSize(size)` as radius, as sigma draws it and its hover ring), and of
 * the discs under the point the one drawn last: highest zIndex, then latest in the graph's order,
 * which is sigma's drawing order. A pass over 36,000 nodes takes 0.6–0.8 ms (in Node, with a
 * stand-in for sigma).
 *
 * Ties (where they can be clicked: maps of at most 20,000 ties) are picked the same way, against
 * the rectangle sigma's default edge program (EdgeRectangleProgram, sigma 3.0) draws between the
 * two centres: as wide on screen as `max(scaleSize(size), minEdgeThickness)` pixels, with no caps
 * at the ends. Ties of a hidden organisation are not drawn, so not picked; of overlapping ties the
 * one drawn last wins (zIndex, then graph order, as for nodes).
 */
import type { Coordinates, EdgeDisplayData, NodeDisplayData } from 'sigma/types';

/** What picking reads from a sigma instance (the real one, or a stand-in in the tests). */
export interface PickingSource {
  getGraph(): { forEachNode(callback: (node: string) => void): void };
  getNodeDisplayData(node: string): Pick<NodeDisplayData, 'x' | 'y' | 'size' | 'hidden' | 'zIndex'> | undefined;
  framedGraphToViewport(coordinates: Coordinates): Coordinates;
  scaleSize(size: number): number;
  getSetting(key: 'zIndex'): boolean;
}

/** What tie picking reads besides the nodes (the real sigma, or a stand-in in the tests). */
export interface EdgePickingSource extends Omit<PickingSource, 'getGraph' | 'getSetting'> {
  getGraph(): { forEachEdge(callback: (edge: string, attributes: unknown, source: string, target: string) => void): void };
  getEdgeDisplayData(edge: string): Pick<EdgeDisplayData, 'size' | 'hidden' | 'zIndex'> | undefined;
  viewportToFramedGraph(coordinates: Coordinates): Coordinates;
  getSetting(key: 'zIndex'): boolean;
  getSetting(key: 'minEdgeThickness'): number;
}

/** The key of the node drawn on top at `point` (viewport pixels), or null when there is none. */
export function nodeAtPoint(sigma: PickingSource, point: Coordinates): string | null {
  const byZIndex = sigma.getSetting('zIndex');
  let found: string | null = null;
  let foundZ = -Infinity;
  sigma.getGraph().forEachNode((node) => {
    const data = sigma.getNodeDisplayData(node);
    if (!data || data.hidden) return;
    const radius = sigma.scaleSize(data.size);
    const centre = sigma.framedGraphToViewport(data);
    const dx = centre.x - point.x;
    const dy = centre.y - point.y;
    if (dx * dx + dy * dy > radius * radius) return;
    const z = byZIndex ? data.zIndex : 0;
    // `>=`: of equal zIndex, the later node is drawn over the earlier one.
    if (z >= foundZ) {
      found = node;
      foundZ = z;
    }
  });
  return found;
}

/**
 * The key of the tie drawn on top at `point` (viewport pixels), or null when there is none. The
 * test runs in sigma's framed-graph coordinates, which the viewport only scales (uniformly),
 * rotates and shifts: the point is converted once instead of both ends of every tie.
 */
export function edgeAtPoint(sigma: EdgePickingSource, point: Coordinates): string | null {
  const byZIndex = sigma.getSetting('zIndex');
  const minThickness = sigma.getSetting('minEdgeThickness');
  const at = sigma.viewportToFramedGraph(point);
  // Viewport pixels per framed-graph unit, from a unit step converted the other way.
  const origin = sigma.framedGraphToViewport({ x: 0, y: 0 });
  const unit = sigma.framedGraphToViewport({ x: 1, y: 0 });
  const pixels = Math.hypot(unit.x - origin.x, unit.y - origin.y);
  if (!(pixels > 0)) return null;
  let found: string | null = null;
  let foundZ = -Infinity;
  sigma.getGraph().forEachEdge((edge, _attributes, source, target) => {
    const a = sigma.getNodeDisplayData(source);
    const b = sigma.getNodeDisplayData(target);
    if (!a || !b || a.hidden || b.hidden) return;
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const length2 = dx * dx + dy * dy;
    if (length2 === 0) return;
    // Position along the tie (0 at the source, 1 at the target) and distance from its axis.
    const along = ((at.x - a.x) * dx + (at.y - a.y) * dy) / length2;
    if (along < 0 || along > 1) return;
    const across = (Math.abs((at.x - a.x) * dy - (at.y - a.y) * dx) / Math.sqrt(length2)) * pixels;
    const data = sigma.getEdgeDisplayData(edge);
    if (!data || data.hidden) return;
    if (across > Math.max(sigma.scaleSize(data.size), minThickness) / 2) return;
    const z = byZIndex ? data.zIndex : 0;
    if (z >= foundZ) {
      found = edge;
      foundZ = z;
    }
  });
  return found;
}

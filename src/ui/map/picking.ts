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
 * Ties are still picked by sigma (its edge picking is only on for maps of at most 20,000 ties).
 */
import type { Coordinates, NodeDisplayData } from 'sigma/types';

/** What picking reads from a sigma instance (the real one, or a stand-in in the tests). */
export interface PickingSource {
  getGraph(): { forEachNode(callback: (node: string) => void): void };
  getNodeDisplayData(node: string): Pick<NodeDisplayData, 'x' | 'y' | 'size' | 'hidden' | 'zIndex'> | undefined;
  framedGraphToViewport(coordinates: Coordinates): Coordinates;
  scaleSize(size: number): number;
  getSetting(key: 'zIndex'): boolean;
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

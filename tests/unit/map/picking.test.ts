import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nodeAtPoint, type PickingSource } from '../../../src/ui/map/picking';

interface Disc {
  key: string;
  x: number;
  y: number;
  size: number;
  zIndex?: number;
  hidden?: boolean;
}

/**
 * A stand-in for sigma: framed graph coordinates are viewport pixels shifted by (100, 50), and
 * sizes are drawn at twice their value (a zoomed-in camera), so the picking must use sigma's
 * conversions and not the raw attributes.
 */
function source(discs: Disc[], zIndex = true): PickingSource {
  const byKey = new Map(discs.map((d) => [d.key, d]));
  return {
    getGraph: () => ({ forEachNode: (callback) => discs.forEach((d) => callback(d.key)) }),
    getNodeDisplayData: (node) => {
      const d = byKey.get(node);
      return d && { x: d.x, y: d.y, size: d.size, hidden: d.hidden ?? false, zIndex: d.zIndex ?? 0 };
    },
    framedGraphToViewport: ({ x, y }) => ({ x: x + 100, y: y + 50 }),
    scaleSize: (size) => size * 2,
    getSetting: () => zIndex,
  };
}

describe('finding the organisation under the mouse without reading pixels back', () => {
  it('finds the disc under the point on screen, and nothing beside it', () => {
    const map = source([{ key: 'a', x: 0, y: 0, size: 5 }]);
    expect(nodeAtPoint(map, { x: 100, y: 50 })).toBe('a');
    // Radius on screen 10: inside at 9.9, outside at 10.1.
    expect(nodeAtPoint(map, { x: 109.9, y: 50 })).toBe('a');
    expect(nodeAtPoint(map, { x: 110.1, y: 50 })).toBeNull();
    expect(nodeAtPoint(map, { x: 107, y: 57 })).toBe('a');
    expect(nodeAtPoint(map, { x: 108, y: 58 })).toBeNull();
  });

  it('takes the disc drawn on top: highest zIndex, then the later one', () => {
    const discs: Disc[] = [
      { key: 'low', x: 0, y: 0, size: 10, zIndex: 0 },
      { key: 'high', x: 4, y: 0, size: 10, zIndex: 2 },
      { key: 'later', x: 8, y: 0, size: 10, zIndex: 0 },
    ];
    expect(nodeAtPoint(source(discs), { x: 104, y: 50 })).toBe('high');
    // Without sigma's zIndex setting, the drawing order is the graph's order.
    expect(nodeAtPoint(source(discs, false), { x: 104, y: 50 })).toBe('later');
    expect(nodeAtPoint(source([discs[0]!, discs[2]!]), { x: 104, y: 50 })).toBe('later');
    expect(nodeAtPoint(source([discs[0]!, discs[2]!]), { x: 85, y: 50 })).toBe('low');
  });

  it('skips hidden organisations', () => {
    const discs: Disc[] = [
      { key: 'shown', x: 0, y: 0, size: 10 },
      { key: 'hidden', x: 0, y: 0, size: 10, zIndex: 5, hidden: true },
    ];
    expect(nodeAtPoint(source(discs), { x: 100, y: 50 })).toBe('shown');
    expect(nodeAtPoint(source([discs[1]!]), { x: 100, y: 50 })).toBeNull();
  });

  it('always answers with a disc that covers the point, and none drawn above it does', () => {
    const disc = fc.record({
      x: fc.integer({ min: -50, max: 50 }),
      y: fc.integer({ min: -50, max: 50 }),
      size: fc.integer({ min: 1, max: 20 }),
      zIndex: fc.integer({ min: 0, max: 3 }),
      hidden: fc.boolean(),
    });
    const point = fc.record({ x: fc.integer({ min: 40, max: 160 }), y: fc.integer({ min: -10, max: 110 }) });
    fc.assert(
      fc.property(fc.array(disc, { maxLength: 30 }), point, (raw, at) => {
        const discs = raw.map((d, i) => ({ ...d, key: String(i) }));
        const covers = (d: Disc) => !d.hidden && (d.x + 100 - at.x) ** 2 + (d.y + 50 - at.y) ** 2 <= (2 * d.size) ** 2;
        const found = nodeAtPoint(source(discs), at);
        if (found === null) return discs.every((d) => !covers(d));
        const i = Number(found);
        const chosen = discs[i]!;
        return covers(chosen) && discs.every((d, j) => !covers(d) || d.zIndex < chosen.zIndex || (d.zIndex === chosen.zIndex && j <= i));
      }),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { edgeAtPoint, nodeAtPoint, type EdgePickingSource, type PickingSource } from '../../../src/ui/map/picking';

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

interface Tie {
  key: string;
  source: string;
  target: string;
  size: number;
  zIndex?: number;
  hidden?: boolean;
}

/** A camera that zooms by `scale` and turns by `angle` about (100, 50), as sigma's viewport may. */
function camera(scale: number, angle: number) {
  const [c, s] = [Math.cos(angle), Math.sin(angle)];
  return {
    framedGraphToViewport: ({ x, y }: { x: number; y: number }) => ({ x: 100 + scale * (c * x - s * y), y: 50 + scale * (s * x + c * y) }),
    viewportToFramedGraph: ({ x, y }: { x: number; y: number }) => ({ x: (c * (x - 100) + s * (y - 50)) / scale, y: (-s * (x - 100) + c * (y - 50)) / scale }),
  };
}

/** The stand-in of `source` with ties, under a camera (default: the shift of `source`); sigma's minEdgeThickness is 1.7 px. */
function withTies(discs: Disc[], ties: Tie[], zIndex = true, view = camera(1, 0)): EdgePickingSource {
  const nodes = source(discs, zIndex);
  const byKey = new Map(ties.map((t) => [t.key, t]));
  return {
    ...nodes,
    ...view,
    getGraph: () => ({ forEachEdge: (callback) => ties.forEach((t) => callback(t.key, {}, t.source, t.target)) }),
    getEdgeDisplayData: (edge) => {
      const t = byKey.get(edge);
      return t && { size: t.size, hidden: t.hidden ?? false, zIndex: t.zIndex ?? 0 };
    },
    getSetting: ((key: string) => (key === 'zIndex' ? zIndex : 1.7)) as EdgePickingSource['getSetting'],
  };
}

describe('finding the tie under the mouse without reading pixels back', () => {
  const ends: Disc[] = [
    { key: 'a', x: 0, y: 0, size: 1 },
    { key: 'b', x: 100, y: 0, size: 1 },
    { key: 'c', x: 0, y: 40, size: 1 },
  ];

  it('finds the tie as wide as sigma draws it, between the two centres and not beyond', () => {
    // Size 2 is 4 px wide on screen (scaleSize doubles), 2 px each side of the axis.
    const map = withTies(ends, [{ key: 'ab', source: 'a', target: 'b', size: 2 }]);
    expect(edgeAtPoint(map, { x: 150, y: 50 })).toBe('ab');
    expect(edgeAtPoint(map, { x: 150, y: 51.9 })).toBe('ab');
    expect(edgeAtPoint(map, { x: 150, y: 52.1 })).toBeNull();
    expect(edgeAtPoint(map, { x: 100, y: 48.5 })).toBe('ab');
    // No caps: nothing before the source's centre or after the target's.
    expect(edgeAtPoint(map, { x: 99, y: 50 })).toBeNull();
    expect(edgeAtPoint(map, { x: 201, y: 50 })).toBeNull();
    // A thin tie is still 1.7 px wide (minEdgeThickness).
    const thin = withTies(ends, [{ key: 'ab', source: 'a', target: 'b', size: 0.1 }]);
    expect(edgeAtPoint(thin, { x: 150, y: 50.8 })).toBe('ab');
    expect(edgeAtPoint(thin, { x: 150, y: 50.9 })).toBeNull();
  });

  it('takes the tie drawn on top, and skips hidden ties and ties of hidden organisations', () => {
    const ties: Tie[] = [
      { key: 'low', source: 'a', target: 'b', size: 4, zIndex: 0 },
      { key: 'high', source: 'a', target: 'b', size: 4, zIndex: 1 },
      { key: 'later', source: 'a', target: 'b', size: 4, zIndex: 0 },
    ];
    expect(edgeAtPoint(withTies(ends, ties), { x: 150, y: 50 })).toBe('high');
    expect(edgeAtPoint(withTies(ends, ties, false), { x: 150, y: 50 })).toBe('later');
    expect(edgeAtPoint(withTies(ends, [ties[0]!, { ...ties[2]!, hidden: true }]), { x: 150, y: 50 })).toBe('low');
    const hiddenEnd = ends.map((d) => (d.key === 'b' ? { ...d, hidden: true } : d));
    expect(edgeAtPoint(withTies(hiddenEnd, ties), { x: 150, y: 50 })).toBeNull();
  });

  it('measures a tie\'s width on screen whatever the camera\'s zoom and turn', () => {
    // Zoomed 3× and turned a quarter: the tie from a to b runs down the screen from (100, 50) to (100, 350).
    const view = camera(3, Math.PI / 2);
    const map = withTies(ends, [{ key: 'ab', source: 'a', target: 'b', size: 2 }], true, view);
    expect(edgeAtPoint(map, { x: 100, y: 200 })).toBe('ab');
    // 4 px wide on screen (scaleSize doubles the size), not 4 graph units (12 px).
    expect(edgeAtPoint(map, { x: 101.9, y: 200 })).toBe('ab');
    expect(edgeAtPoint(map, { x: 102.1, y: 200 })).toBeNull();
    expect(edgeAtPoint(map, { x: 100, y: 351 })).toBeNull();
  });

  it('always answers with a tie that covers the point, and none drawn above it does', () => {
    const point = fc.record({ x: fc.integer({ min: 40, max: 160 }), y: fc.integer({ min: -10, max: 110 }) });
    const disc = fc.record({ x: fc.integer({ min: -50, max: 50 }), y: fc.integer({ min: -50, max: 50 }), hidden: fc.boolean() });
    const tie = fc.record({ s: fc.nat(9), t: fc.nat(9), size: fc.integer({ min: 0, max: 6 }), zIndex: fc.integer({ min: 0, max: 2 }), hidden: fc.boolean() });
    fc.assert(
      fc.property(fc.array(disc, { minLength: 10, maxLength: 10 }), fc.array(tie, { maxLength: 25 }), point, fc.constantFrom(0.5, 1, 2.5), fc.constantFrom(0, 0.7, Math.PI), (rawDiscs, rawTies, at, scale, angle) => {
        const view = camera(scale, angle);
        const discs = rawDiscs.map((d, i) => ({ ...d, key: `n${i}`, size: 1 }));
        const ties = rawTies.map((t, i) => ({ key: String(i), source: `n${t.s}`, target: `n${t.t}`, size: t.size, zIndex: t.zIndex, hidden: t.hidden }));
        // Independent of the implementation: the point's distance to the segment, by the closest point on it.
        const covers = (t: Tie) => {
          const a = discs[Number(t.source.slice(1))]!;
          const b = discs[Number(t.target.slice(1))]!;
          if (t.hidden || a.hidden || b.hidden || (a.x === b.x && a.y === b.y)) return false;
          const [pa, pb] = [view.framedGraphToViewport(a), view.framedGraphToViewport(b)];
          const [ax, ay, bx, by] = [pa.x, pa.y, pb.x, pb.y];
          const f = ((at.x - ax) * (bx - ax) + (at.y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2);
          const half = Math.max(2 * t.size, 1.7) / 2;
          const across = Math.hypot(at.x - (ax + f * (bx - ax)), at.y - (ay + f * (by - ay)));
          // On the border within rounding (the implementation works in graph units): either answer.
          if (Math.abs(f) < 1e-9 || Math.abs(f - 1) < 1e-9 || Math.abs(across - half) < 1e-9) onBorder = true;
          return f >= 0 && f <= 1 && across <= half;
        };
        let onBorder = false;
        ties.forEach(covers);
        if (onBorder) return true;
        const found = edgeAtPoint(withTies(discs, ties, true, view), at);
        if (found === null) return ties.every((t) => !covers(t));
        const i = Number(found);
        const chosen = ties[i]!;
        return covers(chosen) && ties.every((t, j) => !covers(t) || t.zIndex! < chosen.zIndex! || (t.zIndex === chosen.zIndex && j <= i));
      }),
    );
  });
});

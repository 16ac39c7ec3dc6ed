import { describe, expect, it } from 'vitest';
import { cycle, nearestInDirection, nearestTo, type ScreenPoint } from '../../../src/graph/spatial';

// A plus sign around the origin, and two more points.
const points: ScreenPoint[] = [
  { key: 'o', x: 0, y: 0 },
  { key: 'right', x: 100, y: 0 },
  { key: 'left', x: -100, y: 0 },
  { key: 'up', x: 0, y: -100 },
  { key: 'down', x: 0, y: 100 },
  { key: 'near-but-aside', x: 30, y: 60 },
  { key: 'far-right', x: 300, y: 10 },
];

describe('spatial keyboard navigation', () => {
  it('goes to the node straight ahead in each direction (screen y grows downwards)', () => {
    expect(nearestInDirection({ x: 0, y: 0 }, points, 'right', 'o')).toBe('right');
    expect(nearestInDirection({ x: 0, y: 0 }, points, 'left', 'o')).toBe('left');
    expect(nearestInDirection({ x: 0, y: 0 }, points, 'up', 'o')).toBe('up');
    expect(nearestInDirection({ x: 0, y: 0 }, points, 'down', 'o')).toBe('down');
  });

  it('prefers a node ahead over a closer one off to the side', () => {
    // near-but-aside is 67 px away but mostly downwards; → goes to "right" (100 px, straight ahead).
    expect(nearestInDirection({ x: 0, y: 0 }, points, 'right', 'o')).toBe('right');
  });

  it('stops at the edge: nothing further in that direction', () => {
    expect(nearestInDirection({ x: 300, y: 10 }, points, 'right', 'far-right')).toBeNull();
  });

  it('falls back to nodes outside the cone when there is nothing within it', () => {
    const only = [{ key: 'a', x: 0, y: 0 }, { key: 'steep', x: 10, y: 200 }];
    expect(nearestInDirection({ x: 0, y: 0 }, only, 'right', 'a')).toBe('steep');
  });

  it('starts at the node nearest to a point', () => {
    expect(nearestTo({ x: 90, y: 5 }, points)).toBe('right');
    expect(nearestTo({ x: 0, y: 0 }, [])).toBeNull();
  });

  it('goes round a list both ways', () => {
    expect(cycle(['a', 'b', 'c'], -1, 1)).toBe(0);
    expect(cycle(['a', 'b', 'c'], -1, -1)).toBe(2);
    expect(cycle(['a', 'b', 'c'], 2, 1)).toBe(0);
    expect(cycle(['a', 'b', 'c'], 0, -1)).toBe(2);
    expect(cycle([], 0, 1)).toBe(-1);
  });
});

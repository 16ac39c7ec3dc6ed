import { describe, expect, it } from 'vitest';
import { mapPicture } from '../../../src/export/mapPicture';
import { everythingVisible } from '../../../src/filters/filters';
import { denHaagView } from '../../helpers/denHaag';

describe('the map as a vector picture (print)', () => {
  const fx = denHaagView();
  const n = fx.network.organisations.length;
  const positions = { x: Float32Array.from({ length: n }, (_v, i) => (i * 37) % 101), y: Float32Array.from({ length: n }, (_v, i) => (i * 53) % 89) };
  const look = { colour: Array.from({ length: n }, (_v, i) => (i % 2 ? '#0072b2' : '#d55e00')), size: Float32Array.from({ length: n }, (_v, i) => 2 + (i % 9)) };

  it('draws every visible organisation inside the frame with the map’s colours', () => {
    const p = mapPicture({ network: fx.network, positions, visibility: fx.visibility, look });
    expect(p.nodes).toHaveLength(fx.visibility.counts.organisations);
    for (const node of p.nodes) {
      expect(node.x).toBeGreaterThanOrEqual(0);
      expect(node.x).toBeLessThanOrEqual(p.width);
      expect(node.y).toBeGreaterThanOrEqual(0);
      expect(node.y).toBeLessThanOrEqual(p.height);
    }
    expect(new Set(p.nodes.map((x) => x.colour))).toEqual(new Set(['#0072b2', '#d55e00']));
    expect(p.tiesDrawn).toBe(fx.visibility.counts.ties);
  });

  it('places labels that never overlap, the selected organisation first', () => {
    const selected = 5;
    const p = mapPicture({ network: fx.network, positions, visibility: fx.visibility, look, selected, maxLabels: 40 });
    expect(p.labels[0]!.text).toBe(fx.network.organisations[selected]!.name);
    const boxes = p.labels.map((l) => ({ x1: l.x, x2: l.x + l.text.length * 6.2 + 4, y1: l.y - 10, y2: l.y + 3 }));
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i]!, boxes[j]!];
        expect(a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2, `${p.labels[i]!.text} / ${p.labels[j]!.text}`).toBe(false);
      }
  });

  it('keeps the strongest ties when thinning, rings the highlighted, dims the rest, and numbers suggested ties', () => {
    const all = everythingVisible(fx.network);
    const p = mapPicture({ network: fx.network, positions, visibility: all, look, maxTies: 10, highlight: new Set([1, 2]), suggested: [{ a: 1, b: 2, number: 7 }] });
    expect(p.tiesDrawn).toBe(10);
    expect(p.tiesVisible).toBe(fx.network.projection.ties.m);
    const weights = Array.from(all.tieWeight).sort((a, b) => b - a);
    // Widths grow with weight: the thinnest drawn tie is as strong as the tenth strongest of all.
    const thinnest = p.ties.reduce((w, t) => Math.min(w, t.w), Infinity);
    expect(thinnest).toBeCloseTo(0.4 + (1.6 * weights[9]!) / weights[0]!, 9);
    expect(p.nodes.filter((x) => x.ring)).toHaveLength(2);
    expect(p.nodes.filter((x) => x.dim)).toHaveLength(p.nodes.length - 2);
    expect(p.suggested).toEqual([expect.objectContaining({ number: 7 })]);
  });

  it('is empty, not broken, when nothing is visible', () => {
    const none = { ...fx.visibility, orgs: new Uint8Array(n) };
    const p = mapPicture({ network: fx.network, positions, visibility: none, look });
    expect([p.nodes.length, p.ties.length, p.labels.length]).toEqual([0, 0, 0]);
  });
});

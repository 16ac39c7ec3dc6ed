import { describe, expect, it } from 'vitest';
import {
  areaRadius,
  contrastRatio,
  divergingColour,
  DIVERGING_STOPS,
  NEUTRAL_COLOUR,
  ratioColour,
  ratioPosition,
  readableTextColour,
  relativeLuminance,
  tieWidth,
} from '../../../src/ui/analysis/colourScale';

describe('diverging ratio scale', () => {
  it('puts 1 at white and is symmetric on a log scale', () => {
    expect(ratioPosition(1)).toBe(0);
    expect(ratioColour(1)).toBe('#ffffff');
    expect(ratioPosition(2)).toBeCloseTo(-ratioPosition(0.5)!, 12);
    expect(ratioPosition(4)).toBe(1);
    expect(ratioPosition(0.25)).toBe(-1);
  });

  it('clamps extreme ratios and treats no ties as the far low end', () => {
    expect(ratioPosition(100)).toBe(1);
    expect(ratioPosition(0.001)).toBe(-1);
    expect(ratioPosition(0)).toBe(-1);
    expect(ratioColour(0)).toBe(DIVERGING_STOPS[0]![1]);
  });

  it('returns the neutral colour when there is no expectation', () => {
    expect(ratioPosition(null)).toBeNull();
    expect(ratioPosition(Number.NaN)).toBeNull();
    expect(ratioColour(null)).toBe(NEUTRAL_COLOUR);
  });

  it('hits every stop and gets darker away from the middle', () => {
    for (const [t, c] of DIVERGING_STOPS) expect(divergingColour(t)).toBe(c);
    let prev = relativeLuminance(divergingColour(0));
    for (let t = 0.05; t <= 1.0001; t += 0.05) {
      const l = relativeLuminance(divergingColour(t));
      expect(l).toBeLessThanOrEqual(prev + 1e-9);
      prev = l;
    }
    prev = relativeLuminance(divergingColour(0));
    for (let t = -0.05; t >= -1.0001; t -= 0.05) {
      const l = relativeLuminance(divergingColour(t));
      expect(l).toBeLessThanOrEqual(prev + 1e-9);
      prev = l;
    }
  });

  it('keeps the low and high ends apart in hue (blue vs orange)', () => {
    const low = divergingColour(-1);
    const high = divergingColour(1);
    const rgb = (h: string) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));
    const [lr, , lb] = rgb(low);
    const [hr, , hb] = rgb(high);
    expect(lb!).toBeGreaterThan(lr!);
    expect(hr!).toBeGreaterThan(hb!);
  });

  it('chooses a text colour with at least AA contrast on every cell colour', () => {
    for (let t = -1; t <= 1.0001; t += 0.02) {
      const bg = divergingColour(t);
      expect(contrastRatio(bg, readableTextColour(bg)), bg).toBeGreaterThanOrEqual(4.5);
    }
    expect(contrastRatio(NEUTRAL_COLOUR, readableTextColour(NEUTRAL_COLOUR))).toBeGreaterThanOrEqual(4.5);
  });

  it('computes WCAG contrast', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#777777')).toBeCloseTo(1, 10);
    // The accent, the muted grey and the missing-bridge red on white.
    expect(contrastRatio('#0b5cad', '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio('#5b6474', '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio('#c00000', '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });
});

describe('size scales', () => {
  it('makes circle area proportional to the count', () => {
    const r1 = areaRadius(9, 36, 30);
    const r2 = areaRadius(36, 36, 30);
    expect(r2).toBe(30);
    expect((r1 * r1) / (r2 * r2)).toBeCloseTo(9 / 36, 12);
    expect(areaRadius(0, 36, 30, 4)).toBe(4);
    expect(areaRadius(1, 10000, 30, 4)).toBe(4);
    expect(areaRadius(5, 0, 30, 2)).toBe(2);
  });

  it('grows tie width linearly from min to max', () => {
    expect(tieWidth(0, 10)).toBe(0);
    expect(tieWidth(1, 10, 1, 9)).toBe(1);
    expect(tieWidth(10, 10, 1, 9)).toBe(9);
    expect(tieWidth(5.5, 10, 1, 9)).toBeCloseTo(5, 12);
    expect(tieWidth(3, 1, 1, 9)).toBe(1);
  });
});

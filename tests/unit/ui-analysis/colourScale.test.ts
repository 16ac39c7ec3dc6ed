import { SECTORS, SECTOR_INFO } from '../../../src/data/sectors';
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

  it('stays clear of every sector colour (CIELAB ΔE ≥ 20 wherever the scale is not near white)', () => {
    // sRGB → CIELAB (D65), written out here as an independent check of the palette.
    const lab = (hex: string) => {
      const lin = [1, 3, 5].map((i) => {
        const c = parseInt(hex.slice(i, i + 2), 16) / 255;
        return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      const [r, g, b] = lin as [number, number, number];
      const xyz = [(0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047, 0.2126 * r + 0.7152 * g + 0.0722 * b, (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883];
      const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
      const [fx, fy, fz] = xyz.map(f) as [number, number, number];
      return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
    };
    const deltaE = (a: string, b: string) => {
      const [x, y] = [lab(a), lab(b)];
      return Math.sqrt(x.reduce((sum, v, i) => sum + (v - y[i]!) ** 2, 0));
    };
    for (let t = -1; t <= 1.0001; t += 0.05) {
      if (Math.abs(t) < 0.2) continue;
      const cell = divergingColour(t);
      for (const sector of SECTORS) expect(deltaE(cell, SECTOR_INFO[sector].colour), `${cell} vs ${sector}`).toBeGreaterThanOrEqual(20);
    }
  });

  it('keeps the low and high ends apart in hue (violet vs olive)', () => {
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

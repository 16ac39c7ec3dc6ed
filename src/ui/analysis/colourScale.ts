/**
 * Colour scales of the analysis views. Pure.
 *
 * The observed/expected ratio is shown on a diverging violet–white–olive scale, on a log₂ axis so
 * that ½× and 2× are equally far from 1× (white). Colour-blind safe: it varies in lightness and in
 * the blue–yellow direction that the common colour-vision deficiencies keep. Its hues stay clear
 * of the sector colours (Okabe–Ito): every colour on it with |t| ≥ 0.2 is at least ΔE 20 (CIELAB)
 * from each of them, so a cell is never read as a sector.
 */

/** Ratios are clamped to [1/RATIO_CLAMP, RATIO_CLAMP]: ¼× is fully violet, 4× fully olive. */
export const RATIO_CLAMP = 4;
/** Tick marks of the legend. */
export const RATIO_TICKS = [0.25, 0.5, 1, 2, 4] as const;

/** Stops from −1 (far below expected) to +1 (far above). */
export const DIVERGING_STOPS: readonly [number, string][] = [
  [-1, '#3f007d'],
  [-0.5, '#bcbddc'],
  [0, '#ffffff'],
  [0.5, '#d9d98c'],
  [1, '#4d4d00'],
];

/** Colour of cells without an expectation (no ties at all in the sector). */
export const NEUTRAL_COLOUR = '#eef0f3';

/** Dark text and white text used on coloured backgrounds. */
export const DARK_TEXT = '#1d2330';
export const LIGHT_TEXT = '#ffffff';

/**
 * Position of a ratio on the diverging axis, −1..1 (log₂ scale, 1 → 0). 0 (no ties) → −1;
 * null/NaN → null.
 */
export function ratioPosition(ratio: number | null | undefined): number | null {
  if (ratio === null || ratio === undefined || Number.isNaN(ratio)) return null;
  if (ratio <= 0) return -1;
  const limit = Math.log2(RATIO_CLAMP);
  const p = Math.log2(ratio) / limit;
  return Math.max(-1, Math.min(1, p));
}

function parseHex(hex: string): [number, number, number] {
  const h = hex.replace('#', '');
  const full = h.length === 3 ? h.replace(/./g, (c) => c + c) : h;
  return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as [number, number, number];
}

function toHex([r, g, b]: readonly number[]): string {
  return `#${[r, g, b].map((v) => Math.round(Math.max(0, Math.min(255, v!))).toString(16).padStart(2, '0')).join('')}`;
}

/** Piecewise-linear interpolation between the diverging stops; t in −1..1. */
export function divergingColour(t: number): string {
  const x = Math.max(-1, Math.min(1, t));
  for (let i = 1; i < DIVERGING_STOPS.length; i++) {
    const [t1, c1] = DIVERGING_STOPS[i]!;
    const [t0, c0] = DIVERGING_STOPS[i - 1]!;
    if (x <= t1) {
      const f = t1 === t0 ? 0 : (x - t0) / (t1 - t0);
      const a = parseHex(c0);
      const b = parseHex(c1);
      return toHex(a.map((v, k) => v + (b[k]! - v) * f));
    }
  }
  return DIVERGING_STOPS[DIVERGING_STOPS.length - 1]![1];
}

/** Background colour for an observed/expected ratio (neutral grey when there is no expectation). */
export function ratioColour(ratio: number | null | undefined): string {
  const p = ratioPosition(ratio);
  return p === null ? NEUTRAL_COLOUR : divergingColour(p);
}

/** CSS linear-gradient of the whole diverging scale, left (−1) to right (+1). */
export function divergingGradient(): string {
  return `linear-gradient(to right, ${DIVERGING_STOPS.map(([t, c]) => `${c} ${((t + 1) / 2) * 100}%`).join(', ')})`;
}

/** WCAG relative luminance of a #rrggbb colour. */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = parseHex(hex).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio between two colours (1–21). */
export function contrastRatio(a: string, b: string): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/**
 * Text colour for a background with at least AA contrast (4.5:1): the usual dark ink or white,
 * whichever contrasts more, and pure black for the mid-tones where neither reaches 4.5 (black or
 * white always reaches 4.58).
 */
export function readableTextColour(background: string): string {
  const dark = contrastRatio(background, DARK_TEXT);
  const light = contrastRatio(background, LIGHT_TEXT);
  if (Math.max(dark, light) >= 4.5) return dark >= light ? DARK_TEXT : LIGHT_TEXT;
  return contrastRatio(background, '#000000') >= light ? '#000000' : LIGHT_TEXT;
}

/** Circle radius with area proportional to `count` (radius rMax for maxCount), never below rMin. */
export function areaRadius(count: number, maxCount: number, rMax: number, rMin = 0): number {
  if (!(maxCount > 0) || !(count > 0)) return rMin;
  return Math.max(rMin, rMax * Math.sqrt(count / maxCount));
}

/** Stroke width growing linearly with the number of ties, from `min` (1 tie) to `max` (maxTies). */
export function tieWidth(ties: number, maxTies: number, min = 1, max = 9): number {
  if (!(ties > 0) || !(maxTies > 0)) return 0;
  if (maxTies <= 1) return min;
  return min + ((max - min) * (ties - 1)) / (maxTies - 1);
}

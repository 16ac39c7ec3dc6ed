// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';

const seen: { ratio: number; options: unknown }[] = [];
const drawn: string[] = [];

function fakeCanvas(ratio: number) {
  const ctx = new Proxy(
    {
      measureText: (text: string) => ({ width: text.length * 6 * ratio }),
      fillText: (text: string) => drawn.push(text),
    } as Record<string, unknown>,
    { get: (target, key: string) => (key in target ? target[key] : () => {}), set: () => true },
  );
  return {
    width: 800 * ratio,
    height: 500 * ratio,
    getContext: () => ctx,
    toBlob: (cb: (b: Blob | null) => void) => cb(new Blob(['png'], { type: 'image/png' })),
    toDataURL: () => 'data:image/png;base64,AAAA',
  };
}

vi.mock('@sigma/export-image', () => ({
  drawOnCanvas: vi.fn(async (_sigma: unknown, options: unknown) => {
    const ratio = window.devicePixelRatio;
    seen.push({ ratio, options });
    return fakeCanvas(ratio);
  }),
}));

const { drawMap, exportPng, exportScale, HIGH_RES_WIDTH, MAX_CANVAS_SIDE } = await import('../../../src/export/image');

const sigma = { getDimensions: () => ({ width: 800, height: 500 }) } as never;

describe('PNG export', () => {
  beforeEach(() => {
    seen.length = 0;
    drawn.length = 0;
  });

  it('chooses the pixel ratio: screen, a target width, capped by the canvas limit', () => {
    expect(exportScale(800, 500, {}, 2)).toBe(2);
    expect(exportScale(800, 500, { scale: 3 }, 2)).toBe(3);
    expect(exportScale(800, 500, { width: HIGH_RES_WIDTH }, 1)).toBe(5);
    expect(exportScale(2000, 500, { scale: 10 }, 1)).toBe(MAX_CANVAS_SIDE / 2000);
  });

  it('draws at the screen ratio on white, then at high resolution, restoring devicePixelRatio', async () => {
    const before = window.devicePixelRatio;
    const blob = await exportPng(sigma);
    expect(blob.type).toBe('image/png');
    expect(seen[0]!.ratio).toBe(before || 1);
    expect(seen[0]!.options).toEqual({ backgroundColor: '#ffffff' });
    await exportPng(sigma, { width: HIGH_RES_WIDTH });
    expect(seen[1]!.ratio).toBe(5);
    expect(window.devicePixelRatio).toBe(before);
  });

  it('draws the legend in a strip under the map, not over it', async () => {
    // jsdom has no 2D canvas: the composed image is a fake one too.
    const create = document.createElement.bind(document);
    const spy = vi.spyOn(document, 'createElement').mockImplementation(((tag: string) => (tag === 'canvas' ? fakeCanvas(1) : create(tag))) as typeof document.createElement);
    const canvas = await drawMap(sigma, {
      legend: { title: 'Sector', entries: [{ colour: '#0072B2', label: 'Technologie (12)' }], note: 'Grootte: aantal partners' },
    });
    spy.mockRestore();
    expect(canvas.width).toBe(800);
    // Title, one entry and a note: 8 + 3 × 16 + 8 CSS pixels, and a 12-pixel margin.
    expect(canvas.height).toBe(500 + 64 + 12);
    expect(drawn).toEqual(['Sector', 'Technologie (12)', 'Grootte: aantal partners']);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boxesOverlap, labelText, LABEL_SPACING, placeLabels, type LabelBox } from '../../../src/graph/labels';

const box = (x: number, y: number, width = 50, height = 16): LabelBox => ({ x, y, width, height });

describe('collision-free label placement', () => {
  it('takes labels in priority order and skips any that would overlap one already taken', () => {
    const placed = placeLabels([box(0, 0), box(30, 5), box(60, 0), box(0, 40)]);
    expect([...placed]).toEqual([1, 0, 1, 1]);
  });

  it('keeps the gap of the density between labels', () => {
    // 10 px apart horizontally: fine without a gap, too close with a 16 px gap.
    expect([...placeLabels([box(0, 0), box(60, 0)])]).toEqual([1, 1]);
    expect([...placeLabels([box(0, 0), box(60, 0)], { gapX: 16 })]).toEqual([1, 0]);
    expect([...placeLabels([box(0, 0), box(60, 0)], { gapX: 10 })]).toEqual([1, 1]);
  });

  it('always keeps the first `keep` labels (the focused node), and the rest avoid them', () => {
    expect([...placeLabels([box(0, 0), box(10, 0)], { keep: 2 })]).toEqual([1, 1]);
    expect([...placeLabels([null, box(0, 0), box(10, 0)], { keep: 2 })]).toEqual([0, 1, 0]);
  });

  it('tries the alternatives in order: right of the node, else left', () => {
    // The second node's right box meets the first label; its left box is free.
    const placed = placeLabels([box(0, 0), [box(40, 0), box(-80, 0)], [box(200, 0), box(100, 0)]]);
    expect([...placed]).toEqual([1, 2, 1]);
  });

  it('works on boxes far off screen and across grid cells', () => {
    expect([...placeLabels([box(-5000, -3000, 400), box(-4700, -2995), box(-4500, -2995)], { cell: 64 })]).toEqual([1, 0, 1]);
  });

  it('never leaves two drawn labels overlapping, whatever the boxes (property)', () => {
    const arbitraryBox = fc.record({
      x: fc.integer({ min: -300, max: 300 }),
      y: fc.integer({ min: -300, max: 300 }),
      width: fc.integer({ min: 1, max: 200 }),
      height: fc.integer({ min: 1, max: 30 }),
    });
    fc.assert(
      fc.property(fc.array(arbitraryBox, { maxLength: 80 }), fc.integer({ min: 0, max: 30 }), (boxes, gap) => {
        const placed = placeLabels(boxes, { gapX: gap, gapY: gap / 2, cell: 37 });
        const kept = boxes.filter((_b, i) => placed[i]);
        for (let i = 0; i < kept.length; i++) {
          for (let j = i + 1; j < kept.length; j++) {
            const a = kept[i]!;
            const b = kept[j]!;
            // Grown by half the gap each, they must not meet.
            const grow = (r: LabelBox) => ({ x: r.x - gap / 2, y: r.y - gap / 4, width: r.width + gap, height: r.height + gap / 2 });
            if (boxesOverlap(grow(a), grow(b))) return false;
          }
        }
        // Greedy is maximal: every refused box meets a taken one.
        return boxes.every((b, i) => placed[i] || kept.some((k) => boxesOverlap({ x: b.x - gap / 2, y: b.y - gap / 4, width: b.width + gap, height: b.height + gap / 2 }, { x: k.x - gap / 2, y: k.y - gap / 4, width: k.width + gap, height: k.height + gap / 2 })));
      }),
    );
  });

  it('spaces labels more for "few" than for "many"', () => {
    expect(LABEL_SPACING.few.gapX).toBeGreaterThan(LABEL_SPACING.normal.gapX);
    expect(LABEL_SPACING.normal.gapX).toBeGreaterThan(LABEL_SPACING.many.gapX);
    const row = Array.from({ length: 20 }, (_v, i) => box(i * 70, 0));
    const count = (d: keyof typeof LABEL_SPACING) => placeLabels(row, LABEL_SPACING[d]).reduce((s, x) => s + x, 0);
    expect(count('few')).toBeLessThan(count('normal'));
    expect(count('normal')).toBeLessThanOrEqual(count('many'));
  });
});

describe('label text', () => {
  it('shows names written in capitals in mixed case, short words kept', () => {
    expect(labelText('STICHTING KATHOLIEKE UNIVERSITEIT')).toBe('Stichting Katholieke Universiteit');
    expect(labelText('NEDERLANDSE ORGANISATIE VOOR TOEGEPAST NATUURWETENSCHAPPELIJK ONDERZOEK TNO')).toBe('Nederlandse Organisatie…');
    expect(labelText('ACADEMISCH ZIEKENHUIS (LUMC)')).toBe('Academisch Ziekenhuis (LUMC)');
    expect(labelText('UNIVERSITEIT VAN AMSTERDAM')).toBe('Universiteit van Amsterdam');
    expect(labelText('ZORGGROEP NOORD-HOLLAND BV')).toBe('Zorggroep Noord-Holland BV');
    expect(labelText('TNO')).toBe('TNO');
    expect(labelText('Gemeente Den Haag')).toBe('Gemeente Den Haag');
  });

  it('cuts long names at a word with an ellipsis', () => {
    const text = labelText('Ministerie van Volksgezondheid, Welzijn en Sport (VWS)');
    expect(text.length).toBeLessThanOrEqual(34);
    expect(text).toBe('Ministerie van Volksgezondheid…');
  });
});

describe('label density in the link', () => {
  it('is written only when not the default, and read back; unknown values fall back', async () => {
    const { parseViewState, serialiseViewState } = await import('../../../src/session/url');
    const { DEFAULT_VIEW_STATE } = await import('../../../src/session/viewState');
    expect(serialiseViewState(DEFAULT_VIEW_STATE)).toBe('');
    expect(serialiseViewState({ ...DEFAULT_VIEW_STATE, labels: 'few' })).toBe('?labels=few');
    expect(parseViewState('?labels=many').labels).toBe('many');
    expect(parseViewState('?labels=everything').labels).toBe('normal');
  });
});

describe('node size on crowded maps', () => {
  it('shrinks discs until they cover at most a share of the canvas, never enlarges', async () => {
    const { coverageSizeScale } = await import('../../../src/graph/appearance');
    expect(coverageSizeScale([3, 4, 5], 800 * 600)).toBe(1);
    const sizes = Array.from({ length: 900 }, () => 17);
    const scale = coverageSizeScale(sizes, 800 * 600);
    expect(scale).toBeLessThan(1);
    expect(900 * Math.PI * (17 * scale) ** 2).toBeCloseTo(0.12 * 800 * 600);
  });
});

describe('obstacles', () => {
  it('keeps labels from under what covers the map', () => {
    const placed = placeLabels([box(0, 0), box(100, 0), [box(300, 0), box(200, 0)]], { obstacles: [{ x: 90, y: -5, width: 60, height: 30 }, { x: 290, y: 0, width: 20, height: 10 }] });
    expect([...placed]).toEqual([1, 0, 2]);
  });
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_TARGET_SECTORS } from '../../../src/data/sectors';
import { presentSectors, targetPairStatus } from '../../../src/ui/analysis/mixingModel';
import {
  circlePositions,
  fittingRadius,
  LABEL_MARGIN,
  labelDistance,
  SIDE_LABEL_HALF_HEIGHT,
  MISSING_LABEL_BOX,
  communityOverviewLayout,
  placeChordLabels,
  REST_KEY,
  sectorOverviewLayout,
  spreadOrder,
  type OverviewLayout,
} from '../../../src/ui/analysis/overviewLayout';
import { denHaagResult, smallResult } from './helpers';

function expectInside(layout: OverviewLayout) {
  for (const n of layout.nodes) {
    expect(n.x - n.r).toBeGreaterThanOrEqual(0);
    expect(n.y - n.r).toBeGreaterThanOrEqual(0);
    expect(n.x + n.r).toBeLessThanOrEqual(layout.width);
    expect(n.y + n.r).toBeLessThanOrEqual(layout.height);
  }
}

describe('circle helpers', () => {
  it('places points evenly, the first at the top', () => {
    const p = circlePositions(4, 100, 100, 50);
    expect(p[0]!.x).toBeCloseTo(100, 9);
    expect(p[0]!.y).toBeCloseTo(50, 9);
    expect(p[1]!.x).toBeCloseTo(150, 9);
    expect(p[2]!.y).toBeCloseTo(150, 9);
  });

  it('spreads target items evenly and keeps every item once', () => {
    const items = ['tech', 'care', 'government', 'knowledge', 'network', 'finance'];
    const targets = new Set(['tech', 'care', 'government']);
    const order = spreadOrder(items, (x) => targets.has(x));
    expect([...order].sort()).toEqual([...items].sort());
    const positions = order.map((x, i) => (targets.has(x) ? i : -1)).filter((i) => i >= 0);
    expect(positions).toEqual([0, 2, 4]);
    expect(spreadOrder(['a', 'b'], () => false)).toEqual(['a', 'b']);
    expect(spreadOrder(['a', 'b'], () => true)).toEqual(['a', 'b']);
  });

  it('keeps chord labels apart when chords cross at the same point', () => {
    const chords = [
      { x1: 0, y1: 0, x2: 100, y2: 100 },
      { x1: 100, y1: 0, x2: 0, y2: 100 },
    ];
    const box = { width: 30, height: 14 };
    const [a, b] = placeChordLabels(chords, box);
    expect(a).toEqual({ x: 50, y: 50 });
    expect(Math.abs(a!.x - b!.x) >= box.width || Math.abs(a!.y - b!.y) >= box.height).toBe(true);
  });

  it('moves a label off a circle in its way', () => {
    const [p] = placeChordLabels([{ x1: 0, y1: 0, x2: 200, y2: 0 }], { width: 20, height: 10 }, [{ x: 100, y: 0, r: 15 }]);
    expect(Math.abs(p!.x - 100)).toBeGreaterThanOrEqual(25);
  });
});

describe('sector overview layout', () => {
  const result = denHaagResult();
  const targets = [...DEFAULT_TARGET_SECTORS];
  const layout = sectorOverviewLayout(result, targets);

  it('has one node per sector present, area proportional to members, inside the view', () => {
    expect(layout.nodes.map((n) => n.key).sort()).toEqual(presentSectors(result).sort());
    const big = layout.nodes.reduce((a, b) => (b.count > a.count ? b : a));
    for (const n of layout.nodes) {
      if (n.r > 5.0001) expect((n.r * n.r) / (big.r * big.r)).toBeCloseTo(n.count / big.count, 9);
    }
    expectInside(layout);
  });

  it('draws each missing target pair as a dashed chord and not as an ordinary edge', () => {
    const missing = targetPairStatus(result, targets).filter((p) => p.missing && p.reason !== 'sector_absent');
    expect(layout.missing.map((m) => [m.from, m.to])).toEqual(missing.map((p) => [p.a, p.b]));
    for (const m of layout.missing) {
      expect(layout.edges.some((e) => (e.from === m.from && e.to === m.to) || (e.from === m.to && e.to === m.from))).toBe(
        false,
      );
      const p = missing.find((x) => x.a === m.from && x.b === m.to)!;
      expect(m.ties).toBe(p.ties);
    }
  });

  it('draws every other pair with ties, wider for more ties', () => {
    const mix = result.mixing.unweighted;
    let total = 0;
    for (const e of layout.edges) {
      expect(e.ties).toBe(mix.observed[e.from]![e.to]);
      total += e.ties;
    }
    for (const m of layout.missing) total += m.ties;
    let between = 0;
    const s = presentSectors(result);
    for (let i = 0; i < s.length; i++) for (let j = i + 1; j < s.length; j++) between += mix.observed[s[i]!]![s[j]!]!;
    expect(total).toBe(between);
    const sorted = [...layout.edges].sort((a, b) => a.ties - b.ties);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]!.width).toBeGreaterThanOrEqual(sorted[i - 1]!.width);
  });

  it('keeps the missing-bridge labels from overlapping', () => {
    const { width, height } = MISSING_LABEL_BOX;
    const m = layout.missing;
    for (let i = 0; i < m.length; i++)
      for (let j = i + 1; j < m.length; j++)
        expect(Math.abs(m[i]!.labelX - m[j]!.labelX) >= width || Math.abs(m[i]!.labelY - m[j]!.labelY) >= height).toBe(true);
  });

  it('spreads the target sectors around the circle', () => {
    const idx = layout.nodes.map((n, i) => (targets.includes(n.key as never) ? i : -1)).filter((i) => i >= 0);
    expect(idx.length).toBe(3);
    for (let i = 1; i < idx.length; i++) expect(idx[i]! - idx[i - 1]!).toBeGreaterThan(1);
  });

  it('works on a tiny network with a tie-less target pair', () => {
    const small = sectorOverviewLayout(smallResult(), targets);
    const tc = small.missing.find((m) => m.from === 'tech' && m.to === 'care');
    expect(tc).toMatchObject({ ties: 0, reason: 'no_ties' });
    expectInside(small);
  });
});

describe('community overview layout', () => {
  const result = denHaagResult();
  const targets = [...DEFAULT_TARGET_SECTORS];

  it('shows at most maxNodes communities plus a remainder holding everyone else', () => {
    const layout = communityOverviewLayout(result, targets, { maxNodes: 5 });
    const communities = layout.nodes.filter((n) => n.kind === 'community');
    expect(communities).toHaveLength(5);
    expect(communities.map((n) => n.cluster)).toEqual([1, 2, 3, 4, 5]);
    const rest = layout.nodes.find((n) => n.key === REST_KEY)!;
    expect(rest.clusters).toBe(result.communities.length - 5);
    expect(layout.nodes.reduce((s, n) => s + n.count, 0)).toBe(result.meta.organisations);
    expectInside(layout);
  });

  it('counts every tie between a shown community and another group exactly once', () => {
    const layout = communityOverviewLayout(result, targets, { maxNodes: 8 });
    const shown = new Set(layout.nodes.filter((n) => n.kind === 'community').map((n) => n.cluster));
    const community = new Map(result.organisations.map((o) => [o.id, o.community]));
    let expected = 0;
    for (const t of result.ties) {
      const a = community.get(t.source)!;
      const b = community.get(t.target)!;
      if (a !== b && (shown.has(a) || shown.has(b))) expected++;
    }
    const drawn = layout.edges.reduce((s, e) => s + e.ties, 0) + layout.missing.reduce((s, m) => s + m.ties, 0);
    expect(drawn).toBe(expected);
  });

  it('draws the engine’s cluster suggestions between shown communities as missing links', () => {
    const layout = communityOverviewLayout(result, targets);
    const shown = new Set(layout.nodes.filter((n) => n.kind === 'community').map((n) => n.cluster));
    const expected = result.suggestions.clusters.filter((s) => shown.has(s.a.cluster) && shown.has(s.b.cluster));
    expect(layout.missing).toHaveLength(expected.length);
    for (const m of layout.missing) {
      expect(m.expected).not.toBeNull();
      expect(m.reason === 'no_ties' ? m.ties === 0 : m.ties > 0).toBe(true);
    }
  });

  it('merges isolates into the remainder by default', () => {
    const layout = communityOverviewLayout(result, targets);
    for (const n of layout.nodes) if (n.kind === 'community') expect(n.count).toBeGreaterThanOrEqual(2);
    expect(layout.nodes.length).toBeLessThanOrEqual(31);
  });
});

describe('node sizes that fit the circle', () => {
  it('shrinks the largest radius so neighbours do not overlap', () => {
    for (const n of [3, 8, 13, 31]) {
      const r = fittingRadius(n, 180, 30, 26);
      const R = 180 - r - 26;
      expect(2 * R * Math.sin(Math.PI / n)).toBeGreaterThanOrEqual(2 * r * 0.99);
      expect(r).toBeLessThanOrEqual(30);
    }
    expect(fittingRadius(2, 180, 30, 26)).toBe(30);
  });

  it('never lets community nodes overlap', () => {
    const layout = communityOverviewLayout(denHaagResult(), [...DEFAULT_TARGET_SECTORS]);
    const nodes = layout.nodes;
    for (let i = 0; i < nodes.length; i++) {
      const a = nodes[i]!;
      const b = nodes[(i + 1) % nodes.length]!;
      expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThanOrEqual(a.r + b.r - 1e-9);
    }
  });
});

describe('node labels', () => {
  it('keep a margin from their own circle at every angle, also on the diagonals', () => {
    for (let k = 0; k < 72; k++) {
      const angle = (k * Math.PI) / 36;
      for (const r of [4, 12, 30]) {
        const c = Math.cos(angle);
        const align = c > 0.35 ? 'start' : c < -0.35 ? 'end' : 'middle';
        const d = labelDistance(r, angle, align);
        // Nearest point of the label box to the circle's centre: the anchor for a label above or
        // below; for one beside, the near edge, SIDE_LABEL_HALF_HEIGHT above and below the anchor.
        const dx = d * Math.abs(c);
        const dy = align === 'middle' ? d * Math.abs(Math.sin(angle)) : Math.max(0, d * Math.abs(Math.sin(angle)) - SIDE_LABEL_HALF_HEIGHT);
        expect(Math.hypot(dx, dy) + 1e-9, `angle ${k * 5}°, r ${r}`).toBeGreaterThanOrEqual(r + LABEL_MARGIN);
        // And no further out than needed (half a pixel steps).
        expect(d).toBeLessThanOrEqual(r + LABEL_MARGIN + SIDE_LABEL_HALF_HEIGHT + 0.5);
      }
    }
  });
});

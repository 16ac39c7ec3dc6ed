/**
 * Layout of the SectorOverview SVG: one node per sector (or per community) on a circle, node area
 * proportional to its members, edges as chords with a width by the number of ties, and the missing
 * target-sector bridges as separate (dashed) chords with a label position. Pure.
 */
import type { AnalysisResult } from '../../analysis';
import { areaRadius, tieWidth } from './colourScale';
import { dominantSector } from './clusterModel';
import { sectorColour } from './format';
import { presentSectors, targetPairStatus, type MissingReason } from './mixingModel';

export type OverviewMode = 'sector' | 'community';
export type LabelAlign = 'start' | 'middle' | 'end';
export type LabelVertical = 'above' | 'middle' | 'below';

export interface OverviewNode {
  key: string;
  kind: 'sector' | 'community' | 'rest';
  /** The sector (sector nodes) or the dominant sector (community nodes); null for the remainder. */
  sector: string | null;
  /** Community id (community nodes). */
  cluster: number | null;
  /** Members. */
  count: number;
  /** Communities merged into the remainder node. */
  clusters: number;
  /** Ties inside the group. */
  internalTies: number;
  /** Target sectors the community lacks (community nodes). */
  lacks: string[];
  x: number;
  y: number;
  r: number;
  colour: string;
  labelX: number;
  labelY: number;
  align: LabelAlign;
  vertical: LabelVertical;
}

export interface OverviewEdge {
  key: string;
  from: string;
  to: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  ties: number;
  width: number;
}

export interface OverviewMissing extends Omit<OverviewEdge, 'width'> {
  expected: number | null;
  ratio: number | null;
  reason: MissingReason | 'few_ties';
  labelX: number;
  labelY: number;
}

export interface OverviewLayout {
  mode: OverviewMode;
  width: number;
  height: number;
  nodes: OverviewNode[];
  edges: OverviewEdge[];
  missing: OverviewMissing[];
  maxTies: number;
  /** Communities shown as their own node (community mode). */
  shownClusters: number;
  /** Communities merged into the remainder node (community mode). */
  restClusters: number;
}

export interface LayoutOptions {
  width?: number;
  height?: number;
  /** Community mode: at most this many communities get a node; default 30. */
  maxNodes?: number;
  /** Community mode: smaller communities go to the remainder; default 2 (isolates are merged). */
  minSize?: number;
}

export const REST_KEY = 'rest';
export const REST_COLOUR = '#c3c8d0';

/** Evenly spaced points on a circle, the first at `start` radians (default: top), clockwise. */
export function circlePositions(n: number, cx: number, cy: number, radius: number, start = -Math.PI / 2) {
  return Array.from({ length: n }, (_, i) => {
    const angle = start + (2 * Math.PI * i) / Math.max(1, n);
    return { x: cx + radius * Math.cos(angle), y: cy + radius * Math.sin(angle), angle };
  });
}

/**
 * Orders items around the circle so that the target items are spread evenly (their mutual chords
 * then cross the middle instead of hugging the rim); the others fill the gaps in their order.
 */
export function spreadOrder<T>(items: readonly T[], isTarget: (x: T) => boolean): T[] {
  const targets = items.filter(isTarget);
  const others = items.filter((x) => !isTarget(x));
  const n = items.length;
  if (targets.length === 0 || targets.length === n) return [...items];
  const slots: (T | undefined)[] = new Array(n).fill(undefined);
  targets.forEach((t, i) => {
    slots[Math.round((i * n) / targets.length)] = t;
  });
  let k = 0;
  return slots.map((s) => (s !== undefined ? s : others[k++]!));
}

function labelPlacement(angle: number): { align: LabelAlign; vertical: LabelVertical } {
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  const align: LabelAlign = c > 0.35 ? 'start' : c < -0.35 ? 'end' : 'middle';
  const vertical: LabelVertical = align !== 'middle' ? 'middle' : s < 0 ? 'above' : 'below';
  return { align, vertical };
}

/** Half the height of a node's two-line label (name over count) beside its circle, in px. */
export const SIDE_LABEL_HALF_HEIGHT = 14;
/** Room between a circle and its label, in px. */
export const LABEL_MARGIN = 5;

/**
 * How far from a circle's centre its label starts. A label above or below is clear at r + margin;
 * one beside the circle is a box SIDE_LABEL_HALF_HEIGHT above and below its anchor, whose corner
 * nearest the circle would touch it on a diagonal (Kennis and Overheid did), so it moves out until
 * that corner is a margin away.
 */
export function labelDistance(r: number, angle: number, align: LabelAlign): number {
  const clear = r + LABEL_MARGIN;
  if (align === 'middle') return clear;
  const c = Math.abs(Math.cos(angle));
  const s = Math.abs(Math.sin(angle));
  let d = clear;
  while (Math.hypot(d * c, Math.max(0, d * s - SIDE_LABEL_HALF_HEIGHT)) < clear) d += 0.5;
  return d;
}

export interface LabelBox {
  width: number;
  height: number;
}

export interface Circle {
  x: number;
  y: number;
  r: number;
}

/** Overlap area of two centred boxes (0 when apart). */
function boxOverlap(a: { x: number; y: number }, b: { x: number; y: number }, box: LabelBox): number {
  const dx = Math.max(0, box.width - Math.abs(a.x - b.x));
  const dy = Math.max(0, box.height - Math.abs(a.y - b.y));
  return dx * dy;
}

/** How deep a circle reaches into a centred box (0 when apart). */
function circleIntrusion(p: { x: number; y: number }, box: LabelBox, c: Circle): number {
  const nx = Math.max(p.x - box.width / 2, Math.min(c.x, p.x + box.width / 2));
  const ny = Math.max(p.y - box.height / 2, Math.min(c.y, p.y + box.height / 2));
  return Math.max(0, c.r - Math.hypot(c.x - nx, c.y - ny));
}

/**
 * Picks, for each chord, a position along it (the middle if possible) where its label box
 * overlaps neither the labels placed before nor the circles; failing that, the least bad one.
 */
export function placeChordLabels(
  chords: readonly { x1: number; y1: number; x2: number; y2: number }[],
  box: LabelBox = { width: 18, height: 18 },
  obstacles: readonly Circle[] = [],
): { x: number; y: number }[] {
  const placed: { x: number; y: number }[] = [];
  const fractions = [0.5, 0.42, 0.58, 0.34, 0.66, 0.27, 0.73, 0.2, 0.8];
  for (const c of chords) {
    let best = { x: (c.x1 + c.x2) / 2, y: (c.y1 + c.y2) / 2 };
    let bestCost = Infinity;
    for (const f of fractions) {
      const p = { x: c.x1 + (c.x2 - c.x1) * f, y: c.y1 + (c.y2 - c.y1) * f };
      const cost =
        placed.reduce((s, q) => s + boxOverlap(p, q, box), 0) +
        obstacles.reduce((s, o) => s + circleIntrusion(p, box, o) * box.width, 0);
      if (cost < bestCost - 1e-9) {
        bestCost = cost;
        best = p;
      }
      if (cost === 0) break;
    }
    placed.push(best);
  }
  return placed;
}

/** Room reserved for a missing-bridge label ("few ties" over "observed / expected"). */
export const MISSING_LABEL_BOX: LabelBox = { width: 96, height: 32 };

interface GroupIn {
  key: string;
  kind: OverviewNode['kind'];
  sector: string | null;
  cluster: number | null;
  count: number;
  clusters: number;
  internalTies: number;
  lacks: string[];
  colour: string;
}

/**
 * Largest radius such that two neighbouring nodes of that size on the circle do not overlap:
 * r ≤ 0.9 · π · R / n with R = half the view − r − labelGap.
 */
export function fittingRadius(n: number, half: number, rMax: number, labelGap: number): number {
  if (n < 3) return rMax;
  const k = (0.9 * Math.PI) / n;
  return Math.min(rMax, (k * (half - labelGap)) / (1 + k));
}

function placeNodes(groups: GroupIn[], width: number, height: number, rMaxWanted: number, rMin: number, labelGap: number) {
  const cx = width / 2;
  const cy = height / 2;
  const half = Math.min(width, height) / 2;
  const rMax = fittingRadius(groups.length, half, rMaxWanted, labelGap);
  const radius = half - rMax - labelGap;
  const maxCount = groups.reduce((m, g) => Math.max(m, g.count), 0);
  const pos = circlePositions(groups.length, cx, cy, groups.length === 1 ? 0 : radius);
  return groups.map((g, i): OverviewNode => {
    const { x, y, angle } = pos[i]!;
    const r = areaRadius(g.count, maxCount, rMax, rMin);
    const { align, vertical } = labelPlacement(angle);
    const d = labelDistance(r, angle, align);
    return {
      ...g,
      x,
      y,
      r,
      labelX: x + d * Math.cos(angle),
      labelY: y + d * Math.sin(angle),
      align: groups.length === 1 ? 'middle' : align,
      vertical: groups.length === 1 ? 'below' : vertical,
    };
  });
}

function chord(a: OverviewNode, b: OverviewNode) {
  return { x1: a.x, y1: a.y, x2: b.x, y2: b.y };
}

/** One node per sector present; the missing target-sector bridges as dashed chords. */
export function sectorOverviewLayout(
  result: AnalysisResult,
  targets: readonly string[],
  options: LayoutOptions = {},
): OverviewLayout {
  const width = options.width ?? 400;
  const height = options.height ?? 360;
  const mix = result.mixing.unweighted;
  const targetSet = new Set(targets);
  const sectors = spreadOrder(presentSectors(result), (s) => targetSet.has(s));
  const nodes = placeNodes(
    sectors.map((s) => ({
      key: s,
      kind: 'sector' as const,
      sector: s,
      cluster: null,
      count: mix.groupSize[s] ?? 0,
      clusters: 0,
      internalTies: mix.observed[s]?.[s] ?? 0,
      lacks: [],
      colour: sectorColour(s),
    })),
    width,
    height,
    30,
    5,
    52,
  );
  const byKey = new Map(nodes.map((n) => [n.key, n]));
  const missingPairs = targetPairStatus(result, targets).filter(
    (p) => p.missing && p.reason !== 'sector_absent' && byKey.has(p.a) && byKey.has(p.b),
  );
  const isMissing = new Set(missingPairs.flatMap((p) => [`${p.a}|${p.b}`, `${p.b}|${p.a}`]));
  let maxTies = 0;
  const pairs: [OverviewNode, OverviewNode, number][] = [];
  for (let i = 0; i < nodes.length; i++) {
    for (let j = i + 1; j < nodes.length; j++) {
      const a = nodes[i]!;
      const b = nodes[j]!;
      const ties = mix.observed[a.key]?.[b.key] ?? 0;
      if (ties <= 0 || isMissing.has(`${a.key}|${b.key}`)) continue;
      pairs.push([a, b, ties]);
      maxTies = Math.max(maxTies, ties);
    }
  }
  const edges = pairs.map(([a, b, ties]) => ({
    key: `${a.key}|${b.key}`,
    from: a.key,
    to: b.key,
    ...chord(a, b),
    ties,
    width: tieWidth(ties, maxTies),
  }));
  const chords = missingPairs.map((p) => chord(byKey.get(p.a)!, byKey.get(p.b)!));
  const labels = placeChordLabels(chords, MISSING_LABEL_BOX, nodes);
  const missing = missingPairs.map((p, i): OverviewMissing => ({
    key: `${p.a}|${p.b}`,
    from: p.a,
    to: p.b,
    ...chords[i]!,
    ties: p.ties,
    expected: p.expected,
    ratio: p.ratio,
    reason: p.reason ?? 'below_expected',
    labelX: labels[i]!.x,
    labelY: labels[i]!.y,
  }));
  return { mode: 'sector', width, height, nodes, edges, missing, maxTies, shownClusters: 0, restClusters: 0 };
}

/**
 * One node per community (the largest `maxNodes` of at least `minSize` organisations) plus one
 * remainder node; dashed chords for the engine's cluster-level suggestions between shown
 * communities, with the configuration-model expectation K_a·K_b / 2m.
 */
export function communityOverviewLayout(
  result: AnalysisResult,
  targets: readonly string[],
  options: LayoutOptions = {},
): OverviewLayout {
  const width = options.width ?? 400;
  const height = options.height ?? 360;
  const maxNodes = options.maxNodes ?? 30;
  const minSize = options.minSize ?? 2;
  const sorted = [...result.communities].sort((a, b) => b.size - a.size || a.id - b.id);
  const shown = sorted.filter((c) => c.size >= minSize).slice(0, maxNodes);
  const shownIds = new Set(shown.map((c) => c.id));
  const rest = sorted.filter((c) => !shownIds.has(c.id));
  const uniqTargets = [...new Set(targets)];
  const groups: GroupIn[] = shown.map((c) => {
    const dom = dominantSector(c.sectors);
    return {
      key: `c${c.id}`,
      kind: 'community',
      sector: dom,
      cluster: c.id,
      count: c.size,
      clusters: 1,
      internalTies: c.internalTies,
      lacks: uniqTargets.filter((t) => (c.sectors[t] ?? 0) === 0),
      colour: dom ? sectorColour(dom) : REST_COLOUR,
    };
  });
  if (rest.length > 0) {
    groups.push({
      key: REST_KEY,
      kind: 'rest',
      sector: null,
      cluster: null,
      count: rest.reduce((s, c) => s + c.size, 0),
      clusters: rest.length,
      internalTies: rest.reduce((s, c) => s + c.internalTies, 0),
      lacks: [],
      colour: REST_COLOUR,
    });
  }
  const nodes = placeNodes(groups, width, height, 30, 3, 26);
  const byKey = new Map(nodes.map((n) => [n.key, n]));
  const keyOf = (id: number) => (shownIds.has(id) ? `c${id}` : REST_KEY);

  const suggestions = result.suggestions.clusters.filter((s) => shownIds.has(s.a.cluster) && shownIds.has(s.b.cluster));
  const suggested = new Set(suggestions.flatMap((s) => [`c${s.a.cluster}|c${s.b.cluster}`, `c${s.b.cluster}|c${s.a.cluster}`]));

  const order = new Map(nodes.map((n, i) => [n.key, i]));
  const between = new Map<string, number>();
  // Every tie between two communities is listed on both sides: count it from the shown side,
  // once (from the smaller id) when both are shown.
  for (const c of shown) {
    const from = `c${c.id}`;
    for (const t of c.tiesTo) {
      if (shownIds.has(t.cluster) && t.cluster < c.id) continue;
      const to = keyOf(t.cluster);
      const [a, b] = order.get(from)! < order.get(to)! ? [from, to] : [to, from];
      const k = `${a}|${b}`;
      if (suggested.has(k)) continue;
      between.set(k, (between.get(k) ?? 0) + t.ties);
    }
  }
  let maxTies = 0;
  for (const v of between.values()) maxTies = Math.max(maxTies, v);
  const edges: OverviewEdge[] = [...between.entries()].map(([k, ties]) => {
    const [from, to] = k.split('|') as [string, string];
    return { key: k, from, to, ...chord(byKey.get(from)!, byKey.get(to)!), ties, width: tieWidth(ties, maxTies) };
  });

  const m = result.meta.ties;
  const degreeSum = (id: number) => {
    const c = result.communities.find((x) => x.id === id);
    return c ? 2 * c.internalTies + c.outsideTies : 0;
  };
  const chords = suggestions.map((s) => chord(byKey.get(`c${s.a.cluster}`)!, byKey.get(`c${s.b.cluster}`)!));
  const labels = placeChordLabels(chords, MISSING_LABEL_BOX, nodes);
  const missing = suggestions.map((s, i): OverviewMissing => {
    const expected = m > 0 ? (degreeSum(s.a.cluster) * degreeSum(s.b.cluster)) / (2 * m) : null;
    return {
      key: `c${s.a.cluster}|c${s.b.cluster}`,
      from: `c${s.a.cluster}`,
      to: `c${s.b.cluster}`,
      ...chords[i]!,
      ties: s.ties,
      expected,
      ratio: expected ? s.ties / expected : null,
      reason: s.ties === 0 ? 'no_ties' : 'few_ties',
      labelX: labels[i]!.x,
      labelY: labels[i]!.y,
    };
  });
  return {
    mode: 'community',
    width,
    height,
    nodes,
    edges,
    missing,
    maxTies,
    shownClusters: shown.length,
    restClusters: rest.length,
  };
}

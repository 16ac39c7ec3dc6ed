/**
 * The map as a vector picture for print: the visible organisations at their layout positions with
 * the colours and sizes the map uses, the strongest visible ties, highlighted organisations ringed,
 * suggested ties dashed with their numbers, and a few labels that never overlap. Pure and
 * synchronous, so the printed report has its map whichever view is open and however printing
 * starts (the report button or Ctrl+P).
 */
import type { Visibility } from '../filters/filters';
import type { Network } from '../graph/network';

export interface MapPictureInput {
  network: Network;
  positions: { x: ArrayLike<number>; y: ArrayLike<number> };
  visibility: Visibility;
  look: { colour: readonly string[]; size: ArrayLike<number> };
  highlight?: ReadonlySet<number> | null;
  selected?: number | null;
  suggested?: readonly { a: number; b: number; number: number }[];
  /** The picture's size in its own units; default 1000 × 640. */
  width?: number;
  height?: number;
  /** At most this many ties are drawn, the strongest first; default 4,000. */
  maxTies?: number;
  /** At most this many labels; default 14. */
  maxLabels?: number;
}

export interface MapPicture {
  width: number;
  height: number;
  nodes: { x: number; y: number; r: number; colour: string; ring: boolean; dim: boolean }[];
  ties: { x1: number; y1: number; x2: number; y2: number; w: number }[];
  suggested: { x1: number; y1: number; x2: number; y2: number; number: number }[];
  labels: { x: number; y: number; text: string }[];
  /** Ties drawn and visible in all (the caption says when the picture thins them). */
  tiesDrawn: number;
  tiesVisible: number;
}

/** Suggested ties are red and dashed wherever they are drawn (map, PNG, print). */
export const SUGGESTED_COLOUR = '#c0392b';

const LABEL_HEIGHT = 13;
/** A label's width in picture units, roughly (the print font is about 0.55 em per character). */
const labelWidth = (text: string) => text.length * 6.2 + 4;

export function mapPicture(input: MapPictureInput): MapPicture {
  const { network, positions, visibility, look } = input;
  const width = input.width ?? 1000;
  const height = input.height ?? 640;
  const n = network.organisations.length;
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    if (!visibility.orgs[i]) continue;
    minX = Math.min(minX, positions.x[i]!);
    maxX = Math.max(maxX, positions.x[i]!);
    minY = Math.min(minY, positions.y[i]!);
    maxY = Math.max(maxY, positions.y[i]!);
  }
  const empty: MapPicture = { width, height, nodes: [], ties: [], suggested: [], labels: [], tiesDrawn: 0, tiesVisible: visibility.counts.ties };
  if (minX === Infinity) return empty;
  const pad = 24;
  const spanX = Math.max(maxX - minX, 1e-9);
  const spanY = Math.max(maxY - minY, 1e-9);
  const scale = Math.min((width - 2 * pad) / spanX, (height - 2 * pad) / spanY);
  const offX = (width - spanX * scale) / 2;
  const offY = (height - spanY * scale) / 2;
  // Graph y grows upwards (sigma), the picture's downwards.
  const px = (i: number) => offX + (positions.x[i]! - minX) * scale;
  const py = (i: number) => height - (offY + (positions.y[i]! - minY) * scale);

  let biggest = 1;
  for (let i = 0; i < n; i++) if (visibility.orgs[i]) biggest = Math.max(biggest, look.size[i] ?? 1);
  // Radii in picture units: the map's sizes, scaled so the largest node is about 14 units.
  const radius = (i: number) => Math.max(1.6, (14 * (look.size[i] ?? 1)) / biggest);
  const emphasis = input.highlight ?? null;

  const { ties } = network.projection;
  const visibleTies: number[] = [];
  for (let e = 0; e < ties.m; e++) if (visibility.tieShared[e] && visibility.orgs[ties.u[e]!] && visibility.orgs[ties.v[e]!]) visibleTies.push(e);
  const maxTies = input.maxTies ?? 4000;
  if (visibleTies.length > maxTies) visibleTies.sort((a, b) => visibility.tieWeight[b]! - visibility.tieWeight[a]! || a - b);
  const drawnTies = visibleTies.slice(0, maxTies);
  let heaviest = 1;
  for (const e of drawnTies) heaviest = Math.max(heaviest, visibility.tieWeight[e]!);

  const order: number[] = [];
  for (let i = 0; i < n; i++) if (visibility.orgs[i]) order.push(i);
  // Small nodes first, so large ones are drawn on top.
  order.sort((a, b) => radius(a) - radius(b) || a - b);
  const nodes = order.map((i) => ({
    x: px(i),
    y: py(i),
    r: radius(i),
    colour: look.colour[i] ?? '#999999',
    ring: i === input.selected || (emphasis?.has(i) ?? false),
    dim: emphasis !== null && !emphasis.has(i) && i !== input.selected,
  }));

  // Labels: the selected and emphasised first, then by size; a label is skipped when its box would
  // overlap one already placed (greedy placement, the usual way map labels are thinned).
  const candidates = [...order].sort((a, b) => {
    const rank = (i: number) => (i === input.selected ? 2 : emphasis?.has(i) ? 1 : 0);
    return rank(b) - rank(a) || radius(b) - radius(a) || a - b;
  });
  const placed: { x1: number; y1: number; x2: number; y2: number }[] = [];
  const labels: MapPicture['labels'] = [];
  const maxLabels = input.maxLabels ?? 14;
  for (const i of candidates) {
    if (labels.length >= maxLabels) break;
    const text = network.organisations[i]!.name;
    const w = labelWidth(text);
    const x = Math.min(px(i) + radius(i) + 3, width - w);
    const y = py(i) + 4;
    const box = { x1: x, y1: y - LABEL_HEIGHT + 3, x2: x + w, y2: y + 3 };
    if (placed.some((p) => box.x1 < p.x2 && p.x1 < box.x2 && box.y1 < p.y2 && p.y1 < box.y2)) continue;
    placed.push(box);
    labels.push({ x, y, text });
  }

  return {
    width,
    height,
    nodes,
    ties: drawnTies.map((e) => ({ x1: px(ties.u[e]!), y1: py(ties.u[e]!), x2: px(ties.v[e]!), y2: py(ties.v[e]!), w: 0.4 + (1.6 * visibility.tieWeight[e]!) / heaviest })),
    suggested: (input.suggested ?? [])
      .filter((s) => visibility.orgs[s.a] && visibility.orgs[s.b])
      .map((s) => ({ x1: px(s.a), y1: py(s.a), x2: px(s.b), y2: py(s.b), number: s.number })),
    labels,
    tiesDrawn: drawnTies.length,
    tiesVisible: visibleTies.length,
  };
}

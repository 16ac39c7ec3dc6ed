/**
 * Colour and size of every organisation for the chosen grouping or measure, and the legend that
 * says exactly what they mean. Pure: from sector codes, the visible network and the analysis
 * stages. Results of another visible network than the current one are never used (the caller
 * passes only fresh stages).
 */
import type { BetweennessData, CommunitiesData, RolesData, StructureData } from '../analysis/stages';
import { SECTOR_INFO, SECTORS, type Sector } from '../data/sectors';
import type { Visibility } from '../filters/filters';
import { measure, type ColourBy, type MeasureId, type SizeBy } from '../measures/registry';
import type { Network } from './network';

/** Node size on screen from the number of partners: area grows with partners, radius with the square root. */
export function nodeSizeForDegree(degree: number): number {
  return 3 + 2.2 * Math.sqrt(degree);
}

/**
 * Shrinks every node on crowded maps: 17,000 discs at their normal size cover the screen several
 * times over. Full size up to 1,500 organisations, then the area shrinks with the count.
 */
export function densitySizeScale(order: number): number {
  return Math.min(1, Math.sqrt(1500 / Math.max(1, order)));
}

/**
 * Shrinks nodes until their discs together cover at most `share` of the canvas: a community of
 * well-connected organisations, drawn on its own, would otherwise be one blot. Never enlarges.
 */
export function coverageSizeScale(sizes: Iterable<number>, canvasArea: number, share = 0.12): number {
  let area = 0;
  for (const s of sizes) area += Math.PI * s * s;
  return area > 0 && canvasArea > 0 ? Math.min(1, Math.sqrt((share * canvasArea) / area)) : 1;
}

/**
 * Categorical colours for clusters: Okabe–Ito first, then Paul Tol's "muted" scheme; both
 * colour-blind safe. Clusters beyond the palette share a neutral grey.
 */
export const CLUSTER_PALETTE = [
  '#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#F0E442',
  '#332288', '#88CCEE', '#44AA99', '#117733', '#999933', '#DDCC77', '#CC6677', '#882255', '#AA4499',
];
export const OTHER_CLUSTER_COLOUR = '#b4b9c2';

/** Viridis (matplotlib, CC0), 9 stops: perceptually uniform and colour-blind safe. */
const VIRIDIS = ['#440154', '#472c7a', '#3b518b', '#2c718e', '#21908d', '#27ad81', '#5cc863', '#aadc32', '#fde725'];

export function viridis(t: number): string {
  const x = Math.max(0, Math.min(1, t)) * (VIRIDIS.length - 1);
  const i = Math.min(VIRIDIS.length - 2, Math.floor(x));
  const f = x - i;
  const a = hex(VIRIDIS[i]!);
  const b = hex(VIRIDIS[i + 1]!);
  const mix = a.map((c, k) => Math.round(c + (b[k]! - c) * f));
  return `#${mix.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

function hex(colour: string): number[] {
  return [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16));
}

export type LegendSpec =
  | { kind: 'sector'; entries: { sector: Sector; count: number }[] }
  | {
      kind: 'cluster';
      clusterKind: 'community' | 'component';
      entries: { id: number; colour: string; size: number }[];
      /** How many clusters the legend does not name, and the grey they share beyond the palette. */
      others: number;
      othersColour: string | null;
    }
  | { kind: 'scale'; metric: MeasureId; min: number; max: number; stops: string[]; missing: number };

export interface Appearance {
  /** Colour per organisation index. */
  colour: string[];
  /** Size per organisation index. */
  size: Float32Array;
  legend: LegendSpec;
  /** What node size means (degree until the analysis is there). */
  sizeMetric: SizeBy;
  /** What colour means (sector until the analysis is there). */
  colourMetric: ColourBy;
}

export interface AppearanceInput {
  network: Network;
  sectors: ArrayLike<number>;
  visibility: Visibility;
  structure: StructureData | null;
  betweenness: BetweennessData | null;
  communities: CommunitiesData | null;
  roles: RolesData | null;
  colourBy: ColourBy;
  sizeBy: SizeBy;
  /** `visibleDegrees(network, visibility)`, when the caller keeps it. */
  degrees?: Int32Array;
}

/** The analysis stages an appearance can read. */
export type AppearanceStage = 'structure' | 'betweenness' | 'communities' | 'roles';

/** The stage a measure's values come from (as measureValues reads them). */
function measureStage(id: MeasureId): AppearanceStage {
  const { stage } = measure(id);
  return stage === 'roles' || stage === 'betweenness' ? stage : 'structure';
}

/**
 * The stages an appearance reads for these choices: another stage may arrive without changing it
 * (on H2020 each recomputation is 50–110 ms on the page's thread).
 */
export function stagesRead(colourBy: ColourBy, sizeBy: SizeBy): Set<AppearanceStage> {
  const read = new Set<AppearanceStage>();
  if (colourBy === 'community') read.add('communities');
  else if (colourBy === 'component') read.add('structure');
  else if (colourBy !== 'sector') read.add(measureStage(colourBy));
  if (sizeBy !== 'degree') read.add(measureStage(sizeBy));
  return read;
}

/** Partners per organisation over the visible ties. */
export function visibleDegrees(network: Network, visibility: Visibility): Int32Array {
  const { ties } = network.projection;
  const degree = new Int32Array(network.organisations.length);
  for (let e = 0; e < ties.m; e++) {
    if (!visibility.tieShared[e]) continue;
    degree[ties.u[e]!]!++;
    degree[ties.v[e]!]!++;
  }
  return degree;
}

export function computeAppearance(input: AppearanceInput): Appearance {
  const { network, sectors, visibility, structure, communities } = input;
  const N = network.organisations.length;
  const colour = new Array<string>(N);
  const size = new Float32Array(N);
  const degrees = input.degrees ?? visibleDegrees(network, visibility);
  let legend: LegendSpec;
  let colourMetric: ColourBy = input.colourBy;

  const sectorColours = () => {
    const counts = new Map<Sector, number>();
    for (let i = 0; i < N; i++) {
      const sector = SECTORS[sectors[i]!] ?? 'other';
      colour[i] = SECTOR_INFO[sector].colour;
      if (visibility.orgs[i]) counts.set(sector, (counts.get(sector) ?? 0) + 1);
    }
    colourMetric = 'sector';
    return { kind: 'sector' as const, entries: SECTORS.filter((s) => counts.has(s)).map((sector) => ({ sector, count: counts.get(sector)! })) };
  };

  if (input.colourBy === 'sector') legend = sectorColours();
  else if (input.colourBy === 'community' || input.colourBy === 'component') {
    const partition = input.colourBy === 'community' ? (communities ? { of: communities.of, count: communities.count, index: communities.orgIndexOf } : null) : structure ? { of: structure.component, count: structure.componentCount, index: structure.orgIndexOf } : null;
    if (!partition) legend = sectorColours();
    else {
      const colourOf = (c: number) => (c < CLUSTER_PALETTE.length ? CLUSTER_PALETTE[c]! : OTHER_CLUSTER_COLOUR);
      colour.fill(OTHER_CLUSTER_COLOUR);
      const sizes = new Int32Array(partition.count);
      for (let v = 0; v < partition.of.length; v++) {
        colour[partition.index[v]!] = colourOf(partition.of[v]!);
        sizes[partition.of[v]!]!++;
      }
      const shown = Math.min(10, partition.count);
      legend = {
        kind: 'cluster',
        clusterKind: input.colourBy,
        entries: Array.from({ length: shown }, (_x, c) => ({ id: c + 1, colour: colourOf(c), size: sizes[c]! })),
        others: partition.count - shown,
        othersColour: partition.count > CLUSTER_PALETTE.length ? OTHER_CLUSTER_COLOUR : null,
      };
    }
  } else {
    const values = measureValues(input.colourBy, input);
    if (!values) legend = sectorColours();
    else {
      let min = Infinity;
      let max = -Infinity;
      let missing = 0;
      for (let v = 0; v < values.value.length; v++) {
        const x = values.value[v]!;
        if (!Number.isFinite(x)) missing++;
        else {
          if (x < min) min = x;
          if (x > max) max = x;
        }
      }
      if (min > max) [min, max] = [0, 1];
      colour.fill(OTHER_CLUSTER_COLOUR);
      for (let v = 0; v < values.value.length; v++) {
        const x = values.value[v]!;
        colour[values.index[v]!] = Number.isFinite(x) ? viridis(max > min ? (x - min) / (max - min) : 0.5) : OTHER_CLUSTER_COLOUR;
      }
      legend = { kind: 'scale', metric: input.colourBy, min, max, stops: VIRIDIS, missing };
    }
  }

  let sizeMetric: SizeBy = input.sizeBy;
  const sized = input.sizeBy === 'degree' ? null : measureValues(input.sizeBy, input);
  if (!sized) {
    sizeMetric = 'degree';
    for (let i = 0; i < N; i++) size[i] = nodeSizeForDegree(degrees[i]!);
  } else {
    let max = 0;
    for (const x of sized.value) if (Number.isFinite(x) && x > max) max = x;
    size.fill(3);
    for (let v = 0; v < sized.value.length; v++) {
      const x = sized.value[v]!;
      // Constraint is high for the *least* brokering organisations; size shows it as it is.
      size[sized.index[v]!] = Number.isFinite(x) ? 3 + 14 * Math.sqrt(max > 0 ? x / max : 0) : 3;
    }
  }
  return { colour, size, legend, sizeMetric, colourMetric };
}

/** A measure's values per view node with the network index of each node, or null when not computed. */
function measureValues(id: MeasureId, stages: Pick<AppearanceInput, 'structure' | 'betweenness' | 'roles'>): { value: Float64Array; index: Int32Array } | null {
  const m = measure(id);
  const source = stages[measureStage(id) as Exclude<AppearanceStage, 'communities'>];
  if (!source) return null;
  const n = source.orgIndexOf.length;
  const value = new Float64Array(n);
  for (let v = 0; v < n; v++) value[v] = m.value(stages as never, v) ?? Number.NaN;
  return { value, index: source.orgIndexOf };
}

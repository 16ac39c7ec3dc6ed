import type { AnalysisResult, OrganisationRow } from '../analysis';
import { SECTOR_INFO, type Sector } from '../data/sectors';
import type { ColourBy, SizeBy } from '../state/viewState';

/** Node size on screen from the number of partners (degree): area grows with partners, so the
 * radius grows with the square root; isolates stay visible. */
export function nodeSizeForDegree(degree: number): number {
  return 3 + 2.2 * Math.sqrt(degree);
}

/**
 * Shrinks every node on crowded maps: 17,000 discs at their normal size cover the screen
 * several times over (unreadable, and slow to fill where WebGL is software-rendered). Full size
 * up to 1,500 organisations, then the area shrinks in proportion to the count.
 */
export function densitySizeScale(order: number): number {
  return Math.min(1, Math.sqrt(1500 / Math.max(1, order)));
}

/** Categorical colours for clusters: Okabe–Ito first, then Paul Tol's "muted" scheme; both
 * colour-blind safe. Clusters beyond the palette share a neutral grey. */
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
  | { kind: 'scale'; metric: ColourBy; min: number; max: number; stops: string[]; missing: number };

export interface Appearance {
  colour: Map<string, string>;
  size: Map<string, number>;
  legend: LegendSpec;
  /** What node size means, for the legend. */
  sizeMetric: SizeBy;
}

type NumericMetric = 'betweenness' | 'constraint' | 'brokerage' | 'strength' | 'degree';

function metricValue(row: OrganisationRow, metric: NumericMetric): number | null {
  switch (metric) {
    case 'brokerage':
      return row.brokerageTotal;
    case 'betweenness':
      return row.betweenness;
    case 'constraint':
      return row.constraint;
    case 'strength':
      return row.strength;
    case 'degree':
      return row.degree;
  }
}

/**
 * Colour and size of every node for the chosen metrics. Sector colouring needs no analysis; the
 * others use the analysis of the visible network (organisations outside it keep their sector
 * colour but are hidden anyway). Size by degree needs no analysis either.
 */
export function computeAppearance(
  sectors: Map<string, Sector>,
  degrees: Map<string, number>,
  result: AnalysisResult | null,
  colourBy: ColourBy,
  sizeBy: SizeBy,
): Appearance {
  const colour = new Map<string, string>();
  const size = new Map<string, number>();
  const rows = result?.organisations ?? [];
  let legend: LegendSpec;

  if (colourBy === 'sector' || !result) {
    const counts = new Map<Sector, number>();
    for (const [id, sector] of sectors) {
      colour.set(id, SECTOR_INFO[sector].colour);
      counts.set(sector, (counts.get(sector) ?? 0) + 1);
    }
    legend = { kind: 'sector', entries: [...counts].map(([sector, count]) => ({ sector, count })) };
  } else if (colourBy === 'community' || colourBy === 'component') {
    // Cluster ids are numbered by size (1 = largest), so the palette goes to the largest ones.
    const clusters = colourBy === 'community' ? result.communities : result.components;
    const colourOf = (id: number) => (id <= CLUSTER_PALETTE.length ? CLUSTER_PALETTE[id - 1]! : OTHER_CLUSTER_COLOUR);
    for (const row of rows) colour.set(row.id, colourOf(colourBy === 'community' ? row.community : row.component));
    // The legend names the ten largest; the map still colours up to the palette's length.
    const shown = clusters.slice(0, 10);
    legend = {
      kind: 'cluster',
      clusterKind: colourBy,
      entries: shown.map((c) => ({ id: c.id, colour: colourOf(c.id), size: c.size })),
      others: clusters.length - shown.length,
      othersColour: clusters.length > CLUSTER_PALETTE.length ? OTHER_CLUSTER_COLOUR : null,
    };
  } else {
    const values = rows.map((r) => metricValue(r, colourBy));
    const finite = values.filter((v): v is number => v !== null);
    const min = finite.length ? Math.min(...finite) : 0;
    const max = finite.length ? Math.max(...finite) : 1;
    rows.forEach((row, i) => {
      const v = values[i];
      colour.set(row.id, v === null || v === undefined ? OTHER_CLUSTER_COLOUR : viridis(max > min ? (v - min) / (max - min) : 0.5));
    });
    legend = { kind: 'scale', metric: colourBy, min, max, stops: VIRIDIS, missing: values.length - finite.length };
  }

  if (sizeBy === 'degree' || !result) {
    for (const [id, d] of degrees) size.set(id, nodeSizeForDegree(d));
  } else {
    const values = rows.map((r) => metricValue(r, sizeBy));
    const finite = values.filter((v): v is number => v !== null);
    const max = finite.length ? Math.max(...finite) : 1;
    rows.forEach((row, i) => {
      const v = values[i] ?? null;
      // Constraint is high for the *least* brokering organisations; size shows it as it is.
      size.set(row.id, v === null ? 3 : 3 + 14 * Math.sqrt(max > 0 ? v / max : 0));
    });
  }
  return { colour, size, legend, sizeMetric: result ? sizeBy : 'degree' };
}

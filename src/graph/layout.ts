import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import noverlap from 'graphology-layout-noverlap';
import { SECTORS } from '../data/sectors';
import { nodeSizeForDegree } from './appearance';
import { mulberry32 } from './random';
import type { AbstractGraph, Attributes } from 'graphology-types';
import type { Network } from './network';

/** Any undirected graph whose nodes may carry a `sector` (used to group isolates) and `label`. */
type LayoutGraph = AbstractGraph<Attributes, Attributes, Attributes>;

/** Node id → [x, y]. */
export type Positions = Record<string, [number, number]>;

export interface LayoutOptions {
  seed?: number;
  /** ForceAtlas2 iterations; by default fewer for larger graphs. */
  iterations?: number;
}

/**
 * ForceAtlas2 (Barnes–Hut) costs about 0.4 µs per node and tie per iteration on this class of
 * machine: the budget keeps national scale (17,000 organisations, 300,000 ties) near 2 s
 * while small networks get a fully converged layout.
 */
function defaultIterations(order: number, size: number): number {
  return Math.max(15, Math.min(800, Math.round(6e6 / (order + size))));
}

/** noverlap's grid passes cost far more than FA2 on large graphs; it only runs where it pays. */
const NOVERLAP_MAX_NODES = 2500;

/**
 * Barnes–Hut from this many nodes (graphology's own default starts at 2,000). Exact repulsion is
 * quadratic: on H2020's overview (841 communities) it took 0.7 s of the layout's 1.4 s, against
 * 0.4–0.5 s with Barnes–Hut; communities of 500–2,000 organisations gain more.
 */
const BARNES_HUT_FROM = 500;

/** ForceAtlas2's settings for Bruggen's graphs (the computed layout and the live run alike). */
export function forceAtlas2Settings(graph: LayoutGraph) {
  return { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: graph.order >= BARNES_HUT_FROM, edgeWeightInfluence: 0.5, adjustSizes: false };
}

/**
 * noverlap's passes over discs of their own size. It stops when nothing overlaps, but discs of
 * very different sizes never quite get there: on H2020's overview 1,000 passes (0.7 s) left the
 * same one or two slightly overlapping pairs as 100 did. The budget is work, not passes, so small
 * overviews still get 1,000.
 */
const sizedNoverlapPasses = (order: number) => Math.max(100, Math.min(1000, Math.round(1.5e5 / Math.max(1, order))));

/**
 * A deterministic force-directed layout: seeded initial positions in sorted node order,
 * ForceAtlas2 (weighted by shared activities) on the connected organisations, then noverlap so
 * discs do not cover each other. Organisations without any tie are laid out in a block below
 * the network, grouped by sector, so "who is connected to nobody" is visible at a glance
 * instead of being pulled into the middle by gravity.
 */
export function computeLayout(graph: LayoutGraph, options: LayoutOptions = {}): Positions {
  const random = mulberry32(options.seed ?? 1);
  const connected = graph.copy();
  const isolates: string[] = [];
  graph.forEachNode((node) => {
    if (graph.degree(node) === 0) {
      isolates.push(node);
      connected.dropNode(node);
    }
  });
  const spread = 10 * Math.sqrt(Math.max(1, connected.order));
  connected.forEachNode((node) => {
    connected.mergeNodeAttributes(node, {
      x: (random() - 0.5) * spread,
      y: (random() - 0.5) * spread,
    });
  });
  const positions: Positions = {};
  if (connected.order > 0) {
    forceAtlas2.assign(connected, {
      iterations: options.iterations ?? defaultIterations(connected.order, connected.size),
      settings: forceAtlas2Settings(connected),
      getEdgeWeight: (_edge, attrs) => (typeof attrs.weight === 'number' ? attrs.weight : 1),
    });
    const sized = connected.someNode((_n, a) => typeof a.size === 'number');
    if (sized) spreadForDiscs(connected);
    if (connected.order <= NOVERLAP_MAX_NODES) {
      noverlap.assign(connected, {
        maxIterations: sized ? sizedNoverlapPasses(connected.order) : 200,
        settings: { margin: 2, ratio: 1.1 },
        // Nodes that carry their own size (the overview's community discs) keep it.
        inputReducer: (key, attrs) => ({ ...attrs, size: typeof attrs.size === 'number' ? attrs.size : nodeSizeForDegree(connected.degree(key)) }),
      });
    }
    connected.forEachNode((node, attrs) => {
      positions[node] = [attrs.x ?? 0, attrs.y ?? 0];
    });
  }
  placeIsolates(graph, isolates, positions);
  return positions;
}

/**
 * Discs of their own size (the overview's communities) dwarf the distances ForceAtlas2 leaves
 * between nodes: the picture is scaled up, keeping its shape, until the discs could cover about a
 * third of it, so the overlap removal only has to nudge them apart.
 */
function spreadForDiscs(graph: LayoutGraph) {
  let area = 0;
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  graph.forEachNode((_n, a) => {
    const r = typeof a.size === 'number' ? a.size : 1;
    area += Math.PI * r * r;
    minX = Math.min(minX, a.x);
    maxX = Math.max(maxX, a.x);
    minY = Math.min(minY, a.y);
    maxY = Math.max(maxY, a.y);
  });
  const box = Math.max(1e-9, (maxX - minX) * (maxY - minY));
  const factor = Math.sqrt(area / 0.35 / box);
  if (!(factor > 1) || !Number.isFinite(factor)) return;
  graph.updateEachNodeAttributes((_n, a) => ({ ...a, x: a.x * factor, y: a.y * factor }));
}

function placeIsolates(graph: LayoutGraph, isolates: string[], positions: Positions) {
  if (!isolates.length) return;
  // A loop, not Math.min(...xs): spreading a large array overflows the call stack.
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  for (const p of Object.values(positions)) {
    minX = Math.min(minX, p[0]);
    maxX = Math.max(maxX, p[0]);
    minY = Math.min(minY, p[1]);
  }
  if (minX === Infinity) minX = maxX = minY = 0;
  const order = (id: string) => SECTORS.indexOf(graph.getNodeAttribute(id, 'sector') as (typeof SECTORS)[number]);
  const label = (id: string) => String(graph.getNodeAttribute(id, 'label') ?? id);
  const sorted = [...isolates].sort((a, b) => order(a) - order(b) || label(a).localeCompare(label(b)));
  const sizeOf = (id: string) => graph.getNodeAttribute(id, 'size');
  if (sorted.some((id) => typeof sizeOf(id) === 'number')) {
    // Discs of their own size (the overview): shelves, left to right, each as high as its largest disc.
    const radius = (id: string) => (typeof sizeOf(id) === 'number' ? (sizeOf(id) as number) : nodeSizeForDegree(0));
    const gap = 2 * nodeSizeForDegree(0);
    let largest = 0;
    for (const id of sorted) largest = Math.max(largest, radius(id));
    const width = Math.max(maxX - minX, 2 * largest);
    let x = minX;
    let y = minY - 3 * gap;
    let row = 0;
    for (const id of sorted) {
      const r = radius(id);
      if (x > minX && x + 2 * r > minX + width) {
        x = minX;
        y -= row + gap;
        row = 0;
      }
      positions[id] = [x + r, y - r];
      x += 2 * r + gap;
      row = Math.max(row, 2 * r);
    }
    return;
  }
  const spacing = 4 * nodeSizeForDegree(0);
  const width = Math.max(maxX - minX, spacing * Math.ceil(Math.sqrt(isolates.length)));
  const perRow = Math.max(1, Math.floor(width / spacing));
  // Sigma's y axis points up, so "below" is smaller y.
  const top = minY - 3 * spacing;
  sorted.forEach((id, i) => {
    positions[id] = [minX + (i % perRow) * spacing, top - Math.floor(i / perRow) * spacing];
  });
}

/**
 * The layout of an index-addressed graph (what the layout worker receives): node keys are the
 * indices as strings, so no organisation id is ever used as a graphology key.
 */
export function layoutIndexedGraph(input: {
  n: number;
  labels: readonly string[];
  groups: ArrayLike<number>;
  edgeU: ArrayLike<number>;
  edgeV: ArrayLike<number>;
  edgeW: ArrayLike<number>;
  sizes?: ArrayLike<number>;
  iterations?: number;
}, seed = 1): { x: Float32Array; y: Float32Array } {
  const graph = new Graph({ type: 'undirected', multi: false });
  for (let i = 0; i < input.n; i++) {
    const attributes: Attributes = { label: input.labels[i] ?? '', sector: SECTORS[input.groups[i]!] ?? 'zz' };
    if (input.sizes) attributes.size = input.sizes[i] ?? 1;
    graph.addNode(String(i), attributes);
  }
  for (let e = 0; e < input.edgeU.length; e++) {
    graph.mergeEdge(String(input.edgeU[e]), String(input.edgeV[e]), { weight: input.edgeW[e] ?? 1 });
  }
  const positions = computeLayout(graph, { seed, iterations: input.iterations });
  const x = new Float32Array(input.n);
  const y = new Float32Array(input.n);
  for (let i = 0; i < input.n; i++) {
    const p = positions[String(i)];
    x[i] = p?.[0] ?? 0;
    y[i] = p?.[1] ?? 0;
  }
  return { x, y };
}

/** A graph to lay out, by index (what the layout worker receives). */
export interface IndexedLayoutGraph {
  n: number;
  labels: string[];
  groups: Uint8Array;
  edgeU: Int32Array;
  edgeV: Int32Array;
  edgeW: Float64Array;
  /** Node radii in layout units, kept apart by the overlap removal (default: from the degree). */
  sizes?: Float64Array;
  /** ForceAtlas2 iterations (default: from the graph's size, see LayoutOptions). */
  iterations?: number;
}

/** The organisation network as a graph to lay out (nodes by organisation index). */
export function networkLayoutGraph(network: Network, sectors: Uint8Array): IndexedLayoutGraph {
  const { ties } = network.projection;
  return {
    n: network.organisations.length,
    labels: network.organisations.map((o) => o.name),
    groups: sectors,
    edgeU: ties.u,
    edgeV: ties.v,
    edgeW: ties.weight,
  };
}

/** Organisations (0..N-1) then activities (N..N+A-1), an edge per participation. */
export function twoModeLayoutGraph(network: Network, sectors: Uint8Array): IndexedLayoutGraph {
  const inc = network.projection.incidence;
  const N = network.organisations.length;
  const A = network.activities.length;
  const edgeU = new Int32Array(inc.participants.length);
  const edgeV = new Int32Array(inc.participants.length);
  let k = 0;
  for (let a = 0; a < A; a++) {
    for (let p = inc.participantOffsets[a]!; p < inc.participantOffsets[a + 1]!; p++) {
      edgeU[k] = inc.participants[p]!;
      edgeV[k] = N + a;
      k++;
    }
  }
  const groups = new Uint8Array(N + A);
  groups.set(sectors);
  groups.fill(SECTORS.length, N);
  return {
    n: N + A,
    labels: [...network.organisations.map((o) => o.name), ...network.activities.map((a) => a.title)],
    groups,
    edgeU,
    edgeV,
    edgeW: new Float64Array(k).fill(1),
  };
}

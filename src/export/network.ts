/**
 * The (filtered) organisation network as GEXF 1.2 and GraphML, for Gephi, Cytoscape, yEd and
 * the like: every node attribute (label, sector, city, region, activity count, position, colour,
 * size), every measure of the analysis merged per node, and every tie's weight, shared activity
 * ids and bridge flag. Attribute types are declared explicitly, whatever the values happen to be.
 */
import Graph from 'graphology';
import writeGexfString from 'graphology-gexf/common/writer.js';
import type { AnalysisResult } from '../analysis';
import { isSector, SECTOR_INFO } from '../data/sectors';
import { nodeSizeForDegree } from '../graph/appearance';

export type AttributeType = 'string' | 'integer' | 'double' | 'boolean';

/** Node attributes beyond label, position, size and colour, in file order, with their types. */
export const NODE_EXPORT_ATTRIBUTES = [
  ['sector', 'string'],
  ['city', 'string'],
  ['region', 'string'],
  ['activityCount', 'integer'],
  ['degree', 'integer'],
  ['strength', 'double'],
  ['betweenness', 'double'],
  ['constraint', 'double'],
  ['effectiveSize', 'double'],
  ['hierarchy', 'double'],
  ['participation', 'double'],
  ['ei', 'double'],
  ['component', 'integer'],
  ['community', 'integer'],
  ['brokerageCoordinator', 'integer'],
  ['brokerageItinerant', 'integer'],
  ['brokerageGatekeeperOrRepresentative', 'integer'],
  ['brokerageLiaison', 'integer'],
  ['brokerageTotal', 'integer'],
  ['articulationPoint', 'boolean'],
] as const satisfies readonly (readonly [string, AttributeType])[];

/** Edge attributes beyond the weight. `activities` holds the shared activity ids joined by "|". */
export const EDGE_EXPORT_ATTRIBUTES = [
  ['activities', 'string'],
  ['bridge', 'boolean'],
] as const satisfies readonly (readonly [string, AttributeType])[];

type NodeAttributeName = (typeof NODE_EXPORT_ATTRIBUTES)[number][0];
type EdgeAttributeName = (typeof EDGE_EXPORT_ATTRIBUTES)[number][0];
type Value = string | number | boolean | null | undefined;

export interface ExportNode {
  id: string;
  label: string;
  colour: string;
  size: number;
  x?: number;
  y?: number;
  attributes: Partial<Record<NodeAttributeName, Value>>;
}

export interface ExportEdge {
  id: string;
  source: string;
  target: string;
  weight: number;
  attributes: Partial<Record<EdgeAttributeName, Value>>;
}

export interface NetworkExportOptions {
  /** Positions for nodes without `x`/`y` attributes (e.g. the map's layout). */
  positions?: Record<string, readonly [number, number]>;
  /** Written into the file's description. */
  datasetName?: string;
  /** Written as the file's date; default now. */
  generatedAt?: Date;
}

export interface ExportNetwork {
  nodes: ExportNode[];
  edges: ExportEdge[];
  description: string;
  date: string;
}

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** Joins an edge's activity ids; "|" inside an id (which the format cannot tell apart) becomes "/". */
export function joinActivityIds(ids: readonly string[]): string {
  return ids.map((id) => id.replace(/\|/g, '/')).join('|');
}

/**
 * Gathers what both writers need: the graph's own attributes and, when given, the analysis'
 * measures per node (matched by id) and bridge flag per tie.
 */
export function collectExportNetwork(
  graph: Graph,
  result?: AnalysisResult | null,
  options: NetworkExportOptions = {},
): ExportNetwork {
  const rows = new Map((result?.organisations ?? []).map((r) => [r.id, r]));
  const bridges = new Set<string>();
  for (const t of result?.ties ?? []) if (t.bridge) bridges.add(`${t.source}\u0000${t.target}`);

  const nodes: ExportNode[] = [];
  graph.forEachNode((id, a) => {
    const sector = str(a.sector) ?? 'other';
    const colour = str(a.color) ?? str(a.colour) ?? (isSector(sector) ? SECTOR_INFO[sector].colour : '#8C8C8C');
    const row = rows.get(id);
    const degree = row?.degree ?? graph.degree(id);
    const node: ExportNode = {
      id,
      label: str(a.label) ?? id,
      colour,
      size: num(a.size) ?? nodeSizeForDegree(degree),
      attributes: {
        sector,
        city: str(a.city),
        region: str(a.region),
        activityCount: num(a.activityCount),
        degree,
      },
    };
    const position = options.positions?.[id];
    const x = num(a.x) ?? position?.[0];
    const y = num(a.y) ?? position?.[1];
    if (x !== undefined && y !== undefined) {
      node.x = x;
      node.y = y;
    }
    if (row) {
      Object.assign(node.attributes, {
        strength: row.strength,
        betweenness: row.betweenness,
        constraint: row.constraint,
        effectiveSize: row.effectiveSize,
        hierarchy: row.hierarchy,
        participation: row.participation,
        ei: row.ei,
        component: row.component,
        community: row.community,
        brokerageCoordinator: row.brokerage.coordinator,
        brokerageItinerant: row.brokerage.itinerant,
        brokerageGatekeeperOrRepresentative: row.brokerage.gatekeeper_or_representative,
        brokerageLiaison: row.brokerage.liaison,
        brokerageTotal: row.brokerageTotal,
        articulationPoint: row.articulationPoint,
      } satisfies Partial<Record<NodeAttributeName, Value>>);
    }
    nodes.push(node);
  });

  const edges: ExportEdge[] = [];
  graph.forEachEdge((id, a, source, target) => {
    const activities = Array.isArray(a.activities) ? (a.activities as unknown[]).filter((x): x is string => typeof x === 'string') : [];
    const edge: ExportEdge = {
      id,
      source,
      target,
      weight: num(a.weight) ?? 1,
      attributes: { activities: joinActivityIds(activities) },
    };
    if (result) edge.attributes.bridge = bridges.has(`${source}\u0000${target}`) || bridges.has(`${target}\u0000${source}`);
    edges.push(edge);
  });

  const date = (options.generatedAt ?? new Date()).toISOString().slice(0, 10);
  const parts = [
    options.datasetName ? `Bruggen: ${options.datasetName}` : 'Bruggen organisation network',
    `${nodes.length} organisations, ${edges.length} ties (shared activities)`,
  ];
  if (result) {
    parts.push(
      `betweenness: ${result.meta.betweenness.method}${result.meta.betweenness.estimated ? ` (${result.meta.betweenness.samples} samples)` : ''}`,
      `communities: Louvain (resolution ${result.meta.louvain.resolution}, seed ${result.meta.louvain.seed})`,
    );
  }
  return { nodes, edges, description: parts.join('; '), date };
}

const GEXF_TYPES: Record<AttributeType, string> = { string: 'string', integer: 'integer', double: 'double', boolean: 'boolean' };

/**
 * GEXF 1.2 (Gephi's own format) via graphology-gexf: node colour, size and position in the viz
 * namespace, every other attribute declared with its type.
 */
export function toGexf(graph: Graph, result?: AnalysisResult | null, options: NetworkExportOptions = {}): string {
  const data = collectExportNetwork(graph, result, options);
  // A fresh graph holding exactly what goes into the file, so the writer needs no guessing.
  const out = new Graph({ type: 'undirected', multi: false, allowSelfLoops: true });
  out.replaceAttributes({ creator: 'Bruggen', description: data.description, lastModifiedDate: data.date });
  for (const n of data.nodes) out.addNode(n.id, n);
  for (const e of data.edges) out.addUndirectedEdgeWithKey(e.id, e.source, e.target, e);

  let xml = writeGexfString(out, {
    version: '1.2',
    pedantic: true,
    formatNode: (_key, a) => {
      const n = a as unknown as ExportNode;
      const viz: { color: string; size: number; x?: number; y?: number } = { color: n.colour, size: n.size };
      if (n.x !== undefined && n.y !== undefined) {
        viz.x = n.x;
        viz.y = n.y;
      }
      return { label: n.label, viz, attributes: definedOnly(n.attributes) };
    },
    formatEdge: (_key, a) => {
      const e = a as unknown as ExportEdge;
      return { weight: e.weight, attributes: definedOnly(e.attributes) };
    },
  });
  // The writer infers each attribute's type from the values (0 everywhere reads as "integer");
  // declare the real ones. It also misspells the 1.2 viz namespace.
  const declared = new Map<string, AttributeType>([...NODE_EXPORT_ATTRIBUTES, ...EDGE_EXPORT_ATTRIBUTES]);
  xml = xml.replace(/<attribute id="([^"]+)" title="([^"]+)" type="[a-z]+"\/>/g, (whole, id: string, title: string) => {
    const type = declared.get(id);
    return type ? `<attribute id="${id}" title="${title}" type="${GEXF_TYPES[type]}"/>` : whole;
  });
  xml = xml.replace('xmlns:viz="http:///www.gexf.net/1.1draft/viz"', 'xmlns:viz="http://www.gexf.net/1.2draft/viz"');
  return xml;
}

function definedOnly(attributes: Record<string, Value>): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const [k, v] of Object.entries(attributes)) {
    if (v === null || v === undefined || v === '' || (typeof v === 'number' && !Number.isFinite(v))) continue;
    out[k] = v;
  }
  return out;
}

const GRAPHML_TYPES: Record<AttributeType, string> = { string: 'string', integer: 'int', double: 'double', boolean: 'boolean' };

/** Text and attribute values for XML: escaped, and characters XML 1.0 forbids removed. */
export function xmlEscape(value: string): string {
  return value
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function hexToRgb(colour: string): [number, number, number] | undefined {
  const m = /^#?([0-9a-f]{6}|[0-9a-f]{3})$/i.exec(colour.trim());
  if (!m) return undefined;
  const h = m[1]!.length === 3 ? m[1]!.replace(/./g, (c) => c + c) : m[1]!;
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
}

/**
 * GraphML with typed keys. Names follow what Gephi's GraphML importer recognises: `label`, `x`,
 * `y`, `size`, `r`/`g`/`b` (colour) on nodes and `weight` on edges. Key ids equal the attribute
 * names (unique across nodes and edges).
 */
export function toGraphml(graph: Graph, result?: AnalysisResult | null, options: NetworkExportOptions = {}): string {
  const data = collectExportNetwork(graph, result, options);
  const nodeKeys: (readonly [string, AttributeType])[] = [
    ['label', 'string'],
    ...NODE_EXPORT_ATTRIBUTES,
    ['x', 'double'],
    ['y', 'double'],
    ['size', 'double'],
    ['r', 'integer'],
    ['g', 'integer'],
    ['b', 'integer'],
  ];
  const edgeKeys: (readonly [string, AttributeType])[] = [['weight', 'double'], ...EDGE_EXPORT_ATTRIBUTES];
  const lines: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    `  <!-- ${xmlEscape(data.description).replace(/--/g, '–')}; ${data.date} -->`,
  ];
  for (const [name, type] of nodeKeys) {
    lines.push(`  <key id="${name}" for="node" attr.name="${name}" attr.type="${GRAPHML_TYPES[type]}"/>`);
  }
  for (const [name, type] of edgeKeys) {
    lines.push(`  <key id="${name}" for="edge" attr.name="${name}" attr.type="${GRAPHML_TYPES[type]}"/>`);
  }
  lines.push('  <graph id="G" edgedefault="undirected">');
  const dataLine = (key: string, value: Value) =>
    value === null || value === undefined || value === '' || (typeof value === 'number' && !Number.isFinite(value))
      ? null
      : `      <data key="${key}">${xmlEscape(String(value))}</data>`;
  for (const n of data.nodes) {
    lines.push(`    <node id="${xmlEscape(n.id)}">`);
    const rgb = hexToRgb(n.colour);
    const values: [string, Value][] = [
      ['label', n.label],
      ...NODE_EXPORT_ATTRIBUTES.map(([name]): [string, Value] => [name, n.attributes[name]]),
      ['x', n.x],
      ['y', n.y],
      ['size', n.size],
      ['r', rgb?.[0]],
      ['g', rgb?.[1]],
      ['b', rgb?.[2]],
    ];
    for (const [k, v] of values) {
      const line = dataLine(k, v);
      if (line) lines.push(line);
    }
    lines.push('    </node>');
  }
  for (const e of data.edges) {
    lines.push(`    <edge id="${xmlEscape(e.id)}" source="${xmlEscape(e.source)}" target="${xmlEscape(e.target)}">`);
    const values: [string, Value][] = [
      ['weight', e.weight],
      ...EDGE_EXPORT_ATTRIBUTES.map(([name]): [string, Value] => [name, e.attributes[name]]),
    ];
    for (const [k, v] of values) {
      const line = dataLine(k, v);
      if (line) lines.push(line);
    }
    lines.push('    </edge>');
  }
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}

/**
 * The (filtered) organisation network as GEXF 1.2 and GraphML, for Gephi, Cytoscape, yEd and
 * the like: every node attribute (label, sector, city, region, activity count, position, colour,
 * size), every measure of the analysis merged per node, and every tie's weight, shared activity
 * ids and bridge flag. Attribute types are declared explicitly, whatever the values happen to be.
 */
import type { AnalysisResult, OrganisationRow } from '../analysis';
import { SECTOR_INFO, SECTORS } from '../data/sectors';
import type { Visibility } from '../filters/filters';
import { nodeSizeForDegree, visibleDegrees } from '../graph/appearance';
import type { Network } from '../graph/network';
import { MEASURES } from '../measures/registry';
import type { Positions } from '../session/store';
import { visibleTieActivities } from '../ui/tables/rows';

export type AttributeType = 'string' | 'integer' | 'double' | 'boolean';

/**
 * Node attributes beyond label, position, size and colour, in file order, with their types: the
 * organisation's own attributes, then every measure the registry marks for export.
 */
export const NODE_EXPORT_ATTRIBUTES: readonly (readonly [string, AttributeType])[] = [
  ['sector', 'string'],
  ['city', 'string'],
  ['region', 'string'],
  ['activityCount', 'integer'],
  ...MEASURES.filter((m) => m.in.export).map((m) => [m.attribute, m.attributeType] as const),
  ['component', 'integer'],
  ['community', 'integer'],
  ['articulationPoint', 'boolean'],
  ['focalDistance', 'integer'],
];

/** Edge attributes beyond the weight. `activities` holds the shared activity ids joined by "|". */
export const EDGE_EXPORT_ATTRIBUTES: readonly (readonly [string, AttributeType])[] = [
  ['activities', 'string'],
  ['bridge', 'boolean'],
  ['implied', 'boolean'],
  ['suggested', 'boolean'],
];

type Value = string | number | boolean | null | undefined;

export interface ExportNode {
  id: string;
  label: string;
  colour: string;
  size: number;
  x?: number;
  y?: number;
  attributes: Record<string, Value>;
}

export interface ExportEdge {
  id: string;
  source: string;
  target: string;
  weight: number;
  attributes: Record<string, Value>;
}

export interface NetworkExportInput {
  network: Network;
  visibility: Visibility;
  /** Sector code per organisation index (corrections applied). */
  sectors: ArrayLike<number>;
  result?: AnalysisResult | null;
  /** The map's layout, by organisation index. */
  positions?: Positions | null;
  /** What the map shows: colour and size per organisation index (default: sector colours, size by partners). */
  look?: { colour: readonly string[]; size: ArrayLike<number> } | null;
  /** Suggested ties drawn on the map (organisation indices), written as edges marked `suggested`. */
  suggested?: readonly { a: number; b: number }[];
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

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** Joins an edge's activity ids; "|" inside an id (which the format cannot tell apart) becomes "/". */
export function joinActivityIds(ids: readonly string[]): string {
  return ids.map((id) => id.replace(/\|/g, '/')).join('|');
}

/**
 * What both writers need, exactly as on screen: the visible organisations with the map's colour,
 * size and position, every measure of the analysis (matched by id), the visible ties with their
 * visible activities, bridge and implied flags, and the suggested ties drawn on the map.
 */
export function collectExportNetwork(input: NetworkExportInput): ExportNetwork {
  const { network, visibility, sectors, result } = input;
  const { ties, incidence } = network.projection;
  const rows = new Map<string, OrganisationRow>((result?.organisations ?? []).map((r) => [r.id, r]));
  const bridges = new Set<string>();
  for (const t of result?.ties ?? []) if (t.bridge) bridges.add(`${t.source.length}:${t.source}${t.target}`);
  const degree = visibleDegrees(network, visibility);
  const activityCount = new Int32Array(network.organisations.length);
  for (const o of incidence.participants) activityCount[o]!++;

  const nodes: ExportNode[] = [];
  network.organisations.forEach((o, i) => {
    if (!visibility.orgs[i]) return;
    const sector = SECTORS[sectors[i]!] ?? 'other';
    const row = rows.get(o.id);
    const node: ExportNode = {
      id: o.id,
      label: o.name || o.id,
      colour: input.look?.colour[i] ?? SECTOR_INFO[sector].colour,
      size: input.look ? Number(input.look.size[i]) : nodeSizeForDegree(degree[i]!),
      attributes: { sector, city: str(o.city), region: str(o.region), activityCount: activityCount[i]!, degree: degree[i]! },
    };
    if (input.positions) {
      node.x = input.positions.x[i]!;
      node.y = input.positions.y[i]!;
    }
    if (row) {
      for (const m of MEASURES) if (m.in.export) node.attributes[m.attribute] = m.fromRow(row);
      Object.assign(node.attributes, {
        component: row.component,
        community: row.community,
        articulationPoint: row.articulationPoint,
        focalDistance: row.focalDistance,
      });
    }
    nodes.push(node);
  });

  const edges: ExportEdge[] = [];
  for (let e = 0; e < ties.m; e++) {
    if (!visibility.tieShared[e]) continue;
    const source = network.organisations[ties.u[e]!]!.id;
    const target = network.organisations[ties.v[e]!]!.id;
    const activities = visibleTieActivities(network, visibility, e).map((a) => network.activities[a]!.id);
    const edge: ExportEdge = {
      id: `t${e}`,
      source,
      target,
      weight: visibility.tieWeight[e]!,
      attributes: { activities: joinActivityIds(activities), implied: ties.confidence[e]! > 0 },
    };
    if (result) edge.attributes.bridge = bridges.has(`${source.length}:${source}${target}`);
    edges.push(edge);
  }
  (input.suggested ?? []).forEach((s, k) => {
    edges.push({
      id: `s${k}`,
      source: network.organisations[s.a]!.id,
      target: network.organisations[s.b]!.id,
      weight: 0,
      attributes: { suggested: true },
    });
  });

  const date = (input.generatedAt ?? new Date()).toISOString().slice(0, 10);
  const parts = [
    input.datasetName ? `Bruggen: ${input.datasetName}` : 'Bruggen organisation network',
    `${nodes.length} organisations, ${edges.length - (input.suggested?.length ?? 0)} ties (shared activities, ${network.projection.rules.weight} weights)`,
  ];
  if (input.suggested?.length) parts.push(`${input.suggested.length} suggested ties (suggested=true)`);
  if (result) {
    parts.push(
      `betweenness: ${result.meta.betweenness.method}${result.meta.betweenness.estimated ? ` (${result.meta.betweenness.samples} samples)` : ''}`,
      `communities: resolution ${result.meta.louvain.resolution}, seed ${result.meta.louvain.seed}`,
    );
  }
  return { nodes, edges, description: parts.join('; '), date };
}

const GEXF_TYPES: Record<AttributeType, string> = { string: 'string', integer: 'integer', double: 'double', boolean: 'boolean' };

/**
 * GEXF 1.2 (Gephi's own format), written here rather than through graphology-gexf: that writer
 * needs a graphology graph keyed by organisation id (an id such as `__proto__` cannot be one) and
 * infers attribute types from values. Colour, size and position go in the viz namespace; every
 * other attribute is declared with its type; text is escaped and XML-invalid characters removed.
 */
export function toGexf(input: NetworkExportInput): string {
  const data = collectExportNetwork(input);
  const nodeAttrs = NODE_EXPORT_ATTRIBUTES;
  const edgeAttrs = EDGE_EXPORT_ATTRIBUTES;
  const lines: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf version="1.2" xmlns="http://www.gexf.net/1.2draft" xmlns:viz="http://www.gexf.net/1.2draft/viz">',
    `  <meta lastmodifieddate="${data.date}">`,
    '    <creator>Bruggen</creator>',
    `    <description>${xmlEscape(data.description)}</description>`,
    '  </meta>',
    '  <graph defaultedgetype="undirected" mode="static">',
    '    <attributes class="node">',
    ...nodeAttrs.map(([name, type]) => `      <attribute id="${name}" title="${name}" type="${GEXF_TYPES[type]}"/>`),
    '    </attributes>',
    '    <attributes class="edge">',
    ...edgeAttrs.map(([name, type]) => `      <attribute id="${name}" title="${name}" type="${GEXF_TYPES[type]}"/>`),
    '    </attributes>',
    '    <nodes>',
  ];
  const values = (attrs: readonly (readonly [string, AttributeType])[], of: Record<string, Value>) =>
    attrs.flatMap(([name]) => {
      const v = of[name];
      if (v === null || v === undefined || v === '' || (typeof v === 'number' && !Number.isFinite(v))) return [];
      return [`          <attvalue for="${name}" value="${xmlEscape(String(v))}"/>`];
    });
  for (const n of data.nodes) {
    lines.push(`      <node id="${xmlEscape(n.id)}" label="${xmlEscape(n.label)}">`);
    const v = values(nodeAttrs, n.attributes);
    if (v.length) lines.push('        <attvalues>', v.join('\n'), '        </attvalues>');
    const rgb = hexToRgb(n.colour) ?? [140, 140, 140];
    lines.push(`        <viz:color r="${rgb[0]}" g="${rgb[1]}" b="${rgb[2]}"/>`, `        <viz:size value="${finite(n.size, 1)}"/>`);
    if (n.x !== undefined && n.y !== undefined) lines.push(`        <viz:position x="${finite(n.x, 0)}" y="${finite(n.y, 0)}" z="0"/>`);
    lines.push('      </node>');
  }
  lines.push('    </nodes>', '    <edges>');
  for (const e of data.edges) {
    lines.push(`      <edge id="${xmlEscape(e.id)}" source="${xmlEscape(e.source)}" target="${xmlEscape(e.target)}" weight="${finite(e.weight, 0)}">`);
    const v = values(edgeAttrs, e.attributes);
    if (v.length) lines.push('        <attvalues>', v.join('\n'), '        </attvalues>');
    lines.push('      </edge>');
  }
  lines.push('    </edges>', '  </graph>', '</gexf>', '');
  return lines.join('\n');
}

const finite = (x: number, fallback: number) => (Number.isFinite(x) ? x : fallback);


const GRAPHML_TYPES: Record<AttributeType, string> = { string: 'string', integer: 'int', double: 'double', boolean: 'boolean' };

/**
 * Text and attribute values for XML: characters XML 1.0 forbids removed (C0 controls other than
 * tab and line breaks, U+FFFE/U+FFFF, and halves of surrogate pairs without their other half),
 * markup characters escaped, and tab and line breaks written as references so that attribute
 * values read back as written (a parser turns literal ones into spaces).
 */
export function xmlEscape(value: string): string {
  return value
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
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
export function toGraphml(input: NetworkExportInput): string {
  const data = collectExportNetwork(input);
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

/**
 * One descriptor per organisation measure. Table columns, CSV/GEXF/GraphML attributes, the
 * colour and size options, the legend and the details panel are all generated from this list,
 * so a measure is added or changed in one place. Labels, definitions and how to read a value are
 * i18n keys in the `measures` namespace: `<id>.label`, `<id>.short`, `<id>.definition`, `<id>.reading`.
 */
import type { OrganisationRow } from '../analysis/assemble';
import type { StageData, StageName } from '../analysis/stages';

export type MeasureId =
  | 'degree'
  | 'strength'
  | 'betweenness'
  | 'constraint'
  | 'effectiveSize'
  | 'hierarchy'
  | 'participation'
  | 'ei'
  | 'brokerageCoordinator'
  | 'brokerageItinerant'
  | 'brokerageGatekeeperOrRepresentative'
  | 'brokerageLiaison'
  | 'brokerageTotal'
  | 'brokerageRatio';

/** The stage results a measure is read from (only the stages it needs must be present). */
export type MeasureSources = Partial<{ [S in StageName]: StageData[S] }>;

export interface MeasureDescriptor {
  id: MeasureId;
  /** The stage that computes it. */
  stage: StageName;
  /** The value for view node i, or null where it is undefined (e.g. constraint of an isolate). */
  value(sources: MeasureSources, i: number): number | null;
  format: 'integer' | 'decimal' | 'small';
  /**
   * How a reader should read high values: `broker` (higher = more of a bridge position),
   * `closed` (higher = a more closed, constrained position), `neutral`.
   */
  direction: 'broker' | 'closed' | 'neutral';
  /** The column name in CSV exports (snake_case) and the attribute name in GEXF/GraphML. */
  csv: string;
  attribute: string;
  attributeType: 'integer' | 'double';
  /** Where the measure appears. */
  in: { table: boolean; export: boolean; colour: boolean; size: boolean; details: boolean };
  /** The JSON key path in the command line's organisation rows. */
  json: string;
  /** The value in an assembled organisation row (tables and exports). */
  fromRow(row: OrganisationRow): number | null;
  /** Literature the definition follows. */
  reference: string;
}

const finite = (x: number | undefined): number | null => (x === undefined || !Number.isFinite(x) ? null : x);

const everywhere = { table: true, export: true, colour: true, size: true, details: true };

export const MEASURES: readonly MeasureDescriptor[] = [
  {
    id: 'degree',
    stage: 'structure',
    value: (s, i) => finite(s.structure?.degree[i]),
    format: 'integer',
    direction: 'neutral',
    csv: 'degree',
    attribute: 'degree',
    attributeType: 'integer',
    in: { ...everywhere, colour: false },
    json: 'degree',
    fromRow: (r) => r.degree,
    reference: 'Wasserman & Faust (1994), Social Network Analysis, §4.3',
  },
  {
    id: 'strength',
    stage: 'structure',
    value: (s, i) => finite(s.structure?.strength[i]),
    format: 'decimal',
    direction: 'neutral',
    csv: 'strength',
    attribute: 'strength',
    attributeType: 'double',
    in: { ...everywhere, colour: false },
    json: 'strength',
    fromRow: (r) => r.strength,
    reference: 'Barrat et al. (2004), PNAS 101:3747',
  },
  {
    id: 'betweenness',
    stage: 'betweenness',
    value: (s, i) => finite(s.betweenness?.values[i]),
    format: 'small',
    direction: 'broker',
    csv: 'betweenness',
    attribute: 'betweenness',
    attributeType: 'double',
    in: everywhere,
    json: 'betweenness',
    fromRow: (r) => r.betweenness,
    reference: 'Freeman (1977); Brandes (2001); Brandes & Pich (2007) for the estimate',
  },
  {
    id: 'constraint',
    stage: 'structure',
    value: (s, i) => finite(s.structure?.constraint[i]),
    format: 'decimal',
    direction: 'closed',
    csv: 'constraint',
    attribute: 'constraint',
    attributeType: 'double',
    in: everywhere,
    json: 'constraint',
    fromRow: (r) => r.constraint,
    reference: 'Burt (1992), Structural Holes, ch. 2',
  },
  {
    id: 'effectiveSize',
    stage: 'structure',
    value: (s, i) => finite(s.structure?.effectiveSize[i]),
    format: 'decimal',
    direction: 'broker',
    csv: 'effective_size',
    attribute: 'effectiveSize',
    attributeType: 'double',
    in: { ...everywhere, colour: false, size: false },
    json: 'effectiveSize',
    fromRow: (r) => r.effectiveSize,
    reference: 'Burt (1992), Structural Holes, ch. 2',
  },
  {
    id: 'hierarchy',
    stage: 'structure',
    value: (s, i) => finite(s.structure?.hierarchy[i]),
    format: 'decimal',
    direction: 'closed',
    csv: 'hierarchy',
    attribute: 'hierarchy',
    attributeType: 'double',
    in: { ...everywhere, colour: false, size: false },
    json: 'hierarchy',
    fromRow: (r) => r.hierarchy,
    reference: 'Burt (1992), Structural Holes, ch. 2',
  },
  {
    id: 'participation',
    stage: 'roles',
    value: (s, i) => finite(s.roles?.participation[i]),
    format: 'decimal',
    direction: 'broker',
    csv: 'participation',
    attribute: 'participation',
    attributeType: 'double',
    in: { ...everywhere, size: false },
    json: 'participation',
    fromRow: (r) => r.participation,
    reference: 'Guimerà & Amaral (2005), Nature 433:895',
  },
  {
    id: 'ei',
    stage: 'roles',
    value: (s, i) => finite(s.roles?.ei[i]),
    format: 'decimal',
    direction: 'broker',
    csv: 'ei',
    attribute: 'ei',
    attributeType: 'double',
    in: { ...everywhere, size: false },
    json: 'ei',
    fromRow: (r) => r.ei,
    reference: 'Krackhardt & Stern (1988), Social Psychology Quarterly 51:123',
  },
  ...(
    [
      ['brokerageCoordinator', 'coordinator', 'brokerage_coordinator', 'coordinator'],
      ['brokerageItinerant', 'itinerant', 'brokerage_itinerant', 'itinerant'],
      ['brokerageGatekeeperOrRepresentative', 'gatekeeperOrRepresentative', 'brokerage_gatekeeper_or_representative', 'gatekeeper_or_representative'],
      ['brokerageLiaison', 'liaison', 'brokerage_liaison', 'liaison'],
    ] as const
  ).map(
    ([id, field, csv, role]): MeasureDescriptor => ({
      id,
      stage: 'roles',
      value: (s, i) => finite(s.roles?.[field][i]),
      format: 'integer',
      direction: 'broker',
      csv,
      attribute: id,
      attributeType: 'integer',
      in: { table: true, export: true, colour: false, size: false, details: true },
      json: `brokerage.${role}`,
      fromRow: (r) => r.brokerage[role],
      reference: 'Gould & Fernandez (1989), Sociological Methodology 19:89',
    }),
  ),
  {
    id: 'brokerageTotal',
    stage: 'roles',
    value: (s, i) => finite(s.roles?.total[i]),
    format: 'integer',
    direction: 'broker',
    csv: 'brokerage_total',
    attribute: 'brokerageTotal',
    attributeType: 'integer',
    in: everywhere,
    json: 'brokerageTotal',
    fromRow: (r) => r.brokerageTotal,
    reference: 'Gould & Fernandez (1989), Sociological Methodology 19:89',
  },
  {
    id: 'brokerageRatio',
    stage: 'roles',
    value: (s, i) => finite(s.roles?.ratio[i]),
    format: 'decimal',
    direction: 'broker',
    csv: 'brokerage_ratio',
    attribute: 'brokerageRatio',
    attributeType: 'double',
    in: { table: true, export: true, colour: true, size: true, details: false },
    json: 'brokerageRatio',
    fromRow: (r) => r.brokerageRatio,
    reference: 'Gould & Fernandez (1989), Sociological Methodology 19:89 (expected counts under random assignment)',
  },
];

export const MEASURE_IDS = MEASURES.map((m) => m.id);

const byId = new Map(MEASURES.map((m) => [m.id, m]));
export function measure(id: MeasureId): MeasureDescriptor {
  return byId.get(id)!;
}
export function isMeasureId(value: string): value is MeasureId {
  return byId.has(value as MeasureId);
}

/** Colour options: the groupings, then the measures that may colour the map. */
export const COLOUR_GROUPINGS = ['sector', 'community', 'component'] as const;
export const COLOUR_BY = [...COLOUR_GROUPINGS, ...MEASURES.filter((m) => m.in.colour).map((m) => m.id)] as const;
export type ColourBy = (typeof COLOUR_GROUPINGS)[number] | MeasureId;
export const SIZE_BY: readonly MeasureId[] = MEASURES.filter((m) => m.in.size).map((m) => m.id);
export type SizeBy = MeasureId;

import Graph from 'graphology';
import { parse as parseGexfDocument } from 'graphology-gexf';
import type { Row } from '../builder';
import { LIST_SEPARATOR } from '../canonical';
import type { FileRole, ImportProblem } from '../report';

/**
 * The app's own documents (a JSON export and GEXF) read as records that are already in
 * Bruggen's terms: one item per organisation, activity, participation or edge, each item one
 * or more canonical rows. They go through the same builder, so they get the same accounting
 * (an item is a "row" in the report, numbered from 1 within its section).
 */
export interface RecordItem {
  number: number;
  rows: Row[];
}

export interface RecordSource {
  /** Report label, e.g. `network.gexf (edges)`. */
  file: string;
  role: FileRole;
  items: RecordItem[];
  extraColumns: string[];
}

export type DocumentReading = { ok: true; sources: RecordSource[]; problems: ImportProblem[] } | { ok: false; problem: ImportProblem };

const text = (v: unknown): string =>
  typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
const list = (v: unknown): string => (Array.isArray(v) ? v.map(text).filter(Boolean).join(LIST_SEPARATOR) : text(v));
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function row(entries: Record<string, unknown>): Row {
  const r: Row = new Map();
  for (const [k, v] of Object.entries(entries)) {
    const s = k === 'aliases' || k === 'listed_in' || k === 'provenance' ? list(v) : text(v);
    if (s) r.set(k, s);
  }
  return r;
}

/** A Bruggen JSON export: `{ dataset: { organisations, activities, participations } }` (a built-in
 * bundle has this shape too) or the bare dataset object. */
export function readJsonDocument(source: string, file: string): DocumentReading {
  let doc: unknown;
  try {
    doc = JSON.parse(source);
  } catch (e) {
    return {
      ok: false,
      problem: {
        file,
        severity: 'error',
        code: 'invalid-json',
        message: `The file is not valid JSON (${(e as Error).message}).`,
        fix: 'Export the data again from Bruggen, or open a CSV or Excel file instead.',
      },
    };
  }
  const dataset = isObject(doc) && isObject(doc.dataset) ? doc.dataset : doc;
  if (!isObject(dataset) || !['organisations', 'activities', 'participations'].some((k) => Array.isArray(dataset[k]))) {
    return {
      ok: false,
      problem: {
        file,
        severity: 'error',
        code: 'not-bruggen-json',
        message: 'This JSON is not a Bruggen export: it needs a "dataset" with "organisations", "activities" and "participations" lists.',
        fix: 'Open a file exported by Bruggen, or a CSV/Excel file with one row per participation.',
      },
    };
  }
  const array = (k: string): unknown[] => (Array.isArray(dataset[k]) ? (dataset[k] as unknown[]) : []);
  const orgExtras = new Set<string>();
  const actExtras = new Set<string>();
  const items = <T>(values: unknown[], toRow: (o: Record<string, unknown>) => T) =>
    values.map((v, i) => ({ number: i + 1, rows: [isObject(v) ? toRow(v) : new Map()] as Row[] }));
  const withExtra = (r: Row, extra: unknown, names: Set<string>) => {
    if (!isObject(extra)) return r;
    for (const [k, v] of Object.entries(extra)) {
      if (!text(v) || r.has(k)) continue;
      r.set(k, text(v));
      names.add(k);
    }
    return r;
  };
  const organisations = items(array('organisations'), (o) =>
    withExtra(
      row({ organisation_id: o.id, name: o.name, sector: o.sector, city: o.city, region: o.region, country: o.country, aliases: o.aliases, description: o.description, listed_in: o.listedIn, provenance: o.provenance }),
      o.extra,
      orgExtras,
    ),
  );
  const activities = items(array('activities'), (a) =>
    withExtra(
      row({ activity_id: a.id, title: a.title, kind: a.kind, source: a.source, scheme: a.scheme, theme: a.theme, start_year: a.startYear, end_year: a.endYear, region: a.region, stated_participants: a.statedParticipants, description: a.description, provenance: a.provenance }),
      a.extra,
      actExtras,
    ),
  );
  const participations = items(array('participations'), (p) =>
    row({ activity_id: p.activityId, organisation_id: p.organisationId, organisation: p.nameAsWritten, role: p.role, provenance: p.provenance }),
  );
  return {
    ok: true,
    problems: [],
    sources: [
      { file: `${file} (organisations)`, role: 'organisations', items: organisations, extraColumns: [...orgExtras] },
      { file: `${file} (activities)`, role: 'activities', items: activities, extraColumns: [...actExtras] },
      { file: `${file} (participations)`, role: 'participations', items: participations, extraColumns: [] },
    ],
  };
}

const ACTIVITY_NODE_TYPES = new Set(['activity', 'project', 'activiteit']);
const pick = (attrs: Record<string, unknown>, ...names: string[]) => {
  for (const n of names) {
    const v = text(attrs[n]);
    if (v) return v;
  }
  return '';
};

/**
 * GEXF (Gephi, graphology). Nodes become organisations (label → name; `sector`, `type`/`category`,
 * `city`, `region`, `country` attributes when present). Nodes whose `type`/`kind` is "activity"
 * or "project" become activities and their edges participations (a two-mode export). Otherwise
 * every edge is a tie: its `activities` attribute ("a|b") lists the shared activities, or, when
 * absent, the tie itself becomes one activity of kind "partnership" with both organisations.
 */
export function readGexfDocument(source: string, file: string): DocumentReading {
  let graph: Graph;
  try {
    graph = parseGexfDocument(Graph as never, source, { addMissingNodes: true, allowUndeclaredAttributes: true }) as unknown as Graph;
  } catch (e) {
    return {
      ok: false,
      problem: {
        file,
        severity: 'error',
        code: 'invalid-gexf',
        message: `The file could not be read as GEXF (${String((e as Error).message ?? e).slice(0, 160)}).`,
        fix: 'Export the network again from Gephi or Bruggen as GEXF 1.2 or 1.3.',
      },
    };
  }
  const isActivity = (key: string) => {
    const a = graph.getNodeAttributes(key);
    return ACTIVITY_NODE_TYPES.has(pick(a, 'type', 'kind', 'nodetype', 'node_type').toLowerCase());
  };
  const organisations: RecordItem[] = [];
  const activities: RecordItem[] = [];
  let n = 0;
  graph.forEachNode((key, a) => {
    n++;
    if (isActivity(key)) {
      activities.push({
        number: n,
        rows: [row({ activity_id: key, title: pick(a, 'label', 'title'), kind: pick(a, 'activity_kind', 'activityKind') || 'unspecified', source: pick(a, 'source') || 'GEXF', scheme: a.scheme, theme: a.theme, start_year: a.startYear ?? a.start_year, end_year: a.endYear ?? a.end_year, provenance: `${file}#node ${key}` })],
      });
    } else {
      organisations.push({
        number: n,
        rows: [row({ organisation_id: key, name: pick(a, 'label', 'name'), sector: pick(a, 'sector', 'Sector'), organisation_type: pick(a, 'type', 'category', 'activityType', 'organisation_type'), city: a.city, region: a.region, country: a.country, description: a.description, aliases: a.aliases, provenance: `${file}#node ${key}` })],
      });
    }
  });
  const edges: RecordItem[] = [];
  const problems: ImportProblem[] = [];
  let weighted = 0;
  let e = 0;
  graph.forEachEdge((key, a, s, t) => {
    e++;
    const sAct = isActivity(s);
    const tAct = isActivity(t);
    const label = (k: string) => text(graph.getNodeAttribute(k, 'label')) || k;
    if (sAct && tAct) {
      edges.push({ number: e, rows: [new Map([['activity_id', s]])] });
      return;
    }
    if (sAct || tAct) {
      const [act, org] = sAct ? [s, t] : [t, s];
      edges.push({ number: e, rows: [row({ activity_id: act, organisation_id: org, role: a.role, provenance: `${file}#edge ${key}` })] });
      return;
    }
    const listed = text(a.activities) || list(a.activities);
    const ids = listed ? listed.split(/\s*[|;]\s*/).filter(Boolean) : [];
    if (!ids.length && Number(a.weight) > 1) weighted++;
    const tie = [s, t].sort().join('--');
    const activityRows = (ids.length ? ids : [`tie:${tie}`]).flatMap((id) =>
      [s, t].map((org) =>
        row({
          activity_id: id,
          activity_title: ids.length ? '' : `${label(s)} – ${label(t)}`,
          activity_kind: ids.length ? '' : 'partnership',
          source: ids.length ? '' : 'GEXF',
          organisation_id: org,
          provenance: `${file}#edge ${key}`,
        }),
      ),
    );
    edges.push({ number: e, rows: activityRows });
  });
  if (weighted) {
    problems.push({
      file: `${file} (edges)`,
      severity: 'info',
      code: 'gexf-weight-ignored',
      message: `${weighted} edges have a weight above 1 but no "activities" attribute; each became one shared activity, so the weights are not kept.`,
      fix: 'Export from Bruggen (which writes the shared activities) to keep tie strengths.',
    });
  }
  return {
    ok: true,
    problems,
    sources: [
      { file: `${file} (nodes)`, role: 'organisations', items: organisations, extraColumns: [] },
      { file: `${file} (activity nodes)`, role: 'activities', items: activities, extraColumns: [] },
      { file: `${file} (edges)`, role: 'participations', items: edges, extraColumns: [] },
    ].filter((src) => src.items.length || src.role !== 'activities') as RecordSource[],
  };
}

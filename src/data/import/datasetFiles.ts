import { DOMParser } from '@xmldom/xmldom';
import type { Row } from '../builder';
import { LIST_SEPARATOR } from '../canonical';
import { importProblem, nameList } from '../problemWords';
import type { FileRole, ImportProblem } from '../report';
import type { RawTable } from './table';
import { jsonParseFailure, MissingElementError, xmlParseFailure } from './parseFailure';
import { UNSPECIFIED } from '../vocabulary';

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

export type DocumentReading = { ok: true; sources: RecordSource[]; problems: ImportProblem[]; extras?: DocumentExtras } | { ok: false; problem: ImportProblem };

/** What a JSON export holds besides its records, read once the dataset is built. */
export interface DocumentExtras {
  /** Its stated counts as a stated-counts table. */
  countTable?: RawTable;
  /** The organisation it declares focal, as written (checked against the built dataset). */
  focal?: { id: string; file: string };
}

const text = (v: unknown): string =>
  typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
const list = (v: unknown): string => (Array.isArray(v) ? v.map(text).filter(Boolean).join(LIST_SEPARATOR) : text(v));
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Columns that hold a list (a JSON array, joined as the CSVs write lists). */
const LISTS = new Set(['aliases', 'listed_in', 'provenance']);

function row(entries: Record<string, unknown>): Row {
  const r: Row = new Map();
  for (const [k, v] of Object.entries(entries)) {
    const s = LISTS.has(k) ? list(v) : text(v);
    if (s) r.set(k, s);
  }
  return r;
}

/** The column each field of a Bruggen JSON record is read into (the model's names; see model.ts). */
const FIELDS: Record<'organisations' | 'activities' | 'participations' | 'statedCounts', Readonly<Record<string, string>>> = {
  organisations: {
    id: 'organisation_id',
    name: 'name',
    sector: 'sector',
    organisationType: 'organisation_type',
    city: 'city',
    region: 'region',
    country: 'country',
    aliases: 'aliases',
    description: 'description',
    descriptionEn: 'description_en',
    listedIn: 'listed_in',
    provenance: 'provenance',
  },
  activities: {
    id: 'activity_id',
    title: 'title',
    titleEn: 'title_en',
    kind: 'kind',
    source: 'source',
    scheme: 'scheme',
    theme: 'theme',
    startYear: 'start_year',
    endYear: 'end_year',
    region: 'region',
    statedParticipants: 'stated_participants',
    description: 'description',
    descriptionEn: 'description_en',
    provenance: 'provenance',
  },
  participations: {
    activityId: 'activity_id',
    organisationId: 'organisation_id',
    nameAsWritten: 'organisation',
    role: 'role',
    confidence: 'confidence',
    provenance: 'provenance',
  },
  // Read as a stated-counts table (its columns), after the dataset is built.
  statedCounts: {
    subjectKind: 'subject_kind',
    subjectId: 'subject_id',
    counted: 'counted',
    value: 'value',
    qualifier: 'qualifier',
    provenance: 'provenance',
    note: 'note',
  },
};
/** The columns each kind of record is read into. */
const COLUMNS = {
  organisations: new Set(Object.values(FIELDS.organisations)),
  activities: new Set(Object.values(FIELDS.activities)),
  participations: new Set(Object.values(FIELDS.participations)),
  statedCounts: new Set(Object.values(FIELDS.statedCounts)),
};
/** What a Bruggen dataset holds besides its records: read, or named as not read. */
const DATASET_FIELDS = new Set(['name', 'organisations', 'activities', 'participations', 'statedCounts', 'focal']);
/** Fields the import makes again rather than reading them (an inferred sector is inferred again). */
const REMADE = new Set(['extra', 'sectorInferred', 'sectorReason']);

type RecordKind = keyof typeof FIELDS;

/**
 * One record as a row of its kind's columns. Fields the import does not read, and values that are
 * not text, a number or a list, are counted in `unread`: reported, never dropped unsaid.
 */
function recordRow(kind: RecordKind, record: Record<string, unknown>, unread: Map<string, number>): Row {
  const r: Row = new Map();
  const fields = FIELDS[kind];
  const skip = (name: string) => unread.set(name, (unread.get(name) ?? 0) + 1);
  for (const [name, value] of Object.entries(record)) {
    const column = Object.hasOwn(fields, name) ? fields[name] : undefined;
    if (!column) {
      if (!REMADE.has(name)) skip(name);
      continue;
    }
    // An inferred sector is no stated one: the import infers it again.
    if (name === 'sector' && record.sectorInferred === true) continue;
    const s = LISTS.has(column) ? list(value) : text(value);
    if (s) r.set(column, s);
    else if (value !== null && value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0)) skip(name);
  }
  return r;
}

/** The problem that names the fields of one kind of record that were not read, if any. */
function unreadProblem(file: string, kind: RecordKind, unread: ReadonlyMap<string, number>): ImportProblem[] {
  if (!unread.size) return [];
  const fields = nameList([...unread].map(([name, count]) => `${name.slice(0, 60)} (${count}×)`), 20);
  return [importProblem({ file: `${file} (${kind})`, severity: 'warning' }, 'json-unread-fields', { fields, known: Object.keys(FIELDS[kind]).join(', ') })];
}

/** A lone half of a UTF-16 surrogate pair: JSON can write one (`"\\ud800"`), no text encoding can. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** A Bruggen JSON export: `{ dataset: { organisations, activities, participations } }` (a built-in
 * bundle has this shape too) or the bare dataset object. */
export function readJsonDocument(source: string, file: string): DocumentReading {
  let doc: unknown;
  // Each lone half becomes U+FFFD, as it does on its way to the page and in every encoder: left
  // as it is, the command line's JSON carried "\ud800", which strict parsers refuse, and its ids
  // differed from the app's. Only a file with such an escape is walked value by value.
  let halves = 0;
  const whole = (s: string) =>
    s.replace(LONE_SURROGATE, () => {
      halves++;
      return '\ufffd';
    });
  const mayHaveHalves = /\\u[dD][89a-fA-F]/.test(source);
  try {
    doc = JSON.parse(source, mayHaveHalves ? (_key, value: unknown) => (typeof value === 'string' ? whole(value) : value) : undefined);
  } catch (e) {
    const failure = jsonParseFailure(source, String((e as Error).message));
    return { ok: false, problem: importProblem({ file, severity: 'error' }, 'invalid-json', failure.params, failure.variant) };
  }
  const dataset = isObject(doc) && Object.hasOwn(doc, 'dataset') && isObject(doc.dataset) ? doc.dataset : doc;
  if (!isObject(dataset) || !['organisations', 'activities', 'participations'].some((k) => Array.isArray(dataset[k]))) {
    return { ok: false, problem: importProblem({ file, severity: 'error' }, 'not-bruggen-json') };
  }
  // A record list given as something else ({"organisations": {…}}) was read as empty: every
  // organisation without a participation vanished without a word. Refused by name instead.
  const notAList = (['organisations', 'activities', 'participations'] as const).find(
    (k) => Object.hasOwn(dataset, k) && dataset[k] !== null && !Array.isArray(dataset[k]),
  );
  if (notAList) return { ok: false, problem: importProblem({ file, severity: 'error' }, 'not-bruggen-json', { section: notAList }, 'not-a-list') };
  const array = (k: string): unknown[] => (Object.hasOwn(dataset, k) && Array.isArray(dataset[k]) ? (dataset[k] as unknown[]) : []);
  const orgExtras = new Set<string>();
  const actExtras = new Set<string>();
  const unread: Record<RecordKind, Map<string, number>> = { organisations: new Map(), activities: new Map(), participations: new Map(), statedCounts: new Map() };
  const withExtra = (kind: RecordKind, r: Row, extra: unknown, names: Set<string>) => {
    if (!isObject(extra)) return r;
    const columns = COLUMNS[kind];
    for (const [name, v] of Object.entries(extra)) {
      const k = mayHaveHalves ? whole(name) : name;
      // An extra attribute never stands in for a field: {"sectorInferred": true, "extra": {"sector": …}}
      // made an inferred sector a stated one. Named among the fields not read instead.
      if (columns.has(k)) {
        unread[kind].set(`extra.${k}`, (unread[kind].get(`extra.${k}`) ?? 0) + 1);
        continue;
      }
      if (!text(v) || r.has(k)) continue;
      r.set(k, text(v));
      names.add(k);
    }
    return r;
  };
  const items = (kind: RecordKind, extras?: Set<string>): RecordItem[] =>
    array(kind).map((v, i) => {
      if (!isObject(v)) return { number: i + 1, rows: [new Map()] };
      const r = recordRow(kind, v, unread[kind]);
      return { number: i + 1, rows: [extras ? withExtra(kind, r, v.extra, extras) : r] };
    });
  const organisations = items('organisations', orgExtras);
  const activities = items('activities', actExtras);
  const participations = items('participations');
  // The dataset's own fields: its stated counts and focal organisation were dropped unsaid before
  // (an export read back lost them); anything else is named as not read.
  const extras: DocumentExtras = {};
  const unreadDataset = new Set<string>();
  for (const key of Object.keys(dataset)) if (!DATASET_FIELDS.has(key)) unreadDataset.add(mayHaveHalves ? whole(key) : key);
  const counts = Object.hasOwn(dataset, 'statedCounts') ? dataset.statedCounts : undefined;
  if (Array.isArray(counts)) {
    const header = Object.values(FIELDS.statedCounts);
    const rows = counts.map((v, i) => {
      const r = isObject(v) ? recordRow('statedCounts', v, unread.statedCounts) : new Map<string, string>();
      return { values: header.map((h) => r.get(h) ?? ''), number: i + 1 };
    });
    extras.countTable = { id: `${file}#statedCounts`, file: `${file} (statedCounts)`, delimiter: '', header, rows, blankLines: 0, problems: [] };
  } else if (counts !== undefined && counts !== null) unreadDataset.add('statedCounts');
  const focal = Object.hasOwn(dataset, 'focal') ? dataset.focal : undefined;
  if (typeof focal === 'string' && focal) extras.focal = { id: focal, file };
  else if (focal !== undefined && focal !== null && focal !== '') unreadDataset.add('focal');
  return {
    ok: true,
    problems: [
      ...(halves ? [importProblem({ file, severity: 'warning' }, 'json-lone-surrogates', { n: halves })] : []),
      ...unreadProblem(file, 'organisations', unread.organisations),
      ...unreadProblem(file, 'activities', unread.activities),
      ...unreadProblem(file, 'participations', unread.participations),
      ...unreadProblem(file, 'statedCounts', unread.statedCounts),
      ...(unreadDataset.size ? [importProblem({ file, severity: 'warning' }, 'json-unread-fields', { fields: nameList([...unreadDataset].map((k) => k.slice(0, 60)), 20), known: [...DATASET_FIELDS].join(', ') }, 'dataset')] : []),
    ],
    ...(extras.countTable || extras.focal ? { extras } : {}),
    sources: [
      { file: `${file} (organisations)`, role: 'organisations', items: organisations, extraColumns: [...orgExtras] },
      { file: `${file} (activities)`, role: 'activities', items: activities, extraColumns: [...actExtras] },
      { file: `${file} (participations)`, role: 'participations', items: participations, extraColumns: [] },
    ],
  };
}

const ACTIVITY_NODE_TYPES = new Set(['activity', 'project', 'activiteit']);
/** The first non-empty attribute of several names (attributes are a Map: any title is data). */
const pick = (attrs: ReadonlyMap<string, string>, ...names: string[]) => {
  for (const n of names) {
    const v = attrs.get(n);
    if (v) return v;
  }
  return '';
};

interface GexfNode {
  id: string;
  attrs: Map<string, string>;
}
interface GexfEdge {
  id: string;
  source: string;
  target: string;
  attrs: Map<string, string>;
}

/** Direct children of an element with a tag name (namespace prefix ignored). */
function children(element: Element, name: string): Element[] {
  const out: Element[] = [];
  for (let n = element.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && ((n as Element).localName ?? (n as Element).nodeName) === name) out.push(n as Element);
  }
  return out;
}

/**
 * GEXF 1.1–1.3 as plain records. Written here (on xmldom, which runs in a worker and in Node)
 * rather than through graphology-gexf, whose graph cannot hold node ids such as `__proto__` or
 * `constructor`: ids and attribute titles are data, kept in Maps.
 */
function parseGexf(source: string): { nodes: GexfNode[]; edges: GexfEdge[]; graphs: number; undeclared: string[] } {
  const fatal = (message: string) => {
    throw new Error(message);
  };
  // The locator puts the line and column into xmldom's messages.
  const doc = new DOMParser({ locator: {}, errorHandler: { warning: () => {}, error: fatal, fatalError: fatal } }).parseFromString(source, 'application/xml');
  const root = doc.documentElement;
  if (!root || (root.localName ?? root.nodeName) !== 'gexf') throw new MissingElementError('root');
  const graphs = children(root, 'graph');
  const graph = graphs[0];
  if (!graph) throw new MissingElementError('graph');
  // Attribute declarations: id → title, and the titles' default values, per class.
  const models = new Map<string, { titles: Map<string, string>; defaults: Map<string, string> }>();
  for (const block of children(graph, 'attributes')) {
    const cls = block.getAttribute('class') === 'edge' ? 'edge' : 'node';
    const model = models.get(cls) ?? { titles: new Map<string, string>(), defaults: new Map<string, string>() };
    models.set(cls, model);
    for (const a of children(block, 'attribute')) {
      const id = a.getAttribute('id') ?? '';
      const title = a.getAttribute('title') || id;
      model.titles.set(id, title);
      const def = children(a, 'default')[0]?.textContent;
      if (def) model.defaults.set(title, def);
    }
  }
  const attributesOf = (element: Element, cls: 'node' | 'edge', own: string[]) => {
    const model = models.get(cls);
    const attrs = new Map<string, string>(model?.defaults ?? []);
    for (const name of own) {
      const v = element.getAttribute(name);
      if (v) attrs.set(name, v);
    }
    for (const block of children(element, 'attvalues')) {
      for (const av of children(block, 'attvalue')) {
        const id = av.getAttribute('for') ?? av.getAttribute('id') ?? '';
        attrs.set(model?.titles.get(id) ?? id, av.getAttribute('value') ?? '');
      }
    }
    return attrs;
  };
  const nodes: GexfNode[] = [];
  const known = new Set<string>();
  // Hierarchical GEXF has nodes inside nodes. They are visited depth first in document order with
  // a stack of their own, not by recursion: a file nesting 60,000 levels must not exhaust the call stack.
  const nodesIn = (container: Element) => children(container, 'nodes').flatMap((block) => children(block, 'node'));
  const stack = nodesIn(graph).reverse();
  for (let n = stack.pop(); n; n = stack.pop()) {
    // Every declaration is a row, a repeated or empty id too: the builder merges or rejects it and
    // says so (skipped here, it was read but never counted).
    const id = n.getAttribute('id') ?? '';
    known.add(id);
    nodes.push({ id, attrs: attributesOf(n, 'node', ['label', 'kind']) });
    const inner = nodesIn(n);
    for (let i = inner.length - 1; i >= 0; i--) stack.push(inner[i]!);
  }
  const edges: GexfEdge[] = [];
  const undeclared: string[] = [];
  for (const block of children(graph, 'edges')) {
    for (const e of children(block, 'edge')) {
      const source = e.getAttribute('source') ?? '';
      const target = e.getAttribute('target') ?? '';
      // An edge to an undeclared node adds it (as Gephi does), through the edge's participation
      // row: it is no node row read. A missing end is no node.
      for (const end of [source, target]) {
        if (end.trim() && !known.has(end)) {
          known.add(end);
          undeclared.push(end);
        }
      }
      edges.push({ id: e.getAttribute('id') ?? String(edges.length), source, target, attrs: attributesOf(e, 'edge', ['label', 'weight', 'kind']) });
    }
  }
  return { nodes, edges, graphs: graphs.length, undeclared };
}

/**
 * The activity id of a tie without listed activities: "tie:<a>--<b>" (ids in code-unit order), one
 * per pair of organisations. Ids may hold "--" themselves ("a--b"–"c" and "a"–"b--c" both read
 * "tie:a--b--c", and were taken as one activity of three), so a pair whose readable id is taken,
 * by another pair or by an activity of the file, gets " (2)", " (3)", … after it.
 */
function tieActivityIds(activityIds: Iterable<string>): (a: string, b: string) => string {
  const taken = new Set(activityIds);
  const byPair = new Map<string, string>();
  return (a, b) => {
    const [x, y] = a < b ? [a, b] : [b, a];
    const pair = JSON.stringify([x, y]);
    let id = byPair.get(pair);
    if (id === undefined) {
      const readable = `tie:${x}--${y}`;
      id = readable;
      for (let k = 2; taken.has(id); k++) id = `${readable} (${k})`;
      taken.add(id);
      byPair.set(pair, id);
    }
    return id;
  };
}

/**
 * Participation rows the ties of a GEXF may make (two per listed activity per tie): a 100 MB CSV
 * has about 750,000 rows; a GEXF that asks for more than this is damaged or built to exhaust memory.
 */
export const MAX_GEXF_TIE_ROWS = 2_000_000;

/**
 * GEXF (Gephi, graphology). Nodes become organisations (label → name; `sector`, `type`/`category`,
 * `city`, `region`, `country` attributes when present). Nodes whose `type`/`kind` is "activity"
 * or "project" become activities and their edges participations (a two-mode export). Otherwise
 * every edge is a tie: its `activities` attribute ("a|b") lists the shared activities, or, when
 * absent, the tie itself becomes one activity of kind "partnership" with both organisations.
 */
export function readGexfDocument(source: string, file: string): DocumentReading {
  let graph: ReturnType<typeof parseGexf>;
  try {
    graph = parseGexf(source);
  } catch (e) {
    const failure = xmlParseFailure(source, e, 'gexf');
    return { ok: false, problem: importProblem({ file, severity: 'error' }, 'invalid-gexf', failure.params, failure.variant) };
  }
  const attrsOf = new Map(graph.nodes.map((n) => [n.id, n.attrs]));
  const activityNodes = new Set(graph.nodes.filter((n) => ACTIVITY_NODE_TYPES.has(pick(n.attrs, 'type', 'kind', 'nodetype', 'node_type').toLowerCase())).map((n) => n.id));
  const isActivity = (key: string) => activityNodes.has(key);
  const organisations: RecordItem[] = [];
  const activities: RecordItem[] = [];
  let n = 0;
  const problems: ImportProblem[] = [];
  // Read and rejected, with why: without an id no edge can reach the node (before, it became an
  // organisation of its own, named after its label, that nothing was tied to).
  const withoutId = (label: string, at: number) =>
    problems.push(importProblem({ file: `${file} (nodes)`, row: at, column: 'id', severity: 'error' }, 'gexf-node-without-id', { label: label.slice(0, 80) || '—' }));
  for (const { id: key, attrs: a } of graph.nodes) {
    n++;
    const get = (name: string) => a.get(name) ?? '';
    if (!key.trim()) {
      withoutId(pick(a, 'label', 'name'), n);
      organisations.push({ number: n, rows: [] });
      continue;
    }
    if (isActivity(key)) {
      activities.push({
        number: n,
        rows: [row({ activity_id: key, title: pick(a, 'label', 'title'), kind: pick(a, 'activity_kind', 'activityKind') || UNSPECIFIED, source: pick(a, 'source') || 'GEXF', scheme: get('scheme'), theme: get('theme'), start_year: pick(a, 'startYear', 'start_year'), end_year: pick(a, 'endYear', 'end_year'), provenance: `${file}#node ${key}` })],
      });
    } else {
      organisations.push({
        number: n,
        rows: [row({ organisation_id: key, name: pick(a, 'label', 'name'), sector: pick(a, 'sector', 'Sector'), organisation_type: pick(a, 'type', 'category', 'activityType', 'organisation_type'), city: get('city'), region: get('region'), country: get('country'), description: get('description'), aliases: get('aliases'), provenance: `${file}#node ${key}` })],
      });
    }
  }
  const edges: RecordItem[] = [];
  const listedOf = (a: ReadonlyMap<string, string>) => (a.get('activities') ?? '').split(/[|;]/).map((x) => x.trim()).filter(Boolean);
  // Count the rows the ties' activity lists make before making them: an attribute's <default> is
  // given to every edge, so 260 KB (3,000 edges, a default listing 3,000 activities) made 18
  // million rows and ran out of memory. Each distinct list is split once.
  const listedCount = new Map<string, number>();
  let implied = 0;
  for (const { source: s, target: t, attrs } of graph.edges) {
    if (isActivity(s) || isActivity(t)) continue;
    const list = attrs.get('activities') ?? '';
    let count = listedCount.get(list);
    if (count === undefined) listedCount.set(list, (count = listedOf(attrs).length));
    implied += 2 * Math.max(1, count);
  }
  if (implied > MAX_GEXF_TIE_ROWS) {
    return { ok: false, problem: importProblem({ file, severity: 'error' }, 'gexf-too-many-rows', { file, rows: implied, limit: MAX_GEXF_TIE_ROWS, edges: graph.edges.length }) };
  }
  const tieActivity = tieActivityIds([...activityNodes, ...graph.edges.flatMap((edge) => listedOf(edge.attrs))]);
  let weighted = 0;
  // Weights are not kept, but one that is no positive number may mean "no tie" or an opposed one
  // (a signed network): such edges are read as ties like the others, and said.
  const oddWeights: string[] = [];
  let e = 0;
  for (const { id: key, source: s, target: t, attrs: a } of graph.edges) {
    e++;
    const sAct = isActivity(s);
    const tAct = isActivity(t);
    const label = (k: string) => attrsOf.get(k)?.get('label') || k;
    if (!s.trim() || !t.trim()) {
      problems.push(importProblem({ file: `${file} (edges)`, row: e, column: !s.trim() ? 'source' : 'target', severity: 'error' }, 'gexf-edge-without-end', { id: key.slice(0, 80) }));
      edges.push({ number: e, rows: [] });
      continue;
    }
    if (sAct && tAct) {
      edges.push({ number: e, rows: [new Map([['activity_id', s]])] });
      continue;
    }
    if (sAct || tAct) {
      const [act, org] = sAct ? [s, t] : [t, s];
      edges.push({ number: e, rows: [row({ activity_id: act, organisation_id: org, role: a.get('role') ?? '', provenance: `${file}#edge ${key}` })] });
      continue;
    }
    const ids = listedOf(a);
    // A tie of an organisation with itself shares nothing with another: without listed
    // activities it is rejected (before, it became an activity of one, "merged" unseen); with
    // them, it says the organisation took part in each.
    if (s === t && !ids.length) {
      problems.push(importProblem({ file: `${file} (edges)`, row: e, severity: 'warning' }, 'gexf-self-loop', { id: key.slice(0, 80), name: label(s).slice(0, 80) }));
      edges.push({ number: e, rows: [] });
      continue;
    }
    const weight = a.get('weight');
    if (weight !== undefined && weight.trim() !== '' && !(Number(weight) > 0)) oddWeights.push(`${key.slice(0, 40)}: ${weight.slice(0, 20)}`);
    else if (!ids.length && Number(weight) > 1) weighted++;
    const activityRows = (ids.length ? ids : [tieActivity(s, t)]).flatMap((id) =>
      (s === t ? [s] : [s, t]).map((org) =>
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
  }
  if (weighted) problems.push(importProblem({ file: `${file} (edges)`, severity: 'info' }, 'gexf-weight-ignored', { count: weighted }));
  if (oddWeights.length) {
    const examples = nameList(oddWeights, 5);
    problems.push(importProblem({ file: `${file} (edges)`, severity: 'warning' }, 'gexf-weight-not-positive', { count: oddWeights.length, examples }));
  }
  if (graph.undeclared.length) {
    problems.push(importProblem({ file: `${file} (edges)`, severity: 'warning' }, 'gexf-undeclared-node', { count: graph.undeclared.length, ids: nameList(graph.undeclared.map((id) => id.slice(0, 60)), 8) }));
  }
  // GEXF has one graph; a file with more is said, not silently cut to its first.
  if (graph.graphs > 1) problems.push(importProblem({ file, severity: 'warning' }, 'gexf-more-graphs', { n: graph.graphs }));
  // A one-mode network (Bruggen's own GEXF export) names its ties' activities, not their kinds or
  // roles: a listing (consultation, fund) comes back as a collaboration of all its members, so
  // the network read can differ from the one exported. Said, with the export that round-trips.
  const listing = graph.edges.filter(({ source: s, target: t, attrs }) => !isActivity(s) && !isActivity(t) && (attrs.get('activities') ?? '').trim()).length;
  if (listing) problems.push(importProblem({ file: `${file} (edges)`, severity: 'warning' }, 'gexf-ties-as-activities', { count: listing }));
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

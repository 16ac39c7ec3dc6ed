/**
 * Exports of the change views as files: a comparison (two views, or a scenario) as one long CSV a
 * spreadsheet can filter by section, the JSON documents the command line writes, the scenario
 * itself as canonical rows, and — only when asked — the data's participations with the
 * hypothetical ones added and marked. Pure: text in, text out.
 */
import Papa from 'papaparse';
import type { Comparison, ViewSummary } from '../analysis/compare';
import { escapeFormula, PARTICIPATION_COLUMNS, writeParticipationsCsv } from '../data/canonical';
import type { Dataset } from '../data/model';
import { applyScenario, scenarioCsv, type ScenarioRow } from '../data/scenario';
import type { ComparisonDocument, NamedParty, ScenarioDocument } from './document';

export const COMPARISON_CSV_COLUMNS = [
  'section',
  'item',
  'sector_a',
  'sector_b',
  'organisation_a_id',
  'organisation_a',
  'organisation_b_id',
  'organisation_b',
  'before',
  'after',
  'hypothetical',
] as const;

type Row = Partial<Record<(typeof COMPARISON_CSV_COLUMNS)[number], string | number | boolean | null>>;

const text = (v: string | number | boolean | null | undefined): string =>
  v === null || v === undefined ? '' : typeof v === 'boolean' ? (v ? 'yes' : 'no') : typeof v === 'number' ? (Number.isFinite(v) ? String(Math.round(v * 1000) / 1000) : '') : v;

/**
 * A comparison (or scenario) as rows: `section` says what a row is (size, target_pair, focal,
 * clusters_lacking, conveners, tie_formed, tie_lost, organisation_entered, organisation_left,
 * tracker); `before` and `after` hold the two values.
 */
export function comparisonCsv(doc: ComparisonDocument | ScenarioDocument | Comparison, nameOf: (id: string) => NamedParty | undefined): string {
  const rows: Row[] = [];
  const { before: b, after: a } = doc;
  for (const item of ['organisations', 'activities', 'ties', 'components', 'isolates', 'communities'] as const) {
    rows.push({ section: 'size', item, before: b[item], after: a[item] });
  }
  if (a.hypotheticalTies) {
    rows.push({ section: 'size', item: 'hypothetical_ties_only', before: b.hypotheticalTies?.only ?? 0, after: a.hypotheticalTies.only, hypothetical: true });
    rows.push({ section: 'size', item: 'hypothetical_ties_strengthened', before: b.hypotheticalTies?.partly ?? 0, after: a.hypotheticalTies.partly, hypothetical: true });
  }
  for (const p of b.targetPairs) {
    const q = a.targetPairs.find((x) => x.a === p.a && x.b === p.b);
    const pair = { section: 'target_pair', sector_a: p.a, sector_b: p.b };
    rows.push({ ...pair, item: 'ties', before: p.ties, after: q?.ties ?? 0 });
    rows.push({ ...pair, item: 'chance_low', before: p.interval?.low ?? null, after: q?.interval?.low ?? null });
    rows.push({ ...pair, item: 'chance_high', before: p.interval?.high ?? null, after: q?.interval?.high ?? null });
    rows.push({ ...pair, item: 'chance_expected', before: p.interval?.expected ?? null, after: q?.interval?.expected ?? null });
    rows.push({ ...pair, item: 'missing_bridge', before: p.missing, after: q?.missing ?? null });
  }
  const focal = a.focal ?? b.focal;
  if (focal) {
    const distance = (side: ViewSummary, sector: string) => side.focal?.distances.find((d) => d.sector === sector)?.distance ?? null;
    for (const d of focal.distances) {
      rows.push({ section: 'focal', item: 'distance', sector_a: d.sector, organisation_a_id: focal.id, organisation_a: focal.label, before: distance(b, d.sector), after: distance(a, d.sector) });
    }
    rows.push({ section: 'focal', item: 'clusters_reached', organisation_a_id: focal.id, organisation_a: focal.label, before: b.focal?.clustersReached ?? null, after: a.focal?.clustersReached ?? null });
  }
  const stable = (s: ViewSummary) => s.clustersLacking.filter((c) => c.stable).length;
  rows.push({ section: 'clusters_lacking', item: 'count', before: b.clustersLacking.length, after: a.clustersLacking.length });
  rows.push({ section: 'clusters_lacking', item: 'stable', before: stable(b), after: stable(a) });
  rows.push({ section: 'conveners', item: 'reached', before: b.conveners.reachedTotal, after: a.conveners.reachedTotal });
  rows.push({ section: 'conveners', item: 'target_total', before: b.conveners.targetTotal, after: a.conveners.targetTotal });
  const picks = Math.max(b.conveners.picks.length, a.conveners.picks.length);
  for (let r = 0; r < picks; r++) {
    rows.push({ section: 'conveners', item: `pick_${r + 1}`, before: b.conveners.picks[r]?.label ?? '', after: a.conveners.picks[r]?.label ?? '' });
  }
  const tie = (section: string, t: Comparison['tiesFormed'][number]) => {
    const x = nameOf(t.source);
    const y = nameOf(t.target);
    rows.push({
      section,
      sector_a: x?.sector ?? '',
      sector_b: y?.sector ?? '',
      organisation_a_id: t.source,
      organisation_a: x?.name ?? t.source,
      organisation_b_id: t.target,
      organisation_b: y?.name ?? t.target,
      hypothetical: t.hypothetical === undefined ? null : t.hypothetical,
    });
  };
  for (const t of doc.tiesFormed) tie('tie_formed', t);
  for (const t of doc.tiesLost) tie('tie_lost', t);
  const org = (section: string, id: string) => {
    const x = nameOf(id);
    rows.push({ section, sector_a: x?.sector ?? '', organisation_a_id: id, organisation_a: x?.name ?? id, hypothetical: x?.hypothetical ? true : null });
  };
  for (const id of doc.organisationsEntered) org('organisation_entered', id);
  for (const id of doc.organisationsLeft) org('organisation_left', id);
  if ('bridgeTracker' in doc) {
    for (const r of doc.bridgeTracker.rows) rows.push({ section: 'tracker', item: String(r.year), sector_a: r.a, sector_b: r.b, after: r.ties });
    for (const p of doc.bridgeTracker.pairs) rows.push({ section: 'tracker', item: 'undated_only', sector_a: p.a, sector_b: p.b, after: p.undatedOnly });
  }
  const data = rows.map((r) => COMPARISON_CSV_COLUMNS.map((c) => escapeFormula(text(r[c]))));
  return Papa.unparse({ fields: [...COMPARISON_CSV_COLUMNS], data }, { newline: '\n' }) + '\n';
}

/** The JSON document as the command line writes it under `comparison` or `scenario`. */
export function comparisonJson(key: 'comparison' | 'scenario', doc: ComparisonDocument | ScenarioDocument): string {
  return JSON.stringify({ [key]: doc }, null, 2) + '\n';
}

/** The scenario as canonical participation rows (what `--assume` and the app read back). */
export function scenarioRowsCsv(dataset: Dataset, rows: readonly ScenarioRow[]): string {
  return scenarioCsv(applyScenario(dataset, rows).dataset);
}

/**
 * The data's participations as a canonical CSV. Only the real data, unless `withHypothetical`:
 * then the scenario's rows are added and every row says in a last column `hypothetical` whether
 * it is (the importer reports that column as not used: a file read back is all real data).
 */
export function participationsCsv(dataset: Dataset, rows: readonly ScenarioRow[], withHypothetical: boolean): string {
  if (!withHypothetical || !rows.length) return writeParticipationsCsv(dataset);
  const scenario = applyScenario(dataset, rows).dataset;
  const parse = (csv: string) => Papa.parse<string[]>(csv, { skipEmptyLines: true }).data.slice(1);
  const real = parse(writeParticipationsCsv(scenario, { hypothetical: 'exclude' })).map((r) => [...r, 'no']);
  const hyp = parse(writeParticipationsCsv(scenario, { hypothetical: 'only' })).map((r) => [...r, 'yes']);
  return Papa.unparse({ fields: [...PARTICIPATION_COLUMNS, 'hypothetical'], data: real.concat(hyp) }, { newline: '\n' }) + '\n';
}

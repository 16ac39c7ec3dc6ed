/**
 * The import pipeline's public face: decode → table → layout recognition/mapping → canonical
 * rows → Dataset + ImportReport. The browser runs it in the import worker (reading and
 * building) and on the main thread (planning, duplicate decisions); the converters in scripts/
 * run exactly the same functions in Node.
 */
import { mergeDuplicateGroups, type DuplicateGroup } from './duplicates';
import { loadMapping, type KeyValueStorage } from './mappingStore';
import { mappingMissing, recogniseTable, type ColumnMapping } from './recognise';
import type { SourceInput } from './readSource';
import { ImportSession, type ImportOutcome, type SourceSummary, type TableSummary } from './session';

export type { ColumnMapping } from './recognise';
export type { DuplicateGroup } from './duplicates';
export type { ImportOutcome, SourceSummary, TableSummary, BuildRequest } from './session';
export type { ReadProgress, SourceInput } from './readSource';
export { ImportSession } from './session';

export interface TablePlan {
  table: TableSummary;
  mapping: ColumnMapping;
  /** Where the mapping came from: recognised from the header, or saved by the user earlier. */
  origin: 'auto' | 'saved';
  /** Required fields the mapping still lacks (empty when the table can be imported as is). */
  missing: string[];
}

/** A mapping for every table: the saved one for an identical header, else the recognised one. */
export function planMappings(summaries: readonly SourceSummary[], storage?: KeyValueStorage): TablePlan[] {
  return summaries.flatMap((s) =>
    s.tables.map((table) => {
      const saved = storage ? loadMapping(table.header, storage) : undefined;
      const mapping = saved ?? recogniseTable(table.header).mapping;
      return { table, mapping, origin: saved ? ('saved' as const) : ('auto' as const), missing: mappingMissing(mapping) };
    }),
  );
}

/** True when some table needs the user to assign columns before importing. */
export const needsMappingStep = (plans: readonly TablePlan[]) => plans.some((p) => p.missing.length > 0);

/** The dataset and report after the user's decisions on the proposed duplicates. */
export function applyDuplicateDecisions(outcome: ImportOutcome, acceptedGroupIds: ReadonlySet<string>): ImportOutcome {
  const accepted: DuplicateGroup[] = outcome.duplicates.filter((g) => acceptedGroupIds.has(g.id));
  const merged = mergeDuplicateGroups(outcome, accepted);
  return {
    ...outcome,
    dataset: merged.dataset,
    report: merged.report,
    origins: [...merged.origins],
    duplicates: outcome.duplicates.filter((g) => !acceptedGroupIds.has(g.id)),
  };
}

/** Reads and builds in one go with recognised (or given) mappings: the converters and tests. */
export async function importFiles(
  inputs: readonly SourceInput[],
  options: {
    datasetName?: string;
    mappings?: Record<string, ColumnMapping>;
    /** Called after each phase with its wall-clock milliseconds (the command line's --timings). */
    onPhase?: (phase: 'read' | 'build', ms: number) => void;
  } = {},
): Promise<{ summaries: SourceSummary[]; plans: TablePlan[]; outcome: ImportOutcome }> {
  const session = new ImportSession();
  let t = performance.now();
  const summaries = (await session.read(inputs))!;
  options.onPhase?.('read', performance.now() - t);
  t = performance.now();
  const plans = planMappings(summaries).map((p) => {
    const given = options.mappings?.[p.table.id];
    return given ? { ...p, mapping: given, missing: mappingMissing(given) } : p;
  });
  const outcome = session.build({
    datasetName: options.datasetName ?? inputs.map((i) => i.name).join(', '),
    mappings: Object.fromEntries(plans.map((p) => [p.table.id, p.mapping])),
  });
  options.onPhase?.('build', performance.now() - t);
  return { summaries, plans, outcome };
}

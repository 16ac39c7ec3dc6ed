/**
 * The import pipeline's public face: decode → table → layout recognition/mapping → canonical
 * rows → Dataset + ImportReport. The browser runs it in the import worker (reading and
 * building) and on the main thread (planning, duplicate decisions); the converters in scripts/
 * run exactly the same functions in Node.
 */
import { isStatedCountsTable } from '../canonical';
import { loadMapping, type KeyValueStorage } from './mappingStore';
import { mappingMissing, recogniseTable, type ColumnMapping, type Uncertainty } from './recognise';
import type { SourceInput } from './readSource';
import { ImportSession, type ImportOutcome, type SourceSummary, type TableSummary } from './session';
import type { SectorGuessSource } from '../sectorInference';

export { applyDuplicateDecisions, importSummary } from './session';

export type { ColumnMapping, Uncertainty } from './recognise';
export type { DuplicateGroup } from './duplicates';
export type { ImportOutcome, ImportSummary, SourceSummary, TableSummary, BuildRequest, BuildProgress } from './session';
export type { ReadProgress, SourceInput } from './readSource';
export { ImportSession } from './session';

export interface TablePlan {
  table: TableSummary;
  mapping: ColumnMapping;
  /** Where the mapping came from: recognised from the header, or saved by the user earlier. */
  origin: 'auto' | 'saved';
  /** Required fields the mapping still lacks (empty when the table can be imported as is). */
  missing: string[];
  /** Why the recognised mapping is only a guess (the mapping step asks the user to confirm it). */
  uncertain?: Uncertainty;
}

/** A mapping for every table: the saved one for an identical header, else the recognised one. */
export function planMappings(summaries: readonly SourceSummary[], storage?: KeyValueStorage): TablePlan[] {
  return summaries.flatMap((s) =>
    // A stated-counts table has its own fixed format and needs no mapping (session.ts reads it).
    s.tables.filter((table) => !isStatedCountsTable(table.header)).map((table): TablePlan => {
      const saved = storage ? loadMapping(table.header, storage) : undefined;
      if (saved) return { table, mapping: saved, origin: 'saved', missing: mappingMissing(saved) };
      const recognised = recogniseTable(table.header);
      const plan: TablePlan = { table, mapping: recognised.mapping, origin: 'auto', missing: mappingMissing(recognised.mapping) };
      if (recognised.uncertain) plan.uncertain = recognised.uncertain;
      return plan;
    }),
  );
}

/** True when some table needs the user to assign columns, or to confirm an uncertain guess, before importing. */
export const needsMappingStep = (plans: readonly TablePlan[]) => plans.some((p) => p.missing.length > 0 || p.uncertain !== undefined);

/** Reads and builds in one go with recognised (or given) mappings: the converters and tests. */
export async function importFiles(
  inputs: readonly SourceInput[],
  options: {
    datasetName?: string;
    mappings?: ReadonlyMap<string, ColumnMapping>;
    /** Called after each phase with its wall-clock milliseconds (the command line's --timings). */
    onPhase?: (phase: 'read' | 'build', ms: number) => void;
    /** Sector guesses made on another thread while the rows are read (the command line's). */
    sectorGuesses?: SectorGuessSource;
  } = {},
): Promise<{ summaries: SourceSummary[]; plans: TablePlan[]; outcome: ImportOutcome }> {
  const session = new ImportSession();
  let t = performance.now();
  const summaries = (await session.read(inputs))!;
  options.onPhase?.('read', performance.now() - t);
  t = performance.now();
  const plans = planMappings(summaries).map((p) => {
    const given = options.mappings?.get(p.table.id);
    if (!given) return p;
    const { uncertain: _guess, ...rest } = p;
    return { ...rest, mapping: given, missing: mappingMissing(given) };
  });
  const outcome = session.build(
    {
      datasetName: options.datasetName ?? inputs.map((i) => i.name).join(', '),
      mappings: new Map(plans.map((p) => [p.table.id, p.mapping])),
    },
    options.sectorGuesses ? { sectorGuesses: options.sectorGuesses } : {},
  );
  options.onPhase?.('build', performance.now() - t);
  return { summaries, plans, outcome };
}

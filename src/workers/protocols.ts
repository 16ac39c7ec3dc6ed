/**
 * The three worker protocols, one shape (see rpc.ts): each method has params, a result and a
 * progress type. Progress is a union type per method, never free text.
 */
import type { AnalysisEvent, AnalysisInput, StageName } from '../analysis/stages';
import type { BuildProgress, BuildRequest, ImportSummary, ReadProgress, SourceSummary } from '../data/import/pipeline';
import type { PackedDataset } from '../data/import/transport';
import type { ShelvedSummary, StoredDataset } from '../session/shelf';
import type { ImportReport } from '../data/report';
import type { Dataset } from '../data/model';
import type { Sector } from '../data/sectors';
import type { ProjectionOnWire, ProjectionRules } from '../graph/projection';
import type { FocalSummary } from '../analysis/compare';
import type { ScenarioRow } from '../data/scenario';
import type { Filters } from '../filters/filters';
import type { ComparisonDocument, ScenarioOutcome } from '../change/document';

/** Progress of a comparison: which side ("before" or "after") is at which stage. */
export interface ChangeProgress {
  side: 'before' | 'after';
  stage: StageName;
  fraction: number;
}

export interface AnalysisProtocol {
  /**
   * Projects the dataset under the rules and keeps it; answers with the projection. A large
   * imported dataset comes packed (its buffers transferred): cloning 150,000 records would hold
   * the page for a second. With `warm`, the worker goes on to the stages that need no sectors (the
   * communities) for that input before the page asks: the page asks for them once it has rebuilt
   * the network, about a second later on 35,000 organisations. `cores` is the page's
   * navigator.hardwareConcurrency: with two or more the worker uses a stage helper worker.
   */
  load: {
    params: { dataset: Dataset | { packed: PackedDataset }; rules: ProjectionRules; networkVersion: string; warm?: AnalysisInput; cores?: number };
    result: ProjectionOnWire;
    progress: never;
  };
  /** The sector overlay: corrections by organisation id, under a version name. */
  setSectors: { params: { corrections: [string, Sector][]; version: string }; result: null; progress: never };
  /**
   * Runs the stages wanted for the input, streaming each finished stage. A newer call
   * supersedes it: its result is then `superseded: true`, while stages both need go on.
   */
  analyse: {
    params: { input: AnalysisInput; wanted: StageName[] };
    result: { superseded: boolean };
    progress: AnalysisEvent;
  };
  /**
   * Compares two views of the loaded data (the command line's `--compare`): every stage of both
   * inputs, in time slices (cancellable), and the bridge tracker on `trackerFilters`.
   */
  compare: {
    params: { before: AnalysisInput; after: AnalysisInput; trackerFilters: Filters };
    result: ComparisonDocument;
    progress: ChangeProgress;
  };
  /** The loaded data without and with hypothetical rows on top (the command line's `--assume`). */
  scenario: {
    params: { rows: ScenarioRow[]; file: string; input: AnalysisInput };
    result: ScenarioOutcome;
    progress: ChangeProgress;
  };
  /** The focal organisation's position now and with each scenario's rows (the meeting pack). */
  focalIf: {
    params: { input: AnalysisInput; scenarios: { id: string; rows: ScenarioRow[] }[] };
    result: { before: FocalSummary | null; after: { id: string; focal: FocalSummary | null }[] };
    progress: { done: number; total: number };
  };
}

export type { IndexedLayoutGraph as LayoutGraph } from '../graph/layout';
import type { IndexedLayoutGraph } from '../graph/layout';

export interface LayoutProtocol {
  layout: { params: { graph: IndexedLayoutGraph; seed: number }; result: { x: Float32Array; y: Float32Array }; progress: never };
}

export interface ShelfProtocol {
  /** Writes one entry of the shelf (database `name`); the packed dataset's buffers are transferred. */
  put: { params: { name: string; summary: ShelvedSummary; stored: StoredDataset }; result: null; progress: never };
}

export interface ImportProtocol {
  /** Reads (decodes and parses) the files and keeps the tables in the worker. */
  read: { params: { files: { name: string; blob: Blob }[] }; result: SourceSummary[] | null; progress: ReadProgress };
  /**
   * Builds the dataset under the chosen mappings, in steps: progress, and a cancel is seen between
   * steps. Answers with the report and counts; the dataset stays in the worker until `take`.
   */
  build: { params: { request: BuildRequest }; result: ImportSummary | null; progress: BuildProgress };
  /** The report and counts with these duplicate groups merged. */
  review: { params: { accepted: string[] }; result: ImportSummary; progress: never };
  /**
   * The dataset with these duplicate groups merged, packed (its buffers transferred), with spare
   * copies of it and of the report's CSV for the page to pass on (transport.ts `keepSpareCopies`).
   */
  take: {
    params: { accepted: string[] };
    result: { packed: PackedDataset; report: ImportReport; spares: { packed: PackedDataset[]; fullCsv: Uint8Array[] } };
    progress: never;
  };
}

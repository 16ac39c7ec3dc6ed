/**
 * The three worker protocols, one shape (see rpc.ts): each method has params, a result and a
 * progress type. Progress is a union type per method, never free text.
 */
import type { AnalysisEvent, AnalysisInput, StageName } from '../analysis/stages';
import type { BuildProgress, BuildRequest, ImportSummary, ReadProgress, SourceSummary } from '../data/import/pipeline';
import type { PackedDataset } from '../data/import/transport';
import type { ImportReport } from '../data/report';
import type { Dataset } from '../data/model';
import type { Sector } from '../data/sectors';
import type { Projection, ProjectionRules } from '../graph/projection';

export interface AnalysisProtocol {
  /** Projects the dataset under the rules and keeps it; answers with the projection. */
  load: { params: { dataset: Dataset; rules: ProjectionRules; networkVersion: string }; result: Projection; progress: never };
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
}

export type { IndexedLayoutGraph as LayoutGraph } from '../graph/layout';
import type { IndexedLayoutGraph } from '../graph/layout';

export interface LayoutProtocol {
  layout: { params: { graph: IndexedLayoutGraph; seed: number }; result: { x: Float32Array; y: Float32Array }; progress: never };
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
  /** The dataset with these duplicate groups merged, packed (its buffers transferred). */
  take: { params: { accepted: string[] }; result: { packed: PackedDataset; report: ImportReport }; progress: never };
}

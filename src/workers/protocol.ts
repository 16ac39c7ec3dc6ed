import type { AnalysisOptions, AnalysisResult } from '../analysis';
import type { Dataset } from '../data/model';
import type { Filters } from '../filters/filters';
import type { Positions } from '../graph/layout';

/** Messages to the analysis worker. The dataset is sent once; analyses refer to it. */
export type AnalysisRequest =
  | { type: 'load'; dataset: Dataset }
  | { type: 'analyse'; id: number; filters: Filters; options: Omit<AnalysisOptions, 'onProgress'> }
  | { type: 'layout'; id: number; seed: number; graph: 'organisations' | 'bipartite' };

export type AnalysisResponse =
  | { type: 'progress'; id: number; step: string; fraction: number }
  | { type: 'result'; id: number; result: AnalysisResult }
  | { type: 'layout'; id: number; positions: Positions }
  | { type: 'error'; id: number; message: string };

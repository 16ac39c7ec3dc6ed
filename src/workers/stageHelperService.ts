/**
 * The stage helper: a second analysis thread in the browser, as the command line has one
 * (scripts/lib/stageHelper.ts). The analysis worker gives it half the Louvain runs of the
 * communities' first round, and (with a third core) sends it the visible network once per view and
 * asks it for the stages that depend on nothing (HELPER_STAGES: betweenness, structure, bridges)
 * while it runs what follows the communities itself. The stages are the same pure functions
 * (computeStage), so the results equal a single-threaded run.
 */
import type { AnalysisInput, StageData, StageName } from '../analysis/stages';
import { computeHelperStage, HELPER_STAGES } from '../analysis/index';
import type { Csr } from '../analysis/csr';
import type { VisibleIncidence } from '../analysis/view';
import { now } from '../analysis/util';
import { transfer, type Handlers } from './rpc';
import { louvainRuns, type EdgeList } from '../analysis/communities';

/** What the helper keeps of a view: the network with its sectors, and the two-mode data. */
export interface HelperView {
  /** The view key and the sector version: a different sector overlay is a different view here. */
  id: string;
  csr: Csr & { orgIndexOf: Int32Array };
  incidence: VisibleIncidence | null;
}

export interface StageHelperProtocol {
  /** Keeps this view (replacing the previous one); later `compute` calls name it. */
  view: { params: HelperView; result: null; progress: never };
  /** Answers once the worker has loaded (the analysis worker waits for that; see StageHelperClient.ready). */
  ready: { params: null; result: null; progress: never };
  /** Louvain runs of the communities' first round, one per seed (communities.ts `louvainRuns`). */
  louvain: {
    params: { edges: EdgeList; seeds: number[]; resolution: number; shuffle: boolean };
    result: Int32Array[];
    progress: never;
  };
  /** Computes one of the HELPER_STAGES on the kept view; progress is the stage's fraction done. */
  compute: {
    params: { view: string; stage: StageName; input: Omit<AnalysisInput, 'filters' | 'sectorsVersion'> };
    result: { data: StageData[StageName]; ms: number };
    progress: number;
  };
}

/** How often the helper reports a stage's progress (the analysis worker passes it to the page). */
const PROGRESS_MS = 250;

export function createStageHelperService(): Handlers<StageHelperProtocol> {
  let kept: HelperView | null = null;
  return {
    view(view) {
      kept = view;
      return null;
    },
    ready() {
      return null;
    },
    louvain({ edges, seeds, resolution, shuffle }) {
      const labels = louvainRuns(edges, seeds, { resolution, shuffle });
      return transfer(labels, labels.map((l) => l.buffer));
    },
    compute({ view, stage, input }, { progress }) {
      if (!HELPER_STAGES.includes(stage)) throw new Error(`The stage helper does not compute ${stage}: it depends on other stages.`);
      if (!kept || kept.id !== view) throw new Error(`The stage helper has no view ${view}.`);
      const { csr, incidence } = kept;
      const start = now();
      let reported = start;
      const data = computeHelperStage(stage, csr, input, incidence ? { incidence: () => incidence } : {}, (fraction) => {
        const at = now();
        if (at - reported < PROGRESS_MS) return;
        progress(fraction);
        reported = at;
      });
      return { data, ms: now() - start };
    },
  };
}

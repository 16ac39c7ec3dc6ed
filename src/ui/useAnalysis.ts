import { useEffect, useMemo, useState } from 'react';
import type { AnalysisResult } from '../analysis';
import type { Dataset } from '../data/model';
import type { Filters } from '../filters/filters';
import type { ViewState } from '../state/viewState';
import { AnalysisClient, SupersededError, type Progress } from '../workers/analysisClient';

export interface AnalysisState {
  result: AnalysisResult | null;
  /** The progress of the running analysis, null when idle. */
  progress: Progress | null;
  error: string | null;
}

/**
 * Keeps the analysis of the visible network up to date, computed in a web worker. With
 * `enabled` false (while an imported network is laid out) it waits: on two cores the layout
 * goes first, so the map appears sooner.
 */
export function useAnalysis(
  dataset: Dataset,
  filters: Filters,
  view: Pick<ViewState, 'targets' | 'k' | 'reachSteps' | 'resolution'>,
  enabled = true,
): AnalysisState {
  // The worker (and its copy of the network) only starts once enabled, so it does not compete
  // with the layout for the two cores.
  const client = useMemo(() => (enabled ? new AnalysisClient(dataset) : null), [dataset, enabled]);
  useEffect(() => () => client?.dispose(), [client]);
  const [state, setState] = useState<AnalysisState>({ result: null, progress: { step: 'index', fraction: 0 }, error: null });
  const { targets, k, reachSteps, resolution } = view;
  const targetsKey = targets.join(',');

  useEffect(() => {
    if (!client) return;
    let cancelled = false;
    // A short pause lets a dragged slider settle before the worker starts.
    const timer = setTimeout(() => {
      setState((s) => ({ ...s, progress: { step: 'index', fraction: 0 }, error: null }));
      client
        .analyse(filters, { targets: targetsKey.split(',') as ViewState['targets'], k, reachSteps, louvainResolution: resolution }, (progress) => {
          if (!cancelled) setState((s) => ({ ...s, progress }));
        })
        .then((result) => {
          if (!cancelled) setState({ result, progress: null, error: null });
        })
        .catch((e: unknown) => {
          if (cancelled || e instanceof SupersededError) return;
          setState((s) => ({ ...s, progress: null, error: e instanceof Error ? e.message : String(e) }));
        });
    }, 120);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [client, filters, targetsKey, k, reachSteps, resolution]);

  return state;
}

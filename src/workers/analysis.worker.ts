/// <reference lib="webworker" />
import { analyseNetwork } from '../analysis';
import type { Dataset } from '../data/model';
import { applyFilters, visibleNetwork } from '../filters/filters';
import { buildBipartiteGraph, buildOrganisationNetwork } from '../graph/build';
import { computeLayout } from '../graph/layout';
import type { OrganisationNetwork } from '../graph/types';
import type { AnalysisRequest, AnalysisResponse } from './protocol';

/** Keeps the dataset and its network so each analysis only filters and analyses. */
let dataset: Dataset | null = null;
let network: OrganisationNetwork | null = null;

const post = (message: AnalysisResponse) => (self as DedicatedWorkerGlobalScope).postMessage(message);

self.onmessage = (event: MessageEvent<AnalysisRequest>) => {
  const message = event.data;
  if (message.type === 'load') {
    dataset = message.dataset;
    network = buildOrganisationNetwork(dataset);
    return;
  }
  if (!dataset || !network) {
    post({ type: 'error', id: message.id, message: 'No dataset loaded in the analysis worker.' });
    return;
  }
  try {
    if (message.type === 'layout') {
      const graph = message.graph === 'bipartite' ? buildBipartiteGraph(dataset) : network;
      post({ type: 'layout', id: message.id, positions: computeLayout(graph, { seed: message.seed }) });
      return;
    }
    const visibility = applyFilters(dataset, network, message.filters);
    const graph = visibleNetwork(network, visibility);
    const result = analyseNetwork(graph, {
      ...message.options,
      onProgress: (step, fraction) => post({ type: 'progress', id: message.id, step, fraction }),
    });
    post({ type: 'result', id: message.id, result });
  } catch (e) {
    post({ type: 'error', id: message.id, message: e instanceof Error ? e.message : String(e) });
  }
};

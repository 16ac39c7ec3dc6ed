/**
 * The built-in Den Haag data for unit tests, through the same path as the app and the command
 * line: the canonical files, the tie rules, the staged analysis.
 */
import { analyseDataset, type AnalysisOptions, type AnalysisResult } from '../../src/analysis';
import type { Dataset } from '../../src/data/model';
import { applyFilters, DEFAULT_FILTERS, type Filters, type Visibility } from '../../src/filters/filters';
import { buildNetwork, sectorCodes, type Network } from '../../src/graph/network';
import { loadBuiltinFromDisk } from '../../scripts/lib/builtin';

let dataset: Dataset | null = null;
let network: Network | null = null;
const results = new Map<string, AnalysisResult>();

export function denHaagDataset(): Dataset {
  dataset ??= loadBuiltinFromDisk().dataset;
  return dataset;
}

/** The built-in network under the default tie rules. */
export function denHaagNetwork(): Network {
  network ??= buildNetwork(denHaagDataset());
  return network;
}

/** The analysis of the built-in data (plain data, as it comes out of the worker). */
export function denHaagResult(options: Omit<AnalysisOptions, 'onProgress'> & { filters?: Partial<Filters> } = {}): AnalysisResult {
  const key = JSON.stringify(options);
  let r = results.get(key);
  if (!r) {
    const { filters, ...rest } = options;
    const { result } = analyseDataset(denHaagDataset(), { focal: 'gemeente-den-haag', ...rest, filters: { ...DEFAULT_FILTERS, ...filters } });
    r = JSON.parse(JSON.stringify(result)) as AnalysisResult;
    results.set(key, r);
  }
  return r;
}

export interface DenHaagView {
  dataset: Dataset;
  network: Network;
  sectors: Uint8Array;
  visibility: Visibility;
  result: AnalysisResult;
}

/** The built-in data under some filters, with the analysis of what is visible. */
export function denHaagView(filters: Partial<Filters> = {}): DenHaagView {
  const n = denHaagNetwork();
  const sectors = sectorCodes(n);
  const visibility = applyFilters(n, sectors, { ...DEFAULT_FILTERS, ...filters });
  return { dataset: denHaagDataset(), network: n, sectors, visibility, result: denHaagResult({ filters }) };
}

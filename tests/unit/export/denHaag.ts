import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyseDataset, type AnalysisResult } from '../../../src/analysis';
import { parseCanonicalFiles } from '../../../src/data/canonical';
import type { Dataset } from '../../../src/data/model';
import { DEFAULT_FILTERS, type Filters, type Visibility } from '../../../src/filters/filters';
import type { Network } from '../../../src/graph/network';

const DIR = join(__dirname, '../../../data/den-haag');

export interface Fixture {
  dataset: Dataset;
  network: Network;
  visibility: Visibility;
  result: AnalysisResult;
}

let dataset: Dataset | undefined;

/** The built-in Den Haag data, filtered, with the analysis of what the filters leave visible. */
export function denHaag(filters: Partial<Filters> = {}): Fixture {
  if (!dataset) {
    const files = ['organisations.csv', 'activities.csv', 'participations.csv'].map((name) => ({
      name,
      text: readFileSync(join(DIR, name), 'utf8'),
    }));
    dataset = parseCanonicalFiles(files, { datasetName: 'Den Haag' }).dataset;
  }
  const { result, network, engine, input } = analyseDataset(dataset, { filters: { ...DEFAULT_FILTERS, ...filters } });
  return { dataset, network, visibility: engine.visibilityOf(input), result };
}

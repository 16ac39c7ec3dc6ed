import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyseNetwork, type AnalysisResult } from '../../../src/analysis';
import { parseCanonicalFiles } from '../../../src/data/canonical';
import type { Dataset } from '../../../src/data/model';
import { applyFilters, DEFAULT_FILTERS, visibleNetwork, type Filters, type Visibility } from '../../../src/filters/filters';
import { buildOrganisationNetwork } from '../../../src/graph/build';
import type { OrganisationNetwork } from '../../../src/graph/types';

const DIR = join(__dirname, '../../../data/den-haag');

export interface Fixture {
  dataset: Dataset;
  network: OrganisationNetwork;
  visibility: Visibility;
  visible: OrganisationNetwork;
  result: AnalysisResult;
}

let dataset: Dataset | undefined;

/** The built-in Den Haag data, filtered, with the analysis of the visible network. */
export function denHaag(filters: Partial<Filters> = {}): Fixture {
  if (!dataset) {
    const files = ['organisations.csv', 'activities.csv', 'participations.csv'].map((name) => ({
      name,
      text: readFileSync(join(DIR, name), 'utf8'),
    }));
    dataset = parseCanonicalFiles(files, { datasetName: 'Den Haag' }).dataset;
  }
  const network = buildOrganisationNetwork(dataset);
  const visibility = applyFilters(dataset, network, { ...DEFAULT_FILTERS, ...filters });
  const visible = visibleNetwork(network, visibility);
  return { dataset, network, visibility, visible, result: analyseNetwork(visible) };
}

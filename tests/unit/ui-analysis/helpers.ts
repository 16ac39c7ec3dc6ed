import { readFileSync } from 'node:fs';
import Graph from 'graphology';
import { analyseNetwork, type AnalysisOptions, type AnalysisResult } from '../../../src/analysis';
import { parseCanonicalFiles } from '../../../src/data/canonical';
import { buildOrganisationNetwork } from '../../../src/graph/build';
import type { OrganisationNetwork } from '../../../src/graph/types';

const DATA = new URL('../../../data/den-haag/', import.meta.url);

let network: OrganisationNetwork | null = null;
const cache = new Map<string, AnalysisResult>();

/** The built-in Den Haag network (parsed once). */
export function denHaagNetwork(): OrganisationNetwork {
  if (!network) {
    const files = ['organisations.csv', 'activities.csv', 'participations.csv'].map((name) => ({
      name,
      text: readFileSync(new URL(name, DATA), 'utf8'),
    }));
    network = buildOrganisationNetwork(parseCanonicalFiles(files).dataset);
  }
  return network;
}

/** A real AnalysisResult of the Den Haag data (computed live, so it follows the engine's types). */
export function denHaagResult(options: Omit<AnalysisOptions, 'onProgress'> = {}): AnalysisResult {
  const key = JSON.stringify(options);
  let r = cache.get(key);
  if (!r) {
    // Round-trip through JSON like the worker's structured clone: plain data only.
    r = JSON.parse(JSON.stringify(analyseNetwork(denHaagNetwork(), options))) as AnalysisResult;
    cache.set(key, r);
  }
  return r;
}

/**
 * A small hand-made network: two tech firms and two care providers that never meet, a
 * municipality tied to one care provider, and a knowledge institution tied to everyone but the
 * municipality. Plus an isolated tech firm.
 */
export function smallResult(options: Omit<AnalysisOptions, 'onProgress'> = {}): AnalysisResult {
  const g = new Graph({ type: 'undirected' });
  const nodes: [string, string][] = [
    ['care-a', 'care'],
    ['care-b', 'care'],
    ['gemeente', 'government'],
    ['kennis', 'knowledge'],
    ['tech-a', 'tech'],
    ['tech-b', 'tech'],
    ['tech-solo', 'tech'],
  ];
  for (const [id, sector] of nodes) g.addNode(id, { label: id.toUpperCase(), sector });
  const edges: [string, string, number][] = [
    ['care-a', 'care-b', 2],
    ['care-a', 'gemeente', 1],
    ['care-a', 'kennis', 1],
    ['care-b', 'kennis', 1],
    ['kennis', 'tech-a', 3],
    ['kennis', 'tech-b', 1],
    ['tech-a', 'tech-b', 1],
  ];
  for (const [a, b, w] of edges) g.addUndirectedEdge(a, b, { weight: w });
  return JSON.parse(JSON.stringify(analyseNetwork(g, options))) as AnalysisResult;
}

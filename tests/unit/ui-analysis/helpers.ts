import { analyseDataset, type AnalysisOptions, type AnalysisResult } from '../../../src/analysis';
import type { Dataset } from '../../../src/data/model';
import type { Sector } from '../../../src/data/sectors';

export { denHaagNetwork, denHaagResult } from '../../helpers/denHaag';

/**
 * A small hand-made network: two tech firms and two care providers that never meet, a
 * municipality tied to one care provider, and a knowledge institution tied to everyone but the
 * municipality. Plus an isolated tech firm. Each tie is a project of its own (repeated for
 * heavier ties).
 */
export function smallResult(options: Omit<AnalysisOptions, 'onProgress'> = {}): AnalysisResult {
  const nodes: [string, Sector][] = [
    ['care-a', 'care'],
    ['care-b', 'care'],
    ['gemeente', 'government'],
    ['kennis', 'knowledge'],
    ['tech-a', 'tech'],
    ['tech-b', 'tech'],
    ['tech-solo', 'tech'],
  ];
  const edges: [string, string, number][] = [
    ['care-a', 'care-b', 2],
    ['care-a', 'gemeente', 1],
    ['care-a', 'kennis', 1],
    ['care-b', 'kennis', 1],
    ['kennis', 'tech-a', 3],
    ['kennis', 'tech-b', 1],
    ['tech-a', 'tech-b', 1],
  ];
  const activities = edges.flatMap(([a, b, w]) => Array.from({ length: w }, (_x, k) => ({ id: `${a}+${b}#${k}`, a, b })));
  const dataset: Dataset = {
    name: 'small',
    organisations: nodes.map(([id, sector]) => ({ id, name: id.toUpperCase(), sector, aliases: [], provenance: ['test'] })),
    activities: activities.map((x) => ({ id: x.id, title: x.id, kind: 'project', source: 'test', provenance: ['test'] })),
    participations: activities.flatMap((x) => [
      { activityId: x.id, organisationId: x.a },
      { activityId: x.id, organisationId: x.b },
    ]),
  };
  return JSON.parse(JSON.stringify(analyseDataset(dataset, { focal: 'gemeente', ...options }).result)) as AnalysisResult;
}

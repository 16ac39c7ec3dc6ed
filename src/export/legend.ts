import type Graph from 'graphology';
import { isSector, SECTOR_INFO, SECTORS } from '../data/sectors';
import type { Language } from '../i18n';
import type { AnySigma, PngLegend } from './image';

/** The sectors present in the graph, with their counts, as a PNG legend. */
export function sectorLegend(graph: Graph, lang: Language, title: string, note?: string): PngLegend {
  const counts = new Map<string, number>();
  graph.forEachNode((_n, a) => {
    const s = typeof a.sector === 'string' ? a.sector : 'other';
    counts.set(s, (counts.get(s) ?? 0) + 1);
  });
  const entries = SECTORS.filter((s) => counts.has(s)).map((s) => ({
    colour: SECTOR_INFO[s].colour,
    label: `${SECTOR_INFO[s][lang]} (${counts.get(s)})`,
  }));
  for (const [s, n] of counts) if (!isSector(s)) entries.push({ colour: '#8C8C8C', label: `${s} (${n})` });
  return { title, entries, ...(note ? { note } : {}) };
}

export function positionsFrom(sigma: AnySigma | null, graph: Graph): Record<string, [number, number]> | undefined {
  if (!sigma) return undefined;
  const shown = sigma.getGraph();
  const out: Record<string, [number, number]> = {};
  graph.forEachNode((id) => {
    if (!shown.hasNode(id)) return;
    const { x, y } = shown.getNodeAttributes(id) as { x?: unknown; y?: unknown };
    if (typeof x === 'number' && typeof y === 'number') out[id] = [x, y];
  });
  return out;
}

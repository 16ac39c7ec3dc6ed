import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { positionsFrom, sectorLegend } from '../../../src/export/legend';
import type { AnySigma } from '../../../src/export/image';

describe('PNG legend and positions for the network files', () => {
  it('lists the sectors present, in the fixed order, with counts, in the language', () => {
    const g = new Graph();
    g.addNode('a', { sector: 'care' });
    g.addNode('b', { sector: 'tech' });
    g.addNode('c', { sector: 'care' });
    g.addNode('d', { sector: 'mystery' });
    expect(sectorLegend(g, 'nl', 'Sector', 'Grootte: aantal partners')).toEqual({
      title: 'Sector',
      note: 'Grootte: aantal partners',
      entries: [
        { colour: '#0072B2', label: 'Technologie (1)' },
        { colour: '#D55E00', label: 'Zorg en welzijn (2)' },
        { colour: '#8C8C8C', label: 'mystery (1)' },
      ],
    });
    expect(sectorLegend(g, 'en', 'Sector').entries[1]!.label).toBe('Care (2)');
  });

  it('takes positions from the graph sigma draws, for the exported nodes only', () => {
    const shown = new Graph();
    shown.addNode('a', { x: 1, y: 2 });
    shown.addNode('b', { x: 3, y: 4 });
    const exported = new Graph();
    exported.addNode('a');
    exported.addNode('z');
    const sigma = { getGraph: () => shown } as unknown as AnySigma;
    expect(positionsFrom(sigma, exported)).toEqual({ a: [1, 2] });
    expect(positionsFrom(null, exported)).toBeUndefined();
  });
});

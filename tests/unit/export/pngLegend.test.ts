import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../../src/i18n';
import { pngLegendFor } from '../../../src/ui/pngLegend';

describe('the legend of the PNG export and the printed report', () => {
  const { t } = createTranslator('nl');

  it('says what the screen legend says: each sector with its count, and what size means', () => {
    const legend = pngLegendFor({ kind: 'sector', entries: [{ sector: 'care', count: 35 }, { sector: 'tech', count: 34 }] }, t, 'nl', 'degree');
    expect(legend.title).toBe('Sector');
    // Sectors in the vocabulary's order, whatever the spec's.
    expect(legend.entries.map((e) => e.label)).toEqual(['Technologie (34)', 'Zorg en welzijn (35)']);
    expect(legend.note).toBe('Grootte: aantal partners');
  });

  it('gives the clusters beyond the palette their grey swatch, as on screen', () => {
    const legend = pngLegendFor(
      { kind: 'cluster', clusterKind: 'community', entries: [{ id: 1, colour: '#0072B2', size: 46 }], others: 91, othersColour: '#bbbbbb' },
      t,
      'nl',
    );
    expect(legend.entries.map((e) => [e.colour, e.label])).toEqual([
      ['#0072B2', 'Cluster 1 (46)'],
      ['#bbbbbb', '91 kleinere'],
    ]);
    expect(legend.note).toBeUndefined();
  });
});

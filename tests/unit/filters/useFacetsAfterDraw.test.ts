// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Dataset } from '../../../src/data/model';
import { computeFacets } from '../../../src/filters/facets';
import { DEFAULT_FILTERS, type Filters } from '../../../src/filters/filters';
import { buildNetwork, sectorCodes, type Network } from '../../../src/graph/network';
import { useFacetsAfterDraw } from '../../../src/ui/filters/useFacetsAfterDraw';

/** Two tech organisations and a care one in two projects of different kinds. */
function dataset(name: string): Dataset {
  const org = (id: string, sector: 'tech' | 'care') => ({ id, name: id, sector, aliases: [], provenance: ['t'] });
  return {
    name,
    organisations: [org('t1', 'tech'), org('t2', 'tech'), org('c1', 'care')],
    activities: [
      { id: 'p1', title: 'p1', kind: 'project', source: 't', provenance: ['t'] },
      { id: 'l1', title: 'l1', kind: 'living_lab', source: 't', provenance: ['t'] },
    ],
    participations: [
      { activityId: 'p1', organisationId: 't1' },
      { activityId: 'p1', organisationId: 't2' },
      { activityId: 'l1', organisationId: 't1' },
      { activityId: 'l1', organisationId: 'c1' },
    ],
  };
}

afterEach(() => vi.useRealTimers());

describe('the filters\' counts after the workspace is drawn', () => {
  it('has none in the render that brings a network, keeps the last while a filter changes, and none for another network', () => {
    vi.useFakeTimers();
    const network = buildNetwork(dataset('a'));
    const sectors = sectorCodes(network);
    const careOnly: Filters = { ...DEFAULT_FILTERS, sectors: ['care'] };
    const all = computeFacets(network, sectors, DEFAULT_FILTERS);
    const filtered = computeFacets(network, sectors, careOnly);
    // The sector filter changes what the kinds would give, so the two sets of counts differ.
    expect(filtered.kinds).not.toEqual(all.kinds);

    const { result, rerender } = renderHook(({ n, s, f }: { n: Network; s: Uint8Array; f: Filters }) => useFacetsAfterDraw(n, s, f), {
      initialProps: { n: network, s: sectors, f: DEFAULT_FILTERS },
    });
    expect(result.current).toBeNull();
    act(() => void vi.runAllTimers());
    expect(result.current).toEqual(all);

    rerender({ n: network, s: sectors, f: careOnly });
    expect(result.current).toEqual(all);
    act(() => void vi.runAllTimers());
    expect(result.current).toEqual(filtered);

    const other = buildNetwork(dataset('b'));
    rerender({ n: other, s: sectorCodes(other), f: DEFAULT_FILTERS });
    expect(result.current).toBeNull();
    act(() => void vi.runAllTimers());
    expect(result.current).toEqual(computeFacets(other, sectorCodes(other), DEFAULT_FILTERS));
  });
});

import { useEffect, useState } from 'react';
import { computeFacets, type Facets } from '../../filters/facets';
import type { Filters } from '../../filters/filters';
import type { Network } from '../../graph/network';

/**
 * The filters' counts, made in a task of their own after the workspace is drawn: in the render that
 * brings a new network they took 145 of its 216 ms on H2020 (bench:browser), one of the page's
 * longest tasks. While a filter or a sector changes, the last counts stay until the new ones are
 * made; a new network has none (null) until then. A timer, not useDeferredValue: React restarts a
 * deferred render at every urgent update, and in a CI run the counts after a sector correction were
 * still the old ones when the browser test had waited a second for them.
 */
export function useFacetsAfterDraw(network: Network, sectors: Uint8Array, filters: Filters): Facets | null {
  const [made, setMade] = useState<{ network: Network; facets: Facets } | null>(null);
  useEffect(() => {
    const timer = setTimeout(() => setMade({ network, facets: computeFacets(network, sectors, filters) }));
    return () => clearTimeout(timer);
  }, [network, sectors, filters]);
  return made && made.network === network ? made.facets : null;
}

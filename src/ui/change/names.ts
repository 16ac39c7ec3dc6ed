/** Organisation names and (corrected) sectors by id, for the change views; hypothetical ones added. */
import { useMemo } from 'react';
import type { NamedParty } from '../../change/document';
import { SECTORS } from '../../data/sectors';
import { useSession } from '../../session/react';

export function useNames(extra: readonly NamedParty[] = []): (id: string) => NamedParty | undefined {
  const network = useSession((s) => s.network);
  const sectors = useSession((s) => s.sectors);
  return useMemo(() => {
    const map = new Map<string, NamedParty>();
    network?.organisations.forEach((o, i) => map.set(o.id, { id: o.id, name: o.name || o.id, sector: SECTORS[sectors[i]!] ?? o.sector }));
    for (const o of extra) if (!map.has(o.id)) map.set(o.id, o);
    return (id: string) => map.get(id);
  }, [network, sectors, extra]);
}

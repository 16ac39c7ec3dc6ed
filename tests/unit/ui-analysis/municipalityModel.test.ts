import { describe, expect, it } from 'vitest';
import { chainSectors, chainText, clusterDistances, municipalityRows } from '../../../src/ui/analysis/municipalityModel';
import { denHaagResult, smallResult } from './helpers';

describe('municipality view', () => {
  const result = denHaagResult();

  it('orders organisations by degree, then id, and keeps them all', () => {
    const rows = municipalityRows(result);
    expect(rows).toHaveLength(result.municipality.length);
    for (let i = 1; i < rows.length; i++) {
      const a = rows[i - 1]!;
      const b = rows[i]!;
      expect(a.degree > b.degree || (a.degree === b.degree && a.id < b.id)).toBe(true);
    }
  });

  it('renders chains as "A → B → C" that start at the organisation', () => {
    expect(chainText([{ label: 'A' }, { label: 'B' }, { label: 'C' }])).toBe('A → B → C');
    for (const v of result.municipality) {
      for (const s of chainSectors(v)) {
        const chain = v.chains[s];
        if (!chain) continue;
        expect(chain.chain[0]!.id).toBe(v.id);
        expect(chain.chain).toHaveLength(chain.distance + 1);
        expect(chain.chain.at(-1)!.sector).toBe(s);
      }
    }
  });

  it('puts tech and care first among the chain sectors', () => {
    expect(chainSectors({ chains: { care: null, x: null, tech: null } } as never)).toEqual(['tech', 'care', 'x']);
  });

  it('summarises cluster distances nearest first', () => {
    const v = municipalityRows(result)[0]!;
    const d = clusterDistances(v, result.communities, 3);
    expect(d.nearest.length).toBeLessThanOrEqual(3);
    expect(d.reachable).toBe(v.communityDistance.length);
    expect(d.more).toBe(Math.max(0, d.reachable - 3));
    expect(d.reachable + d.unreachable).toBe(result.communities.length);
    for (let i = 1; i < d.nearest.length; i++) expect(d.nearest[i]!.distance).toBeGreaterThanOrEqual(d.nearest[i - 1]!.distance);
    expect(d.nearest[0]).toMatchObject({ community: v.community, distance: 0 });
  });

  it('is empty without a municipality sector member', () => {
    const r = smallResult({ municipalitySector: 'finance' });
    expect(municipalityRows(r)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { applyFilters, DEFAULT_FILTERS, everythingVisible } from '../../../src/filters/filters';
import { ActivityIndex, organisationDetails, tieDetails } from '../../../src/graph/details';
import { sectorCodes } from '../../../src/graph/network';
import { denHaagNetwork } from '../../helpers/denHaag';

describe('the activities behind a tie', () => {
  const n = denHaagNetwork();
  const sectors = sectorCodes(n);
  const index = new ActivityIndex(n);
  const all = everythingVisible(n);
  const details = organisationDetails(n, index, sectors, all, 'gemeente-den-haag')!;
  const strongest = details.partnersBySector.flatMap((g) => g.partners).sort((a, b) => b.weight - a.weight)[0]!;

  it('lists every shared activity with source, kind, years and provenance', () => {
    const tie = tieDetails(n, index, sectors, all, strongest.tie)!;
    expect(tie.ends.map((e) => e.id).sort()).toEqual(['gemeente-den-haag', strongest.id].sort());
    expect(tie.activities).toHaveLength(strongest.weight);
    expect(tie.shared).toBe(strongest.weight);
    for (const a of tie.activities) {
      expect(a.visible).toBe(true);
      expect(a.activity.source).toBeTruthy();
      expect(a.provenance.length).toBeGreaterThan(0);
    }
    // The same activities as the two organisations' own lists have in common.
    const mine = new Set(index.of('gemeente-den-haag').map((e) => e.activity.id));
    const theirs = new Set(index.of(strongest.id).map((e) => e.activity.id));
    for (const a of tie.activities) expect(mine.has(a.activity.id) && theirs.has(a.activity.id)).toBe(true);
  });

  it('marks activities the filters leave out, and puts them last', () => {
    const tie = tieDetails(n, index, sectors, all, strongest.tie)!;
    const source = tie.activities[0]!.activity.source;
    const visibility = applyFilters(n, sectors, { ...DEFAULT_FILTERS, sources: [source] });
    const filtered = tieDetails(n, index, sectors, visibility, strongest.tie)!;
    expect(filtered.activities).toHaveLength(tie.activities.length);
    const visible = filtered.activities.filter((a) => a.visible);
    expect(visible.every((a) => a.activity.source === source)).toBe(true);
    expect(filtered.activities.slice(0, visible.length).every((a) => a.visible)).toBe(true);
  });

  it('is undefined for a tie that does not exist', () => {
    expect(tieDetails(n, index, sectors, all, -1)).toBeUndefined();
    expect(tieDetails(n, index, sectors, all, n.projection.ties.m)).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../../src/data/model';
import { applyFilters, DEFAULT_FILTERS, everythingVisible } from '../../../src/filters/filters';
import { buildNetwork, sectorCodes, type Network } from '../../../src/graph/network';
import { shortestChain } from '../../../src/graph/paths';
import { summariseProjection, tieBasis } from '../../../src/graph/rules';
import { DEFAULT_PROJECTION_RULES } from '../../../src/graph/projection';

/**
 * A committee (hub) consults four providers; a project ties the committee, a college and a firm; a
 * fund lists two firms without a hub; a funder pays for the project.
 */
function dataset(): Dataset {
  const orgs = ['committee', 'p1', 'p2', 'p3', 'p4', 'college', 'firm', 'firm2', 'bank'];
  const activity = (id: string, kind: string, year?: number) => ({ id, title: id.toUpperCase(), kind, source: 's', provenance: ['t'], ...(year ? { startYear: year } : {}) });
  return {
    name: 't',
    organisations: orgs.map((id) => ({ id, name: id, sector: 'other', aliases: [], provenance: ['t'] })),
    activities: [activity('cons', 'consultation', 2019), activity('proj', 'project', 2020), activity('fund', 'fund', 2018)],
    participations: [
      { activityId: 'cons', organisationId: 'committee', role: 'organiser' },
      ...['p1', 'p2', 'p3', 'p4'].map((o) => ({ activityId: 'cons', organisationId: o, role: 'consulted' })),
      { activityId: 'proj', organisationId: 'committee' },
      { activityId: 'proj', organisationId: 'college' },
      { activityId: 'proj', organisationId: 'firm' },
      { activityId: 'proj', organisationId: 'bank', role: 'funder' },
      { activityId: 'fund', organisationId: 'firm' },
      { activityId: 'fund', organisationId: 'firm2' },
    ],
  };
}

const index = (n: Network, id: string) => n.projection.incidence.orgIndex.get(id)!;

describe('how ties are made, in numbers', () => {
  const network = buildNetwork(dataset());

  it('counts ties per kind, listings, hubless listings and funders', () => {
    const s = summariseProjection(network);
    // Consultation: 4 ties to the hub; project: 3 pairs (the funder forms none); the fund has no hub.
    expect(s.ties).toBe(7);
    expect(s.kinds).toEqual([
      { kind: 'consultation', activities: 1, listing: true, ties: 4, only: 4 },
      { kind: 'project', activities: 1, listing: false, ties: 3, only: 3 },
      { kind: 'fund', activities: 1, listing: true, ties: 0, only: 0 },
    ]);
    expect(s.listings).toBe(2);
    expect(s.listingsWithoutHub).toBe(1);
    expect([s.fundingRows, s.funders]).toEqual([1, 1]);
  });

  it('reports large activities with their titles over the threshold', () => {
    const n = buildNetwork(dataset(), { ...DEFAULT_PROJECTION_RULES, largeActivity: 2 });
    // Largest by the ties they form: the consultation's 4 before the project's 3.
    expect(summariseProjection(n).large.map((l) => [l.title, l.participants, l.pairs, l.listing])).toEqual([
      ['CONS', 5, 4, true],
      ['PROJ', 3, 3, false],
    ]);
  });

  it("says how many of an organisation's visible ties rest on listings alone", () => {
    const all = everythingVisible(network);
    expect(tieBasis(network, all, index(network, 'committee'))).toEqual({ ties: 6, listingOnly: 4, listingKinds: ['consultation'] });
    expect(tieBasis(network, all, index(network, 'college'))).toEqual({ ties: 2, listingOnly: 0, listingKinds: [] });
    // Without the 2019 consultation in view, none of the committee's ties rests on a listing.
    const sectors = sectorCodes(network);
    const recent = applyFilters(network, sectors, { ...DEFAULT_FILTERS, years: [2020, 2020], includeUndated: false });
    expect(tieBasis(network, recent, index(network, 'committee'))).toEqual({ ties: 2, listingOnly: 0, listingKinds: [] });
  });
});

describe('shortest chain to the focal organisation', () => {
  const network = buildNetwork(dataset());
  const all = everythingVisible(network);
  const names = (chain: number[] | null) => chain?.map((i) => network.organisations[i]!.id) ?? null;

  it('goes through the hub of a listing, hop by hop', () => {
    expect(names(shortestChain(network, all, index(network, 'p1'), index(network, 'firm')))).toEqual(['p1', 'committee', 'firm']);
    expect(names(shortestChain(network, all, index(network, 'p1'), index(network, 'p1')))).toEqual(['p1']);
  });

  it('is null without a chain: a funder and a hubless listing tie nobody', () => {
    expect(shortestChain(network, all, index(network, 'p1'), index(network, 'bank'))).toBeNull();
    expect(shortestChain(network, all, index(network, 'p1'), index(network, 'firm2'))).toBeNull();
  });

  it('follows only the ties the view shows', () => {
    const sectors = sectorCodes(network);
    const recent = applyFilters(network, sectors, { ...DEFAULT_FILTERS, years: [2020, 2020], includeUndated: false });
    expect(shortestChain(network, recent, index(network, 'p1'), index(network, 'firm'))).toBeNull();
    expect(names(shortestChain(network, recent, index(network, 'committee'), index(network, 'firm')))).toEqual(['committee', 'firm']);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Dataset, Participation } from '../../../src/data/model';
import {
  activitiesListingCannotShrink,
  activitiesToList,
  projectionTooLarge,
  DEFAULT_PROJECTION_RULES,
  estimateProjection,
  MAX_PROJECTED_PAIRS,
  buildIncidence,
  project,
  ProjectionTooLargeError,
  tieSources,
  type Projection,
  type ProjectionRules,
} from '../../../src/graph/projection';

/** A dataset from activity → [organisation, role?, confidence?] rows; kinds by activity id prefix. */
function dataset(rows: [string, string, string?, Participation['confidence']?][], kinds: Record<string, string> = {}): Dataset {
  const orgs = [...new Set(rows.map((r) => r[1]))];
  const acts = [...new Set(rows.map((r) => r[0]))];
  return {
    name: 't',
    organisations: orgs.map((id) => ({ id, name: id, sector: 'other', aliases: [], provenance: ['t'] })),
    activities: acts.map((id) => ({ id, title: id, kind: Object.hasOwn(kinds, id) ? kinds[id]! : 'project', source: 't', provenance: ['t'] })),
    participations: rows.map(([activityId, organisationId, role, confidence]) => ({
      activityId,
      organisationId,
      ...(role ? { role } : {}),
      ...(confidence ? { confidence } : {}),
    })),
  };
}

/** Ties as "a-b" → weight, for readable assertions. */
function ties(p: Projection): Record<string, number> {
  const out: Record<string, number> = {};
  const ids = p.incidence.orgIds;
  for (let e = 0; e < p.ties.m; e++) out[`${ids[p.ties.u[e]!]}-${ids[p.ties.v[e]!]}`] = p.ties.weight[e]!;
  return out;
}

const rules = (r: Partial<ProjectionRules> = {}): ProjectionRules => ({ ...DEFAULT_PROJECTION_RULES, ...r });

describe('how ties are made', () => {
  it('ties every pair of an ordinary activity (a project)', () => {
    const p = project(dataset([['p', 'a'], ['p', 'b'], ['p', 'c']]));
    expect(ties(p)).toEqual({ 'a-b': 1, 'a-c': 1, 'b-c': 1 });
  });

  it('ties the participants of a listing (consultation, fund) only to its hub', () => {
    const d = dataset(
      [
        ['c', 'committee', 'lead'],
        ['c', 'x'],
        ['c', 'y'],
        ['c', 'z', 'consulted'],
      ],
      { c: 'consultation' },
    );
    expect(ties(project(d))).toEqual({ 'committee-x': 1, 'committee-y': 1, 'committee-z': 1 });
    // Every activity ties all pairs when no kind is a listing.
    expect(Object.keys(ties(project(d, rules({ listingKinds: [] }))))).toHaveLength(6);
  });

  it('ties the hubs of a listing to each other (co-chairs), and every member to each hub', () => {
    const d = dataset(
      [
        ['f', 'h1', 'chair'],
        ['f', 'h2', 'coordinator'],
        ['f', 'm'],
      ],
      { f: 'fund' },
    );
    expect(ties(project(d))).toEqual({ 'h1-h2': 1, 'h1-m': 1, 'h2-m': 1 });
  });

  it('forms no tie from a listing without a hub', () => {
    const d = dataset([['c', 'x'], ['c', 'y'], ['c', 'z']], { c: 'consultation' });
    expect(ties(project(d))).toEqual({});
  });

  it('turns an activity the user chose into a listing, whatever its kind', () => {
    const d = dataset([['p', 'lead', 'lead'], ['p', 'a'], ['p', 'b']]);
    expect(ties(project(d, rules({ listingActivities: ['p'] })))).toEqual({ 'a-lead': 1, 'b-lead': 1 });
  });

  it('never ties a funder; the funding relation stays in the two-mode data', () => {
    const d = dataset([
      ['p', 'a'],
      ['p', 'b'],
      ['p', 'rvo', 'funder'],
    ]);
    const p = project(d);
    expect(ties(p)).toEqual({ 'a-b': 1 });
    const rvo = p.incidence.orgIndex.get('rvo')!;
    expect(Array.from(p.incidence.funderOrg)).toEqual([rvo]);
    // The funder takes part in the activity (filters, details, the two-mode view).
    expect(Array.from(p.incidence.participants)).toContain(rvo);
  });

  it('weighs by shared activities, or by Newman 2001: Σ 1/(n−1) over the shared activities', () => {
    // a and b share a 2-member and a 3-member project; a and c only the 3-member one.
    const d = dataset([
      ['p2', 'a'],
      ['p2', 'b'],
      ['p3', 'a'],
      ['p3', 'b'],
      ['p3', 'c'],
    ]);
    expect(ties(project(d))).toEqual({ 'a-b': 2, 'a-c': 1, 'b-c': 1 });
    const newman = ties(project(d, rules({ weight: 'newman' })));
    expect(newman['a-b']).toBeCloseTo(1 / 1 + 1 / 2, 12);
    expect(newman['a-c']).toBeCloseTo(1 / 2, 12);
  });

  it('keeps how firmly each tie is supported: the weaker participation of a pair, the best-supported activity of a tie', () => {
    const d = dataset([
      ['p1', 'a'],
      ['p1', 'b', undefined, 'implied'],
      ['p2', 'a'],
      ['p2', 'c'],
      ['p2', 'b', undefined, 'inferred'],
    ]);
    const p = project(d);
    const ids = p.incidence.orgIds;
    const at = (a: string, b: string) => {
      for (let e = 0; e < p.ties.m; e++) if (ids[p.ties.u[e]!] === a && ids[p.ties.v[e]!] === b) return e;
      return -1;
    };
    expect(p.ties.confidence[at('a', 'b')]).toBe(1); // implied (p1) beats inferred (p2)
    expect(p.ties.confidence[at('a', 'c')]).toBe(0);
    expect(p.ties.confidence[at('b', 'c')]).toBe(2);
  });

  it('reports activities over the size threshold before building, and refuses a projection too large to build', () => {
    const rows: [string, string][] = [];
    for (let i = 0; i < 60; i++) rows.push(['big', `o${i}`]);
    rows.push(['small', 'o1'], ['small', 'o2']);
    const d = dataset(rows);
    const p = project(d, rules({ largeActivity: 50 }));
    expect(p.large).toEqual([{ id: 'big', participants: 60, pairs: (60 * 59) / 2, listing: false }]);
    expect(p.pairs).toBe((60 * 59) / 2 + 1);
    expect(() => project(d, rules(), 100)).toThrow(ProjectionTooLargeError);
    try {
      project(d, rules(), 100);
    } catch (e) {
      expect((e as ProjectionTooLargeError).large[0]!.id).toBe('big');
    }
  });

  it('offers to list only the largest activities needed to fit, not the small ones after them', () => {
    // One activity of 300 with a lead, one of 100 without, ten of 3: limit 5,000 triples.
    const rows: [string, string, string?][] = [];
    for (let i = 0; i < 300; i++) rows.push(['giant', `o${i}`, i === 0 ? 'lead' : undefined]);
    for (let i = 0; i < 100; i++) rows.push(['big', `o${i}`]);
    for (let a = 0; a < 10; a++) for (let j = 0; j < 3; j++) rows.push([`s${a}`, `o${a * 3 + j}`]);
    const d = dataset(rows);
    const total = (300 * 299) / 2 + (100 * 99) / 2 + 10 * 3;
    expect(() => project(d, rules(), 5000)).toThrow(ProjectionTooLargeError);
    try {
      project(d, rules(), 5000);
    } catch (e) {
      expect((e as ProjectionTooLargeError).pairs).toBe(total);
      // Listing 'giant' leaves 299 + 4,950 + 30 = 5,279 > 5,000, so 'big' is needed too; the small ones are not.
      expect((e as ProjectionTooLargeError).large.map((a) => a.id)).toEqual(['giant', 'big']);
    }
    // With 'giant' a listing already, only 'big' is offered.
    const listed = buildIncidence(d, rules({ listingActivities: ['giant'] }));
    expect(activitiesToList(listed, 5000).map((a) => a.id)).toEqual(['big']);
    // Under the limit: nothing to list.
    expect(activitiesToList(buildIncidence(d, rules()), total)).toEqual([]);
    // Activities that form no more ties as a listing (all hubs) are never offered.
    const allHubs = dataset([...Array.from({ length: 200 }, (_, i) => ['hubs', `o${i}`, 'lead'] as [string, string, string])]);
    expect(activitiesToList(buildIncidence(allHubs, rules()), 10)).toEqual([]);
  });

  it('names the activities a listing cannot shrink (every participant a hub), after those it can', () => {
    // 'hubs': 200 leads (19,900 ties as a clique or as a listing); 'big': 150 with one lead; 'one': 120, all but one lead.
    const rows: [string, string, string?][] = [];
    for (let i = 0; i < 200; i++) rows.push(['hubs', `h${i}`, 'coordinator']);
    for (let i = 0; i < 150; i++) rows.push(['big', `b${i}`, i === 0 ? 'lead' : undefined]);
    for (let i = 0; i < 120; i++) rows.push(['one', `x${i}`, i === 0 ? undefined : 'lead']);
    const d = dataset(rows);
    const inc = buildIncidence(d, rules());
    const thrown = (max: number) => {
      try {
        project(d, rules(), max);
      } catch (e) {
        return e as ProjectionTooLargeError;
      }
      throw new Error('not refused');
    };
    // Limit 20,000: listing 'big' (11,175 → 149) is not enough; 'hubs' must change, 'one' need not.
    const e = thrown(20_000);
    expect(e.large.map((a) => a.id)).toEqual(['big']);
    expect(e.unlistable.map((a) => [a.id, a.participants, a.hubs, a.pairs])).toEqual([['hubs', 200, 200, 19_900]]);
    // Limit 1,000: both all-hub activities must change.
    expect(thrown(1000).unlistable.map((a) => [a.id, a.hubs])).toEqual([['hubs', 200], ['one', 119]]);
    // When listing is enough, nothing is named as unlistable.
    expect(activitiesListingCannotShrink(inc, 40_000, activitiesToList(inc, 40_000))).toEqual([]);
    expect(projectionTooLarge(inc, 19_900 + 11_175 + 7140, 40_000).unlistable).toEqual([]);
  });

  it('refuses one activity of 3,000 participants (4.5 M ties) and builds all of CORDIS H2020 (1.09 M)', () => {
    expect((3000 * 2999) / 2).toBeGreaterThan(MAX_PROJECTED_PAIRS);
    expect(1_089_509).toBeLessThan(MAX_PROJECTED_PAIRS);
  });

  it('says how many ties each kind of activity makes (the "how ties are made" panel)', () => {
    const d = dataset(
      [
        ['c', 'hub', 'lead'],
        ['c', 'a'],
        ['c', 'b'],
        ['p', 'a'],
        ['p', 'b'],
      ],
      { c: 'consultation' },
    );
    const p = project(d);
    expect(tieSources(p, (id) => (id === 'c' ? 'consultation' : 'project'))).toEqual([
      { kind: 'consultation', ties: 2, only: 2 },
      { kind: 'project', ties: 1, only: 1 },
    ]);
    // A project q also ties the hub to a, and a fund f has one member (no tie): hub–a comes from
    // both kinds, and a kind without ties is not listed.
    const both = project(
      dataset(
        [
          ['c', 'hub', 'lead'],
          ['c', 'a'],
          ['c', 'b'],
          ['p', 'a'],
          ['p', 'b'],
          ['q', 'hub'],
          ['q', 'a'],
          ['f', 'b'],
        ],
        { c: 'consultation' },
      ),
    );
    const kinds: Record<string, string> = { c: 'consultation', f: 'fund' };
    expect(tieSources(both, (id) => kinds[id] ?? 'project')).toEqual([
      { kind: 'consultation', ties: 2, only: 1 },
      { kind: 'project', ties: 2, only: 1 },
    ]);
  });

  it('estimates exactly the number of (pair, activity) triples it then builds (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 9 }), fc.constantFrom(undefined, 'lead', 'funder')), { maxLength: 40 }),
        fc.boolean(),
        (raw, listing) => {
          const rows = raw.map(([a, o, role]) => [`a${a}`, `o${o}`, role] as [string, string, string?]);
          if (!rows.length) return;
          const d = dataset(rows, listing ? { a0: 'consultation', a1: 'fund' } : {});
          const inc = buildIncidence(d, DEFAULT_PROJECTION_RULES);
          const p = project(d);
          expect(estimateProjection(inc, 50).pairs).toBe(p.ties.acts.length);
          let shared = 0;
          for (let e = 0; e < p.ties.m; e++) shared += p.ties.shared[e]!;
          expect(shared).toBe(p.ties.acts.length);
          // Ties are sorted by (u, v), u < v, and unique.
          for (let e = 1; e < p.ties.m; e++) {
            expect(p.ties.u[e - 1]! < p.ties.u[e]! || (p.ties.u[e - 1] === p.ties.u[e] && p.ties.v[e - 1]! < p.ties.v[e]!)).toBe(true);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('takes any string as an id: no id is a property name', () => {
    const d = dataset([
      ['constructor', '__proto__'],
      ['constructor', 'toString'],
      ['hasOwnProperty', 'valueOf'],
      ['hasOwnProperty', '__proto__'],
    ]);
    expect(ties(project(d))).toEqual({ '__proto__-toString': 1, '__proto__-valueOf': 1 });
  });
});

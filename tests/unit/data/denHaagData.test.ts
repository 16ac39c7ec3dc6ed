/**
 * The built-in Den Haag data tells what the five seed documents say, in one vocabulary: funders
 * with role funder, consultations as listings with a hub, implied relations marked, stated counts
 * kept (conflicts too), provenance a seed file plus a literal heading of that file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import headings from '../../fixtures/den-haag-provenance-headings.json';
import { parseCanonicalFiles } from '../../../src/data/canonical';
import { CONFIDENCE_LEVELS, type Dataset, type StatedCount } from '../../../src/data/model';
import { BUILTIN_PROVENANCE, validateBuiltinDataset } from '../../../src/data/validate';
import { HUB_ROLE_IDS, isVocabularyId } from '../../../src/data/vocabulary';
import { buildNetwork, type Network } from '../../../src/graph/network';

const DIR = join(__dirname, '../../../data/den-haag');
const FILES = ['organisations.csv', 'activities.csv', 'participations.csv', 'stated-counts.csv'];
let dataset: Dataset;
let network: Network;
let parseProblems: ReturnType<typeof parseCanonicalFiles>['report'];

beforeAll(() => {
  const meta = JSON.parse(readFileSync(join(DIR, 'dataset.json'), 'utf8')) as { name: string; focal: string };
  const parsed = parseCanonicalFiles(
    FILES.map((name) => ({ name, text: readFileSync(join(DIR, name), 'utf8') })),
    { datasetName: meta.name },
  );
  parseProblems = parsed.report;
  dataset = { ...parsed.dataset, focal: meta.focal };
  network = buildNetwork(dataset);
});

const rows = (activityId: string) => dataset.participations.filter((p) => p.activityId === activityId);
const role = (activityId: string, organisationId: string) =>
  dataset.participations.find((p) => p.activityId === activityId && p.organisationId === organisationId)?.role;
const activity = (id: string) => dataset.activities.find((a) => a.id === id)!;

/** The organisations tied to `id` under the tie rules (listings, funders). */
function partners(id: string): Set<string> {
  const { orgIndex } = network.projection.incidence;
  const i = orgIndex.get(id)!;
  const { offsets, neighbours } = network.adjacency;
  const out = new Set<string>();
  for (let p = offsets[i]!; p < offsets[i + 1]!; p++) out.add(network.organisations[neighbours[p]!]!.id);
  return out;
}

/** The activities behind every tie, as [a, b, activity ids]. */
function ties(): [string, string, string[]][] {
  const { ties: t, incidence } = network.projection;
  const out: [string, string, string[]][] = [];
  for (let e = 0; e < t.m; e++) {
    const acts: string[] = [];
    for (let p = t.actOffsets[e]!; p < t.actOffsets[e + 1]!; p++) acts.push(incidence.actIds[t.acts[p]!]!);
    out.push([network.organisations[t.u[e]!]!.id, network.organisations[t.v[e]!]!.id, acts]);
  }
  return out;
}

const counts = (subjectId: string, counted?: string): StatedCount[] =>
  (dataset.statedCounts ?? []).filter((c) => c.subjectId === subjectId && (!counted || c.counted === counted));

describe('the built-in Den Haag data', () => {
  it('reads without problems and passes the built-in validation; the only note is the 61/63 conflict', () => {
    expect(parseProblems.problems.filter((p) => p.severity !== 'info')).toEqual([]);
    expect(parseProblems.rowsRejected).toBe(0);
    expect(parseProblems.files.map((f) => f.role).sort()).toEqual(['activities', 'organisations', 'participations', 'stated-counts']);
    const problems = validateBuiltinDataset(dataset);
    expect(problems.filter((p) => p.severity !== 'info')).toEqual([]);
    expect(problems.map((p) => p.code)).toEqual(['conflicting-counts']);
    expect(problems[0]!.message).toContain('den-haag-wmo-inkoop');
  });

  it('refuses an activity without a source or kind of its own ("unspecified", which the importer writes for a file that gives none)', () => {
    const [first, ...rest] = dataset.activities;
    const problems = validateBuiltinDataset({ ...dataset, activities: [{ ...first!, source: 'unspecified', kind: 'unspecified' }, ...rest] });
    const missing = problems.filter((p) => p.code === 'missing-vocabulary-id');
    expect(missing.map((p) => p.message)).toEqual([expect.stringContaining('source "unspecified"'), expect.stringContaining('kind "unspecified"')]);
  });

  it('declares Gemeente Den Haag as its focal organisation', () => {
    expect(dataset.focal).toBe('gemeente-den-haag');
    expect(dataset.organisations.some((o) => o.id === dataset.focal)).toBe(true);
  });

  it('uses vocabulary ids only for source, kind, theme, role, listed_in and counted', () => {
    for (const a of dataset.activities) {
      expect(isVocabularyId('source', a.source), `${a.id} source ${a.source}`).toBe(true);
      expect(isVocabularyId('kind', a.kind), `${a.id} kind ${a.kind}`).toBe(true);
      if (a.theme) expect(isVocabularyId('theme', a.theme), `${a.id} theme ${a.theme}`).toBe(true);
    }
    for (const p of dataset.participations) expect(isVocabularyId('role', p.role ?? ''), `${p.activityId}/${p.organisationId} role ${p.role}`).toBe(true);
    for (const o of dataset.organisations) for (const l of o.listedIn ?? []) expect(isVocabularyId('list', l), `${o.id} listed_in ${l}`).toBe(true);
    for (const c of dataset.statedCounts!) expect(isVocabularyId('counted', c.counted), c.counted).toBe(true);
    // No more English free text as a source, and no near-duplicate themes.
    const sources = new Set(dataset.activities.map((a) => a.source));
    for (const old of ['Knowledge infrastructure', 'Regional networks', 'Municipality', 'Care sector', 'Finance'])
      expect(sources.has(old)).toBe(false);
    expect(new Set(dataset.activities.map((a) => a.theme).filter(Boolean)).size).toBeLessThanOrEqual(18);
  });

  it('gives every activity an English title and every description an English one', () => {
    for (const a of dataset.activities) {
      expect(a.titleEn, a.id).toBeTruthy();
      if (a.description) expect(a.descriptionEn, a.id).toBeTruthy();
    }
    for (const o of dataset.organisations) if (o.description) expect(o.descriptionEn, o.id).toBeTruthy();
    // Titles are in the language of the source: Dutch where the source is Dutch.
    expect(activity('lectoraat-mantelzorg')).toMatchObject({ title: 'Lectoraat Mantelzorg', titleEn: 'Lectorate Informal Care' });
    expect(activity('den-haag-living-lab-2016').title).toMatch(/ouderen/);
    expect(activity('rvo-maternal-child-care-macedonia').title).toBe('Set up of an integrated system of maternal and child care');
  });

  it('has RVO as funder of its seven Den Haag projects, which therefore all appear', () => {
    const rvo = dataset.activities.filter((a) => a.source === 'RVO');
    expect(rvo).toHaveLength(7);
    for (const a of rvo) expect(role(a.id, 'rvo'), a.id).toBe('funder');
    expect(dataset.participations.filter((p) => p.organisationId === 'rvo').every((p) => p.role === 'funder')).toBe(true);
    // Six of the seven name no other participant.
    expect(rvo.filter((a) => rows(a.id).every((p) => p.role === 'funder' || p.confidence === 'implied'))).toHaveLength(6);
  });

  it('has SIA as funder of the three De Haagse Hogeschool projects and linked to all 23 SIA actors', () => {
    for (const id of ['sia-fast-at-home', 'sia-skills4life', 'sia-perfecte-sportrolstoel']) {
      expect(role(id, 'sia'), id).toBe('funder');
      expect(role(id, 'de-haagse-hogeschool'), id).toBe('applicant');
    }
    const actors = dataset.organisations.filter((o) => o.listedIn?.includes('sia_care_actors')).map((o) => o.id);
    expect(actors).toHaveLength(23);
    const funded = new Set(dataset.participations.filter((p) => p.organisationId === 'sia').map((p) => p.activityId));
    for (const id of actors) {
      expect(dataset.participations.some((p) => p.organisationId === id && funded.has(p.activityId)), id).toBe(true);
    }
    // The 21 projects and 231 participants of those actors, and the other universities' applications.
    expect(counts('sia-zorgprojecten-den-haag').map((c) => [c.counted, c.value])).toEqual(
      expect.arrayContaining([['actors', 23], ['projects', 21], ['participants', 231]]),
    );
    expect(role('sia-aanvragen-hogeschool-leiden', 'hogeschool-leiden')).toBe('applicant');
    expect(role('sia-aanvragen-hogeschool-utrecht', 'hogeschool-utrecht')).toBe('applicant');
    expect(counts('sia-aanvragen-hogeschool-leiden', 'projects')[0]!.value).toBe(2);
    expect(counts('sia-aanvragen-hogeschool-utrecht', 'projects')[0]!.value).toBe(6);
    expect(counts('de-haagse-hogeschool', 'projects')[0]!.value).toBe(3);
  });

  it('never ties a funder, and does not tie the 23 SIA actors to each other', () => {
    expect(partners('sia').size).toBe(0);
    expect(partners('rvo').size).toBe(0);
    for (const [, , acts] of ties()) expect(acts).not.toContain('sia-zorgprojecten-den-haag');
  });

  it('makes every consultation a listing with the committee as its hub', () => {
    const consultations = dataset.activities.filter((a) => a.kind === 'consultation');
    expect(consultations.length).toBeGreaterThanOrEqual(29);
    for (const a of consultations) {
      const hubs = rows(a.id).filter((p) => HUB_ROLE_IDS.includes(p.role ?? ''));
      expect(hubs.map((p) => p.organisationId), a.id).toEqual(['commissie-werken-in-de-zorg']);
    }
    // Under the listing rule a consultation ties each participant to the hub only.
    const consultationIds = new Set(consultations.map((a) => a.id));
    for (const [u, v, acts] of ties()) {
      if (acts.every((a) => consultationIds.has(a))) expect([u, v], acts.join()).toContain('commissie-werken-in-de-zorg');
    }
    expect(partners('olvg')).toEqual(new Set(['commissie-werken-in-de-zorg']));
    expect(rows('cwz-groepsgesprekken-regio').filter((p) => p.role === 'consulted')).toHaveLength(19);
  });

  it('gives every fund a hub or a funder', () => {
    for (const a of dataset.activities.filter((x) => x.kind === 'fund')) {
      expect(rows(a.id).some((p) => HUB_ROLE_IDS.includes(p.role ?? '') || p.role === 'funder'), a.id).toBe(true);
    }
  });

  it('marks implied and inferred relations, and keeps valid confidence levels only', () => {
    for (const p of dataset.participations) if (p.confidence) expect(CONFIDENCE_LEVELS).toContain(p.confidence);
    const confidence = (a: string, o: string) =>
      dataset.participations.find((p) => p.activityId === a && p.organisationId === o)?.confidence ?? 'stated';
    // A business park and the firms the next sentence says it houses.
    expect(role('tpy-bedrijvenpark', 'technology-park-ypenburg')).toBe('host');
    for (const firm of ['airborne', 'kve', 'promolding', 'gtm']) {
      expect(role('tpy-bedrijvenpark', firm)).toBe('member');
      expect(confidence('tpy-bedrijvenpark', firm)).toBe('implied');
    }
    // An event, its organiser (implied) and its presenters (stated).
    expect(role('e-healthweek-2020', 'ict-and-health')).toBe('organiser');
    expect(confidence('e-healthweek-2020', 'ict-and-health')).toBe('implied');
    for (const presenter of ['birch', 'kwink-groep']) {
      expect(role('e-healthweek-2020', presenter)).toBe('presenter');
      expect(confidence('e-healthweek-2020', presenter)).toBe('stated');
    }
    expect(confidence('fieldlab-technology-park-ypenburg', 'fieldlab-dfc')).toBe('implied');
    expect(confidence('zic-haagse-hogeschool', 'de-haagse-hogeschool')).toBe('implied');
    expect(confidence('rvo-factfinding-slithm', 'slithm')).toBe('implied');
    expect(confidence('zorgzandbak-heupairbag', 'gemeente-den-haag')).toBe('implied');
    expect(confidence('zorgzandbak-heupairbag', 'wolk')).toBe('inferred');
    const levels = dataset.participations.map((p) => p.confidence ?? 'stated');
    expect(levels.filter((c) => c === 'implied')).toHaveLength(9);
    expect(levels.filter((c) => c === 'inferred')).toHaveLength(1);
    // The projection carries the weaker confidence onto the tie.
    const { ties: t } = network.projection;
    expect([...t.confidence].filter((c) => c > 0).length).toBeGreaterThan(0);
  });

  it('keeps the counts the sources state, both sides of a conflict included', () => {
    const value = (id: string, counted: string) => counts(id, counted).map((c) => [c.value, c.qualifier]);
    expect(value('the-hague-security-delta', 'partners')).toEqual([
      [56, 'exact'],
      [151, 'exact'],
      [72, 'exact'],
    ]);
    expect(value('mrdh', 'municipalities')).toEqual([[23, 'exact']]);
    expect(value('den-haag-wmo-inkoop', 'providers')).toEqual([
      [61, 'exact'],
      [63, 'exact'],
    ]);
    expect(new Set(counts('den-haag-wmo-inkoop', 'providers').map((c) => c.provenance)).size).toBe(2);
    expect(value('h10-inkoopbureau', 'providers')).toContainEqual([100, 'at_least']);
    expect(value('den-haag-living-lab-2016', 'elderly')).toEqual([[100, 'about']]);
    expect(value('koplopers-in-de-zorg', 'participants')).toEqual([[100, 'at_least']]);
    expect(value('vws-pilot-integraal-zorgbudget', 'regions')).toEqual([[10, 'exact']]);
    expect(value('netwerk-zinnige-zorg', 'hospitals')).toEqual([[12, 'exact']]);
    // stated_participants agrees with the stated counts.
    const stated = Object.fromEntries(dataset.activities.filter((a) => a.statedParticipants !== undefined).map((a) => [a.id, a.statedParticipants]));
    expect(stated).toEqual({ 'sia-fast-at-home': 12, 'sia-skills4life': 18, 'sia-perfecte-sportrolstoel': 10, 'national-care-innovation-network': 10 });
  });

  it('gives provenance as <seed file>#<literal heading>, every heading one found in that file', () => {
    const known = headings.headings as Record<string, string[]>;
    const locators = new Set(headings.locators);
    const all = [
      ...dataset.organisations.flatMap((o) => o.provenance),
      ...dataset.activities.flatMap((a) => a.provenance),
      ...dataset.participations.map((p) => p.provenance ?? ''),
      ...dataset.statedCounts!.map((c) => c.provenance),
    ];
    for (const p of all) {
      const m = BUILTIN_PROVENANCE.exec(p);
      expect(m, p).not.toBeNull();
      expect(known[m![1]!], p).toContain(m![2]);
      expect(locators.has(p), p).toBe(true);
    }
    // The fixture lists no locator the data does not use.
    expect([...locators].filter((l) => !all.includes(l))).toEqual([]);
  });

  it('points the Medical Delta partners to the slide that names them, not to the one that says Den Haag is not one', () => {
    for (const id of ['gemeente-rotterdam', 'gemeente-leiden', 'gemeente-delft', 'hogeschool-inholland']) {
      const o = dataset.organisations.find((x) => x.id === id)!;
      expect(o.provenance.join(), id).not.toContain('Kennisnetwerken & clusterorganisaties in Nederland');
      expect(dataset.participations.find((p) => p.activityId === 'md-partnership' && p.organisationId === id)!.provenance).toBe(
        '001_7a664d8aabf6e913.txt#Netwerken, p. 65',
      );
    }
    // The VNO-NCW vision paper is footnote 6 of the advice, not 5.
    expect(dataset.organisations.find((o) => o.id === 'vno-ncw')!.provenance).toContain('004_ef5826dac98bfe4b.txt#Adviezen, voetnoot 6');
  });

  it('files organisations under the sector the README defines for what the sources say they are', () => {
    const sector = (id: string) => dataset.organisations.find((o) => o.id === id)!.sector;
    expect(sector('nictiz')).toBe('network');
    expect(sector('kenniscentrum-digitale-zorg')).toBe('network');
    expect(sector('voedingscentrum-nederland')).toBe('network');
    expect(sector('mae-be-productions')).toBe('other');
    expect(sector('dezzel-media')).toBe('other');
    expect(sector('fundis')).toBe('finance');
    expect(sector('sia')).toBe('finance');
    expect(sector('rvo')).toBe('government');
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCanonicalFiles } from '../../../src/data/canonical';
import type { Dataset } from '../../../src/data/model';
import { validateDataset } from '../../../src/data/validate';
import { ActivityIndex, organisationDetails } from '../../../src/graph/details';
import { twoModeDisplayGraph, twoModeActivityKey, twoModeOrganisationKey } from '../../../src/graph/display';
import { applyFilters, DEFAULT_FILTERS } from '../../../src/filters/filters';
import { buildNetwork, sectorCodes, type Network } from '../../../src/graph/network';

const DIR = join(__dirname, '../../../data/den-haag');
let dataset: Dataset;
/** The network under the tie rules: listings tie to their hub, funders form no ties. */
let projected: Network;

beforeAll(() => {
  const files = ['organisations.csv', 'activities.csv', 'participations.csv', 'stated-counts.csv'].map((name) => ({
    name,
    text: readFileSync(join(DIR, name), 'utf8'),
  }));
  const parsed = parseCanonicalFiles(files);
  expect(parsed.report.problems.filter((p) => p.severity !== 'info')).toEqual([]);
  expect(parsed.report.rowsRejected).toBe(0);
  dataset = parsed.dataset;
  projected = buildNetwork(dataset);
});

const members = (activityId: string) =>
  dataset.participations.filter((p) => p.activityId === activityId).map((p) => p.organisationId).sort();
/** Members that form ties (every role but funder). */
const tieMembers = (activityId: string) =>
  dataset.participations.filter((p) => p.activityId === activityId && p.role !== 'funder').map((p) => p.organisationId).sort();

/** The tie between two organisations under the tie rules: its shared activities, or undefined. */
function tie(a: string, b: string): string[] | undefined {
  const { orgIndex, actIds } = projected.projection.incidence;
  const { ties } = projected.projection;
  const i = orgIndex.get(a)!;
  const j = orgIndex.get(b)!;
  const { offsets, neighbours, ties: tieOf } = projected.adjacency;
  for (let p = offsets[i]!; p < offsets[i + 1]!; p++) {
    if (neighbours[p] !== j) continue;
    const e = tieOf[p]!;
    const acts: string[] = [];
    for (let k = ties.actOffsets[e]!; k < ties.actOffsets[e + 1]!; k++) acts.push(actIds[ties.acts[k]!]!);
    return acts;
  }
  return undefined;
}

describe('the built-in Den Haag dataset', () => {
  it('is valid: unique ids, resolving participations, a sector and provenance everywhere', () => {
    // The one note: two slides disagree on the number of Wmo providers (61 and 63); both are kept.
    expect(validateDataset(dataset).map((p) => [p.severity, p.code])).toEqual([['info', 'conflicting-counts']]);
    for (const o of dataset.organisations) expect(o.provenance.join()).toMatch(/^00\d_[0-9a-f]{16}\.txt#/);
  });

  it('records the Medical Delta partners stated in the factbook, without Gemeente Den Haag', () => {
    const partners = members('md-partnership');
    expect(partners).toEqual(
      expect.arrayContaining(['gemeente-delft', 'gemeente-leiden', 'gemeente-rotterdam', 'de-haagse-hogeschool', 'hogeschool-inholland']),
    );
    expect(partners).not.toContain('gemeente-den-haag');
    expect(tie('gemeente-delft', 'medical-delta')).toEqual(['md-partnership']);
    expect(tie('gemeente-den-haag', 'medical-delta')).toBeUndefined();
  });

  it('ties every pair of participants of the three De Haagse Hogeschool SIA projects, but not their funder', () => {
    const projects = ['sia-fast-at-home', 'sia-skills4life', 'sia-perfecte-sportrolstoel'];
    for (const project of projects) {
      const ids = tieMembers(project);
      expect(ids).toContain('de-haagse-hogeschool');
      expect(members(project)).toContain('sia');
      expect(ids).not.toContain('sia');
      for (let i = 0; i < ids.length; i++) {
        for (let j = i + 1; j < ids.length; j++) {
          expect(tie(ids[i]!, ids[j]!), `${ids[i]} – ${ids[j]}`).toContain(project);
        }
      }
    }
    // SIA funds the projects and is tied to no one.
    expect(projected.adjacency.offsets[projected.projection.incidence.orgIndex.get('sia')! + 1]).toBe(
      projected.adjacency.offsets[projected.projection.incidence.orgIndex.get('sia')!],
    );
    // Stated counts are kept even where fewer participants are named.
    const stated = Object.fromEntries(dataset.activities.filter((a) => projects.includes(a.id)).map((a) => [a.id, a.statedParticipants]));
    expect(stated).toEqual({ 'sia-fast-at-home': 12, 'sia-skills4life': 18, 'sia-perfecte-sportrolstoel': 10 });
    // The applicant, 10 named participants and the funder.
    expect(members('sia-fast-at-home')).toHaveLength(12);
    expect(tieMembers('sia-fast-at-home')).toHaveLength(11);
  });

  it('weighs a tie by the number of shared activities', () => {
    // Hogeschool Leiden and De Haagse Hogeschool share Fast@Home, Skills4life and the practorate at least.
    const shared = tie('de-haagse-hogeschool', 'hogeschool-leiden')!;
    expect(shared).toEqual(expect.arrayContaining(['sia-fast-at-home', 'sia-skills4life', 'practoraat-technologie-zorg-welzijn']));
    // The same count straight from the participations.
    const a = new Set(dataset.participations.filter((p) => p.organisationId === 'de-haagse-hogeschool').map((p) => p.activityId));
    const both = dataset.participations.filter((p) => p.organisationId === 'hogeschool-leiden' && a.has(p.activityId));
    expect(shared.length).toBe(both.length);
  });

  it('ties Gemeente Den Haag to the parties of SecuRadar and the LUMC-Campus, not to the funder RVO', () => {
    expect(members('rvo-securadar')).toEqual(['gemeente-den-haag', 'gemeente-rijswijk', 'rvo']);
    expect(tieMembers('rvo-securadar')).toEqual(['gemeente-den-haag', 'gemeente-rijswijk']);
    for (const partner of ['gemeente-rijswijk', 'lumc', 'hagaziekenhuis', 'haaglanden-medisch-centrum']) {
      expect(tie('gemeente-den-haag', partner), partner).toBeDefined();
    }
    expect(tie('gemeente-den-haag', 'rvo')).toBeUndefined();
    const sectors = sectorCodes(projected);
    const visibility = applyFilters(projected, sectors, DEFAULT_FILTERS);
    const details = organisationDetails(projected, new ActivityIndex(projected), sectors, visibility, 'gemeente-den-haag')!;
    const care = details.partnersBySector.find((g) => g.sector === 'care')!.partners.map((p) => p.id);
    expect(care).toEqual(expect.arrayContaining(['hagaziekenhuis', 'haaglanden-medisch-centrum']));
    const i = projected.projection.incidence.orgIndex.get('gemeente-den-haag')!;
    expect(details.partnerCount).toBe(projected.adjacency.offsets[i + 1]! - projected.adjacency.offsets[i]!);
    // What RVO funds is in its own details, not as ties.
    const rvo = organisationDetails(projected, new ActivityIndex(projected), sectors, visibility, 'rvo')!;
    expect(rvo.funds).toBe(7);
    expect(rvo.partnerCount).toBe(0);
  });

  it('draws the two-mode view with one edge per organisation and activity it takes part in, funders included', () => {
    const n = projected.organisations.length;
    const layout = { x: new Float32Array(n + projected.activities.length), y: new Float32Array(n + projected.activities.length) };
    const bipartite = twoModeDisplayGraph(projected, layout, 'nl');
    expect(bipartite.order).toBe(dataset.organisations.length + dataset.activities.length);
    // Activities are named in the UI's language: the English title where the data has one.
    const english = twoModeDisplayGraph(projected, layout, 'en');
    const translated = projected.activities.map((a, j) => ({ a, j })).filter(({ a }) => a.titleEn && a.titleEn !== a.title);
    expect(translated.length).toBeGreaterThan(10);
    for (const { a, j } of translated) {
      expect(bipartite.getNodeAttribute(twoModeActivityKey(j), 'label')).toBe(a.title);
      expect(english.getNodeAttribute(twoModeActivityKey(j), 'label')).toBe(a.titleEn);
    }
    const pairs = new Set(dataset.participations.map((p) => `${p.activityId}\u0000${p.organisationId}`));
    expect(bipartite.size).toBe(pairs.size);
    const { orgIndex, actIndex } = projected.projection.incidence;
    expect(bipartite.hasEdge(twoModeOrganisationKey(orgIndex.get('gemeente-rijswijk')!), twoModeActivityKey(actIndex.get('rvo-securadar')!))).toBe(true);
    expect(bipartite.hasEdge(twoModeOrganisationKey(orgIndex.get('rvo')!), twoModeActivityKey(actIndex.get('rvo-securadar')!))).toBe(true);
  });

  it('keeps listed organisations without partners as isolated nodes', () => {
    const { offsets } = projected.adjacency;
    const isolated = projected.organisations.filter((_, i) => offsets[i + 1] === offsets[i]).map((o) => o.id);
    expect(isolated.length).toBeGreaterThan(10);
    for (const id of isolated) {
      const o = dataset.organisations.find((x) => x.id === id)!;
      const hasMembership = dataset.participations.some((p) => p.organisationId === id);
      // Either only on a list, or the only named participant of its activities.
      expect(Boolean(o.listedIn?.length) || hasMembership).toBe(true);
    }
  });
});

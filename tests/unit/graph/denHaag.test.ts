import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCanonicalFiles } from '../../../src/data/canonical';
import type { Dataset } from '../../../src/data/model';
import { validateDataset } from '../../../src/data/validate';
import { activityKey, buildBipartiteGraph, buildOrganisationNetwork, orgKey } from '../../../src/graph/build';
import { DatasetIndex } from '../../../src/graph/details';
import type { OrganisationNetwork } from '../../../src/graph/types';

const DIR = join(__dirname, '../../../data/den-haag');
let dataset: Dataset;
let network: OrganisationNetwork;

beforeAll(() => {
  const files = ['organisations.csv', 'activities.csv', 'participations.csv'].map((name) => ({
    name,
    text: readFileSync(join(DIR, name), 'utf8'),
  }));
  const parsed = parseCanonicalFiles(files);
  expect(parsed.report.problems.filter((p) => p.severity !== 'info')).toEqual([]);
  expect(parsed.report.rowsRejected).toBe(0);
  dataset = parsed.dataset;
  network = buildOrganisationNetwork(dataset);
});

const members = (activityId: string) =>
  dataset.participations.filter((p) => p.activityId === activityId).map((p) => p.organisationId).sort();

describe('the built-in Den Haag dataset', () => {
  it('is valid: unique ids, resolving participations, a sector and provenance everywhere', () => {
    expect(validateDataset(dataset)).toEqual([]);
    for (const o of dataset.organisations) expect(o.provenance.join()).toMatch(/^00\d_[0-9a-f]{16}\.txt#/);
  });

  it('records the Medical Delta partners stated in the factbook, without Gemeente Den Haag', () => {
    const partners = members('md-partnership');
    expect(partners).toEqual(
      expect.arrayContaining(['gemeente-delft', 'gemeente-leiden', 'gemeente-rotterdam', 'de-haagse-hogeschool', 'hogeschool-inholland']),
    );
    expect(partners).not.toContain('gemeente-den-haag');
    expect(network.hasEdge('gemeente-delft', 'medical-delta')).toBe(true);
    expect(network.hasEdge('gemeente-den-haag', 'medical-delta')).toBe(false);
  });

  it('ties every pair of participants of the three De Haagse Hogeschool SIA projects', () => {
    const projects = ['sia-fast-at-home', 'sia-skills4life', 'sia-perfecte-sportrolstoel'];
    for (const project of projects) {
      const ids = members(project);
      expect(ids).toContain('de-haagse-hogeschool');
      for (let i = 0; i < ids.length; i++) {
        for (let j = i + 1; j < ids.length; j++) {
          const edge = network.edge(ids[i]!, ids[j]!);
          expect(edge, `${ids[i]} – ${ids[j]}`).toBeDefined();
          expect(network.getEdgeAttribute(edge!, 'activities')).toContain(project);
        }
      }
    }
    // Stated counts are kept even where fewer participants are named.
    const stated = Object.fromEntries(dataset.activities.filter((a) => projects.includes(a.id)).map((a) => [a.id, a.statedParticipants]));
    expect(stated).toEqual({ 'sia-fast-at-home': 12, 'sia-skills4life': 18, 'sia-perfecte-sportrolstoel': 10 });
    expect(members('sia-fast-at-home')).toHaveLength(11);
  });

  it('weighs a tie by the number of shared activities', () => {
    // Hogeschool Leiden and De Haagse Hogeschool share Fast@Home, Skills4life and the practorate at least.
    const edge = network.edge('de-haagse-hogeschool', 'hogeschool-leiden')!;
    const shared = network.getEdgeAttribute(edge, 'activities');
    expect(shared).toEqual(expect.arrayContaining(['sia-fast-at-home', 'sia-skills4life', 'practoraat-technologie-zorg-welzijn']));
    expect(network.getEdgeAttribute(edge, 'weight')).toBe(shared.length);
    // The same count straight from the participations.
    const a = new Set(dataset.participations.filter((p) => p.organisationId === 'de-haagse-hogeschool').map((p) => p.activityId));
    const both = dataset.participations.filter((p) => p.organisationId === 'hogeschool-leiden' && a.has(p.activityId));
    expect(shared.length).toBe(both.length);
  });

  it('ties Gemeente Den Haag to the parties of SecuRadar and the LUMC-Campus', () => {
    expect(members('rvo-securadar')).toEqual(['gemeente-den-haag', 'gemeente-rijswijk']);
    for (const partner of ['gemeente-rijswijk', 'lumc', 'hagaziekenhuis', 'haaglanden-medisch-centrum']) {
      expect(network.hasEdge('gemeente-den-haag', partner), partner).toBe(true);
    }
    const details = new DatasetIndex(dataset).details('gemeente-den-haag', network)!;
    const care = details.partnersBySector.find((g) => g.sector === 'care')!.partners.map((p) => p.id);
    expect(care).toEqual(expect.arrayContaining(['hagaziekenhuis', 'haaglanden-medisch-centrum']));
    expect(details.partnerCount).toBe(network.degree('gemeente-den-haag'));
  });

  it('builds the bipartite graph with one edge per participation', () => {
    const bipartite = buildBipartiteGraph(dataset);
    expect(bipartite.order).toBe(dataset.organisations.length + dataset.activities.length);
    expect(bipartite.size).toBe(dataset.participations.length);
    expect(bipartite.hasEdge(orgKey('gemeente-rijswijk'), activityKey('rvo-securadar'))).toBe(true);
  });

  it('keeps listed organisations without partners as isolated nodes', () => {
    const isolated = network.filterNodes((n) => network.degree(n) === 0);
    expect(isolated.length).toBeGreaterThan(10);
    for (const id of isolated) {
      const o = dataset.organisations.find((x) => x.id === id)!;
      const hasMembership = dataset.participations.some((p) => p.organisationId === id);
      // Either only on a list, or the only named participant of its activities.
      expect(Boolean(o.listedIn?.length) || hasMembership).toBe(true);
    }
  });
});

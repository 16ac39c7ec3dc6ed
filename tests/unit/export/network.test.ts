// @vitest-environment jsdom
import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { describe, expect, it } from 'vitest';
import { analyseDataset } from '../../../src/analysis';
import type { Dataset } from '../../../src/data/model';
import { SECTOR_INFO, SECTORS } from '../../../src/data/sectors';
import { NODE_EXPORT_ATTRIBUTES, toGexf, toGraphml, type NetworkExportInput } from '../../../src/export/network';
import { applyFilters, DEFAULT_FILTERS } from '../../../src/filters/filters';
import { importFiles } from '../../../src/data/import/pipeline';
import { sectorCodes } from '../../../src/graph/network';
import { visibleTieActivities } from '../../../src/ui/tables/rows';
import { denHaagView } from '../../helpers/denHaag';

/** A strict XML parser: any well-formedness error gives a <parsererror> document. */
function expectWellFormed(xml: string) {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
}

function input(filters = {}): NetworkExportInput & { fx: ReturnType<typeof denHaagView> } {
  const fx = denHaagView(filters);
  const n = fx.network.organisations.length;
  // A layout where every position can be checked: x = index, y = −index.
  const positions = { x: Float32Array.from({ length: n }, (_v, i) => i), y: Float32Array.from({ length: n }, (_v, i) => (i === 0 ? 0 : -i)) };
  return { fx, network: fx.network, visibility: fx.visibility, sectors: fx.sectors, result: fx.result, positions, datasetName: 'Den Haag', generatedAt: new Date('2024-05-01T10:00:00Z') };
}

describe('GEXF export', () => {
  it('is GEXF 1.2 that reads back with the visible nodes and ties, their attributes and the measures', () => {
    const inp = input({ sources: ['SIA', 'RVO', 'medical_delta'] });
    const { fx } = inp;
    const xml = toGexf(inp);
    expectWellFormed(xml);
    expect(xml).toContain('<gexf version="1.2" xmlns="http://www.gexf.net/1.2draft" xmlns:viz="http://www.gexf.net/1.2draft/viz"');
    expect(xml).toContain('lastmodifieddate="2024-05-01"');
    expect(xml).toContain('<creator>Bruggen</creator>');
    expect(xml).toMatch(/<attribute id="betweenness" title="betweenness" type="double"\/>/);
    expect(xml).toMatch(/<attribute id="community" title="community" type="integer"\/>/);
    expect(xml).toMatch(/<attribute id="articulationPoint" title="articulationPoint" type="boolean"\/>/);
    expect(xml).toMatch(/<attribute id="bridge" title="bridge" type="boolean"\/>/);

    const g = parseGexf(Graph, xml);
    expect(g.order).toBe(fx.visibility.counts.organisations);
    expect(g.size).toBe(fx.visibility.counts.ties);
    expect(fx.visibility.counts.organisations).toBeLessThan(fx.network.organisations.length);
    const { orgIndex } = fx.network.projection.incidence;
    for (const row of fx.result.organisations.slice(0, 40)) {
      const a = g.getNodeAttributes(row.id);
      const i = orgIndex.get(row.id)!;
      const o = fx.network.organisations[i]!;
      expect(a.label).toBe(o.name);
      expect(a.sector).toBe(row.sector);
      if (o.city) expect(a.city).toBe(o.city);
      expect(a.degree).toBe(row.degree);
      expect(a.strength).toBe(row.strength);
      expect(a.betweenness).toBe(row.betweenness);
      expect(a.constraint ?? null).toBe(row.constraint);
      expect(a.ei ?? null).toBe(row.ei);
      expect(a.community).toBe(row.community);
      expect(a.brokerageLiaison).toBe(row.brokerage.liaison);
      expect(a.brokerageTotal).toBe(row.brokerageTotal);
      expect(a.articulationPoint).toBe(row.articulationPoint);
      expect(a.x).toBe(i);
      expect(a.y).toBe(i === 0 ? 0 : -i);
      const hex = SECTOR_INFO[row.sector as keyof typeof SECTOR_INFO].colour;
      expect(a.color).toBe(`rgb(${[1, 3, 5].map((k) => parseInt(hex.slice(k, k + 2), 16)).join(',')})`);
    }
    const bridges = new Set(fx.result.ties.filter((t) => t.bridge).map((t) => `${t.source}|${t.target}`));
    const { ties } = fx.network.projection;
    for (let e = 0; e < ties.m; e++) {
      if (!fx.visibility.tieShared[e]) continue;
      const s = fx.network.organisations[ties.u[e]!]!.id;
      const t = fx.network.organisations[ties.v[e]!]!.id;
      const out = g.getEdgeAttributes(g.edge(s, t)!);
      expect(out.weight).toBe(fx.visibility.tieWeight[e]);
      expect(out.activities).toBe(visibleTieActivities(fx.network, fx.visibility, e).map((a) => fx.network.activities[a]!.id).join('|'));
      expect(out.bridge).toBe(bridges.has(`${s}|${t}`));
    }
  });

  it('writes what the map shows: its colours and sizes, and the suggested ties marked as such', () => {
    const inp = input();
    const n = inp.network.organisations.length;
    const look = { colour: Array.from({ length: n }, () => '#112233'), size: new Float32Array(n).fill(7) };
    const i = inp.network.projection.incidence.orgIndex;
    const suggested = [{ a: i.get('bobergo')!, b: i.get('sophia-revalidatie') ?? i.get('hagaziekenhuis')! }];
    const g = parseGexf(Graph, toGexf({ ...inp, look, suggested }));
    expect(g.getNodeAttribute('gemeente-den-haag', 'color')).toBe('rgb(17,34,51)');
    expect(g.getNodeAttribute('gemeente-den-haag', 'size')).toBe(7);
    const marked = g.filterEdges((_e, a) => a.suggested === true);
    expect(marked).toHaveLength(1);
    expect(g.extremities(marked[0]!)).toContain('bobergo');
  });

  it('declares every type, escapes text, drops XML-invalid characters, and takes any id', () => {
    const nasty: Dataset = {
      name: 'nasty',
      organisations: [
        { id: '__proto__', name: 'A & <B> \u0007', sector: 'care', aliases: [], provenance: ['t'] },
        { id: 'constructor', name: '"Quoted" \uFFFE', sector: 'tech', aliases: [], provenance: ['t'] },
      ],
      activities: [{ id: 'toString', title: 't', kind: 'project', source: 't', provenance: ['t'] }],
      participations: [
        { activityId: 'toString', organisationId: '__proto__' },
        { activityId: 'toString', organisationId: 'constructor' },
      ],
    };
    const { result, network } = analyseDataset(nasty);
    const sectors = sectorCodes(network);
    const xml = toGexf({ network, visibility: applyFilters(network, sectors, DEFAULT_FILTERS), sectors, result });
    expectWellFormed(xml);
    for (const name of ['constraint', 'betweenness', 'strength', 'hierarchy']) expect(xml).toContain(`<attribute id="${name}" title="${name}" type="double"/>`);
    expect(xml).not.toContain('viz:position'); // no layout given
    // graphology cannot hold an id such as __proto__: read it back with the strict parser instead.
    const doc = new DOMParser().parseFromString(xml, 'application/xml');
    const labels = [...doc.getElementsByTagName('node')].map((n) => [n.getAttribute('id'), n.getAttribute('label')]);
    expect(labels).toEqual([
      ['__proto__', 'A & <B> '],
      ['constructor', '"Quoted" '],
    ]);
  });

  it('read back by the importer, says that listings come back as collaborations (the network changed without a word)', async () => {
    const inp = input();
    const { outcome } = await importFiles([{ name: 'netwerk.gexf', blob: new Blob([toGexf(inp)]) }]);
    const warning = outcome.report.problems.find((p) => p.code === 'gexf-ties-as-activities')!;
    expect(warning).toMatchObject({ file: 'netwerk.gexf (edges)', severity: 'warning', params: { count: inp.fx.result.ties.length } });
    expect(warning.message).toContain('a listing (a consultation, a fund: tied to its organiser only) comes back as a collaboration of all its members');
  });

  it('works without an analysis (attributes only)', () => {
    const inp = input();
    const g = parseGexf(Graph, toGexf({ ...inp, result: null }));
    expect(g.order).toBe(inp.network.organisations.length);
    expect(g.getNodeAttribute('gemeente-den-haag', 'sector')).toBe('government');
    expect(g.getNodeAttribute('gemeente-den-haag', 'betweenness')).toBeUndefined();
  });
});

describe('GraphML export', () => {
  it('reads back (graphology-graphml) with the same nodes, edges, typed attributes and colours', () => {
    const inp = input({ hideIsolates: true });
    const { fx } = inp;
    const xml = toGraphml(inp);
    expectWellFormed(xml);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns"')).toBe(true);
    for (const [name, type] of NODE_EXPORT_ATTRIBUTES) {
      expect(xml).toContain(`<key id="${name}" for="node" attr.name="${name}" attr.type="${type === 'integer' ? 'int' : type}"/>`);
    }
    expect(xml).toContain('<key id="weight" for="edge" attr.name="weight" attr.type="double"/>');
    const g = parseGraphml(Graph, xml);
    expect(g.order).toBe(fx.visibility.counts.organisations);
    expect(g.size).toBe(fx.visibility.counts.ties);
    const row = fx.result.organisations.find((r) => r.id === 'gemeente-den-haag')!;
    const a = g.getNodeAttributes('gemeente-den-haag');
    expect(a.label).toBe('Gemeente Den Haag');
    expect(a.sector).toBe('government');
    expect(a.betweenness).toBe(row.betweenness);
    expect(a.community).toBe(row.community);
    expect(a.color).toBe(SECTOR_INFO.government.colour.toLowerCase());
    expect(a.x).toBe(fx.network.projection.incidence.orgIndex.get('gemeente-den-haag'));
    expect(SECTORS).toContain(a.sector);
  });
});

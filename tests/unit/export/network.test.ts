import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { describe, expect, it } from 'vitest';
import { analyseNetwork } from '../../../src/analysis';
import { NODE_EXPORT_ATTRIBUTES, toGexf, toGraphml } from '../../../src/export/network';
import { SECTOR_INFO } from '../../../src/data/sectors';
import { denHaag } from './denHaag';

const positions = (g: Graph) => {
  const out: Record<string, [number, number]> = {};
  g.forEachNode((n, _a) => {
    out[n] = [n.length * 1.5, -n.charCodeAt(0)];
  });
  return out;
};

describe('GEXF export', () => {
  it('is GEXF 1.2 that reads back with the same nodes, edges, attributes and metrics', () => {
    const fx = denHaag({ sources: ['SIA', 'RVO', 'Medical Delta'] });
    const pos = positions(fx.visible);
    const xml = toGexf(fx.visible, fx.result, { positions: pos, datasetName: 'Den Haag', generatedAt: new Date('2024-05-01T10:00:00Z') });
    expect(xml).toContain('<gexf version="1.2" xmlns="http://www.gexf.net/1.2draft" xmlns:viz="http://www.gexf.net/1.2draft/viz"');
    expect(xml).toContain('lastmodifieddate="2024-05-01"');
    expect(xml).toContain('<creator>Bruggen</creator>');
    expect(xml).toMatch(/<attribute id="betweenness" title="betweenness" type="double"\/>/);
    expect(xml).toMatch(/<attribute id="community" title="community" type="integer"\/>/);
    expect(xml).toMatch(/<attribute id="articulationPoint" title="articulationPoint" type="boolean"\/>/);
    expect(xml).toMatch(/<attribute id="bridge" title="bridge" type="boolean"\/>/);

    const g = parseGexf(Graph, xml);
    expect(g.order).toBe(fx.visible.order);
    expect(g.size).toBe(fx.visible.size);
    expect(g.type).toBe('undirected');
    expect(fx.visible.order).toBeLessThan(fx.network.order);

    for (const row of fx.result.organisations.slice(0, 40)) {
      const a = g.getNodeAttributes(row.id);
      const source = fx.visible.getNodeAttributes(row.id);
      expect(a.label).toBe(source.label);
      expect(a.sector).toBe(source.sector);
      expect(a.activityCount).toBe(source.activityCount);
      if (source.city) expect(a.city).toBe(source.city);
      expect(a.degree).toBe(row.degree);
      expect(a.strength).toBe(row.strength);
      expect(a.betweenness).toBe(row.betweenness);
      expect(a.constraint ?? null).toBe(row.constraint);
      expect(a.effectiveSize ?? null).toBe(row.effectiveSize);
      expect(a.ei ?? null).toBe(row.ei);
      expect(a.component).toBe(row.component);
      expect(a.community).toBe(row.community);
      expect(a.brokerageLiaison).toBe(row.brokerage.liaison);
      expect(a.brokerageTotal).toBe(row.brokerageTotal);
      expect(a.articulationPoint).toBe(row.articulationPoint);
      expect(a.x).toBe(pos[row.id]![0]);
      expect(a.y).toBe(pos[row.id]![1]);
      const hex = SECTOR_INFO[source.sector].colour;
      const rgb = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
      expect(a.color).toBe(`rgb(${rgb.join(',')})`);
      expect(a.size).toBeGreaterThan(0);
    }
    const bridges = new Set(fx.result.ties.filter((t) => t.bridge).map((t) => `${t.source}|${t.target}`));
    fx.visible.forEachEdge((edge, attrs, s, t) => {
      const out = g.getEdgeAttributes(edge);
      expect(g.hasUndirectedEdge(s, t)).toBe(true);
      expect(out.weight).toBe(attrs.weight);
      expect(out.activities).toBe(attrs.activities.join('|'));
      expect(out.bridge).toBe(bridges.has(`${s}|${t}`) || bridges.has(`${t}|${s}`));
    });
  });

  it('declares every type explicitly even when all values are whole numbers', () => {
    const g = new Graph({ type: 'undirected' });
    g.addNode('a', { label: 'A & <B>', sector: 'care', activityCount: 1 });
    g.addNode('b', { label: '"Quoted"', sector: 'tech', activityCount: 1 });
    g.addUndirectedEdge('a', 'b', { weight: 1, activities: ['x'] });
    // Measures of a two-node network: every value 0 or 1, which the writer alone would type "integer".
    const result = analyseNetwork(g);
    expect(result.organisations[0]!.constraint).toBe(1);
    const xml = toGexf(g, result);
    for (const name of ['constraint', 'betweenness', 'strength', 'hierarchy']) {
      expect(xml).toContain(`<attribute id="${name}" title="${name}" type="double"/>`);
    }
    const back = parseGexf(Graph, xml);
    expect(back.getNodeAttribute('a', 'constraint')).toBe(1);
    expect(back.getNodeAttribute('a', 'label')).toBe('A & <B>');
    expect(back.getNodeAttribute('b', 'label')).toBe('"Quoted"');
    expect(back.getEdgeAttribute(back.edges()[0]!, 'bridge')).toBe(true);
    expect(xml).not.toContain('viz:position'); // no layout given
  });

  it('works without an analysis (attributes only)', () => {
    const fx = denHaag();
    const g = parseGexf(Graph, toGexf(fx.visible));
    expect(g.order).toBe(220);
    expect(g.getNodeAttribute('gemeente-den-haag', 'sector')).toBe('government');
    expect(g.getNodeAttribute('gemeente-den-haag', 'betweenness')).toBeUndefined();
  });
});

describe('GraphML export', () => {
  it('reads back (graphology-graphml) with the same nodes, edges, typed attributes and colours', () => {
    const fx = denHaag({ hideIsolates: true });
    const pos = positions(fx.visible);
    const xml = toGraphml(fx.visible, fx.result, { positions: pos });
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns"')).toBe(true);
    for (const [name, type] of NODE_EXPORT_ATTRIBUTES) {
      const t = type === 'integer' ? 'int' : type;
      expect(xml).toContain(`<key id="${name}" for="node" attr.name="${name}" attr.type="${t}"/>`);
    }
    expect(xml).toContain('<key id="weight" for="edge" attr.name="weight" attr.type="double"/>');
    expect(xml).toContain('<graph id="G" edgedefault="undirected">');

    const g = parseGraphml(Graph, xml);
    expect(g.order).toBe(fx.visible.order);
    expect(g.size).toBe(fx.visible.size);
    const row = fx.result.organisations.find((r) => r.id === 'gemeente-den-haag')!;
    const a = g.getNodeAttributes('gemeente-den-haag');
    expect(a.label).toBe('Gemeente Den Haag');
    expect(a.sector).toBe('government');
    expect(a.betweenness).toBe(row.betweenness);
    expect(a.constraint).toBe(row.constraint);
    expect(a.community).toBe(row.community);
    expect(a.articulationPoint).toBe(row.articulationPoint);
    expect(a.color).toBe(SECTOR_INFO.government.colour.toLowerCase());
    expect(a.x).toBe(pos['gemeente-den-haag']![0]);
    fx.visible.forEachEdge((_edge, attrs, s, t) => {
      const [e] = g.edges(s, t);
      expect(e).toBeDefined();
      expect(g.getEdgeAttribute(e!, 'weight')).toBe(attrs.weight);
      expect(g.getEdgeAttribute(e!, 'activities')).toBe(attrs.activities.join('|'));
    });
  });

  it('escapes names for XML', () => {
    const g = new Graph({ type: 'undirected' });
    g.addNode('a&b', { label: 'Zorg & <Welzijn> "BV" \u0007', sector: 'care', activityCount: 0 });
    const xml = toGraphml(g);
    expect(xml).toContain('<node id="a&amp;b">');
    const back = parseGraphml(Graph, xml);
    expect(back.getNodeAttribute('a&b', 'label')).toBe('Zorg & <Welzijn> "BV" ');
  });
});

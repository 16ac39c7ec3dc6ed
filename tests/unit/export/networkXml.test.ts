// @vitest-environment jsdom
import fc from 'fast-check';
import Graph from 'graphology';
import { parse as parseGraphml } from 'graphology-graphml';
import { describe, expect, it } from 'vitest';
import { analyseDataset } from '../../../src/analysis';
import { parseCanonicalFiles } from '../../../src/data/canonical';
import { readGexfDocument } from '../../../src/data/import/datasetFiles';
import type { Dataset } from '../../../src/data/model';

import { NODE_EXPORT_ATTRIBUTES, toGexf, toGraphml, xmlEscape, type NetworkExportInput } from '../../../src/export/network';
import { everythingVisible } from '../../../src/filters/filters';
import { buildNetwork, sectorCodes } from '../../../src/graph/network';

/**
 * GEXF and GraphML exports: they read back (graphology's parsers) with the same nodes, ties and
 * typed attributes, and they are well-formed XML whatever the data holds — control characters,
 * halves of surrogate pairs, quotes, "]]>", "--" — checked with a strict XML parser (jsdom's
 * DOMParser in XML mode reports any well-formedness error as a <parsererror> document).
 */

const csv = (rows: string[][]) => rows.map((r) => r.map((v) => `"${v.replace(/"/g, '""')}"`).join(',')).join('\n');
const dataset = (rows: string[][]): Dataset =>
  parseCanonicalFiles([{ name: 'p.csv', text: csv([['activity_id', 'organisation_id', 'organisation', 'sector', 'city'], ...rows]) }], { datasetName: 'test' }).dataset;

function exportInput(d: Dataset, withAnalysis: boolean): NetworkExportInput {
  const network = buildNetwork(d);
  const positions = { x: Float32Array.from(network.organisations, (_o, i) => i * 1.5), y: Float32Array.from(network.organisations, (_o, i) => -i) };
  const input: NetworkExportInput = { network, visibility: everythingVisible(network), sectors: sectorCodes(network), positions, datasetName: d.name, generatedAt: new Date('2024-05-01T10:00:00Z') };
  if (withAnalysis) input.result = analyseDataset(d).result;
  return input;
}

/** Parses strictly; throws with the parser's message when the document is not well-formed. */
function strictXml(xml: string): Document {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const error = doc.getElementsByTagName('parsererror')[0];
  if (error) throw new Error(`not well-formed: ${error.textContent}`);
  return doc;
}

const ROWS = [
  ['a1', 'gdh', 'Gemeente Den Haag', 'government', 'Den Haag'],
  ['a1', 'hhs', 'De Haagse Hogeschool', 'knowledge', 'Den Haag'],
  ['a1', 'haga', 'HagaZiekenhuis', 'care', 'Den Haag'],
  ['a2', 'hhs', 'De Haagse Hogeschool', 'knowledge', 'Den Haag'],
  ['a2', 'robo', 'Robo B.V.', 'tech', 'Delft'],
  ['a3', 'haga', 'HagaZiekenhuis', 'care', 'Den Haag'],
  ['a3', 'robo', 'Robo B.V.', 'tech', 'Delft'],
];

describe('GEXF export: any id, strict XML', () => {
  it("reads back through Bruggen's own reader with node ids that are JavaScript built-ins", () => {
    const names = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__'];
    const input = exportInput(dataset(names.flatMap((a) => names.map((o) => [a, o, o, 'care', '']))), false);
    const xml = toGexf(input);
    strictXml(xml);
    const read = readGexfDocument(xml, 'x.gexf');
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const nodes = read.sources.find((s) => s.role === 'organisations')!;
    expect(nodes.items.map((i) => i.rows[0]!.get('organisation_id')).sort()).toEqual([...names].sort());
  });
});

describe('GraphML export: typed attributes', () => {
  it('reads back (graphology-graphml) with the same nodes, ties and typed attributes', () => {
    const input = exportInput(dataset(ROWS), true);
    const xml = toGraphml(input);
    strictXml(xml);
    for (const [name] of NODE_EXPORT_ATTRIBUTES) expect(xml).toContain(`attr.name="${name}"`);
    const g = parseGraphml(Graph, xml);
    expect(g.order).toBe(4);
    expect(g.size).toBe(input.network.projection.ties.m);
    expect(g.getNodeAttributes('robo')).toMatchObject({ label: 'Robo B.V.', sector: 'tech', city: 'Delft' });
  });
});

describe('every export is well-formed XML, whatever the values', () => {
  const nasty = fc.oneof(
    fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }),
    fc.constantFrom('\u0000', '\u0001\u0008\u000B\u000C\u001F', '\uD800', '\uDFFF', 'a\uD83D', '\uFFFE\uFFFF', ']]>', '--', '-->', '<!--', '&amp;', '"\'<>&', '\t\n\r', 'x\u0085y', '\u2028'),
  );
  const rows = fc.array(fc.tuple(fc.constantFrom('a1', 'a2', 'a3'), nasty, nasty, nasty), { minLength: 1, maxLength: 12 });

  it('GEXF and GraphML, with and without an analysis, parse strictly', () => {
    fc.assert(
      fc.property(rows, nasty, fc.boolean(), (r, name, withAnalysis) => {
        const d = dataset(r.map(([a, id, label, city]) => [a, id, label, 'care', city]));
        d.name = name;
        const input = exportInput(d, withAnalysis);
        for (const xml of [toGexf(input), toGraphml(input)]) {
          const doc = strictXml(xml);
          expect(doc.getElementsByTagName('node').length).toBe(d.organisations.length);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('the checker is strict: what XML 1.0 forbids is an error', () => {
    for (const bad of ['<x>\u0001</x>', '<x a="\u0000"/>', '<x>\uD800</x>', '<x>\uFFFF</x>', '<x>a & b</x>', '<x><!-- a -- b --></x>', '<x>]]></x>']) {
      expect(() => strictXml(bad), JSON.stringify(bad)).toThrow(/not well-formed/);
    }
  });

  it('keeps what XML can hold, so ids and labels read back as written', () => {
    const label = 'Tab\there, line\nbreak, "quotes" & <tags>, ☃, 😀';
    const doc = strictXml(`<x a="${xmlEscape(label)}">${xmlEscape(label)}</x>`);
    expect(doc.documentElement.getAttribute('a')).toBe(label);
    expect(doc.documentElement.textContent).toBe(label);
    expect(xmlEscape('a\u0000b\uD800c\uDFFFd😀')).toBe('abcd😀');
  });
});

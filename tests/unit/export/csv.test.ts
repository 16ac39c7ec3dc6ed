import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { OrganisationRow } from '../../../src/analysis';
import {
  ACTIVITY_CSV_COLUMNS,
  csvCell,
  organisationsCsv,
  ORGANISATION_CSV_COLUMNS,
  tablesToCsv,
  TIE_CSV_COLUMNS,
  tiesCsv,
} from '../../../src/export/csv';
import { tieTableRows } from '../../../src/ui/tables/rows';
import { denHaagView as denHaag } from '../../helpers/denHaag';

const parse = (text: string) => Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });

function row(overrides: Partial<OrganisationRow>): OrganisationRow {
  return {
    id: 'x',
    name: 'X',
    sector: 'tech',
    degree: 1,
    strength: 1,
    betweenness: 0,
    betweennessError: 0,
    constraint: 1,
    effectiveSize: 1,
    hierarchy: 1,
    participation: 0,
    ei: -0.5,
    component: 1,
    community: 1,
    brokerage: { coordinator: 0, itinerant: 0, gatekeeper_or_representative: 0, liaison: 0 },
    brokerageTotal: 0,
    brokerageExpected: 0,
    brokerageExpectedRoles: { coordinator: 0, itinerant: 0, gatekeeper_or_representative: 0, liaison: 0 },
    brokerageRatio: null,
    focalDistance: null,
    articulationPoint: false,
    ...overrides,
  };
}

describe('CSV export', () => {
  it('writes the three tables with their header, one row each, without a byte-order mark', () => {
    const fx = denHaag();
    const csv = tablesToCsv({ result: fx.result, network: fx.network, visibility: fx.visibility });
    for (const [text, columns, count] of [
      [csv.organisations!, ORGANISATION_CSV_COLUMNS, 229],
      [csv.activities, ACTIVITY_CSV_COLUMNS, fx.dataset.activities.length],
      [csv.ties!, TIE_CSV_COLUMNS, fx.visibility.counts.ties],
    ] as const) {
      expect(text.charCodeAt(0)).not.toBe(0xfeff);
      expect(text.split('\n')[0]).toBe(columns.join(','));
      const parsed = parse(text);
      expect(parsed.errors).toEqual([]);
      expect(parsed.data.length).toBe(count);
    }
    const haag = parse(csv.organisations!).data.find((r) => r.organisation_id === 'gemeente-den-haag')!;
    const expected = fx.result.organisations.find((r) => r.id === 'gemeente-den-haag')!;
    expect(Number(haag.betweenness)).toBe(expected.betweenness);
    expect(Number(haag.constraint)).toBe(expected.constraint);
    expect(Number(haag.ei)).toBe(expected.ei); // negative numbers stay numbers
    expect(haag.ei!.startsWith('-')).toBe(true);
    expect(haag.betweenness_estimated).toBe('false');
    expect(Number(haag.brokerage_gatekeeper_or_representative)).toBe(expected.brokerage.gatekeeper_or_representative);
    expect(haag.articulation_point).toBe(String(expected.articulationPoint));

    const tie = parse(csv.ties!).data.find((r) => r.shared_activity_ids)!;
    expect(tie.shared_activity_ids!.length).toBeGreaterThan(0);
    expect(tie.shared_activity_titles!.split(' | ').length).toBe(tie.shared_activity_ids!.split(' | ').length);
  });

  it('keeps only the filtered activities, and counts only visible participants', () => {
    const fx = denHaag({ sources: ['RVO'] });
    const csv = tablesToCsv({ result: fx.result, network: fx.network, visibility: fx.visibility });
    const rows = parse(csv.activities).data;
    expect(rows.length).toBe(fx.visibility.counts.activities);
    expect(rows.every((r) => r.source === 'RVO')).toBe(true);
    expect(parse(csv.organisations!).data.length).toBe(fx.visibility.counts.organisations);
  });

  it('has no organisations or ties CSV before the analysis', () => {
    const fx = denHaag();
    const csv = tablesToCsv({ result: null, network: fx.network, visibility: null });
    expect(csv.organisations).toBeNull();
    expect(csv.ties).toBeNull();
    expect(parse(csv.activities).data.length).toBe(fx.dataset.activities.length);
  });

  it('neutralises formula-like text cells with an apostrophe', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")');
    expect(csvCell('+31 70')).toBe("'+31 70");
    expect(csvCell('-abc')).toBe("'-abc");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('Gemeente')).toBe('Gemeente');
    expect(csvCell(-0.25)).toBe('-0.25');
    expect(csvCell(null)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(true)).toBe('true');

    const text = organisationsCsv([
      row({ id: 'a', name: '=HYPERLINK("x")', ei: -0.5 }),
      row({ id: 'b', name: '+31 70', constraint: null }),
    ]);
    const parsed = parse(text).data;
    expect(parsed[0]!.name).toBe('\'=HYPERLINK("x")');
    expect(parsed[0]!.ei).toBe('-0.5');
    expect(parsed[1]!.name).toBe("'+31 70");
    expect(parsed[1]!.constraint).toBe('');
    // The quotes inside the cell are CSV-escaped, the line stays one record.
    expect(text.split('\n')[1]).toContain('"\'=HYPERLINK(""x"")"');

    const fx = denHaag();
    const ties = tieTableRows(fx.result.ties.slice(0, 1), fx.result.organisations, fx.network, fx.visibility);
    ties[0]!.sourceName = '=cmd|x';
    expect(parse(tiesCsv(ties)).data[0]!.source_name).toBe("'=cmd|x");
  });

  it('writes the Excel (Dutch settings) dialect: byte-order mark, semicolons, CRLF, decimal commas', () => {
    const text = organisationsCsv([row({ id: 'a', name: 'Acme;=1+2;x', ei: -0.5, constraint: 0.125 }), row({ id: 'b', name: 'Zorg, Welzijn' })], { dialect: 'excel-nl' });
    expect(text.startsWith('\ufeff')).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines[0]).toBe(ORGANISATION_CSV_COLUMNS.join(';'));
    // A value with ";" is quoted from its first character: Excel splitting on ";" keeps it whole,
    // so "=1+2" never becomes a cell of its own (in the comma file it did).
    expect(lines[1]).toContain(';"Acme;=1+2;x";');
    expect(lines[2]).toContain(';Zorg, Welzijn;');
    const parsed = Papa.parse<Record<string, string>>(text.slice(1), { header: true, delimiter: ';', skipEmptyLines: true }).data;
    expect(parsed.map((r) => r.name)).toEqual(['Acme;=1+2;x', 'Zorg, Welzijn']);
    expect(parsed[0]!.ei).toBe('-0,5');
    expect(parsed[0]!.constraint).toBe('0,125');
    expect(csvCell(1234.5, 'excel-nl')).toBe('1234,5');
    expect(csvCell('=x', 'excel-nl')).toBe("'=x");
    // The standard dialect is unchanged.
    expect(organisationsCsv([row({ id: 'a', ei: -0.5 })]).split('\n')[1]).toContain(',-0.5,');
  });
});

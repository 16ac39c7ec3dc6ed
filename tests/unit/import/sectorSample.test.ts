import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { inferOrganisationSector } from '../../../src/data/sectorInference';
import { SECTORS } from '../../../src/data/sectors';
import { lookupOrganisationType, typeHint } from '../../../src/data/sectorVocabularies';

/**
 * The sector rules measured on 394 real CORDIS organisations labelled by hand from the sector
 * definitions (tests/fixtures/sectors/README.md). Reported in docs/import.md.
 */
const rows = Papa.parse<Record<'pic' | 'name' | 'country' | 'activity_type' | 'sector' | 'note', string>>(
  readFileSync('tests/fixtures/sectors/cordis-labelled.csv', 'utf8'),
  { header: true, skipEmptyLines: true },
).data;

/** As the importer does: the CORDIS activity type is a type hint, the name decides the rest. */
function infer(name: string, type: string) {
  const entry = lookupOrganisationType(type);
  if (entry?.sector) return { sector: entry.sector, reason: `type:${type}` };
  return inferOrganisationSector(name, entry ? typeHint(entry, type) : type ? { label: type } : undefined);
}

function confusionTable(pairs: readonly [label: string, inferred: string][]): string {
  const count = new Map<string, number>();
  for (const [a, b] of pairs) count.set(`${a}>${b}`, (count.get(`${a}>${b}`) ?? 0) + 1);
  const cell = (v: string | number) => String(v).padStart(7);
  const lines = [`${'label \\ inferred'.padEnd(16)}${SECTORS.map((s) => cell(s.slice(0, 6))).join('')}`];
  for (const a of SECTORS) lines.push(a.padEnd(16) + SECTORS.map((b) => cell(count.get(`${a}>${b}`) ?? '')).join(''));
  return lines.join('\n');
}

describe('sector inference on the hand-labelled CORDIS sample', () => {
  it('has at least 120 labelled organisations with valid sectors, stratified over all sectors', () => {
    expect(rows.length).toBeGreaterThanOrEqual(120);
    expect(new Set(rows.map((r) => r.pic)).size).toBe(rows.length);
    for (const r of rows) expect(SECTORS, r.name).toContain(r.sector);
    expect(new Set(rows.map((r) => r.sector))).toEqual(new Set(SECTORS));
  });

  it('agrees with at least 95% of the labels', () => {
    const pairs = rows.map((r) => [r.sector, infer(r.name, r.activity_type).sector] as [string, string]);
    const right = pairs.filter(([a, b]) => a === b).length;
    const misses = rows
      .filter((_, i) => pairs[i]![0] !== pairs[i]![1])
      .map((r) => `  ${r.sector} → ${infer(r.name, r.activity_type).sector} (${infer(r.name, r.activity_type).reason}): ${r.name} [${r.activity_type}]`);
    const report = `${right}/${rows.length} right\n${confusionTable(pairs)}\nmisses:\n${misses.join('\n')}`;
    expect(right / rows.length, report).toBeGreaterThanOrEqual(0.95);
  });
});

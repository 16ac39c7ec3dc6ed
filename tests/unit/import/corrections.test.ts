import { describe, expect, it } from 'vitest';
import { parseCanonicalFiles } from '../../../src/data/canonical';
import {
  applySectorCorrections,
  correctionsToCsv,
  datasetKey,
  loadCorrections,
  parseCorrectionsCsv,
  saveCorrections,
} from '../../../src/data/sectorCorrections';

const { dataset } = parseCanonicalFiles([{ name: 'p.csv', text: 'activity_id,organisation\nA1,Zebra\nA1,=Formula Org\nA1,Gemeente Delft\n' }]);

describe('sector corrections', () => {
  it('apply: the corrected sector is no longer marked inferred', () => {
    const zebra = dataset.organisations.find((o) => o.name === 'Zebra')!;
    expect(zebra).toMatchObject({ sector: 'other', sectorInferred: true });
    const corrected = applySectorCorrections(dataset, { [zebra.id]: 'care' });
    expect(corrected.organisations.find((o) => o.id === zebra.id)).toMatchObject({ id: zebra.id, name: 'Zebra', sector: 'care' });
    expect(corrected.organisations.find((o) => o.id === zebra.id)!.sectorInferred).toBeUndefined();
    expect(applySectorCorrections(dataset, {})).toBe(dataset);
  });

  it('export and import as organisation_id,name,sector CSV, formula-escaped, with problems for unknowns', () => {
    const formula = dataset.organisations.find((o) => o.name.startsWith('='))!;
    const csv = correctionsToCsv(dataset, { zebra: 'care', [formula.id]: 'tech' });
    expect(csv.split('\n')[0]).toBe('organisation_id,name,sector');
    expect(csv).toContain(`'=Formula Org`);
    const back = parseCorrectionsCsv(csv + 'nobody,Nobody,tech\nzebra,Zebra,martian\n', dataset);
    expect(back.corrections).toEqual({ zebra: 'care', [formula.id]: 'tech' });
    expect(back.problems.map((p) => [p.code, p.row])).toEqual([
      ['correction-unknown-organisation', 4],
      ['correction-unknown-sector', 5],
    ]);
    expect(parseCorrectionsCsv('x,y\n1,2\n', dataset).problems[0]!.code).toBe('corrections-columns');
    // Matching by name works when the id is not given; Dutch labels are accepted.
    expect(parseCorrectionsCsv('name,sector\ngemeente delft,Overheid\n', dataset).corrections).toEqual({ 'gemeente-delft': 'government' });
  });

  it('persist per dataset key', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    const key = datasetKey(dataset);
    expect(key).toMatch(/^p\.csv#[0-9a-f]+$/);
    saveCorrections(key, { zebra: 'care' }, storage);
    expect(loadCorrections(key, storage)).toEqual({ zebra: 'care' });
    expect(loadCorrections('other', storage)).toEqual({});
    store.set([...store.keys()][0]!, '{"zebra":"martian","x":"tech"}');
    expect(loadCorrections(key, storage)).toEqual({ x: 'tech' });
  });
});

import { describe, expect, it } from 'vitest';
import { parseCanonicalFiles } from '../../../src/data/canonical';
import type { Organisation } from '../../../src/data/model';
import {
  applySectorCorrections,
  applySectorRules,
  correctionsToCsv,
  datasetKey,
  mergeCorrections,
  parseCorrectionsCsv,
  readCorrectionsValue,
  saveCorrections,
} from '../../../src/data/sectorCorrections';
import { storedCorrections } from '../../../src/session/browser';

const { dataset } = parseCanonicalFiles([{ name: 'p.csv', text: 'activity_id,organisation\nA1,Zebra\nA1,=Formula Org\nA1,Gemeente Delft\n' }]);

function memoryStorage() {
  const store = new Map<string, string>();
  return { store, storage: { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v), removeItem: (k: string) => void store.delete(k) } };
}

describe('stored corrections read whole or said', () => {
  it('counts the entries it leaves out, and a value that is no object as one', () => {
    expect(readCorrectionsValue({ a: 'care', b: 'alien', __proto__x: 3, constructor: 'tech' })).toEqual({ items: [['a', 'care'], ['constructor', 'tech']], skipped: 2 });
    expect(readCorrectionsValue(JSON.parse('{"__proto__":"care"}'))).toEqual({ items: [['__proto__', 'care']], skipped: 0 });
    expect(readCorrectionsValue([['a', 'care']])).toEqual({ items: [], skipped: 1 });
    expect(readCorrectionsValue(null)).toEqual({ items: [], skipped: 1 });
  });

  it('says when the browser refused to store them', () => {
    const full = { getItem: () => null, setItem: () => { throw new DOMException('full', 'QuotaExceededError'); }, removeItem: () => {} } as unknown as Storage;
    expect(saveCorrections('k', new Map([['a', 'care']]), full)).toBe(false);
  });
});

describe('sector corrections', () => {
  it('apply: the corrected sector is no longer marked inferred', () => {
    const zebra = dataset.organisations.find((o) => o.name === 'Zebra')!;
    expect(zebra).toMatchObject({ sector: 'other', sectorInferred: true, sectorReason: 'none' });
    const corrected = applySectorCorrections(dataset, new Map([[zebra.id, 'care']]));
    expect(corrected.organisations.find((o) => o.id === zebra.id)).toMatchObject({ id: zebra.id, name: 'Zebra', sector: 'care' });
    expect(corrected.organisations.find((o) => o.id === zebra.id)!.sectorInferred).toBeUndefined();
    expect(corrected.organisations.find((o) => o.id === zebra.id)!.sectorReason).toBeUndefined();
    expect(applySectorCorrections(dataset, new Map())).toBe(dataset);
  });

  it('export and import as organisation_id,name,sector CSV, formula-escaped, with problems for unknowns', () => {
    const formula = dataset.organisations.find((o) => o.name.startsWith('='))!;
    const csv = correctionsToCsv(dataset, new Map([['zebra', 'care'], [formula.id, 'tech']]));
    expect(csv.split('\n')[0]).toBe('organisation_id,name,sector');
    expect(csv).toContain(`'=Formula Org`);
    const back = parseCorrectionsCsv(csv + 'nobody,Nobody,tech\nzebra,Zebra,martian\n', dataset);
    expect(back.corrections).toEqual(new Map([['zebra', 'care'], [formula.id, 'tech']]));
    expect(back.problems.map((p) => [p.code, p.row])).toEqual([
      ['correction-unknown-organisation', 4],
      ['correction-unknown-sector', 5],
    ]);
    expect(parseCorrectionsCsv('x,y\n1,2\n', dataset).problems[0]!.code).toBe('corrections-columns');
    // Matching by name works when the id is not given; Dutch labels are accepted.
    expect(parseCorrectionsCsv('name,sector\ngemeente delft,Overheid\n', dataset).corrections).toEqual(new Map([['gemeente-delft', 'government']]));
  });

  it('a name matches only when it is one organisation\'s: not an empty name, not a shared one, in any script', () => {
    const org = (id: string, name: string): Organisation => ({ id, name, sector: 'knowledge', aliases: [], provenance: [] });
    const named = { name: 'n', activities: [], participations: [], organisations: [org('tokyo', '東京大学'), org('kyoto', '京都大学'), org('a1', 'Acme'), org('a2', 'ACME'), org('blank', '😀')] };
    const parsed = parseCorrectionsCsv('organisation_id,name,sector\nunknown,北京大学,care\nconstructor,,tech\nx,acme,care\ny,京都大学,care\n', named);
    // 北京大学 and 京都大学 were both "" to the name key, so 北京大学's correction went to another university.
    expect(parsed.corrections).toEqual(new Map([['kyoto', 'care']]));
    expect(parsed.problems.map((p) => [p.code, p.row])).toEqual([
      ['correction-unknown-organisation', 2],
      ['correction-unknown-organisation', 3],
      ['correction-ambiguous-name', 4],
    ]);
    expect(parsed.problems[2]!.message).toBe('Several organisations are called "acme"; the correction was not used.');
  });

  it('persist per dataset key, in the same JSON object format as before', () => {
    const { store, storage } = memoryStorage();
    const key = datasetKey(dataset);
    expect(key).toMatch(/^p\.csv#[0-9a-f]+$/);
    saveCorrections(key, new Map([['zebra', 'care']]), storage);
    expect(store.get(`bruggen.sectorCorrections.${key}`)).toBe('{"zebra":"care"}');
    const stored = storedCorrections(storage);
    expect(stored.load(key)).toEqual(new Map([['zebra', 'care']]));
    expect(stored.damage!()).toBeNull();
    expect(stored.load('other')).toEqual(new Map());
    store.set([...store.keys()][0]!, '{"zebra":"martian","x":"tech"}');
    expect(stored.load(key)).toEqual(new Map([['x', 'tech']]));
    expect(stored.damage!()).toMatchObject({ unreadable: false, skipped: 1, key: `bruggen.sectorCorrectionsDamaged.${key}` });
    for (const broken of ['[1,2]', 'null', '"care"', '{not json']) {
      store.set(`bruggen.sectorCorrections.${key}`, broken);
      expect(stored.load(key)).toEqual(new Map());
      expect(store.get(`bruggen.sectorCorrectionsDamaged.${key}`)).toBe(broken);
    }
  });

  it('later corrections win when merged', () => {
    expect(mergeCorrections(new Map([['a', 'care'], ['b', 'tech']]), new Map([['b', 'other']]))).toEqual(
      new Map([['a', 'care'], ['b', 'other']]),
    );
  });
});

describe('organisation ids that are Object.prototype names', () => {
  const ids = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];
  const { dataset: odd } = parseCanonicalFiles([
    {
      name: 'p.csv',
      text: `activity_id,organisation_id,organisation\n${ids.map((id, i) => `A1,${id},Organisation ${i} ${id}`).join('\n')}\nA1,plain,Plain\n`,
    },
  ]);

  it('are imported as ordinary organisations', () => {
    expect(odd.organisations.map((o) => o.id).sort()).toEqual([...ids, 'plain'].sort());
  });

  it('are never corrected by accident, and can be corrected on purpose', () => {
    // An object-backed lookup would find Object.prototype.constructor for id "constructor".
    const none = applySectorCorrections(odd, new Map([['plain', 'care']]));
    for (const id of ids) expect(none.organisations.find((o) => o.id === id)!.sector).toBe('other');
    const all = applySectorCorrections(odd, new Map(ids.map((id) => [id, 'care'] as const)));
    for (const id of ids) expect(all.organisations.find((o) => o.id === id)).toMatchObject({ sector: 'care' });
  });

  it('survive storage, CSV export and CSV import', () => {
    const corrections = new Map(ids.map((id, i) => [id, i % 2 ? 'tech' : 'care'] as const));
    const { storage } = memoryStorage();
    saveCorrections('odd', corrections, storage);
    expect(storedCorrections(storage).load('odd')).toEqual(corrections);
    const back = parseCorrectionsCsv(correctionsToCsv(odd, corrections), odd);
    expect(back.problems).toEqual([]);
    expect(back.corrections).toEqual(corrections);
  });

  it('work in bulk rules', () => {
    const { corrections, counts } = applySectorRules(odd.organisations, [{ field: 'name', contains: 'organisation', sector: 'network' }]);
    expect(counts).toEqual([ids.length]);
    expect([...corrections.keys()].sort()).toEqual([...ids].sort());
  });
});

describe('bulk sector rules ("naam bevat \'ziekenhuis\' → zorg")', () => {
  const org = (id: string, name: string, extra: Partial<Organisation> = {}): Organisation => ({ id, name, sector: 'knowledge', sectorInferred: true, aliases: [], provenance: ['t'], ...extra });
  const organisations = [
    org('1', 'HagaZiekenhuis', { city: 'Den Haag', country: 'NL', organisationType: 'REC' }),
    org('2', 'Stichting Sint Antonius Ziekenhuis', { city: 'Nieuwegein', country: 'NL', organisationType: 'REC' }),
    org('3', 'Universitair Ziekenhuis Gent', { city: 'Gent', country: 'BE', organisationType: 'REC' }),
    org('4', 'Hôpital Foch', { city: 'Suresnes', country: 'FR', organisationType: 'REC' }),
    org('5', 'Acme B.V.', { city: "'s-Hertogenbosch", country: 'NL', organisationType: 'PRC' }),
    org('6', 'Zonder plaats'),
  ];

  it('first matching rule wins; counts say how many each rule decided', () => {
    const { corrections, counts } = applySectorRules(organisations, [
      { field: 'name', contains: 'Universitair', sector: 'knowledge' },
      { field: 'name', contains: 'ziekenhuis', sector: 'care' },
      { field: 'name', contains: 'HOPITAL', sector: 'care' },
      { field: 'name', contains: 'ziekenhuis', sector: 'other' },
    ]);
    expect(corrections).toEqual(new Map([['1', 'care'], ['2', 'care'], ['3', 'knowledge'], ['4', 'care']]));
    expect(counts).toEqual([1, 2, 1, 0]);
  });

  it('compares without case, accents and punctuation, on name, city, country or type', () => {
    const run = (field: 'name' | 'city' | 'country' | 'type', contains: string) =>
      [...applySectorRules(organisations, [{ field, contains, sector: 'care' }]).corrections.keys()];
    expect(run('name', 'hôpital')).toEqual(['4']);
    expect(run('name', 'b.v.')).toEqual(['5']);
    expect(run('city', "'S-HERTOGENBOSCH")).toEqual(['5']);
    expect(run('city', 'den haag')).toEqual(['1']);
    expect(run('country', 'nl')).toEqual(['1', '2', '5']);
    expect(run('type', 'prc')).toEqual(['5']);
    expect(run('city', 'x')).toEqual([]);
  });

  it('an empty rule matches nothing, and the organisations are left as they were', () => {
    const before = structuredClone(organisations);
    expect(applySectorRules(organisations, [{ field: 'name', contains: ' .- ', sector: 'care' }])).toEqual({ corrections: new Map(), counts: [0] });
    expect(applySectorRules(organisations, [])).toEqual({ corrections: new Map(), counts: [] });
    expect(organisations).toEqual(before);
  });

  it('its result applies like any correction', () => {
    const data = { name: 'x', organisations, activities: [], participations: [] };
    const { corrections } = applySectorRules(organisations, [{ field: 'name', contains: 'ziekenhuis', sector: 'care' }]);
    const out = applySectorCorrections(data, mergeCorrections(new Map([['5', 'tech']]), corrections));
    expect(out.organisations.map((o) => [o.id, o.sector, o.sectorInferred ?? false])).toEqual([
      ['1', 'care', false],
      ['2', 'care', false],
      ['3', 'care', false],
      ['4', 'knowledge', true],
      ['5', 'tech', false],
      ['6', 'knowledge', true],
    ]);
  });
});

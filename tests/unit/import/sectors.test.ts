import { describe, expect, it } from 'vitest';
import { normaliseName } from '../../../src/data/normalise';
import { inferSector, inferSectorWithType } from '../../../src/data/sectorInference';
import { lookupOrganisationType } from '../../../src/data/sectorVocabularies';

const infer = (name: string) => inferSector(normaliseName(name))?.sector ?? 'none';

describe('sector inference from names (documented in docs/import.md)', () => {
  it.each([
    ['Gemeente Rijswijk', 'government'],
    ['Provincie Zuid-Holland', 'government'],
    ['Ministerie van VWS', 'government'],
    ['De Haagse Hogeschool', 'knowledge'],
    ['Hanzehogeschool Groningen', 'knowledge'],
    ['Rijksuniversiteit Groningen', 'knowledge'],
    ['Universiteit Leiden', 'knowledge'],
    ['ROC Mondriaan', 'knowledge'],
    ['Leids Universitair Medisch Centrum', 'knowledge'],
    ['UMC Utrecht', 'knowledge'],
    ['HagaZiekenhuis', 'care'],
    ['Haaglanden Medisch Centrum', 'care'],
    ['Zorggroep Florence', 'care'],
    ['Stichting Thuiszorg West-Brabant', 'care'],
    ['GGZ Delfland', 'care'],
    ['Zorgverzekeraar Haaglanden N.V.', 'finance'],
    ['Fonds Zorginnovatie', 'finance'],
    ['Vereniging Zorgnetwerk', 'care'],
    ['Cliëntenraad Haaglanden', 'citizens'],
    ['Sensara B.V.', 'tech'],
    ['Robotik GmbH', 'tech'],
    ['Stichting Zebra', 'none'],
  ])('%s → %s', (name, sector) => expect(infer(name)).toBe(sector));

  it('lets specific name evidence beat a suggestive type, and a type beat no evidence', () => {
    const prc = lookupOrganisationType('PRC')!;
    expect(inferSectorWithType(normaliseName('Zorgkliniek Noord B.V.'), prc)?.sector).toBe('care');
    expect(inferSectorWithType(normaliseName('Acme'), prc)).toEqual({ sector: 'tech', why: 'organisation type "PRC"' });
    expect(inferSectorWithType(normaliseName('Acme'), { label: 'whatever' })).toBeUndefined();
  });
});

describe('foreign sector vocabularies', () => {
  it.each([
    ['HES', 'knowledge', undefined],
    ['REC', 'knowledge', undefined],
    ['PUB', 'government', undefined],
    ['PRC', undefined, 'tech'],
    ['OTH', undefined, undefined],
    ['Helseforetak', 'care', undefined],
    ['health trust (hospital)', 'care', undefined],
    ['UoH-sektor', 'knowledge', undefined],
    ['Næringsliv', undefined, 'tech'],
    ['Besloten vennootschap', undefined, 'tech'],
    ['B.V.', undefined, 'tech'],
    ['Stichting', undefined, undefined],
    ['Vereniging', undefined, 'network'],
    ['Publiekrechtelijke rechtspersoon', 'government', undefined],
    ['Zorginstelling', 'care', undefined],
    ['Patiëntenorganisatie', 'citizens', undefined],
  ])('%s → sector %s, fallback %s', (value, sector, fallback) => {
    const entry = lookupOrganisationType(value)!;
    expect(entry).toBeDefined();
    expect(entry.sector).toBe(sector);
    expect(entry.fallback).toBe(fallback);
  });
});

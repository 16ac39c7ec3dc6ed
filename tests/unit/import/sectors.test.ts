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
    // An association (vereniging) of care organisations is a network, not a care provider.
    ['Vereniging Zorgnetwerk', 'network'],
    ['Cliëntenraad Haaglanden', 'citizens'],
    ['Sensara B.V.', 'tech'],
    ['Robotik GmbH', 'tech'],
    ['Stichting Zebra', 'none'],
  ])('%s → %s', (name, sector) => expect(infer(name)).toBe(sector));

  it('lets specific name evidence beat a suggestive type, and a type beat no evidence', () => {
    const prc = lookupOrganisationType('PRC')!;
    expect(inferSectorWithType(normaliseName('Zorgkliniek Noord B.V.'), { label: 'PRC', fallback: prc.fallback! })?.sector).toBe('care');
    expect(inferSectorWithType(normaliseName('Acme'), { label: 'PRC', fallback: prc.fallback! })).toEqual({ sector: 'tech', reason: 'type:PRC', why: 'organisation type "PRC"' });
    expect(inferSectorWithType(normaliseName('Acme'), { label: 'whatever' })).toBeUndefined();
  });
});

describe('foreign sector vocabularies', () => {
  // A registry's code is a starting point (`registry`); a type a person chose is definitive (`sector`).
  it.each([
    ['HES', undefined, 'knowledge', undefined],
    ['REC', undefined, 'knowledge', undefined],
    ['PUB', undefined, 'government', undefined],
    ['PRC', undefined, undefined, 'tech'],
    ['OTH', undefined, undefined, undefined],
    ['Helseforetak', undefined, 'care', undefined],
    ['health trust (hospital)', undefined, 'care', undefined],
    ['UoH-sektor', undefined, 'knowledge', undefined],
    ['Næringsliv', undefined, undefined, 'tech'],
    ['Besloten vennootschap', undefined, undefined, 'tech'],
    ['B.V.', undefined, undefined, 'tech'],
    ['Stichting', undefined, undefined, undefined],
    ['Vereniging', undefined, undefined, 'network'],
    ['Publiekrechtelijke rechtspersoon', 'government', undefined, undefined],
    ['Zorginstelling', 'care', undefined, undefined],
    ['Patiëntenorganisatie', 'citizens', undefined, undefined],
  ])('%s → sector %s, registry %s, fallback %s', (value, sector, registry, fallback) => {
    const entry = lookupOrganisationType(value)!;
    expect(entry).toBeDefined();
    expect(entry.sector).toBe(sector);
    expect(entry.registry).toBe(registry);
    expect(entry.fallback).toBe(fallback);
  });
});

import { describe, expect, it } from 'vitest';
import { normaliseName } from '../../../src/data/normalise';
import {
  describeSectorReason,
  inferOrganisationSector,
  inferSector,
  inferSectorWithType,
  NAME_RULES,
  parseSectorValue,
  repairMacRomanMojibake,
} from '../../../src/data/sectorInference';
import { lookupOrganisationType, typeHint } from '../../../src/data/sectorVocabularies';

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

/** As the importer reads a type cell: a vocabulary entry gives a hint, anything else only a label. */
const withType = (name: string, type?: string) => {
  const entry = type ? lookupOrganisationType(type) : undefined;
  return inferOrganisationSector(name, entry ? typeHint(entry, type!) : type ? { label: type } : undefined);
};

describe('sector inference for registries: the type is a starting point (docs/import.md, "Sector inference")', () => {
  it.each([
    // Care providers are care whatever the registry type, in six languages.
    ['Stichting Ziekenhuis Amstelland', 'REC', 'care', 'name:hospital'],
    ['Klinikum Stuttgart', 'HES', 'care', 'name:hospital'],
    ['Städtisches Krankenhaus Kiel GmbH', 'PRC', 'care', 'name:hospital'],
    ['Centre Hospitalier de Cannes', 'PUB', 'care', 'name:hospital'],
    ['Hôpital Foch', 'REC', 'care', 'name:hospital'],
    ['Hospital General de Valencia', 'REC', 'care', 'name:hospital'],
    ['Azienda Ospedaliera di Verona', 'PUB', 'care', 'name:hospital'],
    ['Haaglanden MC', undefined, 'care', 'name:hospital'],
    ['Parnassia Groep GGZ', 'PRC', 'care', 'name:mental-health'],
    ['Clinique Psychiatrique de Paris', 'OTH', 'care', 'name:mental-health'],
    ['Centro de Salud Mental de Madrid', 'PUB', 'care', 'name:mental-health'],
    ['Revalidatiecentrum De Hoogstraat', 'OTH', 'care', 'name:rehabilitation'],
    ['Rehabilitationsklinik Bad Wildbad', 'PRC', 'care', 'name:rehabilitation'],
    ['Verpleeghuis De Rozenhof', undefined, 'care', 'name:elderly-care'],
    ['Altenpflegeheim St. Anna gGmbH', 'OTH', 'care', 'name:elderly-care'],
    ['EHPAD Les Tilleuls', 'PUB', 'care', 'name:elderly-care'],
    ['Thuiszorg Rotterdam', undefined, 'care', 'name:home-care'],
    ['Home Care Partners Ltd', 'PRC', 'care', 'name:home-care'],
    ['Ambulanter Pflegedienst Müller GmbH', 'PRC', 'care', 'name:home-care'],
    ['Jeugdzorg Nederland', undefined, 'care', 'name:youth-care'],
    ['Lebenshilfe Wien', 'OTH', 'care', 'name:disability-care'],
    ['Huisartsenpraktijk De Linde', undefined, 'care', 'name:general-practice'],
    ['Servicio Madrileño de Salud', 'PUB', 'care', 'name:care-provider'],
    ['North Bristol NHS Trust', 'PUB', 'care', 'name:care-provider'],
    // Academic hospitals are knowledge, whatever the registry type.
    ['Universitätsklinikum Heidelberg', 'PUB', 'knowledge', 'name:academic-hospital'],
    ['Centre Hospitalier Universitaire de Nantes', 'PUB', 'knowledge', 'name:academic-hospital'],
    ['CHU de Bordeaux', 'PUB', 'knowledge', 'name:academic-hospital'],
    ['Hospital Universitario La Paz', 'PUB', 'knowledge', 'name:academic-hospital'],
    ['Policlinico Universitario Agostino Gemelli', 'OTH', 'knowledge', 'name:academic-hospital'],
    ['Academisch Ziekenhuis Maastricht', 'REC', 'knowledge', 'name:academic-hospital'],
    ['Erasmus MC', undefined, 'knowledge', 'name:academic-hospital'],
    ['LUMC', undefined, 'knowledge', 'name:academic-hospital'],
    ['Radboudumc', undefined, 'knowledge', 'name:academic-hospital'],
    ['Sheffield Teaching Hospitals NHS Foundation Trust', 'REC', 'knowledge', 'name:academic-hospital'],
    ['Fundación para la Investigación del Hospital Clínico', 'REC', 'knowledge', 'name:academic-hospital'],
    ['Fondazione IRCCS Istituto Neurologico Carlo Besta', 'REC', 'knowledge', 'name:academic-hospital'],
    // Patient and client organisations are citizens, also when their name has care words.
    ['Patiëntenvereniging Hart en Vaatgroep', undefined, 'citizens', 'name:patient-organisation'],
    ['Cliëntenraad Zorggroep Noord', undefined, 'citizens', 'name:patient-organisation'],
    ['European Liver Patients Association', 'OTH', 'citizens', 'name:patient-organisation'],
    ['Deutsche Patientenorganisation für Seltene Erkrankungen', 'OTH', 'citizens', 'name:patient-organisation'],
    ['Association de patients atteints de lupus', 'OTH', 'citizens', 'name:patient-organisation'],
    ['Alzheimer Nederland', undefined, 'citizens', 'name:health-charity'],
    ['Nederlandse Hartstichting', undefined, 'citizens', 'name:charity'],
    // Health-tech companies stay tech, also with "care" or "health" in their name.
    ['Robot Care Systems B.V.', 'PRC', 'tech', 'name:tech-company'],
    ['CareTech Solutions GmbH', undefined, 'tech', 'name:tech-company'],
    ['Philips Medical Systems Nederland BV', 'PRC', 'tech', 'name:tech-company'],
    ['Nemo Healthcare B.V.', undefined, 'tech', 'name:company'],
    ['Siemens Healthcare GmbH', 'PRC', 'tech', 'type:PRC'],
    ['MedTech Diagnostics S.r.l.', 'PRC', 'tech', 'name:tech-company'],
    ['Salud Digital S.L.', 'PRC', 'tech', 'name:tech-company'],
    ['Hospital Logistics Systems SAS', 'PRC', 'tech', 'name:tech-company'],
    ['Sense4Care SL', 'PRC', 'tech', 'type:PRC'],
    // ... but a private clinic is care, and a university GmbH is knowledge.
    ['Schön Klinik Bad Aibling GmbH & Co. KG', 'PRC', 'care', 'name:hospital'],
    ['UMIT Private Universität für Gesundheitswissenschaften, Medizinische Informatik und Technik GmbH', 'HES', 'knowledge', 'name:university'],
    // Sports clubs and the like are other; a sports university or ministry is not.
    ['Yorkshire County Cricket Club Limited', 'OTH', 'other', 'name:sports-club'],
    ['Voetbalvereniging Katwijk', undefined, 'other', 'name:sports-club'],
    ['Deutsche Sporthochschule Köln', 'HES', 'knowledge', 'name:university'],
    ['Ministerie van Volksgezondheid, Welzijn en Sport', 'PUB', 'government', 'name:government'],
    // Then the registry type; OTH says nothing, so the name decides or the sector is other.
    ['Rijksinstituut voor Volksgezondheid en Milieu', 'REC', 'knowledge', 'type:REC'],
    ['Bundesinstitut für Arzneimittel und Medizinprodukte', 'PUB', 'government', 'name:government'],
    ['Canadian Institutes of Health Research', 'PUB', 'government', 'type:PUB'],
    ['Acme', 'PRC', 'tech', 'type:PRC'],
    ['European Health Telematics Association', 'REC', 'network', 'name:association'],
    ['Integrating the Healthcare Enterprise-Europe AISBL', 'OTH', 'network', 'name:association'],
    ['Stichting Zebra', 'OTH', 'other', 'none'],
  ])('%s [%s] → %s (%s)', (name, type, sector, reason) => {
    expect(withType(name, type)).toMatchObject({ sector, reason });
  });

  it('repairs UTF-8 read as Mac Roman, so mis-encoded registry names still match', () => {
    expect(repairMacRomanMojibake('Universit√§tsklinikum Jena')).toBe('Universitätsklinikum Jena');
    expect(repairMacRomanMojibake('HOSPITAL SANT JOAN DE D√âU')).toBe('HOSPITAL SANT JOAN DE DÉU');
    expect(repairMacRomanMojibake('Agencia Espa√±ola')).toBe('Agencia Española');
    expect(repairMacRomanMojibake('√ plain')).toBe('√ plain');
    expect(withType('Universit√§tsklinikum Jena', 'HES')).toMatchObject({ sector: 'knowledge', reason: 'name:academic-hospital' });
  });

  it('explains every reason in Dutch and English for the UI', () => {
    expect(new Set(NAME_RULES.map((r) => r.id)).size).toBe(NAME_RULES.length);
    for (const rule of NAME_RULES) {
      expect(describeSectorReason(`name:${rule.id}`, 'nl')).toBe(rule.nl);
      expect(describeSectorReason(`name:${rule.id}`, 'en')).toBe(rule.en);
    }
    expect(describeSectorReason('name:hospital', 'nl')).toBe('ziekenhuis of kliniek');
    expect(describeSectorReason('type:HES', 'en')).toBe('type HES');
    expect(describeSectorReason('none', 'nl')).toBe('geen regel');
    expect(describeSectorReason('name:no-such-rule', 'en')).toBe('no rule');
  });

  it('parses sector cells without trusting object prototypes', () => {
    expect(parseSectorValue('zorg')).toBe('care');
    for (const key of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) expect(parseSectorValue(key)).toBeUndefined();
  });
});

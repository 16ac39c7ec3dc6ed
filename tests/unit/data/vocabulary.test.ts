import { describe, expect, it } from 'vitest';
import en from '../../../src/i18n/locales/en/vocabulary.json';
import nl from '../../../src/i18n/locales/nl/vocabulary.json';
import { ACTIVITY_KINDS } from '../../../src/data/model';
import { importFiles } from '../../../src/data/import/pipeline';
import { vocabularyLabel } from '../../../src/i18n/vocabulary';
import { HUB_ROLES, NON_TIE_ROLES, DEFAULT_PROJECTION_RULES } from '../../../src/graph/projection';
import {
  HUB_ROLE_IDS,
  LISTING_KIND_IDS,
  NON_TIE_ROLE_IDS,
  VOCABULARY,
  VOCABULARY_KINDS,
  isVocabularyId,
  normaliseTerm,
  vocabularyId,
  vocabularyIds,
  vocabularyLabelKey,
  UNSPECIFIED,
} from '../../../src/data/vocabulary';

/** Flattens a resource object into its dotted keys. */
function keys(resource: object, prefix = ''): string[] {
  return Object.entries(resource).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

function label(resource: object, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), resource);
}

describe('the controlled vocabulary', () => {
  it('has the same label keys in Dutch and English', () => {
    expect(keys(nl).sort()).toEqual(keys(en).sort());
  });

  it('has a non-empty Dutch and English label for every id, and no label without an id', () => {
    const expected: string[] = [];
    for (const kind of VOCABULARY_KINDS) {
      for (const id of vocabularyIds(kind)) {
        const key = vocabularyLabelKey(kind, id);
        expected.push(key);
        for (const resource of [nl, en]) {
          const value = label(resource, key);
          expect(typeof value === 'string' && value.trim().length > 0, `${key}`).toBe(true);
        }
      }
    }
    expect(keys(nl).sort()).toEqual(expected.sort());
  });

  it('has unique ids and lower-case synonyms that map back onto their own id', () => {
    for (const kind of VOCABULARY_KINDS) {
      const ids = vocabularyIds(kind);
      expect(new Set(ids).size, kind).toBe(ids.length);
      for (const entry of VOCABULARY[kind]) {
        expect(vocabularyId(kind, entry.id)).toBe(entry.id);
        for (const synonym of entry.synonyms) {
          expect(synonym, `${kind} ${entry.id}`).toBe(synonym.toLowerCase());
          // A synonym may be shared with an earlier entry; it must at least map onto some id.
          expect(vocabularyId(kind, synonym), `${kind}: ${synonym}`).toBeDefined();
        }
      }
    }
  });

  it('maps Dutch and English free text onto one id, ignoring case, accents and separators', () => {
    expect(vocabularyId('kind', 'Lectoraat')).toBe('lectorate');
    expect(vocabularyId('kind', 'living-lab')).toBe('living_lab');
    expect(vocabularyId('kind', 'Living Lab')).toBe('living_lab');
    expect(vocabularyId('role', 'aanvrager')).toBe('applicant');
    expect(vocabularyId('role', 'Financier')).toBe('funder');
    expect(vocabularyId('role', 'coördinator')).toBe('coordinator');
    expect(vocabularyId('theme', 'youth care')).toBe('youth');
    expect(vocabularyId('theme', 'Jeugdhulp')).toBe('youth');
    expect(vocabularyId('theme', 'youth')).toBe('youth');
    expect(vocabularyId('source', 'Kennisinfrastructuur')).toBe('knowledge_infrastructure');
    expect(vocabularyId('source', 'sia')).toBe('SIA');
    expect(vocabularyId('source', 'EU H2020')).toBe('CORDIS');
    expect(vocabularyId('counted', 'zorgleveranciers')).toBe('providers');
    expect(vocabularyId('counted', 'gemeenten')).toBe('municipalities');
    expect(vocabularyId('theme', 'something else entirely')).toBeUndefined();
    expect(vocabularyId('role', '')).toBeUndefined();
    expect(normaliseTerm('  Living_Lab ')).toBe('living lab');
    expect(isVocabularyId('kind', 'living_lab')).toBe(true);
    expect(isVocabularyId('kind', 'Living lab')).toBe(false);
  });

  it('labels the source and kind the importer writes when a file gives none, in both languages (not the bare word "unspecified")', async () => {
    const { outcome } = await importFiles([{ name: 'p.csv', blob: new Blob(['activity_id,organisation\nA1,Zorg BV\nA1,Tech BV\n']) }]);
    const [activity] = outcome.dataset.activities;
    expect([activity!.source, activity!.kind]).toEqual([UNSPECIFIED, UNSPECIFIED]);
    expect(vocabularyLabel('nl')('source', activity!.source)).toBe('Niet opgegeven');
    expect(vocabularyLabel('nl')('kind', activity!.kind)).toBe('Niet opgegeven');
    expect(vocabularyLabel('en')('kind', activity!.kind)).toBe('Not given');
  });

  it('keeps every activity kind of the format, and the roles the brief requires', () => {
    for (const kind of ACTIVITY_KINDS) expect(isVocabularyId('kind', kind), kind).toBe(true);
    for (const role of ['lead', 'coordinator', 'organiser', 'chair', 'partner', 'participant', 'member', 'applicant', 'funder', 'supporter', 'founder', 'host', 'presenter', 'consulted'])
      expect(isVocabularyId('role', role), role).toBe(true);
  });

  it('agrees with the tie rules on hubs, funders and listings', () => {
    expect([...HUB_ROLE_IDS].sort()).toEqual([...HUB_ROLES].filter((r) => r !== 'organizer').sort());
    expect([...NON_TIE_ROLE_IDS].sort()).toEqual([...NON_TIE_ROLES].sort());
    expect([...LISTING_KIND_IDS].sort()).toEqual([...DEFAULT_PROJECTION_RULES.listingKinds].sort());
  });
});

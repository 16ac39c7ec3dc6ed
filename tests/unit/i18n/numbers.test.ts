import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../../src/i18n';

const LOCALES = join(__dirname, '../../../src/i18n/locales');

describe('numbers in sentences', () => {
  it('write both the visible count and its total with the thousands separator, and one as one', () => {
    const filterCounts = (language: 'nl' | 'en', organisations: number, activities: number) => {
      const { t } = createTranslator(language);
      return t('filters.counts', { organisations, activities, allOrganisations: t('nouns.organisations', { count: organisations }), allActivities: t('nouns.activities', { count: activities }) });
    };
    expect(filterCounts('nl', 7580, 6000)).toBe('7.580 van 7.580 organisaties, 6.000 van 6.000 activiteiten');
    expect(filterCounts('en', 7580, 6000)).toBe('7,580 of 7,580 organisations, 6,000 of 6,000 activities');
    expect(filterCounts('nl', 1, 1)).toBe('1 van 1 organisatie, 1 van 1 activiteit');
    // The header said "1 organisaties · 3 activiteiten · 0 verbindingen".
    const { t } = createTranslator('nl');
    const header = (o: number, a: number, e: number) => t('app.counts', { organisations: t('nouns.organisations', { count: o }), activities: t('nouns.activities', { count: a }), ties: t('nouns.ties', { count: e }) });
    expect(header(1, 3, 0)).toBe('1 organisatie · 3 activiteiten · 0 verbindingen');
    expect(header(7580, 1, 1)).toBe('7.580 organisaties · 1 activiteit · 1 verbinding');
    expect(t('import:correctionsCount', { count: 1 })).toBe('1 sectorcorrectie in deze dataset');
    expect(t('import:inferredNote', { count: 1 })).toMatch(/^1 organisatie kreeg een sector/);
  });

  it('format every total as a number, in every locale file', () => {
    const unformatted: string[] = [];
    for (const language of readdirSync(LOCALES)) {
      for (const file of readdirSync(join(LOCALES, language))) {
        const text = readFileSync(join(LOCALES, language, file), 'utf8');
        for (const m of text.matchAll(/\{\{\s*(\w*Total)\s*\}\}/g)) unformatted.push(`${language}/${file}: ${m[0]}`);
      }
    }
    expect(unformatted).toEqual([]);
  });
});

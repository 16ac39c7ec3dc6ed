import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../../src/i18n';

const LOCALES = join(__dirname, '../../../src/i18n/locales');

describe('numbers in sentences', () => {
  it('write both the visible count and its total with the thousands separator', () => {
    const counts = { organisations: 7580, organisationsTotal: 7580, activities: 6000, activitiesTotal: 6000 };
    expect(createTranslator('nl').t('filters.counts', counts)).toBe('7.580 van 7.580 organisaties, 6.000 van 6.000 activiteiten');
    expect(createTranslator('en').t('filters.counts', counts)).toBe('7,580 of 7,580 organisations, 6,000 of 6,000 activities');
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

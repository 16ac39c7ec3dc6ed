import { describe, expect, it } from 'vitest';
import { exportMessages } from '../../../src/export/messages';
import { reportMessages } from '../../../src/ui/report/messages';
import { interpolate, messagesFor, toLanguage } from '../../../src/ui/tables/i18n';
import { tableMessages } from '../../../src/ui/tables/messages';

const tables: Record<string, { nl: Record<string, string>; en: Record<string, string> }> = {
  tables: tableMessages,
  report: reportMessages,
  export: exportMessages,
};

describe('message tables', () => {
  for (const [name, table] of Object.entries(tables)) {
    it(`${name}: Dutch and English have the same keys, none empty, the same placeholders`, () => {
      expect(Object.keys(table.en).sort()).toEqual(Object.keys(table.nl).sort());
      const placeholders = (s: string) => (s.match(/\{\{\s*\w+\s*\}\}/g) ?? []).sort();
      for (const key of Object.keys(table.nl)) {
        expect(table.nl[key]!.trim(), key).not.toBe('');
        expect(table.en[key]!.trim(), key).not.toBe('');
        expect(placeholders(table.en[key]!), key).toEqual(placeholders(table.nl[key]!));
      }
    });
  }

  it('interpolates {{x}}, writes numbers the local way and leaves unknown placeholders', () => {
    expect(interpolate('{{shown}} van {{total}}', { shown: 12, total: 17000 }, 'nl')).toBe('12 van 17.000');
    expect(interpolate('{{shown}} of {{total}}', { shown: 12, total: 17000 }, 'en')).toBe('12 of 17,000');
    expect(interpolate('{{ a }} {{b}}', { a: 'x' }, 'nl')).toBe('x {{b}}');
    expect(messagesFor(tableMessages, 'nl').t('rowCount', { shown: 12, total: 220 })).toBe('12 van 220');
    expect(messagesFor(tableMessages, 'en').t('rowCount', { shown: 12, total: 220 })).toBe('12 of 220');
  });

  it('maps i18next language codes to nl or en, Dutch by default', () => {
    expect(toLanguage('en')).toBe('en');
    expect(toLanguage('en-GB')).toBe('en');
    expect(toLanguage('nl')).toBe('nl');
    expect(toLanguage(undefined)).toBe('nl');
    expect(toLanguage('de')).toBe('nl');
  });
});

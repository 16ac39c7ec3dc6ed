import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { importMessages, type ImportMessageKey } from './messages';

export type ImportT = (key: ImportMessageKey, values?: Record<string, string | number>) => string;

/** Looks a key up in the current language and fills `{{name}}` placeholders. */
export function translate(language: string | undefined, key: ImportMessageKey, values?: Record<string, string | number>): string {
  const table = language?.startsWith('en') ? importMessages.en : importMessages.nl;
  const text = table[key];
  return values ? text.replace(/\{\{(\w+)\}\}/g, (m, name: string) => (name in values ? String(values[name]) : m)) : text;
}

/** The import panel's own messages, following the app's language (re-renders when it changes). */
export function useImportMessages(): { t: ImportT; language: 'nl' | 'en' } {
  const { i18n } = useTranslation();
  const language = i18n?.language?.startsWith('en') ? 'en' : 'nl';
  const t = useCallback<ImportT>((key, values) => translate(language, key, values), [language]);
  return { t, language };
}

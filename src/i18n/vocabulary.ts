/**
 * Labels for the data's vocabulary ids (source, kind, role, theme, counted, list) in the UI
 * language, from the `vocabulary` namespace. The data stores ids; a value outside the vocabulary
 * (imported free text) is shown as written. The lookup is an own-property read of the namespace's
 * table, so an id such as "constructor" or one containing dots is never resolved as a key path.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { VocabularyKind } from '../data/vocabulary';
import { resources, toLanguage, type Language } from './index';

export type VocabularyLabel = (kind: VocabularyKind, id: string) => string;

export function vocabularyLabel(lang: Language): VocabularyLabel {
  const tables = resources[lang].vocabulary as Record<string, Record<string, string> | undefined>;
  return (kind, id) => {
    const table = tables[kind];
    return table && Object.hasOwn(table, id) ? table[id]! : id;
  };
}

/** The vocabulary labeller for the app's current language. */
export function useVocabulary(): VocabularyLabel {
  const { i18n } = useTranslation();
  const lang = toLanguage(i18n.resolvedLanguage ?? i18n.language);
  return useMemo(() => vocabularyLabel(lang), [lang]);
}

/**
 * An activity's title in the UI language: titles are kept in the source's own language, with an
 * English title in a second field; the English UI shows that one when there is one.
 */
export function localTitle(item: { title: string; titleEn?: string }, lang: Language): string {
  return lang === 'en' && item.titleEn ? item.titleEn : item.title;
}

/** A description in the UI language: the English one in the English UI, when there is one. */
export function localDescription(item: { description?: string; descriptionEn?: string }, lang: Language): string | undefined {
  return lang === 'en' && item.descriptionEn ? item.descriptionEn : item.description;
}

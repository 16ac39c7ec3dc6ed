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

// Kept in a module without React, for the pure graph and change code too.
export { localDescription, localTitle } from './localText';

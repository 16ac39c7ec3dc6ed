import { useMemo } from 'react';
import { scoped, useScoped, type Scoped } from '../../i18n/scoped';
import { toLanguage } from '../../i18n';

export type ImportT = (key: string, values?: Record<string, string | number>) => string;

/** The import namespace's words: `t`, and `tp` where a numeric `count` picks the plural form. */
export interface ImportWords {
  t: ImportT;
  tp: (key: string, count: number, values?: Record<string, string | number>) => string;
  language: 'nl' | 'en';
}

const wordsOf = (s: Scoped): ImportWords => ({ t: (key, values) => s.t(key, values), tp: (key, count, values) => s.tp(key, count, values), language: s.lang });

/** An import message in a language, outside React. */
export function translate(language: string | undefined, key: string, values?: Record<string, string | number>): string {
  return scoped('import', toLanguage(language)).t(key, values);
}

/** The import words in a language, outside React (tests, report snapshots). */
export function importWords(language: 'nl' | 'en'): ImportWords {
  return wordsOf(scoped('import', language));
}

/** The import panel's words (namespace `import`), following the app's language. */
export function useImportMessages(): ImportWords {
  const s = useScoped('import');
  return useMemo(() => wordsOf(s), [s]);
}

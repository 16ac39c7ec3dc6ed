import { useCallback } from 'react';
import { scoped, useScoped } from '../../i18n/scoped';
import { toLanguage } from '../../i18n';

export type ImportT = (key: string, values?: Record<string, string | number>) => string;

/** An import message in a language, outside React. */
export function translate(language: string | undefined, key: string, values?: Record<string, string | number>): string {
  return scoped('import', toLanguage(language)).t(key, values);
}

/** The import panel's words (namespace `import`), following the app's language. */
export function useImportMessages(): { t: ImportT; language: 'nl' | 'en' } {
  const { t: raw, lang } = useScoped('import');
  const t = useCallback<ImportT>((key, values) => raw(key, values), [raw]);
  return { t, language: lang };
}

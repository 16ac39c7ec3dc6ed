import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../i18n';

/** Dutch and English strings with the same keys (the type makes a missing key a compile error). */
export type MessageTable<K extends string> = { nl: Record<K, string>; en: Record<K, string> };

export type Vars = Record<string, string | number>;

/** The UI language from i18next's language code ("en-GB" → en); Dutch otherwise. */
export function toLanguage(code: string | undefined): Language {
  return code?.toLowerCase().startsWith('en') ? 'en' : 'nl';
}

const numberFormats = new Map<Language, Intl.NumberFormat>();
function integerFormat(lang: Language): Intl.NumberFormat {
  let f = numberFormats.get(lang);
  if (!f) numberFormats.set(lang, (f = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'nl-NL')));
  return f;
}

/** Replaces `{{name}}` with the value; numbers are written the local way (17.000 in Dutch). */
export function interpolate(template: string, vars: Vars | undefined, lang: Language): string {
  if (!vars) return template;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => {
    const v = vars[name];
    if (v === undefined) return whole;
    return typeof v === 'number' ? integerFormat(lang).format(v) : v;
  });
}

export interface Messages<K extends string> {
  lang: Language;
  t: (key: K, vars?: Vars) => string;
}

export function messagesFor<K extends string>(table: MessageTable<K>, lang: Language): Messages<K> {
  const strings = table[lang];
  return { lang, t: (key, vars) => interpolate(strings[key], vars, lang) };
}

/** A hook returning `{ lang, t }` for a message table, following react-i18next's current language. */
export function createMessagesHook<K extends string>(table: MessageTable<K>): () => Messages<K> {
  return function useMessages() {
    const { i18n } = useTranslation();
    const lang = toLanguage(i18n.language);
    return useMemo(() => messagesFor(table, lang), [lang]);
  };
}

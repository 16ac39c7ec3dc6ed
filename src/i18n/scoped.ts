/**
 * A namespace's `t` with the current language, for views and pure helpers that word things in
 * one area (tables, export, report, import, analysis). A thin view on the one i18next instance:
 * no tables of its own, no hand-made plurals. Numbers passed as values are formatted for the
 * language (grouping, decimal comma); `count` stays a number so i18next picks the plural form.
 */
import type { i18n as I18n } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { createTranslator, toLanguage, type Language, type Namespace } from './index';

export type Vars = Record<string, string | number>;

export interface Scoped {
  lang: Language;
  t(key: string, vars?: Vars): string;
  /** A plural message: i18next picks `key_one`/`key_other` from `count`. */
  tp(key: string, count: number, vars?: Vars): string;
}

const decimals = new Map<Language, Intl.NumberFormat>();
function formatNumber(x: number, lang: Language): string {
  let f = decimals.get(lang);
  if (!f) decimals.set(lang, (f = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'nl-NL', { maximumFractionDigits: 2 })));
  return f.format(x);
}

function formatVars(vars: Vars | undefined, lang: Language): Vars | undefined {
  if (!vars) return vars;
  const out: Vars = {};
  for (const [k, v] of Object.entries(vars)) out[k] = typeof v === 'number' ? formatNumber(v, lang) : v;
  return out;
}

export function scopedFor(i18n: I18n, namespace: Namespace): Scoped {
  const lang = toLanguage(i18n.resolvedLanguage ?? i18n.language);
  const fixed = i18n.getFixedT(lang, namespace);
  return {
    lang,
    t: (key, vars) => fixed(key, formatVars(vars, lang) as Record<string, string>) as string,
    tp: (key, count, vars) => fixed(key, { ...formatVars(vars, lang), count }) as string,
  };
}

const standalone = new Map<Language, I18n>();
/** The namespace's words in a language, outside React (tests, report snapshots, workers). */
export function scoped(namespace: Namespace, lang: Language): Scoped {
  let instance = standalone.get(lang);
  if (!instance) standalone.set(lang, (instance = createTranslator(lang).i18n));
  return scopedFor(instance, namespace);
}

/** The namespace's words in the app's current language (re-renders when it changes). */
export function useScoped(namespace: Namespace): Scoped {
  const { i18n } = useTranslation(namespace);
  const lang = toLanguage(i18n.resolvedLanguage ?? i18n.language);
  return useMemo(() => scopedFor(i18n, namespace), [i18n, namespace, lang]);
}

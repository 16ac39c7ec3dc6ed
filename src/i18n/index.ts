/**
 * The one translation system: i18next with a namespace per area and Dutch and English JSON
 * resources (src/i18n/locales/<lang>/<namespace>.json; a unit test checks both languages have every
 * key). Plurals use i18next's `_one`/`_other` keys, numbers the built-in `number` formatter. The
 * app, the printed report and the command line all word their output through it.
 */
import i18next, { type i18n as I18n, type TFunction } from 'i18next';
import { initReactI18next } from 'react-i18next';
import enAnalysis from './locales/en/analysis.json';
import enChange from './locales/en/change.json';
import enCli from './locales/en/cli.json';
import enCommon from './locales/en/common.json';
import enExport from './locales/en/export.json';
import enFindings from './locales/en/findings.json';
import enImport from './locales/en/import.json';
import enMeasures from './locales/en/measures.json';
import enMethods from './locales/en/methods.json';
import enReport from './locales/en/report.json';
import enTables from './locales/en/tables.json';
import enVocabulary from './locales/en/vocabulary.json';
import nlAnalysis from './locales/nl/analysis.json';
import nlChange from './locales/nl/change.json';
import nlCli from './locales/nl/cli.json';
import nlCommon from './locales/nl/common.json';
import nlExport from './locales/nl/export.json';
import nlFindings from './locales/nl/findings.json';
import nlImport from './locales/nl/import.json';
import nlMeasures from './locales/nl/measures.json';
import nlMethods from './locales/nl/methods.json';
import nlReport from './locales/nl/report.json';
import nlTables from './locales/nl/tables.json';
import nlVocabulary from './locales/nl/vocabulary.json';

export const LANGUAGES = ['nl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const resources = {
  nl: { common: nlCommon, analysis: nlAnalysis, tables: nlTables, import: nlImport, export: nlExport, report: nlReport, findings: nlFindings, cli: nlCli, vocabulary: nlVocabulary, measures: nlMeasures, methods: nlMethods, change: nlChange },
  en: { common: enCommon, analysis: enAnalysis, tables: enTables, import: enImport, export: enExport, report: enReport, findings: enFindings, cli: enCli, vocabulary: enVocabulary, measures: enMeasures, methods: enMethods, change: enChange },
} as const;

export const NAMESPACES = Object.keys(resources.nl) as (keyof (typeof resources)['nl'])[];
export type Namespace = (typeof NAMESPACES)[number];

const STORAGE_KEY = 'bruggen.language';

/** The remembered language, else Dutch (the default for the Den Haag audience). */
export function initialLanguage(): Language {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored === 'nl' || stored === 'en') return stored;
  } catch {
    // Storage can be unavailable (private mode); fall back to the default.
  }
  return 'nl';
}

export function rememberLanguage(language: Language) {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembering is acceptable.
  }
}

/** The UI language from an i18next language code ("en-GB" → en); Dutch otherwise. */
export function toLanguage(code: string | undefined): Language {
  return code?.toLowerCase().startsWith('en') ? 'en' : 'nl';
}

const options = (language: Language) => ({
  resources,
  lng: language,
  fallbackLng: 'nl',
  ns: NAMESPACES,
  defaultNS: 'common',
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

/** The app's instance, bound to React. */
export function setupI18n(language: Language = initialLanguage()): I18n {
  void i18next.use(initReactI18next).init(options(language));
  return i18next;
}

/** A separate instance for one language (command line, report snapshots, tests). */
export function createTranslator(language: Language): { t: TFunction; i18n: I18n } {
  const instance = i18next.createInstance();
  void instance.init(options(language));
  return { t: instance.t.bind(instance) as TFunction, i18n: instance };
}

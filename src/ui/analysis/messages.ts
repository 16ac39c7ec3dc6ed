/**
 * UI text of the analysis views, Dutch (default) and English, with identical keys (checked by the
 * type of `en` and by a unit test), and `useAnalysisText()`: a typed lookup for the current
 * i18next language with `{{name}}` interpolation and _one/_other plurals.
 */
import { useMemo } from 'react';
import { scoped, useScoped, type Scoped, type Vars } from '../../i18n/scoped';
import { numberFormatters, type AnalysisLang, type NumberFormatters } from './format';

/** A key of the `analysis` namespace (src/i18n/locales/<lang>/analysis.json). */
export type AnalysisMessageKey = string;
/** A plural key without its `_one`/`_other` suffix. */
export type PluralKey = string;
export type MessageVars = Vars;

export interface AnalysisText {
  lang: AnalysisLang;
  t(key: AnalysisMessageKey, vars?: MessageVars): string;
  tp(key: PluralKey, count: number, vars?: MessageVars): string;
  fmt: NumberFormatters;
  /** The sector's full name (SECTOR_INFO). */
  sector(s: string): string;
  /** A short name for column headers and the diagram. */
  sectorShort(s: string): string;
}

function textOf(words: Scoped, common: Scoped): AnalysisText {
  const lang = words.lang;
  return {
    lang,
    t: (key, vars) => words.t(key, vars),
    tp: (key, count, vars) => words.tp(key, count, vars),
    fmt: numberFormatters(lang),
    sector: (s) => common.t(`sectors.${s}.label`, { defaultValue: s }),
    sectorShort: (s) => words.t(`sectorShort.${s}`, { defaultValue: common.t(`sectors.${s}.label`, { defaultValue: s }) }),
  };
}

/** The text helpers for a language, without React (for tests and non-React callers). */
export function analysisText(lang: AnalysisLang): AnalysisText {
  return textOf(scoped('analysis', lang), scoped('common', lang));
}

/** Text helpers for the current i18next language (Dutch unless it is English). */
export function useAnalysisText(): AnalysisText {
  const words = useScoped('analysis');
  const common = useScoped('common');
  return useMemo(() => textOf(words, common), [words, common]);
}

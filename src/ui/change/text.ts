/** Words of the change views (namespace `change`), numbers and sector names in the current language. */
import { useMemo } from 'react';
import { useScoped, type Vars } from '../../i18n/scoped';
import { numberFormatters, type NumberFormatters } from '../analysis/format';

export interface ChangeText {
  lang: 'nl' | 'en';
  t(key: string, vars?: Vars): string;
  /** A plural message (`key_one`/`key_other`). */
  tp(key: string, count: number, vars?: Vars): string;
  fmt: NumberFormatters;
  sector(s: string): string;
  /** The sector's name inside a sentence (lower case where the language wants it). */
  sectorName(s: string): string;
}

export function useChangeText(): ChangeText {
  const words = useScoped('change');
  const common = useScoped('common');
  return useMemo(
    () => ({
      lang: words.lang,
      t: words.t,
      tp: words.tp,
      fmt: numberFormatters(words.lang),
      sector: (s: string) => common.t(`sectors.${s}.label`, { defaultValue: s }),
      sectorName: (s: string) => common.t(`sectors.${s}.name`, { defaultValue: s }),
    }),
    [words, common],
  );
}

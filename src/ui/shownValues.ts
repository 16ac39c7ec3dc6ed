import type { TFunction } from 'i18next';

/** Values named per parameter, and characters per value: a link can hold a megabyte of them. */
const SHOWN_VALUES = 10;
const SHOWN_CHARACTERS = 80;

/** The first values of a link that were dropped, quoted and shortened, and how many more there are (`t` of common). */
export function shownValues(values: readonly string[], t: TFunction): string {
  const shown = values.slice(0, SHOWN_VALUES).map((v) => `“${v.length > SHOWN_CHARACTERS ? `${v.slice(0, SHOWN_CHARACTERS)}…` : v}”`);
  const more = values.length > SHOWN_VALUES ? t('dropped.more', { count: values.length - SHOWN_VALUES }) : '';
  return shown.join(', ') + more;
}

import type { TFunction } from 'i18next';
import type { DroppedValue } from '../session/clean';
import { listsLinkParts } from '../session/url';
import { visibleText } from '../data/visibleText';

/** Values named per parameter, and characters per value: a link can hold a megabyte of them. */
const SHOWN_VALUES = 10;
const SHOWN_CHARACTERS = 80;

/** The first values of a link that were dropped, quoted and shortened, and how many more there are (`t` of common). */
export function shownValues(values: readonly string[], t: TFunction): string {
  // A NUL or a direction override from a link is shown as an escape, not as nothing or reversed text.
  const shown = values.slice(0, SHOWN_VALUES).map((v) => `“${visibleText(v.length > SHOWN_CHARACTERS ? `${v.slice(0, SHOWN_CHARACTERS)}…` : v)}”`);
  const more = values.length > SHOWN_VALUES ? t('dropped.more', { count: values.length - SHOWN_VALUES }) : '';
  return shown.join(', ') + more;
}

/** One parameter's values as the link wrote them (`k=“abc”`); unknown, repeated and reversed ones are already `name=value`. */
export function linkValuesText(d: DroppedValue, t: TFunction): string {
  return listsLinkParts(d.parameter) ? shownValues(d.values, t) : `${d.parameter}=${shownValues(d.values, t)}`;
}

/**
 * Texts of the data in the UI language. Pure (no React, no i18next instance): the display graphs
 * and the meeting pack use them as the views do.
 */
import type { Language } from './index';

/**
 * An activity's title in the UI language: titles are kept in the source's own language, with an
 * English title in a second field; the English UI shows that one when there is one.
 */
export function localTitle(item: { title: string; titleEn?: string }, lang: Language): string {
  return lang === 'en' && item.titleEn ? item.titleEn : item.title;
}

/** A description in the UI language: the English one in the English UI, when there is one. */
export function localDescription(item: { description?: string; descriptionEn?: string }, lang: Language): string | undefined {
  return lang === 'en' && item.descriptionEn ? item.descriptionEn : item.description;
}

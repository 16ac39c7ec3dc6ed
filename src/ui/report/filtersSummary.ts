import type { Filters } from '../../filters/filters';
import type { Language } from '../../i18n';
import { scoped } from '../../i18n/scoped';
import { vocabularyLabel } from '../../i18n/vocabulary';

export interface FiltersSummaryOptions {
  /** The name of an organisation (for the ego filter); default its id. */
  organisationName?: (id: string) => string | undefined;
  /** At most this many values per list are named; default 4. */
  maxListed?: number;
}

/** One filter of the view, as the user set it (the key is the field of `Filters` it lives in). */
export type FilterKey = 'sources' | 'kinds' | 'schemes' | 'themes' | 'years' | 'regions' | 'cities' | 'sectors' | 'minWeight' | 'hideIsolates' | 'statedOnly' | 'ego';

/** Each filter in force, in words, in the order of the filters panel. */
export function describeFilters(filters: Filters, lang: Language, options: FiltersSummaryOptions = {}): { key: FilterKey; text: string }[] {
  const { t } = scoped('report', lang);
  const common = scoped('common', lang);
  const vocabulary = vocabularyLabel(lang);
  const max = options.maxListed ?? 4;
  const list = (values: readonly string[], label: (v: string) => string = (v) => v) => {
    const named = values.slice(0, max).map((v) => (v === '' ? t('fEmptyValue') : label(v)));
    const rest = values.length - named.length;
    return rest > 0 ? `${named.join(', ')} ${t('fMore', { count: rest })}` : named.join(', ');
  };
  const parts: { key: FilterKey; text: string }[] = [];
  const add = (key: FilterKey, text: string) => parts.push({ key, text });
  if (filters.sources.length) add('sources', t('fSources', { list: list(filters.sources, (v) => vocabulary('source', v)) }));
  if (filters.kinds.length) add('kinds', t('fKinds', { list: list(filters.kinds, (v) => vocabulary('kind', v)) }));
  if (filters.schemes.length) add('schemes', t('fSchemes', { list: list(filters.schemes) }));
  if (filters.themes.length) add('themes', t('fThemes', { list: list(filters.themes, (v) => vocabulary('theme', v)) }));
  if (filters.years) {
    const [from, to] = filters.years;
    add(
      'years',
      t('fYears', {
        years: from === to ? String(from) : `${from}–${to}`,
        undated: filters.includeUndated ? t('fUndatedIn') : t('fUndatedOut'),
      }),
    );
  }
  if (filters.regions.length) add('regions', t('fRegions', { list: list(filters.regions) }));
  if (filters.cities.length) add('cities', t('fCities', { list: list(filters.cities) }));
  if (filters.sectors.length) add('sectors', t('fSectors', { list: list(filters.sectors, (s) => common.t(`sectors.${s}.label`, { defaultValue: s })) }));
  if (filters.minWeight > 1) add('minWeight', t('fMinWeight', { count: filters.minWeight }));
  if (filters.hideIsolates) add('hideIsolates', t('fHideIsolates'));
  if (filters.statedOnly) add('statedOnly', t('fStatedOnly'));
  if (filters.ego) {
    const name = options.organisationName?.(filters.ego.id) ?? filters.ego.id;
    add('ego', filters.ego.steps === 1 ? t('fEgoOne', { name }) : t('fEgoMany', { name, steps: filters.ego.steps }));
  }
  return parts;
}

/**
 * The filters in force as one readable line, e.g. "Bron: SIA, RVO · Jaren: 2016–2020
 * (activiteiten zonder jaartal meegeteld) · Alleen banden met minstens 2 gedeelde activiteiten".
 */
export function summariseFilters(filters: Filters, lang: Language, options: FiltersSummaryOptions = {}): string {
  const parts = describeFilters(filters, lang, options);
  return parts.length ? parts.map((p) => p.text).join(' · ') : scoped('report', lang).t('fNone');
}

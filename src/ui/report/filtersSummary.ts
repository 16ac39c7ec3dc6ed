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

/**
 * The filters in force as one readable line, e.g. "Bron: SIA, RVO · Jaren: 2016–2020
 * (activiteiten zonder jaartal meegeteld) · Alleen banden met minstens 2 gedeelde activiteiten".
 */
export function summariseFilters(filters: Filters, lang: Language, options: FiltersSummaryOptions = {}): string {
  const { t } = scoped('report', lang);
  const common = scoped('common', lang);
  const vocabulary = vocabularyLabel(lang);
  const max = options.maxListed ?? 4;
  const list = (values: readonly string[], label: (v: string) => string = (v) => v) => {
    const named = values.slice(0, max).map((v) => (v === '' ? t('fEmptyValue') : label(v)));
    const rest = values.length - named.length;
    return rest > 0 ? `${named.join(', ')} ${t('fMore', { count: rest })}` : named.join(', ');
  };
  const parts: string[] = [];
  if (filters.sources.length) parts.push(t('fSources', { list: list(filters.sources, (v) => vocabulary('source', v)) }));
  if (filters.kinds.length) parts.push(t('fKinds', { list: list(filters.kinds, (v) => vocabulary('kind', v)) }));
  if (filters.schemes.length) parts.push(t('fSchemes', { list: list(filters.schemes) }));
  if (filters.themes.length) parts.push(t('fThemes', { list: list(filters.themes, (v) => vocabulary('theme', v)) }));
  if (filters.years) {
    const [from, to] = filters.years;
    parts.push(
      t('fYears', {
        years: from === to ? String(from) : `${from}–${to}`,
        undated: filters.includeUndated ? t('fUndatedIn') : t('fUndatedOut'),
      }),
    );
  }
  if (filters.regions.length) parts.push(t('fRegions', { list: list(filters.regions) }));
  if (filters.cities.length) parts.push(t('fCities', { list: list(filters.cities) }));
  if (filters.sectors.length) parts.push(t('fSectors', { list: list(filters.sectors, (s) => common.t(`sectors.${s}.label`, { defaultValue: s })) }));
  if (filters.minWeight > 1) parts.push(t('fMinWeight', { count: filters.minWeight }));
  if (filters.hideIsolates) parts.push(t('fHideIsolates'));
  if (filters.ego) {
    const name = options.organisationName?.(filters.ego.id) ?? filters.ego.id;
    parts.push(filters.ego.steps === 1 ? t('fEgoOne', { name }) : t('fEgoMany', { name, steps: filters.ego.steps }));
  }
  return parts.length ? parts.join(' · ') : t('fNone');
}

import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SECTOR_INFO, type Sector } from '../../data/sectors';
import type { FacetValue, Facets } from '../../filters/facets';
import { DEFAULT_FILTERS, filtersActive, type Filters, type Visibility } from '../../filters/filters';
import type { OrganisationSearch } from '../../graph/search';
import { useVocabulary } from '../../i18n/vocabulary';

type ListKey = 'sources' | 'kinds' | 'schemes' | 'themes' | 'regions' | 'cities';

export interface FiltersPanelProps {
  filters: Filters;
  /** Null while they are being counted (in a task after the workspace is drawn: useFacetsAfterDraw). */
  facets: Facets | null;
  counts: Visibility['counts'];
  search: OrganisationSearch;
  organisationName(id: string): string;
  /** `replace` for continuous inputs (sliders) so they do not flood the history. */
  onChange(filters: Filters, history?: 'push' | 'replace'): void;
}

/** Every filter of the map and the analysis, with facet counts; state lives in the URL. */
export function FiltersPanel({ filters, facets, counts, search, organisationName, onChange }: FiltersPanelProps) {
  const { t } = useTranslation();
  const set = (patch: Partial<Filters>, history: 'push' | 'replace' = 'push') => onChange({ ...filters, ...patch }, history);
  const toggle = (key: ListKey, value: string) => {
    const list = filters[key];
    set({ [key]: list.includes(value) ? list.filter((v) => v !== value) : [...list, value] } as Partial<Filters>);
  };

  return (
    <section className="filters" aria-labelledby="filters-title" data-testid="filters">
      <header className="filters-header">
        <h2 id="filters-title">{t('filters.title')}</h2>
        <button type="button" className="link" disabled={!filtersActive(filters)} onClick={() => onChange(DEFAULT_FILTERS)}>
          {t('filters.reset')}
        </button>
      </header>
      <p className="filter-counts" role="status" data-testid="filter-counts">
        {t('filters.counts', {
          organisations: counts.organisations,
          // The totals carry the noun, so "1 van 1 organisatie" is singular.
          allOrganisations: t('nouns.organisations', { count: counts.organisationsTotal }),
          activities: counts.activities,
          allActivities: t('nouns.activities', { count: counts.activitiesTotal }),
        })}
      </p>

      {facets ? <FacetLists facets={facets} filters={filters} set={set} toggle={toggle} /> : (
        <p className="filters-pending" aria-busy="true" data-testid="filters-pending">
          {t('filters.counting')}
        </p>
      )}

      <fieldset className="facet">
        <legend>{t('filters.ties')}</legend>
        <label className="range">
          <span>{t('filters.minWeight', { count: filters.minWeight })}</span>
          <input
            type="range"
            min={1}
            max={Math.max(2, filters.minWeight, facets?.maxShared ?? 2)}
            value={filters.minWeight}
            onChange={(e) => set({ minWeight: Number(e.target.value) }, 'replace')}
            data-testid="filter-min-weight"
          />
        </label>
        <label>
          <input type="checkbox" checked={filters.hideIsolates} onChange={(e) => set({ hideIsolates: e.target.checked })} data-testid="filter-hide-isolates" />
          {t('filters.hideIsolates')}
        </label>
        <label>
          <input type="checkbox" checked={filters.statedOnly} onChange={(e) => set({ statedOnly: e.target.checked })} data-testid="filter-stated-only" />
          {t('filters.statedOnly')}
        </label>
      </fieldset>

      <EgoFilter filters={filters} search={search} organisationName={organisationName} set={set} />
    </section>
  );
}

/** The lists of values to tick, each with what ticking it would give. */
function FacetLists({
  facets,
  filters,
  set,
  toggle,
}: {
  facets: Facets;
  filters: Filters;
  set(p: Partial<Filters>, h?: 'push' | 'replace'): void;
  toggle(key: ListKey, value: string): void;
}) {
  const { t } = useTranslation();
  const vocabulary = useVocabulary();
  return (
    <>
      <FacetGroup id="source" title={t('filters.source')} values={facets.sources} selected={filters.sources} onToggle={(v) => toggle('sources', v)} label={(v) => vocabulary('source', v)} />
      <FacetGroup id="kind" title={t('filters.kind')} values={facets.kinds} selected={filters.kinds} onToggle={(v) => toggle('kinds', v)} label={(v) => vocabulary('kind', v)} />
      {facets.schemes.length > 0 && (
        <FacetGroup id="scheme" title={t('filters.scheme')} values={facets.schemes} selected={filters.schemes} onToggle={(v) => toggle('schemes', v)} />
      )}
      {facets.themes.length > 0 && (
        <FacetGroup id="theme" title={t('filters.theme')} values={facets.themes} selected={filters.themes} onToggle={(v) => toggle('themes', v)} label={(v) => vocabulary('theme', v)} collapsed />
      )}
      {facets.years && <YearRange facets={facets} filters={filters} set={set} />}

      <fieldset className="facet">
        <legend>{t('filters.sector')}</legend>
        <ul>
          {facets.sectors.map(({ value, count }) => (
            <li key={value} className={count === 0 && !filters.sectors.includes(value) ? 'facet-empty' : undefined}>
              <label>
                <input
                  type="checkbox"
                  checked={filters.sectors.includes(value)}
                  onChange={() => set({ sectors: toggleSector(filters.sectors, value) })}
                  data-testid={`filter-sector-${value}`}
                />
                <span className="swatch" style={{ background: SECTOR_INFO[value].colour }} aria-hidden="true" />
                <span className="facet-label">
                  {t(`sectors.${value}.label`)} <span className="facet-count">({count})</span>
                </span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      {facets.regions.length > 0 && (
        <FacetGroup id="region" title={t('filters.region')} values={facets.regions} selected={filters.regions} onToggle={(v) => toggle('regions', v)} collapsed />
      )}
      {facets.cities.length > 0 && (
        <FacetGroup id="city" title={t('filters.city')} values={facets.cities} selected={filters.cities} onToggle={(v) => toggle('cities', v)} collapsed />
      )}

    </>
  );
}

function toggleSector(list: Sector[], value: Sector): Sector[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}

function FacetGroup({
  id,
  title,
  values,
  selected,
  onToggle,
  label = (v) => v,
  collapsed = false,
}: {
  id: string;
  title: string;
  values: FacetValue[];
  selected: string[];
  onToggle(value: string): void;
  label?: (value: string) => string;
  collapsed?: boolean;
}) {
  const { t } = useTranslation();
  const [showAll, setShowAll] = useState(false);
  const limit = 12;
  const visible = showAll ? values : values.slice(0, limit);
  return (
    <details className="facet" open={!collapsed || selected.length > 0} data-testid={`facet-${id}`}>
      <summary>
        {title}
        {selected.length > 0 && <span className="badge">{selected.length}</span>}
      </summary>
      <ul>
        {visible.map(({ value, count }) => (
          <li key={value} className={count === 0 && !selected.includes(value) ? 'facet-empty' : undefined}>
            <label>
              <input type="checkbox" checked={selected.includes(value)} onChange={() => onToggle(value)} data-testid={`filter-${id}-${value}`} />
              <span className="facet-label">
                {label(value)} <span className="facet-count">({count})</span>
              </span>
            </label>
          </li>
        ))}
      </ul>
      {values.length > limit && (
        <button type="button" className="link" onClick={() => setShowAll((s) => !s)}>
          {showAll ? t('filters.showFewer') : t('filters.showAll', { count: values.length })}
        </button>
      )}
    </details>
  );
}

function YearRange({ facets, filters, set }: { facets: Facets; filters: Filters; set(p: Partial<Filters>, h?: 'push' | 'replace'): void }) {
  const { t } = useTranslation();
  const [min, max] = facets.years!;
  const [from, to] = filters.years ?? [min, max];
  const change = (a: number, b: number) => set({ years: a <= min && b >= max ? null : [Math.min(a, b), Math.max(a, b)] }, 'replace');
  return (
    <fieldset className="facet" data-testid="facet-years">
      <legend>{t('filters.years', { from, to })}</legend>
      {filters.years && (
        // Set, even when it spans every year (a link can say so): it still leaves out organisations
        // in no activity of those years, so sliders at both ends must not look unset.
        <p className="facet-active" data-testid="filter-years-active">
          {t(filters.includeUndated ? 'filters.yearsActive' : 'filters.yearsActiveDatedOnly')}{' '}
          <button type="button" className="link" onClick={() => set({ years: null, includeUndated: true })} data-testid="filter-years-clear">
            {t('filters.yearsClear')}
          </button>
        </p>
      )}
      <label className="range">
        <span>{t('filters.from')}</span>
        <input type="range" min={min} max={max} value={from} onChange={(e) => change(Number(e.target.value), to)} data-testid="filter-year-from" />
      </label>
      <label className="range">
        <span>{t('filters.to')}</span>
        <input type="range" min={min} max={max} value={to} onChange={(e) => change(from, Number(e.target.value))} data-testid="filter-year-to" />
      </label>
      <label>
        <input type="checkbox" checked={filters.includeUndated} onChange={(e) => set({ includeUndated: e.target.checked })} data-testid="filter-undated" />
        {t('filters.includeUndated', { count: facets.undated })}
      </label>
    </fieldset>
  );
}

function EgoFilter({
  filters,
  search,
  organisationName,
  set,
}: {
  filters: Filters;
  search: OrganisationSearch;
  organisationName(id: string): string;
  set(p: Partial<Filters>): void;
}) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const hits = useMemo(() => search.search(query, 6, 'organisation'), [search, query]);
  const ego = filters.ego;
  return (
    <fieldset className="facet" data-testid="facet-ego">
      <legend>{t('filters.ego')}</legend>
      {ego ? (
        <div className="ego">
          <p>
            {t('filters.egoActive', { name: organisationName(ego.id), count: ego.steps })}{' '}
            <button type="button" className="link" onClick={() => set({ ego: null })}>
              {t('filters.egoClear')}
            </button>
          </p>
          <label className="range">
            <span>{t('filters.egoSteps', { count: ego.steps })}</span>
            <input type="range" min={1} max={5} value={ego.steps} onChange={(e) => set({ ego: { id: ego.id, steps: Number(e.target.value) } })} data-testid="filter-ego-steps" />
          </label>
        </div>
      ) : (
        <>
          <label className="visually-hidden" htmlFor="ego-search">
            {t('filters.egoSearch')}
          </label>
          <input id="ego-search" type="search" placeholder={t('filters.egoSearch')} value={query} onChange={(e) => setQuery(e.target.value)} data-testid="filter-ego-search" />
          {query && (
            <ul className="ego-hits">
              {hits.map((h) => (
                <li key={h.id}>
                  <button type="button" className="link" onClick={() => { set({ ego: { id: h.id, steps: 1 } }); setQuery(''); }}>
                    {h.name}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </fieldset>
  );
}

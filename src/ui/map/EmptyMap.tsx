/**
 * What the map says when the filters leave no organisation: which filters are in force, how many
 * organisations each one alone is hiding (the count without it), and a button to undo each.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFilters, withoutFilter, type Filters } from '../../filters/filters';
import type { Network } from '../../graph/network';
import { toLanguage } from '../../i18n';
import { describeFilters } from '../report/filtersSummary';

export function EmptyMap({
  network,
  sectors,
  filters,
  organisationName,
  onChange,
}: {
  network: Network;
  sectors: ArrayLike<number>;
  filters: Filters;
  organisationName: (id: string) => string | undefined;
  onChange(filters: Filters): void;
}) {
  const { t, i18n } = useTranslation();
  const lang = toLanguage(i18n.language);
  const parts = useMemo(
    () =>
      describeFilters(filters, lang, { organisationName }).map((p) => {
        const next = withoutFilter(filters, p.key);
        return { ...p, next, without: applyFilters(network, sectors, next).counts.organisations };
      }),
    [filters, lang, network, sectors, organisationName],
  );
  return (
    <div className="map-empty" role="status" data-testid="map-empty">
      <h2>{t('empty.title')}</h2>
      {parts.length === 0 ? (
        <p>{t('empty.noData')}</p>
      ) : (
        <>
          <p>{t(parts.length === 1 ? 'empty.causeOne' : 'empty.causeMany')}</p>
          <ul>
            {parts.map((p) => (
              <li key={p.key} data-testid={`map-empty-filter-${p.key}`} data-without={p.without}>
                <span>{p.text}</span>{' '}
                <span className="muted">{t('empty.without', { count: p.without })}</span>{' '}
                <button type="button" onClick={() => onChange(p.next)} aria-label={t('empty.undoLabel', { filter: p.text })} data-testid={`map-empty-undo-${p.key}`}>
                  {t('empty.undo')}
                </button>
              </li>
            ))}
          </ul>
          {parts.length > 1 && (
            <button type="button" className="primary" onClick={() => onChange(parts.reduce((f, p) => withoutFilter(f, p.key), filters))} data-testid="map-empty-clear">
              {t('empty.clear')}
            </button>
          )}
        </>
      )}
    </div>
  );
}

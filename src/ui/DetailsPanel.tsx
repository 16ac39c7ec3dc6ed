import type React from 'react';
import { useTranslation } from 'react-i18next';
import { SECTOR_INFO } from '../data/sectors';
import type { OrganisationDetails } from '../graph/details';
import { localDescription, localTitle, useVocabulary } from '../i18n/vocabulary';
import { toLanguage } from '../i18n';
import { describeSectorReason } from '../data/sectorInference';

function years(start?: number, end?: number): string {
  if (start && end && start !== end) return `${start}–${end}`;
  return String(start ?? end ?? '');
}

/** The selected organisation: sector, place, activities and partners grouped by sector. */
export function DetailsPanel({
  details,
  onSelect,
  onClose,
  onShowEgo,
  onOpenTie,
  onClearFilters,
  children,
}: {
  details: OrganisationDetails;
  onSelect: (id: string) => void;
  onClose: () => void;
  /** Filters the map to this organisation and its partners. */
  onShowEgo?: (id: string) => void;
  /** Opens the activities behind a tie (by its index). */
  onOpenTie?: (tie: number) => void;
  /** Clears the filters, for an organisation they hide. */
  onClearFilters?: () => void;
  /** Extra sections (metrics, sector correction), shown after the facts. */
  children?: React.ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const { organisation: o, sector, activities, partnersBySector, partnerCount, partnersInAllData, visible, funds } = details;
  const vocabulary = useVocabulary();
  const lang = toLanguage(i18n.language);
  return (
    <article className="details" aria-labelledby="details-title" data-testid="details-panel">
      <header>
        <h2 id="details-title" tabIndex={-1} title={o.name}>
          {o.name}
        </h2>
        <button type="button" className="close" onClick={onClose} aria-label={t('panel.close')} title={t('panel.close')}>
          ×
        </button>
      </header>
      <dl className="facts">
        <dt>{t('panel.sector')}</dt>
        <dd data-testid="details-sector">
          <span className="swatch" style={{ background: SECTOR_INFO[sector].colour }} aria-hidden="true" />
          {t(`sectors.${sector}.label`)}{' '}
          {o.sectorInferred && sector === o.sector && (
            <em data-testid="details-sector-reason">{t('panel.inferred', { reason: describeSectorReason(o.sectorReason ?? 'none', lang) })}</em>
          )}
        </dd>
        {o.city && (
          <>
            <dt>{t('panel.city')}</dt>
            <dd>{o.city}</dd>
          </>
        )}
        {o.region && (
          <>
            <dt>{t('panel.region')}</dt>
            <dd>{o.region}</dd>
          </>
        )}
        {o.aliases.length > 0 && (
          <>
            <dt>{t('panel.aliases')}</dt>
            <dd>{o.aliases.join(', ')}</dd>
          </>
        )}
        {o.listedIn && o.listedIn.length > 0 && (
          <>
            <dt>{t('panel.listedIn')}</dt>
            <dd>{o.listedIn.map((l) => vocabulary('list', l)).join('; ')}</dd>
          </>
        )}
      </dl>
      {!visible && (
        // Selected by a link, a search or a table while the filters hide it: say so, or its
        // "0 partners" would read as a fact of the data.
        <div className="details-hidden" role="note" data-testid="details-hidden-by-filters">
          <p>{t('panel.hiddenByFilters')}</p>
          {onClearFilters && (
            <button type="button" onClick={onClearFilters} data-testid="details-clear-filters">
              {t('panel.clearFilters')}
            </button>
          )}
        </div>
      )}
      {localDescription(o, lang) && <p className="description">{localDescription(o, lang)}</p>}
      {funds > 0 && (
        <p className="funds" data-testid="details-funds">
          {t('panel.funds', { count: funds })}
        </p>
      )}
      {onShowEgo && partnerCount > 0 && (
        <button type="button" className="link" onClick={() => onShowEgo(o.id)} data-testid="show-ego">
          {t('panel.showEgo')}
        </button>
      )}
      {children}

      <section aria-labelledby="partners-title">
        <h3 id="partners-title">{t('panel.partners', { count: partnerCount })}</h3>
        {partnerCount === 0 && (
          <p className="muted" data-testid="details-no-partners">
            {partnersInAllData > 0 ? t('panel.noPartnersFiltered', { count: partnersInAllData }) : t('panel.noPartners')}
          </p>
        )}
        {partnersBySector.map(({ sector, partners }) => (
          <div key={sector} className="partner-group" data-sector={sector}>
            <h4>
              <span className="swatch" style={{ background: SECTOR_INFO[sector].colour }} aria-hidden="true" />
              {t(`sectors.${sector}.label`)} ({partners.length})
            </h4>
            <ul data-testid={`partners-${sector}`}>
              {partners.map((p) => (
                <li key={p.id}>
                  <button type="button" className="link" onClick={() => onSelect(p.id)}>
                    {p.name}
                  </button>
                  {onOpenTie ? (
                    <>
                      {' · '}
                      <button
                        type="button"
                        className="link muted-link"
                        onClick={() => onOpenTie(p.tie)}
                        aria-label={t('tie.openLabel', { shared: t('panel.sharedActivities', { count: p.weight }), name: p.name })}
                        data-testid="partner-tie"
                        data-partner={p.id}
                      >
                        {t('panel.sharedActivities', { count: p.weight })}
                      </button>
                    </>
                  ) : (
                    <span className="muted"> · {t('panel.sharedActivities', { count: p.weight })}</span>
                  )}
                </li>
              ))}
            </ul>
          </div>
        ))}
      </section>

      <section aria-labelledby="activities-title">
        <h3 id="activities-title">{t('panel.activities', { count: activities.length })}</h3>
        {activities.length === 0 && <p className="muted">{t('panel.noActivities')}</p>}
        <ul className="activities" data-testid="details-activities">
          {activities.map(({ activity: a, role }) => (
            <li key={a.id}>
              <div className="activity-title">{localTitle(a, lang)}</div>
              <div className="muted">
                {[
                  vocabulary('source', a.source),
                  vocabulary('kind', a.kind),
                  years(a.startYear, a.endYear),
                  role ? t('panel.role', { role: vocabulary('role', role) }) : '',
                  a.statedParticipants ? t('panel.statedParticipants', { count: a.statedParticipants }) : '',
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </div>
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}

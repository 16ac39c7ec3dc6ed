import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { SECTOR_INFO } from '../data/sectors';
import type { TieDetails as Tie } from '../graph/details';

function years(start?: number, end?: number): string {
  if (start && end && start !== end) return `${start}–${end}`;
  return String(start ?? end ?? '');
}

/**
 * A tie opened from the map (a click on it) or from an organisation's partners: the activities
 * behind it, with source, kind, years, each organisation's role and where each fact comes from.
 */
export function TieDetails({ details, onSelect, onClose }: { details: Tie; onSelect(id: string): void; onClose(): void }) {
  const { t } = useTranslation();
  const [a, b] = details.ends;
  const kindLabel = (kind: string) => t(`kinds.${kind}`, { defaultValue: kind });
  const hidden = details.activities.filter((x) => !x.visible).length;
  // Opened from a partner's button (which goes away) or from the map: the reader continues here.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [details.tie]);
  return (
    <article className="details tie-details" aria-labelledby="tie-title" data-testid="tie-details">
      <header>
        <h2 id="tie-title" ref={heading} tabIndex={-1}>
          <span className="muted tie-kicker">{t('tie.title')}</span>
          {t('tie.heading', { a: a.name, b: b.name })}
        </h2>
        <button type="button" className="close" onClick={onClose} aria-label={t('tie.close')} title={t('tie.close')} data-testid="tie-close">
          ×
        </button>
      </header>
      <p data-testid="tie-summary">
        {t('tie.shared', { count: details.shared })}
        {hidden > 0 && <> · {t('tie.hiddenCount', { count: hidden })}</>}
      </p>
      <ul className="tie-ends">
        {details.ends.map((end) => (
          <li key={end.id}>
            <span className="swatch" style={{ background: SECTOR_INFO[end.sector].colour }} aria-hidden="true" />
            <button type="button" className="link" onClick={() => onSelect(end.id)}>
              {end.name}
            </button>
            <span className="muted"> · {t(`sectors.${end.sector}.label`)}</span>
          </li>
        ))}
      </ul>
      <section aria-labelledby="tie-activities-title">
        <h3 id="tie-activities-title">{t('tie.activities', { count: details.activities.length })}</h3>
        <ul className="activities" data-testid="tie-activities">
          {details.activities.map(({ activity, visible, confidence, roles, provenance }) => (
            <li key={activity.id} data-activity={activity.id} className={visible ? undefined : 'filtered-out'}>
              <div className="activity-title">
                {activity.title}
                {!visible && <em className="muted"> ({t('tie.hidden')})</em>}
              </div>
              <div className="muted" data-testid="tie-activity-meta">
                {[activity.source, kindLabel(activity.kind), years(activity.startYear, activity.endYear), confidence !== 'stated' ? t(`tie.confidence.${confidence}`) : '']
                  .filter(Boolean)
                  .join(' · ')}
              </div>
              {(roles[0] || roles[1]) && (
                <div className="muted">
                  {[roles[0] ? t('tie.role', { name: a.name, role: roles[0] }) : '', roles[1] ? t('tie.role', { name: b.name, role: roles[1] }) : ''].filter(Boolean).join(' · ')}
                </div>
              )}
              {provenance.length > 0 && (
                <div className="provenance" data-testid="tie-provenance">
                  {t('tie.provenance')} {provenance.join('; ')}
                </div>
              )}
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}

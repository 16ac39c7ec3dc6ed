import { useTranslation } from 'react-i18next';
import { useSession, useStore } from '../../session/react';

/** Imported datasets kept in this browser: reopen one, or delete it. */
export function RecentDatasets({ onOpened }: { onOpened(): void }) {
  const { t, i18n } = useTranslation();
  const store = useStore();
  const recent = useSession((s) => s.recent);
  const source = useSession((s) => s.source);
  const shelfError = useSession((s) => s.shelfError);
  const activeKey = source?.kind === 'imported' ? source.key : undefined;
  const date = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'nl-NL', { dateStyle: 'medium', timeStyle: 'short' });
  if (!recent.length && !shelfError) return null;
  return (
    <section className="recent-datasets" aria-labelledby="recent-title" data-testid="recent-datasets">
      <h3 id="recent-title">{t('recent.title')}</h3>
      <p className="muted">{t('recent.local')}</p>
      {shelfError && (
        <p className="error" role="alert" data-testid="recent-error">
          {t('recent.saveFailed', { message: shelfError })}
        </p>
      )}
      <ul>
        {recent.map((r) => (
          <li key={r.key} data-testid="recent-dataset" data-key={r.key}>
            <span className="recent-label">
              <strong>{r.label}</strong>
              {r.key === activeKey && <em> {t('recent.open')}</em>}
              <span className="muted">
                {' '}
                · {t('recent.counts', { organisations: r.organisations, activities: r.activities })} · {date.format(new Date(r.savedAt))}
              </span>
            </span>
            <button
              type="button"
              className="link"
              onClick={() => {
                void store.openShelved(r.key);
                onOpened();
              }}
              aria-label={t('recent.reopenLabel', { label: r.label })}
              data-testid="recent-reopen"
            >
              {t('recent.reopen')}
            </button>
            <button type="button" className="link danger" onClick={() => void store.removeShelved(r.key)} aria-label={t('recent.deleteLabel', { label: r.label })} data-testid="recent-delete">
              {t('recent.delete')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

import { useTranslation } from 'react-i18next';
import { downloadText, exportFileName } from '../export/download';
import { useSession, useStore } from '../session/react';

/**
 * Says that the sector corrections stored for this dataset could not be read whole (the text is
 * kept aside and offered for download), or that the browser refused to store the latest one: the
 * user's own corrections are never lost unseen (the worklist says the same of itself).
 */
export function CorrectionsStorageNotice({ datasetSlug }: { datasetSlug: string }) {
  const { t } = useTranslation();
  const store = useStore();
  const { damage, notSaved } = useSession((s) => s.correctionsStorage);
  if (!damage && !notSaved) return null;
  return (
    <>
      {damage && (
        <div className="dropped-notice" role="alert" data-testid="corrections-damaged">
          <strong>{damage.unreadable ? t('correctionsStorage.unreadable') : t('correctionsStorage.skipped', { count: damage.skipped })}</strong>{' '}
          {t('correctionsStorage.kept', { key: damage.key })}{' '}
          <button
            type="button"
            className="link"
            onClick={() => downloadText(damage.text, exportFileName(datasetSlug, 'sector-corrections-damaged', 'json'), 'application/json')}
            data-testid="corrections-damaged-download"
          >
            {t('correctionsStorage.download')}
          </button>{' '}
          <button type="button" className="link" onClick={() => store.dismissCorrectionsDamage()} data-testid="corrections-damaged-dismiss">
            {t('dropped.dismiss')}
          </button>
        </div>
      )}
      {notSaved && (
        <p className="dropped-notice" role="alert" data-testid="corrections-not-saved">
          {t('correctionsStorage.notSaved')}
        </p>
      )}
    </>
  );
}

import { useTranslation } from 'react-i18next';
import { useSession, useStore } from '../session/react';

/** Says that an imported dataset this browser kept was damaged, could not be opened and was taken off the list. */
export function ShelfDamagedNotice() {
  const { t } = useTranslation();
  const store = useStore();
  const damaged = useSession((s) => s.shelfDamaged);
  if (!damaged) return null;
  return (
    <div className="dropped-notice" role="status" data-testid="shelf-damaged" title={damaged.problem}>
      <strong>{t('shelfDamaged.title', { label: damaged.label })}</strong> {t('shelfDamaged.body')}{' '}
      <button type="button" className="link" onClick={() => store.dismissShelfDamaged()} data-testid="shelf-damaged-dismiss">
        {t('dropped.dismiss')}
      </button>
    </div>
  );
}

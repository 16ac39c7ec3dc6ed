import { useTranslation } from 'react-i18next';
import { useSession, useStore } from '../session/react';
import { visibleText } from '../data/visibleText';

/** Says that an imported dataset this browser kept was damaged (taken off the list) or is no longer kept, so the built-in data opened. */
export function ShelfDamagedNotice() {
  const { t } = useTranslation();
  const store = useStore();
  const damaged = useSession((s) => s.shelfDamaged);
  if (!damaged) return null;
  return (
    <div className="dropped-notice" role="status" data-testid="shelf-damaged" title={damaged.problem}>
      <strong>{t(damaged.missing ? 'shelfDamaged.missingTitle' : 'shelfDamaged.title', { label: visibleText(damaged.label) })}</strong> {t(damaged.missing ? 'shelfDamaged.missingBody' : 'shelfDamaged.body')}{' '}
      <button type="button" className="link" onClick={() => store.dismissShelfDamaged()} data-testid="shelf-damaged-dismiss">
        {t('dropped.dismiss')}
      </button>
    </div>
  );
}

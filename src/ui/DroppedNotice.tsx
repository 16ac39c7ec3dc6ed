import { useTranslation } from 'react-i18next';
import { useSession, useStore } from '../session/react';
import { shownValues } from './shownValues';

/** Says which values of the link (or of an earlier dataset) were dropped because this data lacks them. */
export function DroppedNotice() {
  const { t } = useTranslation();
  const store = useStore();
  const dropped = useSession((s) => s.dropped);
  if (!dropped.length) return null;
  return (
    <div className="dropped-notice" role="status" data-testid="dropped-notice">
      <strong>{t('dropped.title')}</strong>
      <ul>
        {dropped.map((d) => (
          <li key={d.parameter} data-parameter={d.parameter}>
            {t('dropped.item', { parameter: t(`dropped.param.${d.parameter}`, { defaultValue: d.parameter }), values: shownValues(d.values, t) })}
          </li>
        ))}
      </ul>
      <button type="button" className="link" onClick={() => store.dismissDropped()} data-testid="dropped-dismiss">
        {t('dropped.dismiss')}
      </button>
    </div>
  );
}

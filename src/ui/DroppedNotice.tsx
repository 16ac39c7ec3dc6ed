import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useSession, useStore } from '../session/react';

/** Values named per parameter, and characters per value: a link can hold a megabyte of them. */
const SHOWN_VALUES = 10;
const SHOWN_CHARACTERS = 80;

/** The first values, quoted and shortened, and how many more there are. */
function shownValues(values: readonly string[], t: TFunction): string {
  const shown = values.slice(0, SHOWN_VALUES).map((v) => `“${v.length > SHOWN_CHARACTERS ? `${v.slice(0, SHOWN_CHARACTERS)}…` : v}”`);
  const more = values.length > SHOWN_VALUES ? t('dropped.more', { count: values.length - SHOWN_VALUES }) : '';
  return shown.join(', ') + more;
}

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

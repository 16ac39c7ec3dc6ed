import { useTranslation } from 'react-i18next';
import { SECTOR_INFO, SECTORS, type Sector } from '../data/sectors';
import type { Language } from '../i18n';

/** Sector colours with the number of organisations drawn in each; only sectors present. */
export function Legend({ counts, hasIsolates }: { counts: Partial<Record<Sector, number>>; hasIsolates: boolean }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  return (
    <section className="legend" aria-label={t('legend.title')}>
      <h2>{t('legend.title')}</h2>
      <ul>
        {SECTORS.filter((s) => counts[s]).map((s) => (
          <li key={s} title={SECTOR_INFO[s].scope}>
            <span className="swatch" style={{ background: SECTOR_INFO[s].colour }} aria-hidden="true" />
            <span className="legend-label">{SECTOR_INFO[s][language]}</span>
            <span className="legend-count">{counts[s]}</span>
          </li>
        ))}
      </ul>
      <p className="legend-note">{t('legend.size')}</p>
      {hasIsolates && <p className="legend-note">{t('legend.isolates')}</p>}
    </section>
  );
}

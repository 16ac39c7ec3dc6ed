import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dataset } from '../../data/model';
import { applySectorRules, type SectorRuleField } from '../../data/sectorCorrections';
import { SECTORS, type Sector } from '../../data/sectors';

const FIELDS: SectorRuleField[] = ['name', 'type', 'city', 'country'];

export interface SectorRulePanelProps {
  dataset: Dataset;
  corrections: ReadonlyMap<string, Sector>;
  onChange(corrections: ReadonlyMap<string, Sector>): void;
}

/**
 * Corrects sectors in bulk with a rule ("naam bevat 'ziekenhuis' → zorg"): shows whom it would
 * change before it is applied; the result is an overlay of corrections, like one-by-one changes.
 */
export function SectorRulePanel({ dataset, corrections, onChange }: SectorRulePanelProps) {
  const { t } = useTranslation();
  const [field, setField] = useState<SectorRuleField>('name');
  const [contains, setContains] = useState('');
  const [sector, setSector] = useState<Sector>('care');
  const [done, setDone] = useState<string | null>(null);
  const ids = { field: useId(), contains: useId(), sector: useId() };
  const preview = useMemo(() => {
    if (!contains.trim()) return null;
    const { corrections: hits } = applySectorRules(dataset.organisations, [{ field, contains, sector }]);
    const changes = dataset.organisations.filter((o) => hits.has(o.id) && (corrections.get(o.id) ?? o.sector) !== sector);
    return { matched: hits.size, changes };
  }, [dataset, field, contains, sector, corrections]);
  const apply = () => {
    if (!preview?.changes.length) return;
    const next = new Map(corrections);
    for (const o of preview.changes) next.set(o.id, sector);
    onChange(next);
    setDone(t('sectorRule.applied', { count: preview.changes.length, sector: t(`sectors.${sector}.label`) }));
    setContains('');
  };
  return (
    <details className="facet sector-rule" data-testid="sector-rule">
      <summary>
        {t('sectorRule.title')}
        {corrections.size > 0 && <span className="badge">{corrections.size}</span>}
      </summary>
      <p className="muted">{t('sectorRule.intro')}</p>
      <div className="sector-rule-form">
        <label htmlFor={ids.field}>{t('sectorRule.field')}</label>
        <select id={ids.field} value={field} onChange={(e) => setField(e.target.value as SectorRuleField)} data-testid="sector-rule-field">
          {FIELDS.map((f) => (
            <option key={f} value={f}>
              {t(`sectorRule.fields.${f}`)}
            </option>
          ))}
        </select>
        <label htmlFor={ids.contains}>{t('sectorRule.contains')}</label>
        <input id={ids.contains} type="search" value={contains} onChange={(e) => (setContains(e.target.value), setDone(null))} data-testid="sector-rule-text" />
        <label htmlFor={ids.sector}>{t('sectorRule.sector')}</label>
        <select id={ids.sector} value={sector} onChange={(e) => setSector(e.target.value as Sector)} data-testid="sector-rule-sector">
          {SECTORS.map((s) => (
            <option key={s} value={s}>
              {t(`sectors.${s}.label`)}
            </option>
          ))}
        </select>
      </div>
      <p role="status" className="muted" data-testid="sector-rule-preview">
        {done ??
          (preview &&
            (preview.changes.length
              ? t('sectorRule.preview', {
                  count: preview.changes.length,
                  names: preview.changes
                    .slice(0, 5)
                    .map((o) => o.name)
                    .join(', '),
                  more: preview.changes.length > 5 ? t('sectorRule.more', { count: preview.changes.length - 5 }) : '',
                })
              : t('sectorRule.nothing', { count: preview.matched })))}
      </p>
      <div className="sector-rule-actions">
        <button type="button" disabled={!preview?.changes.length} onClick={apply} data-testid="sector-rule-apply">
          {t('sectorRule.apply')}
        </button>
        <button type="button" className="link" disabled={!corrections.size} onClick={() => (onChange(new Map()), setDone(t('sectorRule.cleared')))} data-testid="sector-rule-clear">
          {t('sectorRule.clear', { count: corrections.size })}
        </button>
      </div>
    </details>
  );
}

import { useTranslation } from 'react-i18next';
import { SECTOR_INFO, SECTORS } from '../data/sectors';
import type { LegendSpec } from '../graph/appearance';
import type { SizeBy } from '../session/viewState';

/** Always describes exactly what the map draws: the colour key and what size means. */
export function Legend({
  spec,
  sizeMetric,
  hasIsolates,
  thinned = null,
}: {
  spec: LegendSpec;
  sizeMetric: SizeBy;
  hasIsolates: boolean;
  /** When the map draws only a backbone of the ties. */
  thinned?: { drawn: number; total: number } | null;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const number = new Intl.NumberFormat(language, { maximumSignificantDigits: 3 });
  return (
    <section className="legend" aria-label={t('legend.title')} data-testid="legend">
      <h2>{t(`colourBy.${spec.kind === 'scale' ? spec.metric : spec.kind === 'cluster' ? spec.clusterKind : 'sector'}`)}</h2>
      {spec.kind === 'sector' && (
        <ul>
          {SECTORS.filter((s) => spec.entries.some((e) => e.sector === s)).map((s) => (
            <li key={s} title={t(`sectors.${s}.scope`)}>
              <span className="swatch" style={{ background: SECTOR_INFO[s].colour }} aria-hidden="true" />
              <span className="legend-label">{t(`sectors.${s}.label`)}</span>
              <span className="legend-count">{spec.entries.find((e) => e.sector === s)!.count}</span>
            </li>
          ))}
        </ul>
      )}
      {spec.kind === 'cluster' && (
        <ul>
          {spec.entries.map((e) => (
            <li key={e.id}>
              <span className="swatch" style={{ background: e.colour }} aria-hidden="true" />
              <span className="legend-label">{t(`legend.${spec.clusterKind}`, { id: e.id })}</span>
              <span className="legend-count">{e.size}</span>
            </li>
          ))}
          {spec.others > 0 && (
            <li>
              {spec.othersColour && <span className="swatch" style={{ background: spec.othersColour }} aria-hidden="true" />}
              <span className="legend-label">{t('legend.otherClusters', { count: spec.others })}</span>
            </li>
          )}
        </ul>
      )}
      {spec.kind === 'scale' && (
        <div className="legend-scale">
          <span>{number.format(spec.min)}</span>
          <span className="gradient" style={{ background: `linear-gradient(to right, ${spec.stops.join(', ')})` }} aria-hidden="true" />
          <span>{number.format(spec.max)}</span>
          {spec.missing > 0 && <span className="legend-note">{t('legend.missing', { count: spec.missing })}</span>}
        </div>
      )}
      <p className="legend-note">{t('legend.size', { metric: t(`sizeBy.${sizeMetric}`) })}</p>
      {hasIsolates && <p className="legend-note">{t('legend.isolates')}</p>}
      {thinned && (
        <p className="legend-note" data-testid="legend-thinned">
          {t('legend.thinned', { drawn: thinned.drawn, total: thinned.total })}
        </p>
      )}
    </section>
  );
}

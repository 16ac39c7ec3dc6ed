import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnalysisResult } from '../../analysis';
import { findingsOf } from '../../analysis/findings';
import { closeSentence, joinList, sectorName, wordConvener, wordFinding } from '../../i18n/findings';
import { sectorLabel } from '../tables/format';
import {
  clustersLackingTargets,
  REPORT_MAX_BRIDGES,
  REPORT_MAX_CLUSTERS,
  REPORT_MAX_CONVENERS,
  REPORT_MIN_CLUSTER_SIZE,
} from './content';
import { useScoped } from '../../i18n/scoped';
import './print.css';
import type { MapPicture } from '../../export/mapPicture';
import type { PngLegend } from '../../export/image';
import { MapFigure } from './MapFigure';

export interface PrintReportProps {
  result: AnalysisResult;
  datasetName: string;
  /** The filters in force as one line (`summariseFilters`). */
  filtersSummary: string;
  /** Whether the filters leave anything out (`hidesSomething`): findings then speak of what they show. */
  filtered?: boolean;
  /** The map as drawn on screen, as a vector picture (null: no layout yet). */
  map: MapPicture | null;
  /** The map's colour key, as the PNG export draws it (`pngLegendFor`). */
  legend?: PngLegend | null;
  /** The suggested ties on the map, with their numbers and why. */
  suggested: readonly { number: number; a: string; b: string; via: string[] }[];
  generatedAt: Date;
  /** Where the data comes from (e.g. the study's documents); shown in the footer. */
  provenance?: string;
}

/**
 * A one-page summary for print: the map as on screen (vector), the missing bridges, the clusters
 * lacking a target sector, the suggested ties with their numbers on the map, the focal
 * municipality's position and the conveners. Hidden on screen (`.print-only`); `print.css` shows it, hides
 * `.no-print` and fits it on one A4 page, portrait or landscape.
 */
export function PrintReport({ result, datasetName, filtersSummary, filtered = false, map, legend = null, suggested, generatedAt, provenance }: PrintReportProps) {
  const { t, lang } = useScoped('report');
  const { t: words } = useTranslation();
  const findings = useMemo(() => findingsOf(result), [result]);
  const bridges = findings.filter((f) => ['sector_absent', 'no_ties', 'below_null', 'below_expected', 'bridges_ok'].includes(f.code));
  const convenerFindings = findings.filter((f): f is Extract<typeof f, { code: 'convener' }> => f.code === 'convener');
  const focal = findings.filter((f) => f.code === 'focal' || f.code === 'no_focal');
  const lacking = useMemo(() => clustersLackingTargets(result), [result]);
  const shownClusters = lacking.slice(0, REPORT_MAX_CLUSTERS);
  const picks = result.conveners.picks.slice(0, REPORT_MAX_CONVENERS);
  const date = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'nl-NL', { dateStyle: 'long' }).format(generatedAt);
  const betweenness = result.meta.betweenness.estimated
    ? t('betweennessEstimated', { samples: result.meta.betweenness.samples })
    : t('betweennessExact');

  return (
    <article className="print-only print-report" data-testid="print-report" lang={lang} aria-label={t('title')}>
      <header className="pr-header">
        <p className="pr-brand">{t('brand')}</p>
        <h1>{t('title')}</h1>
        <p className="pr-meta">
          <strong>{datasetName}</strong> · {t('generated', { date })} ·{' '}
          {t('counts', {
            organisations: result.meta.organisations,
            ties: result.meta.ties,
            communities: result.meta.louvain.communities,
          })}
        </p>
        <p className="pr-filters">
          <strong>{t('filters')}:</strong> {filtersSummary}
        </p>
      </header>

      <div className="pr-body">
        <figure className="pr-map">
          {map ? <MapFigure picture={map} label={t('mapAlt')} /> : <p className="pr-muted">{t('noMap')}</p>}
          {map && legend && legend.entries.length > 0 && (
            // Without its key a printed map's colours say nothing.
            <figcaption className="pr-legend" data-testid="print-map-legend">
              {legend.title && <strong>{legend.title}: </strong>}
              {legend.entries.map((e) => (
                <span key={e.label} className="pr-legend-entry">
                  <span className="pr-swatch" style={{ background: e.colour }} aria-hidden="true" />
                  {e.label}
                </span>
              ))}
              {legend.note && <span className="pr-muted"> {legend.note}</span>}
            </figcaption>
          )}
          {map && map.tiesDrawn < map.tiesVisible && <figcaption className="pr-muted">{t('mapThinned', { drawn: map.tiesDrawn, total: map.tiesVisible })}</figcaption>}
        </figure>

        <div className="pr-text">
          <section className="pr-section" data-testid="print-report-bridges">
            <h2>{t('missingBridges')}</h2>
            {bridges.length === 0 ? (
              <p className="pr-muted">{t('noFindings')}</p>
            ) : (
              <ul>
                {bridges.slice(0, REPORT_MAX_BRIDGES).map((f, i) => (
                  <li key={i} className={f.code !== 'bridges_ok' ? 'pr-missing' : undefined}>
                    {wordFinding(words, f, lang, { filtered })}
                  </li>
                ))}
              </ul>
            )}
            <p className="pr-muted">
              {t('targets', { sectors: joinList(result.meta.targets.map((s) => sectorLabel(s, lang)), lang) })}
            </p>
          </section>

          <section className="pr-section" data-testid="print-report-clusters">
            <h2>{t('clusters')}</h2>
            {shownClusters.length === 0 ? (
              <p className="pr-muted">{t('noClusters', { min: REPORT_MIN_CLUSTER_SIZE })}</p>
            ) : (
              <ul>
                {shownClusters.map((c) => {
                  const spanners = c.boundarySpanners.slice(0, 2).map((s) => s.label);
                  return (
                    <li key={c.id}>
                      {closeSentence(
                        t('clusterLine', { id: c.id, size: c.size, lacks: joinList(c.lacksTargets.map((s) => sectorName(words, s)), lang) }) +
                          (spanners.length > 0 ? `; ${t('clusterSpanners', { names: joinList(spanners, lang) })}` : '') +
                          '.',
                      )}
                    </li>
                  );
                })}
              </ul>
            )}
            {lacking.length > shownClusters.length && (
              <p className="pr-muted">{t('clustersMore', { count: lacking.length - shownClusters.length })}</p>
            )}
          </section>

          {suggested.length > 0 && (
            <section className="pr-section" data-testid="print-report-suggested">
              <h2>{t('suggested')}</h2>
              <p className="pr-muted">{t('suggestedIntro')}</p>
              <ol className="pr-numbered">
                {suggested.map((s) => (
                  <li key={s.number} value={s.number}>
                    {t('suggestedLine', { a: s.a, b: s.b, via: joinList(s.via, lang) })}
                  </li>
                ))}
              </ol>
            </section>
          )}

          <section className="pr-section" data-testid="print-report-focal">
            <h2>{t('focal')}</h2>
            {focal.map((f, i) => (
              <p key={i}>{wordFinding(words, f, lang, { filtered })}</p>
            ))}
          </section>

          <section className="pr-section" data-testid="print-report-conveners">
            <h2>{t('conveners')}</h2>
            {picks.length === 0 ? (
              <p className="pr-muted">{t('noConveners')}</p>
            ) : (
              <>
                <p className="pr-muted">{t('convenersIntro')}</p>
                <ol>
                  {picks.map((p, i) => (
                    <li key={p.id}>{wordConvener(words, convenerFindings[i]!, lang)}</li>
                  ))}
                </ol>
              </>
            )}
          </section>
        </div>
      </div>

      <footer className="pr-footer">
        <p>
          {t('method', {
            resolution: String(result.meta.louvain.resolution),
            betweenness,
          })}
        </p>
        <p>
          {provenance ? `${t('provenance', { source: provenance.trim().replace(/[.;:,]$/, '') })}. ` : ''}
          {t('madeWith')}
        </p>
      </footer>
    </article>
  );
}

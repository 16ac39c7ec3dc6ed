import { useId, useMemo } from 'react';
import type { AnalysisResult } from '../../analysis';
import { findingsOf } from '../../analysis/findings';
import { wordFinding } from '../../i18n/findings';
import { useTranslation } from 'react-i18next';
import './analysis.css';
import { convenerCoverage, convenersStale } from './convenerModel';
import { useAnalysisText } from './messages';
import { SectorSwatch } from './parts';

export interface ConvenersPanelProps {
  result: AnalysisResult;
  k: number;
  onK(k: number): void;
  reachSteps: 1 | 2;
  onReachSteps(r: 1 | 2): void;
  showSuggested: boolean;
  onShowSuggested(b: boolean): void;
  selected: string | null;
  onSelectOrganisation(id: string): void;
}

export const MIN_K = 1;
export const MAX_K = 10;

/** Choose conveners: k and reach, the ordered picks with their sentence, and what they cover together. */
export function ConvenersPanel({
  result,
  k,
  onK,
  reachSteps,
  onReachSteps,
  showSuggested,
  onShowSuggested,
  selected,
  onSelectOrganisation,
}: ConvenersPanelProps) {
  const { t, tp, fmt, lang, sector } = useAnalysisText();
  const titleId = useId();
  const sliderId = useId();
  const reachName = useId();
  const coverageId = useId();
  const coverage = useMemo(() => convenerCoverage(result), [result]);
  const { t: words } = useTranslation();
  const sentences = useMemo(
    () => new Map(findingsOf(result).flatMap((f) => (f.code === 'convener' ? [[f.id, wordFinding(words, { ...f, rank: 0 }, lang).replace(/^0\. /, '')] as const] : []))),
    [result, words, lang],
  );
  const stale = convenersStale(result, k, reachSteps);
  const picks = result.conveners.picks;
  return (
    <section className="ana ana-conveners" aria-labelledby={titleId} data-testid="conveners-panel">
      <h2 id={titleId}>{t('conveners.title')}</h2>
      <p className="ana-intro">{t('conveners.method')}</p>

      <div className="ana-controls">
        <div className="ana-slider">
          <label htmlFor={sliderId}>{t('conveners.kLabel')}</label>
          <input
            id={sliderId}
            type="range"
            min={MIN_K}
            max={MAX_K}
            step={1}
            value={k}
            onChange={(e) => onK(Number(e.currentTarget.value))}
            aria-valuetext={tp('conveners.kValue', k)}
            data-testid="conveners-k"
          />
          <output htmlFor={sliderId} className="ana-slider-value" data-testid="conveners-k-value">
            {fmt.int(k)}
          </output>
        </div>
        <fieldset className="ana-radios">
          <legend>{t('conveners.reachLabel')}</legend>
          {([1, 2] as const).map((r) => (
            <label key={r}>
              <input
                type="radio"
                name={reachName}
                value={r}
                checked={reachSteps === r}
                onChange={() => onReachSteps(r)}
                data-testid={`conveners-reach-${r}`}
              />
              {t(r === 1 ? 'conveners.reach1' : 'conveners.reach2')}
            </label>
          ))}
        </fieldset>
      </div>

      <p className="ana-stale" role="status" data-testid="conveners-stale">
        {stale
          ? t('conveners.stale', {
              k: fmt.int(result.conveners.k),
              steps: tp('common.steps', result.conveners.reachSteps),
            })
          : ''}
      </p>

      {picks.length === 0 ? (
        <p className="ana-muted">{t('conveners.none')}</p>
      ) : (
        <ol className={`ana-picks${stale ? ' ana-is-stale' : ''}`} data-testid="conveners-picks">
          {picks.map((p) => (
            <li
              key={p.id}
              className={`ana-pick${selected === p.id ? ' ana-pick-selected' : ''}`}
              data-testid="convener-pick"
              data-id={p.id}
            >
              <span className="ana-pick-rank" aria-hidden="true">
                {p.rank}
              </span>
              <div className="ana-pick-body">
                <button
                  type="button"
                  className="ana-link ana-pick-name"
                  onClick={() => onSelectOrganisation(p.id)}
                  aria-current={selected === p.id ? 'true' : undefined}
                >
                  {p.label}
                </button>
                <span className="ana-pick-sector">
                  <SectorSwatch sector={p.sector} />
                  {sector(p.sector)}
                </span>
                <p className="ana-pick-sentence">{sentences.get(p.id)}</p>
                <p className="ana-pick-meta">
                  {tp('conveners.cumulative', p.cumulativeReached, {
                    added: fmt.int(p.newlyReachedTotal),
                  })}
                </p>
              </div>
            </li>
          ))}
        </ol>
      )}
      {coverage.stoppedEarly && picks.length > 0 && (
        <p className="ana-note">{tp('conveners.stoppedEarly', coverage.picks)}</p>
      )}

      <section className="ana-subsection" aria-labelledby={coverageId} data-testid="conveners-coverage">
        <h3 id={coverageId}>{tp('conveners.coverageTitle', coverage.picks)}</h3>
        <p>
          {t('conveners.reachedTotal', {
            reached: fmt.int(coverage.reachedTotal),
            total: fmt.int(coverage.targetTotal),
            pct: fmt.pct(coverage.targetTotal > 0 ? coverage.reachedTotal / coverage.targetTotal : 0),
          })}
        </p>
        <ul className="ana-coverage">
          {coverage.perSector.map((s) => (
            <li key={s.sector} data-testid={`conveners-coverage-${s.sector}`}>
              <span className="ana-coverage-label">
                <SectorSwatch sector={s.sector} />
                {sector(s.sector)}
              </span>
              <span className="ana-meter" aria-hidden="true">
                <span style={{ width: `${s.total > 0 ? (100 * s.reached) / s.total : 0}%` }} />
              </span>
              <span className="ana-num">{t('reach.ofCount', { x: fmt.int(s.reached), n: fmt.int(s.total) })}</span>
            </li>
          ))}
        </ul>
        <p>
          {coverage.uncoveredSectors.length === 0
            ? t('conveners.allSectors')
            : t('conveners.missingSectors', { sectors: coverage.uncoveredSectors.map((s) => sector(s)).join(', ') })}
        </p>
        <p>
          {t('conveners.clusters', {
            clusters: fmt.int(coverage.clusters.length),
            total: fmt.int(coverage.clustersWithTargets),
          })}
        </p>
        <p className="ana-muted">
          {t('conveners.mReach', {
            count: fmt.int(coverage.mReach),
            steps: tp('common.steps', coverage.reachSteps),
          })}
        </p>
      </section>

      <label className="ana-check">
        <input
          type="checkbox"
          checked={showSuggested}
          onChange={(e) => onShowSuggested(e.currentTarget.checked)}
          data-testid="conveners-show-suggested"
        />
        {t('conveners.showSuggested')}
      </label>
    </section>
  );
}

import { useId, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnalysisResult } from '../../analysis';
import { findingsOf } from '../../analysis/findings';
import type { RobustnessData } from '../../analysis/stages';
import type { TieBasis } from '../../graph/rules';
import { withAside, wordConvener } from '../../i18n/findings';
import type { ConvenerIntroduction } from '../../worklist/introductions';
import './analysis.css';
import { convenerCoverage, convenersStale } from './convenerModel';
import { useAnalysisText } from './messages';
import { OrganisationButton, SectorSwatch } from './parts';
import { TieNumber, type HoveredSuggestion } from './SuggestedTies';
import { MethodsLink } from '../methods/Methods';
import { ConvenerFirmness } from './ConvenerFirmness';

export interface ConvenersPanelProps {
  result: AnalysisResult;
  /** The bootstrap and other-rules check of the picks; null while it is computed. */
  robustness: RobustnessData | null;
  /** Introductions each convener can make (three per pick). */
  introductions: readonly ConvenerIntroduction[];
  /** How many of an organisation's visible ties rest on listings alone. */
  tieBasis(id: string): TieBasis | null;
  k: number;
  onK(k: number): void;
  reachSteps: 1 | 2;
  onReachSteps(r: 1 | 2): void;
  showSuggested: boolean;
  onShowSuggested(b: boolean): void;
  selected: string | null;
  onSelectOrganisation(id: string): void;
  onHoverSuggestion?(s: HoveredSuggestion): void;
  /** What can be done with one convener's introductions (what if, worklist). */
  introductionActions?: (pick: AnalysisResult['conveners']['picks'][number], own: readonly ConvenerIntroduction[]) => ReactNode;
  /** After the picks (the meeting pack). */
  children?: ReactNode;
  /** The numbers of the introductions drawn on the map, by `aId|bId`. */
  suggestionNumbers?: ReadonlyMap<string, number>;
}

export const MIN_K = 1;
export const MAX_K = 10;

/**
 * Choose conveners: k and reach; the picks with why each was chosen, what its ties rest on, how
 * robust it is, and the introductions it can make; and what the set covers per target sector.
 */
export function ConvenersPanel(props: ConvenersPanelProps) {
  const { result, robustness, introductions, tieBasis, k, onK, reachSteps, onReachSteps, showSuggested, onShowSuggested, selected, onSelectOrganisation, onHoverSuggestion, suggestionNumbers, introductionActions, children } =
    props;
  const { t, tp, fmt, lang, sector } = useAnalysisText();
  const titleId = useId();
  const sliderId = useId();
  const reachName = useId();
  const coverageId = useId();
  const robustId = useId();
  const coverage = useMemo(() => convenerCoverage(result), [result]);
  const { t: words } = useTranslation();
  const sentences = useMemo(
    () => new Map(findingsOf(result).flatMap((f) => (f.code === 'convener' ? [[f.id, wordConvener(words, f, lang)] as const] : []))),
    [result, words, lang],
  );
  const stale = convenersStale(result, k, reachSteps);
  const picks = result.conveners.picks;
  const introductionsOf = (id: string) => introductions.filter((i) => i.convener.id === id);
  const hover = (s: HoveredSuggestion) => onHoverSuggestion?.(s);

  return (
    <section className="ana ana-conveners" aria-labelledby={titleId} data-testid="conveners-panel">
      <h2 id={titleId}>{t('conveners.title')}</h2>
      <p className="ana-intro">
        {tp('conveners.method', reachSteps)} <MethodsLink section="conveners" />
      </p>

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
              <input type="radio" name={reachName} value={r} checked={reachSteps === r} onChange={() => onReachSteps(r)} data-testid={`conveners-reach-${r}`} />
              {t(r === 1 ? 'conveners.reach1' : 'conveners.reach2')}
            </label>
          ))}
        </fieldset>
      </div>

      <p className="ana-stale" role="status" data-testid="conveners-stale">
        {stale ? t('conveners.stale', { k: fmt.int(result.conveners.k), steps: tp('common.steps', result.conveners.reachSteps) }) : ''}
      </p>

      {picks.length === 0 ? (
        <p className="ana-muted">{t('conveners.none')}</p>
      ) : (
        <ol className={`ana-picks${stale ? ' ana-is-stale' : ''}`} data-testid="conveners-picks">
          {picks.map((p) => {
            const own = introductionsOf(p.id);
            return (
              <li key={p.id} className={`ana-pick${selected === p.id ? ' ana-pick-selected' : ''}`} data-testid="convener-pick" data-id={p.id}>
                <span className="ana-pick-rank" aria-hidden="true">
                  {p.rank}
                </span>
                <div className="ana-pick-body">
                  <button type="button" className="ana-link ana-pick-name" onClick={() => onSelectOrganisation(p.id)} aria-current={selected === p.id ? 'true' : undefined}>
                    {p.label}
                  </button>
                  <span className="ana-pick-sector">
                    <SectorSwatch sector={p.sector} />
                    {sector(p.sector)}
                  </span>
                  <p className="ana-pick-sentence">{sentences.get(p.id)}</p>
                  <p className="ana-pick-meta">{tp('conveners.cumulative', p.cumulativeReached, { added: fmt.int(p.newlyReachedTotal) })}</p>
                  <ConvenerFirmness id={p.id} basis={tieBasis(p.id)} robustness={robustness} />
                  {own.length > 0 && (
                    <div className="ana-intros">
                      <p className="ana-intros-title">{tp('conveners.introductions', own.length)}</p>
                      <ul data-testid="convener-introductions">
                        {own.map((i) => (
                          <li
                            key={`${i.a.id}|${i.b.id}`}
                            data-testid="convener-introduction"
                            data-source={i.a.id}
                            data-target={i.b.id}
                            onMouseEnter={() => hover({ source: i.a.id, target: i.b.id })}
                            onMouseLeave={() => hover(null)}
                            onFocus={() => hover({ source: i.a.id, target: i.b.id })}
                            onBlur={() => hover(null)}
                          >
                            <TieNumber n={suggestionNumbers?.get(`${i.a.id}|${i.b.id}`)} />
                            <OrganisationButton id={i.a.id} label={i.a.label} onSelect={onSelectOrganisation} />
                            <span aria-hidden="true"> ↔ </span>
                            <span className="ana-sr"> {t('suggest.and')} </span>
                            <OrganisationButton id={i.b.id} label={i.b.label} onSelect={onSelectOrganisation} />
                            <span className="ana-muted">
                              {' '}
                              ({sector(i.a.sector).toLowerCase()} – {sector(i.b.sector).toLowerCase()};{' '}
                              {t('suggest.via', { partners: i.sharedPartners.map((s) => s.label).join(', ') })})
                            </span>
                          </li>
                        ))}
                      </ul>
                      {introductionActions?.(p, own)}
                    </div>
                  )}
                </div>
              </li>
            );
          })}
        </ol>
      )}
      {result.conveners.shortBy > 0 && picks.length > 0 && (
        <p className="ana-note" data-testid="conveners-short">
          {tp('conveners.shortBy', result.conveners.k, { picked: fmt.int(picks.length) })}
        </p>
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
        <p data-testid="conveners-coverage-verdict">
          {coverage.verdict === 'all'
            ? t('conveners.allReached')
            : coverage.verdict === 'every-sector'
              ? t('conveners.partlyReached', {
                  weakest: coverage.weakest.map((s) => t('conveners.sectorShare', { sector: sector(s.sector).toLowerCase(), x: fmt.int(s.reached), n: fmt.int(s.total) })).join(', '),
                })
              : t('conveners.missingSectors', { sectors: coverage.uncoveredSectors.map((s) => sector(s).toLowerCase()).join(', ') })}
        </p>
        <p>{tp('conveners.clusters', picks.length, { clusters: fmt.int(coverage.clusters.length), total: fmt.int(coverage.clustersWithTargets) })}</p>
        <p className="ana-muted">{t('conveners.mReach', { count: fmt.int(coverage.mReach), steps: tp('common.steps', coverage.reachSteps) })}</p>
      </section>

      {robustness && robustness.bootstraps > 0 && (
        <section className="ana-subsection" aria-labelledby={robustId} data-testid="conveners-robustness">
          <h3 id={robustId}>{t('conveners.robustTitle')}</h3>
          <p>
            {tp('conveners.robustMethod', robustness.bootstraps, { overlap: fmt.pct(robustness.meanOverlap) })} <MethodsLink section="robustness" />
          </p>
          {robustness.alternates.length > 0 && (
            <p>
              {t('conveners.alternates', {
                list: robustness.alternates
                  .slice(0, 3)
                  .map((a) => withAside(a.label, fmt.pct(a.fraction)))
                  .join(', '),
              })}
            </p>
          )}
          {robustness.otherRules && <p className="ana-muted">{t('conveners.otherRulesMethod')}</p>}
        </section>
      )}

      <label className="ana-check">
        <input type="checkbox" checked={showSuggested} onChange={(e) => onShowSuggested(e.currentTarget.checked)} data-testid="conveners-show-suggested" />
        {t('conveners.showSuggested')}
      </label>
      {children}
    </section>
  );
}

import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { AnalysisResult, ClusterSuggestion, SectorPairSuggestions } from '../../analysis';
import type { Sector } from '../../data/sectors';
import { useAnalysisText } from './messages';
import { OrganisationButton, SectorSwatch } from './parts';
import { suggestionPairs } from './suggestionModel';
import { MethodsLink } from '../methods/Methods';

export type HoveredSuggestion = { source: string; target: string } | null;

const SHOWN = 5;

/** Calls `onHover` on pointer enter/leave and keyboard focus/blur, and clears it on unmount. */
function useHover(onHover?: (s: HoveredSuggestion) => void) {
  const active = useRef(false);
  const callback = useRef(onHover);
  useEffect(() => {
    callback.current = onHover;
  }, [onHover]);
  useEffect(
    () => () => {
      if (active.current) callback.current?.(null);
    },
    [],
  );
  return (source: string, target: string) => ({
    onMouseEnter: () => {
      active.current = true;
      callback.current?.({ source, target });
    },
    onMouseLeave: () => {
      active.current = false;
      callback.current?.(null);
    },
    onFocus: () => {
      active.current = true;
      callback.current?.({ source, target });
    },
    onBlur: () => {
      active.current = false;
      callback.current?.(null);
    },
  });
}

function PairSuggestions({
  pair,
  hover,
  numbers,
  onSelectOrganisation,
}: {
  pair: SectorPairSuggestions;
  hover: ReturnType<typeof useHover>;
  numbers?: ReadonlyMap<string, number>;
  onSelectOrganisation(id: string): void;
}) {
  const { t, tp, fmt, sector } = useAnalysisText();
  const [all, setAll] = useState(false);
  const [a, b] = pair.sectors;
  const titleId = useId();
  const rows = all ? pair.suggestions : pair.suggestions.slice(0, SHOWN);
  return (
    <section className="ana-subsection" aria-labelledby={titleId} data-testid={`suggestion-pair-${a}-${b}`}>
      <h3 id={titleId}>
        <SectorSwatch sector={a} />
        {sector(a)} ↔ <SectorSwatch sector={b} />
        {sector(b)}
      </h3>
      {pair.suggestions.length === 0 ? (
        <p className="ana-muted">{t('suggest.none')}</p>
      ) : (
        <>
          <p className="ana-muted">{tp('suggest.candidates', pair.candidates)}</p>
          <ol className="ana-suggestions">
            {rows.map((s) => (
              <li
                key={`${s.a.id}|${s.b.id}`}
                className="ana-suggestion"
                data-testid="suggestion-row"
                data-source={s.a.id}
                data-target={s.b.id}
                {...hover(s.a.id, s.b.id)}
              >
                <div className="ana-suggestion-pair">
                  <TieNumber n={numbers?.get(`${s.a.id}|${s.b.id}`)} />
                  <OrganisationButton id={s.a.id} label={s.a.label} onSelect={onSelectOrganisation} />
                  <span aria-hidden="true"> ↔ </span>
                  <span className="ana-sr"> {t('suggest.and')} </span>
                  <OrganisationButton id={s.b.id} label={s.b.label} onSelect={onSelectOrganisation} />
                </div>
                <div className="ana-suggestion-why">
                  {t('suggest.via', { partners: s.sharedPartners.map((p) => p.label).join(', ') })}
                  {s.commonNeighbours > s.sharedPartners.length &&
                    ` ${tp('suggest.morePartners', s.commonNeighbours - s.sharedPartners.length)}`}
                  <span className="ana-score" title={t('suggest.scoreHelp')}>
                    {t('suggest.score', { score: fmt.fixed(s.resourceAllocation, 3) })}
                  </span>
                </div>
              </li>
            ))}
          </ol>
          {pair.suggestions.length > SHOWN && (
            <button type="button" className="ana-more" aria-expanded={all} onClick={() => setAll((x) => !x)}>
              {all ? t('common.showFewer') : tp('common.showAll', pair.suggestions.length)}
            </button>
          )}
        </>
      )}
    </section>
  );
}

function ClusterSuggestionItem({
  s,
  hover,
  onSelectCluster,
  onSelectOrganisation,
}: {
  s: ClusterSuggestion;
  hover: ReturnType<typeof useHover>;
  onSelectCluster(kind: 'community', id: number): void;
  onSelectOrganisation(id: string): void;
}) {
  const { t, tp, fmt, sector } = useAnalysisText();
  const side = (c: ClusterSuggestion['a'], offers: string[]) => {
    const name = t('clusters.communityName', { id: c.cluster });
    return (
      <p className="ana-cluster-side">
        <button
          type="button"
          className="ana-link"
          onClick={() => onSelectCluster('community', c.cluster)}
          aria-label={t('clusters.selectLabel', { name, size: fmt.int(c.size) })}
        >
          {name}
        </button>{' '}
        <span className="ana-muted">({tp('clusters.size', c.size)})</span>{' '}
        {offers.length > 0 && t('suggest.offers', { sectors: offers.map((x) => sector(x)).join(', ') })}{' '}
        {t('suggest.contact')}{' '}
        <OrganisationButton id={c.contact.id} label={c.contact.label} onSelect={onSelectOrganisation} />
      </p>
    );
  };
  return (
    <li
      className="ana-suggestion"
      data-testid="cluster-suggestion-row"
      data-source={s.a.contact.id}
      data-target={s.b.contact.id}
      data-clusters={`${s.a.cluster} ${s.b.cluster}`}
      {...hover(s.a.contact.id, s.b.contact.id)}
    >
      <div className="ana-suggestion-pair">
        {t('suggest.clusterPair', { a: s.a.cluster, b: s.b.cluster })}{' '}
        <span className={s.ties === 0 ? 'ana-flag' : 'ana-muted'}>{tp('suggest.clusterTies', s.ties)}</span>
      </div>
      {side(s.a, s.aOffers)}
      {side(s.b, s.bOffers)}
    </li>
  );
}

/** The number a suggested tie carries on the map (and its meaning for screen readers). */
export function TieNumber({ n }: { n: number | undefined }) {
  const { t } = useAnalysisText();
  if (n === undefined) return null;
  return (
    <span className="ana-tie-number" title={t('suggest.numberHelp', { n })} data-testid="tie-number">
      <span aria-hidden="true">{n}</span>
      <span className="ana-sr">{t('suggest.numberHelp', { n })}</span>
    </span>
  );
}

/** Suggested organisation pairs per target-sector pair, and which communities to link. */
export function SuggestedTies({
  result,
  targets,
  onSelectCluster,
  onSelectOrganisation,
  onHoverSuggestion,
  numbers,
}: {
  result: AnalysisResult;
  targets: readonly Sector[];
  onSelectCluster(kind: 'community', id: number): void;
  onSelectOrganisation(id: string): void;
  onHoverSuggestion?(s: HoveredSuggestion): void;
  /** The numbers of the ties drawn on the map, by `aId|bId`. */
  numbers?: ReadonlyMap<string, number>;
}) {
  const { t } = useAnalysisText();
  const hover = useHover(onHoverSuggestion);
  const titleId = useId();
  const clusterTitleId = useId();
  const pairs = useMemo(() => suggestionPairs(result, targets), [result, targets]);
  const clusters = result.suggestions.clusters;
  return (
    <section className="ana-section" aria-labelledby={titleId} data-testid="suggested-ties">
      <h2 id={titleId}>{t('suggest.title')}</h2>
      <p className="ana-intro">
        {t('suggest.intro')} <MethodsLink section="suggestions" />
      </p>
      {pairs.length === 0 && <p className="ana-muted">{t('suggest.noPairs')}</p>}
      {pairs.map((p) => (
        <PairSuggestions key={p.sectors.join('|')} pair={p} hover={hover} numbers={numbers} onSelectOrganisation={onSelectOrganisation} />
      ))}
      <section className="ana-subsection" aria-labelledby={clusterTitleId} data-testid="cluster-suggestions">
        <h3 id={clusterTitleId}>{t('suggest.clusterTitle')}</h3>
        <p className="ana-intro">{t('suggest.clusterIntro')}</p>
        {clusters.length === 0 ? (
          <p className="ana-muted">{t('suggest.clusterNone')}</p>
        ) : (
          <ol className="ana-suggestions">
            {clusters.map((s) => (
              <ClusterSuggestionItem
                key={`${s.a.cluster}|${s.b.cluster}`}
                s={s}
                hover={hover}
                onSelectCluster={onSelectCluster}
                onSelectOrganisation={onSelectOrganisation}
              />
            ))}
          </ol>
        )}
      </section>
    </section>
  );
}

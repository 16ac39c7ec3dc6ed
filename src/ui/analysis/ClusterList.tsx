import { useId, useMemo, useState } from 'react';
import type { AnalysisResult, ClusterSummary } from '../../analysis';
import type { Sector } from '../../data/sectors';
import {
  clustersOf,
  compositionSegments,
  DEFAULT_MIN_CLUSTER_SIZE,
  lackingClusters,
  type ClusterKind,
} from './clusterModel';
import { STABLE_COMMUNITY } from '../../analysis/clusters';
import { sectorColour } from './format';
import { useAnalysisText } from './messages';
import { OrganisationButton, SectorSwatch } from './parts';
import { MethodsLink } from '../methods/Methods';

const PAGE = 10;
const SPANNERS_SHOWN = 5;

/** A cluster's sector composition as a thin stacked bar with a compact text line. */
export function CompositionBar({ sectors }: { sectors: Record<string, number> }) {
  const { sector, sectorShort, fmt } = useAnalysisText();
  const segments = compositionSegments(sectors);
  return (
    <div className="ana-composition">
      <div className="ana-stack" aria-hidden="true">
        {segments.map((s) => (
          <span
            key={s.sector}
            className="ana-stack-seg"
            style={{ left: `${s.start * 100}%`, width: `${s.width * 100}%`, background: sectorColour(s.sector) }}
            title={`${sector(s.sector)}: ${fmt.int(s.count)}`}
          />
        ))}
      </div>
      <p className="ana-stack-text">
        {segments.map((s, i) => (
          <span key={s.sector}>
            {i > 0 && ' · '}
            <span title={sector(s.sector)} aria-hidden="true">
              {fmt.int(s.count)} {sectorShort(s.sector)}
            </span>
            <span className="ana-sr">
              {fmt.int(s.count)} {sector(s.sector)}
            </span>
          </span>
        ))}
      </p>
    </div>
  );
}

function ClusterItem({
  kind,
  cluster,
  lacks,
  onSelectCluster,
  onSelectOrganisation,
}: {
  kind: ClusterKind;
  cluster: ClusterSummary;
  lacks: string[];
  onSelectCluster(kind: ClusterKind, id: number): void;
  onSelectOrganisation(id: string): void;
}) {
  const { t, tp, fmt, sector } = useAnalysisText();
  const [allSpanners, setAllSpanners] = useState(false);
  const name = t(kind === 'community' ? 'clusters.communityName' : 'clusters.componentName', { id: cluster.id });
  const spanners = allSpanners ? cluster.boundarySpanners : cluster.boundarySpanners.slice(0, SPANNERS_SHOWN);
  const notListed = cluster.boundarySpannerCount - cluster.boundarySpanners.length;
  const stability = kind === 'community' ? (cluster.stability ?? null) : null;
  const uncertain = stability !== null && stability < STABLE_COMMUNITY;
  return (
    <li
      className={`ana-cluster${uncertain ? ' ana-cluster-uncertain' : ''}`}
      data-testid={`cluster-${kind}-${cluster.id}`}
      data-lacks={lacks.join(' ')}
      data-stability={stability === null ? undefined : stability.toFixed(3)}
    >
      <div className="ana-cluster-head">
        <button
          type="button"
          className="ana-link ana-cluster-name"
          onClick={() => onSelectCluster(kind, cluster.id)}
          aria-label={t('clusters.selectLabel', { name, size: fmt.int(cluster.size) })}
          data-testid={`cluster-select-${kind}-${cluster.id}`}
        >
          {name}
        </button>
        <span className="ana-muted">{tp('clusters.size', cluster.size)}</span>
        {uncertain && <span className="ana-badge ana-badge-weak">{t('clusters.uncertainBadge')}</span>}
      </div>
      {stability !== null && (
        <p className="ana-muted ana-stability" data-testid="cluster-stability">
          {t(uncertain ? 'clusters.uncertain' : 'clusters.stable', { pct: fmt.pct(stability) })}
        </p>
      )}
      <CompositionBar sectors={cluster.sectors} />
      <p className="ana-lacks">
        <span className="ana-muted">{t('clusters.lacks')} </span>
        {lacks.map((s) => (
          <span key={s} className="ana-badge ana-badge-missing">
            <SectorSwatch sector={s} />
            {sector(s)}
          </span>
        ))}
      </p>
      {kind === 'community' && (
        <div className="ana-spanners">
          {cluster.boundarySpannerCount === 0 ? (
            <p className="ana-muted">{t('clusters.noSpanners')}</p>
          ) : (
            <>
              <span className="ana-muted">{tp('clusters.spanners', cluster.boundarySpannerCount)} </span>
              <ul className="ana-inline-list">
                {spanners.map((s) => (
                  <li key={s.id}>
                    <OrganisationButton
                      id={s.id}
                      label={s.label}
                      onSelect={onSelectOrganisation}
                      title={tp('clusters.outsideTies', s.outsideTies)}
                    />
                    <span className="ana-muted"> ({fmt.int(s.outsideTies)})</span>
                  </li>
                ))}
              </ul>
              {cluster.boundarySpanners.length > SPANNERS_SHOWN && (
                <button type="button" className="ana-more" aria-expanded={allSpanners} onClick={() => setAllSpanners((x) => !x)}>
                  {allSpanners
                    ? t('common.showFewer')
                    : tp('clusters.moreSpanners', cluster.boundarySpanners.length - SPANNERS_SHOWN)}
                </button>
              )}
              {allSpanners && notListed > 0 && (
                <p className="ana-muted">{tp('clusters.notListed', notListed)}</p>
              )}
            </>
          )}
        </div>
      )}
    </li>
  );
}

/** Clusters (communities or components) lacking a target sector, with their boundary spanners. */
export function ClusterList({
  result,
  targets,
  onSelectCluster,
  onSelectOrganisation,
}: {
  result: AnalysisResult;
  targets: readonly Sector[];
  onSelectCluster(kind: ClusterKind, id: number): void;
  onSelectOrganisation(id: string): void;
}) {
  const { t, tp, fmt, sector } = useAnalysisText();
  const [kind, setKind] = useState<ClusterKind>('community');
  const [limit, setLimit] = useState(PAGE);
  const titleId = useId();
  const model = useMemo(
    () => lackingClusters(clustersOf(result, kind), targets, DEFAULT_MIN_CLUSTER_SIZE),
    [result, kind, targets],
  );
  const choose = (k: ClusterKind) => {
    setKind(k);
    setLimit(PAGE);
  };
  const shown = model.lacking.slice(0, limit);
  const nouns =
    kind === 'community'
      ? { one: t('clusters.nounCommunity_one'), plural: t('clusters.nounCommunity_other') }
      : { one: t('clusters.nounComponent_one'), plural: t('clusters.nounComponent_other') };
  const kindWord = (k: ClusterKind) => t(k === 'community' ? 'clusters.kindCommunity' : 'clusters.kindComponent');
  return (
    <section className="ana-section" aria-labelledby={titleId} data-testid="lacking-clusters">
      <h2 id={titleId}>{t('clusters.title')}</h2>
      <div className="ana-toggle" role="group" aria-label={t('clusters.kindLabel')} data-testid="cluster-kind-toggle">
        {(['community', 'component'] as const).map((k) => (
          <button
            key={k}
            type="button"
            aria-pressed={kind === k}
            onClick={() => choose(k)}
            data-testid={`cluster-kind-${k}`}
          >
            {kindWord(k)}
          </button>
        ))}
      </div>
      <p className="ana-intro">
        {t(kind === 'community' ? 'clusters.introCommunity' : 'clusters.introComponent', {
          targets: targets.map((s) => sector(s)).join(', '),
        })}
      </p>
      <MethodsLink section="clusters" />
      {kind === 'community' && (
        <p className="ana-muted" data-testid="modularity">
          {result.meta.louvain.resolution === 1
            ? t('clusters.modularity', { q: fmt.dec(result.meta.louvain.modularityAt1, 2) })
            : t('clusters.modularityAt', {
                q: fmt.dec(result.meta.louvain.modularity, 2),
                resolution: fmt.dec(result.meta.louvain.resolution, 2),
                q1: fmt.dec(result.meta.louvain.modularityAt1, 2),
              })}
        </p>
      )}
      <p className="ana-summary" data-testid="lacking-clusters-summary" aria-live="polite">
        {t('clusters.summary', {
          lacking: fmt.int(model.lacking.length),
          considered: fmt.int(model.considered),
          min: fmt.int(DEFAULT_MIN_CLUSTER_SIZE),
          clusters: nouns.plural,
        })}
        {kind === 'community' && model.uncertain > 0 && ` ${tp('clusters.summaryUncertain', model.uncertain)}`}
        {model.smallLacking > 0 &&
          ` ${tp('clusters.small', model.smallLacking, {
            organisations: fmt.int(model.smallLackingOrganisations),
            cluster: nouns.one,
            clusters: nouns.plural,
          })}`}
      </p>
      {model.lacking.length > 0 && (
        <ul className="ana-clusters" data-testid="lacking-clusters-list">
          {shown.map(({ cluster, lacks }) => (
            <ClusterItem
              key={`${kind}-${cluster.id}`}
              kind={kind}
              cluster={cluster}
              lacks={lacks}
              onSelectCluster={onSelectCluster}
              onSelectOrganisation={onSelectOrganisation}
            />
          ))}
        </ul>
      )}
      {model.lacking.length > limit && (
        <button type="button" className="ana-more" onClick={() => setLimit((l) => l + PAGE)} data-testid="clusters-more">
          {tp('clusters.showMore', Math.min(PAGE, model.lacking.length - limit), {
            cluster: nouns.one,
            clusters: nouns.plural,
          })}
        </button>
      )}
    </section>
  );
}

import { Fragment, useId, useMemo } from 'react';
import type { AnalysisResult, FocalView } from '../../analysis';
import { MIN_CLUSTER_SIZE } from '../../analysis/clusters';
import { useAnalysisText } from './messages';
import { presentSectors } from './mixingModel';
import { OrganisationButton, SectorSwatch } from './parts';

export interface FocalChoice {
  id: string;
  label: string;
}

/**
 * "Our municipality": one chosen organisation (the dataset may declare it; the user can choose
 * another), its distance to each sector, its chains to the nearest tech and care organisations,
 * and the clusters it reaches. Never "the municipality" for every public body.
 */
export function MunicipalityPosition({
  result,
  choices,
  focal,
  onChooseFocal,
  onSelectCluster,
  onSelectOrganisation,
}: {
  result: AnalysisResult;
  /** Organisations offered as "our municipality" (public bodies, municipalities first). */
  choices: readonly FocalChoice[];
  /** The chosen organisation's id, or null. */
  focal: string | null;
  onChooseFocal(id: string | null): void;
  onSelectCluster(kind: 'community', id: number): void;
  onSelectOrganisation(id: string): void;
}) {
  const { t } = useAnalysisText();
  const titleId = useId();
  const selectId = useId();
  const view = result.municipality;
  return (
    <section className="ana-section" aria-labelledby={titleId} data-testid="municipality-view">
      <h2 id={titleId}>{t('municipality.title')}</h2>
      <div className="ana-controls">
        <label htmlFor={selectId}>{t('municipality.choose')}</label>
        <select id={selectId} value={focal ?? ''} onChange={(e) => onChooseFocal(e.currentTarget.value || null)} data-testid="focal-select">
          <option value="">{t('municipality.chooseNone')}</option>
          {choices.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
        </select>
      </div>
      {view ? (
        <FocalDetails view={view} result={result} onSelectCluster={onSelectCluster} onSelectOrganisation={onSelectOrganisation} />
      ) : (
        <p className="ana-muted" data-testid="municipality-empty">
          {result.municipalityNote === 'not_visible' ? t('municipality.notVisible') : t('municipality.noneChosen')}
        </p>
      )}
    </section>
  );
}

function FocalDetails({
  view,
  result,
  onSelectCluster,
  onSelectOrganisation,
}: {
  view: FocalView;
  result: AnalysisResult;
  onSelectCluster(kind: 'community', id: number): void;
  onSelectOrganisation(id: string): void;
}) {
  const { t, tp, fmt, sector, sectorShort } = useAnalysisText();
  const tableId = useId();
  const sectors = useMemo(() => presentSectors(result), [result]);
  const size = useMemo(() => new Map(result.communities.map((c) => [c.id, c.size])), [result]);
  const nearest = view.clustersReached.slice(0, 12);
  return (
    <article className="ana-mun" data-testid={`municipality-org-${view.id}`}>
      <h3>
        <OrganisationButton id={view.id} label={view.label} onSelect={onSelectOrganisation} />
        <span className="ana-muted ana-h-note"> {tp('municipality.partners', view.degree)}</span>
      </h3>
      <p className="ana-caption" id={tableId}>
        {t('municipality.tableCaption')}
      </p>
      <div className="ana-scroll" role="region" aria-labelledby={tableId} tabIndex={0}>
        <table className="ana-table ana-distance" data-testid="municipality-distance-table" aria-labelledby={tableId}>
          <thead>
            <tr>
              {sectors.map((s) => (
                <th key={s} scope="col" className="ana-num" title={sector(s)}>
                  <span className="ana-colhead">
                    <SectorSwatch sector={s} />
                    <span aria-hidden="true">{sectorShort(s)}</span>
                    <span className="ana-sr">{sector(s)}</span>
                  </span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr data-testid={`municipality-row-${view.id}`}>
              {sectors.map((s) => {
                const d = view.sectorDistance.find((x) => x.sector === s)?.distance ?? null;
                return (
                  <td key={s} className={`ana-num ana-dist ana-dist-${d === null ? 'none' : Math.min(d, 4)}`} data-sector={s}>
                    {d === null ? (
                      <>
                        <span aria-hidden="true">–</span>
                        <span className="ana-sr">{t('municipality.unreachable')}</span>
                      </>
                    ) : (
                      fmt.int(d)
                    )}
                  </td>
                );
              })}
            </tr>
          </tbody>
        </table>
      </div>
      <p className="ana-footnote">{t('municipality.tableNote')}</p>
      <ul className="ana-chains">
        {(['tech', 'care'] as const).map((s) => {
          const chain = view.chains.find((c) => c.sector === s);
          return (
            <li key={s} data-testid={`municipality-chain-${view.id}-${s}`}>
              <span className="ana-chain-head">
                <SectorSwatch sector={s} />
                {chain ? tp('municipality.chainTo', chain.distance, { sector: sector(s) }) : t('municipality.noChain', { sector: sector(s) })}
              </span>
              {chain && (
                <span className="ana-chain">
                  {chain.chain.map((step, i) => (
                    <Fragment key={step.id}>
                      {i > 0 && (
                        <>
                          <span className="ana-arrow" aria-hidden="true">
                            {' → '}
                          </span>
                          <span className="ana-sr">{` ${t('municipality.then')} `}</span>
                        </>
                      )}
                      <OrganisationButton id={step.id} label={step.label} onSelect={onSelectOrganisation} title={sector(step.sector)} />
                    </Fragment>
                  ))}
                </span>
              )}
            </li>
          );
        })}
      </ul>
      <p className="ana-mun-clusters">
        {t('municipality.clusters', { reached: fmt.int(view.clustersReached.length), total: fmt.int(view.clustersTotal), min: MIN_CLUSTER_SIZE })}{' '}
        {nearest.length > 0 && <span className="ana-muted">{t('municipality.nearest')} </span>}
      </p>
      {nearest.length > 0 && (
        <ul className="ana-inline-list ana-cluster-chips">
          {nearest.map((c) => {
            const name = t('clusters.communityName', { id: c.community });
            const distance = c.distance === 0 ? t('municipality.own') : tp('common.steps', c.distance);
            return (
              <li key={c.community}>
                <button
                  type="button"
                  className="ana-chip"
                  onClick={() => onSelectCluster('community', c.community)}
                  aria-label={`${name} · ${distance}`}
                  title={t('municipality.clusterChipLabel', { name, size: fmt.int(size.get(c.community) ?? 0), steps: tp('common.steps', c.distance) })}
                >
                  {name} · {distance}
                </button>
              </li>
            );
          })}
          {view.clustersReached.length > nearest.length && <li className="ana-muted">{tp('municipality.moreClusters', view.clustersReached.length - nearest.length)}</li>}
        </ul>
      )}
    </article>
  );
}

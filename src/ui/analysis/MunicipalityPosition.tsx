import { Fragment, useId, useMemo, useState } from 'react';
import type { AnalysisResult, MunicipalityView } from '../../analysis';
import { useAnalysisText } from './messages';
import { presentSectors } from './mixingModel';
import { chainSectors, clusterDistances, municipalityRows } from './municipalityModel';
import { OrganisationButton, SectorSwatch } from './parts';

const TABLE_ROWS = 6;
const DETAILED = 3;

function MunicipalityDetails({
  view,
  result,
  onSelectCluster,
  onSelectOrganisation,
}: {
  view: MunicipalityView;
  result: AnalysisResult;
  onSelectCluster(kind: 'community', id: number): void;
  onSelectOrganisation(id: string): void;
}) {
  const { t, tp, fmt, sector } = useAnalysisText();
  const titleId = useId();
  const clusters = clusterDistances(view, result.communities);
  return (
    <article className="ana-mun" aria-labelledby={titleId} data-testid={`municipality-org-${view.id}`}>
      <h3 id={titleId}>
        <OrganisationButton id={view.id} label={view.label} onSelect={onSelectOrganisation} />
        <span className="ana-muted ana-h-note"> {tp('municipality.partners', view.degree)}</span>
      </h3>
      <ul className="ana-chains">
        {chainSectors(view).map((s) => {
          const chain = view.chains[s];
          return (
            <li key={s} data-testid={`municipality-chain-${view.id}-${s}`}>
              <span className="ana-chain-head">
                <SectorSwatch sector={s} />
                {chain
                  ? tp('municipality.chainTo', chain.distance, { sector: sector(s) })
                  : t('municipality.noChain', { sector: sector(s) })}
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
                      <OrganisationButton
                        id={step.id}
                        label={step.label}
                        onSelect={onSelectOrganisation}
                        title={sector(step.sector)}
                      />
                    </Fragment>
                  ))}
                </span>
              )}
            </li>
          );
        })}
      </ul>
      <p className="ana-mun-clusters">
        {t('municipality.clusters', {
          reached: fmt.int(clusters.reachable),
          total: fmt.int(clusters.total),
        })}{' '}
        {clusters.nearest.length > 0 && <span className="ana-muted">{t('municipality.nearest')} </span>}
      </p>
      {clusters.nearest.length > 0 && (
        <ul className="ana-inline-list ana-cluster-chips">
          {clusters.nearest.map((c) => {
            const name = t('clusters.communityName', { id: c.community });
            return (
              <li key={c.community}>
                <button
                  type="button"
                  className="ana-chip"
                  onClick={() => onSelectCluster('community', c.community)}
                  aria-label={t('municipality.clusterChipLabel', {
                    name,
                    size: fmt.int(c.size),
                    steps: tp('common.steps', c.distance),
                  })}
                >
                  {name} · {c.distance === 0 ? t('municipality.own') : tp('common.steps', c.distance)}
                </button>
              </li>
            );
          })}
          {clusters.more > 0 && <li className="ana-muted">{tp('municipality.moreClusters', clusters.more)}</li>}
        </ul>
      )}
    </article>
  );
}

/** The municipality's position: distance to every sector and cluster, chains to tech and care. */
export function MunicipalityPosition({
  result,
  onSelectCluster,
  onSelectOrganisation,
}: {
  result: AnalysisResult;
  onSelectCluster(kind: 'community', id: number): void;
  onSelectOrganisation(id: string): void;
}) {
  const { t, tp, fmt, sector, sectorShort } = useAnalysisText();
  const titleId = useId();
  const tableId = useId();
  const [allRows, setAllRows] = useState(false);
  const [allDetails, setAllDetails] = useState(false);
  const rows = useMemo(() => municipalityRows(result), [result]);
  const sectors = useMemo(() => presentSectors(result), [result]);
  const munSector = result.meta.options.municipalitySector;
  const tableRows = allRows ? rows : rows.slice(0, TABLE_ROWS);
  const detailed = allDetails ? rows : rows.slice(0, DETAILED);
  return (
    <section className="ana-section" aria-labelledby={titleId} data-testid="municipality-view">
      <h2 id={titleId}>{t('municipality.title')}</h2>
      {rows.length === 0 ? (
        <p className="ana-muted" data-testid="municipality-empty">
          {t('municipality.none', { sector: sector(munSector) })}
        </p>
      ) : (
        <>
          <p className="ana-intro">{tp('municipality.intro', rows.length, { sector: sector(munSector) })}</p>
          <p className="ana-caption" id={tableId}>
            {t('municipality.tableCaption')}
          </p>
          <div className="ana-scroll" role="region" aria-labelledby={tableId} tabIndex={0}>
            <table className="ana-table ana-distance" data-testid="municipality-distance-table" aria-labelledby={tableId}>
              <thead>
                <tr>
                  <th scope="col">{t('municipality.organisation')}</th>
                  {sectors.map((s) => (
                    <th key={s} scope="col" className="ana-num" title={sector(s)}>
                      <span className="ana-colhead">
                        <SectorSwatch sector={s} />
                        <span aria-hidden="true">{sectorShort(s)}</span>
                        <span className="ana-sr">{sector(s)}</span>
                      </span>
                    </th>
                  ))}
                  <th scope="col" className="ana-num">{t('municipality.clustersColumn')}</th>
                </tr>
              </thead>
              <tbody>
                {tableRows.map((v) => (
                  <tr key={v.id} data-testid={`municipality-row-${v.id}`}>
                    <th scope="row">
                      <OrganisationButton id={v.id} label={v.label} onSelect={onSelectOrganisation} />
                    </th>
                    {sectors.map((s) => {
                      const d = v.sectorDistance[s];
                      return (
                        <td
                          key={s}
                          className={`ana-num ana-dist ana-dist-${d === null || d === undefined ? 'none' : Math.min(d, 4)}`}
                        >
                          {d === null || d === undefined ? (
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
                    <td className="ana-num">
                      {t('reach.ofCount', {
                        x: fmt.int(v.communityDistance.length),
                        n: fmt.int(result.communities.length),
                      })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="ana-footnote">{t('municipality.tableNote')}</p>
          {rows.length > TABLE_ROWS && (
            <button
              type="button"
              className="ana-more"
              aria-expanded={allRows}
              onClick={() => setAllRows((x) => !x)}
              data-testid="municipality-rows-toggle"
            >
              {allRows ? t('common.showFewer') : tp('common.showAll', rows.length)}
            </button>
          )}
          <div className="ana-mun-list">
            {detailed.map((v) => (
              <MunicipalityDetails
                key={v.id}
                view={v}
                result={result}
                onSelectCluster={onSelectCluster}
                onSelectOrganisation={onSelectOrganisation}
              />
            ))}
          </div>
          {rows.length > DETAILED && (
            <button
              type="button"
              className="ana-more"
              aria-expanded={allDetails}
              onClick={() => setAllDetails((x) => !x)}
              data-testid="municipality-details-toggle"
            >
              {allDetails ? t('common.showFewer') : tp('municipality.showAllChains', rows.length)}
            </button>
          )}
        </>
      )}
    </section>
  );
}

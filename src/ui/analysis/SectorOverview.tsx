import { useId, useMemo } from 'react';
import type { AnalysisResult } from '../../analysis';
import type { Sector } from '../../data/sectors';
import './analysis.css';
import { useAnalysisText } from './messages';
import { presentSectors } from './mixingModel';
import {
  communityOverviewLayout,
  sectorOverviewLayout,
  type OverviewLayout,
  type OverviewMissing,
  type OverviewMode,
  type OverviewNode,
} from './overviewLayout';
import { SectorSwatch } from './parts';

export interface SectorOverviewProps {
  result: AnalysisResult;
  targets: Sector[];
  mode: OverviewMode;
  onModeChange(m: OverviewMode): void;
  onSelectCluster(kind: 'community', id: number): void;
}

export const MISSING_COLOUR = '#c00000';
const EDGE_COLOUR = '#7d8696';
const LINE_HEIGHT = 14;

/**
 * One node per sector (or per community) on a circle, area ∝ members, chord width by ties, and
 * the missing target-sector bridges as dashed red chords. With a summary for screen readers and a
 * table alternative that becomes visible when it receives keyboard focus.
 */
export function SectorOverview({ result, targets, mode, onModeChange, onSelectCluster }: SectorOverviewProps) {
  const { t, tp, fmt, sector, sectorShort } = useAnalysisText();
  const titleId = useId();
  const tableId = useId();
  const layout: OverviewLayout = useMemo(
    () => (mode === 'community' ? communityOverviewLayout(result, targets) : sectorOverviewLayout(result, targets)),
    [result, targets, mode],
  );
  const byKey = useMemo(() => new Map(layout.nodes.map((n) => [n.key, n])), [layout]);

  const nodeName = (n: OverviewNode) =>
    n.kind === 'sector'
      ? sector(n.key)
      : n.kind === 'community'
        ? t('clusters.communityName', { id: n.cluster ?? 0 })
        : tp('overview.rest', n.clusters);
  const nodeLines = (n: OverviewNode): string[] =>
    n.kind === 'sector'
      ? [sectorShort(n.key), fmt.int(n.count)]
      : n.kind === 'community'
        ? [fmt.int(n.cluster ?? 0)]
        : [t('overview.restShort')];
  const missingLabel = (m: OverviewMissing) =>
    m.ties === 0
      ? tp('overview.ties', 0)
      : t('overview.fewTies', { observed: fmt.int(m.ties), expected: m.expected === null ? '–' : fmt.dec(m.expected, 1) });
  const pairName = (from: string, to: string) =>
    `${nodeName(byKey.get(from)!)} – ${nodeName(byKey.get(to)!)}`;

  const summary = (() => {
    const head =
      layout.mode === 'sector'
        ? t('overview.summarySector', {
            sectors: fmt.int(layout.nodes.length),
            organisations: fmt.int(result.meta.organisations),
            ties: fmt.int(result.meta.ties),
          })
        : t('overview.summaryCommunity', {
            shown: fmt.int(layout.shownClusters),
            rest: fmt.int(layout.restClusters),
            organisations: fmt.int(result.meta.organisations),
          });
    const missing =
      layout.missing.length === 0
        ? t('overview.summaryNoMissing')
        : t('overview.summaryMissing', {
            list: layout.missing.map((m) => `${pairName(m.from, m.to)} (${missingLabel(m)})`).join('; '),
          });
    return `${head} ${missing}`;
  })();

  const absent = useMemo(() => {
    const present = new Set(presentSectors(result));
    return targets.filter((s) => !present.has(s));
  }, [result, targets]);

  const legendSectors = useMemo(() => {
    if (layout.mode === 'sector') return layout.nodes.map((n) => n.key);
    return [...new Set(layout.nodes.map((n) => n.sector).filter((s): s is string => s !== null))];
  }, [layout]);

  const textAnchor = (n: OverviewNode) => n.align;
  const firstDy = (n: OverviewNode, lines: number) =>
    n.vertical === 'above' ? -(lines - 1) * LINE_HEIGHT : n.vertical === 'below' ? LINE_HEIGHT * 0.75 : -((lines - 1) * LINE_HEIGHT) / 2 + 4;

  return (
    <section className="ana ana-overview" aria-labelledby={titleId} data-testid="sector-overview" data-mode={mode}>
      <div className="ana-overview-head">
        <h2 id={titleId}>{t(mode === 'sector' ? 'overview.titleSector' : 'overview.titleCommunity')}</h2>
        <div className="ana-toggle" role="group" aria-label={t('overview.modeLabel')}>
          {(['sector', 'community'] as const).map((m) => (
            <button
              key={m}
              type="button"
              aria-pressed={mode === m}
              onClick={() => onModeChange(m)}
              data-testid={`overview-mode-${m}`}
            >
              {t(m === 'sector' ? 'overview.modeSector' : 'overview.modeCommunity')}
            </button>
          ))}
        </div>
      </div>
      <div className="ana-overview-figure">
        <svg
          viewBox={`0 0 ${layout.width} ${layout.height}`}
          role="img"
          aria-label={summary}
          data-testid="overview-svg"
          className="ana-overview-svg"
        >
          <g className="ana-ov-edges">
            {layout.edges.map((e) => (
              <line
                key={e.key}
                x1={e.x1}
                y1={e.y1}
                x2={e.x2}
                y2={e.y2}
                stroke={EDGE_COLOUR}
                strokeOpacity={0.55}
                strokeWidth={e.width}
                strokeLinecap="round"
                data-testid="overview-edge"
                data-from={e.from}
                data-to={e.to}
                data-ties={e.ties}
              >
                <title>{`${pairName(e.from, e.to)}: ${tp('overview.ties', e.ties)}`}</title>
              </line>
            ))}
          </g>
          <g className="ana-ov-missing">
            {layout.missing.map((m) => (
              <line
                key={m.key}
                x1={m.x1}
                y1={m.y1}
                x2={m.x2}
                y2={m.y2}
                stroke={MISSING_COLOUR}
                strokeWidth={2.5}
                strokeDasharray="7 5"
                data-testid="overview-missing-edge"
                data-from={m.from}
                data-to={m.to}
                data-ties={m.ties}
              >
                <title>{`${pairName(m.from, m.to)}: ${missingLabel(m)}`}</title>
              </line>
            ))}
          </g>
          <g className="ana-ov-nodes">
            {layout.nodes.map((n) => {
              const clickable = n.kind === 'community' && n.cluster !== null;
              const lines = nodeLines(n);
              return (
                <g
                  key={n.key}
                  className={clickable ? 'ana-ov-node ana-ov-clickable' : 'ana-ov-node'}
                  data-testid="overview-node"
                  data-key={n.key}
                  data-count={n.count}
                  onClick={clickable ? () => onSelectCluster('community', n.cluster!) : undefined}
                >
                  <title>
                    {`${nodeName(n)}: ${tp('overview.organisations', n.count)}${
                      n.lacks.length > 0 ? `; ${t('clusters.lacks')} ${n.lacks.map((s) => sector(s)).join(', ')}` : ''
                    }`}
                  </title>
                  <circle
                    cx={n.x}
                    cy={n.y}
                    r={n.r}
                    fill={n.colour}
                    stroke={n.lacks.length > 0 ? MISSING_COLOUR : '#ffffff'}
                    strokeWidth={n.lacks.length > 0 ? 1.5 : 1.5}
                    strokeDasharray={n.lacks.length > 0 ? '3 2' : undefined}
                  />
                  <text
                    x={n.labelX}
                    y={n.labelY}
                    textAnchor={textAnchor(n)}
                    className={n.kind === 'sector' ? 'ana-ov-label' : 'ana-ov-label ana-ov-label-small'}
                  >
                    {lines.map((line, i) => (
                      <tspan
                        key={i}
                        x={n.labelX}
                        dy={i === 0 ? firstDy(n, lines.length) : LINE_HEIGHT}
                        className={i > 0 ? 'ana-ov-count' : undefined}
                      >
                        {line}
                      </tspan>
                    ))}
                  </text>
                </g>
              );
            })}
          </g>
          <g className="ana-ov-missing-labels">
            {layout.missing.map((m) => (
              <text
                key={m.key}
                x={m.labelX}
                y={m.labelY}
                textAnchor="middle"
                className="ana-ov-missing-label"
                data-testid="overview-missing-label"
              >
                {m.ties === 0 ? (
                  <tspan x={m.labelX} dy="0.35em">
                    {tp('overview.ties', 0)}
                  </tspan>
                ) : (
                  <>
                    <tspan x={m.labelX} dy="-0.25em">
                      {t('overview.fewTiesShort')}
                    </tspan>
                    <tspan x={m.labelX} dy="1.15em">
                      {`${fmt.int(m.ties)} / ${m.expected === null ? '–' : fmt.dec(m.expected, 1)}`}
                    </tspan>
                  </>
                )}
              </text>
            ))}
          </g>
        </svg>
      </div>

      <div className="ana-legend ana-ov-legend" data-testid="overview-legend">
        <ul className="ana-legend-sectors">
          {legendSectors.map((s) => (
            <li key={s}>
              <SectorSwatch sector={s} />
              {sector(s)}
            </li>
          ))}
          {layout.mode === 'community' && layout.restClusters > 0 && (
            <li>
              <SectorSwatch colour="#c3c8d0" />
              {t('overview.legendRest')}
            </li>
          )}
        </ul>
        <ul className="ana-legend-keys">
          <li>
            <svg width="28" height="10" aria-hidden="true">
              <line x1="1" y1="5" x2="27" y2="5" stroke={EDGE_COLOUR} strokeWidth="4" strokeLinecap="round" />
            </svg>
            {t('overview.legendEdge')}
          </li>
          <li>
            <svg width="28" height="10" aria-hidden="true">
              <line x1="1" y1="5" x2="27" y2="5" stroke={MISSING_COLOUR} strokeWidth="2.5" strokeDasharray="7 5" />
            </svg>
            {t(layout.mode === 'sector' ? 'overview.legendMissing' : 'overview.legendMissingCommunity')}
          </li>
          <li>
            <svg width="26" height="14" aria-hidden="true">
              <circle cx="5" cy="9" r="3" fill="#9aa3b0" />
              <circle cx="18" cy="7" r="6" fill="#9aa3b0" />
            </svg>
            {t(layout.mode === 'sector' ? 'overview.legendSize' : 'overview.legendSizeCommunity')}
          </li>
          {layout.mode === 'community' && (
            <li>
              <svg width="14" height="14" aria-hidden="true">
                <circle cx="7" cy="7" r="5.5" fill="#ffffff" stroke={MISSING_COLOUR} strokeWidth="1.5" strokeDasharray="3 2" />
              </svg>
              {t('overview.legendLacks')}
            </li>
          )}
        </ul>
        {absent.length > 0 && (
          <p className="ana-note">{t('overview.absent', { sectors: absent.map((s) => sector(s)).join(', ') })}</p>
        )}
      </div>

      <div className="ana-sr-focusable" data-testid="overview-table">
        <table className="ana-table">
          <caption id={tableId}>{t('overview.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t(layout.mode === 'sector' ? 'overview.colSector' : 'overview.colCluster')}</th>
              <th scope="col" className="ana-num">{t('overview.colOrganisations')}</th>
              <th scope="col" className="ana-num">{t('overview.colInternal')}</th>
              {layout.mode === 'community' && <th scope="col">{t('overview.colLacks')}</th>}
            </tr>
          </thead>
          <tbody>
            {layout.nodes.map((n) => (
              <tr key={n.key}>
                <th scope="row">
                  {n.kind === 'community' && n.cluster !== null ? (
                    <button type="button" className="ana-link" onClick={() => onSelectCluster('community', n.cluster!)}>
                      {nodeName(n)}
                    </button>
                  ) : (
                    nodeName(n)
                  )}
                </th>
                <td className="ana-num">{fmt.int(n.count)}</td>
                <td className="ana-num">{fmt.int(n.internalTies)}</td>
                {layout.mode === 'community' && <td>{n.lacks.map((s) => sector(s)).join(', ') || '–'}</td>}
              </tr>
            ))}
          </tbody>
        </table>
        <table className="ana-table">
          <caption>{t('overview.tableTiesCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('overview.colPair')}</th>
              <th scope="col" className="ana-num">{t('overview.colTies')}</th>
              <th scope="col">{t('overview.colNote')}</th>
            </tr>
          </thead>
          <tbody>
            {layout.missing.map((m) => (
              <tr key={m.key}>
                <th scope="row">{pairName(m.from, m.to)}</th>
                <td className="ana-num">{fmt.int(m.ties)}</td>
                <td>{`${t('overview.missingNote')}: ${missingLabel(m)}`}</td>
              </tr>
            ))}
            {layout.edges.map((e) => (
              <tr key={e.key}>
                <th scope="row">{pairName(e.from, e.to)}</th>
                <td className="ana-num">{fmt.int(e.ties)}</td>
                <td />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

import { useId, useMemo } from 'react';
import type { AnalysisResult } from '../../analysis';
import type { Sector } from '../../data/sectors';
import { divergingGradient, ratioPosition, RATIO_TICKS } from './colourScale';
import { useAnalysisText } from './messages';
import { sectorNoun } from '../../i18n/findings';
import { useTranslation } from 'react-i18next';
import { eiRows, heatmapModel, reachRows, targetPairStatus, type HeatCell, type ReachRow } from './mixingModel';
import { SectorSwatch } from './parts';
import { MethodsLink } from '../methods/Methods';

/**
 * The target-sector pairs against the two-mode null model ("3 banden; bij toeval 11–29"); the
 * sector × sector grid of observed vs expected ties, coloured by observed/expected on a log scale;
 * the E–I index per sector with the same null; the reach between target sectors.
 */
export function MixingHeatmap({ result, targets }: { result: AnalysisResult; targets: readonly Sector[] }) {
  const { t, tp, fmt, lang, sector, sectorShort } = useAnalysisText();
  const { t: words } = useTranslation();
  const model = useMemo(() => heatmapModel(result, targets), [result, targets]);
  const ei = useMemo(() => eiRows(result), [result]);
  const reach = useMemo(() => reachRows(result, targets), [result, targets]);
  const titleId = useId();
  const captionId = useId();
  const eiId = useId();
  const reachId = useId();
  const reachSentence = (r: ReachRow) => {
    const from = `${fmt.int(r.size)} ${sectorNoun(words, r.from, r.size)}`;
    const noun = sectorNoun(words, r.to, 1);
    const to = `${lang === 'nl' ? 'een' : /^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;
    const parts = [
      tp('reach.direct', r.within1, { from, to }),
      tp('reach.two', r.within2),
      r.meanDistance === null ? t('reach.noMean') : t('reach.mean', { mean: fmt.fixed(r.meanDistance, 1) }),
    ];
    if (r.unreachable > 0) parts.push(tp('reach.unreachable', r.unreachable));
    return `${parts.join('; ')}.`;
  };
  const hasMissing = model.cells.some((row) => row.some((c) => c.missing));
  const twoMode = result.mixing.twoMode;
  const pairs = useMemo(() => targetPairStatus(result), [result]);
  const eiNull = new Map(twoMode?.ei.map((e) => [e.sector, e]));
  // Percentiles of tie counts, shown as whole ties.
  const interval = (low: number, high: number) => {
    const [a, b] = [Math.round(low), Math.round(high)];
    return a === b ? fmt.int(a) : `${fmt.int(a)}–${fmt.int(b)}`;
  };

  const expectedText = (x: number) => fmt.dec(x, x < 1 ? 2 : 1);
  const cellText = (c: HeatCell) => {
    const parts = [
      c.row === c.col
        ? tp('mixing.cellTiesWithin', c.observed, { a: sector(c.row) })
        : tp('mixing.cellTies', c.observed, { a: sector(c.row), b: sector(c.col) }),
      c.expected && c.low !== null && c.high !== null
        ? t('mixing.cellChance', { interval: interval(c.low, c.high), expected: expectedText(c.expected) })
        : c.expected
          ? t('mixing.cellExpected', { expected: expectedText(c.expected) })
          : t('mixing.cellNoExpected'),
    ];
    if (c.expected && c.ratio !== null) parts.push(t('mixing.cellRatio', { ratio: fmt.dec(c.ratio, 2) }));
    if (c.beyond) parts.push(t(`mixing.beyond.${c.beyond}`));
    if (c.model === 'twoMode' && c.expectedConfiguration)
      parts.push(t('mixing.cellConfiguration', { expected: expectedText(c.expectedConfiguration), ratio: fmt.dec(c.ratioConfiguration ?? 0, 2) }));
    if (c.missing) parts.push(t('mixing.cellMissing'));
    return parts.join('; ');
  };

  return (
    <section className="ana-section" aria-labelledby={titleId} data-testid="mixing-heatmap">
      <h2 id={titleId}>{t('mixing.title')}</h2>
      {pairs.length > 0 && (
        <ul className="ana-pairs" data-testid="target-pairs">
          {pairs.map((p) => (
            <li key={`${p.a}-${p.b}`} className={p.missing ? 'ana-pair-missing' : undefined} data-testid={`target-pair-${p.a}-${p.b}`} data-missing={p.missing ? 'true' : 'false'}>
              <span className="ana-pair-name">
                <SectorSwatch sector={p.a} />
                {sector(p.a)} – <SectorSwatch sector={p.b} />
                {sector(p.b)}:
              </span>{' '}
              {p.reason === 'sector_absent'
                ? t('mixing.pairAbsent')
                : p.low !== null && p.high !== null
                  ? tp('mixing.pairChance', p.ties, { interval: interval(p.low, p.high) })
                  : tp('mixing.pairTies', p.ties)}
              {p.reason !== 'sector_absent' && (
                <>
                  {': '}
                  <strong>
                    {p.missing
                      ? t('mixing.verdictMissing')
                      : p.high !== null && p.ties > p.high
                        ? t('mixing.verdictAbove')
                        : p.low !== null
                          ? t('mixing.verdictWithin')
                          : t('mixing.verdictPresent')}
                  </strong>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <p className="ana-caption" id={captionId}>
        <MethodsLink section="mixing" />{' '}
        {twoMode ? tp('mixing.captionTwoMode', twoMode.draws) : t('mixing.caption')}
        {twoMode?.reduced && ` ${t('mixing.reducedDraws', { draws: fmt.int(twoMode.draws), requested: fmt.int(twoMode.requestedDraws) })}`}
      </p>
      <div className="ana-scroll" role="region" aria-label={t('mixing.tableTitle')} tabIndex={0}>
        <table className="ana-heatmap" data-testid="mixing-table" aria-describedby={captionId}>
          <caption className="ana-sr">{t('mixing.tableTitle')}</caption>
          <thead>
            <tr>
              <td className="ana-corner" />
              {model.sectors.map((s) => (
                <th key={s} scope="col" title={sector(s)}>
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
            {model.cells.map((row, i) => (
              <tr key={model.sectors[i]}>
                <th scope="row" title={sector(model.sectors[i]!)}>
                  <SectorSwatch sector={model.sectors[i]} />
                  <span aria-hidden="true">{sectorShort(model.sectors[i]!)}</span>
                  <span className="ana-sr">{sector(model.sectors[i]!)}</span>
                </th>
                {row.map((c) => (
                  <td
                    key={c.col}
                    className={`ana-cell${c.missing ? ' ana-cell-missing' : ''}${c.row === c.col ? ' ana-cell-diag' : ''}${c.beyond ? ' ana-cell-beyond' : ''}`}
                    style={{ backgroundColor: c.background, color: c.text }}
                    title={cellText(c)}
                    data-testid={`mixing-cell-${c.row}-${c.col}`}
                    data-missing={c.missing ? 'true' : undefined}
                    data-beyond={c.beyond ?? undefined}
                    data-ratio={c.ratio === null ? undefined : c.ratio.toFixed(4)}
                    data-position={ratioPosition(c.expected ? c.ratio : null)?.toFixed(3)}
                  >
                    <span aria-hidden="true" className="ana-cell-value">
                      <span className="ana-cell-obs">{fmt.int(c.observed)}</span>
                      <span className="ana-cell-exp">
                        {' / '}
                        {c.expected ? expectedText(c.expected) : '–'}
                      </span>
                    </span>
                    {c.missing && (
                      <span aria-hidden="true" className="ana-missing-tag">
                        {t('mixing.missingTag')}
                      </span>
                    )}
                    <span className="ana-sr">{cellText(c)}</span>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <div className="ana-legend" data-testid="mixing-legend">
        <div className="ana-ramp-wrap">
          <span className="ana-legend-title">{t('mixing.legendTitle')}</span>
          <div className="ana-ramp" style={{ background: divergingGradient() }} aria-hidden="true" />
          <div className="ana-ramp-ticks" aria-hidden="true">
            {RATIO_TICKS.map((r) => (
              <span key={r} style={{ left: `${(((ratioPosition(r) ?? 0) + 1) / 2) * 100}%` }}>
                {fmt.dec(r, 2)}×
              </span>
            ))}
          </div>
          <div className="ana-ramp-ends">
            <span>{t('mixing.legendFewer')}</span>
            <span>{t('mixing.legendMore')}</span>
          </div>
        </div>
        <p className="ana-legend-item">
          <span className="ana-missing-swatch" aria-hidden="true" />
          {twoMode ? t('mixing.legendMissingTwoMode') : t('mixing.legendMissing', { ratio: fmt.dec(result.meta.missingBridgeRatio, 2) })}
        </p>
        {twoMode && (
          <p className="ana-legend-item">
            <span className="ana-beyond-swatch" aria-hidden="true" />
            {t('mixing.legendBeyond')}
          </p>
        )}
        {!hasMissing && <p className="ana-note">{t('mixing.noneMissing')}</p>}
      </div>

      <h3 id={eiId}>{t('ei.title')}</h3>
      <div className="ana-scroll" role="region" aria-labelledby={eiId} tabIndex={0}>
        <table className="ana-table" data-testid="ei-table">
          <thead>
            <tr>
              <th scope="col">{t('ei.sector')}</th>
              <th scope="col" className="ana-num">{t('ei.external')}</th>
              <th scope="col" className="ana-num">{t('ei.internal')}</th>
              <th scope="col" className="ana-num">
                {t('ei.index')}
                <sup aria-hidden="true">*</sup>
              </th>
              {twoMode && (
                <th scope="col" className="ana-num">
                  {t('ei.chance')}
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {ei.rows.map((r) => (
              <tr key={r.sector} data-testid={`ei-row-${r.sector}`}>
                <th scope="row">
                  <SectorSwatch sector={r.sector} />
                  {sector(r.sector)}
                </th>
                <td className="ana-num">{fmt.int(r.E)}</td>
                <td className="ana-num">{fmt.int(r.I)}</td>
                <td className="ana-num">
                  <span className="ana-eibar" aria-hidden="true">
                    {r.EI !== null && (
                      <span
                        className={r.EI >= 0 ? 'ana-eibar-pos' : 'ana-eibar-neg'}
                        style={{
                          left: `${50 + Math.min(0, r.EI) * 50}%`,
                          width: `${Math.abs(r.EI) * 50}%`,
                        }}
                      />
                    )}
                  </span>
                  {fmt.orDash(r.EI, (x) => fmt.signed(x, 2))}
                </td>
                {twoMode && (
                  <td className="ana-num" data-testid={`ei-chance-${r.sector}`}>
                    {(() => {
                      const n = eiNull.get(r.sector);
                      if (!n || n.low === null || n.high === null) return '–';
                      const range = `${fmt.signed(n.low, 2)} … ${fmt.signed(n.high, 2)}`;
                      // The null's E–I is in the group_edge_count convention: compare like with like.
                      const observed = n.observed.EI;
                      if (observed === null || (observed >= n.low && observed <= n.high)) return range;
                      return (
                        <strong className="ana-outside" title={t(observed < n.low ? 'ei.belowChance' : 'ei.aboveChance')}>
                          {range} · {t(observed < n.low ? 'ei.belowShort' : 'ei.aboveShort')}
                        </strong>
                      );
                    })()}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
          {ei.global !== null && (
            <tfoot>
              <tr>
                <th scope="row" colSpan={3}>
                  {t('ei.global')}
                </th>
                <td className="ana-num">{fmt.signed(ei.global, 2)}</td>
                {twoMode && <td />}
              </tr>
            </tfoot>
          )}
        </table>
      </div>
      <p className="ana-footnote" data-testid="ei-convention">
        <span aria-hidden="true">* </span>
        {ei.convention === 'group_edge_count'
          ? t('ei.conventionEdgeCount')
          : ei.convention === 'group_member_ties'
            ? t('ei.conventionMemberTies')
            : `${ei.convention}: ${result.meta.eiConventionDefinition}`}
        {twoMode && ` ${t('ei.chanceNote')}`}
      </p>

      {reach.length > 0 && (
        <>
          <h3 id={reachId}>{t('reach.title')}</h3>
          <p className="ana-intro">{t('reach.intro')}</p>
          <ul className="ana-sentences" data-testid="reach-list">
            {reach.map((r) => (
              <li key={`${r.from}-${r.to}`} data-testid={`reach-row-${r.from}-${r.to}`}>
                {reachSentence(r)}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/**
 * The bridge tracker as a chart: ties between each pair of target sectors per year, one line per
 * pair (each with its own colour, dash and marker, so no pair is told apart by colour alone), and
 * the same numbers as a table for screen readers and for reading exact values.
 */
import { useId, useMemo, useState } from 'react';
import type { BridgeTracker } from '../../analysis/bridgeTracker';
import { useChangeText } from './text';

const STYLES = [
  { colour: '#1d2330', dash: undefined, marker: 'circle' },
  { colour: '#0b5cad', dash: '7 4', marker: 'square' },
  { colour: '#b2182b', dash: '2 3', marker: 'triangle' },
  { colour: '#5e3c99', dash: '10 3 2 3', marker: 'diamond' },
  { colour: '#1b7837', dash: '4 2', marker: 'circle' },
  { colour: '#8c510a', dash: '1 2', marker: 'square' },
] as const;

const W = 480;
const H = 230;
const PAD = { left: 40, right: 24, top: 14, bottom: 30 };

function Marker({ kind, x, y, colour }: { kind: string; x: number; y: number; colour: string }) {
  const r = 4;
  if (kind === 'square') return <rect x={x - r} y={y - r} width={2 * r} height={2 * r} fill={colour} />;
  if (kind === 'triangle') return <polygon points={`${x},${y - r - 1} ${x + r + 1},${y + r} ${x - r - 1},${y + r}`} fill={colour} />;
  if (kind === 'diamond') return <polygon points={`${x},${y - r - 1} ${x + r + 1},${y} ${x},${y + r + 1} ${x - r - 1},${y}`} fill={colour} />;
  return <circle cx={x} cy={y} r={r} fill={colour} />;
}

export function TrackerChart({ tracker, testId = 'tracker' }: { tracker: BridgeTracker; testId?: string }) {
  const { t, tp, fmt, sector } = useChangeText();
  const titleId = useId();
  const descId = useId();
  const [table, setTable] = useState(false);
  const years = useMemo(() => {
    if (tracker.firstYear === null || tracker.lastYear === null) return [];
    return Array.from({ length: tracker.lastYear - tracker.firstYear + 1 }, (_v, i) => tracker.firstYear! + i);
  }, [tracker]);
  const series = useMemo(
    () =>
      tracker.pairs.map((p, k) => ({
        pair: p,
        style: STYLES[k % STYLES.length]!,
        values: years.map((y) => tracker.rows.find((r) => r.a === p.a && r.b === p.b && r.year === y)?.ties ?? 0),
      })),
    [tracker, years],
  );
  const max = series.reduce((m, s) => s.values.reduce((a, v) => Math.max(a, v), m), 1);
  const step = max <= 5 ? 1 : max <= 10 ? 2 : max <= 25 ? 5 : Math.ceil(max / 5 / 10) * 10;
  const top = Math.ceil(max / step) * step;
  const x = (i: number) => PAD.left + (years.length <= 1 ? (W - PAD.left - PAD.right) / 2 : (i * (W - PAD.left - PAD.right)) / (years.length - 1));
  const y = (v: number) => H - PAD.bottom - (v / top) * (H - PAD.top - PAD.bottom);
  const pairName = (p: { a: string; b: string }) => `${sector(p.a)} – ${sector(p.b)}`;
  const summary = series.map((s) => `${pairName(s.pair)}: ${s.values.map((v, i) => `${years[i]} ${fmt.int(v)}`).join(', ')}`).join('; ');
  // Every year is labelled when there is room, else every other or fifth.
  const every = years.length <= 12 ? 1 : years.length <= 24 ? 2 : 5;

  return (
    <section className="change-section change-tracker" aria-labelledby={titleId} data-testid={testId}>
      <h3 id={titleId}>{t('tracker.title')}</h3>
      <p className="change-caption" id={descId}>
        {t('tracker.caption')}
      </p>
      {years.length === 0 ? (
        <p className="change-muted" data-testid={`${testId}-empty`}>
          {t('tracker.noYears')}
        </p>
      ) : (
        <>
          <svg className="tracker-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={titleId} aria-describedby={descId} data-testid={`${testId}-chart`}>
            <desc>{summary}</desc>
            {Array.from({ length: top / step + 1 }, (_v, k) => k * step).map((v) => (
              <g key={v}>
                <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} className="tracker-grid" />
                <text x={PAD.left - 6} y={y(v) + 4} textAnchor="end" className="tracker-tick">
                  {fmt.int(v)}
                </text>
              </g>
            ))}
            {years.map((yr, i) =>
              i % every === 0 || i === years.length - 1 ? (
                <text key={yr} x={x(i)} y={H - 10} textAnchor="middle" className="tracker-tick">
                  {yr}
                </text>
              ) : null,
            )}
            {series.map((s) => (
              <g key={`${s.pair.a}-${s.pair.b}`} data-testid={`${testId}-series`} data-pair={`${s.pair.a}-${s.pair.b}`}>
                <polyline points={s.values.map((v, i) => `${x(i)},${y(v)}`).join(' ')} fill="none" stroke={s.style.colour} strokeWidth={2.2} strokeDasharray={s.style.dash} />
                {s.values.map((v, i) => (
                  <g key={i} data-testid={`${testId}-point`} data-year={years[i]} data-ties={v}>
                    <Marker kind={s.style.marker} x={x(i)} y={y(v)} colour={s.style.colour} />
                    <title>{t('tracker.point', { pair: pairName(s.pair), year: years[i]!, ties: fmt.int(v) })}</title>
                  </g>
                ))}
              </g>
            ))}
          </svg>
          <ul className="tracker-legend">
            {series.map((s) => (
              <li key={`${s.pair.a}-${s.pair.b}`}>
                <svg width="34" height="12" viewBox="0 0 34 12" aria-hidden="true">
                  <line x1="1" y1="6" x2="33" y2="6" stroke={s.style.colour} strokeWidth={2.2} strokeDasharray={s.style.dash} />
                  <Marker kind={s.style.marker} x={17} y={6} colour={s.style.colour} />
                </svg>
                <span>
                  {pairName(s.pair)}: {tp('tracker.total', s.pair.ties)}
                  {s.pair.undatedOnly > 0 && <span className="change-muted"> · {tp('tracker.undated', s.pair.undatedOnly)}</span>}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {years.length > 0 && (
        <button type="button" className="change-more" aria-expanded={table} onClick={() => setTable((v) => !v)} data-testid={`${testId}-toggle-table`}>
          {table ? t('tracker.hideTable') : t('tracker.showTable')}
        </button>
      )}
      {table && years.length > 0 && (
        <div className="change-scroll">
          <table className="change-table" data-testid={`${testId}-table`}>
            <caption className="visually-hidden">{t('tracker.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('tracker.year')}</th>
                {series.map((s) => (
                  <th key={`${s.pair.a}-${s.pair.b}`} scope="col" className="num">
                    {pairName(s.pair)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {years.map((yr, i) => (
                <tr key={yr}>
                  <th scope="row">{yr}</th>
                  {series.map((s) => (
                    <td key={`${s.pair.a}-${s.pair.b}`} className="num">
                      {fmt.int(s.values[i]!)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/**
 * The deltas of a comparison, before → after, shared by the change view (two views) and what if
 * (without and with the scenario): size, ties between the target sectors with chance's range, the
 * focal organisation's distances, clusters lacking a target sector, the conveners, and the ties
 * and organisations that came and went. Presentational; every number is a data attribute too, so
 * scripts and tests read what the screen says.
 */
import { useId, useMemo, useState, type ReactNode } from 'react';
import type { Comparison, TargetPairSummary, TieChange, ViewSummary } from '../../analysis/compare';
import type { NamedParty } from '../../change/document';
import { MIN_CLUSTER_SIZE } from '../../analysis/clusters';
import { SectorSwatch } from '../analysis/parts';
import { useChangeText } from './text';

export interface ComparisonSectionsProps {
  comparison: Comparison;
  nameOf(id: string): NamedParty | undefined;
  /** Test id prefix: `change` or `whatif`. */
  prefix: string;
  /** What-if: hypothetical ties and organisations carry a mark. */
  marked: boolean;
}

const SHOWN = 10;
const SIZE_ITEMS = ['organisations', 'activities', 'ties', 'components', 'isolates'] as const;

export function ComparisonSections({ comparison, nameOf, prefix, marked }: ComparisonSectionsProps) {
  return (
    <div className="change-sections">
      <PairsTable comparison={comparison} prefix={prefix} />
      <SizeTable comparison={comparison} prefix={prefix} />
      <FocalTable before={comparison.before} after={comparison.after} prefix={prefix} nameOf={nameOf} />
      <Clusters comparison={comparison} prefix={prefix} />
      <Conveners comparison={comparison} prefix={prefix} />
      <TieList title="ties.formed" ties={comparison.tiesFormed} comparison={comparison} nameOf={nameOf} testId={`${prefix}-ties-formed`} marked={marked} />
      {comparison.tiesLost.length > 0 && <TieList title="ties.lost" ties={comparison.tiesLost} comparison={comparison} nameOf={nameOf} testId={`${prefix}-ties-lost`} marked={marked} />}
      <OrganisationList title="orgs.entered" ids={comparison.organisationsEntered} nameOf={nameOf} testId={`${prefix}-entered`} marked={marked} />
      {comparison.organisationsLeft.length > 0 && <OrganisationList title="orgs.left" ids={comparison.organisationsLeft} nameOf={nameOf} testId={`${prefix}-left`} marked={marked} />}
    </div>
  );
}

/** "12 → 15" with a delta, or "12" when unchanged, read out as "from 12 to 15". */
function Delta({ before, after, format }: { before: number | null; after: number | null; format?: (x: number) => string }) {
  const { t, fmt } = useChangeText();
  const f = format ?? fmt.int;
  const show = (x: number | null) => (x === null ? '–' : f(x));
  const diff = before !== null && after !== null ? after - before : null;
  return (
    <span className="change-delta">
      <span className="visually-hidden">{t('delta.sr', { before: show(before), after: show(after) })}</span>
      <span aria-hidden="true">
        {show(before)} → <strong>{show(after)}</strong>
        {diff !== null && diff !== 0 && <span className={`change-diff ${diff > 0 ? 'up' : 'down'}`}> ({fmt.signed(diff, 0)})</span>}
      </span>
    </span>
  );
}

function Section({ title, testId, children, caption, wide }: { title: string; testId: string; children: ReactNode; caption?: string; wide?: boolean }) {
  const id = useId();
  return (
    <section className={`change-section${wide ? ' wide' : ''}`} aria-labelledby={id} data-testid={testId}>
      <h3 id={id}>{title}</h3>
      {caption && <p className="change-caption">{caption}</p>}
      {children}
    </section>
  );
}

function SizeTable({ comparison, prefix }: { comparison: Comparison; prefix: string }) {
  const { t } = useChangeText();
  const { before: b, after: a } = comparison;
  return (
    <Section title={t('size.title')} testId={`${prefix}-size`}>
      <table className="change-table">
        <thead>
          <tr>
            <th scope="col">{t('table.measure')}</th>
            <th scope="col" className="num">
              {t('table.beforeAfter')}
            </th>
          </tr>
        </thead>
        <tbody>
          {SIZE_ITEMS.map((item) => (
            <tr key={item} data-testid={`${prefix}-size-${item}`} data-before={b[item]} data-after={a[item]}>
              <th scope="row">{t(`size.${item}`)}</th>
              <td className="num">
                <Delta before={b[item]} after={a[item]} />
              </td>
            </tr>
          ))}
          {a.hypotheticalTies && (
            <tr data-testid={`${prefix}-size-hypothetical`} data-after={a.hypotheticalTies.only}>
              <th scope="row">
                {t('size.hypotheticalTies')} <HypotheticalMark />
              </th>
              <td className="num">
                <Delta before={b.hypotheticalTies?.only ?? 0} after={a.hypotheticalTies.only} />
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </Section>
  );
}

export function HypotheticalMark() {
  const { t } = useChangeText();
  return (
    <span className="change-hyp" data-testid="hypothetical-mark">
      {t('hypothetical.badge')}
    </span>
  );
}

function PairsTable({ comparison, prefix }: { comparison: Comparison; prefix: string }) {
  const { t, fmt, sector } = useChangeText();
  const { before: b, after: a } = comparison;
  const interval = (p: TargetPairSummary | undefined) => (p?.interval ? `${fmt.dec(p.interval.low, 1)}–${fmt.dec(p.interval.high, 1)}` : '–');
  const state = (p: TargetPairSummary | undefined) => (p ? t(p.missing ? 'state.missing' : 'state.bridged') : '–');
  return (
    <Section title={t('pairs.title')} testId={`${prefix}-pairs`} caption={t('pairs.caption')} wide>
      <div className="change-scroll">
        <table className="change-table">
          <thead>
            <tr>
              <th scope="col">{t('pairs.pair')}</th>
              <th scope="col" className="num">
                {t('pairs.ties')}
              </th>
              <th scope="col" className="num">
                {t('pairs.chance')}
              </th>
              <th scope="col">{t('pairs.state')}</th>
            </tr>
          </thead>
          <tbody>
            {b.targetPairs.map((p) => {
              const q = a.targetPairs.find((x) => x.a === p.a && x.b === p.b);
              return (
                <tr
                  key={`${p.a}-${p.b}`}
                  data-testid={`${prefix}-pair-${p.a}-${p.b}`}
                  data-before={p.ties}
                  data-after={q?.ties ?? 0}
                  data-missing-before={String(p.missing)}
                  data-missing-after={String(q?.missing ?? false)}
                  className={q?.missing ? 'is-missing' : undefined}
                >
                  <th scope="row">
                    <SectorSwatch sector={p.a} />
                    {sector(p.a)} – <SectorSwatch sector={p.b} />
                    {sector(p.b)}
                  </th>
                  <td className="num">
                    <Delta before={p.ties} after={q?.ties ?? 0} />
                  </td>
                  <td className="num">
                    {interval(p)} → {interval(q)}
                  </td>
                  <td>
                    {state(p)} → <strong>{state(q)}</strong>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </Section>
  );
}

function FocalTable({ before: b, after: a, prefix, nameOf }: { before: ViewSummary; after: ViewSummary; prefix: string; nameOf(id: string): NamedParty | undefined }) {
  const { t, fmt, sector } = useChangeText();
  const focal = a.focal ?? b.focal;
  if (!focal) {
    const note = a.focalNote ?? b.focalNote;
    return (
      <Section title={t('focal.titleNone')} testId={`${prefix}-focal`}>
        <p className="change-muted">{t(note === 'not_visible' ? 'focal.notVisible' : 'focal.none')}</p>
      </Section>
    );
  }
  const distance = (side: ViewSummary, s: string) => side.focal?.distances.find((d) => d.sector === s)?.distance ?? null;
  const show = (d: number | null) => (d === null ? t('focal.unreachable') : fmt.int(d));
  const name = focal.label || nameOf(focal.id)?.name || focal.id;
  return (
    <Section title={t('focal.title', { name })} testId={`${prefix}-focal`} caption={t('focal.caption')}>
      {(!a.focal || !b.focal) && <p className="change-note">{t(b.focal ? 'focal.onlyBefore' : 'focal.onlyAfter', { name })}</p>}
      <div className="change-scroll">
        <table className="change-table">
          <thead>
            <tr>
              <th scope="col">{t('focal.sector')}</th>
              <th scope="col" className="num">
                {t('table.before')}
              </th>
              <th scope="col" className="num">
                {t('table.after')}
              </th>
            </tr>
          </thead>
          <tbody>
            {focal.distances.map(({ sector: s }) => {
              const x = distance(b, s);
              const y = distance(a, s);
              const changed = x !== y;
              return (
                <tr key={s} data-testid={`${prefix}-focal-${s}`} data-before={x ?? ''} data-after={y ?? ''} className={changed ? 'is-changed' : undefined}>
                  <th scope="row">
                    <SectorSwatch sector={s} />
                    {sector(s)}
                  </th>
                  <td className="num">{show(x)}</td>
                  <td className="num">{changed ? <strong>{show(y)}</strong> : show(y)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p data-testid={`${prefix}-focal-clusters`} data-before={b.focal?.clustersReached ?? ''} data-after={a.focal?.clustersReached ?? ''}>
        {t('focal.clusters', { min: MIN_CLUSTER_SIZE })} <Delta before={b.focal?.clustersReached ?? null} after={a.focal?.clustersReached ?? null} />
        {a.focal?.clustersAsBefore && <span className="change-muted"> {t('focal.clustersAsBefore')}</span>}
      </p>
    </Section>
  );
}

function Clusters({ comparison, prefix }: { comparison: Comparison; prefix: string }) {
  const { t, tp, sectorName } = useChangeText();
  const { before: b, after: a } = comparison;
  const stable = (s: ViewSummary) => s.clustersLacking.filter((c) => c.stable).length;
  const [all, setAll] = useState(false);
  const shown = all ? a.clustersLacking : a.clustersLacking.slice(0, 6);
  return (
    <Section title={t('clusters.title')} testId={`${prefix}-clusters`} caption={t('clusters.caption')}>
      <p data-testid={`${prefix}-clusters-count`} data-before={b.clustersLacking.length} data-after={a.clustersLacking.length}>
        {t('clusters.count')} <Delta before={b.clustersLacking.length} after={a.clustersLacking.length} />
        {'; '}
        {t('clusters.stable')} <Delta before={stable(b)} after={stable(a)} />
      </p>
      {shown.length > 0 && (
        <ul className="change-list">
          {shown.map((c) => (
            <li key={c.id}>
              {tp('clusters.item', c.size, { id: c.id, sectors: c.lacks.map(sectorName).join(', ') })}
              {!c.stable && <span className="change-muted"> · {t('clusters.uncertain')}</span>}
            </li>
          ))}
        </ul>
      )}
      {a.clustersLacking.length > 6 && (
        <button type="button" className="change-more" aria-expanded={all} onClick={() => setAll((x) => !x)} data-testid={`${prefix}-clusters-more`}>
          {all ? t('list.fewer') : tp('list.all', a.clustersLacking.length)}
        </button>
      )}
    </Section>
  );
}

function Conveners({ comparison, prefix }: { comparison: Comparison; prefix: string }) {
  const { t, fmt } = useChangeText();
  const { before: b, after: a } = comparison;
  const rows = Math.max(b.conveners.picks.length, a.conveners.picks.length);
  return (
    <Section title={t('conveners.title')} testId={`${prefix}-conveners`}>
      <p data-testid={`${prefix}-conveners-reach`} data-before={b.conveners.reachedTotal} data-after={a.conveners.reachedTotal}>
        {t('conveners.reach', {
          before: fmt.int(b.conveners.reachedTotal),
          totalBefore: fmt.int(b.conveners.targetTotal),
          after: fmt.int(a.conveners.reachedTotal),
          totalAfter: fmt.int(a.conveners.targetTotal),
        })}
      </p>
      {rows > 0 && (
        <div className="change-scroll">
          <table className="change-table">
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t('conveners.rank')}
                </th>
                <th scope="col">{t('table.before')}</th>
                <th scope="col">{t('table.after')}</th>
              </tr>
            </thead>
            <tbody>
              {Array.from({ length: rows }, (_v, r) => {
                const x = b.conveners.picks[r];
                const y = a.conveners.picks[r];
                return (
                  <tr key={r} data-testid={`${prefix}-convener-${r + 1}`} className={x?.id !== y?.id ? 'is-changed' : undefined}>
                    <td className="num">{r + 1}</td>
                    <td>{x?.label ?? '–'}</td>
                    <td>{x?.id !== y?.id ? <strong>{y?.label ?? '–'}</strong> : (y?.label ?? '–')}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}

function TieList({
  title,
  ties,
  comparison,
  nameOf,
  testId,
  marked,
}: {
  title: string;
  ties: readonly TieChange[];
  comparison: Comparison;
  nameOf(id: string): NamedParty | undefined;
  testId: string;
  marked: boolean;
}) {
  const { t, tp, sector } = useChangeText();
  const [all, setAll] = useState(false);
  const ordered = useMemo(() => {
    const targets = new Set(comparison.before.targetPairs.flatMap((p) => [p.a, p.b]));
    const bridge = (x: TieChange) => {
      const s = nameOf(x.source)?.sector ?? '';
      const u = nameOf(x.target)?.sector ?? '';
      return s !== u && targets.has(s) && targets.has(u);
    };
    const bridges = ties.filter(bridge);
    return { list: bridges.concat(ties.filter((x) => !bridge(x))), bridges: bridges.length, bridge };
  }, [ties, comparison, nameOf]);
  const shown = all ? ordered.list : ordered.list.slice(0, SHOWN);
  return (
    <Section title={tp(title, ties.length)} testId={testId}>
      {ties.length === 0 ? (
        <p className="change-muted">{t('ties.none')}</p>
      ) : (
        <>
          {ordered.bridges > 0 && <p className="change-caption">{tp('ties.bridges', ordered.bridges)}</p>}
          <ul className="change-list" data-count={ties.length}>
            {shown.map((x) => {
              const s = nameOf(x.source);
              const u = nameOf(x.target);
              return (
                <li key={`${x.source}|${x.target}`} data-testid={`${testId}-item`} data-source={x.source} data-target={x.target} data-hypothetical={x.hypothetical ? 'true' : undefined}>
                  {s?.name ?? x.source} – {u?.name ?? x.target}
                  {ordered.bridge(x) && s && u && (
                    <span className="change-muted">
                      {' '}
                      ({sector(s.sector)} – {sector(u.sector)})
                    </span>
                  )}
                  {marked && x.hypothetical && (
                    <>
                      {' '}
                      <HypotheticalMark />
                    </>
                  )}
                </li>
              );
            })}
          </ul>
          {ties.length > SHOWN && (
            <button type="button" className="change-more" aria-expanded={all} onClick={() => setAll((v) => !v)} data-testid={`${testId}-more`}>
              {all ? t('list.fewer') : tp('list.all', ties.length)}
            </button>
          )}
        </>
      )}
    </Section>
  );
}

function OrganisationList({ title, ids, nameOf, testId, marked }: { title: string; ids: readonly string[]; nameOf(id: string): NamedParty | undefined; testId: string; marked: boolean }) {
  const { t, tp } = useChangeText();
  const [all, setAll] = useState(false);
  const shown = all ? ids : ids.slice(0, SHOWN * 2);
  return (
    <Section title={tp(title, ids.length)} testId={testId}>
      {ids.length === 0 ? (
        <p className="change-muted">{t('orgs.none')}</p>
      ) : (
        <>
          <ul className="change-inline-list" data-count={ids.length}>
            {shown.map((id) => {
              const o = nameOf(id);
              return (
                <li key={id} data-id={id}>
                  {o?.name ?? id}
                  {marked && o?.hypothetical && (
                    <>
                      {' '}
                      <HypotheticalMark />
                    </>
                  )}
                </li>
              );
            })}
          </ul>
          {ids.length > SHOWN * 2 && (
            <button type="button" className="change-more" aria-expanded={all} onClick={() => setAll((v) => !v)}>
              {all ? t('list.fewer') : tp('list.all', ids.length)}
            </button>
          )}
        </>
      )}
    </Section>
  );
}

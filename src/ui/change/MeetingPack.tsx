/**
 * The meeting pack: a printable document with one page per convener — why it was chosen, three
 * named introductions with the shared partners and activities behind each, and the focal
 * organisation's position now and if those introductions happen (a scenario the analysis worker
 * runs). Opened as a modal dialog over the app; printing prints the pack only (change.css).
 */
import { useEffect, useId, useMemo, useRef, type ReactNode, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { AnalysisResult } from '../../analysis/assemble';
import type { FocalSummary } from '../../analysis/compare';
import { findingsOf } from '../../analysis/findings';
import { meetingPack, type MeetingPackPage } from '../../change/meetingPack';
import { introductionScenarioRows } from '../../change/scenarioRows';
import { wordConvener } from '../../i18n/findings';
import { useSession, useStore } from '../../session/react';
import { MIN_CLUSTER_SIZE } from '../../analysis/clusters';
import { SectorSwatch } from '../analysis/parts';
import { ConvenerFirmness } from '../analysis/ConvenerFirmness';
import type { RobustnessData } from '../../analysis/stages';
import { tieBasisOf, type TieBasis } from '../../graph/rules';
import { latestResult } from '../../session/store';
import { useChangeText } from './text';

export function MeetingPackButton({ testId, datasetName, className }: { testId: string; datasetName: string; className?: string }) {
  const { t } = useChangeText();
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const result = useSession((s) => s.analysis.assembled?.result ?? null);
  const open = () => {
    dialog.current?.showModal();
    dialog.current?.dispatchEvent(new Event('bruggen-open'));
  };
  return (
    <>
      <button ref={opener} type="button" className={className ?? 'change-button'} onClick={open} disabled={!result} data-testid={testId}>
        {t('pack.open')}
      </button>
      {createPortal(<MeetingPackDialog ref={dialog} datasetName={datasetName} onClose={() => opener.current?.focus()} />, document.body)}
    </>
  );
}

function MeetingPackDialog({ ref, datasetName, onClose }: { ref: RefObject<HTMLDialogElement | null>; datasetName: string; onClose(): void }) {
  const { t, tp, lang } = useChangeText();
  const titleId = useId();
  const result = useSession((s) => s.analysis.assembled?.result ?? null);
  const network = useSession((s) => s.network);
  const visibility = useSession((s) => s.visibility);
  const pack = useSession((s) => s.meetingPack);
  const robustness = useSession((s) => latestResult(s.analysis, 'robustness'));
  const store = useStore();
  const pages = useMemo(() => (result && network ? meetingPack(result, network, visibility, { lang }) : []), [result, network, visibility, lang]);
  const scenarios = useMemo(
    () =>
      network
        ? pages.map((p) => ({
            id: p.convener.id,
            rows: introductionScenarioRows(
              network.dataset,
              [],
              p.introductions.map((i) => ({ a: { id: i.a.id, name: i.a.label }, b: { id: i.b.id, name: i.b.label } })),
            ),
          }))
        : [],
    [pages, network],
  );
  // The scenarios run when the pack is opened (and again if the analysis changes while it is open).
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    const run = () => {
      if (d.open && scenarios.length) void store.prepareMeetingPack(scenarios);
    };
    run();
    d.addEventListener('bruggen-open', run);
    return () => d.removeEventListener('bruggen-open', run);
  }, [ref, scenarios, store]);
  const fresh = pack.result && pack.result.key === pack.key ? pack.result : null;
  const generated = new Intl.DateTimeFormat(t('pack.locale'), { dateStyle: 'long' }).format(new Date());

  return (
    <dialog ref={ref} className="meeting-pack" aria-labelledby={titleId} data-testid="meeting-pack" onClose={onClose}>
      <div className="mp-toolbar">
        <h2 id={titleId}>{t('pack.title')}</h2>
        <span className="change-muted">{tp('pack.pages', pages.length)}</span>
        <span className="mp-toolbar-actions">
          <button type="button" className="change-button primary" onClick={() => window.print()} data-testid="meeting-pack-print">
            {t('pack.print')}
          </button>
          <button type="button" className="change-button" onClick={() => ref.current?.close()} data-testid="meeting-pack-close">
            {t('pack.close')}
          </button>
        </span>
      </div>
      {!result ? (
        <p className="change-muted">{t('status.waiting')}</p>
      ) : pages.length === 0 ? (
        <p className="change-muted">{t('pack.noConveners')}</p>
      ) : (
        pages.map((page) => (
          <Page
            key={page.convener.id}
            page={page}
            result={result}
            total={pages.length}
            datasetName={datasetName}
            generated={generated}
            focal={fresh ? { before: fresh.before, after: fresh.after.find((a) => a.id === page.convener.id)?.focal ?? null } : null}
            focalError={pack.error}
            basis={network && visibility ? tieBasisOf(network, visibility, page.convener.id) : null}
            robustness={robustness?.fresh ? robustness.data : null}
          />
        ))
      )}
    </dialog>
  );
}

function Page({
  page,
  result,
  total,
  datasetName,
  generated,
  focal,
  focalError,
  basis,
  robustness,
}: {
  page: MeetingPackPage;
  result: AnalysisResult;
  total: number;
  datasetName: string;
  generated: string;
  focal: { before: FocalSummary | null; after: FocalSummary | null } | null;
  focalError: string | null;
  basis: TieBasis | null;
  robustness: RobustnessData | null;
}) {
  const { t, tp, fmt, sector, sectorName, lang } = useChangeText();
  const { t: words } = useTranslation();
  const c = page.convener;
  const sentence = useMemo(() => {
    for (const f of findingsOf(result)) {
      if (f.code === 'convener' && f.id === c.id) return wordConvener(words, f, lang);
    }
    return '';
  }, [result, c.id, words, lang]);
  const reached = Object.entries(c.newlyReached)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${fmt.int(n)} ${sectorName(s)}`)
    .join(', ');
  return (
    <article className="mp-page" data-testid="meeting-pack-page" data-convener={c.id}>
      <header className="mp-head">
        <p className="mp-brand">
          {t('pack.brand', { dataset: datasetName })} · {t('pack.pageOf', { rank: c.rank, total })}
        </p>
        <h3>
          <SectorSwatch sector={c.sector} />
          {c.label}
        </h3>
        <p className="change-muted">
          {sector(c.sector)} · {tp('pack.partners', c.degree)}
        </p>
      </header>
      <Block title={t('pack.why')}>
        <p>{sentence}</p>
        <ul className="mp-facts">
          {/* The finding's sentence already says whom it reaches; the counts stand alone without it. */}
          {!sentence && <li>{reached ? tp('pack.reach', c.newlyReachedTotal, { sectors: reached }) : t('pack.reachNone')}</li>}
          {c.newSectors.length > 0 && <li>{t('pack.firstSectors', { sectors: listOf(c.newSectors.map(sectorName), t('pack.and')) })}</li>}
          <li>{tp('pack.cumulative', c.rank, { reached: fmt.int(c.cumulativeReached), total: fmt.int(result.conveners.targetTotal) })}</li>
        </ul>
        {/* What the choice rests on, as under the pick in the conveners list: a board reads the pack. */}
        <ConvenerFirmness id={c.id} basis={basis} robustness={robustness} />
      </Block>
      <Block title={tp('pack.introductions', page.introductions.length)}>
        {page.introductions.length === 0 ? (
          <p className="change-muted">{t('pack.noIntroductions')}</p>
        ) : (
          <ol className="mp-intros">
            {page.introductions.map((i) => (
              <li key={`${i.a.id}|${i.b.id}`} data-testid="meeting-pack-introduction">
                <strong>
                  {i.a.label} <span className="change-muted">({sector(i.a.sector)})</span> ↔ {i.b.label} <span className="change-muted">({sector(i.b.sector)})</span>
                </strong>
                <ul className="mp-shared">
                  {i.shared.map((s) => (
                    <li key={s.partner.id}>
                      {t('pack.sharedPartner', { partner: s.partner.label })}{' '}
                      <span className="change-muted">
                        {t('pack.through', {
                          a: i.a.label,
                          aActivities: s.withA.join('; ') || '–',
                          b: i.b.label,
                          bActivities: s.withB.join('; ') || '–',
                        })}
                      </span>
                    </li>
                  ))}
                  {i.moreShared > 0 && <li className="change-muted">{tp('pack.moreShared', i.moreShared)}</li>}
                </ul>
              </li>
            ))}
          </ol>
        )}
      </Block>
      <Block title={t('pack.focalTitle', { name: result.municipality?.label ?? t('pack.focalUnknown') })}>
        {!result.municipality ? (
          <p className="change-muted">{t('focal.none')}</p>
        ) : focalError ? (
          <p className="change-note">{t('status.failed', { message: focalError })}</p>
        ) : !focal ? (
          <p className="change-muted" data-testid="meeting-pack-focal-waiting">
            {t('pack.computing')}
          </p>
        ) : (
          <FocalComparison before={focal.before} after={page.introductions.length ? focal.after : null} />
        )}
        {page.introductions.length > 0 && <p className="mp-footnote">{t('pack.hypotheticalNote')}</p>}
      </Block>
      <footer className="mp-foot">{t('pack.footer', { date: generated })}</footer>
    </article>
  );
}

/** "a, b and c". */
function listOf(items: string[], and: string): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
}

function Block({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="mp-block">
      <h4>{title}</h4>
      {children}
    </section>
  );
}

/** The focal organisation now and, when there are introductions (`after`), if they happen. */
function FocalComparison({ before, after }: { before: FocalSummary | null; after: FocalSummary | null }) {
  const { t, fmt, sector } = useChangeText();
  const sectors = (before ?? after)?.distances.map((d) => d.sector) ?? [];
  const show = (f: FocalSummary | null, s: string) => {
    const d = f?.distances.find((x) => x.sector === s)?.distance;
    return d === undefined || d === null ? '–' : fmt.int(d);
  };
  return (
    <>
      <table className="change-table mp-table" data-testid="meeting-pack-focal">
        <thead>
          <tr>
            <th scope="col">{t('focal.sector')}</th>
            <th scope="col" className="num">
              {t('pack.now')}
            </th>
            {after && (
              <th scope="col" className="num">
                {t('pack.ifIntroduced')}
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {sectors.map((s) => {
            const x = show(before, s);
            const y = show(after, s);
            return (
              <tr key={s} className={after && x !== y ? 'is-changed' : undefined}>
                <th scope="row">
                  <SectorSwatch sector={s} />
                  {sector(s)}
                </th>
                <td className="num">{x}</td>
                {after && <td className="num">{x !== y ? <strong>{y}</strong> : y}</td>}
              </tr>
            );
          })}
        </tbody>
      </table>
      <p>
        {after
          ? t('pack.clusters', {
              min: MIN_CLUSTER_SIZE,
              before: before ? fmt.int(before.clustersReached) : '–',
              after: fmt.int(after.clustersReached),
              total: fmt.int(after.clustersTotal),
            })
          : t('pack.clustersNow', { min: MIN_CLUSTER_SIZE, before: before ? fmt.int(before.clustersReached) : '–', total: fmt.int(before?.clustersTotal ?? 0) })}
      </p>
    </>
  );
}

/**
 * The worklist of introductions: suggested ties a network manager pursues, each with a status
 * (te leggen / gelegd / actief), an owner and a note, edited in place and stored locally (one list
 * for the user, so it outlives the dataset). Matched against whatever data is open: introductions
 * that became real ties show the activities behind them. Exchanged as CSV (src/worklist/csv.ts).
 */
import { useId, useMemo, useRef, useState } from 'react';
import { CsvImportButton } from './CsvImportButton';
import { FirstProblems } from './FirstProblems';
import { visibleText } from '../../data/visibleText';
import type { ImportProblem } from '../../data/report';
import { DamagedStoredNotice, NotSavedNotice } from './DamagedStoredNotice';
import { problemLine } from '../import/problemText';
import { useImportMessages } from '../import/useImportMessages';
import { OrganisationSearch } from '../../graph/search';
import { SECTORS } from '../../data/sectors';
import { useSession, useStore } from '../../session/react';
import { downloadText, exportFileName } from '../../export/download';
import { writeWorklistCsv } from '../../worklist/csv';
import type { IntroductionMatch } from '../../worklist/match';
import { INTRODUCTION_STATUSES, introductionKey, suggestedIntroductions, type Introduction, type IntroductionStatus } from '../../worklist/worklist';
import { SectorSwatch } from '../analysis/parts';
import { Picker, type Picked } from './Picker';
import { useChangeText } from './text';
import { localTitle } from '../../i18n/localText';

/**
 * Introductions shown at first, and added per "show more": each row is a small form (about 6 ms
 * to render), so 5,000 at once held the page for 26 s.
 */
const ROWS_SHOWN = 100;

export function WorklistPanel({ datasetSlug, datasetName }: { datasetSlug: string; datasetName: string }) {
  const { t, tp, lang } = useChangeText();
  const importWords = useImportMessages();
  const store = useStore();
  const worklist = useSession((s) => s.worklist);
  const result = useSession((s) => (s.analysis.assembled?.stale.length ? null : (s.analysis.assembled?.result ?? null)));
  const network = useSession((s) => s.network)!;
  const sectors = useSession((s) => s.sectors);
  const [message, setMessage] = useState('');
  // The last imported file's remarks with their rows: its counts said "1 rejected" and not which or why.
  const [problems, setProblems] = useState<ImportProblem[]>([]);
  const [shown, setShown] = useState(ROWS_SHOWN);
  const headingId = useId();
  const { items, match } = worklist;
  const titleOf = useMemo(() => {
    const { actIndex } = network.projection.incidence;
    return (id: string) => {
      const activity = network.activities[actIndex.get(id) ?? -1];
      return activity ? localTitle(activity, lang) || id : id;
    };
  }, [network, lang]);

  const addSuggested = () => {
    if (!result) return;
    const n = store.addToWorklist(suggestedIntroductions(result, { date: store.todayIso() }));
    setMessage(tp('worklist.addedSuggested', n));
    setProblems([]);
  };

  return (
    <div className="change-worklist" data-testid="worklist">
      <p className="change-intro">{t('worklist.intro')}</p>
      <section className="change-section" aria-labelledby={headingId}>
        <h3 id={headingId}>{t('worklist.title')}</h3>
        {worklist.damage && (
          <DamagedStoredNotice damage={worklist.damage} kind="worklist" datasetSlug={datasetSlug} onDismiss={() => store.dismissWorklistDamage()} />
        )}
        {worklist.notSaved && <NotSavedNotice kind="worklist" />}
        <p data-testid="worklist-summary" data-count={items.length} data-tied={match?.tied ?? 0} tabIndex={-1}>
          {items.length === 0
            ? t('worklist.empty')
            : tp('worklist.summary', items.length, {
                tied: match?.tied ?? 0,
                notTied: match?.notTied ?? 0,
                unmatched: match?.unmatched ?? 0,
                dataset: datasetName,
              })}
        </p>
        <div className="change-buttons">
          <button type="button" className="change-button primary" onClick={addSuggested} disabled={!result} data-testid="worklist-add-suggested">
            {t('worklist.addSuggested')}
          </button>
          <button
            type="button"
            className="change-button"
            disabled={!items.length}
            onClick={() => downloadText(writeWorklistCsv(items), exportFileName(datasetSlug, 'worklist', 'csv'), 'text/csv')}
            data-testid="worklist-export"
          >
            {t('worklist.export')}
          </button>
          <CsvImportButton
            label={t('worklist.import')}
            testId="worklist-import"
            onText={(text, name, notes) => {
              const { report, existing } = store.importWorklistCsv(text, name);
              const counts = tp('worklist.imported', report.rowsRead, { file: name, used: report.rowsUsed, merged: report.rowsMerged, rejected: report.rowsRejected });
              const held = existing ? [tp('worklist.alreadyHeld', existing)] : [];
              // When nothing could be used, the first reason why (e.g. the columns a worklist needs).
              const blocking = report.rowsUsed === 0 ? report.problems.find((p) => p.severity === 'error') : undefined;
              setMessage([counts, ...held, ...notes, ...(blocking ? [problemLine(blocking, importWords)] : [])].join(' '));
              setProblems(report.problems.filter((p) => p.severity !== 'info' && p !== blocking));
            }}
            onRefused={(text) => {
              setMessage(text);
              setProblems([]);
            }}
          />
        </div>
        <p className="change-status" role="status" data-testid="worklist-message">
          {message}
        </p>
        <FirstProblems problems={problems} withRow testId="worklist-problems" />
        <ManualAdd
          onAdd={(a, b) => {
            const party = (p: Picked) => {
              const i = network.projection.incidence.orgIndex.get(p.id);
              return { id: p.id, name: p.name, sector: i === undefined ? '' : (SECTORS[sectors[i]!] ?? '') };
            };
            const date = store.todayIso();
            const n = store.addToWorklist([{ a: party(a), b: party(b), status: 'to_make', owner: '', note: '', origin: 'manual', convener: null, via: [], created: date, updated: date }]);
            setMessage(n ? t('worklist.addedOne', { a: a.name, b: b.name }) : t('worklist.already', { a: a.name, b: b.name }));
            setProblems([]);
          }}
        />
      </section>
      {items.length > 0 && (
        <div className="change-scroll" role="region" aria-label={t('worklist.title')} tabIndex={0}>
          <table className="change-table worklist-table" data-testid="worklist-table">
            <caption className="visually-hidden">{t('worklist.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('worklist.introduction')}</th>
                <th scope="col">{t('worklist.status')}</th>
                <th scope="col">{t('worklist.owner')}</th>
                <th scope="col">{t('worklist.note')}</th>
                <th scope="col">{t('worklist.inData')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('worklist.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.slice(0, shown).map((intro, i) => (
                <Row key={introductionKey(intro)} intro={intro} match={match?.matches[i] ?? null} titleOf={titleOf} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {items.length > shown && (
        <button type="button" className="change-button" onClick={() => setShown((n) => n + ROWS_SHOWN)} data-testid="worklist-more">
          {tp('worklist.showMore', Math.min(ROWS_SHOWN, items.length - shown), { total: items.length })}
        </button>
      )}
    </div>
  );
}

function Row({ intro, match, titleOf }: { intro: Introduction; match: IntroductionMatch | null; titleOf(id: string): string }) {
  const { t } = useChangeText();
  const store = useStore();
  // Names from a file or storage with a NUL or a direction override show it as an escape.
  const nameA = visibleText(intro.a.name || intro.a.id);
  const nameB = visibleText(intro.b.name || intro.b.id);
  const label = `${nameA} – ${nameB}`;
  const commit = (field: 'owner' | 'note', value: string) => {
    if (value !== intro[field]) store.updateIntroduction(intro.a, intro.b, { [field]: value });
  };
  return (
    <tr data-testid="worklist-row" data-a={intro.a.id} data-b={intro.b.id} data-status={intro.status} data-outcome={match?.outcome ?? ''}>
      <th scope="row" className="worklist-pair">
        <span>
          <SectorSwatch sector={intro.a.sector} />
          {nameA}
        </span>
        <span>
          <SectorSwatch sector={intro.b.sector} />
          {nameB}
        </span>
        {(intro.convener || intro.via.length > 0) && (
          <span className="change-muted worklist-via">
            {intro.convener ? t('worklist.byConvener', { name: visibleText(intro.convener.name) }) : t('worklist.via', { names: visibleText(intro.via.slice(0, 3).map((v) => v.name).join(', ')) })}
          </span>
        )}
      </th>
      <td data-label={t('worklist.status')}>
        <select
          value={intro.status}
          aria-label={t('worklist.statusOf', { pair: label })}
          onChange={(e) => store.updateIntroduction(intro.a, intro.b, { status: e.currentTarget.value as IntroductionStatus })}
          data-testid="worklist-status"
        >
          {INTRODUCTION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`worklist.state.${s}`)}
            </option>
          ))}
        </select>
      </td>
      <td data-label={t('worklist.owner')}>
        <input
          key={`owner|${intro.updated}|${intro.owner}`}
          type="text"
          defaultValue={intro.owner}
          aria-label={t('worklist.ownerOf', { pair: label })}
          onBlur={(e) => commit('owner', e.currentTarget.value.trim())}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit('owner', e.currentTarget.value.trim());
          }}
          data-testid="worklist-owner"
        />
      </td>
      <td data-label={t('worklist.note')}>
        <input
          key={`note|${intro.updated}|${intro.note}`}
          type="text"
          defaultValue={intro.note}
          aria-label={t('worklist.noteOf', { pair: label })}
          onBlur={(e) => commit('note', e.currentTarget.value.trim())}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit('note', e.currentTarget.value.trim());
          }}
          data-testid="worklist-note"
        />
      </td>
      <td data-testid="worklist-match" data-label={t('worklist.inData')}>
        {!match ? (
          '–'
        ) : match.outcome === 'tied' ? (
          <span className="worklist-tied">
            <strong>{t('worklist.tied')}</strong> {match.activities.slice(0, 3).map(titleOf).join(', ')}
            {match.suggestedStatus === 'active' && (
              <button type="button" className="change-link-button" onClick={() => store.updateIntroduction(intro.a, intro.b, { status: 'active' })} data-testid="worklist-mark-active">
                {t('worklist.markActive')}
              </button>
            )}
          </span>
        ) : match.outcome === 'not_tied' ? (
          <span className="change-muted">{t('worklist.notTied')}</span>
        ) : (
          <span className="change-note-inline">{t(match.sameOrganisation ? 'worklist.sameOrganisation' : 'worklist.unmatched')}</span>
        )}
      </td>
      <td className="worklist-actions">
        <button
          type="button"
          className="change-link-button"
          onClick={(e) => {
            // The button goes with its row: focus moves to the next row's (or the previous one's,
            // or the summary), not to the page's start.
            const row = e.currentTarget.closest('tr');
            const next = (row?.nextElementSibling ?? row?.previousElementSibling)?.querySelector<HTMLElement>('[data-testid="worklist-remove"]');
            const summary = row?.closest('[data-testid="worklist"]')?.querySelector<HTMLElement>('[data-testid="worklist-summary"]');
            store.removeIntroduction(intro.a, intro.b);
            (next ?? summary)?.focus();
          }}
          aria-label={t('worklist.removeOf', { pair: label })}
          data-testid="worklist-remove"
        >
          {t('worklist.remove')}
        </button>
      </td>
    </tr>
  );
}

function ManualAdd({ onAdd }: { onAdd(a: Picked, b: Picked): void }) {
  const { t } = useChangeText();
  const network = useSession((s) => s.network)!;
  const index = useMemo(() => new OrganisationSearch(network.dataset.organisations), [network]);
  const [a, setA] = useState<Picked[]>([]);
  const [b, setB] = useState<Picked[]>([]);
  const exclude = useMemo(() => new Set([...a, ...b].map((x) => x.id)), [a, b]);
  const fields = useRef<HTMLDivElement>(null);
  return (
    <details className="worklist-manual" data-testid="worklist-manual">
      <summary>{t('worklist.manualTitle')}</summary>
      <div className="worklist-manual-fields" ref={fields}>
        <Picker index={index} kind="organisation" label={t('worklist.organisationA')} selected={a} onChange={setA} testId="worklist-a" max={1} exclude={exclude} />
        <Picker index={index} kind="organisation" label={t('worklist.organisationB')} selected={b} onChange={setB} testId="worklist-b" max={1} exclude={exclude} />
        <button
          type="button"
          className="change-button"
          disabled={!a[0] || !b[0]}
          onClick={() => {
            onAdd(a[0]!, b[0]!);
            setA([]);
            setB([]);
            // The button is disabled now: focus goes back to the first field for the next pair.
            fields.current?.querySelector<HTMLInputElement>('input')?.focus();
          }}
          data-testid="worklist-add-manual"
        >
          {t('worklist.addManual')}
        </button>
      </div>
    </details>
  );
}

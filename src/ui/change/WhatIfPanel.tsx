/**
 * "Wat als / What if": hypothetical activities on top of the data ("X sluit aan bij Y"), or the
 * conveners' introductions adopted, with the deltas the analysis worker computes without and with
 * them. The scenario is an overlay in the session store (stored for this dataset); the data itself
 * never changes, and hypothetical ties are marked everywhere they appear.
 */
import { useId, useMemo, useState } from 'react';
import { CsvImportButton } from './CsvImportButton';
import { useTranslation } from 'react-i18next';
import type { AnalysisResult } from '../../analysis/assemble';
import type { ScenarioOutcome } from '../../change/document';
import { scenarioMapModel } from '../../change/mapModel';
import { comparisonCsv, comparisonJson, participationsCsv, scenarioRowsCsv } from '../../change/csv';
import { introducedPairs, joinActivityRows, newActivityRows, scenarioActivities, scenarioRowPlaces } from '../../change/scenarioRows';
import type { ImportProblem } from '../../data/report';
import type { ScenarioRow } from '../../data/scenario';
import { MAX_PROJECTED_PAIRS, type TooLarge } from '../../graph/projection';
import { OrganisationSearch } from '../../graph/search';
import { useSession, useStore } from '../../session/react';
import { downloadText, exportFileName } from '../../export/download';
import { convenerIntroductions } from '../../worklist/introductions';
import { FirstFew } from '../TooLargeNotice';
import { ChangeMap } from './ChangeMap';
import { ChangeStatus } from './ChangeStatus';
import { ComparisonSections, HypotheticalMark } from './ComparisonSections';
import { useNames } from './names';
import { Picker, type Picked } from './Picker';
import { useChangeText } from './text';
import { DamagedStoredNotice, NotSavedNotice } from './DamagedStoredNotice';
import { FirstProblems } from './FirstProblems';
import { visibleText } from '../../data/visibleText';

const KINDS = ['project', 'living_lab', 'partnership', 'network', 'event', 'introduction'] as const;

/** Organisations named per scenario activity (a scenario file may put thousands in one). */
const NAMES_SHOWN = 30;

/**
 * Scenario activities listed at first, and added per "show more": a scenario file of 5,000
 * activities rendered them all at once and held the page for seconds.
 */
const ACTIVITIES_SHOWN = 100;

export function WhatIfPanel({ datasetSlug }: { datasetSlug: string }) {
  const { t, tp } = useChangeText();
  const store = useStore();
  const network = useSession((s) => s.network)!;
  const layout = useSession((s) => s.layout);
  const sectors = useSession((s) => s.sectors);
  const visibility = useSession((s) => s.visibility)!;
  const scenario = useSession((s) => s.scenario);
  const result = useSession((s) => s.analysis.assembled?.result ?? null);
  const dataset = network.dataset;
  const outcome = scenario.result?.outcome ?? null;
  const fresh = !!scenario.result && scenario.result.key === scenario.key;
  const nameOf = useNames(outcome?.organisations);
  const groups = useMemo(() => scenarioActivities(scenario.rows, dataset), [scenario.rows, dataset]);
  const model = useMemo(
    () => (outcome && layout ? scenarioMapModel(network, layout, visibility, outcome.document.tiesFormed, outcome.organisations) : null),
    [outcome, layout, network, visibility],
  );
  const [withHypothetical, setWithHypothetical] = useState(false);
  const [message, setMessage] = useState('');
  const [shown, setShown] = useState(ACTIVITIES_SHOWN);

  const exportScenario = () => downloadText(scenarioRowsCsv(dataset, scenario.rows), exportFileName(datasetSlug, 'what-if', 'csv'), 'text/csv');
  const exportDoc = (ext: 'csv' | 'json') => {
    if (!outcome) return;
    const name = exportFileName(datasetSlug, 'what-if-comparison', ext);
    if (ext === 'csv') downloadText(comparisonCsv(outcome.document, nameOf), name, 'text/csv');
    else downloadText(comparisonJson('scenario', outcome.document), name, 'application/json');
  };
  const exportData = () =>
    downloadText(participationsCsv(dataset, scenario.rows, withHypothetical), exportFileName(datasetSlug, withHypothetical ? 'participations-with-what-if' : 'participations', 'csv'), 'text/csv');

  return (
    <div className="change-whatif" data-testid="whatif">
      <p className="change-intro">{t('whatif.intro')}</p>
      <div className="whatif-grid">
        <div className="whatif-form">
          <NewActivityForm
            onAdd={(rows, what) => {
              store.addScenarioRows(rows);
              setMessage(what);
            }}
          />
        </div>
        <div className="whatif-scenario">
          <section className="change-section" aria-labelledby="whatif-scenario-title" data-testid="whatif-scenario">
            <h3 id="whatif-scenario-title">
              {t('whatif.scenarioTitle')} <HypotheticalMark />
            </h3>
            {scenario.damage && (
              <DamagedStoredNotice damage={scenario.damage} kind="whatif" datasetSlug={datasetSlug} onDismiss={() => store.dismissScenarioDamage()} />
            )}
            {scenario.notSaved && <NotSavedNotice kind="whatif" />}
            <p className="change-status" role="status" data-testid="whatif-message">
              {message}
            </p>
            {groups.length === 0 ? (
              <p className="change-muted">{t('whatif.empty')}</p>
            ) : (
              <ul className="whatif-activities">
                {groups.slice(0, shown).map((g) => (
                  <li key={g.id} data-testid="whatif-activity" data-id={g.id}>
                    <div className="whatif-activity-head">
                      {/* Title and kind in one run of text, the "·" held to the title's last word: the kind wraps with the title, never to a line that starts with "·". */}
                      <span className="whatif-activity-name">
                        <strong>{visibleText(g.title)}</strong>
                        <span className="change-muted">{`\u00a0· ${g.existing ? t('whatif.joins') : t(`kind.${g.kind}`, { defaultValue: g.kind })}`}</span>
                      </span>
                      <button
                        type="button"
                        className="change-link-button"
                        onClick={() => {
                          store.removeScenarioActivity(g.id);
                          setMessage(t('whatif.removed', { title: visibleText(g.title) }));
                        }}
                        aria-label={t('whatif.removeLabel', { title: visibleText(g.title) })}
                        data-testid={`whatif-remove-${g.id}`}
                      >
                        {t('whatif.remove')}
                      </button>
                    </div>
                    <span>
                      {g.organisations
                        .slice(0, NAMES_SHOWN)
                        .map((o) => visibleText(o.name))
                        .join(', ')}
                      {g.organisations.length > NAMES_SHOWN && tp('whatif.moreOrganisations', g.organisations.length - NAMES_SHOWN)}
                    </span>
                  </li>
                ))}
              </ul>
            )}
            {groups.length > shown && (
              <button type="button" className="change-button" onClick={() => setShown((n) => n + ACTIVITIES_SHOWN)} data-testid="whatif-more">
                {tp('whatif.showMore', Math.min(ACTIVITIES_SHOWN, groups.length - shown), { total: groups.length })}
              </button>
            )}
            <div className="change-buttons">
              <button type="button" className="change-button" onClick={exportScenario} disabled={!scenario.rows.length} data-testid="whatif-export-scenario">
                {t('whatif.exportScenario')}
              </button>
              <CsvImportButton
                label={t('whatif.importScenario')}
                testId="whatif-import"
                onText={(text, name, notes) => {
                  const read = store.importScenarioCsv(text, name);
                  setMessage([read.recognised ? tp('whatif.imported', read.rows, { file: name }) : t('whatif.importFailed', { file: name }), ...notes].join(' '));
                }}
                onRefused={setMessage}
              />
              {scenario.rows.length > 0 && (
                <button
                  type="button"
                  className="change-button danger"
                  onClick={() => {
                    store.setScenarioRows([]);
                    setMessage(t('whatif.cleared'));
                  }}
                  data-testid="whatif-clear"
                >
                  {t('whatif.clear')}
                </button>
              )}
            </div>
            <FirstProblems problems={scenario.fileProblems} testId="whatif-file-problems" />
          </section>
        </div>

        <div className="whatif-results">
          {scenario.rows.length === 0 ? (
            <p className="change-muted">{t('whatif.nothingYet')}</p>
          ) : (
            <>
              {scenario.tooLarge ? (
                <ScenarioTooLarge tooLarge={scenario.tooLarge} />
              ) : (
                <ChangeStatus progress={scenario.progress} error={scenario.error} fresh={fresh} hasResult={!!outcome} testId="whatif" />
              )}
              {outcome && (
                <div className={`change-results${fresh ? '' : ' is-stale'}`} data-testid="whatif-results" aria-busy={!fresh}>
                  <ImportLine outcome={outcome} rows={scenario.result!.rows} />
                  {model && layout && <ChangeMap network={network} layout={layout} sectors={sectors} model={model} kind="whatif" testId="whatif-map" label={t('map.labelWhatif')} />}
                  <ComparisonSections comparison={outcome.document} nameOf={nameOf} prefix="whatif" marked />
                  <section className="change-section change-exports" aria-labelledby="whatif-export-title">
                    <h3 id="whatif-export-title">{t('export.title')}</h3>
                    <div className="change-buttons">
                      <button type="button" className="change-button" onClick={() => exportDoc('csv')} disabled={!fresh} data-testid="whatif-export-csv">
                        {t('export.csv')}
                      </button>
                      <button type="button" className="change-button" onClick={() => exportDoc('json')} disabled={!fresh} data-testid="whatif-export-json">
                        {t('export.json')}
                      </button>
                    </div>
                    <div className="change-buttons">
                      <label className="change-check">
                        <input type="checkbox" checked={withHypothetical} onChange={(e) => setWithHypothetical(e.currentTarget.checked)} data-testid="whatif-export-include" />
                        {t('export.includeHypothetical')}
                      </label>
                      <button type="button" className="change-button" onClick={exportData} data-testid="whatif-export-data">
                        {t('export.data')}
                      </button>
                    </div>
                    <p className="change-hint">{t(withHypothetical ? 'export.dataHintWith' : 'export.dataHint')}</p>
                  </section>
                </div>
              )}
            </>
          )}
        </div>
        <div className="whatif-adopt">
          {result && (
            <AdoptIntroductions
              result={result}
              adopted={introducedPairs(scenario.rows)}
              onAdopt={(pairs, name) => {
                const n = store.adoptIntroductions(pairs);
                setMessage(tp('whatif.adopted', n, { convener: name }));
              }}
            />
          )}
        </div>
      </div>
    </div>
  );
}

function ImportLine({ outcome, rows }: { outcome: ScenarioOutcome; rows: readonly ScenarioRow[] }) {
  const { t, tp } = useChangeText();
  const dataset = useSession((s) => s.network)!.dataset;
  const r = outcome.document.import;
  const problems = r.problems.filter((p) => p.severity !== 'info');
  const placeOf = useMemo(() => {
    const rowPlace = scenarioRowPlaces(rows, dataset);
    return (p: ImportProblem): string | null => {
      if (p.row === undefined) return null;
      const at = rowPlace(p.row);
      const activity = visibleText(at?.activity ?? '');
      const organisation = visibleText(at?.organisation ?? '');
      const place =
        activity && organisation
          ? t('whatif.rowPlace', { activity, organisation })
          : activity
            ? t('whatif.rowPlaceActivity', { activity })
            : organisation
              ? t('whatif.rowPlaceOrganisation', { organisation })
              : null;
      // A row that names nothing keeps its number among the scenario's rows (FirstProblems withRow).
      if (!place) return null;
      return p.column ? t('whatif.problemAtColumn', { place, column: p.column }) : t('whatif.problemAt', { place });
    };
  }, [rows, dataset, t]);
  const ofRows = problems.some((p) => p.row !== undefined);
  return (
    <div className="change-section" data-testid="whatif-import-report">
      <p>
        {tp('whatif.report', r.rowsRead, { used: r.rowsUsed, merged: r.rowsMerged, rejected: r.rowsRejected })}{' '}
        {t('whatif.added', {
          participations: tp('whatif.participations', outcome.document.added.participations),
          activities: tp('whatif.newActivities', outcome.document.added.activities.length),
          organisations: tp('whatif.newOrganisations', outcome.document.added.organisations.length),
        })}
      </p>
      <FirstProblems problems={problems} withRow placeOf={placeOf} testId="whatif-problems" />
      {ofRows && (
        <p className="change-hint" data-testid="whatif-problems-fix">
          {t('whatif.problemsFix')}
        </p>
      )}
    </div>
  );
}

function NewActivityForm({ onAdd }: { onAdd(rows: ReturnType<typeof newActivityRows>, message: string): void }) {
  const { t, tp } = useChangeText();
  const { t: vocabulary } = useTranslation('vocabulary');
  const network = useSession((s) => s.network)!;
  const rows = useSession((s) => s.scenario.rows);
  const dataset = network.dataset;
  const organisations = useMemo(() => new OrganisationSearch(dataset.organisations), [dataset]);
  const activities = useMemo(() => new OrganisationSearch([], dataset.activities), [dataset]);
  const [mode, setMode] = useState<'new' | 'join'>('new');
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<(typeof KINDS)[number]>('living_lab');
  const [year, setYear] = useState('');
  const [orgs, setOrgs] = useState<Picked[]>([]);
  const [activity, setActivity] = useState<Picked[]>([]);
  const modeName = useId();
  const titleId = useId();
  const kindId = useId();
  const yearId = useId();
  const headingId = useId();
  const ready = mode === 'new' ? orgs.length >= 2 : orgs.length >= 1 && activity.length === 1;

  const submit = () => {
    if (!ready) return;
    if (mode === 'new') {
      const y = Number(year);
      const added = newActivityRows(dataset, rows, { title: title || t('whatif.defaultTitle'), kind, year: Number.isInteger(y) && y >= 1900 && y <= 2100 ? y : null, organisations: orgs });
      onAdd(added, tp('whatif.addedActivity', orgs.length, { title: title || t('whatif.defaultTitle') }));
    } else {
      const added = joinActivityRows(rows, activity[0]!.id, orgs);
      onAdd(added, tp('whatif.joined', added.length, { title: activity[0]!.name, names: orgs.map((o) => o.name).join(', ') }));
    }
    setOrgs([]);
    setTitle('');
    setActivity([]);
  };

  return (
    <section className="change-section" aria-labelledby={headingId} data-testid="whatif-form">
      <h3 id={headingId}>{t('whatif.formTitle')}</h3>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <fieldset className="change-kind">
          <legend className="visually-hidden">{t('whatif.formTitle')}</legend>
          <label>
            <input type="radio" name={modeName} checked={mode === 'new'} onChange={() => setMode('new')} data-testid="whatif-mode-new" />
            {t('whatif.modeNew')}
          </label>
          <label>
            <input type="radio" name={modeName} checked={mode === 'join'} onChange={() => setMode('join')} data-testid="whatif-mode-join" />
            {t('whatif.modeJoin')}
          </label>
        </fieldset>
        {mode === 'new' ? (
          <div className="whatif-fields">
            <label htmlFor={titleId}>{t('whatif.title')}</label>
            <input id={titleId} type="text" value={title} placeholder={t('whatif.defaultTitle')} onChange={(e) => setTitle(e.currentTarget.value)} data-testid="whatif-title" />
            <div className="whatif-row">
              <span>
                <label htmlFor={kindId}>{t('whatif.kind')}</label>
                <select id={kindId} value={kind} onChange={(e) => setKind(e.currentTarget.value as (typeof KINDS)[number])} data-testid="whatif-activity-kind">
                  {KINDS.map((k) => (
                    <option key={k} value={k}>
                      {k === 'introduction' ? t('kind.introduction') : vocabulary(`kind.${k}`, { defaultValue: k })}
                    </option>
                  ))}
                </select>
              </span>
              <span>
                <label htmlFor={yearId}>{t('whatif.year')}</label>
                <input id={yearId} type="number" min={1900} max={2100} inputMode="numeric" value={year} onChange={(e) => setYear(e.currentTarget.value)} data-testid="whatif-year" />
              </span>
            </div>
          </div>
        ) : (
          <Picker index={activities} kind="activity" label={t('whatif.activity')} selected={activity} onChange={setActivity} testId="whatif-activity-picker" max={1} />
        )}
        <Picker index={organisations} kind="organisation" label={t(mode === 'new' ? 'whatif.organisations' : 'whatif.joiners')} selected={orgs} onChange={setOrgs} testId="whatif-orgs" />
        <p className="change-hint">{t(mode === 'new' ? 'whatif.needTwo' : 'whatif.needActivity')}</p>
        <button type="submit" className="change-button primary" disabled={!ready} data-testid="whatif-add">
          {t(mode === 'new' ? 'whatif.add' : 'whatif.addJoin')}
        </button>
      </form>
    </section>
  );
}

function AdoptIntroductions({
  result,
  adopted,
  onAdopt,
}: {
  result: AnalysisResult;
  adopted: [string, string][];
  onAdopt(pairs: { a: Picked; b: Picked }[], convener: string): void;
}) {
  const { t } = useChangeText();
  const intros = useMemo(() => convenerIntroductions(result, { perConvener: 3 }), [result]);
  const done = useMemo(() => new Set(adopted.map(([a, b]) => (a < b ? `${a}|${b}` : `${b}|${a}`))), [adopted]);
  const headingId = useId();
  const all = result.conveners.picks.map((p) => ({ pick: p, intros: intros.filter((i) => i.convener.id === p.id) }));
  const byConvener = all.filter((x) => x.intros.length);
  // A chosen convener missing from the list would look like an error ("1–4 of 5"): it is named, with why.
  const without = all.filter((x) => !x.intros.length).map((x) => `${x.pick.rank}. ${x.pick.label}`);
  return (
    <section className="change-section" aria-labelledby={headingId} data-testid="whatif-adopt">
      <h3 id={headingId}>{t('whatif.adoptTitle')}</h3>
      <p className="change-caption">{t('whatif.adoptIntro')}</p>
      {byConvener.length === 0 ? (
        <p className="change-muted">{t('whatif.adoptNone')}</p>
      ) : (
        <ul className="whatif-conveners">
          {byConvener.map(({ pick, intros: list }) => {
            const key = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
            const all = list.every((i) => done.has(key(i.a.id, i.b.id)));
            return (
              <li key={pick.id}>
                <div className="whatif-activity-head">
                  <strong>
                    {pick.rank}. {pick.label}
                  </strong>
                  <button
                    type="button"
                    className="change-button"
                    disabled={all}
                    onClick={() =>
                      onAdopt(
                        list.map((i) => ({ a: { id: i.a.id, name: i.a.label }, b: { id: i.b.id, name: i.b.label } })),
                        pick.label,
                      )
                    }
                    aria-label={t('whatif.adoptLabel', { convener: pick.label })}
                    data-testid={`whatif-adopt-${pick.id}`}
                  >
                    {all ? t('whatif.adoptDone') : t('whatif.adopt')}
                  </button>
                </div>
                <ul className="change-list">
                  {list.map((i) => (
                    <li key={`${i.a.id}|${i.b.id}`}>
                      {i.a.label} ↔ {i.b.label}
                    </li>
                  ))}
                </ul>
              </li>
            );
          })}
        </ul>
      )}
      {byConvener.length > 0 && without.length > 0 && (
        <p className="change-muted" data-testid="whatif-adopt-without">
          {t('whatif.adoptWithout', { names: without.join(', ') })}
        </p>
      )}
    </section>
  );
}

/**
 * With the what-if's rows the network would be too large to build: which of its activities make it
 * so, and what to change in the what-if (a listing of the main view cannot name them: they are not
 * in the data).
 */
function ScenarioTooLarge({ tooLarge }: { tooLarge: TooLarge }) {
  const { t, tp } = useChangeText();
  // The two lists never share an activity (activitiesListingCannotShrink skips the listable ones).
  return (
    <div className="change-status error" role="alert" data-testid="whatif-too-large">
      <p>{t('whatif.tooLarge.body', { pairs: tooLarge.pairs, max: MAX_PROJECTED_PAIRS })}</p>
      <FirstFew items={[...tooLarge.large, ...tooLarge.unlistable]}>{(a) => tp('whatif.tooLarge.activity', a.participants, { id: a.id, pairs: a.pairs })}</FirstFew>
      <p>{t('whatif.tooLarge.fix')}</p>
    </div>
  );
}

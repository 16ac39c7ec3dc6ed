/**
 * "What changed": two periods (year ranges on top of the current filters) or the current view
 * against a pasted link, compared in the analysis worker; the map of ties formed and lost, the
 * deltas, the bridge tracker, and the exports (CSV, and the command line's JSON `comparison`).
 */
import { useId, useMemo, useState } from 'react';
import { comparisonMapModel } from '../../change/mapModel';
import { comparisonCsv, comparisonJson } from '../../change/csv';
import { yearSpan } from '../../session/clean';
import { useSession, useStore } from '../../session/react';
import { downloadText, exportFileName } from '../../export/download';
import { ChangeMap } from './ChangeMap';
import { ComparisonSections } from './ComparisonSections';
import { ChangeStatus } from './ChangeStatus';
import { TrackerChart } from './TrackerChart';
import { useNames } from './names';
import { describeFilters } from '../report/filtersSummary';
import type { Filters } from '../../filters/filters';
import { useChangeText } from './text';
import { useTranslation } from 'react-i18next';
import { linkValuesText } from '../shownValues';

/**
 * Characters of a compared link (as it is written into the address bar) that are applied: about
 * what browsers, servers and chat apps pass on. Beyond it the page could not be reloaded.
 */
const MAX_AGAINST_LENGTH = 8000;

export function ComparePanel({ datasetSlug }: { datasetSlug: string }) {
  const { t, lang } = useChangeText();
  const { t: common } = useTranslation();
  const store = useStore();
  const network = useSession((s) => s.network)!;
  const layout = useSession((s) => s.layout);
  const sectors = useSession((s) => s.sectors);
  const change = useSession((s) => s.change);
  const state = useSession((s) => s.view.change);
  const nameOf = useNames();
  // The two filter sets in words, as the report and the empty map say them (not as a query string).
  const filtersInWords = (filters: Filters) => {
    const parts = describeFilters(filters, lang, { organisationName: (id) => nameOf(id)?.name });
    return parts.length ? parts.map((p) => p.text).join('; ') : t('compare.allData');
  };
  const span = useMemo(() => yearSpan(network.activities), [network]);
  const years = useMemo(() => (span ? Array.from({ length: span[1] - span[0] + 1 }, (_v, i) => span[0] + i) : []), [span]);
  const [kind, setKind] = useState<'periods' | 'link'>(state.against !== null || !span ? 'link' : 'periods');
  const [link, setLink] = useState(state.against ?? '');
  const kindName = useId();
  const linkId = useId();
  const request = change.request;
  const result = change.result;
  const fresh = !!result && result.key === change.key;
  const model = useMemo(() => (change.visibility ? comparisonMapModel(network, change.visibility.before, change.visibility.after) : null), [network, change.visibility]);

  const setPeriod = (side: 'before' | 'after', end: 0 | 1, year: number) =>
    store.updateView((v) => {
      const current = (v.change[side] ?? request?.periods?.[side] ?? [year, year]) as [number, number];
      const next: [number, number] = end === 0 ? [year, Math.max(year, current[1])] : [Math.min(current[0], year), year];
      return { ...v, change: { ...v.change, against: null, [side]: next } };
    });
  const chooseKind = (k: 'periods' | 'link') => {
    setKind(k);
    if (k === 'periods' && state.against !== null) store.updateView((v) => ({ ...v, change: { ...v.change, against: null } }));
  };
  const [linkRefused, setLinkRefused] = useState<string | null>(null);
  const applyLink = () => {
    const text = link.trim();
    // The compared link goes into the address bar; one of 250 KB was applied, and then the page
    // could not be reloaded or shared (the server refuses such a request line).
    const length = encodeURIComponent(text).length;
    if (length > MAX_AGAINST_LENGTH) {
      setLinkRefused(t('compare.linkTooLong', { length, limit: MAX_AGAINST_LENGTH }));
      return;
    }
    setLinkRefused(null);
    store.updateView((v) => ({ ...v, change: { ...v.change, against: text || null } }));
  };

  const doc = result?.document ?? null;
  const exportFile = (ext: 'csv' | 'json') => {
    if (!doc) return;
    const name = exportFileName(datasetSlug, 'change', ext);
    if (ext === 'csv') downloadText(comparisonCsv(doc, nameOf), name, 'text/csv');
    else downloadText(comparisonJson('comparison', doc), name, 'application/json');
  };

  return (
    <div className="change-compare" data-testid="change-compare">
      <form className="change-controls" onSubmit={(e) => e.preventDefault()} data-testid="change-controls" aria-label={t('compare.controls')}>
        <fieldset className="change-kind">
          <legend>{t('compare.what')}</legend>
          <label>
            <input type="radio" name={kindName} checked={kind === 'periods'} disabled={!span} onChange={() => chooseKind('periods')} data-testid="change-kind-periods" />
            {t('compare.periods')}
          </label>
          <label>
            <input type="radio" name={kindName} checked={kind === 'link'} onChange={() => chooseKind('link')} data-testid="change-kind-link" />
            {t('compare.link')}
          </label>
        </fieldset>
        {kind === 'periods' && span && request?.periods && (
          <div className="change-periods">
            {(['before', 'after'] as const).map((side) => (
              <fieldset key={side} className="change-period" data-testid={`change-period-${side}`}>
                <legend>{t(`compare.${side}`)}</legend>
                <label>
                  {t('compare.from')}{' '}
                  <select value={request.periods![side][0]} onChange={(e) => setPeriod(side, 0, Number(e.currentTarget.value))} data-testid={`change-${side}-from`}>
                    {years.map((y) => (
                      <option key={y} value={y}>
                        {y}
                      </option>
                    ))}
                  </select>
                </label>
                <label>
                  {t('compare.to')}{' '}
                  <select value={request.periods![side][1]} onChange={(e) => setPeriod(side, 1, Number(e.currentTarget.value))} data-testid={`change-${side}-to`}>
                    {years.map((y) => (
                      <option key={y} value={y}>
                        {y}
                      </option>
                    ))}
                  </select>
                </label>
              </fieldset>
            ))}
            <p className="change-hint">{t('compare.periodsHint')}</p>
            {request.periods.after[1] < request.periods.before[0] && (
              <p className="change-status warning" role="status" data-testid="change-periods-reversed">
                {t('compare.periodsReversed', { before: request.periods.before.join('–'), after: request.periods.after.join('–') })}
              </p>
            )}
            {(state.before || state.after) && (
              <button type="button" className="change-more" onClick={() => store.updateView((v) => ({ ...v, change: { ...v.change, before: null, after: null } }))} data-testid="change-periods-reset">
                {t('compare.reset')}
              </button>
            )}
          </div>
        )}
        {kind === 'link' && (
          <div className="change-link">
            <label htmlFor={linkId}>{t('compare.linkLabel')}</label>
            <div className="change-link-row">
              <input
                id={linkId}
                type="text"
                value={link}
                placeholder={t('compare.linkPlaceholder')}
                onChange={(e) => setLink(e.currentTarget.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') applyLink();
                }}
                data-testid="change-against-input"
              />
              <button type="button" className="change-button" onClick={applyLink} data-testid="change-against-apply">
                {t('compare.apply')}
              </button>
            </div>
            {linkRefused && (
              <p className="change-status warning" role="alert" data-testid="change-against-refused">
                {linkRefused}
              </p>
            )}
            <p className="change-hint">{t('compare.linkHint')}</p>
            {request?.kind === 'link' && request.ignored.length > 0 && (
              <p className="change-note" data-testid="change-ignored">
                {t('compare.ignored', { parameters: request.ignored.join(', ') })}
              </p>
            )}
            {request?.kind === 'link' && request.unread.length > 0 && (
              <p className="change-note" data-testid="change-unread">
                {t('compare.unread', { values: request.unread.map((d) => linkValuesText(d, common)).join('; ') })}
              </p>
            )}
            {request?.kind === 'link' && request.dropped.length > 0 && (
              <p className="change-note" data-testid="change-dropped">
                {t('compare.dropped', { values: request.dropped.map((d) => linkValuesText(d, common)).join('; ') })}
              </p>
            )}
          </div>
        )}
        {!span && kind === 'periods' && <p className="change-note">{t('compare.noYears')}</p>}
      </form>

      {request && (
        <p className="change-views" data-testid="change-views">
          {t('compare.views', { before: filtersInWords(request.before), after: filtersInWords(request.after) })}
        </p>
      )}
      {!request && kind === 'link' && <p className="change-muted">{t('compare.pasteLink')}</p>}

      <ChangeStatus progress={change.progress} error={change.error} fresh={fresh} hasResult={!!result} testId="change" />

      {doc && (
        <div className={`change-results${fresh ? '' : ' is-stale'}`} data-testid="change-results" aria-busy={!fresh}>
          <div className="change-summary-grid">
            {model && layout && (
              <ChangeMap network={network} layout={layout} sectors={sectors} model={model} kind="compare" testId="change-map" label={t('map.labelCompare')} />
            )}
            <TrackerChart tracker={doc.bridgeTracker} />
          </div>
          <ComparisonSections comparison={doc} nameOf={nameOf} prefix="change" marked={false} />
          <section className="change-section change-exports" aria-label={t('export.title')}>
            <h3>{t('export.title')}</h3>
            <div className="change-buttons">
              <button type="button" className="change-button" onClick={() => exportFile('csv')} disabled={!fresh} data-testid="change-export-csv">
                {t('export.csv')}
              </button>
              <button type="button" className="change-button" onClick={() => exportFile('json')} disabled={!fresh} data-testid="change-export-json">
                {t('export.json')}
              </button>
            </div>
            <p className="change-hint">{t('export.compareHint')}</p>
          </section>
        </div>
      )}
    </div>
  );
}

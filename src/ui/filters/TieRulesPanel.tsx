import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Network } from '../../graph/network';
import { summariseProjection } from '../../graph/rules';
import { useVocabulary } from '../../i18n/vocabulary';
import type { ViewRules } from '../../session/viewState';
import { MethodsLink } from '../methods/Methods';

export interface TieRulesPanelProps {
  network: Network;
  rules: ViewRules;
  onChange(rules: ViewRules): void;
}

/**
 * "How ties are made": the projection rules in words, with the figures they produce on this
 * dataset, and the controls to change them (listing kinds, large activities as listings, weight).
 * The same rules are the CLI's --listing-kinds and --weight.
 */
export function TieRulesPanel({ network, rules, onChange }: TieRulesPanelProps) {
  const { t } = useTranslation();
  const vocabulary = useVocabulary();
  // The figures are worked out only while the panel is open: on H2020 they took 0.12 s of every
  // render of a new network, for a panel that starts closed.
  const [open, setOpen] = useState(false);
  const listingNames = rules.listingKinds.map((k) => vocabulary('kind', k).toLowerCase());

  return (
    <details className="facet tie-rules" data-testid="tie-rules" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        {t('rules.title')}
        <span className="tie-rules-summary">
          {listingNames.length ? t('rules.summaryListings', { kinds: listingNames.join(', ') }) : t('rules.summaryCliques')} ·{' '}
          {t(`rules.weight.${rules.weight}`)}
        </span>
      </summary>
      {open && <TieRules network={network} rules={rules} onChange={onChange} />}
    </details>
  );
}

/** The open panel: the rules, their figures on this network, and the controls. */
function TieRules({ network, rules, onChange }: TieRulesPanelProps) {
  const { t } = useTranslation();
  const vocabulary = useVocabulary();
  const weightName = useId();
  const summary = useMemo(() => summariseProjection(network), [network]);
  const listingKinds = new Set(rules.listingKinds);
  const listingActivities = new Set(rules.listingActivities);
  const toggleKind = (kind: string) =>
    onChange({ ...rules, listingKinds: listingKinds.has(kind) ? rules.listingKinds.filter((k) => k !== kind) : [...rules.listingKinds, kind].sort() });
  const toggleActivity = (id: string) =>
    onChange({
      ...rules,
      listingActivities: listingActivities.has(id) ? rules.listingActivities.filter((a) => a !== id) : [...rules.listingActivities, id].sort(),
    });
  const largeNotListed = summary.large.filter((l) => !l.listing);

  return (
    <>
      <p>
        {t('rules.intro')} <MethodsLink section="ties" />
      </p>
      <ul className="tie-rules-list">
        <li>{t('rules.clique')}</li>
        <li>{t('rules.listing')}</li>
        <li>{t('rules.funder', { rows: t('rules.fundingRows', { count: summary.fundingRows }) })}</li>
      </ul>
      <p className="muted" data-testid="tie-rules-counts">
        {t('rules.counts', { count: summary.ties, listings: summary.listings })}
        {summary.listingsWithoutHub > 0 && <> {t('rules.withoutHub', { count: summary.listingsWithoutHub })}</>}
      </p>

      <fieldset className="tie-rules-kinds">
        <legend>{t('rules.kindsLegend')}</legend>
        {/* A list, not a table: the filter column is too narrow for three columns of words. */}
        <ul className="tie-rules-kind-list">
          {summary.kinds.map((k) => (
            <li key={k.kind}>
              <label>
                <input type="checkbox" checked={listingKinds.has(k.kind)} onChange={() => toggleKind(k.kind)} data-testid={`rules-listing-${k.kind}`} />
                {vocabulary('kind', k.kind)}
              </label>
              <span className="tie-rules-figures" title={t('rules.kindTiesHelp')} data-testid={`rules-ties-${k.kind}`}>
                {t('rules.kindFigures', {
                  activities: t('rules.kindActivities', { count: k.activities }),
                  ties: t('rules.kindTies', { count: k.ties }),
                  only: t('rules.kindOnly', { count: k.only }),
                })}
              </span>
            </li>
          ))}
        </ul>
      </fieldset>

      {summary.large.length > 0 && (
        <fieldset className="tie-rules-large" data-testid="rules-large">
          <legend>{t('rules.largeLegend', { count: summary.large.length, threshold: summary.largeThreshold })}</legend>
          <ul>
            {summary.large.slice(0, 20).map((l) => (
              <li key={l.id}>
                <label>
                  <input
                    type="checkbox"
                    checked={l.listing}
                    disabled={l.listing && !listingActivities.has(l.id)}
                    onChange={() => toggleActivity(l.id)}
                    data-testid="rules-large-activity"
                    data-id={l.id}
                  />
                  {t('rules.largeItem', { title: l.title, count: l.participants, pairs: l.pairs })}
                </label>
              </li>
            ))}
          </ul>
          {largeNotListed.length > 1 && (
            <button
              type="button"
              className="link"
              onClick={() => onChange({ ...rules, listingActivities: [...new Set([...rules.listingActivities, ...largeNotListed.map((l) => l.id)])].sort() })}
              data-testid="rules-large-all"
            >
              {t('rules.largeAll', { count: largeNotListed.length })}
            </button>
          )}
        </fieldset>
      )}

      <fieldset>
        <legend>{t('rules.weightLegend')}</legend>
        {(['shared', 'newman'] as const).map((w) => (
          <label key={w} className="tie-rules-weight">
            <input type="radio" name={weightName} checked={rules.weight === w} onChange={() => onChange({ ...rules, weight: w })} data-testid={`rules-weight-${w}`} />
            <span>
              {t(`rules.weight.${w}`)}
              <span className="muted"> — {t(`rules.weightHelp.${w}`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
    </>
  );
}

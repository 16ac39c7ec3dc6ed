import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnalysisResult, OrganisationRow } from '../../analysis';
import { measure } from '../../measures/registry';
import './analysis.css';
import { useAnalysisText } from './messages';
import { DETAIL_MEASURES, formatMeasure, measureExplanation, ROLE_MEASURES } from './metricText';

export interface BrokerPanelProps {
  row: OrganisationRow;
  meta: AnalysisResult['meta'];
}

/**
 * The selected organisation's network position: every measure the registry lists for the details
 * panel with its one-liner, then the brokerage roles, raw and against their expectation under
 * random sector assignment.
 */
export function BrokerPanel({ row, meta }: BrokerPanelProps) {
  const { t: ta, fmt, lang } = useAnalysisText();
  const { t } = useTranslation();
  const titleId = useId();
  const rolesId = useId();
  const isolate = row.degree === 0;
  const total = measure('brokerageTotal');
  const ratio = measure('brokerageRatio');
  return (
    <section className="ana ana-broker" aria-labelledby={titleId} data-testid="broker-panel" data-id={row.id}>
      <h3 id={titleId}>{ta('broker.title')}</h3>
      {isolate && <p className="ana-note">{ta('broker.isolate')}</p>}
      <dl className="ana-metrics">
        {DETAIL_MEASURES.map((m) => (
          <div key={m.id} className="ana-metric" data-testid={`metric-${m.id}`}>
            <dt>{t(`measures:${m.id}.label`)}</dt>
            <dd>
              <span className="ana-metric-value">{formatMeasure(m, row, lang)}</span>
              <span className="ana-metric-text">{measureExplanation(t, m, meta, row, lang)}</span>
            </dd>
          </div>
        ))}
        <div className="ana-metric" data-testid="metric-community">
          <dt>{t('measures:community.label')}</dt>
          <dd>
            <span className="ana-metric-value">{fmt.int(row.community)}</span>
            <span className="ana-metric-text">{t('measures:community.text')}</span>
          </dd>
        </div>
        <div className="ana-metric" data-testid="metric-articulationPoint">
          <dt>{t('measures:articulationPoint.label')}</dt>
          <dd>
            <span className="ana-metric-value">{t(row.articulationPoint ? 'measures:yes' : 'measures:no')}</span>
            <span className="ana-metric-text">{t('measures:articulationPoint.text')}</span>
          </dd>
        </div>
      </dl>
      <h4 id={rolesId}>
        {t(`measures:${total.id}.label`)}
        <span className="ana-muted"> · {formatMeasure(total, row, lang)}</span>
      </h4>
      <p className="ana-metric-text">{t(`measures:${total.id}.text`)}</p>
      <p className="ana-metric-text" data-testid="brokerage-ratio">
        <strong>{t(`measures:${ratio.id}.label`)}: {formatMeasure(ratio, row, lang)}</strong> — {t(`measures:${ratio.id}.text`)}
      </p>
      <table className="ana-table ana-roles" aria-labelledby={rolesId} data-testid="brokerage-table">
        <thead>
          <tr>
            <th scope="col">{ta('broker.role')}</th>
            <th scope="col" className="ana-num">
              {ta('broker.count')}
            </th>
          </tr>
        </thead>
        <tbody>
          {ROLE_MEASURES.map((m) => (
            <tr key={m.id} data-testid={`brokerage-${m.json.replace('brokerage.', '')}`}>
              <th scope="row">
                {t(`measures:${m.id}.label`)}
                <span className="ana-metric-text">{t(`measures:${m.id}.text`)}</span>
              </th>
              <td className="ana-num">{formatMeasure(m, row, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="ana-footnote">{t('measures:gatekeeperNote')}</p>
    </section>
  );
}

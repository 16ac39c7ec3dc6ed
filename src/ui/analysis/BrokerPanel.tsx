import { useId } from 'react';
import type { AnalysisResult, OrganisationRow } from '../../analysis';
import './analysis.css';
import { useAnalysisText } from './messages';
import {
  BROKERAGE_ROLES,
  formatMetric,
  METRIC_KEYS,
  metricExplanation,
  MetricExplanations,
} from './metricText';

export interface BrokerPanelProps {
  row: OrganisationRow;
  meta: AnalysisResult['meta'];
}

/** The selected organisation's network position: every metric with its one-liner, and brokerage roles. */
export function BrokerPanel({ row, meta }: BrokerPanelProps) {
  const { t, fmt, lang } = useAnalysisText();
  const titleId = useId();
  const rolesId = useId();
  const isolate = row.degree === 0;
  return (
    <section className="ana ana-broker" aria-labelledby={titleId} data-testid="broker-panel" data-id={row.id}>
      <h3 id={titleId}>{t('broker.title')}</h3>
      {isolate && <p className="ana-note">{t('broker.isolate')}</p>}
      <dl className="ana-metrics">
        {METRIC_KEYS.map((key) => (
          <div key={key} className="ana-metric" data-testid={`metric-${key}`}>
            <dt>{MetricExplanations[key][lang].label}</dt>
            <dd>
              <span className="ana-metric-value">{formatMetric(key, row, lang)}</span>
              <span className="ana-metric-text">{metricExplanation(key, lang, meta)}</span>
            </dd>
          </div>
        ))}
      </dl>
      <h4 id={rolesId}>
        {MetricExplanations.brokerageTotal[lang].label}
        <span className="ana-muted"> · {fmt.int(row.brokerageTotal)}</span>
      </h4>
      <p className="ana-metric-text">{MetricExplanations.brokerageTotal[lang].text}</p>
      <table className="ana-table ana-roles" aria-labelledby={rolesId} data-testid="brokerage-table">
        <thead>
          <tr>
            <th scope="col">{t('broker.role')}</th>
            <th scope="col" className="ana-num">{t('broker.count')}</th>
          </tr>
        </thead>
        <tbody>
          {BROKERAGE_ROLES.map((role) => (
            <tr key={role} data-testid={`brokerage-${role}`}>
              <th scope="row">
                {MetricExplanations[role][lang].label}
                <span className="ana-metric-text">{MetricExplanations[role][lang].text}</span>
              </th>
              <td className="ana-num">{fmt.int(row.brokerage[role])}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

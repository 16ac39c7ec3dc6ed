/**
 * How a measure's value is shown in the details panel, the tables and the report: formatting per
 * the registry's format, and the one-line explanation from the `measures` namespace. Pure.
 */
import type { TFunction } from 'i18next';
import type { AnalysisMeta, OrganisationRow } from '../../analysis';
import { MEASURES, type MeasureDescriptor } from '../../measures/registry';
import { DASH, numberFormatters, type AnalysisLang } from './format';

/** The measures the details panel lists, in registry order (brokerage roles get their own table). */
export const DETAIL_MEASURES = MEASURES.filter((m) => m.in.details && !m.id.startsWith('brokerage'));
/** The brokerage roles, in registry order. */
export const ROLE_MEASURES = MEASURES.filter((m) => m.id.startsWith('brokerage') && m.id !== 'brokerageTotal' && m.id !== 'brokerageRatio');

/** A measure's value as shown: the dash when it is undefined (isolates), a small-value floor for betweenness. */
export function formatMeasure(m: MeasureDescriptor, row: OrganisationRow, lang: AnalysisLang): string {
  const f = numberFormatters(lang);
  const v = m.fromRow(row);
  if (v === null || !Number.isFinite(v)) return DASH;
  switch (m.format) {
    case 'integer':
      return f.int(v);
    case 'small':
      if (v === 0) return f.int(0);
      return v < 0.0005 ? `< ${f.fixed(0.001, 3)}` : f.fixed(v, 3);
    case 'decimal':
      return m.id === 'ei' ? f.signed(v, 2) : m.id === 'effectiveSize' || m.id === 'strength' ? f.dec(v, 1) : f.fixed(v, 2);
  }
}

/** The one-liner of a measure; for betweenness with how it was computed (exact, or estimated ± error). */
export function measureExplanation(t: TFunction, m: MeasureDescriptor, meta?: Pick<AnalysisMeta, 'betweenness'>, row?: OrganisationRow, lang: AnalysisLang = 'nl'): string {
  const text = t(`measures:${m.id}.text`);
  if (m.id !== 'betweenness' || !meta) return text;
  if (!meta.betweenness.estimated) return `${text} ${t('measures:betweennessExact.text')}`;
  const error = row?.betweennessError ?? null;
  return `${text} ${t('measures:betweennessEstimated.text', { samples: meta.betweenness.samples, error: error === null ? DASH : numberFormatters(lang).fixed(error, 3) })}`;
}

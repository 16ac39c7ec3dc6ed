/** Analysis views of Bruggen: presentational components (props in, callbacks out) and their helpers. */
export { MissingBridgesView, Findings, type MissingBridgesViewProps } from './MissingBridgesView';
export { SectorOverview, type SectorOverviewProps } from './SectorOverview';
export { ConvenersPanel, type ConvenersPanelProps } from './ConvenersPanel';
export { BrokerPanel, type BrokerPanelProps } from './BrokerPanel';
export { AnalysisProgress, type AnalysisProgressProps } from './AnalysisProgress';
export { MixingHeatmap } from './MixingHeatmap';
export { ClusterList, CompositionBar } from './ClusterList';
export { SuggestedTies, type HoveredSuggestion } from './SuggestedTies';
export { MunicipalityPosition } from './MunicipalityPosition';
export {
  analysisText,
  useAnalysisText,
  type AnalysisMessageKey,
  type AnalysisText,
} from './messages';
export { DETAIL_MEASURES, ROLE_MEASURES, formatMeasure, measureExplanation } from './metricText';
export { PROGRESS_STEPS } from './progress';
export type { ClusterKind } from './clusterModel';
export type { OverviewMode } from './overviewLayout';
export { toAnalysisLang, type AnalysisLang } from './format';

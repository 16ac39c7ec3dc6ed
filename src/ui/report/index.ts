export { PrintReport, type PrintReportProps } from './PrintReport';
export { summariseFilters, type FiltersSummaryOptions } from './filtersSummary';
export { clustersLackingTargets } from './content';

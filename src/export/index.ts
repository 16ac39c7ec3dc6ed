export { ExportMenu, type ExportMenuProps } from './ExportMenu';
export { tablesToCsv, organisationsCsv, activitiesCsv, tiesCsv, csvCell, ORGANISATION_CSV_COLUMNS, ACTIVITY_CSV_COLUMNS, TIE_CSV_COLUMNS } from './csv';
export { toGexf, toGraphml, collectExportNetwork, NODE_EXPORT_ATTRIBUTES, EDGE_EXPORT_ATTRIBUTES, type NetworkExportInput } from './network';
export { exportPng, drawMap, exportScale, HIGH_RES_WIDTH, type PngLegend, type PngOptions, type AnySigma } from './image';
export { downloadBlob, downloadText, exportFileName } from './download';

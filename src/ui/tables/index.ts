export { DataTable, type DataTableProps } from './DataTable';
export { OrganisationsTable, type OrganisationsTableProps } from './OrganisationsTable';
export { ActivitiesTable, type ActivitiesTableProps } from './ActivitiesTable';
export { TiesTable, type TiesTableProps } from './TiesTable';
export { activityTableRows, tieTableRows, tieKey, yearsText, type ActivityTableRow, type TieTableRow } from './rows';
export type { Column, CellValue, SortState, SortDirection } from './model';

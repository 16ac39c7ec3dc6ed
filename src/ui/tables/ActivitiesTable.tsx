import { useMemo } from 'react';
import { localTitle, vocabularyLabel } from '../../i18n/vocabulary';
import { DataTable } from './DataTable';
import { formatNumber } from './format';
import { useScoped } from './i18n';
import type { Column } from './model';
import { yearsText, type ActivityTableRow } from './rows';

export interface ActivitiesTableProps {
  /** `activityTableRows(dataset, visibility)`: the activities that pass the filters. */
  rows: readonly ActivityTableRow[];
  /** Selected activity id. */
  selected: string | null;
  onSelect: (id: string) => void;
  height?: string;
}

const rowId = (r: ActivityTableRow) => r.id;

/** The activities within the filters, with their number of visible participants. */
export function ActivitiesTable({ rows, selected, onSelect, height }: ActivitiesTableProps) {
  const { t, lang } = useScoped('tables');
  const columns = useMemo((): Column<ActivityTableRow>[] => {
    const vocabulary = vocabularyLabel(lang);
    return [
      { id: 'id', header: t('colActivityId'), description: t('colActivityIdDesc'), accessor: (r) => r.id, width: 170 },
      { id: 'title', header: t('colTitle'), description: t('colTitleDesc'), accessor: (r) => localTitle(r, lang), width: 300 },
      { id: 'kind', header: t('colKind'), description: t('colKindDesc'), accessor: (r) => vocabulary('kind', r.kind), width: 130 },
      { id: 'source', header: t('colSource'), description: t('colSourceDesc'), accessor: (r) => vocabulary('source', r.source), width: 130 },
      { id: 'scheme', header: t('colScheme'), description: t('colSchemeDesc'), accessor: (r) => r.scheme, width: 110 },
      { id: 'theme', header: t('colTheme'), description: t('colThemeDesc'), accessor: (r) => (r.theme ? vocabulary('theme', r.theme) : r.theme), width: 150 },
      {
        id: 'years',
        header: t('colYears'),
        description: t('colYearsDesc'),
        accessor: (r) => r.startYear ?? r.endYear,
        format: (_v, r) => yearsText(r.startYear, r.endYear) || '–',
        compare: (a, b) =>
          (a.startYear ?? a.endYear ?? 0) - (b.startYear ?? b.endYear ?? 0) ||
          (a.endYear ?? a.startYear ?? 0) - (b.endYear ?? b.startYear ?? 0),
        filterable: true,
        width: 100,
      },
      {
        id: 'organisations',
        header: t('colOrganisations'),
        description: t('colOrganisationsDesc'),
        accessor: (r) => r.organisations,
        format: (v) => formatNumber(v as number, lang),
        numeric: true,
        width: 112,
      },
    ];
  }, [t, lang]);

  return (
    <DataTable
      rows={rows}
      columns={columns}
      rowId={rowId}
      label={t('activitiesTitle')}
      testId="table-activities"
      selected={selected}
      onSelect={(id) => onSelect(id)}
      initialSort={{ column: 'organisations', direction: 'descending' }}
      height={height}
    />
  );
}

import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { MEASURES } from '../../measures/registry';
import type { OrganisationRow } from '../../analysis';
import { SectorCell } from './cells';
import { DataTable } from './DataTable';
import { formatMetric, formatNumber, sectorLabel } from './format';
import { useScoped } from './i18n';
import type { Column } from './model';

export interface OrganisationsTableProps {
  /** `AnalysisResult.organisations`: one row per organisation of the analysed (visible) network. */
  rows: readonly OrganisationRow[];
  /** `AnalysisResult.meta.betweenness.estimated`: betweenness values get a "≈". */
  betweennessEstimated?: boolean;
  /** Selected organisation id. */
  selected: string | null;
  onSelect: (id: string) => void;
  height?: string;
}

const rowId = (r: OrganisationRow) => r.id;

/** Every measure of every organisation, sortable and filterable. */
export function OrganisationsTable({ rows, betweennessEstimated = false, selected, onSelect, height }: OrganisationsTableProps) {
  const { t, lang } = useScoped('tables');
  const { t: common } = useTranslation();
  const columns = useMemo((): Column<OrganisationRow>[] => {
    const count = (v: unknown) => formatNumber(v as number, lang);
    const metric = (v: unknown) => formatMetric(v as number, lang);
    const approx = betweennessEstimated ? '≈ ' : '';
    return [
      { id: 'name', header: t('colName'), description: t('colNameDesc'), accessor: (r) => r.name, width: 260 },
      {
        id: 'sector',
        header: t('colSector'),
        description: t('colSectorDesc'),
        accessor: (r) => sectorLabel(r.sector, lang),
        render: (r) => <SectorCell sector={r.sector} lang={lang} />,
        width: 170,
      },
      // One column per measure the registry marks for the table, worded by the `measures` namespace.
      ...MEASURES.filter((m) => m.in.table).map(
        (m): Column<OrganisationRow> => ({
          id: m.id,
          header: (m.id === 'betweenness' && betweennessEstimated ? `${common(`measures:${m.id}.label`)} ≈` : common(`measures:${m.id}.label`)),
          description: common(`measures:${m.id}.text`),
          accessor: (r) => m.fromRow(r),
          format: (v) => (typeof v === 'number' ? (m.id === 'betweenness' ? approx : '') + (m.format === 'integer' ? count(v) : metric(v)) : '–'),
          numeric: true,
          width: Math.max(96, Math.min(200, 24 + 8 * common(`measures:${m.id}.label`).length)),
        }),
      ),
      { id: 'component', header: t('colComponent'), description: t('colComponentDesc'), accessor: (r) => r.component, format: count, numeric: true, width: 124 },
      { id: 'community', header: t('colCommunity'), description: t('colCommunityDesc'), accessor: (r) => r.community, format: count, numeric: true, width: 88 },
      {
        id: 'articulationPoint',
        header: t('colArticulation'),
        description: t('colArticulationDesc'),
        accessor: (r) => r.articulationPoint,
        format: (v) => (v ? t('yes') : t('no')),
        width: 104,
      },
    ];
  }, [t, common, lang, betweennessEstimated]);

  return (
    <DataTable
      rows={rows}
      columns={columns}
      rowId={rowId}
      label={t('organisationsTitle')}
      testId="table-organisations"
      selected={selected}
      onSelect={(id) => onSelect(id)}
      initialSort={{ column: 'degree', direction: 'descending' }}
      height={height}
    />
  );
}

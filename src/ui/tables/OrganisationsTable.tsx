import { useMemo } from 'react';
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
      { id: 'degree', header: t('colDegree'), description: t('colDegreeDesc'), accessor: (r) => r.degree, format: count, numeric: true, width: 100 },
      { id: 'strength', header: t('colStrength'), description: t('colStrengthDesc'), accessor: (r) => r.strength, format: count, numeric: true, width: 96 },
      {
        id: 'betweenness',
        header: betweennessEstimated ? `${t('colBetweenness')} ≈` : t('colBetweenness'),
        description: betweennessEstimated ? t('colBetweennessEstimatedDesc') : t('colBetweennessDesc'),
        accessor: (r) => r.betweenness,
        format: (v) => (typeof v === 'number' ? approx + metric(v) : '–'),
        numeric: true,
        width: 132,
      },
      { id: 'constraint', header: t('colConstraint'), description: t('colConstraintDesc'), accessor: (r) => r.constraint, format: metric, numeric: true, width: 108 },
      { id: 'effectiveSize', header: t('colEffectiveSize'), description: t('colEffectiveSizeDesc'), accessor: (r) => r.effectiveSize, format: metric, numeric: true, width: 112 },
      { id: 'hierarchy', header: t('colHierarchy'), description: t('colHierarchyDesc'), accessor: (r) => r.hierarchy, format: metric, numeric: true, width: 108 },
      { id: 'participation', header: t('colParticipation'), description: t('colParticipationDesc'), accessor: (r) => r.participation, format: metric, numeric: true, width: 136 },
      { id: 'ei', header: t('colEi'), description: t('colEiDesc'), accessor: (r) => r.ei, format: metric, numeric: true, width: 72 },
      { id: 'component', header: t('colComponent'), description: t('colComponentDesc'), accessor: (r) => r.component, format: count, numeric: true, width: 124 },
      { id: 'community', header: t('colCommunity'), description: t('colCommunityDesc'), accessor: (r) => r.community, format: count, numeric: true, width: 88 },
      { id: 'coordinator', header: t('colCoordinator'), description: t('colCoordinatorDesc'), accessor: (r) => r.brokerage.coordinator, format: count, numeric: true, width: 120 },
      { id: 'itinerant', header: t('colItinerant'), description: t('colItinerantDesc'), accessor: (r) => r.brokerage.itinerant, format: count, numeric: true, width: 108 },
      {
        id: 'gatekeeper',
        header: t('colGatekeeper'),
        description: t('colGatekeeperDesc'),
        accessor: (r) => r.brokerage.gatekeeper_or_representative,
        format: count,
        numeric: true,
        width: 128,
      },
      { id: 'liaison', header: t('colLiaison'), description: t('colLiaisonDesc'), accessor: (r) => r.brokerage.liaison, format: count, numeric: true, width: 92 },
      { id: 'brokerageTotal', header: t('colBrokerageTotal'), description: t('colBrokerageTotalDesc'), accessor: (r) => r.brokerageTotal, format: count, numeric: true, width: 148 },
      {
        id: 'articulationPoint',
        header: t('colArticulation'),
        description: t('colArticulationDesc'),
        accessor: (r) => r.articulationPoint,
        format: (v) => (v ? t('yes') : t('no')),
        width: 104,
      },
    ];
  }, [t, lang, betweennessEstimated]);

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

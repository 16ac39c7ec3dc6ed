import { useMemo, useState } from 'react';
import { SectorCell } from './cells';
import { DataTable } from './DataTable';
import { formatNumber, sectorLabel } from './format';
import { useScoped } from './i18n';
import type { Column } from './model';
import type { TieTableRow } from './rows';

export interface TiesTableProps {
  /** `tieTableRows(result.ties, result.organisations, graph, dataset)`. */
  rows: readonly TieTableRow[];
  /** Selected organisation id: its ties are highlighted and the first one scrolled into view. */
  selected: string | null;
  /** Called with the tie's first organisation when a row is chosen. */
  onSelect: (id: string) => void;
  /** Called with both ends when a row is chosen. */
  onSelectTie?: (tie: { source: string; target: string }) => void;
  height?: string;
}

const rowId = (r: TieTableRow) => r.id;

/** Every visible tie: the two organisations, its weight, the shared activities and whether it is a bridge. */
export function TiesTable({ rows, selected, onSelect, onSelectTie, height }: TiesTableProps) {
  const { t, lang } = useScoped('tables');
  // The tie last chosen here; it stays the table's selection while its organisation is selected.
  const [chosen, setChosen] = useState<TieTableRow | null>(null);
  const columns = useMemo(
    (): Column<TieTableRow>[] => [
      { id: 'sourceName', header: t('colSourceOrg'), description: t('colSourceOrgDesc'), accessor: (r) => r.sourceName, width: 230 },
      {
        id: 'sourceSector',
        header: t('colSourceSector'),
        description: t('colTieSectorDesc'),
        accessor: (r) => sectorLabel(r.sourceSector, lang),
        render: (r) => <SectorCell sector={r.sourceSector} lang={lang} />,
        width: 150,
      },
      { id: 'targetName', header: t('colTargetOrg'), description: t('colTargetOrgDesc'), accessor: (r) => r.targetName, width: 230 },
      {
        id: 'targetSector',
        header: t('colTargetSector'),
        description: t('colTieSectorDesc'),
        accessor: (r) => sectorLabel(r.targetSector, lang),
        render: (r) => <SectorCell sector={r.targetSector} lang={lang} />,
        width: 150,
      },
      {
        id: 'weight',
        header: t('colWeight'),
        description: t('colWeightDesc'),
        accessor: (r) => r.weight,
        format: (v) => formatNumber(v as number, lang),
        numeric: true,
        width: 84,
      },
      {
        id: 'shared',
        header: t('colShared'),
        description: t('colSharedDesc'),
        accessor: (r) => r.activityTitles.join('; '),
        width: 340,
      },
      {
        id: 'bridge',
        header: t('colBridge'),
        description: t('colBridgeDesc'),
        accessor: (r) => r.bridge,
        format: (v) => (v ? t('yes') : t('no')),
        width: 72,
      },
    ],
    [t, lang],
  );

  const touches = (r: TieTableRow, id: string | null) => id !== null && (r.source === id || r.target === id);
  // The row the table shows as selected: the chosen tie while it belongs to the selected
  // organisation, else the first tie of that organisation (so it is scrolled into view).
  const selectedRow = useMemo(() => {
    if (selected === null) return null;
    if (chosen && touches(chosen, selected) && rows.some((r) => r.id === chosen.id)) return chosen.id;
    return rows.find((r) => touches(r, selected))?.id ?? null;
  }, [selected, chosen, rows]);

  return (
    <DataTable
      rows={rows}
      columns={columns}
      rowId={rowId}
      label={t('tiesTitle')}
      testId="table-ties"
      selected={selectedRow}
      isRelated={(r) => touches(r, selected)}
      onSelect={(_id, row) => {
        setChosen(row);
        onSelect(row.source);
        onSelectTie?.({ source: row.source, target: row.target });
      }}
      initialSort={{ column: 'weight', direction: 'descending' }}
      height={height}
    />
  );
}

import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnalysisResult } from '../../analysis';
import type { Visibility } from '../../filters/filters';
import type { Network } from '../../graph/network';
import { ActivitiesTable, activityTableRows, OrganisationsTable, TiesTable, tieTableRows } from '../tables';

const TABLES = ['organisations', 'activities', 'ties'] as const;
type Table = (typeof TABLES)[number];

export interface TablesViewProps {
  network: Network;
  visibility: Visibility;
  result: AnalysisResult | null;
  selected: string | null;
  onSelect(id: string): void;
}

/** The accessible alternative to the canvas: sortable, filterable tables, in sync with the map selection. */
export function TablesView({ network, visibility, result, selected, onSelect }: TablesViewProps) {
  const { t } = useTranslation();
  const [table, setTable] = useState<Table>('organisations');
  const activities = useMemo(() => activityTableRows(network, visibility), [network, visibility]);
  const ties = useMemo(() => (result ? tieTableRows(result.ties, result.organisations, network, visibility) : []), [result, network, visibility]);
  return (
    <div className="tables-view">
      <div className="table-switch" role="group" aria-label={t('views.tables')}>
        {TABLES.map((name) => (
          <button key={name} type="button" aria-pressed={table === name} onClick={() => setTable(name)} data-testid={`table-tab-${name}`}>
            {t(`tables.${name}`)}
          </button>
        ))}
      </div>
      {table === 'organisations' &&
        (result ? (
          <OrganisationsTable rows={result.organisations} betweennessEstimated={result.meta.betweenness.estimated} selected={selected} onSelect={onSelect} height="calc(100vh - 16rem)" />
        ) : (
          <p className="muted">{t('analysis.running')}</p>
        ))}
      {table === 'activities' && <ActivitiesTable rows={activities} selected={null} onSelect={() => undefined} height="calc(100vh - 16rem)" />}
      {table === 'ties' && (result ? <TiesTable rows={ties} selected={selected} onSelect={onSelect} height="calc(100vh - 16rem)" /> : <p className="muted">{t('analysis.running')}</p>)}
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { labelText } from '../../graph/labels';
import type { Network } from '../../graph/network';
import type { MapLevelState } from './useMapLevel';

/**
 * Where the reader is on a large network — the overview of its communities, one community, or
 * every organisation — and the way back.
 */
export function MapLevelBar({ state, network }: { state: MapLevelState; network: Network }) {
  const { t } = useTranslation();
  const { level, overview, busy, setLevel } = state;
  const community = level.kind === 'community' && overview ? overview.communities[level.index] : undefined;
  return (
    <div className="map-level no-print" data-testid="map-level" data-level={level.kind} data-map-obstacle>
      {level.kind === 'overview' && (
        <>
          <span data-testid="overview-status">
            {overview
              ? t('overview.status', { count: overview.communities.length, organisations: overview.organisations - overview.left })
              : t('overview.waiting')}
          </span>
          <button type="button" className="link" onClick={() => setLevel({ kind: 'all' })} data-testid="overview-all">
            {t('overview.showAll')}
          </button>
        </>
      )}
      {level.kind === 'community' && (
        <>
          <button type="button" onClick={() => setLevel({ kind: 'overview' })} data-testid="overview-back">
            {t('overview.back')}
          </button>
          {community && (
            <span data-testid="overview-status">
              {t('overview.community', { name: labelText(network.organisations[community.leader]?.name ?? ''), count: community.members.length })}
            </span>
          )}
        </>
      )}
      {level.kind === 'all' && (
        <button type="button" onClick={() => setLevel({ kind: 'overview' })} data-testid="overview-back">
          {t('overview.backToOverview')}
        </button>
      )}
      {busy && (
        <span className="muted" role="status">
          {t('overview.busy')}
        </span>
      )}
    </div>
  );
}

/**
 * Which level of a large network the map shows: the overview of its communities (the default
 * above OVERVIEW_ABOVE visible organisations), one community with a layout of its own, or every
 * organisation. The aggregation is pure (graph/overview.ts); the layouts run in the layout worker
 * through the session store, which caches them.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { CommunitiesData } from '../../analysis/stages';
import type { Visibility } from '../../filters/filters';
import type { Network } from '../../graph/network';
import { aggregateCommunities, communityLayoutGraph, membersPositions, opensOnOverview, overviewLayoutGraph, type Overview } from '../../graph/overview';
import type { Positions, SessionStore } from '../../session/store';
import { milestone } from '../../session/milestones';

export type MapLevel = { kind: 'all' } | { kind: 'overview' } | { kind: 'community'; index: number };

/** What the map draws. */
export type MapDisplay =
  | { kind: 'all' }
  /** Large network, communities not there yet: the map waits (or the user asks for everything). */
  | { kind: 'pending' }
  | { kind: 'overview'; overview: Overview; positions: Positions }
  | { kind: 'community'; overview: Overview; index: number; positions: Positions };

let ids = 0;
const overviewIds = new WeakMap<Overview, number>();
const idOf = (o: Overview) => {
  let id = overviewIds.get(o);
  if (id === undefined) overviewIds.set(o, (id = ++ids));
  return id;
};

export interface MapLevelState {
  display: MapDisplay;
  /** The overview being shown or drilled into (null for small networks). */
  overview: Overview | null;
  /** The level the user is on (also while its layout is being computed). */
  level: MapLevel;
  /** True while a layout for the wanted level is being computed. */
  busy: boolean;
  large: boolean;
  setLevel(level: MapLevel): void;
  /** Shows these organisations: on the overview, drills into the community of the first. */
  reveal(nodes: readonly number[]): void;
}

export function useMapLevel({ store, network, networkVersion, visibility, sectors, communities }: {
  store: SessionStore;
  network: Network;
  networkVersion: string;
  visibility: Visibility;
  sectors: Uint8Array;
  communities: CommunitiesData | null;
}): MapLevelState {
  const large = opensOnOverview(visibility.counts.organisations);
  const [choice, setChoice] = useState<MapLevel | null>(null);
  // A new network starts on its default level.
  const [forNetwork, setForNetwork] = useState(network);
  if (forNetwork !== network) {
    setForNetwork(network);
    setChoice(null);
  }
  // The aggregation (about 160 ms on H2020) runs in a task of its own, not inside the render that
  // brought the communities: together they made the page's longest task (350 ms, bench:browser).
  const inputs = useMemo(() => (large && communities ? { communities, network, visibility, sectors } : null), [large, communities, network, visibility, sectors]);
  const [aggregated, setAggregated] = useState<{ inputs: NonNullable<typeof inputs>; overview: Overview } | null>(null);
  useEffect(() => {
    if (!inputs) return;
    const timer = setTimeout(() => setAggregated({ inputs, overview: aggregateCommunities(inputs.network, inputs.visibility, inputs.sectors, inputs.communities) }));
    return () => clearTimeout(timer);
  }, [inputs]);
  const fresh = inputs && aggregated?.inputs === inputs ? aggregated.overview : null;
  // The last overview with its layout: kept on screen while a filter change is being recomputed.
  const [shown, setShown] = useState<{ overview: Overview; positions: Positions } | null>(null);
  const [drill, setDrill] = useState<{ overview: Overview; index: number; positions: Positions } | null>(null);

  useEffect(() => {
    if (!fresh) return;
    let live = true;
    milestone('overview-asked');
    void store.layoutOf(`overview:${networkVersion}:${idOf(fresh)}`, overviewLayoutGraph(fresh)).then((positions) => {
      if (!live) return;
      milestone('overview');
      setShown({ overview: fresh, positions });
    });
    return () => {
      live = false;
    };
  }, [fresh, store, networkVersion]);

  const overview = shown?.overview ?? null;
  const level: MapLevel = !large ? { kind: 'all' } : (choice ?? { kind: 'overview' });
  const wantedCommunity = level.kind === 'community' && overview && level.index < overview.communities.length ? level.index : null;

  useEffect(() => {
    if (wantedCommunity === null || !overview) return;
    let live = true;
    const members = overview.communities[wantedCommunity]!.members;
    void store
      .layoutOf(`community:${networkVersion}:${idOf(overview)}:${wantedCommunity}`, communityLayoutGraph(network, visibility, sectors, members))
      .then((layout) => {
        if (live) setDrill({ overview, index: wantedCommunity, positions: membersPositions(network.organisations.length, members, layout) });
      });
    return () => {
      live = false;
    };
    // The layout of a community is made on the visibility it was aggregated under.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [wantedCommunity, overview, store, networkVersion, network, sectors]);

  let display: MapDisplay;
  let busy = false;
  if (level.kind === 'all') display = { kind: 'all' };
  else if (!shown) {
    display = { kind: 'pending' };
    busy = true;
  } else if (level.kind === 'community' && wantedCommunity !== null) {
    if (drill && drill.overview === shown.overview && drill.index === wantedCommunity) display = { kind: 'community', ...drill };
    else {
      display = { kind: 'overview', ...shown };
      busy = true;
    }
  } else display = { kind: 'overview', ...shown };
  if (fresh && fresh !== shown?.overview) busy = true;

  const setLevel = useCallback((next: MapLevel) => setChoice(next), []);
  const reveal = useCallback(
    (nodes: readonly number[]) => {
      if (!large || !overview || !nodes.length || level.kind === 'all') return;
      const first = nodes[0]!;
      const index = overview.communities.findIndex((c) => c.members.includes(first));
      setChoice(index >= 0 ? { kind: 'community', index } : { kind: 'all' });
    },
    [large, overview, level.kind],
  );
  return { display, overview, level, busy, large, setLevel, reveal };
}

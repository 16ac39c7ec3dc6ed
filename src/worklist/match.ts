/**
 * Which introductions of a worklist became real ties in a later dataset.
 *
 * Each party is found in the later data by organisation id, else by its name (normalised as the
 * importer does, matched against names and aliases). A name two organisations of the later data
 * share is ambiguous and matches neither. When both parties are found, the introduction is `tied`
 * when the later data's projection (same tie rules as everywhere; default rules unless given) ties
 * them, with the activities behind the tie; `not_tied` otherwise; `unmatched` when a party is not
 * found, or both are one organisation. Hypothetical participations of the later dataset (a
 * scenario) never count.
 */
import type { Dataset } from '../data/model';
import { normaliseName } from '../data/normalise';
import { withoutHypothetical } from '../data/scenario';
import { buildNetwork, type Network } from '../graph/network';
import { DEFAULT_PROJECTION_RULES, type ProjectionRules } from '../graph/projection';
import type { IntroductionParty, IntroductionStatus, Worklist } from './worklist';

export interface PartyMatch {
  /** The organisation's id in the later data; null when not found. */
  id: string | null;
  by: 'id' | 'name' | null;
  /** The name matched several organisations of the later data. */
  ambiguous: boolean;
}

export interface IntroductionMatch {
  /** Position in the worklist. */
  index: number;
  a: PartyMatch;
  b: PartyMatch;
  outcome: 'tied' | 'not_tied' | 'unmatched';
  /** Ids of the activities behind the tie in the later data (when tied). */
  activities: string[];
  /** `active` when the pair is tied and the worklist does not say so yet; otherwise null. */
  suggestedStatus: IntroductionStatus | null;
  /** Both parties were found and are one organisation of the later data (e.g. by id and by name): unmatched. */
  sameOrganisation: boolean;
}

export interface WorklistMatch {
  matches: IntroductionMatch[];
  tied: number;
  notTied: number;
  unmatched: number;
}

/** `network`: the later dataset's network when the caller has it (the app's session), so it is not rebuilt. */
export function matchWorklist(worklist: Worklist, laterDataset: Dataset, options: { rules?: ProjectionRules; network?: Network } = {}): WorklistMatch {
  const dataset = withoutHypothetical(laterDataset);
  const network = options.network?.dataset === dataset ? options.network : buildNetwork(dataset, options.rules ?? DEFAULT_PROJECTION_RULES);
  const { orgIndex, actIds } = network.projection.incidence;
  const { ties } = network.projection;
  const { offsets, neighbours, ties: tieOf } = network.adjacency;
  // Normalised name → organisation index; -1 when two organisations share it.
  const byName = new Map<string, number>();
  network.organisations.forEach((o, i) => {
    for (const name of [o.name, ...o.aliases]) {
      const k = normaliseName(name);
      if (!k) continue;
      const known = byName.get(k);
      if (known === undefined) byName.set(k, i);
      else if (known !== i) byName.set(k, -1);
    }
  });
  const find = (p: IntroductionParty): { index: number; match: PartyMatch } => {
    const byId = p.id ? orgIndex.get(p.id) : undefined;
    if (byId !== undefined) return { index: byId, match: { id: p.id, by: 'id', ambiguous: false } };
    const k = normaliseName(p.name);
    const i = k ? byName.get(k) : undefined;
    if (i === undefined) return { index: -1, match: { id: null, by: null, ambiguous: false } };
    if (i < 0) return { index: -1, match: { id: null, by: null, ambiguous: true } };
    return { index: i, match: { id: network.organisations[i]!.id, by: 'name', ambiguous: false } };
  };
  const tieBetween = (x: number, y: number): number => {
    // Neighbour lists are sorted: binary search.
    let lo = offsets[x]!;
    let hi = offsets[x + 1]! - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const w = neighbours[mid]!;
      if (w === y) return tieOf[mid]!;
      if (w < y) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  };

  const matches: IntroductionMatch[] = [];
  let tied = 0;
  let notTied = 0;
  let unmatched = 0;
  worklist.forEach((intro, index) => {
    const a = find(intro.a);
    const b = find(intro.b);
    if (a.index < 0 || b.index < 0 || a.index === b.index) {
      unmatched++;
      matches.push({ index, a: a.match, b: b.match, outcome: 'unmatched', activities: [], suggestedStatus: null, sameOrganisation: a.index >= 0 && a.index === b.index });
      return;
    }
    const e = tieBetween(a.index, b.index);
    if (e < 0) {
      notTied++;
      matches.push({ index, a: a.match, b: b.match, outcome: 'not_tied', activities: [], suggestedStatus: null, sameOrganisation: false });
      return;
    }
    tied++;
    const activities: string[] = [];
    for (let p = ties.actOffsets[e]!; p < ties.actOffsets[e + 1]!; p++) activities.push(actIds[ties.acts[p]!]!);
    matches.push({ index, a: a.match, b: b.match, outcome: 'tied', activities, suggestedStatus: intro.status === 'active' ? null : 'active', sameOrganisation: false });
  });
  return { matches, tied, notTied, unmatched };
}

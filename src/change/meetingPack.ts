/**
 * The meeting pack: one page per convener, with why it was chosen (from the analysis), three named
 * introductions among its own partners (`convenerIntroductions`), and for each the shared partners
 * and the activities through which each side knows them. Pure: the analysis document, the network
 * and what the view shows in; the pages out. The focal organisation's position "if these
 * introductions happen" is a scenario the analysis worker runs (`focalIf`).
 */
import type { AnalysisResult } from '../analysis/assemble';
import type { ConvenerPick } from '../analysis/conveners';
import type { PartnerRef } from '../analysis/suggestions';
import type { Visibility } from '../filters/filters';
import type { Network } from '../graph/network';
import type { Language } from '../i18n';
import { localTitle } from '../i18n/localText';
import { convenerIntroductions } from '../worklist/introductions';

export interface SharedPartner {
  partner: PartnerRef;
  /** Titles of the activities organisation A shares with the partner (visible ones). */
  withA: string[];
  withB: string[];
}

export interface PackIntroduction {
  a: PartnerRef;
  b: PartnerRef;
  /** Shared partners, the convener first, at most `maxPartners`. */
  shared: SharedPartner[];
  /** Shared partners not listed. */
  moreShared: number;
}

export interface MeetingPackPage {
  convener: ConvenerPick;
  introductions: PackIntroduction[];
}

/** The tie between two organisation indices, or -1 (adjacency lists are sorted). */
function tieBetween(network: Network, x: number, y: number): number {
  const { offsets, neighbours, ties } = network.adjacency;
  let lo = offsets[x]!;
  let hi = offsets[x + 1]! - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const w = neighbours[mid]!;
    if (w === y) return ties[mid]!;
    if (w < y) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Titles (in `lang`) of the visible activities behind the tie of two organisations (by id). */
export function activitiesBetween(network: Network, visibility: Visibility | null, a: string, b: string, lang: Language, max = 3): string[] {
  const { orgIndex } = network.projection.incidence;
  const x = orgIndex.get(a);
  const y = orgIndex.get(b);
  if (x === undefined || y === undefined) return [];
  const e = tieBetween(network, x, y);
  if (e < 0) return [];
  const { ties } = network.projection;
  const out: string[] = [];
  for (let p = ties.actOffsets[e]!; p < ties.actOffsets[e + 1]! && out.length < max; p++) {
    const act = ties.acts[p]!;
    if (visibility && !visibility.acts[act]) continue;
    const activity = network.activities[act]!;
    out.push(localTitle(activity, lang) || activity.id);
  }
  return out;
}

export function meetingPack(
  result: AnalysisResult,
  network: Network,
  visibility: Visibility | null,
  options: { perConvener?: number; maxPartners?: number; lang?: Language } = {},
): MeetingPackPage[] {
  const per = options.perConvener ?? 3;
  const maxPartners = options.maxPartners ?? 3;
  const lang = options.lang ?? 'nl';
  const intros = convenerIntroductions(result, { perConvener: per });
  return result.conveners.picks.map((convener) => ({
    convener,
    introductions: intros
      .filter((i) => i.convener.id === convener.id)
      .map((i) => {
        // The convener first: it is the one who makes the introduction.
        const partners = [...i.sharedPartners].sort((p, q) => Number(q.id === convener.id) - Number(p.id === convener.id));
        return {
          a: i.a,
          b: i.b,
          shared: partners.slice(0, maxPartners).map((p) => ({
            partner: p,
            withA: activitiesBetween(network, visibility, i.a.id, p.id, lang),
            withB: activitiesBetween(network, visibility, i.b.id, p.id, lang),
          })),
          moreShared: Math.max(0, i.commonNeighbours - Math.min(maxPartners, partners.length)),
        };
      }),
  }));
}

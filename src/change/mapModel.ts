/**
 * What the change map draws, as plain arrays (pure, tested without a canvas): which organisations
 * and ties are shown and how each tie changed. Two views of one network: a tie visible in both is
 * unchanged, only after is formed, only before is lost (the comparison's own definition). A
 * scenario: the real view's ties, and the hypothetical ties drawn apart, with the organisations
 * the scenario added placed among their partners.
 */
import type { TieChange } from '../analysis/compare';
import type { Visibility } from '../filters/filters';
import type { Network } from '../graph/network';
import type { NamedParty } from './document';

export const TIE_HIDDEN = 0;
export const TIE_UNCHANGED = 1;
export const TIE_FORMED = 2;
export const TIE_LOST = 3;

export interface ExtraNode {
  /** Display key (`h<k>`); its index on the map is organisations.length + k. */
  key: string;
  label: string;
  sector: string;
  x: number;
  y: number;
}

export interface OverlayTie {
  /** Display keys of the two ends. */
  from: string;
  to: string;
  kind: 'lost' | 'hypothetical';
}

export interface ChangeMapModel {
  /** 1 per organisation drawn (by index). */
  nodes: Uint8Array;
  /** Per tie (by index): TIE_HIDDEN, TIE_UNCHANGED, TIE_FORMED or TIE_LOST. */
  ties: Uint8Array;
  /** Organisations at an end of a changed tie, or that entered (they get a label). */
  touched: Set<number>;
  extra: ExtraNode[];
  /** Ties drawn dashed over the map: lost ones, and hypothetical ones. */
  dashed: OverlayTie[];
  counts: { unchanged: number; formed: number; lost: number; hypothetical: number };
}

export const organisationDisplayKey = (i: number) => String(i);

export function comparisonMapModel(network: Network, before: Visibility, after: Visibility): ChangeMapModel {
  const N = network.organisations.length;
  const { ties } = network.projection;
  const nodes = new Uint8Array(N);
  for (let i = 0; i < N; i++) nodes[i] = before.orgs[i] || after.orgs[i] ? 1 : 0;
  const state = new Uint8Array(ties.m);
  const touched = new Set<number>();
  const dashed: OverlayTie[] = [];
  const counts = { unchanged: 0, formed: 0, lost: 0, hypothetical: 0 };
  for (let e = 0; e < ties.m; e++) {
    const b = before.tieShared[e]! > 0;
    const a = after.tieShared[e]! > 0;
    if (!a && !b) continue;
    const s = a && b ? TIE_UNCHANGED : a ? TIE_FORMED : TIE_LOST;
    state[e] = s;
    if (s === TIE_UNCHANGED) {
      counts.unchanged++;
      continue;
    }
    touched.add(ties.u[e]!);
    touched.add(ties.v[e]!);
    if (s === TIE_FORMED) counts.formed++;
    else {
      counts.lost++;
      dashed.push({ from: organisationDisplayKey(ties.u[e]!), to: organisationDisplayKey(ties.v[e]!), kind: 'lost' });
    }
  }
  for (let i = 0; i < N; i++) if (after.orgs[i] && !before.orgs[i]) touched.add(i);
  return { nodes, ties: state, touched, extra: [], dashed, counts };
}

/**
 * The real view, with the scenario's hypothetical ties (`tiesFormed` of the scenario comparison)
 * dashed. Organisations the scenario added get a node at the centre of their real partners.
 */
export function scenarioMapModel(
  network: Network,
  layout: { x: ArrayLike<number>; y: ArrayLike<number> },
  visibility: Visibility,
  tiesFormed: readonly TieChange[],
  added: readonly NamedParty[],
): ChangeMapModel {
  const N = network.organisations.length;
  const { ties } = network.projection;
  const { orgIndex } = network.projection.incidence;
  const nodes = Uint8Array.from(visibility.orgs);
  const state = new Uint8Array(ties.m);
  const counts = { unchanged: 0, formed: 0, lost: 0, hypothetical: 0 };
  for (let e = 0; e < ties.m; e++) {
    if (visibility.tieShared[e]! > 0) {
      state[e] = TIE_UNCHANGED;
      counts.unchanged++;
    }
  }
  const extraIndex = new Map<string, number>();
  added.forEach((o, k) => extraIndex.set(o.id, k));
  const keyOf = (id: string): string | null => {
    const i = orgIndex.get(id);
    if (i !== undefined) return organisationDisplayKey(i);
    const k = extraIndex.get(id);
    return k === undefined ? null : `h${k}`;
  };
  const touched = new Set<number>();
  const dashed: OverlayTie[] = [];
  const partners = added.map(() => [] as number[]);
  for (const t of tiesFormed) {
    const from = keyOf(t.source);
    const to = keyOf(t.target);
    if (!from || !to) continue;
    dashed.push({ from, to, kind: 'hypothetical' });
    counts.hypothetical++;
    for (const [id, other] of [[t.source, t.target], [t.target, t.source]] as const) {
      const i = orgIndex.get(id);
      if (i !== undefined) {
        touched.add(i);
        nodes[i] = 1;
      }
      const k = extraIndex.get(id);
      const j = orgIndex.get(other);
      if (k !== undefined && j !== undefined) partners[k]!.push(j);
    }
  }
  // Centre of the layout: where an organisation without real partners goes.
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < N; i++) {
    cx += layout.x[i] ?? 0;
    cy += layout.y[i] ?? 0;
  }
  cx /= Math.max(1, N);
  cy /= Math.max(1, N);
  const extra = added.map((o, k) => {
    const ps = partners[k]!;
    let x = cx;
    let y = cy;
    if (ps.length) {
      x = ps.reduce((s, j) => s + (layout.x[j] ?? 0), 0) / ps.length;
      y = ps.reduce((s, j) => s + (layout.y[j] ?? 0), 0) / ps.length;
    }
    // A little apart, so it does not sit on a partner (deterministic: by its position in the list).
    const angle = (k * 2.399963) % (2 * Math.PI);
    return { key: `h${k}`, label: o.name, sector: o.sector, x: x + Math.cos(angle) * 0.02 * spread(layout, N), y: y + Math.sin(angle) * 0.02 * spread(layout, N) };
  });
  return { nodes, ties: state, touched, extra, dashed, counts };
}

function spread(layout: { x: ArrayLike<number>; y: ArrayLike<number> }, n: number): number {
  let minX = Infinity;
  let maxX = -Infinity;
  for (let i = 0; i < n; i++) {
    const x = layout.x[i] ?? 0;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
  }
  return Number.isFinite(maxX - minX) && maxX > minX ? maxX - minX : 1;
}

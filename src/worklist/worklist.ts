/**
 * A worklist of introductions: suggested ties a network manager decides to pursue, each with a
 * status (to make / made / active — "te leggen / gelegd / actief"), an owner, a note and the dates
 * it was created and last changed. Pure data and pure updates; the app stores it locally and
 * exchanges it as CSV (csv.ts); `matchWorklist` (match.ts) checks it against a later dataset.
 *
 * An introduction is identified by its unordered pair of organisations (each by id, or by name
 * when it has none: `introductionKey`): a worklist holds a pair at most once. Dates are ISO
 * calendar dates (YYYY-MM-DD) the caller passes in, so every function here is deterministic.
 */
import type { AnalysisResult } from '../analysis/assemble';
import { normaliseName } from '../data/normalise';
import { convenerIntroductions, type ConvenerIntroduction } from './introductions';

export const INTRODUCTION_STATUSES = ['to_make', 'made', 'active'] as const;
/** to_make: te leggen; made: gelegd (the parties have met); active: actief (they work together). */
export type IntroductionStatus = (typeof INTRODUCTION_STATUSES)[number];

export const INTRODUCTION_ORIGINS = ['suggestion', 'convener', 'manual'] as const;
/** Where an introduction came from: a suggested tie, a convener's introduction, or the user. */
export type IntroductionOrigin = (typeof INTRODUCTION_ORIGINS)[number];

export interface IntroductionParty {
  id: string;
  name: string;
  sector: string;
}

export interface NamedRef {
  id: string;
  name: string;
}

export interface Introduction {
  a: IntroductionParty;
  b: IntroductionParty;
  status: IntroductionStatus;
  owner: string;
  note: string;
  origin: IntroductionOrigin;
  /** Who would make the introduction (a convener), when known. */
  convener: NamedRef | null;
  /** The shared partners behind the suggestion. */
  via: NamedRef[];
  /** YYYY-MM-DD. */
  created: string;
  updated: string;
}

export type Worklist = readonly Introduction[];

/** The key of an unordered pair of organisation ids (Map keys, never object keys). */
export function pairKey(a: string, b: string): string {
  const [x, y] = a < b ? [a, b] : [b, a];
  return `${x.length}:${x}\u0000${y}`;
}

/** How an introduction names an organisation: by id, or by name when it has no id. */
export type PartyRef = Pick<IntroductionParty, 'id' | 'name'>;

/**
 * The key of one side of an introduction: its id, or its name (compared as names are) when a CSV
 * row gave no id. With the ids alone, every pair named only by names had the same key.
 */
export function partyKey(p: PartyRef): string {
  return p.id ? `id:${p.id}` : `name:${normaliseName(p.name)}`;
}

/** The key of an introduction: its unordered pair of party keys. */
export function introductionKey(i: { a: PartyRef; b: PartyRef }): string {
  return pairKey(partyKey(i.a), partyKey(i.b));
}

/** An ISO calendar date (YYYY-MM-DD) of a Date, in UTC. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export interface SuggestedIntroductionsOptions {
  /** Creation date of the introductions (YYYY-MM-DD). */
  date: string;
  owner?: string;
  /** Suggested ties taken per target-sector pair; default all in the result. */
  perPair?: number;
  /** Introductions per convener; default 3. */
  perConvener?: number;
}

/**
 * The suggested ties of an analysis (per target-sector pair, best first) and the conveners'
 * introductions (pick by pick), as introductions to make. A pair that is both keeps the first
 * (suggestion) and records the convener.
 */
export function suggestedIntroductions(result: AnalysisResult, options: SuggestedIntroductionsOptions): Introduction[] {
  const out: Introduction[] = [];
  const seen = new Map<string, number>();
  const make = (a: IntroductionParty, b: IntroductionParty, origin: IntroductionOrigin, via: NamedRef[], convener: NamedRef | null): Introduction => ({
    a,
    b,
    status: 'to_make',
    owner: options.owner ?? '',
    note: '',
    origin,
    convener,
    via,
    created: options.date,
    updated: options.date,
  });
  for (const pair of result.suggestions.organisations) {
    for (const s of pair.suggestions.slice(0, options.perPair ?? Infinity)) {
      const k = pairKey(s.a.id, s.b.id);
      if (seen.has(k)) continue;
      seen.set(k, out.length);
      out.push(make(party(s.a), party(s.b), 'suggestion', s.sharedPartners.map(named), null));
    }
  }
  for (const c of convenerIntroductions(result, { perConvener: options.perConvener ?? 3 })) {
    const k = pairKey(c.a.id, c.b.id);
    const convener = { id: c.convener.id, name: c.convener.label };
    const at = seen.get(k);
    if (at !== undefined) {
      if (!out[at]!.convener) out[at] = { ...out[at]!, convener };
      continue;
    }
    seen.set(k, out.length);
    out.push(make(party(c.a), party(c.b), 'convener', c.sharedPartners.map(named), convener));
  }
  return out;
}

const party = (p: { id: string; label: string; sector: string }): IntroductionParty => ({ id: p.id, name: p.label, sector: p.sector });
const named = (p: { id: string; label: string }): NamedRef => ({ id: p.id, name: p.label });

/**
 * Finds the introduction a worklist holds for a pair: each side the same organisation, by the same
 * id, or by the same name where one of the two gives no id (a CSV row typed by hand). Two ids are
 * two organisations even under one name. Exact keys alone (introductionKey) let a pair named by
 * ids and the same pair named by names stand twice.
 */
export class IntroductionIndex {
  private readonly held = new Map<string, number>();

  /** Holds introduction `i` at `position` (the first one held under a key stays). */
  add(i: { a: PartyRef; b: PartyRef }, position: number): void {
    for (const k of pairKeys(heldSideKeys(i.a), heldSideKeys(i.b))) if (!this.held.has(k)) this.held.set(k, position);
  }

  /** The position of the introduction held for the pair of `i`, if any. */
  find(i: { a: PartyRef; b: PartyRef }): number | undefined {
    for (const k of pairKeys(newSideKeys(i.a), newSideKeys(i.b))) {
      const position = this.held.get(k);
      if (position !== undefined) return position;
    }
    return undefined;
  }
}

/** A held side is found under its own key (partyKey) and, when it has a name, under `any:` that name. */
function heldSideKeys(p: PartyRef): string[] {
  const name = normaliseName(p.name);
  return name ? [partyKey(p), `any:${name}`] : [partyKey(p)];
}

/** A side with an id finds that id and bare names; a side without one finds its name, with or without id. */
function newSideKeys(p: PartyRef): string[] {
  const name = normaliseName(p.name);
  if (!p.id) return [name ? `any:${name}` : partyKey(p)];
  return name ? [partyKey(p), `name:${name}`] : [partyKey(p)];
}

function pairKeys(a: readonly string[], b: readonly string[]): string[] {
  return a.flatMap((x) => b.map((y) => pairKey(x, y)));
}

/** Adds introductions whose pair the worklist does not hold yet (IntroductionIndex; existing ones keep their status). */
export function addIntroductions(worklist: Worklist, introductions: readonly Introduction[]): { worklist: Introduction[]; added: number; existing: number } {
  const index = new IntroductionIndex();
  worklist.forEach((i, position) => index.add(i, position));
  const out = worklist.slice();
  let added = 0;
  let existing = 0;
  for (const i of introductions) {
    if (index.find(i) !== undefined) {
      existing++;
      continue;
    }
    index.add(i, out.length);
    out.push(i);
    added++;
  }
  return { worklist: out, added, existing };
}

/** Changes status, owner or note of the introduction between a and b (either order); sets `updated`. */
export function updateIntroduction(
  worklist: Worklist,
  a: PartyRef,
  b: PartyRef,
  patch: Partial<Pick<Introduction, 'status' | 'owner' | 'note'>>,
  date: string,
): Introduction[] {
  const k = introductionKey({ a, b });
  return worklist.map((i) => (introductionKey(i) === k ? { ...i, ...patch, updated: date } : i));
}

export function removeIntroduction(worklist: Worklist, a: PartyRef, b: PartyRef): Introduction[] {
  const k = introductionKey({ a, b });
  return worklist.filter((i) => introductionKey(i) !== k);
}

export type { ConvenerIntroduction };

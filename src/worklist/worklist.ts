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

/** Adds introductions whose pair the worklist does not hold yet (existing ones keep their status). */
export function addIntroductions(worklist: Worklist, introductions: readonly Introduction[]): { worklist: Introduction[]; added: number; existing: number } {
  const keys = new Set<string>();
  for (const i of worklist) keys.add(introductionKey(i));
  const out = worklist.slice();
  let added = 0;
  let existing = 0;
  for (const i of introductions) {
    const k = introductionKey(i);
    if (keys.has(k)) {
      existing++;
      continue;
    }
    keys.add(k);
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

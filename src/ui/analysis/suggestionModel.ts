/** Which suggested ties to show. Pure. */
import type { AnalysisResult, SectorPairSuggestions } from '../../analysis';

/**
 * The engine's organisation-level suggestions for pairs of the current target sectors, in the
 * order of `targets` (pairs the engine did not compute are left out).
 */
export function suggestionPairs(result: AnalysisResult, targets: readonly string[]): SectorPairSuggestions[] {
  const ts = [...new Set(targets)];
  const out: SectorPairSuggestions[] = [];
  for (let x = 0; x < ts.length; x++) {
    for (let y = x + 1; y < ts.length; y++) {
      const a = ts[x]!;
      const b = ts[y]!;
      const p = result.suggestions.organisations.find(
        (q) => (q.sectors[0] === a && q.sectors[1] === b) || (q.sectors[0] === b && q.sectors[1] === a),
      );
      if (p) out.push(p);
    }
  }
  return out;
}

export interface NumberedSuggestions<T> {
  /** One entry per pair of organisations, in order of first appearance, numbered from 1. */
  ties: { number: number; suggestion: T }[];
  /** The number of each pair, by `aId|bId` in both orders. */
  numbers: Map<string, number>;
}

/**
 * Numbers the suggested ties drawn on the map and listed in the panels. A pair suggested twice
 * (two conveners can propose the same introduction) is one tie with one number, in either order.
 */
export function numberSuggestions<T extends { a: { id: string }; b: { id: string } }>(list: readonly T[]): NumberedSuggestions<T> {
  const ties: { number: number; suggestion: T }[] = [];
  const numbers = new Map<string, number>();
  for (const s of list) {
    if (numbers.has(`${s.a.id}|${s.b.id}`)) continue;
    const number = ties.length + 1;
    ties.push({ number, suggestion: s });
    numbers.set(`${s.a.id}|${s.b.id}`, number);
    numbers.set(`${s.b.id}|${s.a.id}`, number);
  }
  return { ties, numbers };
}

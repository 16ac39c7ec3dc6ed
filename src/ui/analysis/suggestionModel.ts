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

import { problemKey } from '../../data/problemWords';
import type { ImportProblem, ProblemParams, Severity } from '../../data/report';
import { describeSectorReason } from '../../data/sectorInference';
import type { ImportWords } from './useImportMessages';

/**
 * A problem's message and fix in the UI's language, from its code, variant and parameters (the
 * `problems` keys of the `import` namespace). Problems made outside the import pipeline have no
 * parameters and keep their English words.
 */
export function problemText(p: ImportProblem, words: ImportWords): { message: string; fix?: string } {
  const { t, tp, language } = words;
  if (p.omitted !== undefined) return { message: t('problemMore', { n: p.omitted, limit: Number(p.params?.limit ?? 0) }) };
  if (!p.params) return p.fix ? { message: p.message, fix: p.fix } : { message: p.message };
  const params = localParams(p.params, t, language);
  const key = problemKey(p.code, p.variant);
  const count = p.params.count;
  const message =
    typeof count === 'number' ? tp(`${key}.message`, count, { ...params, defaultValue: p.message }) : t(`${key}.message`, { ...params, defaultValue: p.message });
  // A variant without a fix of its own has the code's.
  const codeFix = p.variant ? t(`${problemKey(p.code)}.fix`, { ...params, defaultValue: p.fix ?? '' }) : p.fix ?? '';
  const fix = t(`${key}.fix`, { ...params, defaultValue: codeFix });
  return fix ? { message, fix } : { message };
}

/** A problem as one line of text: its message, then "Fix: …" when it has one. */
export function problemLine(p: ImportProblem, words: ImportWords): string {
  const { message, fix } = problemText(p, words);
  return fix ? `${message} ${words.t('fix', { fix })}` : message;
}

/** Parameters that are vocabulary in the data (sector ids, a sector rule) in the UI's words. */
function localParams(params: ProblemParams, t: ImportWords['t'], language: 'nl' | 'en'): ProblemParams {
  const out: ProblemParams = { ...params };
  for (const key of ['sector', 'otherSector']) {
    const v = params[key];
    if (typeof v === 'string') out[key] = t(`common:sectors.${v}.name`, { defaultValue: v });
  }
  if (typeof params.reason === 'string') out.why = describeSectorReason(params.reason, language);
  return out;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export interface ProblemGroup {
  key: string;
  severity: Severity;
  code: string;
  problems: ImportProblem[];
  /** Problems the group stands for: listed ones plus those in "…and N more" lines. */
  count: number;
}

/** Repeated remarks (same severity, code and variant) become one group; errors first, then in order of appearance. */
export function groupProblems(problems: readonly ImportProblem[]): ProblemGroup[] {
  const groups = new Map<string, ProblemGroup>();
  for (const p of problems) {
    // A variant is another message: grouped under the first's words, a JSON file that was cut off
    // and one with a mistake on line 3 both read "looks cut off".
    const key = `${p.severity}\u0000${p.code}\u0000${p.variant ?? ''}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, severity: p.severity, code: p.code, problems: [], count: 0 }));
    g.problems.push(p);
    g.count += p.omitted ?? 1;
  }
  return [...groups.values()].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}


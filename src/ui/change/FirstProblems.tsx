import type { ImportProblem } from '../../data/report';
import { visibleText } from '../../data/visibleText';
import { problemText } from '../import/problemText';
import { useImportMessages } from '../import/useImportMessages';
import { useChangeText } from './text';

/** Problems of a small file (a scenario, a worklist) listed; the rest are counted. */
const PROBLEMS_SHOWN = 5;

/**
 * The first problems of a small file in the UI's language (with their row and column, for the
 * rows' own, or where `placeOf` says they are), and how many more there are. `testId` is the
 * list's hook; the count line's is `testId`-more.
 */
export function FirstProblems({
  problems,
  withRow = false,
  placeOf,
  testId,
}: {
  problems: readonly ImportProblem[];
  withRow?: boolean;
  /** The words before a problem of a row (ending in ":"), instead of its row number; null: the row number (withRow). */
  placeOf?: (problem: ImportProblem) => string | null;
  testId: string;
}) {
  const { t, tp } = useChangeText();
  const importWords = useImportMessages();
  if (!problems.length) return null;
  const placeText = (p: ImportProblem): string | null => {
    const named = placeOf?.(p);
    if (named) return named;
    if (!withRow || p.row === undefined) return null;
    return p.column ? t('whatif.problemRowColumn', { row: p.row, column: p.column }) : t('whatif.problemRow', { row: p.row });
  };
  return (
    <ul className="change-problems" data-testid={testId}>
      {problems.slice(0, PROBLEMS_SHOWN).map((p, i) => (
        <li key={i} data-code={p.code} data-row={p.row}>
          {placeText(p) && `${placeText(p)} `}
          {visibleText(problemText(p, importWords).message)}
        </li>
      ))}
      {problems.length > PROBLEMS_SHOWN && <li data-testid={`${testId}-more`}>{tp('whatif.problemsMore', problems.length - PROBLEMS_SHOWN)}</li>}
    </ul>
  );
}

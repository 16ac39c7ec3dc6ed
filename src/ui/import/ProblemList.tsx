import { useMemo, useState } from 'react';
import type { ImportProblem } from '../../data/report';
import { groupProblems, problemText, type ProblemGroup as Group } from './problemText';
import type { ImportWords } from './useImportMessages';

/** Groups and rows rendered at most; the downloadable report has every problem. */
const SHOWN = 200;

const where = (p: ImportProblem, words: ImportWords) => [p.file, p.row ? words.t('row', { row: p.row }) : '', p.column ?? ''].filter(Boolean).join(' · ');

/** Problems with file, row, column, reason and fix, in the UI's language. Values from files are rendered as text only. */
export function ProblemList({ problems, words, testId = 'import-problems' }: { problems: readonly ImportProblem[]; words: ImportWords; testId?: string }) {
  const { t } = words;
  const [showInfo, setShowInfo] = useState(false);
  const info = useMemo(() => problems.filter((p) => p.severity === 'info').length, [problems]);
  const groups = useMemo(() => groupProblems(showInfo ? problems : problems.filter((p) => p.severity !== 'info')), [problems, showInfo]);
  return (
    <div className="import-problems">
      {groups.length === 0 && info === 0 && <p className="muted">{t('noProblems')}</p>}
      <ul data-testid={testId}>
        {groups.slice(0, SHOWN).map((g) =>
          g.problems.length === 1 && g.count === 1 ? (
            <ProblemItem key={g.key} problem={g.problems[0]!} words={words} />
          ) : (
            <ProblemGroup key={g.key} group={g} words={words} />
          ),
        )}
      </ul>
      {groups.length > SHOWN && <p className="muted">{t('moreGroups', { n: groups.length - SHOWN })}</p>}
      {info > 0 && (
        <label className="import-check">
          <input type="checkbox" checked={showInfo} onChange={(e) => setShowInfo(e.target.checked)} /> {t('showInfo', { count: info })}
        </label>
      )}
    </div>
  );
}

function ProblemItem({ problem: p, words }: { problem: ImportProblem; words: ImportWords }) {
  const { message, fix } = problemText(p, words);
  return (
    <li className={`problem ${p.severity}`} data-code={p.code} data-severity={p.severity}>
      <span className="problem-severity">{words.t(`severity_${p.severity}`)}</span> <span className="problem-where">{where(p, words)}</span>
      <div className="problem-message">{message}</div>
      {fix && <div className="problem-fix">{words.t('fix', { fix })}</div>}
    </li>
  );
}

/** One line per kind of remark with how often it occurs; the rows open on request (rendered only then). */
function ProblemGroup({ group, words }: { group: Group; words: ImportWords }) {
  const { t } = words;
  const [open, setOpen] = useState(false);
  const first = group.problems[0]!;
  const { message, fix } = problemText(first, words);
  const rows = open ? group.problems.slice(0, SHOWN) : [];
  return (
    <li className={`problem ${group.severity} problem-group`} data-code={group.code} data-severity={group.severity} data-count={group.count}>
      <span className="problem-severity">{t(`severity_${group.severity}`)}</span> <span className="problem-count">{t('groupCount', { n: group.count })}</span>{' '}
      <span className="problem-where">{t('groupFirst', { where: where(first, words) })}</span>
      <div className="problem-message">{message}</div>
      {fix && <div className="problem-fix">{t('fix', { fix })}</div>}
      <details onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
        <summary>{t('groupShow', { n: group.count })}</summary>
        {open && (
          <ul className="problem-rows" data-testid="problem-rows">
            {rows.map((p, i) => (
              <li key={i} data-code={p.code}>
                <span className="problem-where">{where(p, words)}</span> {problemText(p, words).message}
              </li>
            ))}
            {group.problems.length > SHOWN && <li className="muted">{t('moreRows', { n: group.problems.length - SHOWN })}</li>}
          </ul>
        )}
      </details>
    </li>
  );
}

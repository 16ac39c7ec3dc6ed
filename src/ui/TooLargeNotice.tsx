import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TooLarge } from '../graph/projection';

/** Activities named in each list of the notice; the listing button still lists all of them. */
const SHOWN = 10;

/**
 * Instead of a network too large to build: the activities that make it so, a button that treats
 * them as listings (tied to their hub only), and those a listing cannot shrink, whose roles must
 * change in the file.
 */
export function TooLargeNotice({ problem, onList }: { problem: TooLarge; onList: (activityIds: string[]) => void }) {
  const { t } = useTranslation();
  const { large, unlistable } = problem;
  return (
    <section className="status too-large" role="alert" data-testid="too-large">
      <h2>{t('tooLarge.title')}</h2>
      <p>{t(!unlistable.length ? 'tooLarge.body' : large.length ? 'tooLarge.bodyBoth' : 'tooLarge.bodyRoles', { pairs: problem.pairs })}</p>
      {large.length > 0 && (
        <>
          <FirstFew items={large} moreTestId="too-large-more">
            {(a) => t('tooLarge.activity', { id: a.id, participants: a.participants, pairs: a.pairs })}
          </FirstFew>
          <button type="button" className="primary" data-testid="too-large-listings" onClick={() => onList(large.map((a) => a.id))}>
            {t('tooLarge.action', { count: large.length })}
          </button>
        </>
      )}
      {unlistable.length > 0 && (
        <div data-testid="too-large-roles">
          <p>{t('tooLarge.roles', { count: unlistable.length })}</p>
          <FirstFew items={unlistable}>{(a) => t('tooLarge.hubActivity', { id: a.id, participants: a.participants, hubs: a.hubs, pairs: a.pairs })}</FirstFew>
          <p>{t('tooLarge.rolesFix', { count: unlistable.length })}</p>
        </div>
      )}
    </section>
  );
}

/** The first SHOWN activities, then "… and N more" (also the what-if's too-large notice). */
export function FirstFew<A extends { id: string }>({ items, moreTestId, children }: { items: readonly A[]; moreTestId?: string; children: (item: A) => ReactNode }) {
  const { t } = useTranslation();
  return (
    <ul>
      {items.slice(0, SHOWN).map((a) => (
        <li key={a.id}>{children(a)}</li>
      ))}
      {items.length > SHOWN && <li data-testid={moreTestId}>{t('tooLarge.more', { count: items.length - SHOWN })}</li>}
    </ul>
  );
}

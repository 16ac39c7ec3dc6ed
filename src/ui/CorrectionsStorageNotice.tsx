import { useSession, useStore } from '../session/react';
import { DamagedStoredNotice, NotSavedNotice } from './change/DamagedStoredNotice';

/**
 * The sector corrections stored for this dataset could not be read whole, or the browser refused
 * to store the latest one: said as the worklist and the scenario say it of themselves.
 */
export function CorrectionsStorageNotice({ datasetSlug }: { datasetSlug: string }) {
  const store = useStore();
  const { damage, notSaved } = useSession((s) => s.correctionsStorage);
  return (
    <>
      {damage && <DamagedStoredNotice damage={damage} kind="corrections" datasetSlug={datasetSlug} onDismiss={() => store.dismissCorrectionsDamage()} />}
      {notSaved && <NotSavedNotice kind="corrections" />}
    </>
  );
}

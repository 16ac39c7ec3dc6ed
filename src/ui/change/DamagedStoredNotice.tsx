/**
 * Says that a stored worklist, what-if scenario or set of sector corrections could not be read whole, where its text is kept,
 * and offers it for download; and that the browser refused to store one (storage full). The user's
 * own work is never dropped unseen (src/change/storage.ts).
 */
import type { DamagedStored } from '../../change/storage';
import { downloadText, exportFileName } from '../../export/download';
import { useChangeText } from './text';

/** What the user keeps in the browser's storage: the worklist, a dataset's scenario, its sector corrections. */
type StoredKind = 'worklist' | 'whatif' | 'corrections';

export function DamagedStoredNotice({
  damage,
  kind,
  datasetSlug,
  onDismiss,
}: {
  damage: DamagedStored;
  /** The words (`worklist.damaged.*`, `whatif.damaged.*`, `corrections.damaged.*`) and test ids (`worklist-damaged`, …). */
  kind: StoredKind;
  datasetSlug: string;
  onDismiss(): void;
}) {
  const { t, tp } = useChangeText();
  const download = () => downloadText(damage.text, exportFileName(datasetSlug, `${kind}-damaged`, 'json'), 'application/json');
  return (
    <div className="change-status warning" role="alert" data-testid={`${kind}-damaged`}>
      <p>
        {damage.unreadable ? t(`${kind}.damaged.unreadable`) : damage.skipped ? tp(`${kind}.damaged.skipped`, damage.skipped) : ''}
        {damage.altered ? ` ${tp(`${kind}.damaged.altered`, damage.altered)}` : ''} {t(`${kind}.damaged.kept`, { key: damage.key })}
      </p>
      <div className="change-buttons">
        <button type="button" className="change-button" onClick={download} data-testid={`${kind}-damaged-download`}>
          {t('damaged.download')}
        </button>
        <button type="button" className="change-button" onClick={onDismiss} data-testid={`${kind}-damaged-dismiss`}>
          {t('damaged.dismiss')}
        </button>
      </div>
    </div>
  );
}

/** The browser refused to store the worklist, scenario or sector corrections as they are now: they last for this session only. */
export function NotSavedNotice({ kind }: { kind: StoredKind }) {
  const { t } = useChangeText();
  return (
    <p className="change-status warning" role="alert" data-testid={`${kind}-not-saved`}>
      {t(`${kind}.notSaved`)}
    </p>
  );
}

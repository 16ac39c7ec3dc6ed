import { useId, useState, type DragEvent } from 'react';
import type { ImportT } from './useImportMessages';

export const ACCEPTED_FILES = '.csv,.tsv,.txt,.xlsx,.json,.gexf,text/csv,text/plain,application/json';

/** A file picker and a drop target for one or more files. */
export function DropZone({ t, onFiles }: { t: ImportT; onFiles: (files: File[]) => void }) {
  const [over, setOver] = useState(false);
  const inputId = useId();
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setOver(false);
    const files = Array.from(e.dataTransfer?.files ?? []);
    if (files.length) onFiles(files);
  };
  return (
    <div
      className={`import-drop${over ? ' over' : ''}`}
      data-testid="drop-zone"
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <p className="import-drop-title">{t('drop')}</p>
      <p className="muted">{t('or')}</p>
      <label htmlFor={inputId} className="import-button primary">
        {t('choose')}
      </label>
      <input
        id={inputId}
        className="visually-hidden"
        type="file"
        multiple
        accept={ACCEPTED_FILES}
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          // Clearing lets the same file be chosen again after a fix.
          e.target.value = '';
          if (files.length) onFiles(files);
        }}
      />
      <p className="muted import-accepted">{t('acceptedTypes')}</p>
    </div>
  );
}

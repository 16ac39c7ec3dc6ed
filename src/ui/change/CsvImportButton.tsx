/** A button that opens the file chooser for a CSV, and hands the chosen file's text on. */
import { useRef } from 'react';

export function CsvImportButton({ label, testId, onText }: { label: string; testId: string; onText(text: string, name: string): void }) {
  const file = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className="change-button" onClick={() => file.current?.click()} data-testid={`${testId}-button`}>
        {label}
      </button>
      <input
        ref={file}
        type="file"
        accept=".csv,.tsv,.txt,text/csv"
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        data-testid={testId}
        onChange={async (e) => {
          const f = e.currentTarget.files?.[0];
          // Cleared so that choosing the same file again is a new choice.
          e.currentTarget.value = '';
          if (f) onText(await f.text(), f.name);
        }}
      />
    </>
  );
}

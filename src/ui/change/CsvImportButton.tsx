/**
 * A button that opens the file chooser for a CSV and hands the chosen file's text on, read as the
 * importer reads files (readTextFile): an image, PDF, workbook or Bruggen document is refused with
 * its reason, a file over SMALL_CSV_MAX_BYTES is refused before it is read, and a Windows-1252
 * file is decoded as such and said to be.
 */
import { useRef } from 'react';
import { readTextFile, smallCsvSizeProblem } from '../../data/import/textFile';
import { problemLine } from '../import/problemText';
import { useImportMessages } from '../import/useImportMessages';

export function CsvImportButton({
  label,
  testId,
  onText,
  onRefused,
}: {
  label: string;
  testId: string;
  /** The file's text, and notes on how it was read (the encoding), in the UI's language. */
  onText(text: string, name: string, notes: readonly string[]): void;
  /** Why the file cannot be used, in the UI's language. */
  onRefused(reason: string): void;
}) {
  const file = useRef<HTMLInputElement>(null);
  const words = useImportMessages();
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
          if (!f) return;
          const tooLarge = smallCsvSizeProblem(f.name, f.size);
          if (tooLarge) {
            onRefused(problemLine(tooLarge, words));
            return;
          }
          const read = readTextFile(new Uint8Array(await f.arrayBuffer()), f.name);
          if (!read.ok) onRefused(problemLine(read.problem, words));
          else onText(read.text, f.name, read.problems.map((p) => problemLine(p, words)));
        }}
      />
    </>
  );
}

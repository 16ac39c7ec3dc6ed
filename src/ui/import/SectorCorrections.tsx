import { useId, useState } from 'react';
import type { Dataset, Organisation } from '../../data/model';
import { correctionsToCsv, parseCorrectionsCsv } from '../../data/sectorCorrections';
import { SECTORS, type Sector } from '../../data/sectors';
import { useTranslation } from 'react-i18next';
import { downloadText } from './download';
import { readTextFile, smallCsvSizeProblem } from '../../data/import/textFile';
import { problemLine } from './problemText';
import { useImportMessages } from './useImportMessages';

/** Remarks on an imported corrections file shown in the message; the rest are counted. */
const SHOWN_REMARKS = 3;

export interface SectorCorrectionsProps {
  /** The organisation as imported (before corrections). */
  organisation: Organisation;
  /** The dataset as imported, for the CSV export and import. */
  dataset: Dataset;
  corrections: ReadonlyMap<string, Sector>;
  onChange(corrections: ReadonlyMap<string, Sector>): void;
}

/** Shows where an organisation's sector comes from and lets the user correct it. */
export function SectorCorrections({ organisation: o, dataset, corrections, onChange }: SectorCorrectionsProps) {
  const words = useImportMessages();
  const { t } = words;
  const { t: common } = useTranslation();
  const [message, setMessage] = useState<string>();
  const fileId = useId();
  const corrected = corrections.get(o.id);
  const sector = corrected ?? o.sector;
  const set = (value: Sector) => {
    const next = new Map(corrections);
    if (value === o.sector && !o.sectorInferred) next.delete(o.id);
    else next.set(o.id, value);
    onChange(next);
  };
  const reset = () => {
    const next = new Map(corrections);
    next.delete(o.id);
    onChange(next);
  };
  const importCsv = async (file: File) => {
    const tooLarge = smallCsvSizeProblem(file.name, file.size);
    if (tooLarge) {
      setMessage(problemLine(tooLarge, words));
      return;
    }
    const text = readTextFile(new Uint8Array(await file.arrayBuffer()), file.name);
    if (!text.ok) {
      setMessage(problemLine(text.problem, words));
      return;
    }
    const { corrections: read, problems } = parseCorrectionsCsv(text.text, dataset, file.name);
    onChange(new Map([...corrections, ...read]));
    // A few remarks, then how many more: a file of 200,000 unknown ids made a message of 20 MB.
    const remarks = text.problems.concat(problems);
    const shown = [...new Set(remarks.slice(0, SHOWN_REMARKS).map((p) => problemLine(p, words)))];
    const more = remarks.length > SHOWN_REMARKS ? [t('correctionsMoreRemarks', { n: remarks.length - SHOWN_REMARKS })] : [];
    setMessage([words.tp('correctionsImported', read.size), ...shown, ...more].join(' '));
  };
  const count = corrections.size;
  return (
    <div className="sector-corrections" data-testid="sector-corrections">
      <div className="row">
        <label>
          <span className="visually-hidden">{t('sectorChange')}</span>
          <select value={sector} onChange={(e) => set(e.target.value as Sector)} aria-label={t('sectorChange')} data-testid="sector-select">
            {SECTORS.map((s) => (
              <option key={s} value={s}>
                {common(`sectors.${s}.label`)}
              </option>
            ))}
          </select>
        </label>
        {corrected ? (
          <>
            <em>{t('sectorCorrected')}</em>
            <button type="button" className="link" onClick={reset}>
              {t('sectorReset')}
            </button>
          </>
        ) : (
          o.sectorInferred && <em>{t('sectorInferred')}</em>
        )}
      </div>
      <div className="row">
        <span className="muted">{words.tp('correctionsCount', count)}</span>
        <button
          type="button"
          className="link"
          disabled={!count}
          onClick={() => downloadText('bruggen-sector-corrections.csv', correctionsToCsv(dataset, corrections))}
        >
          {t('correctionsExport')}
        </button>
        <label htmlFor={fileId} className="link">
          {t('correctionsImport')}
        </label>
        <input
          id={fileId}
          className="visually-hidden"
          type="file"
          accept=".csv,text/csv"
          data-testid="corrections-import"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void importCsv(file);
          }}
        />
      </div>
      {message && (
        <p className="muted" role="status" data-testid="corrections-message">
          {message}
        </p>
      )}
    </div>
  );
}

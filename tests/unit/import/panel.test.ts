// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createElement } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { setupI18n } from '../../../src/i18n';
import { createInlineEngine, type ImportEngine } from '../../../src/ui/import/engine';
import { ImportPanel, type ImportResult } from '../../../src/ui/import/ImportPanel';
import { FIXTURES } from './helpers';

/**
 * The import panel on its own (jsdom, the pipeline inline instead of in a worker): the same
 * flow as the browser test — a file that needs a mapping, the report, a duplicate decision, the
 * result — plus a broken file and a cancelled read.
 */
const file = (name: string) => new File([readFileSync(join(FIXTURES, name))], name);
const memoryStorage = () => {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), removeItem: (k: string) => void m.delete(k) };
};

beforeAll(() => {
  setupI18n('nl');
});
afterEach(cleanup);

function renderPanel(engine: ImportEngine = createInlineEngine()) {
  const onImported = vi.fn<(r: ImportResult) => void>();
  const storage = memoryStorage();
  const view = render(createElement(ImportPanel, { onImported, engine, storage }));
  const input = view.container.querySelector('input[type=file]') as HTMLInputElement;
  return { onImported, input, storage, view };
}

describe('ImportPanel', () => {
  it('maps an unrecognised ;-separated Windows-1252 file, reports, merges a duplicate and hands over the dataset', async () => {
    const { onImported, input, storage } = renderPanel();
    fireEvent.change(input, { target: { files: [file('deelnemers-cp1252.csv')] } });
    const step = await screen.findByTestId('mapping-step');
    expect(step.textContent).toContain('codering windows-1252');
    expect(step.textContent).toContain('Robotica Zoë B.V.');
    expect(within(step).getByTestId('mapping-missing').textContent).toContain('Project / activiteit');
    const continueButton = screen.getByTestId('mapping-continue') as HTMLButtonElement;
    expect(continueButton.disabled).toBe(true);
    const choose = (column: string, field: string) =>
      fireEvent.change(step.querySelector(`select[data-column="${column}"]`)!, { target: { value: field } });
    choose('Trajectcode', 'activity_id');
    choose('Trajectnaam', 'activity_title');
    // A field another column has is named with that column in the list, and taking it says so
    // (it moved without a word, leaving the other column not imported).
    choose('Betrokkene', 'activity_title');
    expect(within(step).getByTestId('mapping-moved').textContent).toBe('"Projecttitel" komt nu uit kolom "Betrokkene"; kolom "Trajectnaam" wordt niet meer geïmporteerd.');
    expect((step.querySelector('select[data-column="Trajectnaam"]') as HTMLSelectElement).value).toBe('');
    const titleOption = step.querySelector('select[data-column="Trajectnaam"] option[value="activity_title"]')!;
    expect(titleOption.textContent).toBe('Projecttitel (nu kolom "Betrokkene")');
    choose('Trajectnaam', 'activity_title');
    choose('Betrokkene', 'organisation');
    expect(within(step).queryByTestId('mapping-moved')).toBeNull();
    choose('Soort betrokkene', 'organisation_type');
    fireEvent.click(screen.getByLabelText(/Onthoud deze toewijzing/));
    expect(continueButton.disabled).toBe(false);
    fireEvent.click(continueButton);

    const report = await screen.findByTestId('import-report');
    expect(screen.getByTestId('import-summary').textContent).toContain('15 rijen gelezen: 14 gebruikt, 0 samengevoegd (dubbel), 1 afgewezen.');
    expect(report.textContent).toContain('6 organisaties kregen een sector op basis van');
    const error = within(report).getByTestId('import-problems').querySelector('[data-code="missing-activity-id"]')!;
    expect(error.textContent).toContain('rij 16 · Trajectcode');
    const duplicates = screen.getByTestId('duplicates');
    expect(duplicates.textContent).toContain('De Haagse Hogeschool = Haagse Hogeschool');
    fireEvent.click(within(duplicates).getByRole('button', { name: 'Samenvoegen' }));
    // The engine merges and sends back the counts: one organisation fewer.
    await waitFor(() => expect(screen.getByTestId('import-summary').textContent).toContain('Resultaat: 12 organisaties'));
    fireEvent.click(screen.getByTestId('import-confirm'));
    await waitFor(() => expect(onImported).toHaveBeenCalledTimes(1));
    const result = onImported.mock.calls[0]![0];
    expect(result.label).toBe('deelnemers-cp1252.csv');
    expect(result.dataset.organisations).toHaveLength(12);
    expect(result.dataset.activities).toHaveLength(3);
    expect(result.dataset.participations).toHaveLength(14);
    expect(result.dataset.organisations.find((o) => o.name === 'De Haagse Hogeschool')!.aliases).toEqual(['Haagse Hogeschool']);
    expect(result.report.rowsRead).toBe(result.report.rowsUsed + result.report.rowsMerged + result.report.rowsRejected);
    // The mapping was remembered: the same file goes straight to the report next time.
    cleanup();
    const again = render(createElement(ImportPanel, { onImported, engine: createInlineEngine(), storage }));
    fireEvent.change(again.container.querySelector('input[type=file]')!, { target: { files: [file('deelnemers-cp1252.csv')] } });
    await screen.findByTestId('import-report');
  });

  it('shows a specific error for a dropped binary file, rendering names as text', async () => {
    renderPanel();
    fireEvent.drop(screen.getByTestId('drop-zone'), { dataTransfer: { files: [file('broken.csv')] } });
    const error = await screen.findByTestId('import-error');
    // Worded in the UI's language from the problem's code and parameters.
    expect(error.querySelector('[data-code="binary-file"]')!.textContent).toContain('"broken.csv" is geen tekstbestand');
    const { input } = { input: document.querySelector('input[type=file]') as HTMLInputElement };
    fireEvent.change(input, { target: { files: [new File(['activity_id,organisation\nA1,<img src=x onerror=alert(1)>\n'], 'x.csv')] } });
    await screen.findByTestId('import-report');
    expect(document.querySelector('img')).toBeNull();
    fireEvent.click(screen.getByLabelText(/informatieve meldingen/));
    expect(screen.getByTestId('import-problems').textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it('shows progress while reading and can be cancelled', async () => {
    let cancel!: () => void;
    const engine: ImportEngine = {
      read(_files, onProgress) {
        const result = new Promise<'cancelled'>((resolve) => {
          cancel = () => resolve('cancelled');
          setTimeout(() => onProgress({ file: 'big.csv', fileIndex: 0, fileCount: 1, phase: 'parsing', fraction: 0.5 }), 0);
        });
        return { result, cancel: () => cancel() };
      },
      build: () => ({ result: Promise.reject(new Error('not reached')), cancel() {} }),
      review: () => Promise.reject(new Error('not reached')),
      take: () => Promise.reject(new Error('not reached')),
      dispose() {},
    };
    renderPanel(engine);
    fireEvent.change(document.querySelector('input[type=file]')!, { target: { files: [new File(['x'], 'big.csv')] } });
    await waitFor(() => expect((screen.getByTestId('import-progress') as HTMLProgressElement).value).toBeCloseTo(0.5));
    expect(screen.getByRole('status').textContent).toContain('big.csv (1 van 1): ontleden');
    fireEvent.click(screen.getByTestId('import-cancel'));
    expect((await screen.findByText('Het lezen is geannuleerd.')).textContent).toBe('Het lezen is geannuleerd.');
    expect(screen.queryByTestId('import-progress')).toBeNull();
  });

  it('asks when it is not clear what a file contains, with the reason in Dutch', async () => {
    renderPanel();
    const text = 'dossier;titel;bron;jaar;organisatie\nD1;Slim thuis;SIA;2021;Gemeente Delft\nD1;Slim thuis;SIA;2021;TU Delft\n';
    fireEvent.change(document.querySelector('input[type=file]')!, { target: { files: [new File([text], 'lijst.csv')] } });
    const step = await screen.findByTestId('mapping-step');
    expect(within(step).getByTestId('mapping-uncertain').textContent).toContain('Het is niet duidelijk wat dit bestand bevat: het heeft projectkolommen ("titel", "bron", "jaar")');
    fireEvent.change(within(step).getByTestId('mapping-role'), { target: { value: 'participations' } });
    fireEvent.change(step.querySelector('select[data-column="dossier"]')!, { target: { value: 'activity_id' } });
    expect(within(step).queryByTestId('mapping-uncertain')).toBeNull();
    fireEvent.click(screen.getByTestId('mapping-continue'));
    await screen.findByTestId('import-report');
    // One activity, in the singular (it read "1 activiteiten"); the rows in the plural.
    expect(screen.getByTestId('import-summary').textContent).toBe('2 rijen gelezen: 2 gebruikt, 0 samengevoegd (dubbel), 0 afgewezen. Resultaat: 2 organisaties, 1 activiteit, 2 deelnames.');
  });

  it('says in plain Dutch why there is no network, and groups repeated remarks with a count', async () => {
    renderPanel();
    const rows = ['organisation_id,name,sector', ...Array.from({ length: 30 }, (_, i) => `o${i},Stichting ${i},`)];
    fireEvent.change(document.querySelector('input[type=file]')!, { target: { files: [new File([rows.join('\n')], 'organisaties.csv')] } });
    const alert = await screen.findByTestId('no-participations');
    expect(alert.textContent).toContain('Er zijn geen deelnames geïmporteerd, dus er is geen netwerk: organisaties.csv beschrijven alleen organisaties of projecten');
    fireEvent.click(screen.getByLabelText(/informatieve meldingen/));
    const group = screen.getByTestId('import-problems').querySelector('[data-code="sector-inferred"]') as HTMLElement;
    expect(group.dataset.count).toBe('30');
    expect(group.textContent).toContain('30×');
    expect(group.textContent).toContain('Geen sector opgegeven voor "Stichting 0"');
    expect(within(group).queryByTestId('problem-rows')).toBeNull();
    const details = group.querySelector('details')!;
    details.open = true;
    fireEvent(details, new Event('toggle'));
    expect(within(group).getByTestId('problem-rows').querySelectorAll('li')).toHaveLength(30);
  });
});

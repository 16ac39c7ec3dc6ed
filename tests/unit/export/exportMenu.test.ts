// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createElement as h } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ExportMenuProps } from '../../../src/export/ExportMenu';
import { setupI18n } from '../../../src/i18n';
import type { MapSigma as GraphSigma } from '../../../src/ui/map/SigmaHost';
import { denHaagView as denHaag, type DenHaagView as Fixture } from '../../helpers/denHaag';

// sigma needs WebGL, which jsdom has not; the PNG path is tested in image.test.ts.
vi.mock('@sigma/export-image', () => ({ drawOnCanvas: vi.fn() }));
const { ExportMenu } = await import('../../../src/export/ExportMenu');

setupI18n('nl');
let fx: Fixture;
const files: { name: string; type: string; text: Promise<string> }[] = [];

beforeAll(() => {
  fx = denHaag({ sources: ['SIA', 'RVO'] });
  let n = 0;
  let pending: Blob | null = null;
  Object.assign(URL, {
    createObjectURL: (b: Blob) => {
      pending = b;
      return `blob:test/${++n}`;
    },
    revokeObjectURL: () => {},
  });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    files.push({ name: this.download, type: pending!.type, text: pending!.text() });
  });
});
afterEach(() => {
  cleanup();
  files.length = 0;
});

const TEST_IDS = [
  'export-png',
  'export-png-hires',
  'export-gexf',
  'export-graphml',
  'export-csv-organisations',
  'export-csv-activities',
  'export-csv-ties',
  'export-report',
];

function props(overrides: Partial<ExportMenuProps> = {}): ExportMenuProps {
  // The app's own types must fit the props as they are.
  const sigma: GraphSigma | null = null;
  return {
    sigma,
    network: fx.network,
    sectors: fx.sectors,
    layout: null,
    result: fx.result,
    visibility: fx.visibility,
    datasetSlug: 'den-haag',
    onPrintReport: () => {},
    ...overrides,
  };
}

describe('ExportMenu', () => {
  it('has every button, and disables the PNGs without a map and the analysis CSVs without an analysis', () => {
    render(h(ExportMenu, props({ result: null })));
    expect(TEST_IDS.map((id) => screen.getByTestId(id).tagName)).toEqual(TEST_IDS.map(() => 'BUTTON'));
    const disabled = TEST_IDS.filter((id) => (screen.getByTestId(id) as HTMLButtonElement).disabled);
    expect(disabled).toEqual(['export-png', 'export-png-hires', 'export-csv-organisations', 'export-csv-ties']);
    expect(screen.getByTestId('export-png').getAttribute('title')).toBe('De kaart is nog niet klaar.');
  });

  it('downloads the CSVs, GEXF and GraphML with bruggen-<slug>-<what> names', async () => {
    render(h(ExportMenu, props()));
    const click = async (id: string) => {
      await act(async () => {
        fireEvent.click(screen.getByTestId(id));
      });
    };
    await click('export-csv-organisations');
    await click('export-csv-activities');
    await click('export-csv-ties');
    await click('export-gexf');
    await click('export-graphml');
    expect(files.map((f) => [f.name, f.type])).toEqual([
      ['bruggen-den-haag-organisations.csv', 'text/csv;charset=utf-8'],
      ['bruggen-den-haag-activities.csv', 'text/csv;charset=utf-8'],
      ['bruggen-den-haag-ties.csv', 'text/csv;charset=utf-8'],
      ['bruggen-den-haag-network.gexf', 'application/gexf+xml;charset=utf-8'],
      ['bruggen-den-haag-network.graphml', 'application/graphml+xml;charset=utf-8'],
    ]);
    const organisations = await files[0]!.text;
    expect(organisations.trim().split('\n').length).toBe(fx.visibility.counts.organisations + 1);
    const activities = await files[1]!.text;
    expect(activities.trim().split('\n').length).toBe(fx.visibility.counts.activities + 1);
    expect(await files[3]!.text).toContain('<gexf version="1.2"');
    expect(screen.getByTestId('export-status').textContent).toBe('bruggen-den-haag-network.graphml is gedownload.');
  });

  it('writes the CSVs for Excel with Dutch settings when asked, and remembers the choice', async () => {
    localStorage.removeItem('bruggen.csvDialect');
    render(h(ExportMenu, props()));
    const box = screen.getByTestId('export-csv-excel') as HTMLInputElement;
    expect(box.checked).toBe(false);
    fireEvent.click(box);
    await act(async () => {
      fireEvent.click(screen.getByTestId('export-csv-activities'));
    });
    const text = await files[0]!.text;
    expect(text.split('\r\n')[0]).toBe('activity_id;title;kind;source;scheme;theme;start_year;end_year;stated_participants;organisations;organisations_total');
    expect(localStorage.getItem('bruggen.csvDialect')).toBe('excel-nl');
    cleanup();
    render(h(ExportMenu, props()));
    expect((screen.getByTestId('export-csv-excel') as HTMLInputElement).checked).toBe(true);
    localStorage.setItem('bruggen.csvDialect', 'nonsense');
    cleanup();
    render(h(ExportMenu, props()));
    expect((screen.getByTestId('export-csv-excel') as HTMLInputElement).checked).toBe(false);
    localStorage.removeItem('bruggen.csvDialect');
  });

  it('opens the printable report', () => {
    const onPrintReport = vi.fn();
    render(h(ExportMenu, props({ onPrintReport })));
    fireEvent.click(screen.getByTestId('export-report'));
    expect(onPrintReport).toHaveBeenCalledTimes(1);
  });
});

// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { createElement as h } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { OrganisationRow } from '../../../src/analysis';
import { MEASURES } from '../../../src/measures/registry';
import { setupI18n } from '../../../src/i18n';
import { ActivitiesTable } from '../../../src/ui/tables/ActivitiesTable';
import { DataTable } from '../../../src/ui/tables/DataTable';
import type { Column } from '../../../src/ui/tables/model';
import { OrganisationsTable } from '../../../src/ui/tables/OrganisationsTable';
import { activityTableRows, tieKey, tieTableRows } from '../../../src/ui/tables/rows';
import { TiesTable } from '../../../src/ui/tables/TiesTable';
import { denHaagView as denHaag, type DenHaagView as Fixture } from '../../helpers/denHaag';

let fx: Fixture;
const i18n = setupI18n('nl');
beforeAll(() => {
  fx = denHaag();
});
afterEach(() => {
  cleanup();
  void i18n.changeLanguage('nl');
});

const headers = () => [...screen.getByTestId('table-organisations').querySelectorAll('th[data-column]')].map((th) => th.getAttribute('data-column')!);
const bodyRows = (container: HTMLElement) => [...container.querySelectorAll<HTMLTableRowElement>('tbody tr.dt-row')];

describe('OrganisationsTable', () => {
  it('shows every organisation with its measures, a count, and sorts by a header click (aria-sort)', () => {
    render(h(OrganisationsTable, { rows: fx.result.organisations, selected: null, onSelect: () => {} }));
    const table = screen.getByTestId('table-organisations');
    expect(screen.getByTestId('table-organisations-count').textContent).toBe('229 van 229');
    const headers = within(table).getAllByRole('columnheader').map((th) => th.getAttribute('data-column'));
    // Identity, then one column per measure of the registry, then the clusters.
    expect(headers).toEqual([
      'name', 'sector', ...MEASURES.filter((m) => m.in.table).map((m) => m.id), 'component', 'community', 'articulationPoint',
    ]);
    // Initially by partners, most first.
    const degreeTh = table.querySelector('th[data-column="degree"]')!;
    expect(degreeTh.getAttribute('aria-sort')).toBe('descending');
    const maxDegree = Math.max(...fx.result.organisations.map((r) => r.degree));
    const first = bodyRows(table)[0]!;
    expect(fx.result.organisations.find((r) => r.id === first.dataset.rowId)!.degree).toBe(maxDegree);
    expect(first.textContent).toContain('ja'); // the best-connected organisation is a cut point

    const nameButton = within(table.querySelector('th[data-column="name"]')!).getByRole('button');
    fireEvent.click(nameButton);
    expect(table.querySelector('th[data-column="name"]')!.getAttribute('aria-sort')).toBe('ascending');
    expect(degreeTh.getAttribute('aria-sort')).toBe('none');
    const names = bodyRows(table).slice(0, 5).map((r) => r.cells[0]!.textContent!);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'nl', { sensitivity: 'base', numeric: true })));
    fireEvent.click(nameButton);
    expect(table.querySelector('th[data-column="name"]')!.getAttribute('aria-sort')).toBe('descending');
    // Column descriptions are the headers' tooltips.
    expect(degreeTh.getAttribute('title')).toMatch(/partners|organisaties/i);
  });

  it('filters on text, ignoring accents and case', () => {
    render(h(OrganisationsTable, { rows: fx.result.organisations, selected: null, onSelect: () => {} }));
    const filter = screen.getByTestId('table-organisations-filter');
    fireEvent.change(filter, { target: { value: 'GEMEENTE den haag' } });
    const table = screen.getByTestId('table-organisations');
    const ids = bodyRows(table).map((r) => r.dataset.rowId);
    expect(ids).toContain('gemeente-den-haag');
    expect(screen.getByTestId('table-organisations-count').textContent).toBe(`${ids.length} van 229`);
    // Sector names are searchable too, in the current language.
    fireEvent.change(filter, { target: { value: 'overheid' } });
    const government = fx.result.organisations.filter((r) => r.sector === 'government').length;
    expect(screen.getByTestId('table-organisations-count').textContent).toBe(`${government} van 229`);
    fireEvent.change(filter, { target: { value: 'zzzz-nothing' } });
    expect(table.textContent).toContain('Geen rijen gevonden voor “zzzz-nothing”.');
  });

  it('marks estimated betweenness with ≈ and writes numbers the Dutch way', () => {
    render(
      h(OrganisationsTable, {
        rows: fx.result.organisations,
        betweennessEstimated: true,
        selected: 'gemeente-den-haag',
        onSelect: () => {},
      }),
    );
    const table = screen.getByTestId('table-organisations');
    expect(table.querySelector('th[data-column="betweenness"]')!.textContent).toContain('≈');
    const row = table.querySelector<HTMLTableRowElement>('tr[data-row-id="gemeente-den-haag"]')!;
    expect(row.getAttribute('aria-selected')).toBe('true');
    const cells = [...row.cells].map((c) => c.textContent);
    expect(cells[4]).toMatch(/^≈ 0,0\d+$/);
    const ei = fx.result.organisations.find((r) => r.id === 'gemeente-den-haag')!.ei!;
    expect(cells[headers().indexOf('ei')]).toBe(new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 3 }).format(ei));
    expect(cells[headers().indexOf('ei')]).toMatch(/^-?\d,\d+$/);
  });
});

describe('keyboard and selection', () => {
  it('is one tab stop; arrows, Home and End move the active row; Enter selects it', () => {
    const onSelect = vi.fn();
    render(h(OrganisationsTable, { rows: fx.result.organisations, selected: null, onSelect }));
    const grid = screen.getByRole('grid');
    expect(grid.getAttribute('tabindex')).toBe('0');
    for (const row of bodyRows(screen.getByTestId('table-organisations'))) expect(row.getAttribute('tabindex')).toBeNull();
    act(() => grid.focus());
    const activeId = () => grid.getAttribute('aria-activedescendant');
    const activeRow = () => document.getElementById(activeId()!) as HTMLTableRowElement;
    expect(activeRow().getAttribute('aria-rowindex')).toBe('2');
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    expect(activeRow().getAttribute('aria-rowindex')).toBe('4');
    fireEvent.keyDown(grid, { key: 'ArrowUp' });
    expect(activeRow().getAttribute('aria-rowindex')).toBe('3');
    fireEvent.keyDown(grid, { key: 'Enter' });
    expect(onSelect).toHaveBeenCalledWith(activeRow().dataset.rowId);
    fireEvent.keyDown(grid, { key: 'End' });
    expect(activeRow().getAttribute('aria-rowindex')).toBe(String(fx.result.organisations.length + 1));
    fireEvent.keyDown(grid, { key: 'Home' });
    expect(activeRow().getAttribute('aria-rowindex')).toBe('2');
    fireEvent.keyDown(grid, { key: ' ' });
    expect(onSelect).toHaveBeenLastCalledWith(activeRow().dataset.rowId);
  });

  it('selects on click', () => {
    const onSelect = vi.fn();
    render(h(OrganisationsTable, { rows: fx.result.organisations, selected: null, onSelect }));
    const row = bodyRows(screen.getByTestId('table-organisations'))[3]!;
    fireEvent.click(row.cells[0]!);
    expect(onSelect).toHaveBeenCalledWith(row.dataset.rowId);
  });

  it('renders only a window of 17,000 rows and brings a row selected elsewhere into view', () => {
    interface R { id: string; n: number }
    const rows: R[] = Array.from({ length: 17000 }, (_, i) => ({ id: `org-${i}`, n: i }));
    const columns: Column<R>[] = [
      { id: 'id', header: 'Id', accessor: (r) => r.id },
      { id: 'n', header: 'N', accessor: (r) => r.n, numeric: true },
    ];
    const rowId = (r: R) => r.id;
    const props = { rows, columns, rowId, label: 'Big', testId: 'big', onSelect: () => {} };
    const t0 = performance.now();
    const { rerender } = render(h(DataTable<R>, { ...props, selected: null }));
    const table = screen.getByTestId('big');
    expect(bodyRows(table).length).toBeLessThan(60);
    expect(screen.getByTestId('big-count').textContent).toBe('17.000 van 17.000');
    rerender(h(DataTable<R>, { ...props, selected: 'org-15000' }));
    const selected = table.querySelector('tr[data-row-id="org-15000"]');
    expect(selected).not.toBeNull();
    expect(selected!.getAttribute('aria-selected')).toBe('true');
    expect(bodyRows(table).length).toBeLessThan(60);
    expect((table.querySelector('.dt-scroll') as HTMLElement).scrollTop).toBeGreaterThan(15000 * 30 - 1000);
    cleanup();
    // A selection given at mount is scrolled to as well.
    render(h(DataTable<R>, { ...props, selected: 'org-16000' }));
    expect(screen.getByTestId('big').querySelector('tr[data-row-id="org-16000"]')!.getAttribute('aria-selected')).toBe('true');
    // Filtering 17,000 rows stays quick.
    fireEvent.change(screen.getByTestId('big-filter'), { target: { value: 'org-1699' } });
    expect(screen.getByTestId('big-count').textContent).toBe('11 van 17.000');
    expect(performance.now() - t0).toBeLessThan(5000);
  });
});

describe('ActivitiesTable and TiesTable', () => {
  it('lists the activities within the filters with their visible participants', () => {
    const filtered = denHaag({ sources: ['SIA'] });
    const rows = activityTableRows(filtered.network, filtered.visibility);
    expect(rows.length).toBe(filtered.visibility.counts.activities);
    expect(rows.every((r) => r.source === 'SIA')).toBe(true);
    render(h(ActivitiesTable, { rows, selected: null, onSelect: () => {} }));
    expect(screen.getByTestId('table-activities-count').textContent).toBe(`${rows.length} van ${rows.length}`);
    const first = bodyRows(screen.getByTestId('table-activities'))[0]!;
    const max = Math.max(...rows.map((r) => r.organisations));
    expect(first.cells[7]!.textContent).toBe(String(max));
  });

  it('lists the ties with names, weight, shared activity titles and bridges; selecting picks the source', () => {
    const rows = tieTableRows(fx.result.ties, fx.result.organisations, fx.network, fx.visibility);
    expect(rows.length).toBe(fx.visibility.counts.ties);
    const bridge = rows.find((r) => r.bridge)!;
    expect(bridge).toBeDefined();
    const onSelect = vi.fn();
    const onSelectTie = vi.fn();
    const { rerender } = render(h(TiesTable, { rows, selected: null, onSelect, onSelectTie }));
    fireEvent.change(screen.getByTestId('table-ties-filter'), { target: { value: bridge.sourceName } });
    const row = bodyRows(screen.getByTestId('table-ties')).find((r) => r.dataset.rowId === bridge.id)!;
    expect(row.textContent).toContain(bridge.targetName);
    expect(row.textContent).toContain(bridge.activityTitles[0]!);
    expect(row.cells[6]!.textContent).toBe('ja');
    fireEvent.click(row.cells[0]!);
    expect(onSelect).toHaveBeenCalledWith(bridge.source);
    expect(onSelectTie).toHaveBeenCalledWith({ source: bridge.source, target: bridge.target });
    rerender(h(TiesTable, { rows, selected: bridge.source, onSelect, onSelectTie }));
    expect(row.getAttribute('aria-selected')).toBe('true');
    expect(bridge.id).toBe(tieKey(bridge.source, bridge.target));
  });

  it('follows the language', async () => {
    await act(async () => {
      await i18n.changeLanguage('en');
    });
    render(h(OrganisationsTable, { rows: fx.result.organisations, selected: null, onSelect: () => {} }));
    expect(screen.getByTestId('table-organisations-count').textContent).toBe('229 of 229');
    expect(screen.getByTestId('table-organisations').querySelector('th[data-column="name"]')!.textContent).toContain('Organisation');
  });
});

// Keep the type of the analysis rows honest: the table takes them as they are.
export type _Rows = OrganisationRow[];

import {
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
} from 'react';
import { useScoped } from './i18n';
import {
  buildHaystacks,
  cellText,
  firstDirection,
  matchingIndices,
  sortIndices,
  type Column,
  type SortState,
} from './model';
import { computeWindow, scrollOffsetFor } from './windowing';
import './tables.css';

export interface DataTableProps<Row> {
  rows: readonly Row[];
  /** Keep the array stable (useMemo): the text filter's index is rebuilt when it changes. */
  columns: readonly Column<Row>[];
  /** Keep stable (a module-level function): the id index is rebuilt when it changes. */
  rowId: (row: Row) => string;
  /** Accessible name of the table. */
  label: string;
  testId?: string;
  /** Id of the selected row (highlighted, scrolled into view when it changes). */
  selected: string | null;
  onSelect: (id: string, row: Row) => void;
  /** Rows that belong with the selection without being it (e.g. the ties of a selected organisation). */
  isRelated?: (row: Row) => boolean;
  initialSort?: SortState | null;
  /** Height of every row in pixels (the stylesheet keeps cells on one line). */
  rowHeight?: number;
  /** Height of the scrolling area (CSS length); default 26rem. */
  height?: string;
}

const DEFAULT_ROW_HEIGHT = 30;
/** Used until the scroll area has been measured (and where there is no layout, as in tests). */
const FALLBACK_VIEWPORT = 480;
const FALLBACK_HEADER = 34;

/**
 * An accessible, sortable, filterable table that stays fast with tens of thousands of rows: only
 * the rows around the visible part are rendered.
 *
 * Keyboard: the rows are one tab stop (the grid itself, which points at the active row with
 * `aria-activedescendant`); arrows, Page Up/Down, Home and End move the active row, Enter or
 * Space selects it. Sorting: click a header, or Enter/Space on it.
 */
export function DataTable<Row>({
  rows,
  columns,
  rowId,
  label,
  testId,
  selected,
  onSelect,
  isRelated,
  initialSort = null,
  rowHeight = DEFAULT_ROW_HEIGHT,
  height = '26rem',
}: DataTableProps<Row>) {
  const { t, lang } = useScoped('tables');
  const baseId = useId();
  const scrollRef = useRef<HTMLDivElement>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  const headRef = useRef<HTMLTableSectionElement>(null);
  /** Set when a mouse press is about to focus the grid: the click itself decides the active row. */
  const pointerFocus = useRef(false);

  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<SortState | null>(initialSort);
  const [activeId, setActiveId] = useState<string | null>(selected);
  const [scrollTop, setScrollTop] = useState(0);
  // `measured`: the rows shown are those that fit the table's own height, not the fallback's.
  const [viewport, setViewport] = useState({ height: FALLBACK_VIEWPORT, header: FALLBACK_HEADER, measured: false });

  const haystacks = useMemo(() => buildHaystacks(rows, columns), [rows, columns]);
  const matched = useMemo(() => matchingIndices(haystacks, query), [haystacks, query]);
  const sortColumn = sort ? columns.find((c) => c.id === sort.column) : undefined;
  const view = useMemo(
    () => sortIndices(rows, matched, sortColumn, sort?.direction ?? 'ascending', lang),
    [rows, matched, sortColumn, sort?.direction, lang],
  );
  const position = useMemo(() => {
    const m = new Map<string, number>();
    view.forEach((rowIndex, pos) => m.set(rowId(rows[rowIndex]!), pos));
    return m;
  }, [view, rows, rowId]);
  const allIds = useMemo(() => new Set(rows.map(rowId)), [rows, rowId]);

  const offsetFor = (index: number) =>
    scrollOffsetFor(index, { rowHeight, scrollTop, viewportHeight: viewport.height, headerHeight: viewport.header });

  // A selection made elsewhere (e.g. on the map) becomes the active row and is scrolled into view
  // (also on mount). Adjusting state while rendering is React's pattern for "state derived from a
  // changed prop".
  const [syncedSelected, setSyncedSelected] = useState<string | null>(null);
  if (selected !== syncedSelected) {
    setSyncedSelected(selected);
    const index = selected === null ? undefined : position.get(selected);
    if (selected !== null) setActiveId(selected);
    if (index !== undefined) setScrollTop(offsetFor(index));
  }

  // The DOM follows the scroll state (set by keyboard moves and selections) ...
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (el && Math.abs(el.scrollTop - scrollTop) >= 1) el.scrollTop = scrollTop;
  }, [scrollTop]);

  // ... and the viewport's size is measured whenever it changes.
  useEffect(() => {
    const el = scrollRef.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      const h = el.clientHeight;
      const header = headRef.current?.offsetHeight ?? FALLBACK_HEADER;
      if (h > 0) setViewport((v) => (v.measured && v.height === h && v.header === header ? v : { height: h, header, measured: true }));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const win = computeWindow({
    count: view.length,
    rowHeight,
    scrollTop: Math.max(0, scrollTop - viewport.header),
    viewportHeight: viewport.height,
  });
  const activeIndex = activeId === null ? -1 : (position.get(activeId) ?? -1);
  const rowDomId = (pos: number) => `${baseId}-row-${pos}`;
  const activeRendered = activeIndex >= win.start && activeIndex < win.end;

  const moveTo = (pos: number) => {
    if (view.length === 0) return;
    const p = Math.max(0, Math.min(view.length - 1, pos));
    setActiveId(rowId(rows[view[p]!]!));
    setScrollTop(offsetFor(p));
  };

  const selectAt = (pos: number) => {
    const rowIndex = view[pos];
    if (rowIndex === undefined) return;
    const row = rows[rowIndex]!;
    setActiveId(rowId(row));
    onSelect(rowId(row), row);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTableElement>) => {
    // Keys on the header's sort buttons are theirs.
    if (e.target !== e.currentTarget) return;
    const page = Math.max(1, Math.floor((viewport.height - viewport.header) / rowHeight) - 1);
    const current = activeIndex < 0 ? -1 : activeIndex;
    let handled = true;
    switch (e.key) {
      case 'ArrowDown':
        moveTo(current + 1);
        break;
      case 'ArrowUp':
        moveTo(current < 0 ? 0 : current - 1);
        break;
      case 'PageDown':
        moveTo(current + page);
        break;
      case 'PageUp':
        moveTo(current - page);
        break;
      case 'Home':
        moveTo(0);
        break;
      case 'End':
        moveTo(view.length - 1);
        break;
      case 'Enter':
      case ' ':
        if (current >= 0) selectAt(current);
        break;
      default:
        handled = false;
    }
    if (handled) e.preventDefault();
  };

  const onFocus = (e: FocusEvent<HTMLTableElement>) => {
    const byPointer = pointerFocus.current;
    pointerFocus.current = false;
    if (byPointer || e.target !== e.currentTarget || view.length === 0) return;
    if (activeIndex >= 0) {
      setScrollTop(offsetFor(activeIndex));
      return;
    }
    const selectedIndex = selected === null ? undefined : position.get(selected);
    moveTo(selectedIndex ?? Math.min(view.length - 1, Math.max(0, win.start)));
  };

  const toggleSort = (column: Column<Row>) => {
    setSort((s) =>
      s && s.column === column.id
        ? { column: column.id, direction: s.direction === 'ascending' ? 'descending' : 'ascending' }
        : { column: column.id, direction: firstDirection(column) },
    );
  };

  const totalWidth = columns.reduce((sum, c) => sum + (c.width ?? 120), 0);
  const selectedHidden = selected !== null && allIds.has(selected) && !position.has(selected);
  const hintId = `${baseId}-hint`;

  return (
    <div className="dt" data-testid={testId}>
      <div className="dt-toolbar">
        <label className="dt-filter">
          <span className="visually-hidden">{t('filterLabel', { table: label })}</span>
          <input
            type="search"
            value={query}
            placeholder={t('filterPlaceholder')}
            data-testid={testId ? `${testId}-filter` : undefined}
            onChange={(e) => {
              setQuery(e.target.value);
              setScrollTop(0);
            }}
          />
        </label>
        <span className="dt-count" role="status" aria-live="polite" data-testid={testId ? `${testId}-count` : undefined}>
          {t('rowCount', { shown: view.length, total: rows.length })}
        </span>
        {selectedHidden && <span className="dt-note">{t('selectedFilteredOut')}</span>}
      </div>
      <span id={hintId} className="visually-hidden">
        {t('keyboardHint')}
      </span>
      <div
        className="dt-scroll"
        ref={scrollRef}
        data-measured={viewport.measured || undefined}
        style={{ height }}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      >
        <table
          ref={tableRef}
          className="dt-table"
          role="grid"
          aria-label={label}
          aria-describedby={hintId}
          aria-rowcount={view.length + 1}
          aria-colcount={columns.length}
          aria-multiselectable={false}
          aria-activedescendant={activeRendered ? rowDomId(activeIndex) : undefined}
          tabIndex={0}
          style={{ width: totalWidth }}
          onKeyDown={onKeyDown}
          onFocus={onFocus}
        >
          <colgroup>
            {columns.map((c) => (
              <col key={c.id} style={{ width: c.width ?? 120 }} />
            ))}
          </colgroup>
          <thead ref={headRef}>
            <tr aria-rowindex={1}>
              {columns.map((c) => {
                const sorted = sort?.column === c.id ? sort.direction : undefined;
                const descId = `${baseId}-desc-${c.id}`;
                return (
                  <th
                    key={c.id}
                    scope="col"
                    aria-sort={sorted ?? 'none'}
                    className={c.numeric ? 'dt-num' : undefined}
                    title={c.description}
                    data-column={c.id}
                  >
                    <button
                      type="button"
                      className="dt-sort"
                      onClick={() => toggleSort(c)}
                      aria-describedby={c.description ? descId : undefined}
                    >
                      <span className="dt-header-text">{c.header}</span>
                      <span className="dt-sort-icon" aria-hidden="true">
                        {sorted === 'ascending' ? '▲' : sorted === 'descending' ? '▼' : '↕'}
                      </span>
                    </button>
                    {c.description && (
                      <span id={descId} className="visually-hidden">
                        {c.description}
                      </span>
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody
            onMouseDown={() => {
              pointerFocus.current = true;
            }}
          >
            {win.padTop > 0 && (
              <tr className="dt-spacer" aria-hidden="true">
                <td colSpan={columns.length} style={{ height: win.padTop }} />
              </tr>
            )}
            {view.slice(win.start, win.end).map((rowIndex, k) => {
              const pos = win.start + k;
              const row = rows[rowIndex]!;
              const id = rowId(row);
              const isSelected = id === selected;
              const classes = ['dt-row'];
              if (pos === activeIndex) classes.push('is-active');
              if (!isSelected && isRelated?.(row)) classes.push('is-related');
              return (
                <tr
                  key={id}
                  id={rowDomId(pos)}
                  className={classes.join(' ')}
                  aria-rowindex={pos + 2}
                  aria-selected={isSelected}
                  data-row-id={id}
                  style={{ height: rowHeight }}
                  onClick={() => {
                    selectAt(pos);
                    if (document.activeElement !== tableRef.current) {
                      pointerFocus.current = true;
                      tableRef.current?.focus({ preventScroll: true });
                    }
                    pointerFocus.current = false;
                  }}
                >
                  {columns.map((c) => {
                    const text = cellText(c, row);
                    return (
                      <td key={c.id} className={c.numeric ? 'dt-num' : undefined} title={text}>
                        {c.render ? c.render(row) : text}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
            {win.padBottom > 0 && (
              <tr className="dt-spacer" aria-hidden="true">
                <td colSpan={columns.length} style={{ height: win.padBottom }} />
              </tr>
            )}
            {view.length === 0 && (
              <tr className="dt-empty">
                <td colSpan={columns.length}>{query.trim() ? t('noMatches', { query: query.trim() }) : t('noRows')}</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}

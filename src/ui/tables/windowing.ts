/**
 * Row windowing for long tables: only the rows in (and a little around) the visible part of the
 * scroll area are rendered, with spacers above and below standing in for the others. Rows have a
 * fixed height, so positions are plain arithmetic.
 */
export interface RowWindow {
  /** First rendered row (inclusive). */
  start: number;
  /** Last rendered row (exclusive). */
  end: number;
  /** Height of the spacer above the rendered rows. */
  padTop: number;
  /** Height of the spacer below the rendered rows. */
  padBottom: number;
}

export interface WindowInput {
  count: number;
  rowHeight: number;
  /** Scroll offset of the rows' area (already excluding any sticky header above the rows). */
  scrollTop: number;
  viewportHeight: number;
  /** Rows rendered beyond each edge of the viewport; default 8. */
  overscan?: number;
}

export function computeWindow({ count, rowHeight, scrollTop, viewportHeight, overscan = 8 }: WindowInput): RowWindow {
  if (count <= 0 || rowHeight <= 0) return { start: 0, end: 0, padTop: 0, padBottom: 0 };
  const top = Math.max(0, scrollTop);
  const height = Math.max(rowHeight, viewportHeight);
  const first = Math.min(count - 1, Math.floor(top / rowHeight));
  const last = Math.min(count, Math.ceil((top + height) / rowHeight));
  const start = Math.max(0, first - overscan);
  const end = Math.min(count, Math.max(last, first + 1) + overscan);
  return { start, end, padTop: start * rowHeight, padBottom: (count - end) * rowHeight };
}

/**
 * The scroll offset that brings row `index` fully into view with as little movement as possible,
 * or `scrollTop` itself when the row is visible already. `headerHeight` is a sticky header that
 * covers the top of the viewport.
 */
export function scrollOffsetFor(
  index: number,
  { rowHeight, scrollTop, viewportHeight, headerHeight = 0 }: { rowHeight: number; scrollTop: number; viewportHeight: number; headerHeight?: number },
): number {
  const rowTop = headerHeight + index * rowHeight;
  const rowBottom = rowTop + rowHeight;
  const visibleTop = scrollTop + headerHeight;
  const visibleBottom = scrollTop + Math.max(viewportHeight, headerHeight + rowHeight);
  if (rowTop < visibleTop) return Math.max(0, rowTop - headerHeight);
  if (rowBottom > visibleBottom) return Math.max(0, rowBottom - Math.max(viewportHeight, headerHeight + rowHeight));
  return scrollTop;
}

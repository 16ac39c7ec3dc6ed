/** Small helpers shared by the analysis modules. */

/** JSON has no NaN or Infinity: map them (and undefined) to null. */
export function finiteOrNull(x: number | null | undefined): number | null {
  return x === null || x === undefined || !Number.isFinite(x) ? null : x;
}

/** Code-unit string comparison (same order in every runtime, unlike localeCompare). */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Monotonic clock that exists in browsers, web workers and Node. */
export function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

/**
 * Named moments of a session (dataset opened, network projected, layout ready, each analysis
 * stage) as User Timing marks, so the browser benchmark and DevTools can show where the time of an
 * import goes. A no-op where the User Timing API is missing.
 */
export function milestone(name: string): void {
  globalThis.performance?.mark?.(`bruggen:${name}`);
}

/**
 * Small seeded pseudo-random number generators. Pure: no global state.
 */

/** mulberry32 (Tommy Ettinger's 32-bit generator); returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed | 0;
  return function next(): number {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A uniform integer in [0, n). */
export function randomInt(rng: () => number, n: number): number {
  return Math.floor(rng() * n);
}

/**
 * `k` distinct integers from [0, n), chosen uniformly with a partial Fisher–Yates shuffle,
 * returned in the order drawn. k ≥ n returns every index 0..n-1 (in shuffled order).
 */
export function sampleWithoutReplacement(rng: () => number, n: number, k: number): Int32Array {
  const take = Math.max(0, Math.min(k, n));
  const pool = new Int32Array(n);
  for (let i = 0; i < n; i++) pool[i] = i;
  for (let i = 0; i < take; i++) {
    const j = i + randomInt(rng, n - i);
    const t = pool[i]!;
    pool[i] = pool[j]!;
    pool[j] = t;
  }
  return pool.slice(0, take);
}

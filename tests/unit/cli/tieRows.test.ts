import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tieRowsJson } from '../../../scripts/lib/stageHelper';

/** What the document would hold without the helper: assembleResult's rows, stringified. */
function expected(ids: string[], edges: [number, number, number][], bridges: [number, number][]): string {
  const isBridge = new Set(bridges.map(([u, v]) => `${u} ${v}`));
  return JSON.stringify(edges.map(([u, v, w]) => ({ source: ids[u], target: ids[v], weight: w, bridge: isBridge.has(`${u} ${v}`) })));
}

function bytesOf(ids: string[], edges: [number, number, number][], bridges: [number, number][]): string {
  const csr = {
    n: ids.length,
    m: edges.length,
    ids,
    edgeU: Int32Array.from(edges, (e) => e[0]),
    edgeV: Int32Array.from(edges, (e) => e[1]),
    edgeW: Float64Array.from(edges, (e) => e[2]),
  };
  const pieces = tieRowsJson(csr as unknown as Parameters<typeof tieRowsJson>[0], Int32Array.from(bridges.flat()));
  const all = new Uint8Array(pieces.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of pieces) {
    all.set(p, at);
    at += p.length;
  }
  return new TextDecoder().decode(all);
}

describe("the helper thread's tie rows", () => {
  it('are the bytes JSON.stringify gives: odd ids, fractional and large weights, bridges', () => {
    const ids = ['a', 'quote"back\\slash', 'line\nbreak', 'é ü 中文 😀', 'lone \ud800 surrogate', '__proto__', 'constructor', ''];
    const edges: [number, number, number][] = [
      [0, 1, 1],
      [0, 2, 2.5],
      [1, 3, 1e21],
      [2, 4, 0.1 + 0.2],
      [3, 5, 1023],
      [4, 6, 1024],
      [5, 7, 3],
      [6, 7, 3],
    ];
    const bridges: [number, number][] = [
      [0, 2],
      [6, 7],
    ];
    expect(bytesOf(ids, edges, bridges)).toBe(expected(ids, edges, bridges));
    expect(bytesOf(ids, [], [])).toBe('[]');
  });

  it('span several buffers without losing or doubling a byte', () => {
    // 80,000 ties of about 60 bytes: more than one 4 MB buffer.
    const ids = Array.from({ length: 400 }, (_, i) => `organisation-${i}-${'x'.repeat(i % 7)}`);
    const edges: [number, number, number][] = [];
    for (let e = 0; e < 80_000; e++) edges.push([e % 400, (e * 7 + 1) % 400, 1 + (e % 5)]);
    const text = bytesOf(ids, edges, [[0, 1]]);
    expect(text.length).toBeGreaterThan(4 * 1024 * 1024);
    expect(text).toBe(expected(ids, edges, [[0, 1]]));
  });

  it('match JSON.stringify for any ids and weights', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ unit: 'binary' }), { minLength: 2, maxLength: 12 }),
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.oneof(fc.integer({ min: 0, max: 5000 }), fc.double({ noNaN: true, noDefaultInfinity: true }))), { maxLength: 30 }),
        (ids, raw) => {
          const edges = raw.map(([u, v, w]) => [u % ids.length, v % ids.length, w] as [number, number, number]);
          const bridges = edges.filter((_, i) => i % 3 === 0).map(([u, v]) => [u, v] as [number, number]);
          expect(bytesOf(ids, edges, bridges)).toBe(expected(ids, edges, bridges));
        },
      ),
    );
  });
});

/**
 * The names under which imported files are reported (problems, provenance `file#row N`, the
 * dataset's name). A file's own name, unless another file of the import has the same one: then as
 * much of its path as tells them apart (`2019/deelnemers.csv`, `2020/deelnemers.csv`), and where
 * nothing does (the browser gives no paths; the same file chosen twice) a number: `deelnemers.csv (2)`.
 */
export function distinctFileNames(paths: readonly string[]): string[] {
  const parts = paths.map((p) => p.split(/[\\/]/).filter(Boolean));
  const own = parts.map((segments, i) => segments.at(-1) ?? paths[i]!);
  const whole = parts.map((segments) => segments.join('/'));
  const names = [...own];
  for (let i = 0; i < names.length; i++) {
    // Other paths to the same name; the same path again is numbered below.
    const others = parts.filter((_, j) => own[j] === own[i] && whole[j] !== whole[i]);
    if (!others.length) continue;
    // The shortest tail of this path that none of them ends with.
    for (let k = 2; k <= parts[i]!.length; k++) {
      const tail = parts[i]!.slice(-k).join('/');
      if (!others.some((other) => other.slice(-k).join('/') === tail)) {
        names[i] = tail;
        break;
      }
    }
  }
  // Still the same (same path twice, or no path to tell): numbered in order, the first as it is.
  const seen = new Map<string, number>();
  return names.map((name) => {
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return n === 1 ? name : `${name} (${n})`;
  });
}

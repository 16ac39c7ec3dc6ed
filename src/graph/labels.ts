/**
 * Which node labels the map draws: a greedy, collision-free choice in priority order.
 *
 * Sigma's own label grid keeps one label per grid cell, which bounds the count but lets labels of
 * neighbouring cells (and every `forceLabel`) overlap. Here every candidate gets the box its
 * label would occupy on screen, and candidates are taken in priority order; a label is drawn
 * only when its box (grown by the spacing of the chosen density) meets no box already taken.
 * This is the greedy baseline of point-feature label placement with one candidate position
 * (right of the node), as in Christensen, Marks & Shieber (1995), "An empirical study of
 * algorithms for point-feature label placement", ACM Transactions on Graphics 14(3). Box
 * queries go through a uniform grid, so a placement is linear in the number of candidates.
 * Pure: boxes in, accepted flags out.
 */

export interface LabelBox {
  /** Left, top (screen pixels, y down), width and height. */
  x: number;
  y: number;
  width: number;
  height: number;
}

export const LABEL_DENSITIES = ['none', 'few', 'normal', 'many'] as const;
export type LabelDensity = (typeof LABEL_DENSITIES)[number];
export const DEFAULT_LABEL_DENSITY: LabelDensity = 'normal';

export interface LabelSpacing {
  /** Empty space kept between two labels, horizontally and vertically (pixels). */
  gapX: number;
  gapY: number;
  /** Ordinary nodes drawn smaller than this (pixels) get no label. */
  minNodeSize: number;
  /** How many of the biggest nodes are labelled whatever their size (hubs of crowded maps). */
  hubs: number;
  /** Only the priority nodes (focus, selection, its partners) are labelled. */
  priorityOnly: boolean;
}

/** What each density means on screen; "many" still never lets two labels touch. */
export const LABEL_SPACING: Record<LabelDensity, LabelSpacing> = {
  none: { gapX: 6, gapY: 2, minNodeSize: Infinity, hubs: 0, priorityOnly: true },
  few: { gapX: 40, gapY: 26, minNodeSize: 7, hubs: 5, priorityOnly: false },
  normal: { gapX: 16, gapY: 8, minNodeSize: 4, hubs: 10, priorityOnly: false },
  many: { gapX: 6, gapY: 2, minNodeSize: 0, hubs: 20, priorityOnly: false },
};

export function isLabelDensity(value: unknown): value is LabelDensity {
  return typeof value === 'string' && (LABEL_DENSITIES as readonly string[]).includes(value);
}

/** Two boxes overlap (touching edges do not). */
export function boxesOverlap(a: LabelBox, b: LabelBox): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/**
 * Greedy placement: `boxes` in priority order, each one box or several alternative boxes tried in
 * order (e.g. right of the node, then left), or null for no label. Returns, per candidate, 0 when
 * it gets no label, else 1 + the index of the alternative taken. Boxes are kept `gapX`/`gapY`
 * apart; the first `keep` candidates always get their first box (the focused node's label must
 * show even if nothing else fits), but later ones still avoid them. `obstacles` are taken first.
 */
export function placeLabels(
  boxes: readonly (LabelBox | readonly LabelBox[] | null)[],
  options: { gapX?: number; gapY?: number; keep?: number; cell?: number; obstacles?: readonly LabelBox[] } = {},
): Uint8Array {
  const gapX = options.gapX ?? 0;
  const gapY = options.gapY ?? 0;
  const keep = options.keep ?? 0;
  const cell = options.cell ?? 96;
  const accepted = new Uint8Array(boxes.length);
  // Grid cells → accepted boxes (grown) touching the cell. A Map keyed by a number: cells far off
  // screen (negative coordinates) need no array bounds.
  const grid = new Map<number, LabelBox[]>();
  const cellKey = (cx: number, cy: number) => cx * 1_000_003 + cy;
  // Each accepted box is stored grown by half the gap on each side: two grown boxes that do not
  // overlap are at least a whole gap apart.
  const hx = gapX / 2;
  const hy = gapY / 2;
  const span = (g: LabelBox) => [Math.floor(g.x / cell), Math.floor((g.x + g.width) / cell), Math.floor(g.y / cell), Math.floor((g.y + g.height) / cell)] as const;
  const free = (g: LabelBox) => {
    const [x0, x1, y0, y1] = span(g);
    for (let cx = x0; cx <= x1; cx++) {
      for (let cy = y0; cy <= y1; cy++) {
        const list = grid.get(cellKey(cx, cy));
        if (list) for (const other of list) if (boxesOverlap(g, other)) return false;
      }
    }
    return true;
  };
  const insert = (g: LabelBox) => {
    const [x0, x1, y0, y1] = span(g);
    for (let cx = x0; cx <= x1; cx++) {
      for (let cy = y0; cy <= y1; cy++) {
        const key = cellKey(cx, cy);
        const list = grid.get(key);
        if (list) list.push(g);
        else grid.set(key, [g]);
      }
    }
  };
  // What is already on the screen over the map (buttons, a drawer): no label goes under it.
  for (const o of options.obstacles ?? []) insert({ x: o.x - hx, y: o.y - hy, width: o.width + gapX, height: o.height + gapY });
  for (let i = 0; i < boxes.length; i++) {
    const candidate = boxes[i];
    if (!candidate) continue;
    const alternatives: readonly LabelBox[] = Array.isArray(candidate) ? candidate : [candidate as LabelBox];
    for (let k = 0; k < alternatives.length; k++) {
      const b = alternatives[k]!;
      const g = { x: b.x - hx, y: b.y - hy, width: b.width + gapX, height: b.height + gapY };
      if (!(i < keep && k === 0) && !free(g)) continue;
      accepted[i] = k + 1;
      insert(g);
      break;
    }
  }
  return accepted;
}

/** Longest label drawn, in characters; the details panel has the full name. */
export const MAX_LABEL_CHARACTERS = 34;

/** Short joining words written in lower case when a name in capitals is shown in mixed case. */
const SMALL_WORDS = new Set(['van', 'de', 'der', 'den', 'het', 'en', 'voor', 'op', 'aan', 'te', 'ten', 'ter', 'bij', 'in', 'of', 'the', 'and', 'for', 'des', 'du', 'la', 'le', 'et', 'und', 'für', 'zu', 'y']);

/**
 * The text of a node's label. Registry names written entirely in capitals ("STICHTING
 * KATHOLIEKE UNIVERSITEIT") are shown in mixed case: a map full of capitals is hard to read,
 * and they take a third more room. Joining words (van, de, voor) become lower case; other words
 * of up to three letters (TNO, UMC, BV) and words in brackets (LUMC) stay as written. Long names
 * are cut at a word boundary with an ellipsis. The details panel always shows the name as written.
 */
export function labelText(name: string): string {
  let text = name.trim().replace(/\s+/g, ' ');
  const letters = text.replace(/[^\p{L}]/gu, '');
  const upper = letters.replace(/[^\p{Lu}]/gu, '').length;
  if (letters.length >= 6 && upper / letters.length > 0.8) {
    text = text
      .split(' ')
      .map((word, w) => {
        if (/^[([].*[)\]]$/.test(word)) return word;
        const lower = word.toLocaleLowerCase('nl');
        if (w > 0 && SMALL_WORDS.has(lower)) return lower;
        return word.replace(/\p{L}+/gu, (run) => (run.length <= 3 ? run : run.charAt(0) + run.slice(1).toLocaleLowerCase('nl')));
      })
      .join(' ');
  }
  return cutAtWord(text, MAX_LABEL_CHARACTERS);
}

/** Longest name written into a sentence (findings, reports); names of hundreds of characters are debris. */
export const MAX_NAME_IN_TEXT = 150;

/**
 * A name as written, for running text: whole up to MAX_NAME_IN_TEXT characters, else cut at a
 * word boundary with an ellipsis. A 20,000-character name (one the import kept, with a warning)
 * filled the whole findings panel.
 */
export function nameInText(name: string): string {
  return cutAtWord(name, MAX_NAME_IN_TEXT);
}

/** `text` if at most `max` characters, else its start cut at a word boundary (when one is near) with an ellipsis. */
function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max - 1);
  // Never half a surrogate pair.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  const space = cut.lastIndexOf(' ');
  let words = (space > max / 2 ? cut.slice(0, space) : cut).split(' ');
  // Not "Organisatie voor…": a cut name ends on a word that carries meaning.
  while (words.length > 1 && SMALL_WORDS.has(words.at(-1)!.toLocaleLowerCase('nl'))) words = words.slice(0, -1);
  return `${words.join(' ').replace(/[\s,.;:-]+$/, '')}…`;
}

/**
 * The map as a PNG, through @sigma/export-image: a temporary sigma renderer with the same
 * graph, settings, reducers and camera draws every layer on one canvas with a white background.
 * A higher resolution is the same picture with more pixels (the device pixel ratio is raised
 * while the snapshot is drawn), so nodes, labels and edges keep their proportions. A legend can
 * be drawn in a strip under the map.
 */
import { drawOnCanvas } from '@sigma/export-image';
import type Sigma from 'sigma';
import { organisationKey } from '../graph/display';
import { SUGGESTED_COLOUR } from './mapPicture';

export interface PngLegend {
  title?: string;
  entries: { colour: string; label: string }[];
  /** A line under the entries (e.g. what node size means). */
  note?: string;
}

export interface PngOptions {
  /** Output pixels per CSS pixel of the map; default the screen's `devicePixelRatio`. */
  scale?: number;
  /** Output width in pixels (wins over `scale`). */
  width?: number;
  /** Default white. */
  backgroundColor?: string;
  legend?: PngLegend | null;
  /** Suggested ties on the map (display node keys), drawn as on screen. */
  suggested?: readonly { a: string; b: string; number: number }[];
}

/** Larger canvases fail in some browsers (and in WebGL); the scale is lowered to stay below. */
export const MAX_CANVAS_SIDE = 8192;
/** Target width of the high-resolution export. */
export const HIGH_RES_WIDTH = 4000;

/** Anything sigma-like: the app's typed `Sigma<DisplayNodeAttributes, ...>` fits. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnySigma = Sigma<any, any, any>;

/** The pixel ratio for an export of a `cssWidth` × `cssHeight` map. */
export function exportScale(
  cssWidth: number,
  cssHeight: number,
  options: Pick<PngOptions, 'scale' | 'width'>,
  devicePixelRatio = 1,
): number {
  const w = Math.max(1, cssWidth);
  const h = Math.max(1, cssHeight);
  const wanted = options.width ? options.width / w : (options.scale ?? devicePixelRatio);
  const max = MAX_CANVAS_SIDE / Math.max(w, h);
  return Math.max(0.1, Math.min(wanted, max));
}

/** Runs `fn` with `window.devicePixelRatio` reading `ratio`, restoring the real one afterwards. */
async function withPixelRatio<T>(ratio: number, fn: () => Promise<T>): Promise<T> {
  const own = Object.getOwnPropertyDescriptor(window, 'devicePixelRatio');
  Object.defineProperty(window, 'devicePixelRatio', { configurable: true, get: () => ratio });
  try {
    return await fn();
  } finally {
    if (own) Object.defineProperty(window, 'devicePixelRatio', own);
    else delete (window as { devicePixelRatio?: number }).devicePixelRatio;
  }
}

/** Draws the map on a new canvas (at `scale` × its CSS size) with the legend, if any. */
export async function drawMap(sigma: AnySigma, options: PngOptions = {}): Promise<HTMLCanvasElement> {
  const { width, height } = sigma.getDimensions();
  const ratio = exportScale(width, height, options, window.devicePixelRatio || 1);
  const canvas = await withPixelRatio(ratio, () =>
    drawOnCanvas(sigma as unknown as Sigma, { backgroundColor: options.backgroundColor ?? '#ffffff' }),
  );
  const ctx = canvas.getContext('2d');
  if (ctx && options.suggested?.length) {
    const segments: SuggestedSegment[] = [];
    for (const s of options.suggested) {
      const p = sigma.getNodeDisplayData(s.a);
      const q = sigma.getNodeDisplayData(s.b);
      if (!p || !q || p.hidden || q.hidden) continue;
      segments.push({ from: sigma.framedGraphToViewport(p), to: sigma.framedGraphToViewport(q), number: s.number, active: false });
    }
    drawSuggestedTies(ctx, segments, ratio);
  }
  if (!ctx || !options.legend || options.legend.entries.length === 0) return canvas;
  // The legend goes in a strip under the map, not over it: over it, it hid the corner's nodes,
  // their labels and the rows of organisations without partners.
  const strip = legendHeight(options.legend, ratio) + 12 * ratio;
  const out = document.createElement('canvas');
  out.width = canvas.width;
  out.height = canvas.height + strip;
  const outCtx = out.getContext('2d');
  if (!outCtx) return canvas;
  outCtx.fillStyle = options.backgroundColor ?? '#ffffff';
  outCtx.fillRect(0, 0, out.width, out.height);
  outCtx.drawImage(canvas, 0, 0);
  drawLegend(outCtx, options.legend, ratio, out.height);
  return out;
}

function canvasToBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The browser could not encode the image.'))), 'image/png'),
  );
}

/** The map as a PNG blob. */
export async function exportPng(sigma: AnySigma, options: PngOptions = {}): Promise<Blob> {
  return canvasToBlob(await drawMap(sigma, options));
}

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

const LEGEND_MAX_ROWS = 9;

/** The legend box's height in canvas pixels (`ratio` per CSS pixel). */
function legendHeight(legend: PngLegend, ratio: number): number {
  const rows = Math.min(LEGEND_MAX_ROWS, legend.entries.length);
  return ratio * (8 * 2 + (legend.title ? 16 : 0) + rows * 16 + (legend.note ? 16 : 0));
}

/** Lays out the legend box in the bottom-left corner: entries in columns that fit, measured with the context's font. */
export function drawLegend(ctx: CanvasRenderingContext2D, legend: PngLegend, ratio: number, canvasHeight: number): void {
  const u = ratio; // one CSS pixel
  const pad = 8 * u;
  const line = 16 * u;
  const swatch = 10 * u;
  const maxRows = LEGEND_MAX_ROWS;
  ctx.save();
  ctx.font = `${12 * u}px ${FONT}`;
  const columns: PngLegend['entries'][] = [];
  for (let i = 0; i < legend.entries.length; i += maxRows) columns.push(legend.entries.slice(i, i + maxRows));
  const colWidths = columns.map((col) => col.reduce((w, e) => Math.max(w, ctx.measureText(e.label).width), -Infinity) + swatch + 6 * u);
  ctx.font = `600 ${12 * u}px ${FONT}`;
  const titleWidth = legend.title ? ctx.measureText(legend.title).width : 0;
  ctx.font = `${11 * u}px ${FONT}`;
  const noteWidth = legend.note ? ctx.measureText(legend.note).width : 0;
  const entriesWidth = colWidths.reduce((s, w) => s + w, 0) + (columns.length - 1) * 14 * u;
  const boxWidth = Math.max(entriesWidth, titleWidth, noteWidth) + 2 * pad;
  const rows = Math.min(maxRows, legend.entries.length);
  const boxHeight = legendHeight(legend, ratio);
  const x0 = 12 * u;
  const y0 = canvasHeight - boxHeight - 12 * u;

  ctx.fillStyle = 'rgba(255, 255, 255, 0.92)';
  ctx.strokeStyle = '#d9dde4';
  ctx.lineWidth = u;
  ctx.beginPath();
  ctx.rect(x0, y0, boxWidth, boxHeight);
  ctx.fill();
  ctx.stroke();

  ctx.textBaseline = 'middle';
  let y = y0 + pad + line / 2;
  if (legend.title) {
    ctx.font = `600 ${12 * u}px ${FONT}`;
    ctx.fillStyle = '#1d2330';
    ctx.fillText(legend.title, x0 + pad, y);
    y += line;
  }
  ctx.font = `${12 * u}px ${FONT}`;
  let x = x0 + pad;
  columns.forEach((col, c) => {
    col.forEach((entry, r) => {
      const cy = y + r * line;
      ctx.fillStyle = entry.colour;
      ctx.beginPath();
      ctx.arc(x + swatch / 2, cy, swatch / 2, 0, 2 * Math.PI);
      ctx.fill();
      ctx.strokeStyle = 'rgba(0, 0, 0, 0.3)';
      ctx.stroke();
      ctx.fillStyle = '#1d2330';
      ctx.fillText(entry.label, x + swatch + 6 * u, cy);
    });
    x += colWidths[c]! + 14 * u;
  });
  if (legend.note) {
    ctx.font = `${11 * u}px ${FONT}`;
    ctx.fillStyle = '#5b6474';
    ctx.fillText(legend.note, x0 + pad, y + rows * line);
  }
  ctx.restore();
}

/** A suggested tie as drawn: two points on the map (CSS pixels), its number, whether it is pointed at. */
export interface SuggestedSegment {
  from: { x: number; y: number };
  to: { x: number; y: number };
  /** The number the panels show next to the same tie. */
  number: number;
  active: boolean;
}


/**
 * Suggested ties as dashed lines with a numbered badge at the middle (sigma's edge programs draw
 * no dashes): the map overlay and the PNG export draw them with this one function. `u` is one CSS
 * pixel in the context's units.
 */
export function drawSuggestedTies(ctx: CanvasRenderingContext2D, segments: readonly SuggestedSegment[], u = 1): void {
  const anyActive = segments.some((s) => s.active);
  ctx.save();
  for (const s of segments) {
    ctx.beginPath();
    ctx.setLineDash([6 * u, 5 * u]);
    ctx.lineWidth = (s.active ? 3.5 : 2) * u;
    ctx.strokeStyle = SUGGESTED_COLOUR;
    ctx.globalAlpha = anyActive && !s.active ? 0.35 : 0.9;
    ctx.moveTo(s.from.x * u, s.from.y * u);
    ctx.lineTo(s.to.x * u, s.to.y * u);
    ctx.stroke();
  }
  ctx.setLineDash([]);
  ctx.font = `700 ${10 * u}px ${FONT}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  for (const s of segments) {
    const x = ((s.from.x + s.to.x) / 2) * u;
    const y = ((s.from.y + s.to.y) / 2) * u;
    ctx.globalAlpha = anyActive && !s.active ? 0.5 : 1;
    ctx.beginPath();
    ctx.arc(x, y, (s.active ? 10 : 8) * u, 0, 2 * Math.PI);
    ctx.fillStyle = s.active ? SUGGESTED_COLOUR : '#ffffff';
    ctx.fill();
    ctx.lineWidth = 1.5 * u;
    ctx.strokeStyle = SUGGESTED_COLOUR;
    ctx.stroke();
    ctx.fillStyle = s.active ? '#ffffff' : SUGGESTED_COLOUR;
    ctx.fillText(String(s.number), x, y + 0.5 * u);
  }
  ctx.restore();
}

/** Suggested ties in the map's node keys, for the PNG (drawn as on screen). */
export function suggestedKeys(suggested: readonly { a: number; b: number; number?: number }[] | undefined): { a: string; b: string; number: number }[] {
  return (suggested ?? []).map((s, i) => ({ a: organisationKey(s.a), b: organisationKey(s.b), number: s.number ?? i + 1 }));
}

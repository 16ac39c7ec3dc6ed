/**
 * Collision-free node labels on a sigma map (the choice itself is graph/labels.ts, pure).
 *
 * - `LabelRenderer` replaces sigma's `defaultDrawNodeLabel` and `defaultDrawNodeHover`: a label
 *   with a white halo, and the hovered/focused node's label on a white box, both exactly in the
 *   box the placement reserved. As a safety net it never draws a label over one already drawn in
 *   the same frame (frames in which positions are moving, before the placement has caught up).
 *   It records what it drew, for the map's test hook.
 * - `LabelLayout` decides which nodes get a label: the look controller gives the nodes in
 *   priority order; the layout places them greedily on the current screen geometry and reports
 *   the result through `forceLabel` (sigma's label grid is switched off with `labelDensity: 0`).
 *   Screen overlap does not change when the camera pans, so placement reruns only when the zoom,
 *   the canvas size, the positions or the priorities change.
 */
import type Sigma from 'sigma';
import { DEFAULT_LABEL_DENSITY, LABEL_SPACING, boxesOverlap, placeLabels, type LabelBox, type LabelDensity } from '../../graph/labels';

export const LABEL_FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
export const LABEL_SIZE = 12;
export const LABEL_WEIGHT = '500';
const LABEL_COLOUR = '#1d2330';

/** The box a node's label occupies: right (or left) of the node, vertically centred on it. */
export function labelBox(x: number, y: number, radius: number, textWidth: number, fontSize = LABEL_SIZE, side: 'right' | 'left' = 'right'): LabelBox {
  const height = fontSize + 6;
  const width = textWidth + 8;
  return { x: side === 'right' ? x + radius + 2 : x - radius - 2 - width, y: y - height / 2, width, height };
}

export interface DrawnLabel extends LabelBox {
  key: string;
  text: string;
  /** `labels`: the ordinary layer; `hover`: the boxed label of the hovered or focused node. */
  layer: 'labels' | 'hover';
}

type LabelData = { x: number; y: number; size: number; label?: string | null; key?: string };
/** The label settings read from sigma's settings. */
type LabelSettings = { labelSize?: number; labelFont?: string; labelWeight?: string };

/** A name shortened to fit the map keeps at least this much text (px)... */
const SHORTENED_MIN_WIDTH = 100;
/** ...and one moved left of its node is at most this wide (px). */
const SHORTENED_MAX_WIDTH = 220;

/** Sigma's label drawing functions, with what they drew per canvas. */
export class LabelRenderer {
  private readonly widths = new Map<string, number>();
  private measure: CanvasRenderingContext2D | null = null;
  /** Per canvas context: the labels of the frame being drawn, and whether a frame is open. */
  private readonly frames = new WeakMap<CanvasRenderingContext2D, { drawn: DrawnLabel[]; keys: Set<string>; open: boolean }>();
  /** Nodes whose label goes left of the node (the placement found no room on the right). */
  readonly leftSide = new Set<string>();

  /**
   * @param keepInside for maps without a label layout (the two-mode map, where sigma's grid picks
   *   the labels): a label that would run past the map's right edge is shortened or moved
   *   (`placement`).
   */
  constructor(
    readonly fontSize = LABEL_SIZE,
    private readonly keepInside = false,
  ) {}

  /**
   * Where a label goes: right of its node, unless the layout put it left. With `keepInside`, a label
   * that does not fit on the map to the right is shortened with "…" to fit there, or, with too
   * little room on the right, goes left of its node.
   */
  private placement(context: CanvasRenderingContext2D, key: string, data: LabelData, text: string, fontSize?: number): { box: LabelBox; text: string } {
    const place = (side: 'left' | 'right', shown: string) => ({ box: labelBox(data.x, data.y, data.size, this.width(shown), fontSize, side), text: shown });
    if (this.leftSide.has(key)) return place('left', text);
    if (!this.keepInside) return place('right', text);
    // Sigma scales its label canvases to CSS pixels, the unit of these boxes.
    const mapWidth = context.canvas.clientWidth || context.canvas.width;
    // Room for the text itself on each side: an empty label's box is the padding alone.
    const empty = { right: labelBox(data.x, 0, data.size, 0, fontSize), left: labelBox(data.x, 0, data.size, 0, fontSize, 'left') };
    const room = { right: mapWidth - empty.right.x - empty.right.width, left: empty.left.x };
    const width = this.width(text);
    if (width <= room.right) return place('right', text);
    // Shortened on its own side while that leaves a readable start; else to the left, at most
    // SHORTENED_MAX_WIDTH wide (a whole long name there ran across its node's neighbours).
    if (room.right >= SHORTENED_MIN_WIDTH) return place('right', this.shortened(text, room.right));
    const left = Math.min(room.left, SHORTENED_MAX_WIDTH);
    return place('left', width <= left ? text : this.shortened(text, left));
  }

  /** The longest start of `text` that, followed by "…", is at most `room` wide. */
  private shortened(text: string, room: number): string {
    const characters = [...text];
    let [low, high] = [0, characters.length];
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (this.width(`${characters.slice(0, middle).join('').trimEnd()}…`) <= room) low = middle;
      else high = middle - 1;
    }
    return `${characters.slice(0, low).join('').trimEnd()}…`;
  }

  private font(settings?: LabelSettings) {
    return `${settings?.labelWeight ?? LABEL_WEIGHT} ${settings?.labelSize ?? this.fontSize}px ${settings?.labelFont ?? LABEL_FONT}`;
  }

  /** Width of a label text at the label font (measured once per text). */
  width(text: string): number {
    let w = this.widths.get(text);
    if (w === undefined) {
      this.measure ??= document.createElement('canvas').getContext('2d');
      if (this.measure) {
        this.measure.font = this.font();
        w = this.measure.measureText(text).width;
      } else w = text.length * this.fontSize * 0.55;
      this.widths.set(text, w);
    }
    return w;
  }

  /**
   * The labels of the current frame on `context`. A frame is what sigma draws in one synchronous
   * pass; it ends at the next microtask, so the first call after that starts a new list.
   */
  private frame(context: CanvasRenderingContext2D) {
    let f = this.frames.get(context);
    if (!f) this.frames.set(context, (f = { drawn: [], keys: new Set(), open: false }));
    if (!f.open) {
      f.drawn = [];
      f.keys.clear();
      f.open = true;
      const frame = f;
      queueMicrotask(() => (frame.open = false));
    }
    return f;
  }

  /** Forgets what was drawn on `context` (sigma cleared it). */
  clear(context: CanvasRenderingContext2D | null | undefined): void {
    const f = context && this.frames.get(context);
    if (f) {
      f.drawn = [];
      f.keys.clear();
    }
  }

  /** What was last drawn on `context`. */
  drawnOn(context: CanvasRenderingContext2D | null | undefined): DrawnLabel[] {
    return (context && this.frames.get(context)?.drawn) || [];
  }

  drawLabel = (context: CanvasRenderingContext2D, data: LabelData, settings: LabelSettings): void => {
    const text = data.label;
    if (!text) return;
    const key = String(data.key ?? '');
    const { box, text: shown } = this.placement(context, key, data, text, settings.labelSize);
    let frame = this.frame(context);
    // Sigma draws a node's label once per pass: the same key again means a new pass began in the
    // same task (the PNG export's temporary renderer draws twice with no beforeRender between, and
    // the net below then refused every label of the second pass: the PNG had none).
    if (frame.keys.has(key)) {
      this.clear(context);
      frame = this.frame(context);
    }
    // The safety net: an earlier label of this frame already holds the place.
    for (const other of frame.drawn) if (boxesOverlap(box, other)) return;
    frame.drawn.push({ ...box, key, text: shown, layer: 'labels' });
    frame.keys.add(key);
    context.font = this.font(settings);
    context.textBaseline = 'middle';
    context.lineJoin = 'round';
    context.lineWidth = 3;
    context.strokeStyle = 'rgba(255,255,255,0.92)';
    const tx = box.x + 4;
    context.strokeText(shown, tx, data.y);
    context.fillStyle = LABEL_COLOUR;
    context.fillText(shown, tx, data.y);
  };

  drawHover = (context: CanvasRenderingContext2D, data: LabelData, settings: LabelSettings): void => {
    const text = data.label;
    // A ring around the node, then the label on a white box.
    context.beginPath();
    context.arc(data.x, data.y, data.size + 2, 0, Math.PI * 2);
    context.lineWidth = 2;
    context.strokeStyle = LABEL_COLOUR;
    context.stroke();
    if (!text) return;
    const key = String(data.key ?? '');
    // The layout's side (by key) is for the plain label; the boxed one goes right, unless
    // `keepInside` finds no room there.
    const { box, text: shown } = this.placement(context, '', data, text, settings.labelSize);
    this.frame(context).drawn.push({ ...box, key, text: shown, layer: 'hover' });
    context.save();
    context.shadowColor = 'rgba(0,0,0,0.25)';
    context.shadowBlur = 6;
    context.fillStyle = '#ffffff';
    context.beginPath();
    context.roundRect(box.x, box.y, box.width, box.height, 3);
    context.fill();
    context.restore();
    context.lineWidth = 1;
    context.strokeStyle = '#8a93a3';
    context.beginPath();
    context.roundRect(box.x + 0.5, box.y + 0.5, box.width - 1, box.height - 1, 3);
    context.stroke();
    context.font = this.font(settings);
    context.textBaseline = 'middle';
    context.fillStyle = LABEL_COLOUR;
    context.fillText(shown, box.x + 4, data.y);
  };
}

/** What the look controller says about label priority. */
export interface LabelPriorities {
  /** Node keys, most important first. */
  order: readonly string[];
  /** How many of the first are priority nodes (focus, selection, partners, a highlighted group). */
  priority: number;
  /** How many of the first are labelled whatever else (the focused node). */
  keep: number;
}

/** Maps larger than this hide labels while the camera moves; placement waits for it to stop. */
export const LIVE_LABELS_MAX_NODES = 2000;

// Sigma's generic parameters differ per map; the layout only reads display data.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnySigma = Sigma<any, any, any>;

export class LabelLayout {
  /** Nodes whose label is drawn (read by the node reducer as `forceLabel`). */
  placed = new Set<string>();
  private priorities: LabelPriorities = { order: [], priority: 0, keep: 0 };
  private density: LabelDensity = DEFAULT_LABEL_DENSITY;
  private geometry = '';

  constructor(
    private readonly sigma: AnySigma,
    readonly renderer: LabelRenderer,
  ) {}

  /**
   * What covers the map on screen (its buttons, the level bar, a drawer), in canvas pixels: the
   * controls marked `data-map-obstacle` next to the canvas, and drawers over the same stage.
   */
  private obstacles(): LabelBox[] {
    const extra = this.extraObstacles();
    const container = this.sigma.getContainer();
    const origin = container.getBoundingClientRect();
    const scope = container.closest('.stage') ?? container.parentElement;
    if (!scope) return extra;
    const out: LabelBox[] = extra;
    for (const el of scope.querySelectorAll<HTMLElement>('[data-map-obstacle], .details-drawer')) {
      const r = el.getBoundingClientRect();
      if (r.width && r.height) out.push({ x: r.left - origin.left, y: r.top - origin.top, width: r.width, height: r.height });
    }
    return out;
  }

  /** What the map draws over its labels outside the DOM (the suggested ties' badges), in canvas pixels. */
  private extraObstacles: () => LabelBox[] = () => [];

  setExtraObstacles(source: () => LabelBox[]): void {
    this.extraObstacles = source;
  }

  setPriorities(priorities: LabelPriorities): void {
    this.priorities = priorities;
  }

  setDensity(density: LabelDensity): void {
    this.density = density;
  }

  /** Recomputes which labels are drawn; returns the nodes whose label appeared or went. */
  place(): string[] {
    const { sigma, renderer } = this;
    const { order, priority, keep } = this.priorities;
    const spacing = LABEL_SPACING[this.density];
    const boxes: LabelBox[][] = [];
    const sides: ('left' | 'right')[][] = [];
    const keys: string[] = [];
    const { width: canvasWidth, height: canvasHeight } = sigma.getDimensions();
    /** Partly on the canvas: it would be drawn cut off. */
    const cut = (b: LabelBox) => (b.x < 0 && b.x + b.width > 0) || (b.x < canvasWidth && b.x + b.width > canvasWidth) || (b.y < 0 && b.y + b.height > 0) || (b.y < canvasHeight && b.y + b.height > canvasHeight);
    let ordinary = 0;
    let kept = 0;
    for (let k = 0; k < order.length; k++) {
      const key = order[k]!;
      const isPriority = k < priority;
      if (!isPriority && spacing.priorityOnly) break;
      const d = sigma.getNodeDisplayData(key);
      if (!d || d.hidden || !d.label) continue;
      const radius = sigma.scaleSize(d.size);
      if (!isPriority && ordinary++ >= spacing.hubs && radius < spacing.minNodeSize) continue;
      const p = sigma.framedGraphToViewport(d);
      const width = renderer.width(d.label as string);
      keys.push(key);
      // Right of the node, else left (the focused node's boxed label is always on the right).
      const right = labelBox(p.x, p.y, radius, width);
      if (k < keep) kept++;
      if (k < keep) {
        boxes.push([right]);
        sides.push(['right']);
        continue;
      }
      // A label cut by the edge of the canvas is worse than none: only sides that fit.
      const left = labelBox(p.x, p.y, radius, width, LABEL_SIZE, 'left');
      const options = (['right', 'left'] as const).filter((side) => !cut(side === 'right' ? right : left));
      boxes.push(options.map((side) => (side === 'right' ? right : left)));
      sides.push([...options]);
    }
    const accepted = placeLabels(boxes, { gapX: spacing.gapX, gapY: spacing.gapY, keep: kept, obstacles: this.obstacles() });
    const next = new Set<string>();
    const left = new Set<string>();
    keys.forEach((key, i) => {
      if (!accepted[i]) return;
      next.add(key);
      if (sides[i]![accepted[i]! - 1] === 'left') left.add(key);
    });
    // A label that changes side must be redrawn too.
    for (const key of left) if (!renderer.leftSide.has(key) && this.placed.has(key)) this.placed.delete(key);
    for (const key of renderer.leftSide) if (!left.has(key) && next.has(key) && this.placed.has(key)) this.placed.delete(key);
    renderer.leftSide.clear();
    for (const key of left) renderer.leftSide.add(key);
    const changed: string[] = [];
    for (const key of next) if (!this.placed.has(key)) changed.push(key);
    for (const key of this.placed) if (!next.has(key)) changed.push(key);
    this.placed = next;
    this.geometry = this.geometryKey();
    return changed;
  }

  /** What the placement depends on: the zoom, the canvas size and (for the side of labels at the edges) the pan. */
  private geometryKey(): string {
    const { width, height } = this.sigma.getDimensions();
    const c = this.sigma.getCamera().getState();
    return `${c.ratio}|${width}|${height}|${c.x.toFixed(5)}|${c.y.toFixed(5)}`;
  }

  private zoomKey(): string {
    return this.geometry.split('|').slice(0, 3).join('|');
  }

  /** Places again and redraws the nodes whose label changed. */
  relabel(): void {
    const changed = this.place();
    if (changed.length && this.sigma.getGraph().order) {
      this.sigma.refresh({ partialGraph: { nodes: changed.filter((k) => this.sigma.getGraph().hasNode(k)) }, skipIndexation: true, schedule: true });
    }
  }

  /** Follows the camera, the canvas size and moving nodes; returns the detach function. */
  attach(): () => void {
    const { sigma } = this;
    const camera = sigma.getCamera();
    const graph = sigma.getGraph();
    const small = graph.order <= LIVE_LABELS_MAX_NODES;
    let panTimer = 0;
    let moveTimer = 0;
    let moveFrame = 0;
    let lastMoved = 0;
    const onCamera = () => {
      const key = this.geometryKey();
      if (key === this.geometry) return;
      // Large maps hide labels while the camera moves: place once it stops.
      if (!small && camera.isAnimated()) return;
      clearTimeout(panTimer);
      // A pan only moves labels at the canvas edges to the other side: on large maps, once the
      // drag pauses.
      if (!small && key.split('|').slice(0, 3).join('|') === this.zoomKey()) panTimer = window.setTimeout(() => this.relabel(), 200);
      else this.relabel();
    };
    // Positions changed (layout running, a node dragged): place after sigma has processed them,
    // at most once a frame (every half second on large maps).
    const onMoved = () => {
      if (moveTimer || moveFrame) return;
      const wait = small ? 0 : Math.max(0, 500 - (performance.now() - lastMoved));
      moveTimer = window.setTimeout(() => {
        moveTimer = 0;
        moveFrame = requestAnimationFrame(() => {
          moveFrame = 0;
          lastMoved = performance.now();
          this.relabel();
        });
      }, wait);
    };
    const labelsCanvas = () => sigma.getCanvases().labels?.getContext('2d');
    const onBeforeRender = () => this.renderer.clear(labelsCanvas());
    // What covers the map (a drawer opening or closing, the level bar) changes where labels fit:
    // place again, once per frame, when the stage's content changes.
    let relabelFrame = 0;
    const relabelNextFrame = () => {
      if (relabelFrame) return;
      relabelFrame = requestAnimationFrame(() => {
        relabelFrame = 0;
        this.relabel();
      });
    };
    // Sigma says it resized at the start of a render, before its matrices follow the new size:
    // placed then, labels went by the old positions and ran off a narrowed map (another tab's
    // side panel). Placed in the next frame instead, as for obstacles.
    const onResize = relabelNextFrame;
    const scope = sigma.getContainer().closest('.stage');
    const mutations = scope && typeof MutationObserver !== 'undefined' ? new MutationObserver(relabelNextFrame) : null;
    if (scope) mutations?.observe(scope, { childList: true, subtree: true });
    camera.on('updated', onCamera);
    sigma.on('resize', onResize);
    sigma.on('beforeRender', onBeforeRender);
    graph.on('nodeAttributesUpdated', onMoved);
    graph.on('eachNodeAttributesUpdated', onMoved);
    return () => {
      mutations?.disconnect();
      cancelAnimationFrame(relabelFrame);
      clearTimeout(panTimer);
      clearTimeout(moveTimer);
      cancelAnimationFrame(moveFrame);
      camera.off('updated', onCamera);
      sigma.off('resize', onResize);
      sigma.off('beforeRender', onBeforeRender);
      graph.off('nodeAttributesUpdated', onMoved);
      graph.off('eachNodeAttributesUpdated', onMoved);
    };
  }
}

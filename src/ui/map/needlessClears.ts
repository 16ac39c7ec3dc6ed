/**
 * Sigma clears all six of its layers before every frame it renders: the nodes and ties, the labels,
 * the hovered nodes (a 2D and a WebGL layer) and the tie labels. That includes layers that nothing
 * was drawn on since they were last cleared: tie labels (Bruggen draws none), the hover layers
 * while nothing is hovered, the ties and labels while they are hidden during a pan. A browser
 * presents every canvas that was touched in a frame. In software WebGL (SwiftShader, the browser
 * of a machine without a GPU) each one costs a frame interval. Measured here in Chromium at 60 Hz:
 * one WebGL canvas cleared each frame gives frames of 33 ms, three give 67 ms, and three empty 2D
 * canvases cleared next to one WebGL canvas add 33 ms.
 *
 * These wrappers make a clear of a canvas that is already clear a no-op: the canvas stays
 * untouched, so it is not presented again. What counts as "clear": a full clear, and nothing drawn
 * since. Any draw call, a resize, or a partial clear counts as drawing, so in doubt the clear
 * happens. The wrappers are put on the context instances, not on their prototypes, so no other
 * canvas of the page is affected.
 *
 * A WebGL canvas left untouched still costs: the browser blends every visible WebGL layer into
 * each frame it makes (a bare page here: one canvas redrawn beside two clear, untouched ones, 33 ms
 * frames; with the two at opacity 0, 17 ms). So a layer that is known to be clear is also made
 * fully transparent (`opacity: 0`, which changes nothing on screen, keeps the canvas "visible" to
 * scripts, and lets the compositor skip it), and opaque again just before anything is drawn on it,
 * in the same task. Panning H2020's community overview (edges and labels hidden while moving),
 * alternating rounds in one page: median frame 58–65 ms with the layers forced opaque, 37–42 ms
 * without (30–34 ms when the machine was quieter).
 */

/** Replaces methods on one object (not its prototype) by ones that call `hook` first. */
function beforeEachCall<T extends object>(target: T, methods: readonly (keyof T & string)[], hook: () => void): void {
  const proto = Object.getPrototypeOf(target) as Record<string, (...args: unknown[]) => unknown>;
  for (const method of methods) {
    const original = proto[method];
    if (typeof original !== 'function') continue;
    Object.defineProperty(target, method, {
      configurable: true,
      value(this: T, ...args: unknown[]) {
        hook();
        return original.apply(this, args);
      },
    });
  }
}

/** The 2D context methods that draw pixels. */
const DRAWING_2D = ['fill', 'stroke', 'fillRect', 'strokeRect', 'fillText', 'strokeText', 'drawImage', 'putImageData'] as const;

/**
 * Told when a canvas becomes clear (`true`) and when something is about to be drawn on a clear one
 * (`false`).
 */
export type OnClear = (clear: boolean) => void;

/** Whether a canvas is clear, telling `onClear` when that changes. */
function clearState(onClear?: OnClear): { readonly clear: boolean; set(clear: boolean): void } {
  let clear = false;
  return {
    get clear() {
      return clear;
    },
    set(now: boolean) {
      if (now === clear) return;
      clear = now;
      onClear?.(now);
    },
  };
}

/** Makes a canvas fully transparent while it is clear (see above). */
export function transparentWhileClear(canvas: HTMLCanvasElement): OnClear {
  return (clear) => void (canvas.style.opacity = clear ? '0' : '');
}

/**
 * A 2D context whose full clears are skipped while nothing has been drawn on it since the last one;
 * `onClear` hears when it becomes clear and when it stops being so.
 */
export function skipNeedlessClears2d(ctx: CanvasRenderingContext2D, onClear?: OnClear): void {
  const proto = Object.getPrototypeOf(ctx) as CanvasRenderingContext2D;
  const state = clearState(onClear);
  let size = `${ctx.canvas.width}x${ctx.canvas.height}`;
  beforeEachCall(ctx, DRAWING_2D, () => state.set(false));
  Object.defineProperty(ctx, 'clearRect', {
    configurable: true,
    value(this: CanvasRenderingContext2D, x: number, y: number, w: number, h: number) {
      // Setting a canvas's size empties it, but a resize is counted as drawing (simpler than sure).
      const now = `${this.canvas.width}x${this.canvas.height}`;
      if (now !== size) {
        size = now;
        state.set(false);
      }
      if (state.clear) return;
      proto.clearRect.call(this, x, y, w, h);
      state.set(coversCanvas(this, x, y, w, h));
    },
  });
}

/** Whether a clearRect in the context's current transform covers the whole canvas (no clip is assumed). */
function coversCanvas(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number): boolean {
  const m = ctx.getTransform();
  // Only scaling and translation (what sigma and the overlays use); anything else is not a full clear.
  if (m.b !== 0 || m.c !== 0 || !(m.a > 0) || !(m.d > 0)) return false;
  const left = m.a * x + m.e;
  const top = m.d * y + m.f;
  const right = m.a * (x + w) + m.e;
  const bottom = m.d * (y + h) + m.f;
  return left <= 0 && top <= 0 && right >= ctx.canvas.width && bottom >= ctx.canvas.height;
}

type Gl2 = WebGL2RenderingContext;
const DRAWING_GL = ['drawArrays', 'drawElements', 'drawArraysInstanced', 'drawElementsInstanced', 'drawRangeElements', 'blitFramebuffer', 'clearBufferfv', 'clearBufferiv', 'clearBufferuiv', 'clearBufferfi'] as const;

/**
 * A WebGL 2 context whose colour clears of the canvas (the default framebuffer) are skipped while
 * nothing has been drawn to it since the last one. Draws into other framebuffers (sigma's picking
 * layers) and clears there are left alone. A WebGL 1 context is left as it is: its instanced
 * draws come from an extension this does not follow.
 */
export function skipNeedlessClearsGl(gl: WebGLRenderingContext | WebGL2RenderingContext, onClear?: OnClear): void {
  if (typeof WebGL2RenderingContext === 'undefined' || !(gl instanceof WebGL2RenderingContext)) return;
  const proto = Object.getPrototypeOf(gl) as Gl2;
  const state = clearState(onClear);
  let onCanvas = true;
  let size = `${gl.drawingBufferWidth}x${gl.drawingBufferHeight}`;
  const dirty = () => state.set(false);
  beforeEachCall(gl, DRAWING_GL, () => void (onCanvas && dirty()));
  // What "clear" means depends on the clear colour: a new one counts as drawing.
  beforeEachCall(gl, ['clearColor'], dirty);
  // A clear covers the canvas without a scissor test and with every channel written. Both are
  // followed here rather than asked for: getParameter waits for the GPU process (12.6 s of a
  // 27 s pan on H2020's overview when it was asked at every clear).
  let scissor = false;
  let fullMask = true;
  for (const [method, on] of [['enable', true], ['disable', false]] as const) {
    Object.defineProperty(gl, method, {
      configurable: true,
      value(this: Gl2, cap: number) {
        if (cap === this.SCISSOR_TEST) scissor = on;
        proto[method].call(this, cap);
      },
    });
  }
  Object.defineProperty(gl, 'colorMask', {
    configurable: true,
    value(this: Gl2, r: boolean, g: boolean, b: boolean, a: boolean) {
      fullMask = r && g && b && a;
      proto.colorMask.call(this, r, g, b, a);
    },
  });
  Object.defineProperty(gl, 'bindFramebuffer', {
    configurable: true,
    value(this: Gl2, target: number, framebuffer: WebGLFramebuffer | null) {
      if (target === this.FRAMEBUFFER || target === this.DRAW_FRAMEBUFFER) onCanvas = framebuffer === null;
      proto.bindFramebuffer.call(this, target, framebuffer);
    },
  });
  Object.defineProperty(gl, 'clear', {
    configurable: true,
    value(this: Gl2, mask: number) {
      const now = `${this.drawingBufferWidth}x${this.drawingBufferHeight}`;
      if (now !== size) {
        size = now;
        dirty();
      }
      // Only a colour-only clear of the canvas is ever skipped.
      if (!onCanvas || mask !== this.COLOR_BUFFER_BIT) {
        if (onCanvas) dirty();
        proto.clear.call(this, mask);
        return;
      }
      if (state.clear) return;
      proto.clear.call(this, mask);
      state.set(!scissor && fullMask);
    },
  });
}

/**
 * Both of the above, on every layer of a sigma instance (its canvases with their contexts), each
 * transparent while it is clear; not on its `mouse` layer, which takes the pointer events and is
 * never drawn on.
 */
export function skipNeedlessLayerClears(canvases: Record<string, HTMLCanvasElement>): void {
  for (const [layer, canvas] of Object.entries(canvases)) {
    if (layer === 'mouse') continue;
    // A canvas keeps the context it was made with; asking for another kind returns null.
    const gl = canvas.getContext('webgl2');
    if (gl) skipNeedlessClearsGl(gl, transparentWhileClear(canvas));
    else {
      const ctx = canvas.getContext('2d');
      if (ctx) skipNeedlessClears2d(ctx, transparentWhileClear(canvas));
    }
  }
}

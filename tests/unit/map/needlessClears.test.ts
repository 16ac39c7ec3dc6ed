import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { skipNeedlessClears2d, skipNeedlessClearsGl, transparentWhileClear } from '../../../src/ui/map/needlessClears';

/**
 * Stand-ins for the browser's contexts: the methods live on the prototype, as in a browser, and
 * record what reaches them. The wrappers must let every clear through that could change a pixel.
 */
class Fake2d {
  calls: string[] = [];
  canvas = { width: 200, height: 100 };
  transform = { a: 1, b: 0, c: 0, d: 1, e: 0, f: 0 };
  getTransform() {
    return this.transform;
  }
  clearRect(x: number, y: number, w: number, h: number) {
    this.calls.push(`clearRect ${x} ${y} ${w} ${h}`);
  }
  fillText() {
    this.calls.push('fillText');
  }
  fill() {
    this.calls.push('fill');
  }
  drawImage() {
    this.calls.push('drawImage');
  }
}

const clears = (ctx: Fake2d) => ctx.calls.filter((c) => c.startsWith('clear')).length;

describe('2D layers: a clear of a canvas that is already clear is skipped', () => {
  it('clears once, then again only after something was drawn', () => {
    const ctx = new Fake2d();
    skipNeedlessClears2d(ctx as unknown as CanvasRenderingContext2D);
    const c = ctx as unknown as CanvasRenderingContext2D;
    c.clearRect(0, 0, 200, 100);
    c.clearRect(0, 0, 200, 100);
    c.clearRect(0, 0, 200, 100);
    expect(clears(ctx)).toBe(1);
    c.fillText('x', 1, 1);
    c.clearRect(0, 0, 200, 100);
    c.clearRect(0, 0, 200, 100);
    expect(clears(ctx)).toBe(2);
    for (const draw of [() => c.fill(), () => c.drawImage(null as unknown as CanvasImageSource, 0, 0)]) {
      draw();
      c.clearRect(0, 0, 200, 100);
    }
    expect(clears(ctx)).toBe(4);
    // The drawing itself still happens.
    expect(ctx.calls.filter((x) => !x.startsWith('clear'))).toEqual(['fillText', 'fill', 'drawImage']);
  });

  it('a partial clear does not make the canvas clear', () => {
    const ctx = new Fake2d();
    skipNeedlessClears2d(ctx as unknown as CanvasRenderingContext2D);
    const c = ctx as unknown as CanvasRenderingContext2D;
    c.fillText('x', 1, 1);
    c.clearRect(0, 0, 100, 100);
    c.clearRect(0, 0, 100, 100);
    expect(clears(ctx)).toBe(2);
    c.clearRect(0, 0, 200, 100);
    c.clearRect(0, 0, 200, 100);
    expect(clears(ctx)).toBe(3);
  });

  it('reads a full clear in the current transform (sigma scales by the pixel ratio)', () => {
    const ctx = new Fake2d();
    ctx.transform = { a: 2, b: 0, c: 0, d: 2, e: 0, f: 0 };
    skipNeedlessClears2d(ctx as unknown as CanvasRenderingContext2D);
    const c = ctx as unknown as CanvasRenderingContext2D;
    c.clearRect(0, 0, 100, 50); // the whole 200 × 100 canvas at ratio 2
    c.clearRect(0, 0, 100, 50);
    expect(clears(ctx)).toBe(1);
    c.fillText('x', 1, 1);
    c.clearRect(0, 0, 50, 50); // half of it
    c.clearRect(0, 0, 50, 50);
    expect(clears(ctx)).toBe(3);
    // A rotation is never taken for a full clear.
    ctx.transform = { a: 0, b: 1, c: -1, d: 0, e: 0, f: 0 };
    c.clearRect(-1000, -1000, 5000, 5000);
    c.clearRect(-1000, -1000, 5000, 5000);
    expect(clears(ctx)).toBe(5);
  });

  it('a resized canvas is cleared again', () => {
    const ctx = new Fake2d();
    skipNeedlessClears2d(ctx as unknown as CanvasRenderingContext2D);
    const c = ctx as unknown as CanvasRenderingContext2D;
    c.clearRect(0, 0, 200, 100);
    ctx.canvas.width = 300;
    c.clearRect(0, 0, 300, 100);
    c.clearRect(0, 0, 300, 100);
    expect(clears(ctx)).toBe(2);
  });

  it('leaves other contexts of the same kind alone', () => {
    const a = new Fake2d();
    const b = new Fake2d();
    skipNeedlessClears2d(a as unknown as CanvasRenderingContext2D);
    for (let i = 0; i < 3; i++) (b as unknown as CanvasRenderingContext2D).clearRect(0, 0, 200, 100);
    expect(clears(b)).toBe(3);
  });

  it('says when the canvas becomes clear and, before the next drawing, when it stops being so', () => {
    const ctx = new Fake2d();
    const heard: boolean[] = [];
    skipNeedlessClears2d(ctx as unknown as CanvasRenderingContext2D, (clear) => {
      heard.push(clear);
      // Told before the drawing reaches the canvas, so the canvas is shown before it is drawn on.
      if (!clear) expect(ctx.calls.at(-1)).toMatch(/^clearRect/);
    });
    const c = ctx as unknown as CanvasRenderingContext2D;
    c.clearRect(0, 0, 100, 100);
    expect(heard).toEqual([]);
    c.clearRect(0, 0, 200, 100);
    c.clearRect(0, 0, 200, 100);
    expect(heard).toEqual([true]);
    c.fillText('x', 1, 1);
    c.fill();
    expect(heard).toEqual([true, false]);
    c.clearRect(0, 0, 200, 100);
    expect(heard).toEqual([true, false, true]);
    // A resize empties the canvas but counts as drawing.
    ctx.canvas.width = 300;
    c.clearRect(0, 0, 10, 10);
    expect(heard).toEqual([true, false, true, false]);
  });

  it('a clear canvas is made transparent, and opaque again when drawn on', () => {
    const ctx = new Fake2d();
    const canvas = { style: { opacity: '' } } as HTMLCanvasElement;
    skipNeedlessClears2d(ctx as unknown as CanvasRenderingContext2D, transparentWhileClear(canvas));
    const c = ctx as unknown as CanvasRenderingContext2D;
    c.clearRect(0, 0, 200, 100);
    expect(canvas.style.opacity).toBe('0');
    c.fillText('x', 1, 1);
    expect(canvas.style.opacity).toBe('');
  });
});

/** A WebGL 2 stand-in: the wrapper only acts on WebGL 2 contexts. */
class FakeGl2 {
  FRAMEBUFFER = 0x8d40;
  DRAW_FRAMEBUFFER = 0x8ca9;
  READ_FRAMEBUFFER = 0x8ca8;
  COLOR_BUFFER_BIT = 0x4000;
  DEPTH_BUFFER_BIT = 0x100;
  SCISSOR_TEST = 0x0c11;
  BLEND = 0x0be2;
  drawingBufferWidth = 200;
  drawingBufferHeight = 100;
  calls: string[] = [];
  bound: unknown = null;
  bindFramebuffer(_target: number, fb: unknown) {
    this.bound = fb;
  }
  clear(mask: number) {
    this.calls.push(`clear ${mask} ${this.bound === null ? 'canvas' : 'framebuffer'}`);
  }
  drawArrays() {
    this.calls.push('drawArrays');
  }
  drawArraysInstanced() {
    this.calls.push('drawArraysInstanced');
  }
  clearColor() {}
  enable() {}
  disable() {}
  colorMask() {}
  /** Asking the GPU process for state waits for it: the wrapper must not. */
  getParameter(): never {
    throw new Error('getParameter called');
  }
  isEnabled(): never {
    throw new Error('isEnabled called');
  }
}

describe('WebGL layers: a colour clear of a canvas that is already clear is skipped', () => {
  const global = globalThis as { WebGL2RenderingContext?: unknown };
  let before: unknown;
  beforeEach(() => {
    before = global.WebGL2RenderingContext;
    global.WebGL2RenderingContext = FakeGl2;
  });
  afterEach(() => {
    global.WebGL2RenderingContext = before;
  });
  const wrapped = () => {
    const fake = new FakeGl2();
    skipNeedlessClearsGl(fake as unknown as WebGL2RenderingContext);
    return { fake, gl: fake as unknown as WebGL2RenderingContext };
  };
  const canvasClears = (fake: FakeGl2) => fake.calls.filter((c) => c.endsWith('canvas')).length;

  it('clears the canvas once, then again only after a draw on it', () => {
    const { fake, gl } = wrapped();
    gl.clear(gl.COLOR_BUFFER_BIT);
    gl.clear(gl.COLOR_BUFFER_BIT);
    expect(canvasClears(fake)).toBe(1);
    gl.drawArraysInstanced(gl.TRIANGLES, 0, 3, 10);
    gl.clear(gl.COLOR_BUFFER_BIT);
    gl.clear(gl.COLOR_BUFFER_BIT);
    expect(canvasClears(fake)).toBe(2);
    gl.drawArrays(gl.TRIANGLES, 0, 3);
    gl.clear(gl.COLOR_BUFFER_BIT);
    expect(canvasClears(fake)).toBe(3);
  });

  it('draws and clears in another framebuffer (a picking layer) go through and leave the canvas clear', () => {
    const { fake, gl } = wrapped();
    gl.clear(gl.COLOR_BUFFER_BIT);
    const picking = {} as WebGLFramebuffer;
    gl.bindFramebuffer(gl.FRAMEBUFFER, picking);
    gl.clear(gl.COLOR_BUFFER_BIT);
    gl.clear(gl.COLOR_BUFFER_BIT);
    gl.drawArrays(gl.TRIANGLES, 0, 3);
    gl.bindFramebuffer(gl.FRAMEBUFFER, null);
    gl.clear(gl.COLOR_BUFFER_BIT);
    expect(fake.calls).toEqual([`clear ${gl.COLOR_BUFFER_BIT} canvas`, `clear ${gl.COLOR_BUFFER_BIT} framebuffer`, `clear ${gl.COLOR_BUFFER_BIT} framebuffer`, 'drawArrays']);
  });

  it('never skips when the clear might not cover the canvas or a new colour was set', () => {
    const { fake, gl } = wrapped();
    gl.enable(gl.SCISSOR_TEST);
    gl.clear(gl.COLOR_BUFFER_BIT);
    gl.clear(gl.COLOR_BUFFER_BIT);
    expect(canvasClears(fake)).toBe(2);
    gl.disable(gl.SCISSOR_TEST);
    gl.colorMask(true, false, true, true);
    gl.clear(gl.COLOR_BUFFER_BIT);
    gl.clear(gl.COLOR_BUFFER_BIT);
    expect(canvasClears(fake)).toBe(4);
    gl.colorMask(true, true, true, true);
    gl.clear(gl.COLOR_BUFFER_BIT);
    gl.clearColor(1, 0, 0, 1);
    gl.clear(gl.COLOR_BUFFER_BIT);
    expect(canvasClears(fake)).toBe(6);
    // Clears of more than the colour always happen.
    gl.clear(gl.COLOR_BUFFER_BIT | gl.DEPTH_BUFFER_BIT);
    gl.clear(gl.COLOR_BUFFER_BIT | gl.DEPTH_BUFFER_BIT);
    expect(canvasClears(fake)).toBe(8);
  });

  it('a resized drawing buffer is cleared again', () => {
    const { fake, gl } = wrapped();
    gl.clear(gl.COLOR_BUFFER_BIT);
    fake.drawingBufferWidth = 400;
    gl.clear(gl.COLOR_BUFFER_BIT);
    gl.clear(gl.COLOR_BUFFER_BIT);
    expect(canvasClears(fake)).toBe(2);
  });

  it('says when the canvas becomes clear and when it is drawn on again, not for other framebuffers', () => {
    const fake = new FakeGl2();
    const heard: boolean[] = [];
    skipNeedlessClearsGl(fake as unknown as WebGL2RenderingContext, (clear) => heard.push(clear));
    const gl = fake as unknown as WebGL2RenderingContext;
    gl.clear(gl.COLOR_BUFFER_BIT);
    gl.clear(gl.COLOR_BUFFER_BIT);
    expect(heard).toEqual([true]);
    gl.bindFramebuffer(gl.FRAMEBUFFER, {} as WebGLFramebuffer);
    gl.drawArrays(gl.TRIANGLES, 0, 3);
    gl.bindFramebuffer(gl.FRAMEBUFFER, null);
    expect(heard).toEqual([true]);
    gl.drawArraysInstanced(gl.TRIANGLES, 0, 3, 10);
    expect(heard).toEqual([true, false]);
    expect(fake.calls.at(-1)).toBe('drawArraysInstanced');
    // A scissored clear may leave pixels: not clear.
    gl.enable(gl.SCISSOR_TEST);
    gl.clear(gl.COLOR_BUFFER_BIT);
    expect(heard).toEqual([true, false]);
  });

  it('leaves a WebGL 1 context as it is', () => {
    global.WebGL2RenderingContext = class NotThisOne {};
    const { fake, gl } = wrapped();
    gl.clear(gl.COLOR_BUFFER_BIT);
    gl.clear(gl.COLOR_BUFFER_BIT);
    expect(canvasClears(fake)).toBe(2);
  });
});

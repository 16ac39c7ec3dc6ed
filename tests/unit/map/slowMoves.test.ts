import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { hideOnMoveWhenSlow, MOVE_FRAMES_TO_JUDGE, SLOW_MOVE_FRAME_MS, slowMoveMedian } from '../../../src/ui/map/slowMoves';
import type { MapSigma } from '../../../src/ui/map/SigmaHost';

/** A stand-in for sigma: its settings, its camera's `updated` and its own `afterRender`. */
function fakeSigma(settings: { hideEdgesOnMove: boolean; hideLabelsOnMove: boolean }) {
  const camera = new EventEmitter();
  const sigma = Object.assign(new EventEmitter(), {
    settings: { ...settings },
    getSetting: (name: keyof typeof settings) => sigma.settings[name],
    setSetting: (name: keyof typeof settings, value: boolean) => void (sigma.settings[name] = value),
    getCamera: () => camera,
  });
  const element = { dataset: {} as Record<string, string> };
  let clock = 0;
  const stop = hideOnMoveWhenSlow(sigma as unknown as MapSigma, element as unknown as HTMLElement, () => clock);
  return {
    sigma,
    element,
    stop,
    /** One frame `ms` after the previous one; `moving`: the camera changed before it. */
    frame(ms: number, moving = true) {
      clock += ms;
      if (moving) camera.emit('updated');
      sigma.emit('afterRender');
    },
  };
}

describe('slowMoveMedian', () => {
  it('judges only with enough frames, and only frames slower than the limit', () => {
    expect(slowMoveMedian(Array(MOVE_FRAMES_TO_JUDGE - 1).fill(500))).toBeNull();
    expect(slowMoveMedian(Array(MOVE_FRAMES_TO_JUDGE).fill(SLOW_MOVE_FRAME_MS))).toBeNull();
    expect(slowMoveMedian(Array(MOVE_FRAMES_TO_JUDGE).fill(SLOW_MOVE_FRAME_MS + 1))).toBe(SLOW_MOVE_FRAME_MS + 1);
    // A few slow frames among fast ones are not a slow map.
    expect(slowMoveMedian([16, 17, 16, 300, 16, 17, 400, 16])).toBeNull();
    expect(slowMoveMedian([16, 90, 100, 300, 16, 117, 400, 83])).toBe(100);
  });
});

describe('hideOnMoveWhenSlow', () => {
  it('switches both hidings on after slow frames while moving, and says so on the container', () => {
    const map = fakeSigma({ hideEdgesOnMove: false, hideLabelsOnMove: false });
    expect(map.element.dataset.hideOnMove).toBe('');
    for (let i = 0; i < MOVE_FRAMES_TO_JUDGE; i++) map.frame(100);
    // The first moving frame has no previous one: eight frames give seven intervals.
    expect(map.sigma.settings.hideEdgesOnMove).toBe(false);
    map.frame(100);
    expect(map.sigma.settings).toEqual({ hideEdgesOnMove: true, hideLabelsOnMove: true });
    expect(map.element.dataset.hideOnMove).toBe('edges labels');
    expect(map.element.dataset.slowMoves).toBe('100');
    // It stops listening once decided.
    expect(map.sigma.listenerCount('afterRender')).toBe(0);
    expect(map.sigma.getCamera().listenerCount('updated')).toBe(0);
  });

  it('leaves a map alone that moves smoothly, and judges by the latest frames only', () => {
    const map = fakeSigma({ hideEdgesOnMove: false, hideLabelsOnMove: false });
    for (let i = 0; i < 50; i++) map.frame(16);
    expect(map.sigma.settings).toEqual({ hideEdgesOnMove: false, hideLabelsOnMove: false });
    expect(map.element.dataset.slowMoves).toBeUndefined();
    // Smooth for long, then slow (a larger graph in the same map): the slow frames decide.
    for (let i = 0; i < MOVE_FRAMES_TO_JUDGE; i++) map.frame(90);
    expect(map.sigma.settings).toEqual({ hideEdgesOnMove: true, hideLabelsOnMove: true });
    expect(map.element.dataset.slowMoves).toBe('90');
  });

  it('does not count frames drawn at rest, or the pause between two gestures, as frame times', () => {
    const map = fakeSigma({ hideEdgesOnMove: false, hideLabelsOnMove: false });
    // Slow renders with no camera change (hover, new colours) and gestures of two quick frames,
    // a second apart: no interval is a moving frame's.
    for (let i = 0; i < 20; i++) map.frame(200, false);
    for (let g = 0; g < 20; g++) {
      map.frame(1000);
      map.frame(16);
    }
    expect(map.sigma.settings.hideEdgesOnMove).toBe(false);
    expect(map.element.dataset.slowMoves).toBeUndefined();
  });

  it('has nothing to do when both are already hidden, and says what is hidden', () => {
    const map = fakeSigma({ hideEdgesOnMove: true, hideLabelsOnMove: true });
    expect(map.element.dataset.hideOnMove).toBe('edges labels');
    expect(map.sigma.listenerCount('afterRender')).toBe(0);
    const edgesOnly = fakeSigma({ hideEdgesOnMove: true, hideLabelsOnMove: false });
    expect(edgesOnly.element.dataset.hideOnMove).toBe('edges');
  });

  it('stops when asked', () => {
    const map = fakeSigma({ hideEdgesOnMove: false, hideLabelsOnMove: false });
    map.stop();
    for (let i = 0; i < 20; i++) map.frame(100);
    expect(map.sigma.settings.hideEdgesOnMove).toBe(false);
  });
});

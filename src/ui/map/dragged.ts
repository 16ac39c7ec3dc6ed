/**
 * Sigma reports a click on a node after it was dragged: the layout controller marks the drop here,
 * and the events controller skips that one click (a drag pins, it does not select).
 */
const dropped = new WeakSet<object>();

export function markDrop(sigma: object): void {
  dropped.add(sigma);
}

/** True (once) when the click that follows a drop is being handled. */
export function consumeDrop(sigma: object): boolean {
  return dropped.delete(sigma);
}

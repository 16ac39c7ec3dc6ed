import { useCallback, useEffect, useRef, useState } from 'react';
import { parseViewState, serialiseViewState } from '../state/url';
import type { ViewState } from '../state/viewState';

export type UpdateViewState = (update: (state: ViewState) => ViewState, history?: 'push' | 'replace') => void;

/** Slider moves closer together than this belong to one gesture and share one history entry. */
const GESTURE_MS = 800;

/**
 * The view state, mirrored in the URL: every change becomes a history entry, and Back/Forward
 * restore the state. Continuous inputs (sliders) pass `replace`: the first move of a gesture
 * pushes an entry, the following ones replace it, so Back undoes the whole drag.
 */
export function useViewState(): [ViewState, UpdateViewState] {
  const [state, setState] = useState<ViewState>(() => parseViewState(window.location.search));
  const current = useRef(state);
  const lastReplace = useRef(0);

  useEffect(() => {
    const onPop = () => {
      current.current = parseViewState(window.location.search);
      setState(current.current);
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const update = useCallback<UpdateViewState>((fn, history = 'push') => {
    const next = fn(current.current);
    current.current = next;
    const search = serialiseViewState(next);
    if (search !== window.location.search) {
      const url = `${window.location.pathname}${search}${window.location.hash}`;
      const now = Date.now();
      const sameGesture = history === 'replace' && now - lastReplace.current < GESTURE_MS;
      lastReplace.current = history === 'replace' ? now : 0;
      if (sameGesture) window.history.replaceState(null, '', url);
      else window.history.pushState(null, '', url);
    }
    setState(next);
  }, []);

  return [state, update];
}

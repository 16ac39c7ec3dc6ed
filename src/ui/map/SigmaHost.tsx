/**
 * The one sigma host, shared by the network and the two-mode views. It creates a sigma instance
 * per display graph (never per filter, colour or correction), keeps the camera when the graph is
 * rebuilt, and hands the instance to controllers: components that render nothing and own one
 * part of sigma's imperative API (looks, events, camera, overlays), as Gephi Lite's do.
 */
import { createContext, useContext, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import Sigma from 'sigma';
import type { Settings } from 'sigma/settings';
import type { CameraState } from 'sigma/types';
import type { DisplayEdgeAttributes, DisplayGraph, DisplayNodeAttributes } from '../../graph/display';

export type MapSigma = Sigma<DisplayNodeAttributes, DisplayEdgeAttributes>;

const SigmaContext = createContext<MapSigma | null>(null);

/** The host's sigma instance (controllers only render inside a ready host). */
export function useSigma(): MapSigma {
  const sigma = useContext(SigmaContext);
  if (!sigma) throw new Error('useSigma needs a SigmaHost.');
  return sigma;
}

let instances = 0;

export interface SigmaHostProps {
  graph: DisplayGraph;
  settings: Partial<Settings<DisplayNodeAttributes, DisplayEdgeAttributes>>;
  testId: string;
  label: string;
  /** Called with the instance once created (and null when it goes), e.g. for exports. */
  onReady?(sigma: MapSigma | null): void;
  children?: ReactNode;
}

export function SigmaHost({ graph, settings, testId, label, onReady, children }: SigmaHostProps) {
  const container = useRef<HTMLDivElement>(null);
  // The instance with the graph it draws: controllers only ever see the instance of the current graph.
  const [current, setCurrent] = useState<{ sigma: MapSigma; graph: DisplayGraph } | null>(null);
  const lastCamera = useRef<CameraState | null>(null);
  const onReadyRef = useRef(onReady);
  useLayoutEffect(() => {
    onReadyRef.current = onReady;
  });

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    // The settings belong to the graph (they are memoised on it), so they are read with it.
    const instance: MapSigma = new Sigma(graph, element, { allowInvalidContainer: true, ...settings });
    instances++;
    element.dataset.renderer = String(instances);
    // A rebuilt graph (other tie rules) keeps the reader's place on the map.
    if (lastCamera.current) instance.getCamera().setState(lastCamera.current);
    setCurrent({ sigma: instance, graph });
    onReadyRef.current?.(instance);
    return () => {
      lastCamera.current = instance.getCamera().getState();
      onReadyRef.current?.(null);
      setCurrent(null);
      instance.kill();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a new instance per graph, not per settings object
  }, [graph]);
  // While a new graph waits for its instance, nothing may call the old (killed) one.
  const sigma = current && current.graph === graph ? current.sigma : null;

  return (
    <div className="graph-view">
      <div ref={container} className="graph-canvas" data-testid={testId} role="img" aria-label={label} />
      {sigma && <SigmaContext.Provider value={sigma}>{children}</SigmaContext.Provider>}
    </div>
  );
}

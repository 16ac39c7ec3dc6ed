/**
 * The one sigma host, shared by the network and the two-mode views. It creates a sigma instance
 * per display graph (never per filter, colour or correction), keeps the camera when the graph is
 * rebuilt, and hands the instance to controllers: components that render nothing and own one
 * part of sigma's imperative API (looks, events, camera, overlays), as Gephi Lite's do.
 */
import { createContext, useContext, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import Sigma from 'sigma';
import type { Settings } from 'sigma/settings';
import type { CameraState, Coordinates } from 'sigma/types';
import type { DisplayEdgeAttributes, DisplayGraph, DisplayNodeAttributes } from '../../graph/display';
import { FlatNodeCircleProgram } from './flatNodeCircle';
import { skipNeedlessLayerClears } from './needlessClears';
import { edgeAtPoint, nodeAtPoint } from './picking';
import { hideOnMoveWhenSlow } from './slowMoves';

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
  /**
   * The map is operated from the keyboard: the container is focusable, an application with its
   * instructions (the element with this id).
   */
  keyboardHelp?: string;
  /**
   * The camera is kept when the graph is rebuilt under the same key (other tie rules); a new key
   * (another level of the overview) starts with the whole picture.
   */
  cameraKey?: string;
  children?: ReactNode;
}

export function SigmaHost({ graph, settings, testId, label, onReady, keyboardHelp, cameraKey = '', children }: SigmaHostProps) {
  const container = useRef<HTMLDivElement>(null);
  // The instance with the graph it draws: controllers render only for the current graph, so they
  // unmount (and stop touching sigma) before the instance of a replaced graph is killed.
  const [host, setHost] = useState<{ graph: DisplayGraph; sigma: MapSigma } | null>(null);
  const sigma = host && host.graph === graph ? host.sigma : null;
  const lastCamera = useRef<{ key: string; state: CameraState } | null>(null);
  // The latest props, read when the graph (and so the instance) changes.
  const cameraKeyRef = useRef(cameraKey);
  const settingsRef = useRef(settings);
  const onReadyRef = useRef(onReady);
  useLayoutEffect(() => {
    cameraKeyRef.current = cameraKey;
    settingsRef.current = settings;
    onReadyRef.current = onReady;
  });

  // The instance of a replaced graph stays on screen until the next one is made, so that a rebuilt
  // graph (other tie rules) never leaves the map blank in between.
  const retiring = useRef<MapSigma[]>([]);
  const retire = () => {
    for (const old of retiring.current.splice(0)) old.kill();
  };

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const key = cameraKeyRef.current;
    const retired = retiring.current;
    let instance: MapSigma | null = null;
    let stopWatchingMoves: () => void = () => undefined;
    // Sigma makes three WebGL contexts (84–129 ms each in software WebGL here): in a task of their
    // own, not in the one that rendered the display graph, where together they made the page's
    // longest task (bench:browser, H2020's overview).
    const timer = setTimeout(() => {
      // Killing an instance empties the container: the old one goes in the same task as the new
      // one comes, so no frame shows an empty map.
      retire();
      // The settings belong to the graph (they are memoised on it), so they are read with it. Discs
      // are drawn without instancing (flatNodeCircle.ts) unless the view chooses its own programs.
      const created: MapSigma = new Sigma(graph, element, { allowInvalidContainer: true, nodeProgramClasses: { circle: FlatNodeCircleProgram }, ...settings });
      instance = created;
      withCheapPicking(created, element);
      skipNeedlessLayerClears(created.getCanvases());
      stopWatchingMoves = hideOnMoveWhenSlow(created, element);
      instances++;
      element.dataset.renderer = String(instances);
      // A rebuilt graph (other tie rules) keeps the reader's place on the map.
      if (lastCamera.current && lastCamera.current.key === key) created.getCamera().setState(lastCamera.current.state);
      setHost({ graph, sigma: created });
      onReadyRef.current?.(created);
    });
    return () => {
      clearTimeout(timer);
      if (!instance) return;
      stopWatchingMoves();
      lastCamera.current = { key, state: instance.getCamera().getState() };
      onReadyRef.current?.(null);
      setHost(null);
      retired.push(instance);
      delete element.dataset.hoveredNode;
      delete element.dataset.hoveredEdge;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a new instance per graph, not per settings object
  }, [graph]);
  // On unmount the last instance goes too. React runs the cleanups in the order the effects are
  // declared, so this one must come after the effect whose cleanup retires that instance.
  useEffect(() => retire, []);

  return (
    <div className="graph-view">
      <div
        ref={container}
        className="graph-canvas"
        data-testid={testId}
        role={keyboardHelp ? 'application' : 'img'}
        aria-label={label}
        aria-describedby={keyboardHelp}
        tabIndex={keyboardHelp ? 0 : undefined}
      />
      {sigma && <SigmaContext.Provider value={sigma}>{children}</SigmaContext.Provider>}
    </div>
  );
}

/**
 * Sigma finds the node or tie under the mouse by reading one pixel back from the GPU, which waits
 * for the frame being drawn: 80–540 ms a time in software WebGL on H2020's overview (bench:browser
 * --profile). Organisations and ties are found on the CPU instead (picking.ts). Sigma also asked on
 * every wheel step, only to emit wheelNode/wheelStage, which Bruggen does not use (the zoom is the
 * mouse captor's own), and on every move while the map is dragged, for a hover that dragging does
 * not show. Both are left out. The hovered organisation and tie are on the container as
 * `data-hovered-node` and `data-hovered-edge`, for scripts and tests.
 */
function withCheapPicking(sigma: MapSigma, element: HTMLElement): void {
  // getNodeAtPosition and getEdgeAtPoint are private in sigma's types, but they are the methods its
  // mouse and touch handlers ask (hover, press, release, click); replacing them on the instance
  // changes nothing else.
  const picking = sigma as unknown as { getNodeAtPosition(point: Coordinates): string | null; getEdgeAtPoint(x: number, y: number): string | null };
  picking.getNodeAtPosition = (point) => nodeAtPoint(sigma, point);
  picking.getEdgeAtPoint = (x, y) => edgeAtPoint(sigma, { x, y });
  const captor = sigma.getMouseCaptor();
  captor.removeAllListeners('wheel');
  const moves = captor.listeners('mousemove');
  captor.removeAllListeners('mousemove');
  for (const move of moves) captor.on('mousemove', (coords) => (captor.isMouseDown ? undefined : move(coords)));
  withoutNodePickingLayer(sigma);
  sigma.on('enterNode', ({ node }) => void (element.dataset.hoveredNode = node));
  sigma.on('leaveNode', () => void delete element.dataset.hoveredNode);
  sigma.on('enterEdge', ({ edge }) => void (element.dataset.hoveredEdge = edge));
  sigma.on('leaveEdge', () => void delete element.dataset.hoveredEdge);
}

/** A sigma node program, or a compound of several (sigma's createNodeCompoundProgram). */
interface NodeProgramInternals {
  pickProgram?: unknown;
  programs?: NodeProgramInternals[];
}

/**
 * With organisations found on the CPU, nothing reads sigma's node picking layer, yet sigma draws
 * every node into it too (at half size) and remakes its texture before every frame. Both are
 * dropped: panning H2020's community overview in software WebGL, alternating rounds with and
 * without those draws, the median frame went from 30–37 ms to 27–30 ms. The program fields are
 * sigma's own (not in its types); a program without `pickProgram` draws no picking layer, and a
 * layer not in `pickingLayers` is not remade. Tie picking stays: the probe compares Bruggen's tie
 * picking with sigma's (ProbeController).
 */
function withoutNodePickingLayer(sigma: MapSigma): void {
  const internals = sigma as unknown as { nodePrograms?: Record<string, NodeProgramInternals>; pickingLayers?: Set<string> };
  const drop = (program: NodeProgramInternals) => {
    if ('pickProgram' in program) program.pickProgram = null;
    program.programs?.forEach(drop);
  };
  Object.values(internals.nodePrograms ?? {}).forEach(drop);
  internals.pickingLayers?.delete('nodes');
}

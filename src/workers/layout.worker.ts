/// <reference lib="webworker" />
import { layoutIndexedGraph } from '../graph/layout';
import { serve, transfer } from './rpc';
import type { LayoutProtocol } from './protocols';

/** ForceAtlas2 off the main thread; positions travel back as transferred typed arrays. */
serve<LayoutProtocol>(self as unknown as DedicatedWorkerGlobalScope, {
  layout({ graph, seed }) {
    const positions = layoutIndexedGraph(graph, seed);
    return transfer(positions, [positions.x.buffer, positions.y.buffer]);
  },
});

/**
 * The network view's looks through sigma's reducers: visibility from the filters, colour and size
 * from the appearance, and emphasis (the hovered, keyboard-focused or selected organisation and
 * its partners, or a highlighted group). Nothing is written into the graph: a filter, a
 * recolouring or a sector correction is a refresh, not a rebuild. Which labels are drawn is the
 * label layout's choice (labelLayout.ts), from the priorities set here: the focused organisation,
 * the selection, its partners (strongest ties first), a highlighted group, then the biggest.
 */
import { useEffect, useRef } from 'react';
import type { Visibility } from '../../filters/filters';
import { coverageSizeScale, densitySizeScale } from '../../graph/appearance';
import { organisationKey, tieWidth, type DisplayEdgeAttributes, type DisplayNodeAttributes } from '../../graph/display';
import type { LabelBox, LabelDensity } from '../../graph/labels';
import type { Network } from '../../graph/network';
import { LabelLayout, type LabelRenderer } from './labelLayout';
import { useSigma } from './SigmaHost';

export const DIMMED_NODE = '#e3e5e9';
export const DIMMED_EDGE = '#eef0f3';
export const HIGHLIGHT_EDGE = '#5a6270';
/** The tie whose activities are shown. */
export const SELECTED_EDGE = '#c0392b';
/** Ties only implied by the sources are drawn lighter. */
export const IMPLIED_EDGE = '#dde0e5';
/** Above this many organisations, hovering only labels a node; clicking dims the rest. */
export const HOVER_DIMMING_MAX_NODES = 3000;
/** Half the side of the box a suggested tie's badge keeps free of labels (its radius, 8–10 px, and a margin). */
const SUGGESTION_BADGE_REACH = 12;

export interface NetworkLook {
  colour: readonly string[];
  size: Float32Array;
  visibility: Visibility;
  /** Emphasised organisations (a cluster, conveners, an activity's participants); the rest is dimmed. */
  highlight: ReadonlySet<number> | null;
  selected: number | null;
  /** The organisation the keyboard is on (map navigation), if any. */
  focused: number | null;
  /** The tie whose activities are open, if any. */
  selectedTie: number | null;
  labels: LabelDensity;
  /** Suggested ties drawn on the map (organisation indices): labels keep clear of their numbered badges. */
  suggested?: readonly { a: number; b: number }[];
}

export function NetworkLookController({ network, look, renderer }: { network: Network; look: NetworkLook; renderer: LabelRenderer }) {
  const sigma = useSigma();
  const state = useRef({
    look,
    hovered: null as number | null,
    /** Partners of the focused organisation → tie weight. */
    neighbours: new Map<number, number>(),
    labels: null as LabelLayout | null,
    update: null as ((reindex: boolean) => void) | null,
  });

  useEffect(() => {
    const s = state.current;
    const graph = sigma.getGraph();
    const order = densitySizeScale(graph.order);
    let scale = order;
    /** Node sizes for the drawn nodes, shrunk by their count and by how much canvas they cover. */
    const rescale = () => {
      const { width, height } = sigma.getDimensions();
      const sizes: number[] = [];
      graph.forEachNode((_k, a) => {
        if (s.look.visibility.orgs[a.index]) sizes.push((s.look.size[a.index] ?? a.size) * order);
      });
      scale = order * coverageSizeScale(sizes, width * height);
    };
    const { ties } = network.projection;
    const labels = new LabelLayout(sigma, renderer);
    s.labels = labels;
    // The badge at the middle of each suggested tie (SuggestionsOverlay draws it over the labels):
    // a label placed under one read as "M⑧dical Delta".
    labels.setExtraObstacles(() => {
      const out: LabelBox[] = [];
      for (const tie of s.look.suggested ?? []) {
        const p = sigma.getNodeDisplayData(organisationKey(tie.a));
        const q = sigma.getNodeDisplayData(organisationKey(tie.b));
        if (!p || !q || p.hidden || q.hidden) continue;
        const a = sigma.framedGraphToViewport(p);
        const b = sigma.framedGraphToViewport(q);
        out.push({ x: (a.x + b.x) / 2 - SUGGESTION_BADGE_REACH, y: (a.y + b.y) / 2 - SUGGESTION_BADGE_REACH, width: 2 * SUGGESTION_BADGE_REACH, height: 2 * SUGGESTION_BADGE_REACH });
      }
      return out;
    });
    const focus = () => s.hovered ?? s.look.focused ?? s.look.selected;
    sigma.setSetting('nodeReducer', (node, data: DisplayNodeAttributes) => {
      const { look } = s;
      const i = data.index;
      if (!look.visibility.orgs[i]) return { ...data, hidden: true };
      const out = { ...data, color: look.colour[i] ?? data.color, size: (look.size[i] ?? data.size) * scale, forceLabel: labels.placed.has(node) };
      const f = focus();
      if (f !== null) {
        if (i === f) return { ...out, highlighted: true, zIndex: 3 };
        if (s.neighbours.has(i)) return { ...out, zIndex: 2 };
        return { ...out, color: DIMMED_NODE, label: '', forceLabel: false, zIndex: 0 };
      }
      if (look.highlight) {
        if (look.highlight.has(i)) return { ...out, zIndex: 2 };
        return { ...out, color: DIMMED_NODE, label: '', forceLabel: false, zIndex: 0 };
      }
      return out;
    });
    sigma.setSetting('edgeReducer', (_edge, data: DisplayEdgeAttributes) => {
      const { look } = s;
      const e = data.tie;
      const shared = look.visibility.tieShared[e];
      if (!shared) return { ...data, hidden: true };
      const out = { ...data, size: tieWidth(shared), color: ties.confidence[e] ? IMPLIED_EDGE : data.color };
      if (e === look.selectedTie) return { ...out, color: SELECTED_EDGE, size: out.size + 2, zIndex: 2 };
      const f = focus();
      if (f !== null) {
        if (ties.u[e] === f || ties.v[e] === f) return { ...out, color: HIGHLIGHT_EDGE, zIndex: 1 };
        return { ...out, color: DIMMED_EDGE, hidden: graph.size > 2000, zIndex: 0 };
      }
      if (look.highlight) {
        if (look.highlight.has(ties.u[e]!) && look.highlight.has(ties.v[e]!)) return { ...out, color: HIGHLIGHT_EDGE, zIndex: 1 };
        return { ...out, color: DIMMED_EDGE, zIndex: 0 };
      }
      return out;
    });

    // The organisations drawn (all of them, or one community's, or none before the layout) by
    // size, biggest first: the order ordinary labels are placed in.
    let bySize: { size: Float32Array; order: Int32Array } | null = null;
    const sizeOrder = () => {
      const size = s.look.size;
      if (bySize?.size !== size) {
        const drawn = new Int32Array(graph.order);
        let k = 0;
        graph.forEachNode((_key, a) => void (a.kind === 'organisation' && (drawn[k++] = a.index)));
        const order = drawn.subarray(0, k);
        order.sort((a, b) => (size[b] ?? 0) - (size[a] ?? 0) || a - b);
        bySize = { size, order };
      }
      return bySize.order;
    };
    const neighboursOf = (i: number | null) => {
      const map = new Map<number, number>();
      if (i === null) return map;
      const { offsets, neighbours, ties: tieOf } = network.adjacency;
      for (let p = offsets[i]!; p < offsets[i + 1]!; p++) {
        const w = s.look.visibility.tieWeight[tieOf[p]!]!;
        if (w > 0) map.set(neighbours[p]!, w);
      }
      return map;
    };
    /** The frame after an update, when labels are placed once more. */
    let settle = 0;
    /** The label priorities for the current emphasis; then sigma redraws and labels are placed. */
    const update = (reindex: boolean) => {
      const { look } = s;
      if (reindex) rescale();
      const f = focus();
      s.neighbours = neighboursOf(f);
      const first: number[] = [];
      if (f !== null) first.push(f);
      if (look.selected !== null && look.selected !== f) first.push(look.selected);
      if (look.selectedTie !== null) first.push(ties.u[look.selectedTie]!, ties.v[look.selectedTie]!);
      const size = look.size;
      // concat, not push(...): a highlight can hold every organisation of a large network.
      let ranked: number[] = [];
      if (f !== null) ranked = [...s.neighbours.keys()].sort((a, b) => s.neighbours.get(b)! - s.neighbours.get(a)! || (size[b] ?? 0) - (size[a] ?? 0) || a - b);
      else if (look.highlight) ranked = [...look.highlight].sort((a, b) => (size[b] ?? 0) - (size[a] ?? 0) || a - b);
      for (const i of ranked) first.push(i);
      const seen = new Set<number>();
      const order: string[] = [];
      for (const i of first) {
        if (seen.has(i)) continue;
        seen.add(i);
        order.push(organisationKey(i));
      }
      const priority = order.length;
      // With an emphasis, the rest is dimmed and unlabelled.
      if (f === null && !look.highlight) {
        for (const i of sizeOrder()) {
          if (!seen.has(i) && look.visibility.orgs[i]) order.push(organisationKey(i));
        }
      }
      labels.setPriorities({ order, priority, keep: f !== null ? 1 : 0 });
      labels.setDensity(look.labels);
      sigma.refresh(reindex ? undefined : { skipIndexation: true });
      labels.relabel();
      // Once more after the frame: the drawer and camera that come with a selection settle in it.
      cancelAnimationFrame(settle);
      settle = requestAnimationFrame(() => labels.relabel());
    };

    // Hover re-runs the reducers over the whole graph: at most once per frame, and only on maps
    // small enough for it to stay smooth.
    const dimOnHover = graph.order <= HOVER_DIMMING_MAX_NODES;
    let pending = 0;
    const refreshEmphasis = () => {
      if (pending) return;
      pending = requestAnimationFrame(() => {
        pending = 0;
        update(false);
      });
    };
    const enter = ({ node }: { node: string }) => {
      if (!dimOnHover) return;
      s.hovered = graph.getNodeAttribute(node, 'index');
      refreshEmphasis();
    };
    const leave = () => {
      if (!dimOnHover || s.hovered === null) return;
      s.hovered = null;
      refreshEmphasis();
    };
    sigma.on('enterNode', enter);
    sigma.on('leaveNode', leave);
    // When the camera comes to rest (e.g. after bringing a selection out from under the drawer),
    // the emphasis and its labels are worked out once more from the current state: placing labels
    // during the move alone could leave a selection with only its own label.
    const camera = sigma.getCamera();
    let rest = 0;
    const onCamera = () => {
      clearTimeout(rest);
      // Only an emphasis can be stale; a full pass over 35,000 organisations after every pan is not free.
      rest = window.setTimeout(() => {
        if (focus() !== null || s.look.highlight) update(false);
      }, 250);
    };
    camera.on('updated', onCamera);
    const detach = labels.attach();
    s.update = update;
    update(true);
    return () => {
      cancelAnimationFrame(pending);
      cancelAnimationFrame(settle);
      clearTimeout(rest);
      camera.off('updated', onCamera);
      detach();
      sigma.off('enterNode', enter);
      sigma.off('leaveNode', leave);
      s.labels = null;
      s.update = null;
    };
  }, [sigma, network, renderer]);

  useEffect(() => {
    const s = state.current;
    const before = s.look;
    s.look = look;
    if (before === look) return;
    // Sizes and visibility move things on screen: re-index; colours and emphasis need not.
    s.update?.(before.size !== look.size || before.visibility !== look.visibility);
  }, [sigma, network, look]);

  return null;
}

/**
 * The session store: the one place that owns the dataset, the overlays on it (sector corrections
 * now; hypothetical rows later), the view state (mirrored in the URL), the derived visibility and
 * the analysis results with the keys they were computed for. It also owns the workers' lifetime,
 * so React — which only reads the store (useSyncExternalStore) — cannot kill a worker by mounting
 * twice.
 *
 * Framework-free: every environment dependency (workers, URL, storage) is injected, so the unit
 * tests run the real store with in-process workers.
 */
import { stageKeys, STAGES, type AnalysisEvent, type AnalysisInput, type StageName, type StageResult } from '../analysis/stages';
import { DEFAULT_ANALYSIS_OPTIONS } from '../analysis/stages';
import { assembleResult, type AnalysisResult } from '../analysis/assemble';
import { visibleTies } from '../analysis';
import type { Dataset } from '../data/model';
import type { ImportReport } from '../data/report';
import type { Sector } from '../data/sectors';
import { applyFilters, filtersActive, everythingVisible, type Visibility } from '../filters/filters';
import { networkFromProjection, sectorCodes, type Network } from '../graph/network';
import { DEFAULT_PROJECTION_RULES, type ProjectionRules } from '../graph/projection';
import { RemoteError, RpcClient, CancelledError, type Endpoint } from '../workers/rpc';
import type { AnalysisProtocol, LayoutProtocol } from '../workers/protocols';
import { networkLayoutGraph, twoModeLayoutGraph, type IndexedLayoutGraph } from '../graph/layout';
import { cleanViewState, type DroppedValue } from './clean';
import { parseViewState, serialiseViewState } from './url';
import type { ViewState } from './viewState';

/** Positions by index: organisations (network view) or organisations then activities (bipartite). */
export interface Positions {
  x: Float32Array;
  y: Float32Array;
}

export type DatasetSource =
  | { kind: 'builtin'; id: string }
  | { kind: 'imported'; label: string; report: ImportReport };

export type SessionProblem =
  | { code: 'load-failed'; message: string }
  | { code: 'too-large'; pairs: number; large: { id: string; participants: number; pairs: number }[] }
  | { code: 'analysis-failed'; message: string };

export interface AnalysisSnapshot {
  /** The key every stage must have to belong to the current state. */
  keys: (Record<StageName, string> & { view: string }) | null;
  /** The newest result received per stage: fresh when its key equals `keys[stage]`. */
  results: Partial<{ [S in StageName]: StageResult<S> }>;
  progress: { stage: StageName; fraction: number } | null;
  error: string | null;
  /**
   * The analysis as one document, from results computed on the current visible network; while a
   * filter change is being computed it is the previous one, and `stale` lists what is outdated.
   */
  assembled: { result: AnalysisResult; stale: StageName[] } | null;
}

export interface SessionSnapshot {
  phase: 'empty' | 'loading' | 'ready' | 'error';
  problem: SessionProblem | null;
  source: DatasetSource | null;
  dataset: Dataset | null;
  network: Network | null;
  networkVersion: string;
  layout: Positions | null;
  bipartiteLayout: Positions | null;
  corrections: ReadonlyMap<string, Sector>;
  /** Sector code (index into SECTORS) per organisation index, corrections applied. */
  sectors: Uint8Array;
  sectorsVersion: string;
  view: ViewState;
  /** Values of the link (or an earlier dataset) that this data does not have. */
  dropped: DroppedValue[];
  visibility: Visibility | null;
  analysis: AnalysisSnapshot;
}

export interface LocationPort {
  /** The current query string (`?a=b`). */
  read(): string;
  write(search: string, mode: 'push' | 'replace'): void;
  /** Calls back on Back/Forward; returns the unsubscribe. */
  onPop(listener: () => void): () => void;
}

export interface CorrectionStore {
  load(datasetKey: string): Map<string, Sector>;
  save(datasetKey: string, corrections: ReadonlyMap<string, Sector>): void;
}

export interface SessionEnvironment {
  createAnalysisWorker(): Endpoint & { terminate(): void };
  createLayoutWorker(): Endpoint & { terminate(): void };
  location: LocationPort;
  corrections: CorrectionStore;
  /** How long option changes settle before the analysis is asked (slider drags). */
  analysisDelayMs?: number;
}

export type ViewUpdate = (state: ViewState) => ViewState;

/** Slider moves closer together than this belong to one gesture and share one history entry. */
const GESTURE_MS = 800;

const EMPTY_ANALYSIS: AnalysisSnapshot = { keys: null, results: {}, progress: null, error: null, assembled: null };

export class SessionStore {
  private snapshot: SessionSnapshot;
  private readonly listeners = new Set<() => void>();
  private analysisClient: RpcClient<AnalysisProtocol> | null = null;
  private layoutClient: RpcClient<LayoutProtocol> | null = null;
  private analysisTimer: ReturnType<typeof setTimeout> | null = null;
  private unsubscribePop: (() => void) | null = null;
  private lastReplace = 0;
  private loadGeneration = 0;
  private correctionsKey = '';
  private disposed = false;

  constructor(private readonly env: SessionEnvironment) {
    this.snapshot = {
      phase: 'empty',
      problem: null,
      source: null,
      dataset: null,
      network: null,
      networkVersion: '',
      layout: null,
      bipartiteLayout: null,
      corrections: new Map(),
      sectors: new Uint8Array(0),
      sectorsVersion: '0',
      view: parseViewState(env.location.read()),
      dropped: [],
      visibility: null,
      analysis: EMPTY_ANALYSIS,
    };
    this.unsubscribePop = env.location.onPop(() => this.restoreFromLocation());
  }

  // --- reading -------------------------------------------------------------------------------

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): SessionSnapshot => this.snapshot;

  private set(patch: Partial<SessionSnapshot>) {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const l of [...this.listeners]) l();
  }

  // --- the dataset ---------------------------------------------------------------------------

  /**
   * Makes `dataset` the one explored. `layout` is a precomputed layout by organisation id (the
   * built-in data ships one); without it the layout is computed in a worker.
   */
  async open(
    dataset: Dataset,
    source: DatasetSource,
    options: { layout?: ReadonlyMap<string, [number, number]>; bipartiteLayout?: ReadonlyMap<string, [number, number]>; correctionsKey: string },
  ): Promise<void> {
    const generation = ++this.loadGeneration;
    this.correctionsKey = options.correctionsKey;
    const corrections = this.env.corrections.load(options.correctionsKey);
    this.set({
      phase: 'loading',
      problem: null,
      source,
      dataset,
      network: null,
      layout: null,
      bipartiteLayout: null,
      corrections,
      visibility: null,
      analysis: EMPTY_ANALYSIS,
    });
    await this.project(dataset, this.rulesOf(this.snapshot.view), generation, options.layout, options.bipartiteLayout);
  }

  private rulesOf(view: ViewState): ProjectionRules {
    return { ...DEFAULT_PROJECTION_RULES, listingKinds: view.rules.listingKinds, listingActivities: view.rules.listingActivities, weight: view.rules.weight };
  }

  private analysis(): RpcClient<AnalysisProtocol> {
    return (this.analysisClient ??= new RpcClient<AnalysisProtocol>(this.env.createAnalysisWorker()));
  }

  /** Projects the dataset (in the analysis worker, which keeps it) and makes the network current. */
  private async project(
    dataset: Dataset,
    rules: ProjectionRules,
    generation: number,
    layoutById?: ReadonlyMap<string, [number, number]>,
    bipartiteById?: ReadonlyMap<string, [number, number]>,
  ): Promise<void> {
    const networkVersion = `n${generation}:${rules.listingKinds.join(',')}:${rules.listingActivities.length}:${rules.weight}`;
    let projection;
    try {
      projection = await this.analysis().call('load', { dataset, rules, networkVersion });
    } catch (e) {
      if (generation !== this.loadGeneration || e instanceof CancelledError) return;
      if (e instanceof RemoteError && e.name === 'ProjectionTooLargeError') {
        const data = e.data as { pairs: number; large: { id: string; participants: number; pairs: number }[] };
        this.set({ phase: 'error', problem: { code: 'too-large', pairs: data.pairs, large: data.large } });
      } else {
        this.set({ phase: 'error', problem: { code: 'load-failed', message: e instanceof Error ? e.message : String(e) } });
      }
      return;
    }
    if (generation !== this.loadGeneration || this.disposed) return;
    const network = networkFromProjection(dataset, projection);
    const corrections = this.snapshot.corrections;
    const sectors = sectorCodes(network, corrections);
    const sectorsVersion = `c${generation}.${corrections.size}.${Date.now() % 1e6}`;
    if (corrections.size) await this.analysis().call('setSectors', { corrections: [...corrections], version: sectorsVersion });
    else await this.analysis().call('setSectors', { corrections: [], version: sectorsVersion });
    if (generation !== this.loadGeneration || this.disposed) return;
    const { state: view, dropped } = cleanViewState(this.snapshot.view, network, sectors);
    if (view !== this.snapshot.view) this.env.location.write(serialiseViewState(view), 'replace');
    const previous = this.snapshot.network;
    const sameOrganisations = previous && previous.dataset === dataset;
    const layout = layoutById ? positionsFromMap(network.organisations.map((o) => o.id), layoutById) : sameOrganisations ? this.snapshot.layout : null;
    const bipartiteLayout = bipartiteById
      ? positionsFromMap([...network.organisations.map((o) => `org:${o.id}`), ...network.activities.map((a) => `act:${a.id}`)], bipartiteById)
      : sameOrganisations
        ? this.snapshot.bipartiteLayout
        : null;
    this.set({
      phase: 'ready',
      network,
      networkVersion,
      sectors,
      sectorsVersion,
      view,
      dropped,
      layout,
      bipartiteLayout,
      visibility: this.visibilityFor(network, sectors, view),
      analysis: { ...EMPTY_ANALYSIS },
    });
    if (!layout) void this.computeLayout(network, generation);
    this.scheduleAnalysis(0);
  }

  private visibilityFor(network: Network, sectors: Uint8Array, view: ViewState): Visibility {
    return filtersActive(view.filters) ? applyFilters(network, sectors, view.filters) : everythingVisible(network);
  }

  private async computeLayout(network: Network, generation: number): Promise<void> {
    const graph = networkLayoutGraph(network, this.snapshot.sectors);
    try {
      this.layoutClient ??= new RpcClient<LayoutProtocol>(this.env.createLayoutWorker());
      const positions = await this.layoutClient.call('layout', { graph, seed: 1 });
      if (generation !== this.loadGeneration || this.snapshot.network !== network) return;
      this.set({ layout: positions });
      this.scheduleAnalysis(0);
    } catch (e) {
      if (e instanceof CancelledError) return;
      this.set({ problem: { code: 'load-failed', message: e instanceof Error ? e.message : String(e) } });
    }
  }

  /** The bipartite layout, computed on first use when the dataset does not ship one. */
  async ensureBipartiteLayout(): Promise<void> {
    const { network, bipartiteLayout } = this.snapshot;
    if (!network || bipartiteLayout) return;
    const graph = twoModeLayoutGraph(network, this.snapshot.sectors);
    this.layoutClient ??= new RpcClient<LayoutProtocol>(this.env.createLayoutWorker());
    const positions = await this.layoutClient.call('layout', { graph, seed: 1 });
    if (this.snapshot.network === network) this.set({ bipartiteLayout: positions });
  }

  private readonly extraLayouts = new Map<string, Promise<Positions>>();

  /**
   * Lays out a graph other than the network itself (the overview's communities, one community on
   * its own) in the layout worker, never on the main thread. Cached by `key` (the caller makes it
   * from what the graph depends on), so going back and forth is instant.
   */
  layoutOf(key: string, graph: IndexedLayoutGraph): Promise<Positions> {
    let positions = this.extraLayouts.get(key);
    if (!positions) {
      this.layoutClient ??= new RpcClient<LayoutProtocol>(this.env.createLayoutWorker());
      positions = this.layoutClient.call('layout', { graph, seed: 1 });
      this.extraLayouts.set(key, positions);
      positions.catch(() => this.extraLayouts.delete(key));
      if (this.extraLayouts.size > 12) this.extraLayouts.delete(this.extraLayouts.keys().next().value!);
    }
    return positions;
  }

  /** The dataset could not be loaded at all (e.g. the built-in file is missing). */
  fail(message: string): void {
    this.set({ phase: 'error', problem: { code: 'load-failed', message } });
  }

  // --- the view (URL) ------------------------------------------------------------------------

  /**
   * Changes the view state. Every change becomes a history entry; continuous inputs (sliders)
   * pass `replace`: the first move of a gesture pushes an entry and the following ones replace
   * it, so Back undoes the whole drag.
   */
  updateView(update: ViewUpdate, history: 'push' | 'replace' = 'push'): void {
    const before = this.snapshot.view;
    const next = update(before);
    if (next === before) return;
    const search = serialiseViewState(next);
    if (search !== this.env.location.read()) {
      const now = Date.now();
      const sameGesture = history === 'replace' && now - this.lastReplace < GESTURE_MS;
      this.lastReplace = history === 'replace' ? now : 0;
      this.env.location.write(search, sameGesture ? 'replace' : 'push');
    }
    this.applyView(next, before);
  }

  private restoreFromLocation() {
    const before = this.snapshot.view;
    let next = parseViewState(this.env.location.read());
    let dropped = this.snapshot.dropped;
    if (this.snapshot.network) {
      const cleaned = cleanViewState(next, this.snapshot.network, this.snapshot.sectors);
      next = cleaned.state;
      dropped = cleaned.dropped;
    }
    this.set({ dropped });
    this.applyView(next, before);
  }

  private applyView(next: ViewState, before: ViewState) {
    const { network, sectors, dataset } = this.snapshot;
    const rulesChanged = JSON.stringify(next.rules) !== JSON.stringify(before.rules);
    const filtersChanged = next.filters !== before.filters;
    const patch: Partial<SessionSnapshot> = { view: next };
    if (network && filtersChanged && !rulesChanged) patch.visibility = this.visibilityFor(network, sectors, next);
    this.set(patch);
    if (rulesChanged && dataset) {
      const generation = ++this.loadGeneration;
      this.set({ analysis: { ...EMPTY_ANALYSIS } });
      void this.project(dataset, this.rulesOf(next), generation);
      return;
    }
    this.scheduleAnalysis();
  }

  /** Forgets the notice about dropped link values (the user read it). */
  dismissDropped(): void {
    this.set({ dropped: [] });
  }

  // --- overlays ------------------------------------------------------------------------------

  /**
   * Sets (or with null removes) the user's sector for an organisation. An overlay: the network,
   * the map and the camera stay; only what depends on sectors is recomputed.
   */
  async setSector(organisationId: string, sector: Sector | null): Promise<void> {
    const corrections = new Map(this.snapshot.corrections);
    if (sector) corrections.set(organisationId, sector);
    else corrections.delete(organisationId);
    await this.setCorrections(corrections);
  }

  async setCorrections(corrections: ReadonlyMap<string, Sector>): Promise<void> {
    const { network, view } = this.snapshot;
    this.env.corrections.save(this.correctionsKey, corrections);
    if (!network) {
      this.set({ corrections });
      return;
    }
    const sectors = sectorCodes(network, corrections);
    const sectorsVersion = `c${this.loadGeneration}.${corrections.size}.${now()}`;
    const patch: Partial<SessionSnapshot> = { corrections, sectors, sectorsVersion };
    if (view.filters.sectors.length) patch.visibility = this.visibilityFor(network, sectors, view);
    this.set(patch);
    this.refreshKeys();
    await this.analysis().call('setSectors', { corrections: [...corrections], version: sectorsVersion });
    this.scheduleAnalysis(0);
  }

  // --- the analysis --------------------------------------------------------------------------

  /** The analysis input for the current state (what the worker computes from). */
  analysisInput(): AnalysisInput | null {
    const { view, dataset, sectorsVersion } = this.snapshot;
    if (!dataset) return null;
    return {
      ...DEFAULT_ANALYSIS_OPTIONS,
      filters: view.filters,
      sectorsVersion,
      targets: view.targets,
      k: view.k,
      reach: view.reachSteps,
      resolution: view.resolution,
      focal: view.focal ?? dataset.focal ?? null,
    };
  }

  /**
   * The keys of the current state, set at once on every change (the worker is asked a little
   * later): no result of an earlier state is ever taken for the current one.
   */
  private refreshKeys() {
    const { network, networkVersion } = this.snapshot;
    const input = this.analysisInput();
    if (!network || !input) return;
    const keys = stageKeys(input, networkVersion);
    const current = this.snapshot.analysis;
    if (current.keys && STAGES.every((s) => current.keys![s] === keys[s])) return;
    this.set({ analysis: this.withAssembled({ ...current, keys }) });
  }

  private scheduleAnalysis(delay = this.env.analysisDelayMs ?? 80) {
    this.refreshKeys();
    if (this.analysisTimer) clearTimeout(this.analysisTimer);
    this.analysisTimer = setTimeout(() => {
      this.analysisTimer = null;
      void this.runAnalysis();
    }, delay);
  }

  private async runAnalysis(): Promise<void> {
    const { network, networkVersion, layout, source } = this.snapshot;
    const input = this.analysisInput();
    if (!network || !input || this.disposed) return;
    // On two cores an imported network's layout goes first: the map appears sooner.
    if (!layout && source?.kind === 'imported') return;
    const keys = stageKeys(input, networkVersion);
    const current = this.snapshot.analysis;
    const missing = STAGES.filter((s) => current.results[s]?.key !== keys[s]);
    this.set({ analysis: this.withAssembled({ ...current, keys, error: null, progress: missing.length ? current.progress : null }) });
    if (!missing.length) return;
    try {
      await this.analysis().call(
        'analyse',
        { input, wanted: [...STAGES] },
        { onProgress: (event) => this.receive(event, networkVersion) },
      );
      if (this.snapshot.networkVersion === networkVersion && this.snapshot.analysis.keys === keys) {
        this.set({ analysis: { ...this.snapshot.analysis, progress: null } });
      }
    } catch (e) {
      if (e instanceof CancelledError || this.snapshot.networkVersion !== networkVersion) return;
      this.set({ analysis: { ...this.snapshot.analysis, progress: null, error: e instanceof Error ? e.message : String(e) } });
    }
  }

  private receive(event: AnalysisEvent, networkVersion: string) {
    if (this.snapshot.networkVersion !== networkVersion) return;
    const analysis = this.snapshot.analysis;
    if (event.type === 'progress') {
      this.set({ analysis: { ...analysis, progress: { stage: event.stage, fraction: event.fraction } } });
      return;
    }
    this.set({ analysis: this.withAssembled({ ...analysis, results: { ...analysis.results, [event.result.stage]: event.result } }) });
  }

  /**
   * Re-assembles the document when every stage has a result on the current visible network (some
   * may still be for other options, e.g. the previous k: those are listed as stale); otherwise
   * keeps the previous document, now stale as a whole.
   */
  private withAssembled(analysis: AnalysisSnapshot): AnalysisSnapshot {
    const { keys, results } = analysis;
    const { network, visibility } = this.snapshot;
    const input = this.analysisInput();
    if (!keys || !network || !visibility || !input) return analysis;
    const onView = STAGES.every((s) => results[s]?.viewKey === keys.view);
    if (onView) {
      const result = assembleResult(results, input, visibleTies(network, visibility));
      if (result) return { ...analysis, assembled: { result, stale: STAGES.filter((s) => results[s]!.key !== keys[s]) } };
    }
    return analysis.assembled ? { ...analysis, assembled: { ...analysis.assembled, stale: [...STAGES] } } : analysis;
  }

  // --- lifetime ------------------------------------------------------------------------------

  dispose(): void {
    this.disposed = true;
    if (this.analysisTimer) clearTimeout(this.analysisTimer);
    this.unsubscribePop?.();
    this.analysisClient?.dispose();
    this.layoutClient?.dispose();
    this.analysisClient = null;
    this.layoutClient = null;
    this.listeners.clear();
  }
}

const now = () => (typeof performance !== 'undefined' ? Math.round(performance.now() * 1000) : Date.now());

function positionsFromMap(keys: readonly string[], byKey: ReadonlyMap<string, [number, number]>): Positions {
  const x = new Float32Array(keys.length);
  const y = new Float32Array(keys.length);
  keys.forEach((k, i) => {
    const p = byKey.get(k);
    x[i] = p?.[0] ?? 0;
    y[i] = p?.[1] ?? 0;
  });
  return { x, y };
}

// --- reading results ---------------------------------------------------------------------------

/** The stage's result when it belongs to the current state, else null. */
export function freshResult<S extends StageName>(analysis: AnalysisSnapshot, stage: S): StageResult<S>['data'] | null {
  const r = analysis.results[stage];
  return r && analysis.keys && r.key === analysis.keys[stage] ? (r.data as StageResult<S>['data']) : null;
}

/** The newest result of the stage, fresh or not, and whether it is fresh ("bijwerken…" otherwise). */
export function latestResult<S extends StageName>(analysis: AnalysisSnapshot, stage: S): { data: StageResult<S>['data']; fresh: boolean } | null {
  const r = analysis.results[stage];
  if (!r) return null;
  return { data: r.data as StageResult<S>['data'], fresh: !!analysis.keys && r.key === analysis.keys[stage] };
}

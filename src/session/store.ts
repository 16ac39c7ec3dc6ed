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
import { importProblem } from '../data/problemWords';
import type { ImportReport } from '../data/report';
import type { Sector } from '../data/sectors';
import { applyFilters, filtersActive, everythingVisible, type Visibility } from '../filters/filters';
import { networkFromProjection, sectorCodes, type Network } from '../graph/network';
import { DEFAULT_PROJECTION_RULES, withIdIndexes, type ProjectionOnWire, type ProjectionRules, type TooLarge } from '../graph/projection';
import { RemoteError, RpcClient, CancelledError, type Endpoint } from '../workers/rpc';
import type { AnalysisProtocol, LayoutProtocol } from '../workers/protocols';
import { networkLayoutGraph, twoModeLayoutGraph, type IndexedLayoutGraph } from '../graph/layout';
import { opensOnOverview } from '../graph/overview';
import { cleanViewState, mergeDropped, type DroppedValue } from './clean';
import { nextTask, packedBuffers, transferableCopy, type PackedDataset } from '../data/import/transport';
import { yieldToEventLoop } from '../data/import/table';
import { milestone } from './milestones';
import { datasetKey } from '../data/sectorCorrections';
import type { DatasetShelf, ShelvedSummary } from './shelf';
import { isShelvedSummary, isUsableShelvedEntry, shelvedEntryProblem } from './shelfCheck';
import { readViewState, serialiseViewState } from './url';
import type { ViewState } from './viewState';
import type { FocalSummary } from '../analysis/compare';
import type { ComparisonDocument, ScenarioOutcome } from '../change/document';
import { changeRequest, type ChangeRequest } from '../change/request';
import { introductionScenarioRows, removeScenarioActivity } from '../change/scenarioRows';
import { memoryOverlays, type DamagedStored, type OverlayStorage } from '../change/storage';
import { readScenarioCsv, type ScenarioRow } from '../data/scenario';
import type { ImportProblem } from '../data/report';
import { filtersKey } from '../analysis/stages';
import type { ChangeProgress } from '../workers/protocols';
import { parseWorklistCsv, type WorklistReport } from '../worklist/csv';
import { matchWorklist, type WorklistMatch } from '../worklist/match';
import { addIntroductions, isoDate, removeIntroduction, updateIntroduction, type Introduction, type PartyRef } from '../worklist/worklist';

/** Positions by index: organisations (network view) or organisations then activities (bipartite). */
export interface Positions {
  x: Float32Array;
  y: Float32Array;
}

export type DatasetSource =
  | { kind: 'builtin'; id: string }
  | { kind: 'imported'; label: string; report: ImportReport; /** Its key on the shelf. */ key?: string };

export type SessionProblem =
  | { code: 'load-failed'; message: string }
  /** The built-in data file is missing or not JSON (HTTP status as answered). */
  | { code: 'builtin-missing'; path: string; status: number }
  | ({ code: 'too-large' } & TooLarge)
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

/** The change view's comparison of two views (the command line's `--compare`). */
export interface ChangeSnapshot {
  /** What the current view state compares; null when there is nothing to compare. */
  request: ChangeRequest | null;
  /** Identifies the request with the network, sectors and analysis options it is computed with. */
  key: string | null;
  /** What each side shows (the map draws ties formed and lost from them). */
  visibility: { before: Visibility; after: Visibility } | null;
  /** The newest comparison received: it belongs to the current state when its key is `key`. */
  result: { key: string; document: ComparisonDocument } | null;
  progress: ChangeProgress | null;
  error: string | null;
}

/** The what-if overlay: hypothetical rows on top of the data, and the data without and with them. */
export interface ScenarioSnapshot {
  /** Canonical scenario rows (src/data/scenario.ts), stored per dataset. */
  rows: ScenarioRow[];
  /** Problems of the last scenario file read (its rows' own problems come with the result). */
  fileProblems: ImportProblem[];
  key: string | null;
  /** The outcome, with the rows it was computed from (its problems name their rows by number). */
  result: { key: string; outcome: ScenarioOutcome; rows: ScenarioRow[] } | null;
  progress: ChangeProgress | null;
  error: string | null;
  /** With the scenario's rows the network would be too large to build (the size guard's report). */
  tooLarge: TooLarge | null;
  /** The stored scenario could not be read whole when the dataset opened (shown until dismissed). */
  damage: DamagedStored | null;
  /** The browser refused to store the scenario as it is now (storage full): it ends with this session. */
  notSaved: boolean;
}

/** The worklist of introductions (stored for the user, not per dataset) matched against the data. */
export interface WorklistSnapshot {
  items: Introduction[];
  /** The stored worklist could not be read whole when the session started (shown until dismissed). */
  damage: DamagedStored | null;
  /** The browser refused to store the worklist as it is now (storage full): it ends with this session. */
  notSaved: boolean;
  /** Per introduction (same order): is it a tie in the loaded data? */
  match: WorklistMatch | null;
}

/** The meeting pack's scenarios: the focal organisation now and if each convener's introductions happen. */
export interface MeetingPackSnapshot {
  key: string | null;
  result: { key: string; before: FocalSummary | null; after: { id: string; focal: FocalSummary | null }[] } | null;
  error: string | null;
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
  /**
   * The stored corrections of this dataset could not be read whole (copied aside), or the browser
   * refused to store the latest: said, as for the worklist.
   */
  correctionsStorage: { damage: DamagedStored | null; notSaved: boolean };
  /** Sector code (index into SECTORS) per organisation index, corrections applied. */
  sectors: Uint8Array;
  sectorsVersion: string;
  view: ViewState;
  /** Values of the link (or an earlier dataset) that this data does not have. */
  dropped: DroppedValue[];
  visibility: Visibility | null;
  analysis: AnalysisSnapshot;
  /** Imported datasets on the shelf, most recent first. */
  recent: ShelvedSummary[];
  /**
   * An imported dataset this browser kept could not be opened: damaged (taken off the shelf), or no
   * longer kept (`missing`). Its label, and what was wrong (shelfCheck.ts, in English, for the
   * console and tests): said, not replaced unseen by the built-in data.
   */
  shelfDamaged: { label: string; problem: string; missing?: boolean } | null;
  /** The last attempt to keep an imported dataset failed (e.g. storage full); the data is still open. */
  shelfError: string | null;
  change: ChangeSnapshot;
  scenario: ScenarioSnapshot;
  worklist: WorklistSnapshot;
  meetingPack: MeetingPackSnapshot;
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
  /** False when the browser refused to store them (storage full). */
  save(datasetKey: string, corrections: ReadonlyMap<string, Sector>): boolean | void;
  /** What the last `load` could not read whole, if anything. */
  damage?(): DamagedStored | null;
}

export interface SessionEnvironment {
  createAnalysisWorker(): Endpoint & { terminate(): void };
  createLayoutWorker(): Endpoint & { terminate(): void };
  location: LocationPort;
  corrections: CorrectionStore;
  /** Imported datasets kept in this browser (none: nothing survives a reload). */
  shelf?: DatasetShelf;
  /** How long option changes settle before the analysis is asked (slider drags). */
  analysisDelayMs?: number;
  /** Where the scenario and the worklist are kept; default in memory. */
  overlays?: OverlayStorage;
  /** Today as YYYY-MM-DD (worklist dates); default the clock's. */
  today?: () => string;
  /** The machine's cores (navigator.hardwareConcurrency): from two on the analysis worker takes a helper (analysisService.ts). */
  cores?: number;
}

export type ViewUpdate = (state: ViewState) => ViewState;

/** Names a projection: the load it belongs to and the tie rules it was made under. */
const networkVersionOf = (generation: number, rules: ProjectionRules) => `n${generation}:${rules.listingKinds.join(',')}:${rules.listingActivities.length}:${rules.weight}`;

/** Slider moves closer together than this belong to one gesture and share one history entry. */
const GESTURE_MS = 800;

const EMPTY_ANALYSIS: AnalysisSnapshot = { keys: null, results: {}, progress: null, error: null, assembled: null };
const EMPTY_CHANGE: ChangeSnapshot = { request: null, key: null, visibility: null, result: null, progress: null, error: null };
const EMPTY_PACK: MeetingPackSnapshot = { key: null, result: null, error: null };

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
  private readonly overlays: OverlayStorage;
  /** The running comparison, scenario and meeting pack: their key, and how to cancel them. */
  private readonly running = new Map<'change' | 'scenario' | 'pack', { key: string; abort: AbortController }>();

  /** Values of the address that could not be read, to report with the next network's check. */
  private unreadLink: DroppedValue[] = [];

  constructor(private readonly env: SessionEnvironment) {
    this.overlays = env.overlays ?? memoryOverlays();
    const link = readViewState(env.location.read());
    this.unreadLink = link.ignored;
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
      correctionsStorage: { damage: null, notSaved: false },
      sectors: new Uint8Array(0),
      sectorsVersion: '0',
      view: link.state,
      dropped: [],
      visibility: null,
      analysis: EMPTY_ANALYSIS,
      recent: [],
      shelfDamaged: null,
      shelfError: null,
      change: EMPTY_CHANGE,
      scenario: { rows: [], fileProblems: [], key: null, result: null, progress: null, error: null, tooLarge: null, damage: null, notSaved: false },
      worklist: { items: this.overlays.loadWorklist(), damage: this.overlays.worklistDamage?.() ?? null, notSaved: false, match: null },
      meetingPack: EMPTY_PACK,
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
    options: {
      layout?: ReadonlyMap<string, [number, number]>;
      bipartiteLayout?: ReadonlyMap<string, [number, number]>;
      correctionsKey: string;
      /** The dataset packed (from the import worker): a copy of it goes to the analysis worker. */
      packed?: PackedDataset;
    },
  ): Promise<void> {
    const generation = ++this.loadGeneration;
    milestone('open');
    this.correctionsKey = options.correctionsKey;
    const corrections = this.env.corrections.load(options.correctionsKey);
    const correctionsStorage = { damage: this.env.corrections.damage?.() ?? null, notSaved: false };
    for (const job of this.running.values()) job.abort.abort();
    this.running.clear();
    this.set({
      change: EMPTY_CHANGE,
      scenario: {
        rows: this.overlays.loadScenario(options.correctionsKey),
        damage: this.overlays.scenarioDamage?.() ?? null,
        notSaved: false,
        fileProblems: [],
        key: null,
        result: null,
        progress: null,
        error: null,
        tooLarge: null,
      },
      meetingPack: EMPTY_PACK,
      phase: 'loading',
      problem: null,
      source,
      dataset,
      network: null,
      layout: null,
      bipartiteLayout: null,
      corrections,
      correctionsStorage,
      visibility: null,
      analysis: EMPTY_ANALYSIS,
    });
    await this.project(dataset, this.rulesOf(this.snapshot.view), generation, options.layout, options.bipartiteLayout, options.packed);
  }

  private rulesOf(view: ViewState): ProjectionRules {
    return { ...DEFAULT_PROJECTION_RULES, listingKinds: view.rules.listingKinds, listingActivities: view.rules.listingActivities, weight: view.rules.weight };
  }

  /** Starts the analysis worker now (it is otherwise started by the first dataset). */
  startAnalysisWorker(): void {
    this.analysis();
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
    packed?: PackedDataset,
  ): Promise<void> {
    const networkVersion = networkVersionOf(generation, rules);
    const preloaded = this.preloaded;
    this.preloaded = null;
    let received;
    try {
      received = await (preloaded && preloaded.packed === packed && preloaded.networkVersion === networkVersion ? preloaded.projection : this.load(packed ?? dataset, rules, networkVersion));
    } catch (e) {
      if (generation !== this.loadGeneration || e instanceof CancelledError) return;
      const tooLarge = tooLargeOf(e);
      if (tooLarge) {
        this.set({ phase: 'error', problem: { code: 'too-large', ...tooLarge } });
      } else {
        this.set({ phase: 'error', problem: { code: 'load-failed', message: e instanceof Error ? e.message : String(e) } });
      }
      return;
    }
    // Receiving a large projection, rebuilding its id indexes (which do not travel) and the network
    // from it are three tasks of the page's main thread: in one they held it for half a second on H2020.
    await yieldToEventLoop();
    if (generation !== this.loadGeneration || this.disposed) return;
    milestone('projected');
    const { projection, adjacency } = withIdIndexes(received);
    await yieldToEventLoop();
    if (generation !== this.loadGeneration || this.disposed) return;
    const network = networkFromProjection(dataset, projection, adjacency);
    const corrections = this.snapshot.corrections;
    const sectors = sectorCodes(network, corrections);
    const sectorsVersion = `c${generation}.${corrections.size}.${Date.now() % 1e6}`;
    if (corrections.size) await this.analysis().call('setSectors', { corrections: [...corrections], version: sectorsVersion });
    else await this.analysis().call('setSectors', { corrections: [], version: sectorsVersion });
    if (generation !== this.loadGeneration || this.disposed) return;
    const { view, dropped } = this.checkedView(this.snapshot.view, this.unreadLink, network, sectors);
    this.unreadLink = [];
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
      // A warning that this network was too large is answered (e.g. its largest activities are listings now).
      problem: null,
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
    milestone('ready');
    this.matchWorklist();
    this.syncOverlays();
    // A network drawn as its community overview does not need its own layout to be drawn: its
    // analysis (communities first) goes ahead, and the layout comes when a view asks for it.
    if (!layout && !this.layoutDeferred()) this.ensureLayout();
    // The overview's own layout is asked for as soon as the communities are known: the worker starts now.
    else if (!layout) this.layoutClient ??= new RpcClient<LayoutProtocol>(this.env.createLayoutWorker());
    this.scheduleAnalysis('now');
  }

  /** A packed dataset on its way to the analysis worker before the page has unpacked it (`preload`). */
  private preloaded: { packed: PackedDataset; networkVersion: string; projection: Promise<ProjectionOnWire> } | null = null;

  /** Sends a dataset to the analysis worker to be projected; a packed one as a transferred copy. */
  private load(data: Dataset | PackedDataset, rules: ProjectionRules, networkVersion: string, warm?: AnalysisInput): Promise<ProjectionOnWire> {
    const more = { ...(warm ? { warm } : {}), ...(this.env.cores ? { cores: this.env.cores } : {}) };
    if (!('bytes' in data)) return this.analysis().call('load', { dataset: data, rules, networkVersion, ...more });
    const copy = transferableCopy(data);
    return this.analysis().call('load', { dataset: { packed: copy }, rules, networkVersion, ...more }, { transfer: packedBuffers(copy) });
  }

  /**
   * Starts projecting an imported dataset that is about to be opened (`openImported` with the same
   * `packed`), so the analysis worker unpacks and projects it while the page unpacks its own copy.
   */
  preload(packed: PackedDataset): void {
    const rules = this.rulesOf(this.snapshot.view);
    const networkVersion = networkVersionOf(this.loadGeneration + 1, rules);
    // A network that opens on its community overview waits for the communities (a smaller one waits
    // for its layout, which then goes first). Without filters (whose values the new network may not
    // have) the communities it will be asked for are known: the worker starts on them as soon as it
    // has projected ('0': its first sectors).
    const { view } = this.snapshot;
    const warm = opensOnOverview(packed.organisations.count) && !filtersActive(view.filters) ? analysisInputOf(view, '0', view.focal ?? null) : undefined;
    const projection = this.load(packed, rules, networkVersion, warm);
    // A failure is reported when the projection is used (or not at all, if another dataset opens first).
    projection.catch(() => undefined);
    this.preloaded = { packed, networkVersion, projection };
  }

  /**
   * True while a network that opens on its community overview (more than OVERVIEW_ABOVE
   * organisations, graph/overview.ts) has no layout of its own: it gets one only when asked.
   */
  private layoutDeferred(): boolean {
    const { network, layout } = this.snapshot;
    return !!network && !layout && opensOnOverview(network.organisations.length);
  }

  private visibilityFor(network: Network, sectors: Uint8Array, view: ViewState): Visibility {
    return filtersActive(view.filters) ? applyFilters(network, sectors, view.filters) : everythingVisible(network);
  }

  /** The network being laid out (one layout per network, however often it is asked for). */
  private layingOut: Network | null = null;

  /**
   * Lays out the network in the layout worker unless it has a layout or one is under way. A
   * network opening on its overview is laid out only when a view draws every organisation (the
   * map's "all" level, the change maps): 35,000 organisations keep a core busy for 20 s, which
   * would otherwise slow every frame of panning the overview.
   */
  ensureLayout(): void {
    const { network, layout } = this.snapshot;
    if (!network || layout || this.layingOut === network) return;
    this.layingOut = network;
    void this.computeLayout(network, this.loadGeneration);
  }

  private async computeLayout(network: Network, generation: number): Promise<void> {
    const graph = networkLayoutGraph(network, this.snapshot.sectors);
    try {
      this.layoutClient ??= new RpcClient<LayoutProtocol>(this.env.createLayoutWorker());
      const positions = await this.layoutClient.call('layout', { graph, seed: 1 });
      if (generation !== this.loadGeneration || this.snapshot.network !== network) return;
      milestone('layout');
      this.set({ layout: positions });
      this.scheduleAnalysis(0);
    } catch (e) {
      if (this.layingOut === network) this.layingOut = null;
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

  // --- the shelf of imported datasets -------------------------------------------------------

  /** Opens an imported dataset and keeps it on the shelf, so that it survives a reload. */
  async openImported(dataset: Dataset, label: string, report: ImportReport, packed?: PackedDataset): Promise<void> {
    const key = datasetKey(dataset);
    const opened = this.open(dataset, { kind: 'imported', label, report, key }, { correctionsKey: key, packed });
    const shelf = this.env.shelf;
    if (shelf) {
      try {
        // Summing the dataset up for the shelf and sending it waits for the next task: on H2020,
        // in the task that shows the dataset, they made one of 390 ms.
        await nextTask();
        await shelf.save({ key, label, dataset, report, packed });
        shelf.setActive(key);
        this.set({ shelfError: null });
      } catch (e) {
        this.set({ shelfError: e instanceof Error ? e.message : String(e) });
      }
      await this.refreshShelf();
    }
    await opened;
  }

  /** Reopens a dataset from the shelf; false when it is no longer there. */
  async openShelved(key: string): Promise<boolean> {
    const shelf = this.env.shelf;
    const entry: unknown = shelf ? await shelf.load(key).catch(() => null) : null;
    // What a browser kept is checked like any input (shelfCheck.ts): a damaged entry is not opened
    // but said, and taken off the shelf so that it does not fail again on every reload.
    if (!shelf || !isUsableShelvedEntry(entry)) {
      const listed = shelf ? ((await shelf.list().catch(() => [])).find((s) => s.key === key) ?? null) : null;
      if (shelf && listed) {
        this.set({ shelfDamaged: { label: String(listed.label ?? key), problem: entry === null ? 'it could not be unpacked' : shelvedEntryProblem(entry)! } });
        await shelf.remove(key).catch(() => undefined);
      } else if (shelf && key) {
        // The dataset that was open is no longer kept here (removed in another tab, storage
        // cleared): the built-in data opened instead without a word.
        this.set({ shelfDamaged: { label: key.split('#')[0]!.slice(0, 80), problem: 'not kept', missing: true } });
      }
      shelf?.setActive(null);
      await this.refreshShelf();
      return false;
    }
    shelf.setActive(key);
    await this.open(entry.dataset, { kind: 'imported', label: entry.summary.label, report: entry.report, key }, { correctionsKey: key });
    return true;
  }

  /** The notice about a damaged stored dataset has been read. */
  dismissShelfDamaged(): void {
    this.set({ shelfDamaged: null });
  }

  async removeShelved(key: string): Promise<void> {
    await this.env.shelf?.remove(key).catch(() => undefined);
    await this.refreshShelf();
  }

  /** The built-in dataset is now the active one (nothing to reopen after a reload). */
  forgetActive(): void {
    this.env.shelf?.setActive(null);
  }

  /** The dataset to reopen after a reload, if any. */
  activeShelved(): string | null {
    return this.env.shelf?.active() ?? null;
  }

  async refreshShelf(): Promise<void> {
    const listed = (await this.env.shelf?.list().catch(() => [])) ?? [];
    // A damaged summary is not listed (its label of another type broke the list).
    this.set({ recent: listed.filter(isShelvedSummary) });
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

  /** The dataset could not be loaded at all. */
  fail(message: string): void {
    this.set({ phase: 'error', problem: { code: 'load-failed', message } });
  }

  /** The built-in data file is missing or not JSON: worded by the app, with what to do. */
  failBuiltinMissing(path: string, status: number): void {
    this.set({ phase: 'error', problem: { code: 'builtin-missing', path, status } });
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
    const link = readViewState(this.env.location.read());
    let next = link.state;
    let dropped = this.snapshot.dropped;
    if (this.snapshot.network) {
      ({ view: next, dropped } = this.checkedView(next, link.ignored, this.snapshot.network, this.snapshot.sectors));
    } else this.unreadLink = link.ignored;
    this.set({ dropped });
    this.applyView(next, before);
  }

  /**
   * A view checked against the network (`cleanViewState`), with the values its link could not
   * read: one list of what was left out. The address (or history entry) keeps only what was used.
   */
  private checkedView(view: ViewState, unread: DroppedValue[], network: Network, sectors: Uint8Array): { view: ViewState; dropped: DroppedValue[] } {
    const cleaned = cleanViewState(view, network, sectors);
    const dropped = mergeDropped(unread, cleaned.dropped);
    if (dropped.length) this.env.location.write(serialiseViewState(cleaned.state), 'replace');
    return { view: cleaned.state, dropped };
  }

  private applyView(next: ViewState, before: ViewState) {
    const { network, sectors, dataset } = this.snapshot;
    const rulesChanged = JSON.stringify(next.rules) !== JSON.stringify(before.rules);
    const filtersChanged = next.filters !== before.filters;
    const patch: Partial<SessionSnapshot> = { view: next };
    if (network && filtersChanged && !rulesChanged) patch.visibility = this.visibilityFor(network, sectors, next);
    this.set(patch);
    if (!rulesChanged) this.syncOverlays();
    if (rulesChanged && dataset) {
      const generation = ++this.loadGeneration;
      // After a failed projection (too large), the new rules are being tried: loading, not the old warning.
      if (this.snapshot.phase === 'error') this.set({ phase: 'loading', problem: null });
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
    const saved = this.env.corrections.save(this.correctionsKey, corrections) !== false;
    const correctionsStorage = { ...this.snapshot.correctionsStorage, notSaved: !saved };
    if (!network) {
      this.set({ corrections, correctionsStorage });
      return;
    }
    const sectors = sectorCodes(network, corrections);
    const sectorsVersion = `c${this.loadGeneration}.${corrections.size}.${now()}`;
    const patch: Partial<SessionSnapshot> = { corrections, correctionsStorage, sectors, sectorsVersion };
    if (view.filters.sectors.length) patch.visibility = this.visibilityFor(network, sectors, view);
    this.set(patch);
    this.refreshKeys();
    await this.analysis().call('setSectors', { corrections: [...corrections], version: sectorsVersion });
    this.syncOverlays();
    this.scheduleAnalysis(0);
  }

  // --- the analysis --------------------------------------------------------------------------

  /** The analysis input for the current state (what the worker computes from). */
  analysisInput(): AnalysisInput | null {
    const { view, dataset, sectorsVersion } = this.snapshot;
    if (!dataset) return null;
    return analysisInputOf(view, sectorsVersion, view.focal ?? dataset.focal ?? null);
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

  /**
   * Asks for the analysis after `delay` ms, or — `'now'` — before this task ends: a new network's
   * analysis is then requested before React renders it (a render that takes the page most of a
   * second on 35,000 organisations, while the worker would wait).
   */
  private scheduleAnalysis(delay: number | 'now' = this.env.analysisDelayMs ?? 80) {
    this.refreshKeys();
    if (this.analysisTimer) clearTimeout(this.analysisTimer);
    this.analysisTimer = null;
    // The comparisons after the view's own analysis: their "before" side often reuses its stages.
    const run = () => void this.runAnalysis().then(() => this.runOverlays());
    if (delay === 'now') run();
    else
      this.analysisTimer = setTimeout(() => {
        this.analysisTimer = null;
        run();
      }, delay);
  }

  private async runAnalysis(): Promise<void> {
    const { network, networkVersion, layout, source } = this.snapshot;
    const input = this.analysisInput();
    if (!network || !input || this.disposed) return;
    // On two cores an imported network's layout goes first (the map appears sooner), unless the
    // map opens on the community overview, which waits for the analysis instead.
    if (!layout && source?.kind === 'imported' && !this.layoutDeferred()) return;
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
      // The reply comes after the request's last event: what the inbox holds goes first.
      this.applyInbox();
      if (this.snapshot.networkVersion === networkVersion && this.snapshot.analysis.keys === keys) {
        this.set({ analysis: { ...this.snapshot.analysis, progress: null } });
      }
    } catch (e) {
      this.applyInbox();
      if (e instanceof CancelledError || this.snapshot.networkVersion !== networkVersion) return;
      this.set({ analysis: { ...this.snapshot.analysis, progress: null, error: e instanceof Error ? e.message : String(e) } });
    }
  }

  /**
   * Analysis events received and not yet applied. Each update of the store is a render (and, for
   * the map's sizes and colours, a redraw): the built-in data's ten stages are done in the worker
   * while the page is still creating the map, and their twenty queued messages, applied one by one,
   * kept the page busy for 0.6 s more. Events are applied together after the messages queued with
   * them (yieldToEventLoop queues behind those), in the order they came.
   */
  private inbox: { networkVersion: string; events: AnalysisEvent[] } | null = null;

  private receive(event: AnalysisEvent, networkVersion: string) {
    if (this.snapshot.networkVersion !== networkVersion) return;
    if (this.inbox?.networkVersion === networkVersion) {
      this.inbox.events.push(event);
      return;
    }
    this.applyInbox();
    this.inbox = { networkVersion, events: [event] };
    void yieldToEventLoop().then(() => this.applyInbox());
  }

  private applyInbox() {
    const inbox = this.inbox;
    this.inbox = null;
    if (!inbox || this.disposed || this.snapshot.networkVersion !== inbox.networkVersion) return;
    const analysis = this.snapshot.analysis;
    let { progress, results } = analysis;
    for (const event of inbox.events) {
      if (event.type === 'progress') progress = { stage: event.stage, fraction: event.fraction };
      else {
        milestone(`stage:${event.result.stage}`);
        results = { ...results, [event.result.stage]: event.result };
      }
    }
    this.set({ analysis: results === analysis.results ? { ...analysis, progress } : this.withAssembled({ ...analysis, progress, results }) });
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

  // --- change over time, what if, the worklist ------------------------------------------------

  /**
   * Brings the comparison's and the scenario's keys up to date with the state, at once (as the
   * analysis keys are): a result computed for another state is never shown as current. A running
   * job whose result is no longer wanted is cancelled; the worker is asked after the analysis.
   */
  private syncOverlays(): void {
    const { network, sectors, view, networkVersion, sectorsVersion } = this.snapshot;
    const input = this.analysisInput();
    if (!network || !input) return;
    const options = JSON.stringify([networkVersion, sectorsVersion, input.targets, input.k, input.reach, input.resolution, input.focal]);
    if (view.view === 'change') {
      const request = changeRequest(view, network, sectors);
      const key = request ? `${options}|${filtersKey(request.before)}|${filtersKey(request.after)}` : null;
      const c = this.snapshot.change;
      if (key !== c.key || JSON.stringify(request) !== JSON.stringify(c.request)) {
        const visibility =
          key === c.key ? c.visibility : request ? { before: applyFilters(network, sectors, request.before), after: applyFilters(network, sectors, request.after) } : null;
        this.set({ change: { ...c, request, key, visibility, error: null, progress: key === c.key ? c.progress : null } });
      }
    }
    const rows = this.snapshot.scenario.rows;
    const scenarioKey = rows.length ? `${options}|${filtersKey(view.filters)}|${JSON.stringify(rows)}` : null;
    if (scenarioKey !== this.snapshot.scenario.key) this.set({ scenario: { ...this.snapshot.scenario, key: scenarioKey, error: null, tooLarge: null, progress: null } });
    const wanted = (job: 'change' | 'scenario') => view.view === 'change' && view.change.mode === (job === 'change' ? 'compare' : 'whatif');
    for (const job of ['change', 'scenario'] as const) {
      const r = this.running.get(job);
      if (r && (r.key !== this.snapshot[job].key || !wanted(job))) {
        r.abort.abort();
        this.running.delete(job);
      }
    }
  }

  /** Asks the worker for what the change view shows and does not have yet. */
  private runOverlays(): void {
    const { view } = this.snapshot;
    if (this.disposed || view.view !== 'change') return;
    if (view.change.mode === 'compare') void this.runComparison();
    if (view.change.mode === 'whatif') void this.runScenario();
  }

  /** Runs a worker job for `key` unless it runs or ran already; `patch` writes its progress and result. */
  private async job<R>(
    name: 'change' | 'scenario' | 'pack',
    key: string,
    call: (signal: AbortSignal) => Promise<R>,
    current: () => string | null,
    done: (result: R) => void,
    failed: (error: unknown) => void,
  ): Promise<void> {
    if (this.running.get(name)?.key === key) return;
    this.running.get(name)?.abort.abort();
    const abort = new AbortController();
    this.running.set(name, { key, abort });
    try {
      const result = await call(abort.signal);
      if (current() === key && !this.disposed) done(result);
    } catch (e) {
      if (e instanceof CancelledError || current() !== key || this.disposed) return;
      failed(e);
    } finally {
      if (this.running.get(name)?.abort === abort) this.running.delete(name);
    }
  }

  private async runComparison(): Promise<void> {
    const c = this.snapshot.change;
    const input = this.analysisInput();
    if (!c.request || !c.key || !input || c.result?.key === c.key) return;
    const { key, request } = c;
    const progress = (p: ChangeProgress) => {
      if (this.snapshot.change.key === key) this.set({ change: { ...this.snapshot.change, progress: p } });
    };
    progress({ side: 'before', stage: STAGES[0], fraction: 0 });
    await this.job(
      'change',
      key,
      (signal) =>
        this.analysis().call(
          'compare',
          // The tracker shows every year: the first view's filters without their year range.
          { before: { ...input, filters: request.before }, after: { ...input, filters: request.after }, trackerFilters: { ...request.before, years: null } },
          { signal, onProgress: progress },
        ),
      () => this.snapshot.change.key,
      (document) => this.set({ change: { ...this.snapshot.change, result: { key, document }, progress: null, error: null } }),
      (error) => this.set({ change: { ...this.snapshot.change, progress: null, error: messageOf(error) } }),
    );
  }

  private async runScenario(): Promise<void> {
    const sc = this.snapshot.scenario;
    const input = this.analysisInput();
    if (!sc.key || !input || sc.result?.key === sc.key) return;
    const { key, rows } = sc;
    const progress = (p: ChangeProgress) => {
      if (this.snapshot.scenario.key === key) this.set({ scenario: { ...this.snapshot.scenario, progress: p } });
    };
    progress({ side: 'before', stage: STAGES[0], fraction: 0 });
    await this.job(
      'scenario',
      key,
      (signal) => this.analysis().call('scenario', { rows, file: 'scenario', input }, { signal, onProgress: progress }),
      () => this.snapshot.scenario.key,
      (outcome) => this.set({ scenario: { ...this.snapshot.scenario, result: { key, outcome, rows }, progress: null, error: null, tooLarge: null } }),
      (error) => {
        const tooLarge = tooLargeOf(error);
        this.set({ scenario: { ...this.snapshot.scenario, progress: null, error: tooLarge ? null : messageOf(error), tooLarge } });
      },
    );
  }

  /** Replaces the scenario's rows (stored for this dataset) and recomputes the what if. */
  setScenarioRows(rows: readonly ScenarioRow[], fileProblems: ImportProblem[] = []): void {
    const saved = this.overlays.saveScenario(this.correctionsKey, rows);
    this.set({ scenario: { ...this.snapshot.scenario, rows: [...rows], fileProblems, notSaved: !saved } });
    this.syncOverlays();
    this.runOverlays();
  }

  addScenarioRows(rows: readonly ScenarioRow[]): void {
    if (rows.length) this.setScenarioRows([...this.snapshot.scenario.rows, ...rows]);
  }

  removeScenarioActivity(activityId: string): void {
    this.setScenarioRows(removeScenarioActivity(this.snapshot.scenario.rows, activityId));
  }

  /** Makes introductions happen in the scenario (each pair a hypothetical `introduction` activity). */
  adoptIntroductions(pairs: readonly { a: { id: string; name: string }; b: { id: string; name: string } }[]): number {
    const { dataset } = this.snapshot;
    if (!dataset) return 0;
    const rows = introductionScenarioRows(dataset, this.snapshot.scenario.rows, pairs);
    this.addScenarioRows(rows);
    return rows.length / 2;
  }

  /** Reads a scenario file (canonical participations CSV) as the scenario's rows. */
  importScenarioCsv(text: string, file: string): { rows: number; recognised: boolean } {
    const table = readScenarioCsv(text, file);
    if (!table.recognised) {
      this.set({
        scenario: {
          ...this.snapshot.scenario,
          fileProblems: table.problems.concat(importProblem({ file, row: 1, severity: 'error' }, 'unrecognised-columns', {}, 'scenario')),
        },
      });
      return { rows: 0, recognised: false };
    }
    this.setScenarioRows(table.rows, table.problems);
    return { rows: table.rows.length, recognised: true };
  }

  private today(): string {
    return this.env.today?.() ?? isoDate(new Date());
  }

  private setWorklist(items: Introduction[]): void {
    const saved = this.overlays.saveWorklist(items);
    this.set({ worklist: { ...this.snapshot.worklist, items, notSaved: !saved } });
    this.matchWorklist();
  }

  /** Which introductions are ties in the loaded data: a lookup in the session's own network. */
  private matchWorklist(): void {
    const { network, worklist } = this.snapshot;
    const match = network && worklist.items.length ? matchWorklist(worklist.items, network.dataset, { network }) : null;
    this.set({ worklist: { ...this.snapshot.worklist, match } });
  }

  /** Adds introductions the worklist does not hold yet; returns how many were new. */
  addToWorklist(introductions: readonly Introduction[]): number {
    const { worklist, added } = addIntroductions(this.snapshot.worklist.items, introductions);
    if (added) this.setWorklist(worklist);
    return added;
  }

  updateIntroduction(a: PartyRef, b: PartyRef, patch: Partial<Pick<Introduction, 'status' | 'owner' | 'note'>>): void {
    this.setWorklist(updateIntroduction(this.snapshot.worklist.items, a, b, patch, this.today()));
  }

  /** The notice about a damaged stored scenario has been read. */
  dismissScenarioDamage(): void {
    this.set({ scenario: { ...this.snapshot.scenario, damage: null } });
  }

  /** The notice about damaged stored sector corrections has been read. */
  dismissCorrectionsDamage(): void {
    this.set({ correctionsStorage: { ...this.snapshot.correctionsStorage, damage: null } });
  }

  /** The notice about a damaged stored worklist has been read. */
  dismissWorklistDamage(): void {
    this.set({ worklist: { ...this.snapshot.worklist, damage: null } });
  }

  removeIntroduction(a: PartyRef, b: PartyRef): void {
    this.setWorklist(removeIntroduction(this.snapshot.worklist.items, a, b));
  }

  /**
   * Reads a worklist CSV; its introductions are added to (or, with `replace`, replace) the worklist.
   * `existing`: introductions the worklist already held, which keep their status.
   */
  importWorklistCsv(text: string, file: string, replace = false): { report: WorklistReport; existing: number } {
    const { worklist, report } = parseWorklistCsv(text, file);
    if (!report.rowsUsed) return { report, existing: 0 };
    if (replace) {
      this.setWorklist(worklist);
      return { report, existing: 0 };
    }
    const merged = addIntroductions(this.snapshot.worklist.items, worklist);
    this.setWorklist(merged.worklist);
    return { report, existing: merged.existing };
  }

  /** The date stamp the store puts on worklist changes (YYYY-MM-DD). */
  todayIso(): string {
    return this.today();
  }

  /**
   * The meeting pack's scenarios: per convener, the rows of its introductions. Computes the focal
   * organisation's position without and with each (once per state and set of scenarios).
   */
  async prepareMeetingPack(scenarios: { id: string; rows: ScenarioRow[] }[]): Promise<void> {
    const input = this.analysisInput();
    if (!input || !this.snapshot.network) return;
    const key = JSON.stringify([this.snapshot.networkVersion, input, scenarios]);
    const pack = this.snapshot.meetingPack;
    if (pack.key === key && (pack.result?.key === key || this.running.get('pack')?.key === key)) return;
    this.set({ meetingPack: { ...pack, key, error: null } });
    await this.job(
      'pack',
      key,
      (signal) => this.analysis().call('focalIf', { input, scenarios }, { signal }),
      () => this.snapshot.meetingPack.key,
      (r) => this.set({ meetingPack: { ...this.snapshot.meetingPack, result: { key, ...r }, error: null } }),
      (error) => this.set({ meetingPack: { ...this.snapshot.meetingPack, error: messageOf(error) } }),
    );
  }

  // --- lifetime ------------------------------------------------------------------------------

  dispose(): void {
    this.disposed = true;
    if (this.analysisTimer) clearTimeout(this.analysisTimer);
    for (const job of this.running.values()) job.abort.abort();
    this.running.clear();
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

/** What the analysis worker computes from, for a view state. */
function analysisInputOf(view: ViewState, sectorsVersion: string, focal: string | null): AnalysisInput {
  return {
    ...DEFAULT_ANALYSIS_OPTIONS,
    filters: view.filters,
    sectorsVersion,
    targets: view.targets,
    k: view.k,
    reach: view.reachSteps,
    resolution: view.resolution,
    focal,
  };
}

/** The message of a failed worker call. */
function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The size guard's report when a worker call failed because the network would be too large. */
function tooLargeOf(error: unknown): TooLarge | null {
  if (!(error instanceof RemoteError) || error.name !== 'ProjectionTooLargeError') return null;
  const data = error.data as Partial<TooLarge> | undefined;
  if (typeof data?.pairs !== 'number' || !Array.isArray(data.large)) return null;
  return { pairs: data.pairs, large: data.large, unlistable: data.unlistable ?? [] };
}

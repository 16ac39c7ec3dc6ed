/**
 * The analysis worker's work, as plain handlers (so tests and the command line can run it in one
 * thread). It holds the dataset's network and a StagedAnalysis, and runs the stages of the newest
 * request in time slices: between slices it hears newer requests; a stage the newer request also
 * needs goes on, one it no longer needs is dropped.
 */
import { SECTORS, type Sector } from '../data/sectors';
import { networkFromProjection, sectorCodes } from '../graph/network';
import { buildIncidence, estimateProjection, forTheWire, MAX_PROJECTED_PAIRS, projectionTooLarge, projectTies, type Projection, type ProjectionOnWire, type TieAdjacency } from '../graph/projection';
import { STAGE_DEPENDENCIES, StagedAnalysis, type AnalysisEvent, type AnalysisInput, type StageName } from '../analysis/stages';
import { HELPER_MIN_TIES, HELPER_STAGES } from '../analysis/index';
import { now } from '../analysis/util';
import { AWAITING_ELSEWHERE } from '../analysis/communities';
import { unpackDataset } from '../data/import/transport';
import { yieldToEventLoop } from '../data/import/table';
import { transfer, type CallContext, type Handlers } from './rpc';
import type { AnalysisProtocol } from './protocols';
import { createChangeHandlers } from './changeService';
import { StageHelperClient, type HelperEndpoint } from './stageHelperClient';

/** How long a slice of work runs before the worker looks at its messages again. */
const SLICE_MS = 30;

/**
 * How often a running stage reports its progress: each report re-renders the page's progress
 * display, so a report per slice would keep the main thread busy with a 35,000-organisation page.
 */
const PROGRESS_MS = 250;

/** How often a stage waiting for runs on the helper looks whether they are done. */
const AWAIT_MS = 10;

/** What a warm start computes: the first stage, which needs neither sectors nor other stages. */
const WARM_STAGES: readonly StageName[] = ['communities'];

interface Job {
  input: AnalysisInput;
  wanted: StageName[];
  context: CallContext<AnalysisEvent>;
  finish(result: { superseded: boolean }): void;
  fail(error: unknown): void;
  /** A warm start: nobody is waiting, so its results are kept but not sent (nor marked sent). */
  warm?: true;
}

export interface AnalysisServiceOptions {
  /**
   * Starts a stage helper worker (stageHelper.worker.ts). On networks of HELPER_MIN_TIES ties or
   * more it runs half the communities' first-round Louvain runs (MIN_LOUVAIN_HELPER_CORES cores or
   * more, as `load` says), and the stages that need no other stage (betweenness, structure,
   * bridges; MIN_HELPER_CORES or more) while this worker runs what follows the communities.
   */
  createHelper?: () => HelperEndpoint;
  /** Ties from which the helper is used; default HELPER_MIN_TIES. */
  helperMinTies?: number;
}

/**
 * Cores from which the helper takes stages: one for the page, one for this worker, one for the
 * helper. On two cores the helper took the page's: in bench:browser on H2020 the longest
 * main-thread task went from 264 ms to 450–555 ms and the map was drawn later.
 */
export const MIN_HELPER_CORES = 3;

/**
 * Cores from which the helper runs half the communities' first-round Louvain runs: they come
 * before the map is drawn, while the page waits for them.
 */
export const MIN_LOUVAIN_HELPER_CORES = 2;

export function createAnalysisService(options: AnalysisServiceOptions = {}): Handlers<AnalysisProtocol> & { engine(): StagedAnalysis | null } {
  let engine: StagedAnalysis | null = null;
  const helperClient = options.createHelper ? new StageHelperClient(options.createHelper) : null;
  const helperMinTies = options.helperMinTies ?? HELPER_MIN_TIES;
  /** The helper for stages, when the loaded dataset's machine has the cores for it. */
  let helper: StageHelperClient | null = null;
  /** The helper for Louvain runs, likewise. */
  let louvainHelper: StageHelperClient | null = null;
  /** Wakes a loop that waits for the helper when a newer request comes. */
  let wake = () => {};
  /** The newest sector corrections (the comparison's bridge tracker and scenarios use them). */
  let corrections = new Map<string, Sector>();
  let latest: Job | null = null;
  let running = false;
  /** The key of the result of each stage last sent: a cached result the page lacks is sent again. */
  const sent = new Map<StageName, string>();

  const loop = async () => {
    if (running) return;
    running = true;
    try {
      while (latest && engine) {
        const job = latest;
        const keys = engine.keys(job.input);
        const plan = engine.plan(job.wanted);
        for (const stage of plan) {
          const hit = engine.cached(stage, keys[stage]);
          if (hit && sent.get(stage) !== hit.key && !job.warm) {
            job.context.progress({ type: 'result', result: hit });
            sent.set(stage, hit.key);
          }
        }
        handToHelper(job);
        const e = engine;
        const missing = plan.filter((stage) => !e.cached(stage, keys[stage]));
        if (!missing.length) {
          if (latest === job) latest = null;
          job.finish({ superseded: false });
          continue;
        }
        // Here: the first stage not on the helper whose dependencies are done.
        const next =
          missing.find((stage) => !helper?.isRunning(stage, keys[stage]) && STAGE_DEPENDENCIES[stage].every((d) => e.cached(d, keys[d]))) ??
          (helper?.inFlight().length ? undefined : missing[0]);
        if (!next) {
          // Only the helper's stages, or stages that need them, are left: wait for one or for a newer request.
          await Promise.race([helper!.anyDone(missing) ?? Promise.resolve(), new Promise<void>((resolve) => (wake = resolve))]);
          continue;
        }
        try {
          await runSliced(next, job);
        } catch (error) {
          // A failing stage fails the newest request (the page shows why); older ones are done.
          const failed = latest ?? job;
          if (latest === failed) latest = null;
          failed.fail(error);
        }
      }
    } finally {
      running = false;
    }
  };

  /** Runs one stage in slices; stops early when the newest request no longer needs it. */
  const runSliced = async (stage: StageName, started: Job) => {
    const e = engine!;
    const key = e.keys(started.input)[stage];
    // The helper has nothing else to do while the communities are computed (handToHelper), so it
    // takes half of every round's runs.
    const elsewhere =
      louvainHelper && stage === 'communities' && e.csrOf(started.input).m >= helperMinTies ? { louvainElsewhere: louvainHelper.louvainElsewhere, louvainElsewhereEveryRound: true } : undefined;
    // The helper must be running before the first synchronous Louvain run holds this thread.
    if (elsewhere) {
      await louvainHelper!.ready();
      if (e !== engine) return;
    }
    const gen = e.runStage(stage, started.input, elsewhere);
    let job = started;
    let sliceStart = now();
    let reported = -Infinity;
    for (;;) {
      const step: IteratorResult<number, unknown> = gen.next();
      if (step.done) {
        const result = e.cached(stage, key)!;
        if (latest && !latest.warm) {
          latest.context.progress({ type: 'result', result });
          sent.set(stage, key);
        }
        return;
      }
      if (step.value === AWAITING_ELSEWHERE) {
        // Runs on the helper are not done yet: wait without spinning (the helper needs the core).
        await new Promise((resolve) => setTimeout(resolve, AWAIT_MS));
      } else {
        const at = now();
        if (at - reported >= PROGRESS_MS) {
          job.context.progress({ type: 'progress', stage, fraction: step.value });
          reported = at;
        }
        if (at - sliceStart < SLICE_MS) continue;
        await yieldToEventLoop();
      }
      sliceStart = now();
      if (latest !== job) {
        if (!latest || e !== engine) {
          gen.return(undefined as never);
          return;
        }
        handToHelper(latest);
        const stillWanted = e.plan(latest.wanted).includes(stage) && e.keys(latest.input)[stage] === key;
        if (!stillWanted) {
          gen.return(undefined as never);
          return;
        }
        job = latest;
      }
    }
  };

  /**
   * Hands the helper's stages of a request to it (on a large enough network), and stops what it is
   * computing for an older request that the newest no longer needs.
   */
  const handToHelper = (job: Job) => {
    const e = engine;
    if (!helper || !e || job.warm) return;
    const keys = e.keys(job.input);
    const plan = e.plan(job.wanted);
    if (helper.inFlight().some(({ stage, key }) => !plan.includes(stage) || keys[stage] !== key)) helper.stop();
    const csr = e.csrOf(job.input);
    if (csr.m < helperMinTies) return;
    // The map's overview waits for the communities: a helper running meanwhile competes with them
    // (on two cores it made them, and the map, 4–5 s later on H2020), so it starts once they are done.
    if (plan.includes('communities') && !e.cached('communities', keys.communities)) return;
    const viewId = `${keys.view}\u0000${job.input.sectorsVersion}`;
    const view = () => ({ id: viewId, csr, incidence: e.incidenceOf(job.input) });
    // In HELPER_STAGES order: betweenness first, as the suggestions wait for it.
    for (const stage of HELPER_STAGES.filter((s) => plan.includes(s))) {
      const key = keys[stage];
      if (e.cached(stage, key) || !helper.takes(stage, key)) continue;
      helper.start(stage, key, viewId, view, job.input, {
        result(data, ms) {
          if (engine !== e) return;
          const result = e.accept(stage, job.input, data, ms);
          if (latest && !latest.warm && e.keys(latest.input)[stage] === key) {
            latest.context.progress({ type: 'result', result });
            sent.set(stage, key);
          }
          wake();
        },
        progress(fraction) {
          if (latest && !latest.warm && engine === e && e.keys(latest.input)[stage] === key) latest.context.progress({ type: 'progress', stage, fraction });
        },
      });
    }
  };

  /**
   * Starts the stages that need no sectors (WARM_STAGES) for the input the page is expected to ask
   * for, after the load's reply has gone. A request that needs the same stage on the same key takes
   * the running stage over (runSliced); any other drops it.
   */
  const startWarm = (input: AnalysisInput) => {
    const loaded = engine;
    setTimeout(() => {
      if (engine !== loaded || latest) return;
      const ignore = new AbortController().signal;
      latest = { input, wanted: [...WARM_STAGES], context: { progress: () => undefined, signal: ignore }, finish: () => undefined, fail: () => undefined, warm: true };
      void loop();
    }, 0);
  };

  return {
    engine: () => engine,
    async load({ dataset: given, rules, networkVersion, warm, cores }) {
      const dataset = 'packed' in given ? await unpackDataset(given.packed) : given;
      const incidence = buildIncidence(dataset, rules);
      const { pairs, large } = estimateProjection(incidence, rules.largeActivity);
      if (pairs > MAX_PROJECTED_PAIRS) {
        throw projectionTooLarge(incidence, pairs);
      }
      const projection: Projection = { rules, incidence, ties: projectTies(incidence, rules.weight), large, pairs };
      const network = networkFromProjection(dataset, projection);
      // What the helper computes for the previous dataset is no longer wanted.
      if (helperClient?.busy()) helperClient.stop();
      helper = (cores ?? 1) >= MIN_HELPER_CORES ? helperClient : null;
      louvainHelper = (cores ?? 1) >= MIN_LOUVAIN_HELPER_CORES ? helperClient : null;
      // Started now, it loads while the page gets the projection.
      if (louvainHelper && projection.ties.m >= helperMinTies) void louvainHelper.ready();
      engine = new StagedAnalysis(network, networkVersion, sectorCodes(network), '0');
      corrections = new Map();
      sent.clear();
      latest = null;
      if (warm) startWarm(warm);
      return projectionForPage(projection, network.adjacency);
    },
    setSectors({ corrections: list, version }) {
      if (!engine) throw new Error('No dataset is loaded in the analysis worker.');
      const map = new Map<string, Sector>(list.filter(([, s]) => (SECTORS as readonly string[]).includes(s)));
      engine.setSectors(sectorCodes(engine.network, map), version);
      corrections = map;
      return null;
    },
    ...createChangeHandlers({ engine: () => engine, corrections: () => corrections }),
    analyse({ input, wanted }, context) {
      if (!engine) throw new Error('No dataset is loaded in the analysis worker.');
      const previous = latest;
      return new Promise((resolve, reject) => {
        latest = { input, wanted, context, finish: resolve, fail: reject };
        previous?.finish({ superseded: true });
        wake();
        void loop();
      });
    },
  };
}

/**
 * The projection as the page gets it: the worker keeps its own (the analysis reads it), so the
 * page gets copies of its typed arrays, moved rather than cloned. A structured clone of H2020's
 * 35 MB of ties cost the page's main thread half a second; the copies here are memcpys. The id
 * indexes stay here, and the adjacency goes along (`ProjectionOnWire`).
 */
function projectionForPage(projection: Projection, adjacency: TieAdjacency): ProjectionOnWire {
  const buffers: ArrayBuffer[] = [];
  const copied = <T extends object>(part: T): T => {
    const out = { ...part } as Record<string, unknown>;
    for (const [key, value] of Object.entries(out)) {
      if (!ArrayBuffer.isView(value) || value instanceof DataView) continue;
      const copy = (value as Uint8Array).slice();
      buffers.push(copy.buffer);
      out[key] = copy;
    }
    return out as unknown as T;
  };
  const wire = forTheWire(projection, adjacency);
  return transfer({ ...wire, incidence: copied(wire.incidence), ties: copied(wire.ties), adjacency: copied(wire.adjacency) }, buffers);
}

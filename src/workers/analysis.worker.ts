/// <reference lib="webworker" />
import { createAnalysisService } from './analysisService';
import { serve } from './rpc';
import type { AnalysisProtocol } from './protocols';

// Used when the page says the machine has cores to spare (MIN_LOUVAIN_HELPER_CORES, MIN_HELPER_CORES).
const createHelper = () => new Worker(new URL('./stageHelper.worker.ts', import.meta.url), { type: 'module' });
serve<AnalysisProtocol>(self as unknown as DedicatedWorkerGlobalScope, createAnalysisService({ createHelper }));

/// <reference lib="webworker" />
import { createAnalysisService } from './analysisService';
import { serve } from './rpc';
import type { AnalysisProtocol } from './protocols';

serve<AnalysisProtocol>(self as unknown as DedicatedWorkerGlobalScope, createAnalysisService());

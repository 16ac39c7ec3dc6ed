/// <reference lib="webworker" />
import { serve } from './rpc';
import { createStageHelperService, type StageHelperProtocol } from './stageHelperService';

serve<StageHelperProtocol>(self as unknown as DedicatedWorkerGlobalScope, createStageHelperService());

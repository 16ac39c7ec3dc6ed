/// <reference lib="webworker" />
import { importHandlers } from './importHandlers';
import { serve } from './rpc';
import type { ImportProtocol } from './protocols';

/** Reads and builds imports off the main thread (see importHandlers.ts). */
serve<ImportProtocol>(self as unknown as DedicatedWorkerGlobalScope, importHandlers());

/**
 * The module a worker thread of `generate --jobs N` starts with (see
 * generate-service.ts for what it does). It runs the service from the CLI
 * bundle, with the V8 code cache the build recorded for it, as the calling
 * thread does (src/cli/start.ts), rather than from the separate modules in
 * dist/: that saved each worker about 50 ms of CPU and of wall time before
 * its first template (docs/scaling.md).
 */
import { workerData } from 'node:worker_threads';
import { loadCli } from '../cli/start.js';
import type { WorkerSetup } from './generate-protocol.js';

await loadCli().cli.serveGenerate(workerData as WorkerSetup);

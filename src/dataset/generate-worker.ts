/**
 * A worker thread of `generate --jobs N`: rebuilds the run's plan from its
 * description, generates one contiguous range of it, and hands it over in
 * chunks of JSONL bytes as the parent asks for them. See generateInWorkers.
 */
import { workerData } from 'node:worker_threads';
import { GenerationPlan } from '../engine/generate.js';
import { ReasonforgeError } from '../errors.js';
import { loadGsmSymbolic } from '../gsm-symbolic/load.js';
import { serveTasks } from '../parallel/protocol.js';
import type { CompiledTemplate } from '../template/compiled.js';
import { loadLibrary } from '../template/load.js';
import { jsonlChunks, type JsonlChunk } from './jsonl-chunks.js';
import { RecordCounter, type Manifest } from './manifest.js';
import type { GenerateTask, GenerateReply, RunDescription } from './parallel-generate.js';

/** The run's templates, loaded as the parent loaded them and checked to be the very same versions. */
function templatesOf(run: RunDescription): CompiledTemplate[] {
  const library = run.generators === null ? loadLibrary() : loadLibrary(run.generators);
  const available = run.gsmSymbolic === null ? library.templates : loadGsmSymbolic(run.gsmSymbolic, library.pools).templates.map((t) => t.template);
  const byId = new Map(available.map((t) => [t.id, t]));
  return run.templates.map(({ id, version }: { id: string; version: number }) => {
    const template = byId.get(id);
    if (template === undefined || template.version !== version) {
      throw new ReasonforgeError('template-changed', `template "${id}" (version ${version}) changed or went away while the run was starting; run it again`);
    }
    return template;
  });
}

const run = workerData as RunDescription;
const templates = templatesOf(run);
let chunks: Iterator<JsonlChunk> | null = null;
let counter = new RecordCounter();
const encoder = new TextEncoder();

serveTasks<GenerateTask, GenerateReply>((task) => {
  if (task.kind === 'start') {
    const plan = new GenerationPlan({ seed: run.seed, sets: run.sets, split: run.split, variants: run.variants, templates, range: task.range });
    counter = new RecordCounter();
    chunks = jsonlChunks(plan, counter, task.chunkChars);
    return { result: { kind: 'started' } };
  }
  if (chunks === null) throw new Error('a generate worker was asked for records before it was started');
  const next = chunks.next();
  if (next.done === true) {
    const counts: Manifest['counts'] = counter.counts();
    return { result: { kind: 'done', counts } };
  }
  const { data, records } = next.value;
  // A fresh buffer of its own, so moving it to the parent takes nothing else along.
  const bytes = typeof data === 'string' ? encoder.encode(data) : data;
  const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  return { result: { kind: 'chunk', bytes, records }, transfer: own ? [bytes.buffer as ArrayBuffer] : [] };
});

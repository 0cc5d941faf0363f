/**
 * A worker thread of `generate --jobs N`: rebuilds the run's plan from its
 * description, generates the pieces of the templates it is given, set by
 * set, and hands them over in batches of JSONL bytes as the parent asks for
 * them. See chunksInParallel.
 */
import { workerData } from 'node:worker_threads';
import { GenerationPlan } from '../engine/generate.js';
import { ReasonforgeError } from '../errors.js';
import { loadGsmSymbolic } from '../gsm-symbolic/load.js';
import { serveTasks } from '../parallel/protocol.js';
import type { CompiledTemplate } from '../template/compiled.js';
import { loadLibrary } from '../template/load.js';
import { PieceEncoder } from './column-pieces.js';
import type { GenerateTask, GenerateReply, RunDescription } from './generate-protocol.js';

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
let pieces: PieceEncoder | null = null;
let slots: Uint8Array[] = [];

serveTasks<GenerateTask, GenerateReply>((task) => {
  if (task.kind === 'start') {
    const plan = new GenerationPlan({ seed: run.seed, sets: run.sets, split: run.split, variants: run.variants, templates, range: task.range });
    const owned = new Set(task.columns);
    pieces = new PieceEncoder(plan, (column) => owned.has(column));
    slots = Array.from({ length: task.memory.byteLength / task.slotBytes }, (_, k) => new Uint8Array(task.memory, k * task.slotBytes, task.slotBytes));
    return { result: { kind: 'started' } };
  }
  if (pieces === null) throw new Error('a generate worker was asked for records before it was started');
  const filled = pieces.fill(slots[task.slot]!);
  if (filled === null) return { result: { kind: 'done' } };
  return { result: { kind: 'batch', ...filled }, transfer: filled.bytes === undefined ? [] : [filled.bytes.buffer as ArrayBuffer] };
});

/**
 * A worker thread of `generate --jobs N`: loads the templates as soon as it
 * starts (while the writer plans), gives their outlines if asked, rebuilds
 * the run's plan from its description, generates the pieces of the
 * templates it is given, set by set, and hands them over in batches of JSONL
 * bytes as the parent asks for them. See chunksInParallel.
 */
import { workerData } from 'node:worker_threads';
import { GenerationPlan, outlineOf } from '../engine/generate.js';
import { ReasonforgeError } from '../errors.js';
import { loadGsmSymbolic } from '../gsm-symbolic/load.js';
import { serveTasks } from '../parallel/protocol.js';
import type { CompiledTemplate } from '../template/compiled.js';
import { loadLibrary } from '../template/load.js';
import { PieceEncoder } from './column-pieces.js';
import type { GenerateTask, GenerateReply, RunDescription, TemplateSource } from './generate-protocol.js';

function load(source: TemplateSource): readonly CompiledTemplate[] {
  const library = source.generators === null ? loadLibrary() : loadLibrary(source.generators);
  return source.gsmSymbolic === null ? library.templates : loadGsmSymbolic(source.gsmSymbolic, library.pools).templates.map((t) => t.template);
}

// Loaded now, not at the first task, so that loading overlaps the writer's planning; a failure is the first task's error.
const loaded = ((): { readonly templates: readonly CompiledTemplate[] } | { readonly error: unknown } => {
  try {
    return { templates: load(workerData as TemplateSource) };
  } catch (error) {
    return { error };
  }
})();

function available(): readonly CompiledTemplate[] {
  if ('error' in loaded) throw loaded.error;
  return loaded.templates;
}

/** The run's templates, checked to be the very versions the writer planned with. */
function templatesOf(run: RunDescription): CompiledTemplate[] {
  const byId = new Map(available().map((t) => [t.id, t]));
  return run.templates.map(({ id, version }: { id: string; version: number }) => {
    const template = byId.get(id);
    if (template === undefined || template.version !== version) {
      throw new ReasonforgeError('template-changed', `template "${id}" (version ${version}) changed or went away while the run was starting; run it again`);
    }
    return template;
  });
}

let pieces: PieceEncoder | null = null;
let slots: Uint8Array[] = [];

serveTasks<GenerateTask, GenerateReply>((task) => {
  if (task.kind === 'outlines') return { result: { kind: 'outlines', templates: available().map(outlineOf) } };
  if (task.kind === 'start') {
    const { run } = task;
    const plan = new GenerationPlan({
      seed: run.seed,
      sets: run.sets,
      split: run.split,
      variants: run.variants,
      templates: templatesOf(run),
      range: task.range,
    });
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

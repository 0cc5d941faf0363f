/**
 * What a worker thread of `generate --jobs N` does (started by
 * generate-worker.ts): compiles its share of the templates as soon as it
 * starts (while the writer waits for the outlines), gives their outlines if
 * asked, rebuilds the run's plan from its description (compiling any
 * template it was given from another worker's share), generates the pieces
 * of the templates it is given, set by set, and hands them over in batches
 * of JSONL bytes as the parent asks for them. See chunksInParallel.
 */
import { GenerationPlan, outlineOf } from '../engine/generate.js';
import { ReasonforgeError } from '../errors.js';
import { loadGsmSymbolic } from '../gsm-symbolic/load.js';
import { serveTasks } from '../parallel/protocol.js';
import type { CompiledTemplate } from '../template/compiled.js';
import { DEFAULT_GENERATORS_DIR, loadFailed, loadLibrary, loadTemplateFile, loadTemplates, type LoadFailure } from '../template/load.js';
import type { Pool } from '../template/pools.js';
import { PieceEncoder } from './column-pieces.js';
import type { GenerateTask, GenerateReply, RunDescription, WorkerSetup } from './generate-protocol.js';

interface Loaded {
  /** In file order. */
  readonly templates: readonly CompiledTemplate[];
  readonly failures: readonly LoadFailure[];
  /** For compiling a template of another worker's share; null for imported templates, which are all loaded. */
  readonly pools: ReadonlyMap<string, Pool> | null;
}

function load({ source, share }: WorkerSetup): Loaded {
  if (source.gsmSymbolic !== null) {
    const library = source.generators === null ? loadLibrary() : loadLibrary(source.generators);
    return { templates: loadGsmSymbolic(source.gsmSymbolic, library.pools).templates.map((t) => t.template), failures: [], pools: null };
  }
  return loadTemplates(source.generators ?? DEFAULT_GENERATORS_DIR, share);
}

/** Answers a generate pool's tasks in this worker thread. */
export function serveGenerate(setup: WorkerSetup): void {
  // Loaded now, not at the first task, so that loading overlaps the writer's start; a failure is the first task's error.
  const loaded = ((): Loaded | { readonly error: unknown } => {
    try {
      return load(setup);
    } catch (error) {
      return { error };
    }
  })();

  const available = (): Loaded => {
    if ('error' in loaded) throw loaded.error;
    return loaded;
  };

  const changed = (id: string, version: number): ReasonforgeError =>
    new ReasonforgeError('template-changed', `template "${id}" (version ${version}) changed or went away while the run was starting; run it again`);

  /** The run's templates, checked to be the very versions the writer planned with. */
  const templatesOf = (run: RunDescription): CompiledTemplate[] => {
    const { templates, failures, pools } = available();
    // As loadLibrary would have: a writer that planned from outlines has refused these already.
    if (failures.length > 0) throw loadFailed(failures);
    const byId = new Map(templates.map((t) => [t.id, t]));
    return run.templates.map(({ id, version, file }) => {
      let template = byId.get(id);
      if (template === undefined && pools !== null) {
        try {
          template = loadTemplateFile(file, pools);
        } catch (error) {
          if (!(error instanceof ReasonforgeError)) throw error;
          throw changed(id, version);
        }
      }
      if (template?.id !== id || template.version !== version) throw changed(id, version);
      return template;
    });
  };

  let pieces: PieceEncoder | null = null;
  let slots: Uint8Array[] = [];

  serveTasks<GenerateTask, GenerateReply>((task) => {
    if (task.kind === 'outlines') {
      const { templates, failures } = available();
      return { result: { kind: 'outlines', templates: templates.map(outlineOf), failures } };
    }
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
}

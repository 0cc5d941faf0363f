import { piecesOf, type GenerationPlan, type TemplateOutline } from '../engine/generate.js';
import { WorkerPool } from '../parallel/pool.js';
import type { CompiledTemplate } from '../template/compiled.js';
import { loadFailed, sortedById, type FileShare, type LoadFailure } from '../template/load.js';
import type { GenerateReply, GenerateTask, RunDescription, TemplateSource, WorkerSetup } from './generate-protocol.js';
import type { JsonlChunk } from './jsonl-chunks.js';
import type { RecordCounter } from './manifest.js';
import { WorkerPieces } from './worker-pieces.js';

/**
 * A run's work, in units of about one record: its records, and its pieces
 * (one template in one set), each of which costs a candidate search worth
 * about one record's rendering (one thread makes 14,300 base records per CPU
 * second, each with a search of its own, and 26,300 of every variant, 12.7
 * records sharing each search: both fit about 35 microseconds per unit).
 */
export function workOf(plan: AnyPlan): number {
  const records = plan.end - plan.start;
  return plan.perSet === 0 ? 0 : records + (records * plan.columns.length) / plan.perSet;
}

/**
 * The least work (in workOf's units) worth a thread of its own, for a run of
 * `variants` variants: below it a worker costs more than it saves. Every
 * worker pays what the one thread of `--jobs 1` pays once: loading its share
 * of the library and warming V8 up (its isolate's interpreted start and
 * TurboFan compiles, on its thread and on V8's helper threads), about 1 s of
 * CPU in all, and more code to warm up the more variants it renders; then
 * about a fifth more CPU per record than one thread. Set through the smallest
 * runs measured where `--jobs 2` beat `--jobs 1` on wall time for at most 1.3
 * times its CPU (2-core VM, the 121 templates; docs/scaling.md): base
 * records, --sets 400 (96,800 units: 1.48x faster, 1.0-1.3x the CPU), and
 * every variant, --sets 80 (132,800 units: 1.26x faster, 1.27x the CPU).
 * Smaller runs fell short (base --sets 200: 1.25-1.5x the CPU; every variant
 * --sets 40: no faster, 1.43x the CPU).
 */
export function minWorkPerJob(variants: number): number {
  return 46_500 + 1_500 * variants;
}

/** A plan made from compiled templates or from outlines: the writer needs only the order and the counts. */
type AnyPlan = GenerationPlan<CompiledTemplate | TemplateOutline>;

/** The worker threads of `generate --jobs N`. */
export type GenerateWorkers = WorkerPool<GenerateTask, GenerateReply>;

/**
 * A generate worker's young generation, MiB (V8's default is 32 on 64-bit):
 * nearly all it allocates dies within a record, so a smaller nursery costs no
 * measurable CPU (one thread, 92,000 every-variant records, semi-spaces of
 * 16, 8, 4 and 2 MiB: 3.60, 3.61, 3.65 and 3.59 s median of five) and saves
 * resident memory in every worker.
 */
const YOUNG_GENERATION_MB = 8;

/**
 * A generate worker's old generation, MiB. Far above what a worker keeps
 * alive (about 30 MiB with the built-in library), but V8 sizes its heap's
 * growth by this limit: under the process default (a quarter of the
 * machine's memory, 4 GiB here) each worker let its old space grow to 50-70
 * MiB of garbage before collecting; under 1 GiB it stays near 37 (--jobs 2,
 * --sets 300 every variant: peak RSS 236 -> 181 MiB; CPU within noise,
 * at most a few per cent more).
 */
const OLD_GENERATION_MB = 1024;

/**
 * Starts `count` workers; each compiles templates at once, so that loading
 * overlaps whatever this thread does next. Shared, worker k compiles every
 * `count`-th template file from the k-th, for outlinesFrom (a worker given a
 * template of another's share compiles it when the run starts); otherwise
 * each compiles them all.
 */
export function startWorkers(source: TemplateSource, count: number, options: { readonly shared?: boolean } = {}): GenerateWorkers {
  const share = (index: number): FileShare => (options.shared === true ? { index, count } : { index: 0, count: 1 });
  return new WorkerPool<GenerateTask, GenerateReply>(
    new URL('./generate-worker.js', import.meta.url),
    count,
    (index: number): WorkerSetup => ({ source, share: share(index) }),
    { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB, maxOldGenerationSizeMb: OLD_GENERATION_MB },
  );
}

/** The library as outlines, and which worker compiled each template (by id). */
export interface Outlines {
  /** Sorted by id, as loadLibrary sorts templates. */
  readonly templates: readonly TemplateOutline[];
  readonly compiledBy: ReadonlyMap<string, number>;
}

/**
 * The outlines of the templates the workers compiled (started shared, each
 * its share): what this thread plans with instead of compiling them too. A
 * bad template file, or an id used twice, is the error loadLibrary would
 * have thrown.
 */
export async function outlinesFrom(workers: GenerateWorkers): Promise<Outlines> {
  const replies = await Promise.all(Array.from({ length: workers.size }, (_, w) => workers.runOn(w, { kind: 'outlines' })));
  const compiledBy = new Map<string, number>();
  const compiled: TemplateOutline[] = [];
  const failures: LoadFailure[] = [];
  for (const [w, reply] of replies.entries()) {
    if (reply.kind !== 'outlines') throw new Error(`a generate worker answered ${reply.kind} to a request for outlines`);
    compiled.push(...reply.templates);
    failures.push(...reply.failures);
    for (const template of reply.templates) if (!compiledBy.has(template.id)) compiledBy.set(template.id, w);
  }
  const byFile = (a: { file: string }, b: { file: string }): number => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);
  if (failures.length > 0) throw loadFailed(failures.sort(byFile));
  return { templates: sortedById(compiled.sort(byFile)), compiledBy };
}

export interface ParallelOptions {
  readonly jobs: number;
  /** Workers started already (startWorkers), at least `jobs` of them; those beyond `jobs` are stopped. Closed at the end. */
  readonly workers?: GenerateWorkers;
  /** Bytes a worker hands over per request. */
  readonly slotBytes?: number;
  /** Which worker makes each template (any assignment gives the same bytes); by default assignColumns's. */
  readonly owners?: readonly number[];
}

/** How many worker threads a plan gets: as asked, but none idle for want of work or of templates (threads split the templates). */
export function jobsFor(plan: AnyPlan, jobs: number): number {
  return Math.max(1, Math.min(jobs, plan.columns.length, Math.floor(workOf(plan) / minWorkPerJob(plan.config.variants.length))));
}

/**
 * Which worker makes each template: each template, in the plan's order, to
 * the worker whose load (in records per set) is lowest, or to the worker
 * that compiled it if `compiledBy` says which and that leaves its load within
 * the largest template's records of the lowest (then no worker compiles a
 * template twice, and the loads end as even as greedily). It only moves work:
 * the bytes do not depend on it.
 */
export function assignColumns(plan: AnyPlan, workers: number, compiledBy: ReadonlyMap<string, number> = new Map()): number[] {
  const loads = Array.from({ length: workers }, () => 0);
  const largest = Math.max(0, ...plan.columns.map((column) => column.variants.length));
  return plan.columns.map((column) => {
    const compiler = compiledBy.get(column.template.id);
    const least = loads.indexOf(Math.min(...loads));
    const chosen = compiler !== undefined && compiler < workers && loads[compiler]! + column.variants.length <= loads[least]! + largest ? compiler : least;
    loads[chosen]! += column.variants.length;
    return chosen;
  });
}

const SLOT_BYTES = 1 << 20;

/**
 * The plan's JSONL in order, made by `jobs` worker threads, each owning some
 * of the templates (columns) and making every set of the run for them, in
 * order: each template's sampler reads its lanes forward from the run's first
 * set, as in one thread, so no lane is read twice. This thread only
 * assembles: it takes the pieces in record order, a set's templates in the
 * plan's order, each from its worker, and hands each on as a chunk lent
 * straight from the memory the worker wrote it into (nothing is copied or
 * allocated here; the slot is reused once the next chunk is asked for). Workers
 * run ahead by a few slots of shared memory only, so memory stays bounded
 * whatever the run's size. Counts go into `counter` in record order. An
 * error surfaces where it would in one thread: at the first failing piece,
 * once everything before it is written.
 */
export async function* chunksInParallel(plan: AnyPlan, run: RunDescription, counter: RecordCounter, options: ParallelOptions): AsyncGenerator<JsonlChunk> {
  const owners = options.owners ?? assignColumns(plan, options.jobs);
  const pool = options.workers ?? startWorkers(run, options.jobs);
  try {
    pool.keep(options.jobs);
    const sources = Array.from({ length: options.jobs }, (_, w) => new WorkerPieces(pool, w, options.slotBytes ?? SLOT_BYTES));
    sources.forEach((source, w) => {
      const columns = plan.columns.flatMap((_, c) => (owners[c] === w ? [c] : []));
      source.start(run, { start: plan.start, end: plan.end }, columns);
    });
    for (const piece of piecesOf(plan)) {
      const source = sources[owners[piece.column]!]!;
      // A piece that failed throws here: everything before it has gone out already.
      let bytes = source.take();
      while (bytes === undefined) {
        await source.arrival();
        bytes = source.take();
      }
      const { id } = plan.columns[piece.column]!.template;
      for (const variant of piece.variants) counter.add(id, variant);
      yield { data: bytes, records: piece.variants.length };
    }
  } finally {
    await pool.close();
  }
}

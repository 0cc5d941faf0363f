import { byteBatches, lineCount } from '../io/line-batches.js';
import { WorkerPool } from '../parallel/pool.js';
import { revive, type SentError } from '../parallel/protocol.js';
import { emptyDataset } from '../records/read-records.js';
import { ReasonforgeError } from '../errors.js';
import type { GroupSpec } from './aggregate.js';
import { DatasetBuilder, itemsOf, type Dataset, type ItemColumns } from './dataset.js';
import type { GroupMetrics, StatOptions } from './group.js';
import { voteColumns, type ItemEstimates, type ItemScoreOptions, type ItemScores, type SampleCounts, type VoteColumns } from './item-scores.js';
import type { SampleStore } from './sample-store.js';
import type { Judge, JudgeRecipe } from './judge.js';
import type { JudgedLines } from './judge-lines.js';

export type EstimateOptions = Pick<ItemScoreOptions, 'seed' | 'majExactLimit' | 'majSubsets'>;

export interface ScoreWorkerData {
  readonly judge: JudgeRecipe;
}

export type ScoreTask =
  | { readonly kind: 'hash'; readonly file: string }
  | { readonly kind: 'records'; readonly file: string; readonly first: number; readonly bytes: Uint8Array }
  | { readonly kind: 'items'; readonly file: string; readonly items: ItemColumns }
  | { readonly kind: 'dataset' }
  | { readonly kind: 'judge'; readonly bytes: Uint8Array; readonly filterInUse: string | null }
  | { readonly kind: 'answers'; readonly answers: readonly string[] }
  | { readonly kind: 'estimate'; readonly columns: VoteColumns; readonly ks: readonly number[]; readonly options: EstimateOptions }
  | { readonly kind: 'scores'; readonly scores: ItemScores }
  | { readonly kind: 'groups'; readonly specs: readonly GroupSpec[]; readonly options: StatOptions };

/** Refuses a job count that is not a whole number of at least 1, and several jobs with a judge that worker threads cannot rebuild. */
export function checkJobs(jobs: number, judge: Judge): void {
  if (!Number.isSafeInteger(jobs) || jobs < 1) throw new ReasonforgeError('config-invalid', `jobs must be a whole number of at least 1, got ${jobs}`);
  if (jobs > 1 && judge.recipe === undefined) {
    throw new ReasonforgeError(
      'config-invalid',
      `judging in ${jobs} worker threads needs a judge they can rebuild (Judge.recipe); this judge has none, so use one job`,
    );
  }
}

/**
 * Worker threads for every costly phase of scoring: hashing the inputs,
 * reading the dataset, judging predictions and the groups' statistics. Each
 * phase hands out pieces and takes their results back in order, with the
 * same functions a single thread runs, so metrics.json does not depend on
 * the number of workers.
 */
export class ScorePool {
  private readonly pool: WorkerPool<ScoreTask, unknown>;

  constructor(jobs: number, judge: Judge) {
    checkJobs(jobs, judge);
    const data: ScoreWorkerData = { judge: judge.recipe! };
    this.pool = new WorkerPool<ScoreTask, unknown>(new URL('./score-worker.js', import.meta.url), jobs, data);
  }

  get size(): number {
    return this.pool.size;
  }

  /** Batches a phase keeps in flight: enough to keep every worker busy, few enough to bound memory. */
  get inFlight(): number {
    return 2 * this.pool.size;
  }

  /** sha256File in a worker (null for standard input, by the same rule). */
  sha256(file: string): Promise<string | null> {
    return this.pool.run({ kind: 'hash', file }) as Promise<string | null>;
  }

  /**
   * loadDataset, with the lines parsed and schema-checked in the workers.
   * Each batch's items go on to every worker as soon as they are checked
   * here for repeated ids, so the workers hold the dataset a moment after
   * the last batch is parsed, not after a copy of all of it.
   */
  async loadDataset(file: string): Promise<Dataset> {
    const builder = new DatasetBuilder(file);
    let count = 0;
    const sharing: Promise<void>[] = [];
    const take = async (pending: Promise<unknown>) => {
      const { items, error } = (await pending) as { items: ItemColumns; error: SentError | null };
      for (const item of itemsOf(items)) builder.add(item);
      count += items.id.length;
      if (items.id.length > 0) {
        const shared = this.broadcast({ kind: 'items', file, items });
        shared.catch(() => undefined);
        sharing.push(shared);
      }
      if (error !== null) throw revive(error);
    };
    const pending: Promise<unknown>[] = [];
    let first = 1;
    for await (const bytes of byteBatches(file)) {
      const lines = lineCount(bytes);
      pending.push(this.pool.run({ kind: 'records', file, first, bytes }, [bytes.buffer]));
      first += lines;
      while (pending.length > this.inFlight) await take(pending.shift()!);
    }
    for (const next of pending) await take(next);
    if (count === 0) throw emptyDataset(file);
    await Promise.all(sharing);
    await this.broadcast({ kind: 'dataset' });
    return builder.finish();
  }

  /** Judges the lines of a batch from byteBatches, which moves to the worker (the caller must not touch it again). */
  judge(bytes: Uint8Array<ArrayBuffer>, filterInUse: string | null): Promise<JudgedLines> {
    return this.pool.run({ kind: 'judge', bytes, filterInUse }, [bytes.buffer]) as Promise<JudgedLines>;
  }

  /** estimateItems over all items, in ranges of about equal samples, put back together in item order. */
  async estimate(dataset: Dataset, store: SampleStore, counts: SampleCounts, ks: readonly number[], options: EstimateOptions): Promise<ItemEstimates> {
    // Not awaited before the pieces go: a worker takes its tasks in the order sent, so it has the answers first.
    const sharing = this.broadcast({ kind: 'answers', answers: store.answers });
    sharing.catch(() => undefined);
    const items = dataset.items.length;
    const pieces = 4 * this.pool.size;
    const perPiece = Math.max(1, store.size / pieces);
    const bounds = [0];
    let samples = 0;
    for (let i = 0; i < items; i++) {
      samples += counts.kept[i]!.length;
      if (samples >= perPiece * bounds.length && i + 1 < items) bounds.push(i + 1);
    }
    bounds.push(items);
    const parts = await Promise.all(
      bounds.slice(1).map((to, p) => {
        const columns = voteColumns(dataset, store, counts, bounds[p]!, to);
        // The columns were made for this task: moved, not copied.
        const transfer = [columns.start, columns.answer, columns.right, columns.c, columns.cCot].map((column) => column.buffer as ArrayBuffer);
        return this.pool.run({ kind: 'estimate', columns, ks, options }, transfer) as Promise<ItemEstimates>;
      }),
    );
    await sharing;
    const join = (pick: (part: ItemEstimates) => Float64Array[]) =>
      ks.map((_, q) => {
        const column = new Float64Array(items);
        parts.forEach((part, p) => column.set(pick(part)[q]!, bounds[p]!));
        return column;
      });
    return { pass: join((p) => p.pass), maj: join((p) => p.maj), cot: join((p) => p.cot), majSampled: parts.reduce((sum, p) => sum + p.majSampled, 0) };
  }

  shareScores(scores: ItemScores): Promise<void> {
    return this.broadcast({ kind: 'scores', scores });
  }

  /**
   * Every group's metrics, in the order given. The largest groups go out
   * first and each worker takes the next as it finishes one, so that one
   * big group does not leave the others waiting.
   */
  async groups(specs: readonly GroupSpec[], options: StatOptions): Promise<GroupMetrics[]> {
    const results = new Array<GroupMetrics>(specs.length);
    const order = specs.map((_, i) => i).sort((a, b) => cost(specs[b]!) - cost(specs[a]!) || a - b);
    let next = 0;
    const worker = async () => {
      while (next < order.length) {
        // A few groups per task: the round trip costs more than most groups.
        const batch: number[] = [];
        let size = 0;
        while (next < order.length && (batch.length === 0 || size < GROUP_BATCH_ITEMS)) {
          const index = order[next++]!;
          batch.push(index);
          size += cost(specs[index]!);
        }
        const computed = (await this.pool.run({ kind: 'groups', specs: batch.map((i) => specs[i]!), options })) as GroupMetrics[];
        batch.forEach((index, j) => (results[index] = computed[j]!));
      }
    };
    await Promise.all(Array.from({ length: this.inFlight }, worker));
    return results;
  }

  close(): Promise<void> {
    return this.pool.close();
  }

  private async broadcast(task: ScoreTask): Promise<void> {
    await Promise.all(Array.from({ length: this.pool.size }, (_, w) => this.pool.runOn(w, task)));
  }
}

/** Items in a groups task, about: small groups travel together. */
const GROUP_BATCH_ITEMS = 20_000;

/** A group's cost, roughly: its items, times the columns resampled. */
function cost(spec: GroupSpec): number {
  return spec.members.length * (spec.scope === 'all' ? 12 : 2);
}

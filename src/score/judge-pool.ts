import { ReasonforgeError } from '../errors.js';
import { WorkerPool } from '../parallel/pool.js';
import type { Dataset } from './dataset.js';
import type { Judge } from './judge.js';
import type { JudgedLines } from './judge-lines.js';
import type { JudgeWorkerData } from './judge-worker.js';
import type { JudgeTask } from './read-predictions.js';

/** Refuses a job count that is not a whole number of at least 1, and several jobs with a judge that worker threads cannot rebuild. */
export function checkJobs(jobs: number, judge: Judge): void {
  if (!Number.isSafeInteger(jobs) || jobs < 1) throw new ReasonforgeError('config-invalid', `jobs must be a whole number of at least 1, got ${jobs}`);
  if (jobs > 1 && judge.recipe === undefined) {
    throw new ReasonforgeError('config-invalid', `judging in ${jobs} worker threads needs a judge they can rebuild (Judge.recipe); this judge has none, so use one job`);
  }
}

/**
 * `jobs` worker threads, each with the dataset's answer key and its own copy
 * of `judge` (rebuilt from `judge.recipe`, since a function cannot cross
 * threads).
 */
export function judgeInWorkers(jobs: number, dataset: Dataset, judge: Judge): WorkerPool<JudgeTask, JudgedLines> {
  checkJobs(jobs, judge);
  if (judge.recipe === undefined) throw new Error('unreachable: checkJobs refuses a judge without a recipe');
  const data: JudgeWorkerData = { judge: judge.recipe, ids: dataset.items.map((item) => item.id), answers: dataset.items.map((item) => item.answer) };
  return new WorkerPool<JudgeTask, JudgedLines>(new URL('./judge-worker.js', import.meta.url), jobs, data);
}

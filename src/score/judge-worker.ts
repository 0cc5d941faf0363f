/**
 * A worker thread of `score --jobs N`: judges batches of prediction lines
 * with a judge rebuilt from its recipe, against the dataset's answer key
 * sent once at start. See judgeInWorkers.
 */
import { workerData } from 'node:worker_threads';
import { serveTasks } from '../parallel/protocol.js';
import { rebuildJudge, type JudgeRecipe } from './judge.js';
import { judgeLines, transferList, type JudgedLines } from './judge-lines.js';
import type { JudgeTask } from './read-predictions.js';

export interface JudgeWorkerData {
  readonly judge: JudgeRecipe;
  readonly ids: readonly string[];
  readonly answers: readonly string[];
}

const data = workerData as JudgeWorkerData;
const judge = await rebuildJudge(data.judge);
const index = new Map<string, number>();
data.ids.forEach((id, i) => index.set(id, i));
const key = { index, answers: data.answers };

serveTasks<JudgeTask, JudgedLines>(({ lines, filterInUse }) => {
  const result = judgeLines(lines, key, judge, filterInUse);
  return { result, transfer: transferList(result) };
});

/**
 * A worker thread of `score --jobs N`. It reads dataset lines, hashes input
 * files, judges prediction batches and computes groups' statistics, with the
 * same functions one thread uses, so results do not depend on where they were
 * computed. The dataset arrives batch by batch as the parent checks it, and
 * the per-item scores once, when the parent has them. See ScorePool.
 */
import { workerData } from 'node:worker_threads';
import { sha256File } from '../io/file-digest.js';
import { isReasonforgeError } from '../errors.js';
import { linesOf } from '../io/line-batches.js';
import { sendable, serveTasks } from '../parallel/protocol.js';
import { recordOfLine } from '../records/read-records.js';
import { computeGroup } from './aggregate.js';
import { DatasetBuilder, emptyColumns, itemOf, itemsOf, pushItem, type Dataset } from './dataset.js';
import type { GroupMetrics } from './group.js';
import { estimateItems, type ItemScores } from './item-scores.js';
import { rebuildJudge } from './judge.js';
import { judgeLines, transferList } from './judge-lines.js';
import type { ScoreTask, ScoreWorkerData } from './score-pool.js';
import type { ReferenceForm } from '../verify/match.js';

const judge = await rebuildJudge((workerData as ScoreWorkerData).judge);
/** The dataset while its items arrive, batch by batch in file order; then `dataset`. */
let building: DatasetBuilder | null = null;
let dataset: Dataset | null = null;
const answers: string[] = [];
/** Each item's reference form, beside its answer. */
const references: ReferenceForm[] = [];
let scores: ItemScores | null = null;
/** The run's distinct extracted answers, which the estimators' vote columns index. */
let extracted: readonly string[] = [];

serveTasks<ScoreTask, unknown>(async (task) => {
  switch (task.kind) {
    case 'hash':
      return { result: await sha256File(task.file) };
    case 'records': {
      // Items up to the first bad line, then its error: the parent checks those items for repeated ids first, as one thread would.
      const items = emptyColumns();
      const lines = linesOf(task.bytes);
      for (let i = 0; i < lines.length; i++) {
        try {
          pushItem(items, itemOf(recordOfLine(lines[i]!, task.file, task.first + i), task.first + i));
        } catch (error) {
          if (!isReasonforgeError(error)) throw error;
          return { result: { items, error: sendable(error) } };
        }
      }
      return { result: { items, error: null } };
    }
    case 'items': {
      building ??= new DatasetBuilder(task.file);
      for (const item of itemsOf(task.items)) {
        building.add(item);
        answers.push(item.answer);
        references.push(item.reference);
      }
      return { result: null };
    }
    case 'dataset':
      if (building === null) throw new Error('a score worker was asked to finish a dataset it has no items of');
      dataset = building.finish();
      return { result: null };
    case 'judge': {
      if (dataset === null) throw new Error('a score worker was asked to judge before it had the dataset');
      const result = judgeLines(linesOf(task.bytes), { index: dataset.index, answers, references }, judge, task.filterInUse);
      return { result, transfer: transferList(result) };
    }
    case 'answers':
      extracted = task.answers;
      return { result: null };
    case 'estimate': {
      const result = estimateItems(task.columns, extracted, task.ks, judge, task.options);
      return { result, transfer: [...result.pass, ...result.maj, ...result.cot].map((column) => column.buffer as ArrayBuffer) };
    }
    case 'scores':
      scores = task.scores;
      return { result: null };
    case 'groups': {
      if (dataset === null || scores === null) throw new Error('a score worker was asked for groups before it had the dataset and scores');
      const results: GroupMetrics[] = task.specs.map((spec) => computeGroup(spec, dataset!, scores!, task.options));
      return { result: results };
    }
  }
});

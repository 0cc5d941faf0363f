import { answerClasses } from './answer-classes.js';
import type { Dataset } from './dataset.js';
import type { Judge } from './judge.js';
import { majAtK, type MajSampling } from './maj-at-k.js';
import { passAtK } from './pass-at-k.js';
import { LIST_LIMIT } from './read-predictions.js';
import { Rng } from './rng.js';
import { CORRECT, NO_ANSWER, type SampleStore, STEPS_VALID } from './sample-store.js';

export interface DuplicateSample {
  readonly id: string;
  readonly file: number;
  readonly line: number;
  /** The sample's place in its line's outputs: two identical samples can share a line. */
  readonly sample: number;
  /** Where the identical sample of the same item was first read. */
  readonly first_file: number;
  readonly first_line: number;
  readonly first_sample: number;
}

/**
 * Per item: n samples, c right, c_cot right with valid steps, samples with no
 * answer, and for each k its pass@k, maj@k and CoT-pass@k (NaN where k > n).
 * Columns of typed arrays indexed like the dataset's items.
 */
export interface ItemScores {
  readonly ks: readonly number[];
  readonly n: Int32Array;
  readonly c: Int32Array;
  readonly cCot: Int32Array;
  readonly noAnswer: Int32Array;
  readonly pass: readonly Float64Array[];
  readonly maj: readonly Float64Array[];
  readonly cot: readonly Float64Array[];
  readonly duplicates: { count: number; dropped: boolean; entries: DuplicateSample[] };
  /** (item, k) pairs whose maj@k was averaged over random subsets instead of all of them. */
  readonly majSampled: number;
}

export interface ItemScoreOptions {
  /** The k values; by default every power of two up to the most samples any item has (each group reports those its items all reach). */
  readonly ks?: readonly number[];
  readonly seed: number;
  readonly dropDuplicates: boolean;
  readonly majExactLimit: number;
  readonly majSubsets: number;
}

/**
 * Every power of two up to the most samples any item has. Not up to the
 * fewest: one item a sample short would take a k away from every group,
 * variants whose items all have it included; each group leaves out only the
 * k its own items do not reach, and says which items are short.
 */
export function defaultKs(n: Int32Array): number[] {
  let most = 0;
  for (const count of n) if (count > most) most = count;
  const ks = [1];
  while (ks[ks.length - 1]! * 2 <= most) ks.push(ks[ks.length - 1]! * 2);
  return ks;
}

export function scoreItems(dataset: Dataset, store: SampleStore, judge: Judge, options: ItemScoreOptions): ItemScores {
  const counts = countSamples(dataset, store, options.dropDuplicates);
  const ks = kValues(counts, options);
  const estimates = estimateItems(voteColumns(dataset, store, counts, 0, dataset.items.length), store.answers, ks, judge, options);
  return itemScoresOf(ks, counts, estimates);
}

export function itemScoresOf(ks: readonly number[], counts: SampleCounts, estimates: ItemEstimates): ItemScores {
  const { n, c, cCot, noAnswer, duplicates } = counts;
  return { ks, n, c, cCot, noAnswer, duplicates, ...estimates };
}

/** Per item: samples kept, right, right with valid steps, without an answer; and the duplicates found. */
export interface SampleCounts {
  readonly n: Int32Array;
  readonly c: Int32Array;
  readonly cCot: Int32Array;
  readonly noAnswer: Int32Array;
  /** The samples kept for each item, in read order. */
  readonly kept: readonly Int32Array[];
  readonly duplicates: ItemScores['duplicates'];
}

export function countSamples(dataset: Dataset, store: SampleStore, dropDuplicates: boolean): SampleCounts {
  const items = dataset.items.length;
  const { start, order } = store.byItem(items);
  const n = new Int32Array(items);
  const c = new Int32Array(items);
  const cCot = new Int32Array(items);
  const noAnswer = new Int32Array(items);
  const duplicates: ItemScores['duplicates'] = { count: 0, dropped: dropDuplicates, entries: [] };
  const kept: Int32Array[] = new Array<Int32Array>(items);

  for (let i = 0; i < items; i++) {
    const from = start[i]!;
    const to = start[i + 1]!;
    const mine: number[] = [];
    const seen = to - from > 16 ? new Map<string, number>() : null;
    for (let p = from; p < to; p++) {
      const s = order[p]!;
      const first = seen === null ? findEarlier(store, order, from, p) : findSeen(store, seen, s);
      if (first >= 0) {
        duplicates.count++;
        if (duplicates.entries.length < LIST_LIMIT) {
          duplicates.entries.push({
            id: dataset.items[i]!.id,
            file: store.file[s]!,
            line: store.line[s]!,
            sample: store.sample[s]!,
            first_file: store.file[first]!,
            first_line: store.line[first]!,
            first_sample: store.sample[first]!,
          });
        }
        if (dropDuplicates) continue;
      }
      mine.push(s);
    }
    kept[i] = Int32Array.from(mine);
    n[i] = mine.length;
    for (const s of mine) {
      const flags = store.flags[s]!;
      if (flags & CORRECT) c[i]!++;
      if (flags & CORRECT && flags & STEPS_VALID) cCot[i]!++;
      if (flags & NO_ANSWER) noAnswer[i]!++;
    }
  }
  return { n, c, cCot, noAnswer, kept, duplicates };
}

/** The k values: those asked for, or powers of two up to the fewest samples; 1 always. */
export function kValues(counts: SampleCounts, options: Pick<ItemScoreOptions, 'ks'>): number[] {
  return [...new Set([1, ...(options.ks ?? defaultKs(counts.n))])].sort((a, b) => a - b);
}

/**
 * What the estimators need of items from..to-1, as columns that can cross to
 * another thread: each item's kept samples' extracted answers (indices into
 * the store's answers) and rightness, its counts and its id.
 */
export interface VoteColumns {
  readonly from: number;
  readonly ids: readonly string[];
  /** Item i's samples are start[i - from] .. start[i - from + 1] - 1 of `answer` and `right`. */
  readonly start: Int32Array;
  readonly answer: Int32Array;
  readonly right: Uint8Array;
  readonly c: Int32Array;
  readonly cCot: Int32Array;
}

export function voteColumns(dataset: Dataset, store: SampleStore, counts: SampleCounts, from: number, to: number): VoteColumns {
  const start = new Int32Array(to - from + 1);
  for (let i = from; i < to; i++) start[i - from + 1] = start[i - from]! + counts.kept[i]!.length;
  const answer = new Int32Array(start[to - from]!);
  const right = new Uint8Array(start[to - from]!);
  for (let i = from; i < to; i++) {
    const samples = counts.kept[i]!;
    const at = start[i - from]!;
    for (let j = 0; j < samples.length; j++) {
      answer[at + j] = store.answer[samples[j]!]!;
      right[at + j] = store.flags[samples[j]!]! & CORRECT;
    }
  }
  return { from, ids: dataset.items.slice(from, to).map((item) => item.id), start, answer, right, c: counts.c.slice(from, to), cCot: counts.cCot.slice(from, to) };
}

export interface ItemEstimates {
  readonly pass: Float64Array[];
  readonly maj: Float64Array[];
  readonly cot: Float64Array[];
  readonly majSampled: number;
}

/** pass@k, maj@k and CoT-pass@k of the items in `columns` (NaN where k > n), indexed from columns.from. */
export function estimateItems(columns: VoteColumns, answers: readonly string[], ks: readonly number[], judge: Pick<Judge, 'sameAnswer'>, options: Pick<ItemScoreOptions, 'seed' | 'majExactLimit' | 'majSubsets'>): ItemEstimates {
  const items = columns.ids.length;
  const pass = ks.map(() => new Float64Array(items).fill(Number.NaN));
  const maj = ks.map(() => new Float64Array(items).fill(Number.NaN));
  const cot = ks.map(() => new Float64Array(items).fill(Number.NaN));
  let majSampled = 0;
  const textOf = (answer: number) => answers[answer]!;
  const same = (a: string, b: string) => judge.sameAnswer(a, b);

  for (let i = 0; i < items; i++) {
    const from = columns.start[i]!;
    const count = columns.start[i + 1]! - from;
    if (count === 0) continue;
    const votes = answerClasses(columns.answer.subarray(from, from + count), columns.right.subarray(from, from + count), textOf, same);
    const id = columns.ids[i]!;
    for (let q = 0; q < ks.length; q++) {
      const k = ks[q]!;
      if (k > count) break;
      pass[q]![i] = passAtK(count, columns.c[i]!, k);
      cot[q]![i] = passAtK(count, columns.cCot[i]!, k);
      const sampling: MajSampling = { exactLimit: options.majExactLimit, subsets: options.majSubsets, rng: () => Rng.keyed(options.seed, 'maj', id, k) };
      const result = majAtK(votes, k, sampling);
      maj[q]![i] = result.value;
      if (!result.exact) majSampled++;
    }
  }
  return { pass, maj, cot, majSampled };
}

/** findEarlier for items with many samples, where a scan per sample would be quadratic. */
function findSeen(store: SampleStore, seen: Map<string, number>, s: number): number {
  const key = `${store.hashA[s]!}:${store.hashB[s]!}`;
  const first = seen.get(key);
  if (first !== undefined) return first;
  seen.set(key, s);
  return -1;
}

/** The first earlier sample of the same item with the same output fingerprint, or -1. */
function findEarlier(store: SampleStore, order: Int32Array, from: number, p: number): number {
  const s = order[p]!;
  const a = store.hashA[s]!;
  const b = store.hashB[s]!;
  for (let q = from; q < p; q++) {
    const t = order[q]!;
    if (store.hashA[t] === a && store.hashB[t] === b) return t;
  }
  return -1;
}

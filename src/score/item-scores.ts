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
  const items = dataset.items.length;
  const { start, order } = store.byItem(items);
  const n = new Int32Array(items);
  const c = new Int32Array(items);
  const cCot = new Int32Array(items);
  const noAnswer = new Int32Array(items);
  const duplicates: ItemScores['duplicates'] = { count: 0, dropped: options.dropDuplicates, entries: [] };
  // Samples kept per item, after duplicates are dropped (when asked to).
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
        if (options.dropDuplicates) continue;
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

  const ks = [...new Set([1, ...(options.ks ?? defaultKs(n))])].sort((a, b) => a - b);
  const pass = ks.map(() => new Float64Array(items).fill(Number.NaN));
  const maj = ks.map(() => new Float64Array(items).fill(Number.NaN));
  const cot = ks.map(() => new Float64Array(items).fill(Number.NaN));
  let majSampled = 0;
  const textOf = (answer: number) => store.answers[answer]!;
  const same = (a: string, b: string) => judge.sameAnswer(a, b);

  for (let i = 0; i < items; i++) {
    const samples = kept[i]!;
    const count = samples.length;
    if (count === 0) continue;
    const answers = new Int32Array(count);
    const right = new Uint8Array(count);
    for (let j = 0; j < count; j++) {
      answers[j] = store.answer[samples[j]!]!;
      right[j] = store.flags[samples[j]!]! & CORRECT;
    }
    const votes = answerClasses(answers, right, textOf, same);
    const id = dataset.items[i]!.id;
    for (let q = 0; q < ks.length; q++) {
      const k = ks[q]!;
      if (k > count) break;
      pass[q]![i] = passAtK(count, c[i]!, k);
      cot[q]![i] = passAtK(count, cCot[i]!, k);
      const sampling: MajSampling = { exactLimit: options.majExactLimit, subsets: options.majSubsets, rng: () => Rng.keyed(options.seed, 'maj', id, k) };
      const result = majAtK(votes, k, sampling);
      maj[q]![i] = result.value;
      if (!result.exact) majSampled++;
    }
  }
  return { ks, n, c, cCot, noAnswer, pass, maj, cot, duplicates, majSampled };
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

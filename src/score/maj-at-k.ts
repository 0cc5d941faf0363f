import { binomial, forEachSubset, randomSubset } from './combinations.js';
import { passAtK } from './pass-at-k.js';
import type { Rng } from './rng.js';

/**
 * One item's samples as votes: `votes[i]` is the answer class of sample i
 * (classes are numbered in order of first appearance), or -1 when no answer
 * could be extracted; `classCorrect[j]` says whether class j is the right
 * answer.
 */
export interface Votes {
  readonly votes: Int32Array;
  readonly classCorrect: Uint8Array;
}

export interface MajSampling {
  /** Enumerate every k-subset when there are at most this many (default 5000). */
  readonly exactLimit: number;
  /** Otherwise average over this many random k-subsets (default 1000). */
  readonly subsets: number;
  /** The item's own stream, made only when sampling is needed. */
  readonly rng: () => Rng;
}

export const DEFAULT_MAJ_EXACT_LIMIT = 5000;
export const DEFAULT_MAJ_SUBSETS = 1000;

/**
 * The winning class of the samples at `indices` (ascending sample order), or
 * -1 when none of them gave an answer. Samples without an answer abstain.
 * Ties go to the tied class that appears first among the voting samples, the
 * rule of Python's Counter.most_common, which most majority-vote scripts use:
 * deterministic, and since samples are exchangeable it favours no answer.
 */
export function majorityClass(votes: Int32Array, indices: ArrayLike<number>, counts: Int32Array): number {
  for (let i = 0; i < indices.length; i++) {
    const vote = votes[indices[i]!]!;
    if (vote >= 0) counts[vote]!++;
  }
  let best = -1;
  let bestCount = 0;
  for (let i = 0; i < indices.length; i++) {
    const vote = votes[indices[i]!]!;
    if (vote >= 0 && counts[vote]! > bestCount) {
      best = vote;
      bestCount = counts[vote]!;
    }
  }
  for (let i = 0; i < indices.length; i++) {
    const vote = votes[indices[i]!]!;
    if (vote >= 0) counts[vote] = 0;
  }
  return best;
}

/**
 * maj@k of one item: the chance that a majority vote over k of its n samples
 * picks the right answer, averaged over all k-subsets when there are few
 * enough of them (exact), else over `subsets` seeded random k-subsets. A
 * subset in which no sample gave an answer counts as wrong.
 */
export function majAtK(item: Votes, k: number, sampling: MajSampling): { value: number; exact: boolean } {
  const { votes, classCorrect } = item;
  const n = votes.length;
  if (!Number.isInteger(k) || k < 1 || k > n) throw new RangeError(`maj@k needs 1 <= k <= n, got k=${k} n=${n}`);
  const classes = classCorrect.length;
  let voting = 0;
  for (let i = 0; i < n; i++) if (votes[i]! >= 0) voting++;
  let correctClasses = 0;
  for (let j = 0; j < classes; j++) correctClasses += classCorrect[j]!;

  // Closed forms for the common cases, so large runs rarely enumerate.
  if (correctClasses === 0) return { value: 0, exact: true };
  // Every answer given is right: a subset is right when anyone in it answered.
  if (correctClasses === classes) return { value: passAtK(n, voting, k), exact: true };
  if (k === 1) {
    // One sample: right exactly when that sample's class is right.
    let right = 0;
    for (let i = 0; i < n; i++) if (votes[i]! >= 0 && classCorrect[votes[i]!] === 1) right++;
    return { value: right / n, exact: true };
  }

  const counts = new Int32Array(classes);
  const total = binomial(n, k);
  if (total <= sampling.exactLimit) {
    let right = 0;
    forEachSubset(n, k, (subset) => {
      const winner = majorityClass(votes, subset, counts);
      if (winner >= 0 && classCorrect[winner] === 1) right++;
    });
    return { value: right / total, exact: true };
  }
  const rng = sampling.rng();
  const subset = new Int32Array(k);
  const scratch = new Int32Array(n);
  const below = (m: number) => rng.below(m);
  let right = 0;
  for (let s = 0; s < sampling.subsets; s++) {
    randomSubset(n, subset, scratch, below);
    const winner = majorityClass(votes, subset, counts);
    if (winner >= 0 && classCorrect[winner] === 1) right++;
  }
  return { value: right / sampling.subsets, exact: false };
}

import * as N from '../exact/num.js';

/**
 * An extended problem asks something new: p1's answer differs from the
 * base's, and p2's from both the base's and p1's. The sampler refuses draws
 * that break this and validate checks it between records, from this one list.
 */
export const ANSWER_MUST_DIFFER_FROM = { p1: ['base'], p2: ['base', 'p1'] } as const;

/** Extension k (0 for p1) against the answers before it: the base's, then each earlier extension's. */
export function repeatsAnEarlierAnswer(answer: N.Num, earlier: readonly N.Num[]): boolean {
  return earlier.some((previous) => N.equals(previous, answer));
}

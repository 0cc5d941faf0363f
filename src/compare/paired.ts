import { bootstrapMeans } from '../score/bootstrap.js';
import { Rng } from '../score/rng.js';
import { signFlipTest } from '../score/sign-flip.js';

/** A mean over items with its percentile bootstrap interval (null without resamples). */
export interface Figure {
  readonly estimate: number;
  readonly ci_low: number | null;
  readonly ci_high: number | null;
  readonly items: number;
}

/** A paired difference over items, B minus A, with its interval and the sign-flip test's p-value. */
export interface Difference extends Figure {
  readonly p_value: number;
  readonly test: 'sign-flip-exact' | 'sign-flip-monte-carlo';
  readonly permutations: number;
}

export interface StatOptions {
  readonly resamples: number;
  readonly permutations: number;
  readonly seed: number;
  readonly confidence: number;
}

function mean(values: Float64Array): number {
  let sum = 0;
  for (const v of values) sum += v;
  return values.length === 0 ? Number.NaN : sum / values.length;
}

/** The mean of a column with score's bootstrap interval, drawn from the stream named by `key`. */
export function figure(values: Float64Array, options: StatOptions, key: readonly string[]): Figure {
  const [interval] = bootstrapMeans([values], options.resamples, Rng.keyed(options.seed, 'compare', ...key), options.confidence);
  return { estimate: mean(values), ci_low: interval?.low ?? null, ci_high: interval?.high ?? null, items: values.length };
}

/**
 * b - a item by item, then score's machinery: the percentile bootstrap over
 * items for the interval, and the paired sign-flip test (under "the models
 * are exchangeable on every item", each item's difference is as likely
 * negated). With one sample per item and pass@1 this is the exact McNemar
 * test.
 */
export function pairedDifference(a: Float64Array, b: Float64Array, options: StatOptions, key: readonly string[]): Difference {
  const differences = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) differences[i] = b[i]! - a[i]!;
  return differenceOf(differences, options, key);
}

export function differenceOf(differences: Float64Array, options: StatOptions, key: readonly string[]): Difference {
  const base = figure(differences, options, key);
  const test = signFlipTest(differences, options.permutations, Rng.keyed(options.seed, 'compare-permutation', ...key));
  return { ...base, p_value: test.p_value, test: test.method === 'exact' ? 'sign-flip-exact' : 'sign-flip-monte-carlo', permutations: test.permutations };
}

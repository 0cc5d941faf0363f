import type { Rng } from './rng.js';

/**
 * The paired significance test behind every drop_vs_base: a two-sided
 * sign-flip permutation test on per-pair differences d_i (base accuracy minus
 * variant accuracy of the pair, each the share of its samples judged right).
 *
 * Under the null hypothesis that the perturbation does not matter, base and
 * variant are exchangeable within a pair, so each d_i is as likely to be
 * -d_i. The p-value is the chance, over independent sign flips, of a total
 * at least as far from zero as the observed one.
 *
 * Why this test: it uses every sample of every item (a per-item accuracy,
 * not only the first sample's verdict), it assumes nothing about the shape
 * of the differences, and with one sample per item (d_i in {-1, 0, 1}) it IS
 * the exact McNemar test: conditional on the discordant pairs, the number of
 * positive ones is Binomial(b + c, 1/2).
 *
 * The null distribution is computed exactly whenever that is cheap: the
 * number of positive signs among the differences of one magnitude is
 * Binomial(count, 1/2), independently per magnitude, so the distribution is
 * enumerated over those counts (prod(count + 1) cases; one magnitude, as with
 * one sample per item, is the binomial tail). That covers every small group.
 * Otherwise it is estimated by Monte Carlo with `permutations` seeded flips,
 * as (1 + hits) / (1 + R), which is never 0 and is a valid p-value (Phipson
 * and Smyth, 2010).
 */
export interface SignFlipResult {
  readonly p_value: number;
  readonly method: 'exact' | 'monte-carlo';
  /** Monte Carlo permutations drawn; 0 when exact. */
  readonly permutations: number;
}

export function signFlipTest(differences: Float64Array, permutations: number, rng: Rng): SignFlipResult {
  // Group nonzero differences by magnitude: a permutation then needs only the
  // number of positive signs per magnitude, drawn as Binomial(count, 1/2).
  const byMagnitude = new Map<number, { count: number; positive: number }>();
  for (const d of differences) {
    // Differences are differences of accuracies (multiples of 1/n): anything
    // this small is a rounding residue of a zero, and 2/3 - 1/3 and 1/3, which
    // differ in the last bit, are one magnitude at twelve digits.
    if (Math.abs(d) < 1e-12) continue;
    const magnitude = Number(Math.abs(d).toPrecision(12));
    let entry = byMagnitude.get(magnitude);
    if (entry === undefined) {
      entry = { count: 0, positive: 0 };
      byMagnitude.set(magnitude, entry);
    }
    entry.count++;
    if (d > 0) entry.positive++;
  }
  if (byMagnitude.size === 0) return { p_value: 1, method: 'exact', permutations: 0 };
  const groups = [...byMagnitude.entries()].sort((a, b) => a[0] - b[0]);
  if (groups.length === 1) {
    const { count, positive } = groups[0]![1];
    return { p_value: exactBinomialTwoSided(count, positive), method: 'exact', permutations: 0 };
  }
  let cases = 1;
  for (const [, { count }] of groups) cases *= count + 1;

  // The observed statistic, computed the same way as the permuted ones so
  // that equal totals compare equal despite floating-point rounding.
  const magnitudes = groups.map(([m]) => m);
  const counts = groups.map(([, e]) => e.count);
  let observed = 0;
  for (let g = 0; g < groups.length; g++) observed += magnitudes[g]! * (2 * groups[g]![1].positive - counts[g]!);
  const threshold = Math.abs(observed) - 1e-9 * (1 + Math.abs(observed));
  if (cases <= EXACT_CASES) return { p_value: exactTail(magnitudes, counts, threshold), method: 'exact', permutations: 0 };
  let hits = 0;
  for (let r = 0; r < permutations; r++) {
    let total = 0;
    for (let g = 0; g < magnitudes.length; g++) total += magnitudes[g]! * (2 * rng.heads(counts[g]!) - counts[g]!);
    if (Math.abs(total) >= threshold) hits++;
  }
  return { p_value: (1 + hits) / (1 + permutations), method: 'monte-carlo', permutations };
}

/** Enumerate the exact null distribution up to this many cases (a Monte Carlo run costs about as much). */
export const EXACT_CASES = 200_000;

/**
 * P(|sum_g m_g (2 Y_g - n_g)| >= threshold) with independent Y_g ~
 * Binomial(n_g, 1/2), by enumerating every combination of the Y_g.
 */
function exactTail(magnitudes: readonly number[], counts: readonly number[], threshold: number): number {
  const pmfs = counts.map(binomialHalfPmf);
  let tail = 0;
  const visit = (g: number, total: number, weight: number): void => {
    if (g === magnitudes.length) {
      if (Math.abs(total) >= threshold) tail += weight;
      return;
    }
    const pmf = pmfs[g]!;
    const n = counts[g]!;
    for (let y = 0; y <= n; y++) if (pmf[y]! > 0) visit(g + 1, total + magnitudes[g]! * (2 * y - n), weight * pmf[y]!);
  };
  visit(0, 0, 1);
  return Math.min(1, Math.max(tail, Number.MIN_VALUE));
}

/** Binomial(n, 1/2) probabilities, from logarithms so that large n does not overflow. */
function binomialHalfPmf(n: number): Float64Array {
  const pmf = new Float64Array(n + 1);
  let log = n * Math.log(0.5);
  for (let y = 0; y <= n; y++) {
    if (y > 0) log += Math.log((n - y + 1) / y);
    pmf[y] = Math.exp(log);
  }
  return pmf;
}

/**
 * Two-sided exact binomial test of `successes` out of `trials` against 1/2:
 * min(1, 2 P(X <= min(s, t - s))). Summed in log space, so a p-value far
 * below 1e-300 comes out as the smallest double, not as 0 or NaN.
 */
export function exactBinomialTwoSided(trials: number, successes: number): number {
  const tail = Math.min(successes, trials - successes);
  if (2 * tail === trials) return 1;
  // log C(t, j) 2^-t for j = 0..tail, accumulated with log-sum-exp.
  const logHalf = trials * Math.log(0.5);
  let logTerm = logHalf; // j = 0
  let logSum = logTerm;
  for (let j = 1; j <= tail; j++) {
    logTerm += Math.log((trials - j + 1) / j);
    const hi = Math.max(logSum, logTerm);
    logSum = hi + Math.log(Math.exp(logSum - hi) + Math.exp(logTerm - hi));
  }
  const p = Math.exp(Math.LN2 + logSum);
  return Math.min(1, Math.max(p, Number.MIN_VALUE));
}

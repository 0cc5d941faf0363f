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
 * The null distribution is computed exactly whenever that is affordable:
 * - one magnitude (one sample per item, or any all-or-nothing pairs): the
 *   binomial tail, for any number of pairs;
 * - differences of accuracies are fractions (multiples of 1/n, or of
 *   1/(n * variants) for pooled groups), so on the integer grid of their
 *   common denominator the distribution of the flipped total is a
 *   convolution, computed exactly when it costs at most EXACT_WORK steps
 *   (every template, set and topic cell of a typical run);
 * - otherwise by Monte Carlo with `permutations` seeded flips, as
 *   (1 + hits) / (1 + R), which is never 0 and is a valid p-value (Phipson
 *   and Smyth, 2010).
 */
export interface SignFlipResult {
  readonly p_value: number;
  readonly method: 'exact' | 'monte-carlo';
  /** Monte Carlo permutations drawn; 0 when exact. */
  readonly permutations: number;
}

/** The most convolution steps (pairs times grid width) spent on an exact p-value. */
export const EXACT_WORK = 20_000_000;
/** Largest common denominator tried for the integer grid. */
const MAX_DENOMINATOR = 100_000;

export function signFlipTest(differences: Float64Array, permutations: number, rng: Rng): SignFlipResult {
  // Group nonzero differences by magnitude: a Monte Carlo permutation then
  // needs only the number of positive signs per magnitude, Binomial(count, 1/2).
  const byMagnitude = new Map<number, { count: number; positive: number }>();
  for (const d of differences) {
    // Differences are differences of accuracies: anything this small is a
    // rounding residue of a zero, and 2/3 - 1/3 and 1/3, which differ in the
    // last bit, are one magnitude at twelve digits.
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
  const magnitudes = groups.map(([m]) => m);
  const counts = groups.map(([, e]) => e.count);
  const positives = groups.map(([, e]) => e.positive);

  const grid = integerGrid(magnitudes);
  if (grid !== null) {
    const steps = grid.reduce((a, m, g) => a + m * counts[g]!, 0);
    const pairs = counts.reduce((a, b) => a + b, 0);
    if (pairs * steps <= EXACT_WORK) return { p_value: exactConvolution(grid, counts, positives), method: 'exact', permutations: 0 };
  }

  if (!(Number.isInteger(permutations) && permutations >= 1)) {
    throw new RangeError(`sign-flip test: the exact distribution is too large here, and Monte Carlo needs at least 1 permutation, got ${permutations}`);
  }
  // The observed statistic, computed the same way as the permuted ones so
  // that equal totals compare equal despite floating-point rounding.
  let observed = 0;
  for (let g = 0; g < magnitudes.length; g++) observed += magnitudes[g]! * (2 * positives[g]! - counts[g]!);
  const threshold = Math.abs(observed) - 1e-9 * (1 + Math.abs(observed));
  let hits = 0;
  for (let r = 0; r < permutations; r++) {
    let total = 0;
    for (let g = 0; g < magnitudes.length; g++) total += magnitudes[g]! * (2 * rng.heads(counts[g]!) - counts[g]!);
    if (Math.abs(total) >= threshold) hits++;
  }
  return { p_value: (1 + hits) / (1 + permutations), method: 'monte-carlo', permutations };
}

/**
 * The magnitudes as integers over their common denominator, or null when
 * some magnitude is no fraction with a denominator up to MAX_DENOMINATOR
 * (found by continued fractions, to 1e-9).
 */
export function integerGrid(magnitudes: readonly number[]): number[] | null {
  let denominator = 1;
  for (const m of magnitudes) {
    const q = fractionDenominator(m);
    if (q === null) return null;
    denominator = lcm(denominator, q);
    if (denominator > MAX_DENOMINATOR) return null;
  }
  return magnitudes.map((m) => Math.round(m * denominator));
}

function fractionDenominator(x: number): number | null {
  // Continued fraction convergents h/k of x until one is within 1e-9.
  let [h0, h1, k0, k1] = [0, 1, 1, 0];
  let rest = x;
  for (let i = 0; i < 40; i++) {
    const a = Math.floor(rest);
    [h0, h1] = [h1, a * h1 + h0];
    [k0, k1] = [k1, a * k1 + k0];
    if (k1 > MAX_DENOMINATOR) return null;
    if (Math.abs(x - h1 / k1) < 1e-9) return k1;
    const frac = rest - a;
    if (frac < 1e-12) return null;
    rest = 1 / frac;
  }
  return null;
}

function lcm(a: number, b: number): number {
  let [x, y] = [a, b];
  while (y !== 0) [x, y] = [y, x % y];
  return (a / x) * b;
}

/**
 * Exact two-sided p-value for integer magnitudes: the distribution of
 * sum_i s_i a_i over independent fair signs, built by adding one pair at a
 * time (each step: half the mass moves up by a_i, half down), then the mass
 * at least as far from zero as the observed total. Integer totals compare
 * exactly; probabilities below 1e-308 underflow, so the result is clamped to
 * the smallest positive double.
 */
function exactConvolution(grid: readonly number[], counts: readonly number[], positives: readonly number[]): number {
  let total = 0;
  let observed = 0;
  for (let g = 0; g < grid.length; g++) {
    total += grid[g]! * counts[g]!;
    observed += grid[g]! * (2 * positives[g]! - counts[g]!);
  }
  let dist = new Float64Array(2 * total + 1);
  let next = new Float64Array(2 * total + 1);
  dist[total] = 1;
  let reach = 0;
  for (let g = 0; g < grid.length; g++) {
    const a = grid[g]!;
    for (let c = 0; c < counts[g]!; c++) {
      next.fill(0, total - reach - a, total + reach + a + 1);
      for (let s = total - reach; s <= total + reach; s++) {
        const w = dist[s]!;
        if (w === 0) continue;
        next[s - a]! += w / 2;
        next[s + a]! += w / 2;
      }
      reach += a;
      [dist, next] = [next, dist];
    }
  }
  const bound = Math.abs(observed);
  let tail = 0;
  for (let s = 0; s <= total - bound; s++) tail += dist[s]!;
  for (let s = total + bound; s <= 2 * total; s++) tail += dist[s]!;
  // The two sides overlap at the observed total only when it is 0: then every total counts.
  if (bound === 0) tail = 1;
  return Math.min(1, Math.max(tail, Number.MIN_VALUE));
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

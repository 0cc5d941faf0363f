import { POISSON_MIN_UNITS, selectQuantile, type Interval } from './bootstrap.js';
import { poisson } from './poisson.js';
import type { Rng } from './rng.js';

/** A resample whose denominator sums to zero has no ratio; past this many in a row the interval is given up. */
const MAX_REDRAWS = 100;

/**
 * Percentile bootstrap interval of a ratio of means, Σ numerator / Σ
 * denominator, over units resampled jointly (each unit keeps its pair of
 * values). The same two schemes as bootstrapMeans: fewer than
 * POISSON_MIN_UNITS units resample classically (m draws with replacement);
 * larger groups weight each distinct (numerator, denominator) profile of n
 * units by one Poisson(n) draw. A resample whose denominator sums to zero is
 * drawn again, as bootstrapMeans redraws an empty Poisson resample.
 *
 * Returns null when there are no resamples or units, or when resamples with a
 * ratio cannot be found (a denominator that is almost always zero).
 */
export function bootstrapRatio(numerator: Float64Array, denominator: Float64Array, resamples: number, rng: Rng, confidence = 0.95): Interval | null {
  const units = numerator.length;
  if (resamples <= 0 || units === 0) return null;
  const indexOf = new Map<string, number>();
  const profileOf = new Int32Array(units);
  const order: { num: number; den: number; count: number }[] = [];
  for (let u = 0; u < units; u++) {
    const key = `${numerator[u]!},${denominator[u]!}`;
    let index = indexOf.get(key);
    if (index === undefined) {
      index = order.length;
      indexOf.set(key, index);
      order.push({ num: numerator[u]!, den: denominator[u]!, count: 0 });
    }
    order[index]!.count++;
    profileOf[u] = index;
  }
  const nums = Float64Array.from(order, (p) => p.num);
  const dens = Float64Array.from(order, (p) => p.den);
  const counts = Int32Array.from(order, (p) => p.count);
  const replicates = new Float64Array(resamples);
  const picks = new Int32Array(units);
  const weights = new Float64Array(order.length);
  for (let b = 0; b < resamples; b++) {
    let ratio = Number.NaN;
    for (let attempt = 0; attempt < MAX_REDRAWS && Number.isNaN(ratio); attempt++) {
      if (units >= POISSON_MIN_UNITS) {
        for (let p = 0; p < counts.length; p++) weights[p] = poisson(counts[p]!, rng);
      } else {
        weights.fill(0);
        rng.fillBelow(picks, units);
        for (let u = 0; u < units; u++) weights[profileOf[picks[u]!]!]!++;
      }
      let top = 0;
      let bottom = 0;
      for (let p = 0; p < weights.length; p++) {
        top += weights[p]! * nums[p]!;
        bottom += weights[p]! * dens[p]!;
      }
      if (bottom !== 0) ratio = top / bottom;
    }
    if (Number.isNaN(ratio)) return null;
    replicates[b] = ratio;
  }
  const alpha = (1 - confidence) / 2;
  return { low: selectQuantile(replicates, alpha), high: selectQuantile(replicates, 1 - alpha) };
}

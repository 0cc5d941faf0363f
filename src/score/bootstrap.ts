import type { Rng } from './rng.js';

export interface Interval {
  readonly low: number;
  readonly high: number;
}

/**
 * Percentile bootstrap intervals for the means of several columns measured
 * on the same units (items, or base items with their variants), all from the
 * same resamples: resampling units keeps the columns' dependence, and one
 * set of draws serves every column.
 *
 * Speed: a unit's row of values takes few distinct forms (pass@k of an item
 * with 8 samples is one of 9 numbers per k), so units are first grouped into
 * distinct rows ("profiles"). A resample then costs one draw and one counter
 * increment per unit, plus one multiply-add per profile and column, instead
 * of a multiply-add per unit and column.
 *
 * Returns one interval per column, or null for every column when there are no
 * resamples or no units.
 */
export function bootstrapMeans(
  columns: readonly Float64Array[],
  resamples: number,
  rng: Rng,
  confidence = 0.95,
): (Interval | null)[] {
  const width = columns.length;
  const units = columns[0]?.length ?? 0;
  if (resamples <= 0 || units === 0) return columns.map(() => null);

  const profileOf = new Int32Array(units);
  const rows: number[] = [];
  const index = new Map<string, number>();
  const row = new Array<number>(width);
  for (let u = 0; u < units; u++) {
    for (let c = 0; c < width; c++) row[c] = columns[c]![u]!;
    const key = row.join(',');
    let profile = index.get(key);
    if (profile === undefined) {
      profile = index.size;
      index.set(key, profile);
      rows.push(...row);
    }
    profileOf[u] = profile;
  }
  const profiles = index.size;
  const values = Float64Array.from(rows);
  const counts = new Float64Array(profiles);
  const replicates = columns.map(() => new Float64Array(resamples));

  for (let b = 0; b < resamples; b++) {
    counts.fill(0);
    for (let u = 0; u < units; u++) counts[profileOf[rng.below(units)]!]!++;
    for (let c = 0; c < width; c++) {
      let sum = 0;
      for (let p = 0; p < profiles; p++) sum += counts[p]! * values[p * width + c]!;
      replicates[c]![b] = sum / units;
    }
  }
  const alpha = (1 - confidence) / 2;
  return replicates.map((r) => {
    r.sort();
    return { low: quantile(r, alpha), high: quantile(r, 1 - alpha) };
  });
}

/** The p-quantile of sorted values, interpolating linearly between order statistics (R's type 7, NumPy's default). */
export function quantile(sorted: Float64Array, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

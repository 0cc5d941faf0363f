import { poisson } from './poisson.js';
import type { Rng } from './rng.js';

export interface Interval {
  readonly low: number;
  readonly high: number;
}

/** Groups of this many units or more resample with the Poisson bootstrap. */
export const POISSON_MIN_UNITS = 50;

/**
 * Percentile bootstrap intervals for the means of several columns measured
 * on the same units (items, or base items with their variants). Each column
 * gets its own marginal interval; columns equal on every unit share one.
 *
 * Small groups (fewer than POISSON_MIN_UNITS units) resample classically:
 * m draws with replacement per resample, shared by all columns. Units are
 * first grouped into distinct rows ("profiles"), so a resample costs a draw
 * and a counter increment per unit plus a multiply-add per profile and
 * column.
 *
 * Larger groups use the Poisson bootstrap (Hanley and MacGibbon 2006;
 * Chamandy et al. 2012): each unit is weighted by an independent Poisson(1)
 * count instead, and the weights of the n units that share a value sum to
 * one Poisson(n) draw. A resample of a column then costs one draw per
 * distinct value (pass@k of an item with 8 samples takes one of 9 values),
 * not one per unit: for a 125,000-item run with a thousand resamples in
 * thousands of groups, that is the difference between minutes and seconds.
 * The two bootstraps agree to first order, and at these sizes to within
 * their own Monte Carlo error (tested).
 *
 * Returns one interval per column, or null for every column when there are
 * no resamples or no units.
 */
export function bootstrapMeans(columns: readonly Float64Array[], resamples: number, rng: Rng, confidence = 0.95): (Interval | null)[] {
  const units = columns[0]?.length ?? 0;
  if (resamples <= 0 || units === 0) return columns.map(() => null);
  const { distinct, sourceOf } = distinctColumns(columns);
  const alpha = (1 - confidence) / 2;
  const replicates = units >= POISSON_MIN_UNITS ? poissonReplicates(distinct, resamples, rng) : classicReplicates(distinct, resamples, rng);
  const intervals = replicates.map((r) => (r === null ? null : { low: selectQuantile(r, alpha), high: selectQuantile(r, 1 - alpha) }));
  return sourceOf.map((c, i) => intervals[c] ?? { low: columns[i]![0]!, high: columns[i]![0]! });
}

/** Columns with the same value on every unit, found by direct comparison: they need one interval. */
function distinctColumns(columns: readonly Float64Array[]): { distinct: Float64Array[]; sourceOf: number[] } {
  const distinct: Float64Array[] = [];
  const sourceOf = columns.map((column) => {
    let at = distinct.findIndex((d) => d.every((v, u) => v === column[u]));
    if (at < 0) {
      at = distinct.length;
      distinct.push(column);
    }
    return at;
  });
  return { distinct, sourceOf };
}

/**
 * Per column: the replicate means, or null when the column is constant (every
 * resample is the sample, and the interval is the point; each group draws
 * from its own stream, so skipping draws changes no other group).
 */
function poissonReplicates(columns: readonly Float64Array[], resamples: number, rng: Rng): (Float64Array | null)[] {
  return columns.map((column) => {
    const sizes = new Map<number, number>();
    for (const v of column) sizes.set(v, (sizes.get(v) ?? 0) + 1);
    if (sizes.size === 1) return null;
    const values = Float64Array.from(sizes.keys());
    const counts = Int32Array.from(sizes.values());
    const replicates = new Float64Array(resamples);
    for (let b = 0; b < resamples; b++) {
      let total = 0;
      let sum = 0;
      // A resample without any unit (probability e^-m) carries no mean: draw it again.
      while (total === 0) {
        sum = 0;
        for (let k = 0; k < values.length; k++) {
          const w = poisson(counts[k]!, rng);
          total += w;
          sum += w * values[k]!;
        }
      }
      replicates[b] = sum / total;
    }
    return replicates;
  });
}

/** All columns from the same m-draws-with-replacement resamples, counted per profile. */
function classicReplicates(columns: readonly Float64Array[], resamples: number, rng: Rng): (Float64Array | null)[] {
  const width = columns.length;
  const units = columns[0]!.length;
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
  if (profiles === 1) return columns.map(() => null);
  const values = Float64Array.from(rows);
  const counts = new Float64Array(profiles);
  const replicates = columns.map(() => new Float64Array(resamples));
  const picks = new Int32Array(units);
  for (let b = 0; b < resamples; b++) {
    counts.fill(0);
    rng.fillBelow(picks, units);
    for (let u = 0; u < units; u++) counts[profileOf[picks[u]!]!]!++;
    for (let c = 0; c < width; c++) {
      let sum = 0;
      for (let p = 0; p < profiles; p++) sum += counts[p]! * values[p * width + c]!;
      replicates[c]![b] = sum / units;
    }
  }
  return replicates;
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

/**
 * The p-quantile (type 7) of unsorted values, found by selection in linear
 * expected time instead of a sort: a group's interval needs two order
 * statistics of its resamples, not all of them in order. Reorders `values`.
 */
export function selectQuantile(values: Float64Array, p: number): number {
  const n = values.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const below = select(values, lo);
  if (lo + 1 >= n || h === lo) return below;
  // After selection everything right of lo is >= values[lo]: the next order statistic is their minimum.
  let next = Infinity;
  for (let i = lo + 1; i < n; i++) if (values[i]! < next) next = values[i]!;
  return below + (h - lo) * (next - below);
}

/** Moves the k-th smallest value to index k, smaller ones left of it, larger right (Hoare quickselect, median of three). */
function select(a: Float64Array, k: number): number {
  let left = 0;
  let right = a.length - 1;
  while (right > left) {
    const mid = (left + right) >>> 1;
    // Median of three as the pivot keeps sorted and constant runs linear.
    if (a[mid]! < a[left]!) swap(a, mid, left);
    if (a[right]! < a[left]!) swap(a, right, left);
    if (a[right]! < a[mid]!) swap(a, right, mid);
    const pivot = a[mid]!;
    let i = left;
    let j = right;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else break;
  }
  return a[k]!;
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}

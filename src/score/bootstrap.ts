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
  const units = columns[0]?.length ?? 0;
  if (resamples <= 0 || units === 0) return columns.map(() => null);

  // Columns with the same values on every unit share one interval: in small
  // groups many do (pass@4 and pass@8 both 1 everywhere), and every column
  // resampled costs a multiply-add per profile and resample.
  const distinct: Float64Array[] = [];
  const columnIndex = new Map<string, number>();
  const sourceOf = columns.map((column) => {
    const key = column.join(',');
    let at = columnIndex.get(key);
    if (at === undefined) {
      at = distinct.length;
      columnIndex.set(key, at);
      distinct.push(column);
    }
    return at;
  });
  const width = distinct.length;

  const profileOf = new Int32Array(units);
  const rows: number[] = [];
  const index = new Map<string, number>();
  const row = new Array<number>(width);
  for (let u = 0; u < units; u++) {
    for (let c = 0; c < width; c++) row[c] = distinct[c]![u]!;
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
  const alpha = (1 - confidence) / 2;

  // Every unit alike: every resample is the sample, and the interval is the
  // point. (Each group has its own stream, so skipping its draws changes no other group.)
  if (profiles === 1) return columns.map((column) => ({ low: column[0]!, high: column[0]! }));

  const counts = new Float64Array(profiles);
  const replicates = new Float64Array(width * resamples);
  for (let b = 0; b < resamples; b++) {
    counts.fill(0);
    for (let u = 0; u < units; u++) counts[profileOf[rng.below(units)]!]!++;
    for (let c = 0; c < width; c++) {
      let sum = 0;
      for (let p = 0; p < profiles; p++) sum += counts[p]! * values[p * width + c]!;
      replicates[c * resamples + b] = sum / units;
    }
  }
  const intervals = distinct.map((_, c) => {
    const r = replicates.subarray(c * resamples, (c + 1) * resamples);
    return { low: selectQuantile(r, alpha), high: selectQuantile(r, 1 - alpha) };
  });
  return sourceOf.map((c) => intervals[c]!);
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

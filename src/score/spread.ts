/**
 * The spread of accuracy over instance sets, as GSM-Symbolic reports it: set
 * j holds one instance of every template, so accuracy per set is a sample
 * from the distribution a single fixed benchmark would hide. Mean, standard
 * deviation, min, max and a histogram of per-set accuracy (pass@1).
 */
export interface SetAccuracy {
  readonly set: number;
  readonly accuracy: number;
  readonly items: number;
  readonly samples: number;
}

export interface HistogramBin {
  /** [start, end): the last bin also holds a value equal to its end. */
  readonly start: number;
  readonly end: number;
  readonly count: number;
}

export interface Spread {
  readonly metric: 'pass@1';
  readonly sets: number;
  readonly mean: number;
  /** Sample standard deviation (n - 1 in the denominator); null with fewer than two sets. */
  readonly std: number | null;
  readonly min: number;
  readonly max: number;
  readonly histogram: { readonly bin_width: number; readonly bins: readonly HistogramBin[] };
  readonly per_set: readonly SetAccuracy[];
  readonly items: number;
  readonly samples: number;
}

/** Bin widths a reader takes in at a glance, as shares (0.01 is one point). */
const NICE_WIDTHS = [0.005, 0.01, 0.02, 0.025, 0.05, 0.1, 0.2, 0.25, 0.5, 1];

/**
 * `binWidth` lets several variants share one width, so that their histograms
 * can be compared panel against panel; by default the width suits these sets.
 */
export function spreadOverSets(perSet: readonly SetAccuracy[], binWidth?: number): Spread | null {
  const sets = perSet.length;
  if (sets === 0) return null;
  const values = perSet.map((s) => s.accuracy);
  const mean = values.reduce((a, b) => a + b, 0) / sets;
  const std = sets < 2 ? null : Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (sets - 1));
  const min = Math.min(...values);
  const max = Math.max(...values);
  return {
    metric: 'pass@1',
    sets,
    mean,
    std,
    min,
    max,
    histogram: histogram(values, min, max, binWidth),
    per_set: [...perSet].sort((a, b) => a.set - b.set),
    items: perSet.reduce((a, s) => a + s.items, 0),
    samples: perSet.reduce((a, s) => a + s.samples, 0),
  };
}

/**
 * The smallest nice width that covers `range` in about sqrt(sets) bins (at
 * least 5).
 */
export function binWidthFor(range: number, sets: number): number {
  const target = Math.max(5, Math.ceil(Math.sqrt(sets)));
  return NICE_WIDTHS.find((w) => range / w <= target) ?? 1;
}

/** Bins of `width` (default binWidthFor the values), aligned to multiples of it so that edges are round numbers. */
export function histogram(values: readonly number[], min: number, max: number, width = binWidthFor(max - min, values.length)): Spread['histogram'] {
  const first = Math.floor(min / width + 1e-9);
  const count = Math.max(1, Math.floor(max / width + 1e-9) - first + 1);
  const counts = new Array<number>(count).fill(0);
  for (const v of values) {
    const bin = Math.min(count - 1, Math.max(0, Math.floor(v / width + 1e-9) - first));
    counts[bin]!++;
  }
  const edge = (i: number) => Number(((first + i) * width).toFixed(10));
  return { bin_width: width, bins: counts.map((c, i) => ({ start: edge(i), end: edge(i + 1), count: c })) };
}

import { bootstrapMeans } from './bootstrap.js';
import { bootstrapRatio } from './ratio-bootstrap.js';
import { Rng } from './rng.js';

/** A figure measured on pairs, with its percentile bootstrap interval over base items (null without resamples). */
export interface PairFigure {
  readonly estimate: number;
  readonly ci_low: number | null;
  readonly ci_high: number | null;
}

/**
 * GSM-Plus's two robustness figures (Li et al., 2024), on the same clusters
 * as our paired drop (a base item with its variants in the group), so the
 * numbers compare with that paper's:
 *
 * - PDR, performance drop rate: 1 - variant accuracy / base accuracy, a
 *   relative drop (our drop is the absolute one). Undefined (null) when no
 *   paired base item is ever solved.
 * - ASP, accurately solved pairs: the share of pairs in which both the base
 *   item and the variant are solved. With several samples an item's accuracy
 *   is the chance that one sample is right, so a pair counts base accuracy
 *   times variant accuracy (with one sample each: 1 when both are right, else
 *   0, the paper's count); a cluster averages its pairs.
 *
 * Intervals resample clusters as the drop's do, each figure from its own
 * stream; PDR's resamples numerator and denominator together.
 */
export function gsmPlusFigures(
  base: Float64Array,
  variant: Float64Array,
  options: { readonly resamples: number; readonly seed: number; readonly key: readonly string[]; readonly confidence?: number },
): { pdr: PairFigure | null; asp: PairFigure } {
  const clusters = base.length;
  let baseSum = 0;
  let variantSum = 0;
  const bothRight = new Float64Array(clusters);
  for (let i = 0; i < clusters; i++) {
    baseSum += base[i]!;
    variantSum += variant[i]!;
    bothRight[i] = base[i]! * variant[i]!;
  }
  const aspEstimate = bothRight.reduce((a, b) => a + b, 0) / clusters;
  const [aspInterval] = bootstrapMeans([bothRight], options.resamples, Rng.keyed(options.seed, 'asp-bootstrap', ...options.key), options.confidence);
  const asp = { estimate: aspEstimate, ci_low: aspInterval?.low ?? null, ci_high: aspInterval?.high ?? null };
  if (baseSum === 0) return { pdr: null, asp };
  const kept = bootstrapRatio(variant, base, options.resamples, Rng.keyed(options.seed, 'pdr-bootstrap', ...options.key), options.confidence);
  // PDR falls as the kept share rises: the interval's ends swap.
  const pdr = { estimate: 1 - variantSum / baseSum, ci_low: kept === null ? null : 1 - kept.high, ci_high: kept === null ? null : 1 - kept.low };
  return { pdr, asp };
}

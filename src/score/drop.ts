import { bootstrapMeans } from './bootstrap.js';
import { gsmPlusFigures, type PairFigure } from './pair-figures.js';
import { Rng } from './rng.js';
import { signFlipTest } from './sign-flip.js';

/**
 * The paired accuracy drop of perturbed items against the base items they
 * were made from. The unit is a base item with its variants in the group (a
 * "cluster"): d = base accuracy - mean accuracy of its variants, where an
 * item's accuracy is the share of its samples judged right (pass@1). For a
 * single variant a cluster is exactly one pair; when a group pools several
 * variants (by_template, by_set, by_topic), resampling and flipping whole
 * clusters keeps the pairs that share one base item together, which treating
 * them as independent pairs would not.
 *
 * Positive means the variant is harder: "noop costs 18 points".
 */
export interface Drop {
  readonly estimate: number;
  readonly ci_low: number | null;
  readonly ci_high: number | null;
  readonly p_value: number;
  readonly n_pairs: number;
  /** Base items the pairs hang from (the resampled units). */
  readonly n_base_items: number;
  /** Mean accuracy of the paired base items and of their variants. */
  readonly base_accuracy: number;
  readonly variant_accuracy: number;
  /** Items (base and variant) and samples the drop stands on. */
  readonly items: number;
  readonly samples: number;
  readonly test: 'sign-flip-exact' | 'sign-flip-monte-carlo';
  readonly permutations: number;
  /** GSM-Plus's performance drop rate, 1 - variant accuracy / base accuracy (pair-figures.ts); null when no base item is solved. */
  readonly pdr: PairFigure | null;
  /** GSM-Plus's accurately solved pairs: the share of pairs with base and variant both solved. */
  readonly asp: PairFigure;
}

export interface DropInput {
  /** Per cluster: accuracy of the base item, mean accuracy of its variants. */
  readonly base: Float64Array;
  readonly variant: Float64Array;
  readonly pairs: number;
  readonly items: number;
  readonly samples: number;
}

export interface DropOptions {
  readonly resamples: number;
  readonly permutations: number;
  readonly seed: number;
  /** Names the group, so each group draws from its own stream. */
  readonly key: readonly string[];
  readonly confidence?: number;
  /** Whether PDR and ASP get bootstrap intervals too (default true; the drop always has one). */
  readonly pairIntervals?: boolean;
}

export function pairedDrop(input: DropInput, options: DropOptions): Drop | null {
  const clusters = input.base.length;
  if (clusters === 0) return null;
  const differences = new Float64Array(clusters);
  let baseSum = 0;
  let variantSum = 0;
  for (let i = 0; i < clusters; i++) {
    differences[i] = input.base[i]! - input.variant[i]!;
    baseSum += input.base[i]!;
    variantSum += input.variant[i]!;
  }
  const baseAccuracy = baseSum / clusters;
  const variantAccuracy = variantSum / clusters;
  const [interval] = bootstrapMeans([differences], options.resamples, Rng.keyed(options.seed, 'drop-bootstrap', ...options.key), options.confidence);
  const test = signFlipTest(differences, options.permutations, Rng.keyed(options.seed, 'drop-permutation', ...options.key));
  const { pdr, asp } = gsmPlusFigures(input.base, input.variant, {
    resamples: options.pairIntervals === false ? 0 : options.resamples,
    seed: options.seed,
    key: options.key,
    ...(options.confidence !== undefined && { confidence: options.confidence }),
  });
  return {
    estimate: baseAccuracy - variantAccuracy,
    ci_low: interval?.low ?? null,
    ci_high: interval?.high ?? null,
    p_value: test.p_value,
    n_pairs: input.pairs,
    n_base_items: clusters,
    base_accuracy: baseAccuracy,
    variant_accuracy: variantAccuracy,
    items: input.items,
    samples: input.samples,
    test: test.method === 'exact' ? 'sign-flip-exact' : 'sign-flip-monte-carlo',
    permutations: test.permutations,
    pdr,
    asp,
  };
}

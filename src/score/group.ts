import { bootstrapMeans } from './bootstrap.js';
import type { Dataset } from './dataset.js';
import { pairedDrop, type Drop } from './drop.js';
import type { ItemScores } from './item-scores.js';
import { Rng } from './rng.js';

/** One number with what it stands on: "every figure carries the number of items and samples". */
export interface Figure {
  readonly estimate: number;
  /** Percentile bootstrap interval over items; null when --bootstrap 0. */
  readonly ci_low: number | null;
  readonly ci_high: number | null;
  readonly items: number;
  readonly samples: number;
}

export interface OmittedK {
  readonly k: number;
  readonly reason: string;
  /** The items with fewer than k samples (the first SHORT_ITEMS_LISTED of them). */
  readonly short_items: readonly string[];
}

/** Short items named per omitted k; the reason gives their count. */
export const SHORT_ITEMS_LISTED = 10;

export interface GroupMetrics {
  /** Items with at least one sample: the ones every figure of the group averages over. */
  readonly items: number;
  readonly samples: number;
  /** Items of the group in the dataset that have no prediction at all (not in any figure). */
  readonly items_missing: number;
  /** Samples from which no answer could be extracted (they count as wrong). */
  readonly no_answer: number;
  readonly min_samples: number | null;
  readonly max_samples: number | null;
  readonly pass_at_k: Record<string, Figure>;
  readonly maj_at_k: Record<string, Figure>;
  readonly cot_pass_at_k: Record<string, Figure>;
  /** Requested k values left out because some item of the group has fewer than k samples. */
  readonly omitted_k: OmittedK[];
  /** Present when the group holds perturbed items; null when none of them has a scored base item. */
  drop_vs_base?: Drop | null;
  /** Perturbed items whose base item is missing or unscored, so they are in no pair. */
  unpaired_items?: number;
  by_variant?: Record<string, GroupMetrics>;
}

export interface StatOptions {
  readonly seed: number;
  readonly resamples: number;
  readonly permutations: number;
  readonly confidence: number;
}

/**
 * Which figures of a group get a bootstrap interval. 'all' for the overall
 * and per-variant groups, whose pass@k curves and bars are drawn with their
 * intervals; 'accuracy' (pass@1 only) for template, topic and set groups,
 * which are read as accuracy tables and heatmap cells: every further
 * resampled column costs a pass over every item of every group per resample,
 * and there are thousands of such groups in a large run. Drops get their
 * interval in every group; PDR and ASP (GSM-Plus's figures, beside the drop)
 * get theirs in 'all' groups only, for the same reason.
 */
export type IntervalScope = 'all' | 'accuracy';

/** Variants that are not perturbations of a base item, so have no drop. */
const UNPAIRED_VARIANTS: ReadonlySet<string> = new Set(['base', 'external']);

/**
 * The metrics of one group of items (a variant, a template, a set, ...):
 * means over its scored items of the per-item estimators, with intervals from
 * one bootstrap over those items, and the paired drop of its perturbed items.
 * `key` names the group in the random streams, so its intervals do not
 * depend on other groups.
 */
export function groupMetrics(
  members: ArrayLike<number>,
  dataset: Dataset,
  scores: ItemScores,
  options: StatOptions,
  key: readonly string[],
  scope: IntervalScope = 'all',
): GroupMetrics {
  const scored: number[] = [];
  let missing = 0;
  let samples = 0;
  let noAnswer = 0;
  let fewest = Infinity;
  let most = 0;
  for (let j = 0; j < members.length; j++) {
    const i = members[j]!;
    const n = scores.n[i]!;
    if (n === 0) {
      missing++;
      continue;
    }
    scored.push(i);
    samples += n;
    noAnswer += scores.noAnswer[i]!;
    fewest = Math.min(fewest, n);
    most = Math.max(most, n);
  }
  const group: GroupMetrics = {
    items: scored.length,
    samples,
    items_missing: missing,
    no_answer: noAnswer,
    min_samples: scored.length === 0 ? null : fewest,
    max_samples: scored.length === 0 ? null : most,
    pass_at_k: {},
    maj_at_k: {},
    cot_pass_at_k: {},
    omitted_k: [],
  };
  if (scored.length > 0) addFigures(group, scored, dataset, scores, options, key, fewest, scope);
  if (members.length > 0 && hasPerturbed(members, dataset)) addDrop(group, members, dataset, scores, options, key, scope);
  return group;
}

function addFigures(
  group: GroupMetrics,
  scored: readonly number[],
  dataset: Dataset,
  scores: ItemScores,
  options: StatOptions,
  key: readonly string[],
  fewest: number,
  scope: IntervalScope,
): void {
  const present: number[] = [];
  scores.ks.forEach((k, q) => {
    if (k <= fewest) present.push(q);
    else {
      const short = scored.filter((i) => scores.n[i]! < k);
      const listed = short.slice(0, SHORT_ITEMS_LISTED).map((i) => dataset.items[i]!.id);
      const named = `${listed.join(', ')}${short.length > listed.length ? ', …' : ''}`;
      group.omitted_k.push({
        k,
        reason: `${short.length} of ${scored.length} items have fewer than ${k} samples (fewest: ${fewest}): ${named}`,
        short_items: listed,
      });
    }
  });
  const families = [
    [group.pass_at_k, scores.pass],
    [group.maj_at_k, scores.maj],
    [group.cot_pass_at_k, scores.cot],
  ] as const;
  const columns: Float64Array[] = [];
  for (const [, values] of families) {
    for (const q of present) columns.push(Float64Array.from(scored, (i) => values[q]![i]!));
  }
  // pass@1 is the first column (k = 1 is always present: every scored item has a sample).
  const resampled = scope === 'all' ? columns : columns.slice(0, 1);
  const intervals = bootstrapMeans(resampled, options.resamples, Rng.keyed(options.seed, 'bootstrap', ...key), options.confidence);
  let column = 0;
  for (const [into] of families) {
    for (const q of present) {
      const values = columns[column]!;
      const interval = intervals[column] ?? null;
      column++;
      into[String(scores.ks[q]!)] = {
        estimate: mean(values),
        ci_low: interval?.low ?? null,
        ci_high: interval?.high ?? null,
        items: scored.length,
        samples: group.samples,
      };
    }
  }
}

function hasPerturbed(members: ArrayLike<number>, dataset: Dataset): boolean {
  for (let j = 0; j < members.length; j++) if (!UNPAIRED_VARIANTS.has(dataset.items[members[j]!]!.variant)) return true;
  return false;
}

/**
 * Pairs each scored perturbed item of the group with its scored base item
 * (through base_id; the base item need not be in the group) and computes the
 * drop over the clusters of one base item and its variants.
 */
function addDrop(
  group: GroupMetrics,
  members: ArrayLike<number>,
  dataset: Dataset,
  scores: ItemScores,
  options: StatOptions,
  key: readonly string[],
  scope: IntervalScope,
): void {
  const clusters = new Map<number, { sum: number; count: number }>();
  let unpaired = 0;
  let pairs = 0;
  let samples = 0;
  for (let j = 0; j < members.length; j++) {
    const i = members[j]!;
    const item = dataset.items[i]!;
    if (UNPAIRED_VARIANTS.has(item.variant) || scores.n[i] === 0) continue;
    const base = dataset.index.get(item.baseId);
    if (base === undefined || base === i || dataset.items[base]!.variant !== 'base' || scores.n[base] === 0) {
      unpaired++;
      continue;
    }
    let cluster = clusters.get(base);
    if (cluster === undefined) {
      cluster = { sum: 0, count: 0 };
      clusters.set(base, cluster);
      samples += scores.n[base]!;
    }
    cluster.sum += accuracy(scores, i);
    cluster.count++;
    pairs++;
    samples += scores.n[i]!;
  }
  const bases = [...clusters.keys()];
  group.unpaired_items = unpaired;
  group.drop_vs_base = pairedDrop(
    {
      base: Float64Array.from(bases, (b) => accuracy(scores, b)),
      variant: Float64Array.from(bases, (b) => clusters.get(b)!.sum / clusters.get(b)!.count),
      pairs,
      items: pairs + bases.length,
      samples,
    },
    {
      resamples: options.resamples,
      permutations: options.permutations,
      seed: options.seed,
      key,
      confidence: options.confidence,
      pairIntervals: scope === 'all',
    },
  );
}

/** An item's accuracy: the share of its samples judged right (pass@1). */
function accuracy(scores: ItemScores, i: number): number {
  return scores.c[i]! / scores.n[i]!;
}

function mean(values: Float64Array): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

import { ReasonforgeError } from '../errors.js';
import { variantOrder } from '../score/aggregate.js';
import { GENERATOR } from '../version.js';
import { coverageComparisons, type CoverageComparison } from './coverage.js';
import { CurveCache } from './curve.js';
import { dropComparisons, type DropComparison } from './drops.js';
import { curveFamily, majFamily, type FamilyComparison } from './families.js';
import type { ComparisonInput } from './inputs.js';
import type { StatOptions } from './paired.js';
import { runSpreads, type RunSpread } from './run-spread.js';

export const COMPARISON_FORMAT = 'reasonforge-comparison';
export const COMPARISON_FORMAT_VERSION = 1;

export interface CompareOptions {
  readonly bootstrap: number;
  readonly permutations: number;
  readonly seed: number;
  readonly confidence: number;
  /** The model every other is compared with (differences are other minus baseline); default the first. */
  readonly baseline?: string;
  /** k at which to report figures and differences; default the powers of two up to K, and K. */
  readonly k?: readonly number[];
}

export interface GroupComparison {
  readonly items: number;
  /** The largest k every item of the group supports in every model: pass@k is exact up to it. */
  readonly k_max: number;
  readonly pass_at_k: FamilyComparison;
  readonly cot_pass_at_k: FamilyComparison;
  /** null when some run's metrics.json has no per-item maj@k, or no k is common to all runs. */
  readonly maj_at_k: FamilyComparison | null;
}

export interface ModelSummary {
  readonly label: string;
  readonly runs: readonly { readonly file: string; readonly predictions: readonly string[]; readonly samples: number }[];
  readonly samples: number;
  readonly min_samples: number;
  readonly max_samples: number;
}

export interface Comparison {
  readonly format: typeof COMPARISON_FORMAT;
  readonly format_version: typeof COMPARISON_FORMAT_VERSION;
  readonly generator: { readonly name: string; readonly version: string };
  readonly dataset: ComparisonInput['dataset'];
  readonly models: readonly ModelSummary[];
  readonly options: {
    readonly bootstrap: number;
    readonly permutations: number;
    readonly seed: number;
    readonly confidence: number;
    readonly baseline: string;
  };
  readonly items: { readonly dataset: number; readonly compared: number; readonly left_out: number };
  readonly notes: readonly string[];
  readonly overall: GroupComparison;
  readonly by_variant: Readonly<Record<string, GroupComparison>>;
  readonly drops: readonly DropComparison[];
  readonly coverage: readonly CoverageComparison[];
  readonly run_spread: readonly RunSpread[];
}

/** Every figure of `reasonforge compare`, from the loaded runs. */
export function compareModels(input: ComparisonInput, options: CompareOptions): Comparison {
  const { models, items } = input;
  const baselineLabel = options.baseline ?? models[0]!.label;
  const baseline = models.findIndex((m) => m.label === baselineLabel);
  if (baseline < 0) throw new ReasonforgeError('usage', `--baseline ${baselineLabel} is not one of the models (${models.map((m) => m.label).join(', ')})`);
  const stats: StatOptions = { resamples: options.bootstrap, permutations: options.permutations, seed: options.seed, confidence: options.confidence };
  const notes: string[] = [];

  // Items every model has samples for: only those can be paired.
  const compared = new Uint8Array(items.length);
  const leftOutBy = models.map(() => 0);
  items.forEach((_, i) => {
    let all = true;
    models.forEach((model, m) => {
      if (model.n[i] === 0) {
        leftOutBy[m]!++;
        all = false;
      }
    });
    compared[i] = all ? 1 : 0;
  });
  const allMembers = Int32Array.from(items.flatMap((_, i) => (compared[i] ? [i] : [])));
  if (allMembers.length === 0) throw new ReasonforgeError('compare-empty', 'no dataset item has samples in every model; nothing can be compared');
  const leftOut = items.length - allMembers.length;
  if (leftOut > 0) {
    const who = models.flatMap((model, m) => (leftOutBy[m]! > 0 ? [`${leftOutBy[m]} without samples in ${model.label}`] : []));
    notes.push(`${leftOut.toLocaleString('en-US')} of ${items.length.toLocaleString('en-US')} dataset items are left out of every figure (${who.join(', ')}).`);
  }

  const kMaxOf = (members: Int32Array) => {
    let kMax = Infinity;
    for (const i of members) for (const model of models) kMax = Math.min(kMax, model.n[i]!);
    return kMax;
  };
  const overallK = kMaxOf(allMembers);
  const cache = new CurveCache(Math.max(overallK, ...Object.values(groupsOf(items, allMembers)).map(kMaxOf)));
  const sampleCounts = models.map((model) => {
    let fewest = Infinity;
    let most = 0;
    let total = 0;
    for (const i of allMembers) {
      fewest = Math.min(fewest, model.n[i]!);
      most = Math.max(most, model.n[i]!);
      total += model.n[i]!;
    }
    return { fewest, most, total };
  });
  if (new Set(sampleCounts.map((s) => s.fewest)).size > 1) {
    notes.push(
      `The models have different numbers of samples (${models.map((m, j) => `${m.label}: at least ${sampleCounts[j]!.fewest}`).join(', ')}); every curve is compared up to k = ${overallK}, the fewest of any item in any model.`,
    );
  }

  const majKs = models.map((m) => m.majKs).reduce((common, ks) => common.filter((k) => ks.includes(k)));
  const group = (members: Int32Array, key: string[]): GroupComparison => {
    const kMax = kMaxOf(members);
    const ks = reportKs(options.k, kMax);
    const family = { models, members, baseline, stats, key };
    const majOk = majKs.filter(
      (k) => k <= kMax && models.every((model) => Array.from(members).every((i) => !Number.isNaN(model.maj[model.majKs.indexOf(k)]![i]!))),
    );
    return {
      items: members.length,
      k_max: kMax,
      pass_at_k: curveFamily('pass@k', { ...family, ks }, kMax, cache),
      cot_pass_at_k: curveFamily('CoT-pass@k', { ...family, ks }, kMax, cache),
      maj_at_k: majOk.length === 0 ? null : majFamily({ ...family, ks: majOk }),
    };
  };
  if (majKs.length === 0)
    notes.push('maj@k is not compared: some metrics.json has no per-item maj@k (it was written by an older reasonforge score), or the runs share no k.');
  if (items.some((item) => item.baseId === null))
    notes.push('Drops are not compared: some metrics.json has no base ids (it was written by an older reasonforge score); score it again.');

  const overall = group(allMembers, ['overall']);
  const beyond = (options.k ?? []).filter((k) => k > overallK);
  if (beyond.length > 0)
    notes.push(
      `k = ${beyond.join(', ')} ${beyond.length === 1 ? 'is' : 'are'} left out: the fewest samples of any compared item in any model is ${overallK}, and pass@k needs k samples.`,
    );
  const by_variant: Record<string, GroupComparison> = {};
  const groups = groupsOf(items, allMembers);
  for (const variant of variantOrder(Object.keys(groups))) by_variant[variant] = group(groups[variant]!, ['by_variant', variant]);

  const single = models.filter((m) => m.runs.length === 1).map((m) => m.label);
  if (single.length > 0) {
    notes.push(
      `${single.join(', ')} ${single.length === 1 ? 'is one run' : 'are one run each'}, so the run-to-run spread is not known for ${single.length === 1 ? 'it' : 'them'}: give several runs with different --seed as LABEL=run1.json,run2.json.`,
    );
  }
  return {
    format: COMPARISON_FORMAT,
    format_version: COMPARISON_FORMAT_VERSION,
    generator: { name: GENERATOR.name, version: GENERATOR.version },
    dataset: input.dataset,
    models: models.map((model, m) => ({
      label: model.label,
      runs: model.runs.map((run) => ({
        file: run.file,
        predictions: run.metrics.inputs.predictions.map((p) => p.file),
        samples: run.metrics.coverage.samples,
      })),
      samples: sampleCounts[m]!.total,
      min_samples: sampleCounts[m]!.fewest,
      max_samples: sampleCounts[m]!.most,
    })),
    options: { bootstrap: options.bootstrap, permutations: options.permutations, seed: options.seed, confidence: options.confidence, baseline: baselineLabel },
    items: { dataset: items.length, compared: allMembers.length, left_out: leftOut },
    notes,
    overall,
    by_variant,
    drops: items.some((item) => item.baseId === null) ? [] : dropComparisons(items, compared, models, baseline, stats),
    coverage: coverageComparisons(allMembers, models, baseline, overallK, cache, stats),
    run_spread: runSpreads(
      models.filter((m) => m.runs.length > 1),
      allMembers,
      overall.pass_at_k.ks,
    ),
  };
}

function groupsOf(items: ComparisonInput['items'], members: Int32Array): Record<string, Int32Array> {
  const lists = new Map<string, number[]>();
  for (const i of members) {
    const list = lists.get(items[i]!.variant) ?? [];
    list.push(i);
    lists.set(items[i]!.variant, list);
  }
  return Object.fromEntries([...lists].map(([variant, list]) => [variant, Int32Array.from(list)]));
}

/** The k to report: those asked for that the group supports, else 1, 2, 4, ... up to K, and K. */
export function reportKs(asked: readonly number[] | undefined, kMax: number): number[] {
  if (asked !== undefined) {
    const kept = asked.filter((k) => k <= kMax);
    return kept.length > 0 ? [...new Set(kept)].sort((a, b) => a - b) : [1];
  }
  const ks: number[] = [];
  for (let k = 1; k < kMax; k *= 2) ks.push(k);
  ks.push(kMax);
  return ks;
}

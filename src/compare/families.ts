import type { CurveCache } from './curve.js';
import { crossover, type Crossover } from './crossover.js';
import type { ComparedModel } from './inputs.js';
import { figure, pairedDifference, type Difference, type Figure, type StatOptions } from './paired.js';
import { profilesOf } from './resample.js';
import { Rng } from '../score/rng.js';

/** One metric's curves for every model, and for each model against the baseline the differences and the crossover. */
export interface FamilyComparison {
  readonly metric: 'pass@k' | 'CoT-pass@k' | 'maj@k';
  readonly ks: readonly number[];
  /** label -> k -> figure. */
  readonly curves: Readonly<Record<string, Readonly<Record<string, Figure>>>>;
  readonly pairs: readonly PairComparison[];
}

export interface PairComparison {
  readonly a: string;
  readonly b: string;
  /** k -> b minus a. */
  readonly differences: Readonly<Record<string, Difference>>;
  readonly crossover: Crossover;
}

export interface FamilyInput {
  readonly models: readonly ComparedModel[];
  /** Dataset indices of the group's items. */
  readonly members: Int32Array;
  readonly baseline: number;
  readonly ks: readonly number[];
  readonly stats: StatOptions;
  readonly key: readonly string[];
}

/**
 * pass@k or CoT-pass@k: exact at every k up to K (the group's fewest
 * samples), from per-(n, c) curves. Figures and differences at `ks`; the
 * crossover over every k.
 */
export function curveFamily(metric: 'pass@k' | 'CoT-pass@k', input: FamilyInput, kMax: number, cache: CurveCache): FamilyComparison {
  const right = (model: ComparedModel) => (metric === 'pass@k' ? model.c : model.cCot);
  const curvesOf = input.models.map((model) => Array.from(input.members, (i) => cache.curve(model.n[i]!, right(model)[i]!)));
  const columnAt = (m: number, k: number) => Float64Array.from(curvesOf[m]!, (curve) => curve[k]!);
  const positions = Array.from({ length: kMax }, (_, i) => i + 1);
  return assemble(metric, input, columnAt, (a, b) => {
    const { profileOfItem, representative } = profilesOf(input.members.length, (j) => {
      const i = input.members[j]!;
      return `${input.models[a]!.n[i]},${right(input.models[a]!)[i]},${input.models[b]!.n[i]},${right(input.models[b]!)[i]}`;
    });
    return {
      a: Array.from(representative, (j) => curvesOf[a]![j]!),
      b: Array.from(representative, (j) => curvesOf[b]![j]!),
      profileOfItem,
      positions,
      kOf: (position: number) => position,
      searched: 'every-k' as const,
    };
  });
}

/** maj@k: known per item only at the k that scoring computed, so the crossover is searched on those. */
export function majFamily(input: FamilyInput): FamilyComparison {
  const columns = input.models.map((model) =>
    input.ks.map((k) => {
      const q = model.majKs.indexOf(k);
      return Float64Array.from(input.members, (i) => model.maj[q]![i]!);
    }),
  );
  const columnAt = (m: number, k: number) => columns[m]![input.ks.indexOf(k)]!;
  return assemble('maj@k', input, columnAt, (a, b) => {
    const rowOf = (m: number, j: number) => Float64Array.from(columns[m]!, (column) => column[j]!);
    const { profileOfItem, representative } = profilesOf(input.members.length, (j) => `${rowOf(a, j).join(',')};${rowOf(b, j).join(',')}`);
    return {
      a: Array.from(representative, (j) => rowOf(a, j)),
      b: Array.from(representative, (j) => rowOf(b, j)),
      profileOfItem,
      positions: input.ks.map((_, position) => position),
      kOf: (position: number) => input.ks[position]!,
      searched: 'grid' as const,
    };
  });
}

function assemble(
  metric: FamilyComparison['metric'],
  input: FamilyInput,
  columnAt: (model: number, k: number) => Float64Array,
  crossoverInput: (a: number, b: number) => Parameters<typeof crossover>[0],
): FamilyComparison {
  const { models, ks, stats, key } = input;
  const curves: Record<string, Record<string, Figure>> = {};
  models.forEach((model, m) => {
    curves[model.label] = Object.fromEntries(ks.map((k) => [String(k), figure(columnAt(m, k), stats, [...key, metric, model.label, String(k)])]));
  });
  const pairs: PairComparison[] = [];
  models.forEach((model, m) => {
    if (m === input.baseline) return;
    const a = models[input.baseline]!;
    const pairKey = [...key, metric, a.label, model.label];
    pairs.push({
      a: a.label,
      b: model.label,
      differences: Object.fromEntries(
        ks.map((k) => [String(k), pairedDifference(columnAt(input.baseline, k), columnAt(m, k), stats, [...pairKey, String(k)])]),
      ),
      crossover: crossover(crossoverInput(input.baseline, m), {
        resamples: stats.resamples,
        confidence: stats.confidence,
        rng: () => Rng.keyed(stats.seed, 'compare-crossover', ...pairKey),
      }),
    });
  });
  return { metric, ks, curves, pairs };
}

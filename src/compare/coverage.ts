import type { CurveCache } from './curve.js';
import type { ComparedModel } from './inputs.js';
import { differenceOf, figure, type StatOptions } from './paired.js';

/**
 * The coverage argument: items that only one model solves within k samples.
 * An item is solved within k samples with chance pass@k, so the expected
 * number of items only A solves is the sum over items of
 * pass_A@k (1 - pass_B@k); with k equal to both models' samples this counts
 * the items one model solved at least once and the other never. Counts are
 * shares of the compared items times their number, with the shares'
 * bootstrap intervals; the p-value is the sign-flip test of "only B" minus
 * "only A" per item (the exact McNemar test when both are 0 or 1).
 */
export interface CountFigure {
  readonly estimate: number;
  readonly ci_low: number | null;
  readonly ci_high: number | null;
}

export interface CoverageComparison {
  readonly a: string;
  readonly b: string;
  readonly k: number;
  readonly items: number;
  readonly only_a: CountFigure;
  readonly only_b: CountFigure;
  readonly both: CountFigure;
  readonly neither: CountFigure;
  /** Only B minus only A. */
  readonly p_value: number;
}

export function coverageComparisons(
  members: Int32Array,
  models: readonly ComparedModel[],
  baseline: number,
  k: number,
  cache: CurveCache,
  stats: StatOptions,
): CoverageComparison[] {
  const solved = (model: ComparedModel) => Float64Array.from(members, (i) => cache.curve(model.n[i]!, model.c[i]!)[k]!);
  const a = solved(models[baseline]!);
  const count = (values: Float64Array, key: string[]): CountFigure => {
    const f = figure(values, stats, key);
    const scale = (share: number | null) => (share === null ? null : share * values.length);
    return { estimate: f.estimate * values.length, ci_low: scale(f.ci_low), ci_high: scale(f.ci_high) };
  };
  return models.flatMap((model, m) => {
    if (m === baseline) return [];
    const b = solved(model);
    const key = ['coverage', models[baseline]!.label, model.label];
    const onlyA = Float64Array.from(a, (pa, j) => pa * (1 - b[j]!));
    const onlyB = Float64Array.from(a, (pa, j) => (1 - pa) * b[j]!);
    return [
      {
        a: models[baseline]!.label,
        b: model.label,
        k,
        items: members.length,
        only_a: count(onlyA, [...key, 'only-a']),
        only_b: count(onlyB, [...key, 'only-b']),
        both: count(
          Float64Array.from(a, (pa, j) => pa * b[j]!),
          [...key, 'both'],
        ),
        neither: count(
          Float64Array.from(a, (pa, j) => (1 - pa) * (1 - b[j]!)),
          [...key, 'neither'],
        ),
        p_value: differenceOf(
          Float64Array.from(onlyB, (ob, j) => ob - onlyA[j]!),
          stats,
          [...key, 'test'],
        ).p_value,
      },
    ];
  });
}

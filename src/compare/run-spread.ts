import { CurveCache } from './curve.js';
import type { ComparedModel } from './inputs.js';

/**
 * Run-to-run spread of a model given as several runs (different sampling
 * seeds): each run's pass@k over the compared items, and their mean,
 * sample standard deviation, min and max, to set beside the difference
 * between models. A difference that the spread of one model's runs could
 * produce is not a difference between models.
 */
export interface RunSpread {
  readonly label: string;
  readonly runs: number;
  /** k -> the runs' pass@k. */
  readonly by_k: Readonly<
    Record<string, { readonly per_run: readonly number[]; readonly mean: number; readonly sd: number | null; readonly min: number; readonly max: number }>
  >;
}

export function runSpreads(models: readonly ComparedModel[], members: Int32Array, ks: readonly number[]): RunSpread[] {
  const cache = new CurveCache(Math.max(0, ...ks));
  return models.map((model) => {
    const by_k: Record<string, RunSpread['by_k'][string]> = {};
    for (const k of ks) {
      const perRun = model.runs.map((run) => {
        let sum = 0;
        for (const i of members) {
          const row = run.metrics.items[i]!;
          if (row.n < k) return null;
          sum += cache.curve(row.n, row.c)[k]!;
        }
        return sum / members.length;
      });
      if (perRun.some((v) => v === null) || perRun.length === 0) continue;
      const values = perRun as number[];
      const mean = values.reduce((a, v) => a + v, 0) / values.length;
      const sd = values.length < 2 ? null : Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (values.length - 1));
      by_k[String(k)] = { per_run: values, mean, sd, min: Math.min(...values), max: Math.max(...values) };
    }
    return { label: model.label, runs: model.runs.length, by_k };
  });
}

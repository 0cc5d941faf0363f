import type { ComparedItem, ComparedModel } from './inputs.js';
import { differenceOf, type Difference, type StatOptions } from './paired.js';

/**
 * Per perturbation: each model's drop (base accuracy minus variant accuracy,
 * over pairs of a variant item and its base item, both compared), and for
 * each model against the baseline the difference of their drops, paired by
 * item: "noop costs A 24 points and B 9".
 */
export interface DropComparison {
  readonly variant: string;
  readonly pairs: number;
  /** label -> the model's drop (positive: the variant is harder), with its test against no drop. */
  readonly models: Readonly<Record<string, Difference>>;
  /** b's drop minus a's, per model against the baseline. */
  readonly differences: readonly (Difference & { readonly a: string; readonly b: string })[];
}

const UNPAIRED = new Set(['base', 'external']);

export function dropComparisons(
  items: readonly ComparedItem[],
  compared: Uint8Array,
  models: readonly ComparedModel[],
  baseline: number,
  stats: StatOptions,
): DropComparison[] {
  const index = new Map(items.map((item, i) => [item.id, i]));
  const pairsByVariant = new Map<string, [number, number][]>();
  items.forEach((item, i) => {
    if (UNPAIRED.has(item.variant) || compared[i] === 0 || item.baseId === null) return;
    const base = index.get(item.baseId);
    if (base === undefined || compared[base] === 0 || items[base]!.variant !== 'base') return;
    const list = pairsByVariant.get(item.variant) ?? [];
    list.push([base, i]);
    pairsByVariant.set(item.variant, list);
  });
  const accuracy = (model: ComparedModel, i: number) => model.c[i]! / model.n[i]!;
  const drops: DropComparison[] = [];
  for (const [variant, pairs] of pairsByVariant) {
    const columns = models.map((model) => Float64Array.from(pairs, ([base, item]) => accuracy(model, base) - accuracy(model, item)));
    const perModel: Record<string, Difference> = {};
    models.forEach((model, m) => {
      perModel[model.label] = differenceOf(columns[m]!, stats, ['drop', variant, model.label]);
    });
    const differences = models.flatMap((model, m) => {
      if (m === baseline) return [];
      const a = columns[baseline]!;
      const b = columns[m]!;
      const d = Float64Array.from(a, (value, j) => b[j]! - value);
      return [{ a: models[baseline]!.label, b: model.label, ...differenceOf(d, stats, ['drop-difference', variant, models[baseline]!.label, model.label]) }];
    });
    drops.push({ variant, pairs: pairs.length, models: perModel, differences });
  }
  return drops;
}

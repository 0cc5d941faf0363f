import type { Drop } from '../score/drop.js';
import type { Metrics } from '../score/metrics.js';
import { count, percent, points, pValue } from './format.js';

/**
 * One sentence per perturbation, the line a paper or a pull request quotes:
 * "noop costs 18.0 points (95% CI 14.0 to 22.0, p < 0.001; 1,000 pairs)."
 */
export function dropSentence(variant: string, drop: Drop, confidence: number): string {
  const verb = drop.estimate > 0 ? 'costs' : drop.estimate < 0 ? 'gains' : 'changes accuracy by';
  // A gain is a negative drop; its interval is the drop's interval, negated and swapped.
  const sign = drop.estimate < 0 ? -1 : 1;
  const [low, high] = sign === 1 ? [drop.ci_low, drop.ci_high] : [drop.ci_high === null ? null : -drop.ci_high, drop.ci_low === null ? null : -drop.ci_low];
  const level = `${Math.round(confidence * 100)}% CI`;
  const ci = low === null || high === null ? '' : `${level} ${points(low)} to ${points(high)}, `;
  return `${variant} ${verb} ${points(sign * drop.estimate)} points (${ci}${pValue(drop.p_value)}; ${count(drop.n_pairs)} pairs, base ${percent(drop.base_accuracy)} → ${percent(drop.variant_accuracy)}).`;
}

export function headlines(metrics: Metrics): string[] {
  const lines: string[] = [];
  for (const [variant, group] of Object.entries(metrics.by_variant)) {
    if (group.drop_vs_base) lines.push(dropSentence(variant, group.drop_vs_base, metrics.options.confidence));
    else if (group.drop_vs_base === null) lines.push(`${variant}: no drop, since none of its items has a scored base item.`);
  }
  return lines;
}

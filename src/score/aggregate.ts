import { VARIANT_IDS } from '../records/problem.js';
import type { Dataset } from './dataset.js';
import { groupMetrics, type GroupMetrics, type IntervalScope, type StatOptions } from './group.js';
import type { ItemScores } from './item-scores.js';
import { binWidthFor, spreadOverSets, type SetAccuracy, type Spread } from './spread.js';

/** The key of items that came from no template (imported GSM8K-format data). */
export const NO_TEMPLATE = '(none)';
/** The topic of a template the library does not know. */
export const UNKNOWN_TOPIC = '(unknown)';

export interface Groupings {
  readonly overall: GroupMetrics;
  readonly by_variant: Record<string, GroupMetrics>;
  readonly by_template: Record<string, GroupMetrics>;
  readonly by_topic: Record<string, GroupMetrics>;
  readonly by_set: Record<string, GroupMetrics>;
  readonly spread: Record<string, Spread>;
}

export type TopicOf = (template: string) => string | null;

/** One group to compute: its items, its name in the random streams, and which of its figures get intervals. */
export interface GroupSpec {
  readonly members: Int32Array;
  readonly key: readonly string[];
  readonly scope: IntervalScope;
}

/** Every group metrics.json holds, in the order they are written, and how their results fit together. */
export interface GroupPlan {
  readonly specs: readonly GroupSpec[];
  assemble(results: readonly GroupMetrics[]): Groupings;
}

/**
 * Every grouping metrics.json holds. Variants are listed in docs/design.md's
 * order (base first), then any others alphabetically; templates and topics
 * alphabetically; sets by number. Template, topic and set groups pool their
 * variants and also hold the same metrics per variant (`by_variant`), which
 * the template-by-variant heatmap and the spread over sets are drawn from.
 */
export function aggregate(dataset: Dataset, scores: ItemScores, options: StatOptions, topicOf: TopicOf): Groupings {
  const plan = planGroups(dataset, topicOf);
  return plan.assemble(plan.specs.map((spec) => computeGroup(spec, dataset, scores, options)));
}

export function computeGroup(spec: GroupSpec, dataset: Dataset, scores: ItemScores, options: StatOptions): GroupMetrics {
  return groupMetrics(spec.members, dataset, scores, options, spec.key, spec.scope);
}

/**
 * The groups of `aggregate`, listed without computing them, so that they can
 * be computed anywhere (worker threads, in any order: each group's random
 * streams are keyed by its name) and put together in one order.
 */
export function planGroups(dataset: Dataset, topicOf: TopicOf): GroupPlan {
  const all = Int32Array.from(dataset.items, (_, i) => i);
  const variantOf = (i: number) => dataset.items[i]!.variant;
  const templateOf = (i: number) => dataset.items[i]!.template ?? NO_TEMPLATE;
  const topicCache = new Map<string, string>();
  const topicOfItem = (i: number) => {
    const template = dataset.items[i]!.template;
    if (template === null) return NO_TEMPLATE;
    let topic = topicCache.get(template);
    if (topic === undefined) {
      topic = topicOf(template) ?? UNKNOWN_TOPIC;
      topicCache.set(template, topic);
    }
    return topic;
  };
  const setOf = (i: number) => String(dataset.items[i]!.set);
  // Imported items without an instance set are in no set group: a one-set group of them would distort the spread.
  const inSets = all.filter((i) => dataset.items[i]!.set !== null);
  const split = (members: ArrayLike<number>, keyOf: (i: number) => string, order: (keys: string[]) => string[]) => {
    const groups = new Map<string, number[]>();
    for (let j = 0; j < members.length; j++) {
      const i = members[j]!;
      const key = keyOf(i);
      let group = groups.get(key);
      if (group === undefined) groups.set(key, (group = []));
      group.push(i);
    }
    return order([...groups.keys()]).map((key) => [key, Int32Array.from(groups.get(key)!)] as const);
  };

  const specs: GroupSpec[] = [];
  const add = (members: Int32Array, key: string[], scope: IntervalScope = 'accuracy') => specs.push({ members, key, scope }) - 1;
  /** Where each group's result goes: an index into the results per name, nested one level for by_variant. */
  type Slot = { readonly group: number; readonly byVariant?: [string, number][] };
  const nested = (grouping: string, keyOf: (i: number) => string, order: (keys: string[]) => string[], from: ArrayLike<number> = all) =>
    split(from, keyOf, order).map(([key, members]): [string, Slot] => [
      key,
      { group: add(members, [grouping, key]), byVariant: split(members, variantOf, variantOrder).map(([variant, inner]) => [variant, add(inner, [grouping, key, 'by_variant', variant])]) },
    ]);

  const byVariant = split(all, variantOf, variantOrder).map(([variant, members]) => [variant, add(members, ['by_variant', variant], 'all')] as const);
  const bySet = nested('by_set', setOf, (keys) => keys.sort((a, b) => Number(a) - Number(b)), inSets);
  const overall = add(all, ['overall'], 'all');
  const byTemplate = nested('by_template', templateOf, alphabetical);
  const byTopic = nested('by_topic', topicOfItem, alphabetical);

  return {
    specs,
    assemble(results) {
      const fill = (slots: [string, Slot][]) => {
        const out: Record<string, GroupMetrics> = {};
        for (const [key, slot] of slots) {
          const group = results[slot.group]!;
          group.by_variant = {};
          for (const [variant, index] of slot.byVariant ?? []) group.by_variant[variant] = results[index]!;
          out[key] = group;
        }
        return out;
      };
      const by_variant: Record<string, GroupMetrics> = {};
      for (const [variant, index] of byVariant) by_variant[variant] = results[index]!;
      const by_set = fill(bySet);
      return {
        overall: results[overall]!,
        by_variant,
        by_template: fill(byTemplate),
        by_topic: fill(byTopic),
        by_set,
        spread: spreads(by_variant, by_set),
      };
    },
  };
}

/**
 * Per variant, accuracy in each set where the variant has scored items. All
 * variants' histograms share one bin width (the one that suits the widest
 * range), so that they compare panel against panel.
 */
function spreads(byVariant: Record<string, GroupMetrics>, bySet: Record<string, GroupMetrics>): Record<string, Spread> {
  const perVariant = Object.keys(byVariant).map((variant) => {
    const perSet: SetAccuracy[] = Object.entries(bySet).flatMap(([set, group]) => {
      const figure = group.by_variant?.[variant]?.pass_at_k['1'];
      return figure === undefined ? [] : [{ set: Number(set), accuracy: figure.estimate, items: figure.items, samples: figure.samples }];
    });
    return [variant, perSet] as const;
  });
  const widths = perVariant.filter(([, s]) => s.length > 0).map(([, s]) => binWidthFor(Math.max(...s.map((x) => x.accuracy)) - Math.min(...s.map((x) => x.accuracy)), s.length));
  const width = widths.length === 0 ? undefined : Math.max(...widths);
  const out: Record<string, Spread> = {};
  for (const [variant, perSet] of perVariant) {
    const spread = spreadOverSets(perSet, width);
    if (spread !== null) out[variant] = spread;
  }
  return out;
}

export function variantOrder(keys: string[]): string[] {
  const rank = (v: string) => {
    const i = (VARIANT_IDS as readonly string[]).indexOf(v);
    return i < 0 ? VARIANT_IDS.length : i;
  };
  return keys.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

function alphabetical(keys: string[]): string[] {
  return keys.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

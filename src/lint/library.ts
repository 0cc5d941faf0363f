import { GenerationPlan, generateRecords } from '../engine/generate.js';
import { GENERATED_VARIANTS, unsupportedReasons, type GeneratedVariant } from '../engine/variants.js';
import * as N from '../exact/num.js';
import type { CompiledTemplate } from '../template/compiled.js';

/** What the library as a whole looks like, against the shape of GSM8K it aims for. */
export interface LibraryStats {
  readonly templates: number;
  readonly topics: ReadonlyMap<string, number>;
  /** Base answers of `sets` sets of every template, as numbers. */
  readonly answers: readonly number[];
  readonly integerShare: number;
  /** Solution steps of the same base items. */
  readonly steps: readonly number[];
  /** Templates that cannot make each variant. */
  readonly lacking: ReadonlyMap<GeneratedVariant, readonly string[]>;
  /** Solution skeletons (the operators of each line, in order) shared by more than one template. */
  readonly sharedSkeletons: ReadonlyMap<string, readonly string[]>;
}

/** The operators of a solution line's expression, in order: "(a + b) / c" is "+/". */
function operatorsOf(source: string): string {
  return source.replace(/[^-+*/^]/g, '');
}

/** A template's solution skeleton: what a pupil computes, line by line, without the numbers. */
export function skeletonOf(template: CompiledTemplate): string {
  return template.solution.map((line) => operatorsOf(line.expr.source)).join(' | ');
}

export function libraryStats(templates: readonly CompiledTemplate[], options: { sets: number; seed: number }): LibraryStats {
  const answers: number[] = [];
  const steps: number[] = [];
  let integers = 0;
  const plan = new GenerationPlan({ seed: options.seed, sets: options.sets, split: 'test', variants: ['base'], templates });
  for (const record of generateRecords(plan)) {
    const value = N.numFrom(record.answer);
    answers.push(N.toNumber(value));
    if (N.isInteger(value)) integers++;
    steps.push(record.steps.length);
  }
  const topics = new Map<string, number>();
  for (const t of templates) topics.set(t.topic, (topics.get(t.topic) ?? 0) + 1);
  const lacking = new Map<GeneratedVariant, string[]>(GENERATED_VARIANTS.map((v) => [v, []]));
  for (const t of templates) for (const variant of unsupportedReasons(t).keys()) lacking.get(variant)!.push(t.id);
  const bySkeleton = new Map<string, string[]>();
  for (const t of templates) {
    const key = skeletonOf(t);
    bySkeleton.set(key, [...(bySkeleton.get(key) ?? []), t.id]);
  }
  return {
    templates: templates.length,
    topics,
    answers,
    integerShare: answers.length === 0 ? 0 : integers / answers.length,
    steps,
    lacking,
    sharedSkeletons: new Map([...bySkeleton].filter(([, ids]) => ids.length > 1)),
  };
}

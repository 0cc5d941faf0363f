import { isReasonforgeError } from '../errors.js';
import * as N from '../exact/num.js';
import { SetItems } from '../engine/render.js';
import { formatRate, laneOf, TemplateSampler } from '../engine/sampler.js';
import { supportedVariants, unsupportedReasons, type GeneratedVariant } from '../engine/variants.js';
import { PluralSlipTally } from './plural-slip-sources.js';
import { wordingWarnings } from './wording.js';
import type { CompiledTemplate } from '../template/compiled.js';
import { checkRecord } from '../validate/check-record.js';
import { needlessRemovableMarks } from '../variants/critical.js';
import { uniqueQuestionKey } from '../variants/unique.js';

export interface LintOptions {
  /** Sets drawn per template; every supported variant of each is checked. */
  readonly samples?: number;
  readonly seed?: number;
  /** Below this acceptance rate a template fails (default MIN_ACCEPTANCE); imported templates, which retry as their release did, pass 0. */
  readonly minAcceptance?: number;
}

export interface LintStats {
  readonly samples: number;
  readonly records: number;
  readonly acceptance: number;
  /** Estimated distinct test items: a quarter of the domain times the acceptance rate. */
  readonly capacity: number;
  readonly answerMin: string | null;
  readonly answerMax: string | null;
  readonly distinctAnswers: number;
  readonly duplicateQuestions: number;
  readonly steps: number;
  readonly variants: readonly GeneratedVariant[];
  /** The variants the template cannot make, each with the reason. */
  readonly unsupported: Readonly<Partial<Record<GeneratedVariant, string>>>;
  readonly topRefusal: string | null;
}

export interface LintResult {
  readonly template: string;
  readonly file: string;
  readonly ok: boolean;
  readonly errors: readonly string[];
  readonly warnings: readonly string[];
  readonly stats: LintStats | null;
}

/** Below this acceptance rate a template wastes most draws, and its constraints probably fight each other. */
export const MIN_ACCEPTANCE = 0.01;
const WARN_ACCEPTANCE = 0.05;
const MIN_DISTINCT_ANSWERS = 20;

/**
 * Samples a template `samples` times with every variant it supports, checks
 * every record against the template from its bindings, and reports what a
 * template author needs: acceptance, capacity, answer range, duplicates.
 */
export function lintTemplate(template: CompiledTemplate, options: LintOptions = {}): LintResult {
  const samples = options.samples ?? 1000;
  const sampler = new TemplateSampler(template, options.seed ?? 0);
  const variants = supportedVariants(template);
  const errors: string[] = [];
  const warnings: string[] = [];
  const questions = new Set<string>();
  const answers = new Set<string>();
  let duplicates = 0;
  let records = 0;
  let min: N.Num | null = null;
  let max: N.Num | null = null;
  let sampled = 0;
  const slips = new PluralSlipTally();
  try {
    for (let set = 0; set < samples; set++) {
      const items = new SetItems(sampler, 'test', set);
      for (const variant of variants) {
        const record = items.record(variant);
        records++;
        const key = uniqueQuestionKey(record);
        if (questions.has(key)) duplicates++;
        questions.add(key);
        for (const defect of checkRecord(record, template)) if (errors.length < 20) errors.push(`${record.id}: ${defect}`);
        slips.add(template, record);
        if (variant === 'base') {
          answers.add(record.answer);
          const value = N.numFrom(record.answer);
          if (min === null || N.compare(value, min) < 0) min = value;
          if (max === null || N.compare(value, max) > 0) max = value;
        }
      }
      sampled++;
    }
    // The numbers lane must hold as many items as the base lane.
    sampler.nth(laneOf('test', 'numbers'), samples - 1);
  } catch (error) {
    if (!isReasonforgeError(error)) throw error;
    errors.push(error.message);
  }
  const { candidates, accepted, rejections } = sampler.stats;
  const acceptance = candidates === 0 ? 0 : accepted / candidates;
  const minAcceptance = options.minAcceptance ?? MIN_ACCEPTANCE;
  if (candidates > 0 && acceptance < minAcceptance)
    errors.push(`acceptance ${formatRate(acceptance)} is below ${formatRate(minAcceptance)}; ${sampler.diagnosis()}`);
  else if (candidates > 0 && acceptance < WARN_ACCEPTANCE) warnings.push(`acceptance is low (${formatRate(acceptance)}); ${sampler.diagnosis()}`);
  if (duplicates > 0) errors.push(`${duplicates} generated question(s) repeat an earlier one`);
  if (sampled === samples && answers.size < MIN_DISTINCT_ANSWERS) warnings.push(`only ${answers.size} distinct answers in ${samples} items`);
  const unsupported = Object.fromEntries(unsupportedReasons(template));
  for (const [variant, reason] of Object.entries(unsupported)) warnings.push(`cannot make ${variant}: ${reason}`);
  warnings.push(...wordingWarnings(template, variants.includes('reorder')));
  warnings.push(...slips.warnings());
  for (const index of needlessRemovableMarks(template))
    warnings.push(
      `premise ${index} is marked "removable": false, but the critical variant would not remove it anyway; drop the mark or move it to the premise a reader would do without`,
    );
  const top = [...rejections.entries()].sort((a, b) => b[1] - a[1])[0];
  return {
    template: template.id,
    file: template.file,
    ok: errors.length === 0,
    errors,
    warnings,
    stats: {
      samples: sampled,
      records,
      acceptance,
      capacity: Math.floor((template.domainSize / 4) * acceptance),
      answerMin: min === null ? null : N.canonical(min),
      answerMax: max === null ? null : N.canonical(max),
      distinctAnswers: answers.size,
      duplicateQuestions: duplicates,
      steps: template.solution.length,
      variants,
      unsupported,
      topRefusal: top === undefined ? null : top[0],
    },
  };
}

import * as N from '../exact/num.js';
import { below } from '../engine/hash.js';
import type { CompiledAnswer, CompiledTemplate, PartsRewrite, StatedNumber } from '../template/compiled.js';
import type { NumberFormat } from '../template/format.js';
import { pickSome, type RewriteRule } from './rewrite.js';

/** The most decimal places a decimal variant's answer may have when the template does not say: grade-school decimals, not long division. */
export const DECIMAL_ANSWER_PLACES = 3;

type PartsVariant = 'decimal' | 'fraction';

function rewriteOf(stated: StatedNumber, variant: PartsVariant): PartsRewrite | undefined {
  return variant === 'decimal' ? stated.decimal : stated.fraction;
}

/**
 * GSM-Plus's integer-to-decimal and integer-to-fraction conversions: one or
 * more stated whole numbers v become v + part ("2.5 kilograms", "1 1/2
 * hours"), with parts the template allows for each quantity. A decimal item's
 * steps and answer stay terminating decimals; a fraction item's may be any
 * fraction. Where the template writes the answer's `places`, the answer keeps
 * at most that many in both variants (2 for money, 0 for a count of things).
 */
function partsRule(variant: PartsVariant): RewriteRule {
  const answers = new WeakMap<CompiledTemplate, CompiledAnswer>();
  const rewritable = (template: CompiledTemplate) => template.stated.filter((s) => rewriteOf(s, variant) !== undefined);
  return {
    variant,
    rewritable,
    unsupported: (template) => (rewritable(template).length === 0 ? `no stated number says how it may become a ${variant} (perturb.${variant})` : null),
    pick: pickSome,
    // A non-empty subset of the rewritable numbers, each given one of its parts.
    distinctRewrites: (numbers) => numbers.reduce((count, s) => count * (1 + rewriteOf(s, variant)!.parts.length), 1) - 1,
    rewrite(stated, base, hash) {
      const parts = rewriteOf(stated, variant)!.parts;
      return N.add(base, parts[below(hash, parts.length)]!);
    },
    isRewrite(stated, base, value) {
      const parts = rewriteOf(stated, variant)?.parts ?? [];
      const part = N.sub(value, base);
      return parts.some((p) => N.equals(p, part));
    },
    changedProblem: (_template, changed) => (changed.length === 0 ? `a ${variant} variant changes at least one stated number` : null),
    answer(template) {
      let answer = answers.get(template);
      if (answer === undefined) {
        // The template's `places`, when written, bounds the answer in every variant: 2 keeps money in cents, 0 keeps a count whole.
        const written = template.spec.answer.places;
        const type = variant === 'decimal' || written !== undefined ? 'decimal' : 'fraction';
        const places = written ?? (variant === 'decimal' ? DECIMAL_ANSWER_PLACES : 0);
        answer = { ...template.answer, pointer: `${template.answer.pointer} (${variant} variant)`, type, places };
        answers.set(template, answer);
      }
      return answer;
    },
    anyIntermediate: (template) => variant === 'fraction' || template.anyIntermediate,
    formats(_template, changed) {
      if (variant === 'decimal') return undefined;
      return new Map<number, NumberFormat>(changed.map((s) => [s.slot, s.fraction!.format!]));
    },
  };
}

export const DECIMAL = partsRule('decimal');
export const FRACTION = partsRule('fraction');

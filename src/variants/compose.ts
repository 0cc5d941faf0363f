import type { Env } from '../expr/types.js';
import { assembleQuestion } from '../engine/shape.js';
import type { VariantInfo } from '../records/problem.js';
import type { CompiledTemplate, SolutionLine, StatedNumber } from '../template/compiled.js';
import type { CompiledText, FormatOverrides } from '../template/text.js';
import { criticalAnalysis, type CriticalOption } from './critical.js';
import { DIGITS } from './digits.js';
import { paraphraseTexts } from './paraphrase.js';
import { DECIMAL, FRACTION } from './parts.js';
import { orderProblem } from './reorder.js';
import type { RewriteRule } from './rewrite.js';

export const REWRITE_RULES: Readonly<Record<'digits' | 'decimal' | 'fraction', RewriteRule>> = { digits: DIGITS, decimal: DECIMAL, fraction: FRACTION };

/**
 * What one item of the digits, decimal, fraction, reverse, paraphrase,
 * critical or reorder variant says, given the choices its record lists: the
 * premise texts in order, a sentence inserted after one of them (a reversed
 * problem's given), the question, the solution lines and how numbers show.
 * The generator renders from this and validate re-renders from it, so the two
 * cannot disagree.
 */
export interface Composition {
  readonly premises: readonly CompiledText[];
  readonly given?: { readonly after: number; readonly text: CompiledText };
  readonly question: CompiledText;
  /** Null for a critical item, whose solution names the missing fact instead. */
  readonly lines: readonly SolutionLine[] | null;
  readonly formats?: FormatOverrides;
  readonly critical?: CriticalOption;
}

/** The composition a record's variant info describes, or why that info is not a valid item of its template. */
export function composeVariant(template: CompiledTemplate, info: VariantInfo): Composition | string {
  const premises = template.premises.map((p) => p.text);
  switch (info.kind) {
    case 'digits':
    case 'decimal':
    case 'fraction': {
      const rule = REWRITE_RULES[info.kind];
      const changed: StatedNumber[] = [];
      for (const name of info.changed ?? []) {
        const stated = rule.rewritable(template).find((s) => s.name === name);
        if (stated === undefined) return `"${name}" is not a number the ${info.kind} variant may rewrite`;
        changed.push(stated);
      }
      const problem = rule.changedProblem(template, info.changed ?? []);
      if (problem !== null) return problem;
      const formats = rule.formats(template, changed);
      return { premises, question: template.question, lines: template.solution, ...(formats !== undefined && { formats }) };
    }
    case 'reverse': {
      const reverse = template.reverse.find((r) => r.id === info.reversed?.id);
      if (reverse === undefined) return `template "${template.id}" has no reversed problem "${info.reversed?.id}"`;
      if (info.reversed!.unknown !== reverse.unknown.name)
        return `the reversed problem "${reverse.id}" asks for ${reverse.unknown.name}, not ${info.reversed!.unknown}`;
      return { premises: reverse.premises, given: { after: reverse.after, text: reverse.given }, question: reverse.question, lines: reverse.solution };
    }
    case 'paraphrase': {
      const texts = paraphraseTexts(template, info.rewritten ?? []);
      return typeof texts === 'string' ? texts : { premises: texts.premises, question: texts.question, lines: template.solution };
    }
    case 'critical': {
      const option = criticalAnalysis(template).options.find((o) => o.premise === info.removed?.premise);
      if (option === undefined) return `premise ${info.removed?.premise} is not one the answer cannot do without`;
      if (JSON.stringify(option.missing) !== JSON.stringify(info.removed!.missing))
        return `removing premise ${option.premise} loses ${option.missing.join(', ')}, not ${info.removed!.missing.join(', ')}`;
      return { premises: premises.filter((_, i) => i !== option.premise), question: template.question, lines: null, critical: option };
    }
    case 'reorder': {
      const problem = orderProblem(template, info.order ?? []);
      return problem !== null ? problem : { premises: info.order!.map((i) => premises[i]!), question: template.question, lines: template.solution };
    }
    default:
      return `the ${info.kind} variant is not composed here`;
  }
}

/** The question a composition asks, as one string. */
export function composeQuestion(composition: Composition, env: Env): string {
  const formats = composition.formats;
  const given = composition.given === undefined ? [] : [{ after: composition.given.after, text: composition.given.text.render(env, undefined, formats) }];
  return assembleQuestion(
    composition.premises.map((p) => p.render(env, undefined, formats)),
    given,
    composition.question.render(env, undefined, formats),
  );
}

/** Every text the question is made of, for the largest number it states. */
export function composedTexts(composition: Composition): CompiledText[] {
  return [...composition.premises, ...(composition.given ? [composition.given.text] : []), composition.question];
}

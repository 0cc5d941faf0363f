import type { Env } from '../expr/types.js';
import type { CompiledTemplate } from '../template/compiled.js';
import { inputsOf } from '../template/dependencies.js';
import type { CompiledText } from '../template/text.js';
import { danglingPronoun } from './references.js';

/** A premise whose removal leaves the question unanswerable, and the facts it alone gives. */
export interface CriticalOption {
  readonly premise: number;
  /** The stated numbers the answer needs that no other sentence gives. */
  readonly missing: readonly string[];
}

interface Analysis {
  readonly options: readonly CriticalOption[];
  /** Premises that would qualify but are marked `"removable": false`. */
  readonly withheld: readonly number[];
  readonly reason: string | null;
}

const analyses = new WeakMap<CompiledTemplate, Analysis>();

/**
 * Which premises the answer cannot do without, decided from the template
 * itself: premise i is critical when it states a number the answer depends on
 * (through any derived value) that no other premise and not the question
 * states, no remaining sentence states a value computed from that number,
 * every such number has an `about` to name it in the solution, and the
 * remaining sentences still read: no premise follows it (a premise that lists
 * it in `follows` refers back to it, as "the rest", "also" or "the compost"
 * do, and would point at a sentence that is gone), and no pronoun comes
 * before its person is named. A premise marked `"removable": false` is
 * withheld even when it qualifies: without it a reader would assume a default
 * (no offer, no discount) and answer a different problem.
 */
export function criticalAnalysis(template: CompiledTemplate): Analysis {
  const cached = analyses.get(template);
  if (cached !== undefined) return cached;
  const needed = inputsOf(template.answer.expr.symbols, template.dependsOn);
  const statedNames = new Map(template.stated.map((s) => [s.name, s]));
  const texts = [...template.premises.map((p) => p.text), template.question];
  const options: CriticalOption[] = [];
  const withheld: number[] = [];
  const refusals: string[] = [];
  template.premises.forEach((premise, index) => {
    const others = texts.filter((_, i) => i !== index);
    const elsewhere = new Set(others.flatMap((t) => t.uses));
    const missing = premise.text.uses.filter((name) => statedNames.has(name) && needed.has(name) && !elsewhere.has(name));
    if (missing.length === 0) return;
    const leak = [...elsewhere].find((name) => missing.some((m) => template.dependsOn.get(name)?.has(m)));
    if (leak !== undefined) return refusals.push(`premise ${index}: another sentence states ${leak}, computed from it`);
    const nameless = missing.filter((name) => statedNames.get(name)!.about === undefined);
    if (nameless.length > 0) return refusals.push(`premise ${index}: ${nameless.join(', ')} has no "about" to name the missing fact`);
    const follower = template.premises.findIndex((p) => p.follows.includes(index));
    if (follower !== -1) return refusals.push(`premise ${index}: premise ${follower} follows it and would refer back to a sentence that is gone`);
    const dangling = danglingPronoun(others);
    if (dangling !== null) return refusals.push(`premise ${index}: without it, ${dangling.name} is referred to by pronoun before being named`);
    if (!premise.removable) {
      withheld.push(index);
      return refusals.push(`premise ${index}: marked "removable": false, since without it a reader would assume a default`);
    }
    options.push({ premise: index, missing });
  });
  const reason = options.length > 0 ? null : refusals.length > 0 ? refusals.join('; ') : 'no premise alone states a number the answer needs';
  const analysis = { options, withheld, reason };
  analyses.set(template, analysis);
  return analysis;
}

/**
 * Premises marked `"removable": false` that the critical variant would not
 * remove anyway: the mark says nothing there, and probably sits on the wrong premise.
 */
export function needlessRemovableMarks(template: CompiledTemplate): number[] {
  const { withheld } = criticalAnalysis(template);
  return template.premises.flatMap((premise, index) => (!premise.removable && !withheld.includes(index) ? [index] : []));
}

export function criticalUnsupported(template: CompiledTemplate): string | null {
  return criticalAnalysis(template).reason;
}

/** The solution of a critical item: which facts are missing, and that the question cannot be answered. */
export function criticalSolution(template: CompiledTemplate, option: CriticalOption, env: Env): string {
  const facts = option.missing.map((name) => template.stated.find((s) => s.name === name)!.about!.render(env));
  const list = facts.length === 1 ? facts[0]! : `${facts.slice(0, -1).join(', ')} and ${facts[facts.length - 1]!}`;
  return `To answer the question, we would need to know ${list}, but the problem does not say. The question cannot be answered from the information given.\n#### unanswerable`;
}

/** The premises left once the critical premise is removed. */
export function remainingPremises(template: CompiledTemplate, premise: number): CompiledText[] {
  return template.premises.filter((_, i) => i !== premise).map((p) => p.text);
}

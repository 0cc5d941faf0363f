import { assembleQuestion, renderPremises } from '../engine/shape.js';
import * as N from '../exact/num.js';
import type { Env, Value } from '../expr/types.js';
import { canonicalAnswer, findFinalAnswer } from '../import/final-answer.js';
import { makeEntity } from '../template/pools.js';
import type { ImportedTemplate } from './load.js';
import { GSM_POOLS } from './pools.js';

/** What the `{name,default}` values give when put through the translated template. */
export interface DefaultsCheck {
  /** The answer the defaults give, or null when they cannot be evaluated. */
  readonly answer: string | null;
  /** The original problem's final answer, when the file has it. */
  readonly expected: string | null;
  /** True when both are known and equal. */
  readonly reproduced: boolean;
  /** Whether the question renders back to the original text, when the file has it. */
  readonly questionReproduced: boolean | null;
  /** Conditions (ours included) that the defaults break. */
  readonly failedConditions: readonly string[];
  /** Why the defaults could not be evaluated. */
  readonly problem: string | null;
}

/**
 * Fills the translated template with the question's defaults (a name keeps
 * its text; a word of a pairs list such as "twice" takes its number from our
 * list), runs the derived values, conditions and answer, and compares the
 * answer with the original problem's `#### N` and the rendered question with
 * its text. This is how lint tells whether a template reproduces the problem
 * it was made from.
 */
export function checkDefaults(imported: ImportedTemplate): DefaultsCheck {
  const { template, translation, source } = imported;
  const final = source.originalAnswer === null ? null : findFinalAnswer(source.originalAnswer);
  const expected = final === null ? null : (canonicalAnswer(final.text)?.canonical ?? null);
  const fail = (problem: string): DefaultsCheck => ({ answer: null, expected, reproduced: false, questionReproduced: null, failedConditions: [], problem });
  const env: Env = new Array<Value>(template.slots.length);
  for (const variable of translation.variables) {
    const slot = template.slots.find((s) => s.name === variable.name);
    if (slot === undefined || variable.derived !== undefined) continue;
    const text = translation.defaults.get(variable.source);
    if (text === undefined) return fail(`"${variable.source}" has no default in the question`);
    if (variable.symbol.kind === 'num') {
      const value = canonicalAnswer(text.replace(/^\$/, ''));
      if (value === null || value.type === 'unanswerable') return fail(`the default of "${variable.source}" ("${text}") is not a number`);
      env[slot.index] = N.numFrom(value.canonical);
    } else if (variable.symbol.kind === 'pair') {
      const spec = variable.spec !== undefined && 'pool' in variable.spec ? variable.spec.pool : '';
      const list = Object.entries(GSM_POOLS).find(([name]) => `gsm-symbolic/${name.replaceAll('_', '-')}` === spec)?.[1];
      const pair = list?.kind === 'pairs' ? list.pairs.find(([word]) => word.toLowerCase() === text.trim().toLowerCase()) : undefined;
      if (pair === undefined) return fail(`the default "${text}" of "${variable.source}" is not in our list`);
      env[slot.index] = { ...makeEntity(text, {}), numbers: { value: N.numFrom(pair[1]) } };
    } else {
      // Every text field shows the default as written, so the question can render back exactly.
      const entity = makeEntity(text, {});
      const fields = Object.fromEntries(['name', 'Name', 'plural', 'Plural', 'symbol', 'subj', 'Subj'].map((f) => [f, text]));
      env[slot.index] = { ...entity, text: { ...entity.text, ...fields } };
    }
  }
  try {
    for (const d of template.derived) env[d.slot] = d.expr.evaluate(env) as N.Num;
    const failedConditions = template.constraints.filter((c) => c.expr.evaluate(env) === false).map((c) => c.expr.source);
    const answer = N.canonical(template.answer.expr.evaluate(env) as N.Num);
    const rendered = assembleQuestion(renderPremises(template, env), [], template.question.render(env));
    return {
      answer,
      expected,
      reproduced: expected !== null && answer === expected,
      questionReproduced: source.originalQuestion === null ? null : rendered === source.originalQuestion.trim(),
      failedConditions,
      problem: null,
    };
  } catch (error) {
    return fail(`the defaults cannot be evaluated: ${error instanceof Error ? error.message : String(error)}`);
  }
}

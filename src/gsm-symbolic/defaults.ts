import { assembleQuestion, renderPremises } from '../engine/shape.js';
import * as N from '../exact/num.js';
import type { Entity, Env, Value } from '../expr/types.js';
import { numberWords } from '../template/format.js';
import { canonicalAnswer, findFinalAnswer } from '../import/final-answer.js';
import { makeEntity } from '../template/pools.js';
import { GSM_POOLS, pairEntity } from './pools.js';
import type { ImportedTemplate } from './load.js';

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
  const poolOfSlot = new Map(template.domain.map((d) => [d.slot, d.domain.pool] as const));
  // A number the question never states has no default; what reads it cannot be checked.
  const unknown = new Set<string>();
  for (const variable of translation.variables) {
    const slot = template.slots.find((s) => s.name === variable.name);
    if (slot === undefined || variable.derived !== undefined) continue;
    const text = translation.defaults.get(variable.source);
    if (text === undefined) {
      unknown.add(variable.name);
      continue;
    }
    if (variable.symbol.kind === 'num') {
      const value = variable.display === 'words' ? wordNumber(text) : canonicalAnswer(text.replace(/^\$/, ''))?.canonical;
      if (value === null || value === undefined || value === 'unanswerable') return fail(`the default of "${variable.source}" ("${text}") is not a number`);
      env[slot.index] = N.numFrom(value);
    } else if (variable.symbol.kind === 'pair') {
      const wanted = text.trim().toLowerCase();
      const entry = poolOfSlot.get(slot.index)?.entries.find((e) => e.name.toLowerCase() === wanted);
      // A word another of our lists knows ("half" where this list writes "1/2") stands for its number.
      const value = entry?.numbers['value'] ?? wordValue(wanted);
      if (value === undefined) return fail(`the default "${text}" of "${variable.source}" is not in our list`);
      env[slot.index] = { ...makeEntity(text, {}), numbers: { value } };
    } else {
      // Every text field shows the default as written, so the question can render back exactly;
      // names unpacked from one run (sample_sequential) share an entity, each showing its own field.
      const previous = env[slot.index] as Entity | undefined;
      // A word the arithmetic reads (`unit == "feet"`) keeps its entry's numbers.
      const known = poolOfSlot.get(slot.index)?.entries.find((e) => e.name === text.trim());
      const entity = previous ?? { ...makeEntity(text, {}), ...(known !== undefined && { numbers: known.numbers }) };
      const fields =
        variable.field !== undefined && /^at[0-9]+$/.test(variable.field)
          ? { [variable.field]: text, [variable.field[0]!.toUpperCase() + variable.field.slice(1)]: text }
          : Object.fromEntries(['name', 'Name', 'plural', 'Plural', 'symbol', 'subj', 'Subj'].map((f) => [f, text]));
      env[slot.index] = { ...entity, text: { ...entity.text, ...fields } };
    }
  }
  const known = (symbols: ReadonlySet<string>) => ![...symbols].some((name) => unknown.has(name));
  try {
    for (const d of template.derived) {
      if (known(d.expr.symbols)) env[d.slot] = d.expr.evaluate(env) as N.Num;
      else unknown.add(d.name);
    }
    if (!known(template.answer.expr.symbols))
      return fail(`the answer reads ${[...template.answer.expr.symbols].filter((s) => unknown.has(s)).join(', ')}, which the question never states`);
    const failedConditions = template.constraints.filter((c) => known(c.expr.symbols) && c.expr.evaluate(env) === false).map((c) => c.expr.source);
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

/** A number the release writes in words ("seven", "forty-two"), from 0 to 100; null for other text. */
function wordNumber(text: string): string | null {
  const wanted = text.trim().toLowerCase();
  for (let n = 0; n <= 100; n++) if (numberWords(n) === wanted) return String(n);
  return /^[0-9]+$/.test(wanted) ? wanted : null;
}

/** The number a word of any of our word-number lists means ("half" = 1/2, "twice" = 2), or undefined. */
function wordValue(word: string): N.Num | undefined {
  for (const source of Object.values(GSM_POOLS)) {
    if (source.kind !== 'pairs') continue;
    const pair = source.pairs.find(([w]) => w.toLowerCase() === word);
    if (pair !== undefined) return pairEntity(pair[0], pair[1]).numbers['value'];
  }
  return undefined;
}

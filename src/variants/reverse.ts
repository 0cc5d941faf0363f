import * as N from '../exact/num.js';
import type { Env } from '../expr/types.js';
import { isRejection, runDerived, runSolution, type Rejection } from '../engine/checks.js';
import type { CompiledAnswer, CompiledTemplate, Reverse } from '../template/compiled.js';

export interface Reversed {
  readonly steps: readonly N.Num[];
  readonly answer: N.Num;
}

const answers = new WeakMap<Reverse, CompiledAnswer>();

/**
 * What a reversed problem must come to: the unknown's own value in the base
 * draw. Its solution is computed from the givens alone (the compiler hides the
 * unknown from it), so agreeing with this on every draw is the proof that the
 * reversed problem has exactly that answer.
 */
export function reverseAnswer(reverse: Reverse): CompiledAnswer {
  let answer = answers.get(reverse);
  if (answer === undefined) {
    const slot = reverse.unknown.slot;
    const source = reverse.unknown.name;
    answer = {
      pointer: `${reverse.pointer}/unknown`,
      type: 'fraction',
      places: 0,
      min: -Number.MAX_SAFE_INTEGER,
      max: Number.MAX_SAFE_INTEGER,
      expr: {
        source,
        type: 'num',
        symbols: new Set([source]),
        operations: 0,
        plainArithmetic: true,
        evaluate: (env) => env[slot] as N.Num,
        display: (env) => N.canonical(env[slot] as N.Num),
      },
    };
    answers.set(reverse, answer);
  }
  return answer;
}

/** Puts the base answer where reversed texts and steps read it as {answer}. */
export function setGivenAnswer(template: CompiledTemplate, env: Env, baseAnswer: N.Num): void {
  env[template.answerSlot] = baseAnswer;
}

/**
 * Solves a reversed problem from its givens on a draw: its derived values are
 * written into env (they become bindings), and its last step must be the
 * unknown's value, or the template is wrong.
 */
export function solveReverse(template: CompiledTemplate, reverse: Reverse, env: Env): Reversed | Rejection {
  const failed = runDerived(reverse.derived, env);
  if (failed !== undefined) return failed;
  const steps: N.Num[] = [];
  const answer = runSolution(template, reverse.solution, reverseAnswer(reverse), env, steps);
  return isRejection(answer) ? answer : { steps, answer };
}

export function reverseUnsupported(template: CompiledTemplate): string | null {
  return template.reverse.length === 0 ? 'no reversed problem is written (reverse)' : null;
}

import { ReasonforgeError } from '../errors.js';
import * as N from '../exact/num.js';
import type { Env } from '../expr/types.js';
import type { CheckedExpr, CompiledAnswer, CompiledTemplate, CheckStep, DerivedValue, SolutionLine } from '../template/compiled.js';

/** Why a candidate was refused. One object per check and cause, made once: refusing allocates nothing. */
export interface Rejection {
  readonly reason: string;
}

export type Cause = 'false' | 'undefined' | 'negative' | 'repeating' | 'not-integer' | 'too-many-places' | 'out-of-range' | 'unchanged' | 'no-draw';

const DESCRIPTIONS: Readonly<Record<Cause, string>> = {
  false: 'is false',
  undefined: 'is undefined (a division by zero, a non-integer exponent, or the like)',
  negative: 'is negative',
  repeating: 'is a repeating fraction, and the template wants terminating decimals',
  'not-integer': 'is not a whole number',
  'too-many-places': 'has more decimal places than the answer allows',
  'out-of-range': "is outside the answer's range",
  unchanged: 'gives an answer an earlier version of the problem already has',
  'no-draw': 'found no numbers that pass every check',
};

const rejections = new WeakMap<CheckedExpr, Partial<Record<Cause, Rejection>>>();

export function refuse(check: CheckedExpr, cause: Cause): Rejection {
  let byCause = rejections.get(check);
  if (byCause === undefined) rejections.set(check, (byCause = {}));
  return (byCause[cause] ??= { reason: `${check.pointer} "${check.expr.source}" ${DESCRIPTIONS[cause]}` });
}

export function isRejection(value: unknown): value is Rejection {
  return typeof value === 'object' && value !== null && 'reason' in value;
}

/** Runs derived values in order; a RangeError (division by zero, say) refuses the draw. */
export function runDerived(derived: readonly DerivedValue[], env: Env): Rejection | undefined {
  for (let i = 0; i < derived.length; i++) {
    const d = derived[i]!;
    try {
      env[d.slot] = d.expr.evaluate(env) as N.Num;
    } catch (error) {
      if (error instanceof RangeError) return refuse(d, 'undefined');
      throw error;
    }
  }
  return undefined;
}

export function runConstraints(constraints: readonly CheckedExpr[], env: Env): Rejection | undefined {
  for (let i = 0; i < constraints.length; i++) {
    const c = constraints[i]!;
    let holds: boolean;
    try {
      holds = c.expr.evaluate(env) as boolean;
    } catch (error) {
      if (error instanceof RangeError) return refuse(c, 'undefined');
      throw error;
    }
    if (!holds) return refuse(c, 'false');
  }
  return undefined;
}

/**
 * Computes the derived values and tests the constraints of a draw in
 * `order` (see checkOrder); refuses the draw at the first constraint that
 * fails or value that cannot be computed. Passes exactly the draws that
 * runDerived followed by runConstraints passes.
 */
export function runChecks(order: readonly CheckStep[], env: Env): Rejection | undefined {
  for (let i = 0; i < order.length; i++) {
    const { slot, check } = order[i]!;
    try {
      if (slot >= 0) env[slot] = check.expr.evaluate(env) as N.Num;
      else if (!(check.expr.evaluate(env) as boolean)) return refuse(check, 'false');
    } catch (error) {
      if (error instanceof RangeError) return refuse(check, 'undefined');
      throw error;
    }
  }
  return undefined;
}

/** Why a value does not fit an answer's type and range, or undefined if it fits. */
export function answerMisfit(answer: CompiledAnswer, value: N.Num): Cause | undefined {
  // Plain numbers are integers and fit every type; only the other forms need looking at.
  if (typeof value !== 'number') {
    if (answer.type === 'integer' && !N.isInteger(value)) return 'not-integer';
    if (answer.type === 'decimal') {
      const places = N.decimalPlaces(value);
      if (places === null || places > answer.places) return 'too-many-places';
    }
  }
  if (N.compare(value, answer.min) < 0 || N.compare(value, answer.max) > 0) return 'out-of-range';
  return undefined;
}

/** Why a step value cannot be shown in a solution, or undefined if it can. */
export function stepMisfit(value: N.Num, anyIntermediate: boolean): Cause | undefined {
  if (N.sign(value) < 0) return 'negative';
  if (typeof value !== 'number' && !anyIntermediate && !N.isFiniteDecimal(value)) return 'repeating';
  return undefined;
}

/**
 * Evaluates solution lines and the answer they end in. A step that is
 * negative, or a repeating fraction where decimals are wanted, refuses the
 * draw; an answer that disagrees with the last step is a bug in the template
 * and stops everything, since no draw can make it right.
 */
export function runSolution(
  template: CompiledTemplate,
  lines: readonly SolutionLine[],
  answer: CompiledAnswer,
  env: Env,
  steps: N.Num[],
  anyIntermediate: boolean = template.anyIntermediate,
): Rejection | N.Num {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    let value: N.Num;
    if (line.valueSlot !== undefined) value = env[line.valueSlot] as N.Num;
    else {
      try {
        value = line.expr.evaluate(env) as N.Num;
      } catch (error) {
        if (error instanceof RangeError) return refuse(line, 'undefined');
        throw error;
      }
    }
    const misfit = stepMisfit(value, anyIntermediate);
    if (misfit !== undefined) return refuse(line, misfit);
    steps.push(value);
  }
  let value: N.Num;
  try {
    value = answer.expr.evaluate(env) as N.Num;
  } catch (error) {
    if (error instanceof RangeError) return refuse(answer, 'undefined');
    throw error;
  }
  const misfit = answerMisfit(answer, value);
  if (misfit !== undefined) return refuse(answer, misfit);
  const last = steps[steps.length - 1]!;
  // An imported template's answer may be computed in prose after its last annotation, as in GSM8K itself.
  if (template.imported === undefined && !N.equals(last, value)) {
    throw new ReasonforgeError(
      'template-bug',
      `the answer "${answer.expr.source}" gives ${N.canonical(value)} but the last solution step gives ${N.canonical(last)}`,
      { file: template.file, pointer: answer.pointer },
    );
  }
  return value;
}

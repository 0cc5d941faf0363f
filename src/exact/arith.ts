import { ARITHMETIC_DEFAULTS, ArithmeticParser } from './arith-parser.js';
import type { ArithmeticOptions, ArithmeticResult } from './arith-types.js';
import type { Rational } from './rational.js';

/**
 * A total, exact evaluator for plain arithmetic text such as `16 - 3 - 4`,
 * `80,000 * 1.5`, `3 × (4 + 2)^2`, `25% * 80` or `-7 ÷ 2`. It is what the step
 * checker runs on the claims it finds in model text, so it is written for
 * hostile input: a hand-written single-pass parser (no regular expressions, no
 * eval), caps on the length of the text, the digits of a literal, the size of
 * an exponent, the size of every intermediate value and the nesting depth. It
 * never throws; a failure is returned as data saying what went wrong and where.
 *
 * Grammar, loosest binding first:
 *   sum     := product (('+' | '-') product)*
 *   product := unary (('*' | '×' | '·' | 'x' | '/' | '÷') unary | '(' sum ')')*
 *              (`x` only before a number or bracket: `2x + 1` is not arithmetic)
 *   unary   := ('+' | '-') unary | power            (so -2^2 is -4)
 *   power   := postfix (('^' | '**') unary)?         (right associative: 2^3^2 is 2^9)
 *   postfix := primary '%'*
 *   primary := number | '(' sum ')' | '[' sum ']'
 * A number is `12`, `12.5`, `.5`, `1,234,567.89` (only correct groups of
 * three), `2.5e-3`, optionally after a currency sign (`$`, `€`, `£`, `¥`, `₹`).
 */

export type { ArithmeticErrorKind, ArithmeticLimits, ArithmeticOptions, ArithmeticResult } from './arith-types.js';

export { ARITHMETIC_DEFAULTS };

/** The value of `text`, or null when it is not plain arithmetic within the limits. */
export function evaluateArithmetic(text: string, options?: ArithmeticOptions): Rational | null {
  const result = tryEvaluateArithmetic(text, options);
  return result.ok ? result.value : null;
}

/** Like evaluateArithmetic, but says why and where evaluation failed. */
export function tryEvaluateArithmetic(text: string, options: ArithmeticOptions = {}): ArithmeticResult {
  if (typeof text !== 'string') return { ok: false, error: 'empty', at: 0 };
  const maxLength = options.maxLength ?? ARITHMETIC_DEFAULTS.maxLength;
  if (text.length > maxLength) return { ok: false, error: 'too-long', at: maxLength };
  try {
    return new ArithmeticParser(text, options).run();
  } catch {
    // The parser reports every failure it knows as data; this is the last guard
    // that keeps the function total (an engine limit, for instance).
    return { ok: false, error: 'too-large', at: 0 };
  }
}

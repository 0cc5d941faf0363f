import fc from 'fast-check';
import { evaluateArithmetic } from '../exact/arith.js';
import { Rational } from '../exact/rational.js';
import { equivalentAnswerArb, nearMisses, wrongAnswerArb } from './answers.js';

/**
 * Whole synthetic chains of thought: arithmetic steps, right or wrong, then
 * a final answer, right or wrong. Built from an item's reference steps when it
 * has them (each step's expression is written out with its value), from small
 * arithmetic asides when it does not.
 */
export interface CompletionItem {
  readonly question?: string;
  /** Canonical answer: `42`, `-3`, `12.5`, `7/3` or `unanswerable`. */
  readonly answer: string;
  readonly steps?: ReadonlyArray<{ readonly text?: string; readonly expr: string; readonly value: string }>;
}

export interface CompletionOptions {
  /** End with the right answer (in some surface form) or with a near miss. */
  readonly correct: boolean;
  /** All arithmetic steps right (default), or at least one wrong. */
  readonly validSteps?: boolean;
}

interface StepClaim {
  /** Plain arithmetic the checker can read, such as `12 - 4`. */
  readonly expr: string;
  readonly value: Rational;
}

const LEADS = ['First,', 'Then', 'Next,', 'So', 'That gives', 'We compute', 'Now', 'This means'];
const QUIET_LINES = ['Let us read the problem carefully.', 'We keep track of each quantity.', 'Now put the pieces together.'];

/** Steps of the item that are plain arithmetic with the value they claim. */
function claimableSteps(item: CompletionItem): StepClaim[] {
  const claims: StepClaim[] = [];
  for (const step of item.steps ?? []) {
    const value = Rational.parse(step.value.trim());
    const computed = evaluateArithmetic(step.expr, { thousands: false });
    // Only expressions that compute something (an operator) and agree with their value.
    if (value === null || computed === null || !computed.equals(value) || !/[-+*/^]/.test(step.expr.replace(/^\s*-/, ''))) continue;
    claims.push({ expr: step.expr, value });
  }
  return claims;
}

/** Small arithmetic asides for items without usable steps. */
const asideArb: fc.Arbitrary<StepClaim> = fc
  .tuple(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 1, max: 60 }), fc.constantFrom('+', '-', '*'))
  .map(([a, b, op]) => {
    const value = op === '+' ? a + b : op === '-' ? a - b : a * b;
    return { expr: `${a} ${op} ${b}`, value: Rational.of(value) };
  });

/** An operator written the ways people write it. */
function operatorStyles(expr: string): fc.Arbitrary<string> {
  return fc.constantFrom(
    expr,
    expr.replace(/\s*\*\s*/g, ' × ').replace(/\s*\/\s*/g, ' ÷ '),
    expr.replace(/\s*\*\s*/g, ' x '),
    expr.replace(/\s*\*\s*/g, ' * ').replace(/\s*\+\s*/g, ' + '),
  );
}

function valueText(value: Rational, latex: boolean): string {
  if (!latex || value.isFiniteDecimal()) return value.toCanonical();
  const sign = value.sign() < 0 ? '-' : '';
  return `${sign}\\frac{${value.num < 0n ? -value.num : value.num}}{${value.den}}`;
}

/** One step written as a sentence with its claim, in plain, GSM8K or LaTeX style. */
function stepLineArb(claim: StepClaim, shown: Rational): fc.Arbitrary<string> {
  return fc.tuple(fc.constantFrom(...LEADS), fc.constantFrom('plain', 'gsm8k', 'latex'), operatorStyles(claim.expr)).map(([lead, style, pretty]) => {
    const compact = claim.expr.replace(/\s+/g, '');
    switch (style) {
      case 'gsm8k':
        return `${lead} ${pretty} = <<${compact}=${shown.toCanonical()}>>${shown.toCanonical()}.`;
      case 'latex':
        return `${lead} $${claim.expr.replace(/\s*\*\s*/g, ' \\times ')} = ${valueText(shown, true)}$.`;
      default:
        return `${lead} ${pretty} = ${shown.toCanonical()}.`;
    }
  });
}

/** A wrong value for a step: off by one, sign flipped or ten times off; never a rounding. */
function wrongValueArb(value: Rational): fc.Arbitrary<Rational> {
  const misses = nearMisses(value).filter((m) => m.kind !== 'wrong-rounding' && m.value.isFiniteDecimal() === value.isFiniteDecimal());
  return misses.length > 0 ? fc.constantFrom(...misses.map((m) => m.value)) : fc.constant(value.add(Rational.ONE));
}

/**
 * A synthetic completion for `item`: step lines, then the final answer.
 * With `correct`, verify(text, item.answer) must accept it; without, reject
 * it. With `validSteps` (default), checkSteps finds no wrong step; without,
 * at least one.
 */
export function completionArb(item: CompletionItem, options: CompletionOptions): fc.Arbitrary<string> {
  const validSteps = options.validSteps ?? true;
  const fromItem = claimableSteps(item);
  const claimsArb: fc.Arbitrary<StepClaim[]> = fromItem.length > 0 ? fc.constant(fromItem) : fc.array(asideArb, { minLength: 1, maxLength: 3 });
  return claimsArb.chain((claims) => {
    const wrongIndex = validSteps ? fc.constant(-1) : fc.integer({ min: 0, max: claims.length - 1 });
    return wrongIndex.chain((broken) => {
      const lines = claims.map((claim, index) =>
        index === broken ? wrongValueArb(claim.value).chain((wrong) => stepLineArb(claim, wrong)) : stepLineArb(claim, claim.value),
      );
      const final = options.correct ? equivalentAnswerArb(item.answer) : wrongAnswerArb(item.answer);
      return fc.tuple(fc.constantFrom(...QUIET_LINES), fc.tuple(...lines), final).map(([opening, steps, answer]) => [opening, ...steps, answer].join('\n'));
    });
  });
}

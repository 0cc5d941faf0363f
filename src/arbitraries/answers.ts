import fc from 'fast-check';
import { Rational } from '../exact/rational.js';
import { exactForms, percentForms, UNANSWERABLE_FORMS, type SurfaceForm } from './forms.js';

/**
 * fast-check arbitraries for answers: canonical reference values, the same
 * value in many surface forms (which every good verifier must accept), and
 * near misses (which it must reject).
 */

/** A reference answer: a canonical value string or `unanswerable`. */
export type AnswerValue = string | Rational;

export const UNANSWERABLE = 'unanswerable';

/** Reads `42`, `-3`, `12.5`, `7/3` (or a Rational); null for `unanswerable`. */
export function valueOf(value: AnswerValue): Rational | null {
  if (value instanceof Rational) return value;
  if (value.trim().toLowerCase() === UNANSWERABLE) return null;
  const parsed = Rational.parse(value.trim());
  if (parsed === null) throw new RangeError(`not a canonical answer: ${JSON.stringify(value)} (use 42, -3, 12.5, 7/3 or unanswerable)`);
  return parsed;
}

/**
 * Canonical answers the way our datasets write them: mostly grade-school
 * integers, some negatives and large values, decimals with up to three
 * places, fractions without a terminating decimal, and `unanswerable`.
 */
export function canonicalAnswerArb(options: { readonly unanswerable?: boolean } = {}): fc.Arbitrary<string> {
  const integer = fc
    .oneof(
      { weight: 6, arbitrary: fc.integer({ min: 0, max: 1000 }) },
      { weight: 2, arbitrary: fc.integer({ min: 1000, max: 10_000_000 }) },
      { weight: 1, arbitrary: fc.integer({ min: -500, max: -1 }) },
    )
    .map((n) => String(n));
  const decimal = fc
    .tuple(fc.integer({ min: -20_000, max: 200_000 }), fc.integer({ min: 1, max: 3 }))
    .map(([n, places]) => Rational.of(n, 10 ** places))
    .filter((r) => !r.isInteger())
    .map((r) => r.toCanonical());
  const fraction = fc
    .tuple(fc.integer({ min: -300, max: 3000 }), fc.constantFrom(3, 6, 7, 9, 11, 12, 13, 15, 21))
    .map(([n, d]) => Rational.of(n, d))
    .filter((r) => !r.isFiniteDecimal())
    .map((r) => r.toCanonical());
  const arbitraries: Array<fc.WeightedArbitrary<string>> = [
    { weight: 6, arbitrary: integer },
    { weight: 2, arbitrary: decimal },
    { weight: 2, arbitrary: fraction },
  ];
  if (options.unanswerable !== false) arbitraries.push({ weight: 1, arbitrary: fc.constant(UNANSWERABLE) });
  return fc.oneof(...arbitraries);
}

export interface AnswerTextOptions {
  /**
   * Also write the value with a percent sign: 0.25 as 25% (a proportion) and
   * 25 as 25% (already a percentage). A verifier needs both readings of % to
   * accept all of these, so they are off by default.
   */
  readonly percent?: boolean;
  /** Wrap the answer in prose and markers (default). False gives the bare answer text only. */
  readonly wrap?: boolean;
}

const LEADS = ['', 'Let me work through this.\n', 'First we find the total. Then we subtract.\n', 'Step by step:\n'];
const TAILS = ['', ' I hope this helps!', '\nLet me know if anything is unclear.', ' Done.'];

/** Puts an answer form into a completion-like sentence that names it as the answer. */
export function wrapperArb(form: SurfaceForm): fc.Arbitrary<string> {
  const t = form.text;
  const inMath = form.math ? `$${t}$` : t;
  const wrappers = [
    `\\boxed{${t}}`,
    `The answer is $\\boxed{${t}}$.`,
    `The answer is ${inMath}.`,
    `The final answer is ${inMath}.`,
    `Final Answer: ${inMath}`,
    `Answer: ${inMath}`,
    `#### ${t}`,
    `**Answer:** ${inMath}`,
  ];
  if (form.bare) wrappers.push(t, `So the result is ${t}`, `A: ${t}`);
  return fc.tuple(fc.constantFrom(...LEADS), fc.constantFrom(...wrappers), fc.constantFrom(...TAILS)).map(([lead, body, tail]) => `${lead}${body}${tail}`);
}

/** The same value in many surface forms, inside prose that states it as the answer. */
export function equivalentAnswerArb(value: AnswerValue, options: AnswerTextOptions = {}): fc.Arbitrary<string> {
  const exact = valueOf(value);
  if (exact === null) {
    const phrase = fc.constantFrom(...UNANSWERABLE_FORMS);
    if (options.wrap === false) return phrase;
    return fc
      .tuple(phrase, fc.constantFrom('', 'The question leaves out a quantity we need. '))
      .chain(([text, lead]) =>
        fc.constantFrom(`${lead}${text}.`, `${lead}\\boxed{\\text{${text}}}`, `${lead}The answer is: ${text}.`, `${lead}Final Answer: ${text}`),
      );
  }
  return fc.integer({ min: 2, max: 9 }).chain((scale) => {
    const forms = exactForms(exact, scale);
    if (options.percent === true) forms.push(...percentForms(exact));
    const form = fc.constantFrom(...forms);
    return options.wrap === false ? form.map((f) => f.text) : form.chain(wrapperArb);
  });
}

/** A near miss of `value` and how it was made. */
export interface NearMiss {
  readonly value: Rational;
  readonly kind: 'off-by-one' | 'digit-swap' | 'sign-flip' | 'times-ten' | 'divided-by-ten' | 'wrong-rounding' | 'a-number';
  /** The text to write: exact, or a rounding for values without a short decimal form. */
  readonly text: string;
}

/** Swaps the first pair of adjacent, different digits of a digit string. */
function swapDigits(digits: string): string | null {
  for (let i = 0; i + 1 < digits.length; i++) {
    if (digits[i] !== digits[i + 1]) return digits.slice(0, i) + digits[i + 1] + digits[i] + digits.slice(i + 2);
  }
  return null;
}

/** Every near miss of a value, checked to differ from it by more than any rounding could explain. */
export function nearMisses(exact: Rational): NearMiss[] {
  const misses: NearMiss[] = [];
  const ten = Rational.of(10n);
  const add = (value: Rational, kind: NearMiss['kind'], text = value.toCanonical()): void => {
    // A near miss must be wrong under any sane reading: not equal, not a percent reading
    // of the value, and not within half a unit of the last decimal it shows.
    const places = text.includes('.') ? text.length - text.indexOf('.') - 1 : 0;
    const half = Rational.of(1n, 2n * 10n ** BigInt(places));
    const hundred = Rational.of(100n);
    if (value.equals(exact) || value.equals(exact.mul(hundred)) || value.mul(hundred).equals(exact)) return;
    if (value.sub(exact).abs().compare(half) <= 0) return;
    misses.push({ value, kind, text });
  };
  add(exact.add(Rational.ONE), 'off-by-one');
  add(exact.sub(Rational.ONE), 'off-by-one');
  if (exact.sign() !== 0) add(exact.neg(), 'sign-flip');
  add(exact.mul(ten), 'times-ten');
  add(exact.div(ten), 'divided-by-ten');
  const places = exact.decimalPlaces();
  if (places !== null) {
    const digits = exact
      .abs()
      .mul(Rational.of(10n ** BigInt(places)))
      .num.toString();
    const swapped = swapDigits(digits);
    if (swapped !== null) {
      const value = Rational.of(BigInt(swapped), 10n ** BigInt(places)).mul(Rational.of(BigInt(exact.sign() || 1)));
      add(value, 'digit-swap');
    }
    if (!exact.isInteger()) {
      // 12.5 rounded down to 12 where it is 12.5 (or up where it is 12.4)
      add(exact.floor().equals(exact.round()) ? exact.ceil() : exact.floor(), 'wrong-rounding');
    }
  } else {
    // 7/3 = 2.333...: rounded the wrong way at two decimals is 2.34
    const rounded = exact.roundTo(2);
    const step = Rational.of(1n, 100n);
    const wrong = rounded.compare(exact) > 0 ? rounded.sub(step) : rounded.add(step);
    add(wrong, 'wrong-rounding', wrong.toFixed(2));
    const swapped = swapDigits(exact.num < 0n ? (-exact.num).toString() : exact.num.toString());
    if (swapped !== null) add(Rational.of(BigInt(swapped) * BigInt(exact.sign() || 1), exact.den), 'digit-swap');
  }
  return misses;
}

/**
 * Near misses of `value` in the same surface forms and prose as
 * equivalentAnswerArb: off by one, two digits swapped, the sign flipped,
 * ten times too large or small, rounded the wrong way. For `unanswerable`,
 * a number stated as the answer.
 */
export function wrongAnswerArb(value: AnswerValue, options: AnswerTextOptions = {}): fc.Arbitrary<string> {
  const exact = valueOf(value);
  const misses: fc.Arbitrary<NearMiss> =
    exact === null
      ? fc.integer({ min: -50, max: 5000 }).map((n) => ({ value: Rational.of(n), kind: 'a-number' as const, text: String(n) }))
      : fc.constantFrom(...nearMisses(exact));
  return misses.chain((miss) => {
    const forms =
      miss.text.includes('.') && !miss.value.isFiniteDecimal()
        ? [{ text: miss.text, bare: true, math: false }] // a rounding: write it as computed, not exactly
        : exactForms(miss.value, 3);
    const form = fc.constantFrom(...forms);
    return options.wrap === false ? form.map((f) => f.text) : form.chain(wrapperArb);
  });
}

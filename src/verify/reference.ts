import { Rational } from '../exact/rational.js';
import { claimAccuracy } from './approximation.js';
import type { MathView } from './view.js';

/**
 * Whether an item's reference intermediate values appear in an output: the
 * second half of the step check. Numbers are compared by a cheap textual key
 * (`0012.50` → `12.5`), so a megabyte of digits costs one pass and no BigInt
 * per number; only fractions and, for references without an exact decimal
 * form, decimals with two or more places are read as exact values.
 */
export interface ReferenceValues {
  readonly total: number;
  readonly found: number;
  /** Per reference step, in order: its value and where it first appears in the output (null: nowhere). */
  readonly values: ReadonlyArray<{ readonly value: string; readonly found: boolean; readonly at: number | null }>;
}

interface NumberSeen {
  /** Canonical text of the magnitude: `12.5`, `7/3`. */
  readonly key: string;
  /** Digits before and after the point, as written (no separators). */
  readonly whole: string;
  readonly fraction: string;
  /** View offset. */
  readonly at: number;
}

const MAX_NUMBERS = 100_000;
const MAX_DIGITS = 200;

function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}

function decimalKey(whole: string, fraction: string): string {
  let w = 0;
  while (w < whole.length - 1 && whole[w] === '0') w++;
  let f = fraction.length;
  while (f > 0 && fraction[f - 1] === '0') f--;
  const head = whole.length === 0 ? '0' : whole.slice(w);
  return f === 0 ? head : `${head}.${fraction.slice(0, f)}`;
}

/** Every number in the view (separators, decimals, a/b and \frac{a}{b} fractions), in order. */
function numbersIn(text: string): NumberSeen[] {
  const seen: NumberSeen[] = [];
  let i = 0;
  while (i < text.length && seen.length < MAX_NUMBERS) {
    if (!isDigitCode(text.charCodeAt(i))) {
      i++;
      continue;
    }
    // ".5": a decimal written without its leading zero
    const leadingPoint = text[i - 1] === '.' && !isDigitCode(text.charCodeAt(i - 2));
    const start = leadingPoint ? i - 1 : i;
    let whole = '';
    let fraction = '';
    let inFraction = leadingPoint;
    while (i < text.length && whole.length + fraction.length <= MAX_DIGITS) {
      const code = text.charCodeAt(i);
      if (isDigitCode(code)) {
        if (inFraction) fraction += text[i];
        else whole += text[i];
        i++;
      } else if (
        code === 44 &&
        !inFraction &&
        isDigitCode(text.charCodeAt(i + 1)) &&
        isDigitCode(text.charCodeAt(i + 2)) &&
        isDigitCode(text.charCodeAt(i + 3)) &&
        !isDigitCode(text.charCodeAt(i + 4))
      ) {
        i++; // a thousands comma
      } else if (code === 46 && !inFraction && isDigitCode(text.charCodeAt(i + 1))) {
        inFraction = true;
        i++;
      } else break;
    }
    seen.push({ key: decimalKey(whole, fraction), whole, fraction, at: start });
    // a/b, and ((a)/(b)) as \frac{a}{b} reads after LaTeX rewriting
    let k = i;
    while (text[k] === ')') k++;
    if (text[k] === '/' && !inFraction && whole.length <= 30) {
      k++;
      while (text[k] === '(') k++;
      const from = k;
      while (k < text.length && k - from <= 30 && isDigitCode(text.charCodeAt(k))) k++;
      const bottom = text.slice(from, k);
      if (bottom !== '' && /[1-9]/.test(bottom) && text[k] !== '.') {
        const value = Rational.of(BigInt(whole), BigInt(bottom));
        seen.push({ key: value.toCanonical(), whole: '', fraction: '', at: start });
      }
    }
  }
  return seen;
}

export function referenceValues(view: MathView, steps: ReadonlyArray<{ readonly value: string }>): ReferenceValues {
  const numbers = numbersIn(view.text);
  const references = steps.map(({ value }) => (typeof value === 'string' ? Rational.parse(value.trim()) : null));
  // Sign is not required: "she loses 5" states the -5 of a step.
  const wanted = new Map<string, number | null>();
  for (const reference of references) if (reference !== null) wanted.set(reference.abs().toCanonical(), null);
  for (const number of numbers) {
    if (wanted.get(number.key) === null) wanted.set(number.key, number.at);
  }
  const values = steps.map(({ value }, index) => {
    const exact = references[index];
    if (exact === null || exact === undefined) return { value, found: false, at: null };
    const at = wanted.get(exact.abs().toCanonical()) ?? null;
    if (at !== null) return { value, found: true, at: view.toSource(at) };
    // A value with no exact decimal form (7/3) also appears as a rounding with two or more decimals.
    if (!exact.isFiniteDecimal()) {
      for (const number of numbers) {
        if (number.fraction.length < 2 || number.fraction.length > 30) continue;
        const shown = Rational.of(BigInt(number.whole + number.fraction), 10n ** BigInt(number.fraction.length));
        const accuracy = claimAccuracy(shown, exact.abs(), number.fraction.length);
        if (accuracy === 'rounded' || accuracy === 'truncated') return { value, found: true, at: view.toSource(number.at) };
      }
    }
    return { value, found: false, at: null };
  });
  return { total: values.length, found: values.filter((v) => v.found).length, values };
}

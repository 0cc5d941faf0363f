import { Rational } from '../exact/rational.js';

/**
 * Surface forms of one exact value: the ways a model or a person writes the
 * same number. Each form says where it can stand: `bare` forms survive as the
 * last number of a sentence (a grader's fallback reads them), the others need
 * a marker such as \boxed{} or "The answer is"; `math` forms are LaTeX and
 * belong inside math delimiters.
 */
export interface SurfaceForm {
  readonly text: string;
  /** Read correctly as the last number of a text. */
  readonly bare: boolean;
  /** LaTeX: written inside $...$ or \boxed{}. */
  readonly math: boolean;
}

function form(text: string, bare: boolean, math = false): SurfaceForm {
  return { text, bare, math };
}

/** Thousands separators every three digits of a digit string. */
export function groupThousands(digits: string, separator: string): string {
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += separator;
    out += digits[i];
  }
  return out;
}

/**
 * Every form of `value` this module knows, written exactly (no rounding).
 * `scale` multiplies numerator and denominator of the fraction forms (2/4 for 1/2).
 */
export function exactForms(value: Rational, scale = 2): SurfaceForm[] {
  const forms: SurfaceForm[] = [];
  const negative = value.sign() < 0;
  const magnitude = value.abs();
  const sign = negative ? '-' : '';
  const places = magnitude.decimalPlaces();
  if (places !== null) {
    const decimal = magnitude.toFixed(places);
    const [whole = '0', fraction] = decimal.split('.');
    const tail = fraction === undefined ? '' : `.${fraction}`;
    forms.push(form(`${sign}${decimal}`, true));
    forms.push(form(`${sign}${decimal}${places === 0 ? '.0' : '0'}`, true)); // trailing zero: 42.0, 12.50
    if (negative) forms.push(form(`\u2212${decimal}`, true)); // unicode minus
    if (whole.length > 3) {
      forms.push(form(`${sign}${groupThousands(whole, ',')}${tail}`, true));
      forms.push(form(`${sign}${groupThousands(whole, '{,}')}${tail}`, false, true));
      forms.push(form(`${sign}${groupThousands(whole, '\u2009')}${tail}`, false));
      forms.push(form(`${sign}${groupThousands(whole, '\\,')}${tail}`, false, true));
    }
    forms.push(form(negative ? `-$${decimal}` : `$${decimal}`, true)); // currency
    forms.push(form(negative ? `-\\$${decimal}` : `\\$${decimal}`, false, true));
    forms.push(form(`${sign}${decimal} dollars`, true));
    forms.push(form(`${sign}${decimal} units`, true));
    if (magnitude.num !== 0n) {
      // scientific notation: d.ddd × 10^k
      const digits = magnitude.mul(Rational.of(10n ** BigInt(places))).num.toString();
      const exponent = digits.length - 1 - places;
      const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
      forms.push(form(`${sign}${mantissa}e${exponent}`, false));
      forms.push(form(`${sign}${mantissa} \\times 10^{${exponent}}`, false, true));
    }
  }
  if (!magnitude.isInteger()) {
    const num = magnitude.num;
    const den = magnitude.den;
    const k = BigInt(Math.max(1, scale));
    forms.push(form(`${sign}${num}/${den}`, true));
    forms.push(form(`${sign}${num * k}/${den * k}`, true));
    forms.push(form(`${sign}\\frac{${num}}{${den}}`, true, true));
    forms.push(form(`${sign}\\dfrac{${num * k}}{${den * k}}`, false, true));
    forms.push(form(`\\frac{${negative ? '-' : ''}${num}}{${den}}`, false, true));
    forms.push(form(`${sign}\\tfrac{${num}}{${den}}`, false, true));
    if (num > den) {
      // mixed numbers: 2 1/3, 2\frac{1}{3}
      const whole = num / den;
      const rest = num % den;
      forms.push(form(`${sign}${whole} ${rest}/${den}`, false));
      forms.push(form(`${sign}${whole}\\frac{${rest}}{${den}}`, false, true));
    }
  } else {
    forms.push(form(`${sign}\\frac{${magnitude.num * 2n}}{2}`, false, true));
  }
  return forms;
}

/**
 * `value` written with a percent sign, the way a careful grader reads it back:
 * a value below 1 in magnitude is a proportion, so 0.25 is 25%; any other
 * value is already a percentage (the GSM8K convention for "what percent"), so
 * 25 is 25%, never 2500%. Empty when the percentage has no short exact decimal.
 */
export function percentForms(value: Rational): SurfaceForm[] {
  const proportion = value.abs().compare(Rational.ONE) < 0 && value.sign() !== 0;
  const percentage = proportion ? value.mul(Rational.of(100n)) : value;
  const places = percentage.decimalPlaces();
  if (places === null || places > 6) return [];
  const text = percentage.toFixed(places);
  return [form(`${text}%`, true), form(`${text}\\%`, false, true), form(`${text} percent`, false)];
}

/** Ways to say "this cannot be answered". */
export const UNANSWERABLE_FORMS: readonly string[] = [
  'cannot be determined',
  'The answer cannot be determined from the information given',
  'There is not enough information to answer the question',
  'insufficient information',
  "It can't be determined",
  'It is impossible to determine',
  'Not enough information',
  'The problem does not provide enough information',
  'unanswerable',
];

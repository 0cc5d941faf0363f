import type { ArithmeticErrorKind } from './arith-types.js';
import { Rational } from './rational.js';

/**
 * Reads one number literal of plain arithmetic at `start`: digits, thousands
 * groups of exactly three (`1,234,567`), a fraction part, an exponent
 * (`2.5e-3`). By hand, so a literal costs one pass and no regular expression.
 */
export type Literal = { readonly value: Rational; readonly end: number } | { readonly error: ArithmeticErrorKind; readonly at: number };

const POWERS_OF_TEN: bigint[] = [];
function powerOfTen(n: number): bigint {
  if (n < 32) return (POWERS_OF_TEN[n] ??= 10n ** BigInt(n));
  return 10n ** BigInt(n);
}

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

export function readLiteral(text: string, start: number, thousands: boolean, maxDigits: number, maxExponent: number): Literal {
  // The common case, a short plain integer ("16", "2000"), read without building strings.
  let quick = 0;
  let k = start;
  for (; k < text.length && k - start < 15; k++) {
    const code = text.charCodeAt(k);
    if (code < 48 || code > 57) break;
    quick = quick * 10 + (code - 48);
  }
  if (k > start && k - start < 15) {
    const next = text.charCodeAt(k);
    // not followed by a digit, point, comma group or exponent
    if (!(next >= 48 && next <= 57) && next !== 46 && next !== 44 && next !== 101 && next !== 69) {
      return { value: Rational.fromInteger(BigInt(quick)), end: k };
    }
  }
  let i = start;
  while (isDigit(text[i])) i++;
  const leadLength = i - start;
  let digits = text.slice(start, i);
  if (thousands && leadLength >= 1 && leadLength <= 3) {
    // Accept `,ddd` groups only when every group has exactly three digits.
    let j = i;
    let grouped = '';
    while (text[j] === ',' && isDigit(text[j + 1]) && isDigit(text[j + 2]) && isDigit(text[j + 3]) && !isDigit(text[j + 4])) {
      grouped += text.slice(j + 1, j + 4);
      j += 4;
      if (grouped.length > maxDigits) return { error: 'too-many-digits', at: start };
    }
    if (j > i) {
      digits += grouped;
      i = j;
    }
  }
  let fraction = '';
  if (text[i] === '.' && isDigit(text[i + 1])) {
    const fractionStart = i + 1;
    i = fractionStart;
    while (isDigit(text[i])) i++;
    fraction = text.slice(fractionStart, i);
  } else if (text[i] === '.' && digits.length > 0 && !isDigit(text[i + 1])) {
    // "5." as in the end of a sentence: the point belongs to nobody.
    i++;
  }
  if (digits.length === 0 && fraction.length === 0) return { error: 'syntax', at: start };
  if (digits.length + fraction.length > maxDigits) return { error: 'too-many-digits', at: start };
  let exponent = 0;
  if ((text[i] === 'e' || text[i] === 'E') && (isDigit(text[i + 1]) || ((text[i + 1] === '-' || text[i + 1] === '+') && isDigit(text[i + 2])))) {
    let j = i + 1;
    let sign = 1;
    if (text[j] === '-' || text[j] === '+') {
      if (text[j] === '-') sign = -1;
      j++;
    }
    const expStart = j;
    while (isDigit(text[j])) j++;
    if (j - expStart > 6) return { error: 'too-large', at: i };
    exponent = sign * Number(text.slice(expStart, j));
    if (Math.abs(exponent) > maxExponent) return { error: 'too-large', at: i };
    i = j;
  }
  const written = (digits || '0') + fraction;
  const scale = exponent - fraction.length;
  // Most literals are short integers: no gcd, no string of zeros.
  const mantissa = written.length <= 15 ? BigInt(Number(written)) : BigInt(written);
  if (scale === 0) return { value: Rational.fromInteger(mantissa), end: i };
  const value = scale > 0 ? Rational.fromInteger(mantissa * powerOfTen(scale)) : Rational.of(mantissa, powerOfTen(-scale));
  return { value, end: i };
}

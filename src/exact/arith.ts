import { Rational } from './rational.js';

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
 *   unary   := ('+' | '-') unary | power            (so -2^2 is -4)
 *   power   := postfix (('^' | '**') unary)?         (right associative: 2^3^2 is 2^9)
 *   postfix := primary '%'*
 *   primary := number | '(' sum ')' | '[' sum ']'
 * A number is `12`, `12.5`, `.5`, `1,234,567.89` (only correct groups of
 * three), `2.5e-3`, optionally after a currency sign (`$`, `€`, `£`, `¥`, `₹`).
 */

export interface ArithmeticLimits {
  /** Longest text read at all, in UTF-16 units. Default 10,000. */
  readonly maxLength?: number;
  /** Most digits in one literal. Default 200. */
  readonly maxDigits?: number;
  /** Largest |exponent| in `a^n` or `1e n`. Default 1,000. */
  readonly maxExponent?: number;
  /** Largest numerator or denominator of any intermediate value, in bits. Default 20,000 (about 6,000 digits). */
  readonly maxBits?: number;
  /** Deepest nesting of parentheses and powers. Default 64. */
  readonly maxDepth?: number;
}

export interface ArithmeticOptions extends ArithmeticLimits {
  /**
   * What `%` means. `'value'` (default): 25% is 1/4. `'ignore'`: the sign is a
   * label and 25% is 25, which is how prose such as "100 - 20 = 80%" reads.
   */
  readonly percent?: 'value' | 'ignore';
  /** Accept `1,234` as one thousand two hundred and thirty-four. Default true. */
  readonly thousands?: boolean;
}

export type ArithmeticErrorKind =
  | 'empty'
  | 'syntax'
  | 'too-long'
  | 'too-many-digits'
  | 'too-deep'
  | 'too-large'
  | 'division-by-zero'
  | 'fractional-exponent';

export type ArithmeticResult =
  | {
      readonly ok: true;
      readonly value: Rational;
      /** How many binary operators the text applies: 0 means it is a bare number. */
      readonly operators: number;
      /** Whether a `%` sign was read. */
      readonly percent: boolean;
    }
  | { readonly ok: false; readonly error: ArithmeticErrorKind; /** offset in the text */ readonly at: number };

export const ARITHMETIC_DEFAULTS = {
  maxLength: 10_000,
  maxDigits: 200,
  maxExponent: 1000,
  maxBits: 20_000,
  maxDepth: 64,
} as const;

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

const SPACE = new Set([' ', '\t', '\n', '\r', '\u00a0', '\u2007', '\u2009', '\u200a', '\u202f', '\u2002', '\u2003']);
const MINUS = new Set(['-', '\u2212', '\u2012', '\u2013', '\ufe63', '\uff0d']);
const TIMES = new Set(['*', '\u00d7', '\u00b7', '\u22c5', '\u2217', 'x', 'X']);
const DIVIDE = new Set(['/', '\u00f7', '\u2215']);
const CURRENCY = new Set(['$', '\u20ac', '\u00a3', '\u00a5', '\u20b9']);
const HUNDRED = Rational.of(100n);

const limitCache = new Map<number, bigint>();
function bitLimit(bits: number): bigint {
  let limit = limitCache.get(bits);
  if (limit === undefined) {
    limit = 1n << BigInt(bits);
    limitCache.set(bits, limit);
  }
  return limit;
}

const POWERS_OF_TEN: bigint[] = [];
function powerOfTen(n: number): bigint {
  if (n < 32) return (POWERS_OF_TEN[n] ??= 10n ** BigInt(n));
  return 10n ** BigInt(n);
}

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

/** Approximate bit length, enough to refuse a power before computing it. */
function bitLength(n: bigint): number {
  if (n < 0n) n = -n;
  if (n < 0x100000000n) return n === 0n ? 0 : Math.floor(Math.log2(Number(n))) + 1;
  return n.toString(16).length * 4;
}

class ArithmeticParser {
  private pos = 0;
  private depth = 0;
  private operators = 0;
  private sawPercent = false;
  private error: ArithmeticErrorKind | null = null;
  private errorAt = 0;
  private readonly maxDigits: number;
  private readonly maxExponent: number;
  private readonly maxDepth: number;
  private readonly limit: bigint;
  private readonly percentIsValue: boolean;
  private readonly thousands: boolean;

  constructor(
    private readonly text: string,
    options: ArithmeticOptions,
  ) {
    this.maxDigits = options.maxDigits ?? ARITHMETIC_DEFAULTS.maxDigits;
    this.maxExponent = options.maxExponent ?? ARITHMETIC_DEFAULTS.maxExponent;
    this.maxDepth = options.maxDepth ?? ARITHMETIC_DEFAULTS.maxDepth;
    this.limit = bitLimit(options.maxBits ?? ARITHMETIC_DEFAULTS.maxBits);
    this.percentIsValue = (options.percent ?? 'value') === 'value';
    this.thousands = options.thousands ?? true;
  }

  run(): ArithmeticResult {
    this.skipSpace();
    if (this.pos >= this.text.length) return { ok: false, error: 'empty', at: 0 };
    const value = this.sum();
    if (value === null) return this.failure();
    this.skipSpace();
    if (this.pos < this.text.length) return { ok: false, error: 'syntax', at: this.pos };
    return { ok: true, value, operators: this.operators, percent: this.sawPercent };
  }

  private failure(): ArithmeticResult {
    return { ok: false, error: this.error ?? 'syntax', at: this.errorAt };
  }

  private fail(kind: ArithmeticErrorKind, at = this.pos): null {
    if (this.error === null) {
      this.error = kind;
      this.errorAt = at;
    }
    return null;
  }

  private peek(): string | undefined {
    return this.text[this.pos];
  }

  private skipSpace(): void {
    while (this.pos < this.text.length && SPACE.has(this.text[this.pos]!)) this.pos++;
  }

  /** Rejects values too large to keep computing with. */
  private checked(value: Rational): Rational | null {
    const num = value.num < 0n ? -value.num : value.num;
    if (num >= this.limit || value.den >= this.limit) return this.fail('too-large');
    return value;
  }

  private sum(): Rational | null {
    let left = this.product();
    if (left === null) return null;
    for (;;) {
      this.skipSpace();
      const ch = this.peek();
      if (ch === undefined) return left;
      const adding = ch === '+';
      if (!adding && !MINUS.has(ch)) return left;
      this.pos++;
      const right = this.product();
      if (right === null) return null;
      this.operators++;
      left = this.checked(adding ? left.add(right) : left.sub(right));
      if (left === null) return null;
    }
  }

  private product(): Rational | null {
    let left = this.unary();
    if (left === null) return null;
    for (;;) {
      this.skipSpace();
      const ch = this.peek();
      if (ch === undefined) return left;
      let dividing: boolean;
      if (ch === '*' && this.text[this.pos + 1] === '*') return left; // a power, handled below us
      if (TIMES.has(ch)) dividing = false;
      else if (DIVIDE.has(ch)) dividing = true;
      else if (ch === '(') {
        // `2(3 + 4)`: juxtaposition before a parenthesis multiplies.
        const right = this.unary();
        if (right === null) return null;
        this.operators++;
        left = this.checked(left.mul(right));
        if (left === null) return null;
        continue;
      } else return left;
      const at = this.pos;
      this.pos++;
      const right = this.unary();
      if (right === null) return null;
      this.operators++;
      if (dividing) {
        if (right.num === 0n) return this.fail('division-by-zero', at);
        left = this.checked(left.div(right));
      } else {
        left = this.checked(left.mul(right));
      }
      if (left === null) return null;
    }
  }

  private unary(): Rational | null {
    // Signs are read in a loop, not by recursion, so "------5" cannot exhaust the stack.
    let negative = false;
    for (;;) {
      this.skipSpace();
      const ch = this.peek();
      if (ch === '+') this.pos++;
      else if (ch !== undefined && MINUS.has(ch)) {
        negative = !negative;
        this.pos++;
      } else break;
    }
    const value = this.power();
    if (value === null) return null;
    return negative ? value.neg() : value;
  }

  private power(): Rational | null {
    const base = this.postfix();
    if (base === null) return null;
    this.skipSpace();
    const ch = this.peek();
    let width = 0;
    if (ch === '^') width = 1;
    else if (ch === '*' && this.text[this.pos + 1] === '*') width = 2;
    if (width === 0) return base;
    const at = this.pos;
    this.pos += width;
    if (++this.depth > this.maxDepth) return this.fail('too-deep', at);
    const exponent = this.unary();
    this.depth--;
    if (exponent === null) return null;
    this.operators++;
    return this.raise(base, exponent, at);
  }

  private raise(base: Rational, exponent: Rational, at: number): Rational | null {
    if (exponent.den !== 1n) return this.fail('fractional-exponent', at);
    const e = exponent.num;
    const magnitude = e < 0n ? -e : e;
    if (magnitude > BigInt(this.maxExponent)) return this.fail('too-large', at);
    if (base.num === 0n && e < 0n) return this.fail('division-by-zero', at);
    const n = Number(magnitude);
    const limitBits = bitLength(this.limit);
    if (bitLength(base.num) * n > limitBits || bitLength(base.den) * n > limitBits) return this.fail('too-large', at);
    return this.checked(base.pow(Number(e)));
  }

  private postfix(): Rational | null {
    let value = this.primary();
    if (value === null) return null;
    for (;;) {
      this.skipSpace();
      if (this.peek() !== '%') return value;
      this.pos++;
      this.sawPercent = true;
      if (this.percentIsValue) value = value.div(HUNDRED);
    }
  }

  private primary(): Rational | null {
    this.skipSpace();
    const ch = this.peek();
    if (ch === undefined) return this.fail('syntax');
    if (ch === '(' || ch === '[') {
      const close = ch === '(' ? ')' : ']';
      const at = this.pos;
      this.pos++;
      if (++this.depth > this.maxDepth) return this.fail('too-deep', at);
      const inner = this.sum();
      this.depth--;
      if (inner === null) return null;
      this.skipSpace();
      if (this.peek() !== close) return this.fail('syntax');
      this.pos++;
      return inner;
    }
    if (CURRENCY.has(ch)) {
      this.pos++;
      this.skipSpace();
      if (!isDigit(this.peek()) && this.peek() !== '.') return this.fail('syntax');
    }
    return this.number();
  }

  /** Reads a literal by hand: digits, correct thousands groups, a fraction part, an exponent. */
  private number(): Rational | null {
    const text = this.text;
    const start = this.pos;
    let digits = '';
    let i = start;
    while (isDigit(text[i])) i++;
    const leadLength = i - start;
    digits = text.slice(start, i);
    if (this.thousands && leadLength >= 1 && leadLength <= 3) {
      // Accept `,ddd` groups only when every group has exactly three digits.
      let j = i;
      let grouped = '';
      while (text[j] === ',' && isDigit(text[j + 1]) && isDigit(text[j + 2]) && isDigit(text[j + 3]) && !isDigit(text[j + 4])) {
        grouped += text.slice(j + 1, j + 4);
        j += 4;
        if (grouped.length > this.maxDigits) return this.fail('too-many-digits', start);
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
    if (digits.length === 0 && fraction.length === 0) return this.fail('syntax', start);
    if (digits.length + fraction.length > this.maxDigits) return this.fail('too-many-digits', start);
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
      if (j - expStart > 6) return this.fail('too-large', i);
      exponent = sign * Number(text.slice(expStart, j));
      if (Math.abs(exponent) > this.maxExponent) return this.fail('too-large', i);
      i = j;
    }
    this.pos = i;
    const written = (digits || '0') + fraction;
    const scale = exponent - fraction.length;
    // Most literals are short integers: no gcd, no string of zeros.
    const mantissa = written.length <= 15 ? BigInt(Number(written)) : BigInt(written);
    if (scale === 0) return Rational.fromInteger(mantissa);
    const value = scale > 0 ? Rational.fromInteger(mantissa * powerOfTen(scale)) : Rational.of(mantissa, powerOfTen(-scale));
    return this.checked(value);
  }
}

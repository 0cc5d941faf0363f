import type { ArithmeticErrorKind, ArithmeticOptions, ArithmeticResult } from './arith-types.js';
import { readLiteral } from './arith-literal.js';
import { Rational } from './rational.js';

/**
 * The parser behind evaluateArithmetic: recursive descent over the text
 * itself, one character at a time, evaluating as it goes. Failures are
 * recorded, not thrown; a depth counter bounds the recursion.
 */

/** The limits evaluateArithmetic applies unless told otherwise. */
export const ARITHMETIC_DEFAULTS = {
  maxLength: 10_000,
  maxDigits: 200,
  maxExponent: 1000,
  maxBits: 20_000,
  maxDepth: 64,
} as const;

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

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

/** Approximate bit length, enough to refuse a power before computing it. */
function bitLength(n: bigint): number {
  if (n < 0n) n = -n;
  if (n < 0x100000000n) return n === 0n ? 0 : Math.floor(Math.log2(Number(n))) + 1;
  return n.toString(16).length * 4;
}

export class ArithmeticParser {
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
    const text = this.text;
    while (this.pos < text.length) {
      const code = text.charCodeAt(this.pos);
      // ASCII space is by far the most common; the Set holds the rest.
      if (code === 32 || (code !== 32 && code < 128 ? code === 9 || code === 10 || code === 13 : SPACE.has(text[this.pos]!))) this.pos++;
      else break;
    }
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
      if ((ch === 'x' || ch === 'X') && !this.operandFollows(this.pos + 1)) return left; // "2x + 1" is algebra
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

  /** Whether an operand (not a sign) starts at or after `from`, past spaces. */
  private operandFollows(from: number): boolean {
    let i = from;
    while (i < this.text.length && SPACE.has(this.text[i]!)) i++;
    const ch = this.text[i];
    return isDigit(ch) || ch === '(' || ch === '[' || ch === '.' || (ch !== undefined && CURRENCY.has(ch));
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

  private number(): Rational | null {
    const literal = readLiteral(this.text, this.pos, this.thousands, this.maxDigits, this.maxExponent);
    if ('error' in literal) return this.fail(literal.error, literal.at);
    this.pos = literal.end;
    return this.checked(literal.value);
  }
}

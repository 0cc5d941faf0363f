/**
 * Exact rational numbers on BigInt. Immutable and always normalised: the
 * denominator is positive and shares no factor with the numerator, so two
 * equal values always have equal fields.
 */
export class Rational {
  readonly num: bigint;
  readonly den: bigint;

  private constructor(num: bigint, den: bigint) {
    this.num = num;
    this.den = den;
  }

  /** The one way in besides the literals below: every value leaves here normalised. */
  private static normalised(num: bigint, den: bigint): Rational {
    if (den < 0n) {
      num = -num;
      den = -den;
    }
    const divisor = gcd(num, den);
    return divisor > 1n ? new Rational(num / divisor, den / divisor) : new Rational(num, den);
  }

  static readonly ZERO = new Rational(0n, 1n);
  static readonly ONE = new Rational(1n, 1n);

  static of(num: bigint | number, den: bigint | number = 1n): Rational {
    const n = typeof num === 'bigint' ? num : toBigIntStrict(num);
    const d = typeof den === 'bigint' ? den : toBigIntStrict(den);
    if (d === 0n) throw new RangeError('Rational with a zero denominator');
    return Rational.normalised(n, d);
  }

  static fromInteger(value: number | bigint): Rational {
    return new Rational(typeof value === 'bigint' ? value : toBigIntStrict(value), 1n);
  }

  /**
   * Reads the shortest decimal form JavaScript prints for a finite number, so
   * 0.1 becomes 1/10 rather than the binary double nearest to it. This is the
   * right reading for numbers that came from JSON or from a decimal literal.
   */
  static fromNumber(value: number): Rational {
    if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
    if (Number.isInteger(value) && Number.isSafeInteger(value)) return new Rational(BigInt(value), 1n);
    const parsed = Rational.parse(String(value));
    if (parsed === null) throw new RangeError(`cannot read ${value} exactly`);
    return parsed;
  }

  /**
   * Parses `-12`, `12.50`, `.5`, `1e3`, `2.5E-2`, `7/3`, `-7/3`. Returns null
   * for anything else. Plain syntax only: no separators, signs on both parts,
   * or whitespace. The exponent is capped so hostile input cannot ask for a
   * billion-digit BigInt.
   */
  static parse(text: string, maxExponent = 1000): Rational | null {
    const slash = text.indexOf('/');
    if (slash >= 0) {
      const top = Rational.parse(text.slice(0, slash), maxExponent);
      const bottomText = text.slice(slash + 1);
      if (top === null || !/^[0-9]+$/.test(bottomText)) return null;
      const bottom = BigInt(bottomText);
      if (bottom === 0n) return null;
      return top.div(new Rational(bottom, 1n));
    }
    const match = DECIMAL.exec(text);
    if (match === null) return null;
    const [, sign, whole = '', fraction = '', exponentText] = match;
    if (whole === '' && fraction === '') return null;
    const exponent = exponentText === undefined ? 0 : Number(exponentText);
    if (!Number.isSafeInteger(exponent) || Math.abs(exponent) > maxExponent) return null;
    let num = BigInt((whole || '0') + fraction);
    if (sign === '-') num = -num;
    const scale = exponent - fraction.length;
    return scale >= 0 ? Rational.normalised(num * 10n ** BigInt(scale), 1n) : Rational.normalised(num, 10n ** BigInt(-scale));
  }

  add(other: Rational): Rational {
    if (this.den === 1n && other.den === 1n) return new Rational(this.num + other.num, 1n);
    return Rational.normalised(this.num * other.den + other.num * this.den, this.den * other.den);
  }

  sub(other: Rational): Rational {
    if (this.den === 1n && other.den === 1n) return new Rational(this.num - other.num, 1n);
    return Rational.normalised(this.num * other.den - other.num * this.den, this.den * other.den);
  }

  mul(other: Rational): Rational {
    if (this.den === 1n && other.den === 1n) return new Rational(this.num * other.num, 1n);
    return Rational.normalised(this.num * other.num, this.den * other.den);
  }

  div(other: Rational): Rational {
    if (other.num === 0n) throw new RangeError('division by zero');
    return Rational.normalised(this.num * other.den, this.den * other.num);
  }

  neg(): Rational {
    return new Rational(-this.num, this.den);
  }

  abs(): Rational {
    return this.num < 0n ? this.neg() : this;
  }

  /** Integer powers only; a fractional exponent has no exact rational result in general. */
  pow(exponent: number): Rational {
    if (!Number.isSafeInteger(exponent)) throw new RangeError(`non-integer exponent ${exponent}`);
    if (exponent < 0) return Rational.ONE.div(this.pow(-exponent));
    const e = BigInt(exponent);
    return new Rational(this.num ** e, this.den ** e);
  }

  floor(): Rational {
    return new Rational(floorDiv(this.num, this.den), 1n);
  }

  ceil(): Rational {
    return new Rational(-floorDiv(-this.num, this.den), 1n);
  }

  /** Rounds half away from zero, the rule people use by hand. */
  round(): Rational {
    const twice = this.num * 2n;
    const rounded = this.num >= 0n ? floorDiv(twice + this.den, 2n * this.den) : -floorDiv(-twice + this.den, 2n * this.den);
    return new Rational(rounded, 1n);
  }

  /** Rounds to `places` decimal places, half away from zero. */
  roundTo(places: number): Rational {
    const scale = Rational.of(10n ** BigInt(places));
    return this.mul(scale).round().div(scale);
  }

  compare(other: Rational): -1 | 0 | 1 {
    const left = this.num * other.den;
    const right = other.num * this.den;
    return left < right ? -1 : left > right ? 1 : 0;
  }

  equals(other: Rational): boolean {
    return this.num === other.num && this.den === other.den;
  }

  sign(): -1 | 0 | 1 {
    return this.num < 0n ? -1 : this.num > 0n ? 1 : 0;
  }

  isInteger(): boolean {
    return this.den === 1n;
  }

  /** True when the value has a terminating decimal expansion. */
  isFiniteDecimal(): boolean {
    return decimalPlacesOf(this.den) !== null;
  }

  /** Digits after the point in the shortest exact decimal, or null if it does not terminate. */
  decimalPlaces(): number | null {
    return decimalPlacesOf(this.den);
  }

  /**
   * The canonical answer string: `42`, `-3`, `12.5`, or `7/3` when the decimal
   * expansion does not terminate.
   */
  toCanonical(): string {
    if (this.den === 1n) return this.num.toString();
    const places = decimalPlacesOf(this.den);
    return places === null ? `${this.num}/${this.den}` : this.toFixed(places);
  }

  /** Exact when the value has at most `places` decimals; otherwise rounded half away from zero. */
  toFixed(places: number): string {
    const power = 10n ** BigInt(places);
    // When the denominator divides 10^places the digits are exact: no rounding pass needed.
    const scaled = power % this.den === 0n ? this.num * (power / this.den) : this.roundTo(places).mul(Rational.of(power)).num;
    const negative = scaled < 0n;
    const digits = (negative ? -scaled : scaled).toString().padStart(places + 1, '0');
    const body = places === 0 ? digits : `${digits.slice(0, -places)}.${digits.slice(-places)}`;
    return negative ? `-${body}` : body;
  }

  toFractionString(): string {
    return this.den === 1n ? this.num.toString() : `${this.num}/${this.den}`;
  }

  /** Nearest double; for display and plotting, never for comparisons. */
  toNumber(): number {
    if (this.den === 1n) return Number(this.num);
    return Number(this.num) / Number(this.den);
  }

  toString(): string {
    return this.toCanonical();
  }

  /**
   * JSON has no BigInt, and JSON.stringify throws on one: a Rational inside any
   * result (a parsed answer, an expression tree) serialises as its exact
   * fraction text, `7/3` or `-12`, which Rational.parse reads back.
   */
  toJSON(): string {
    return this.toFractionString();
  }
}

const DECIMAL = /^([+-]?)([0-9]*)(?:\.([0-9]*))?(?:[eE]([+-]?[0-9]{1,6}))?$/;

function toBigIntStrict(value: number): bigint {
  if (!Number.isSafeInteger(value)) throw new RangeError(`not a safe integer: ${value}`);
  return BigInt(value);
}

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

function decimalPlacesOf(den: bigint): number | null {
  let twos = 0;
  let fives = 0;
  let d = den;
  while (d % 2n === 0n) {
    d /= 2n;
    twos++;
  }
  while (d % 5n === 0n) {
    d /= 5n;
    fives++;
  }
  return d === 1n ? Math.max(twos, fives) : null;
}

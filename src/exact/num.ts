import { Rational } from './rational.js';

/**
 * The generator's exact number, in the cheapest of three forms:
 * - a safe integer as a plain JS number (most grade-school values);
 * - a SmallFraction: numerator and denominator below 2^26, so every product
 *   in an operation stays below 2^52 and double arithmetic is still exact
 *   (prices, lengths, halves and thirds);
 * - a Rational on BigInt for everything larger.
 * Every result is put back in the smallest form that holds it, so a value has
 * exactly one representation: `===` works on integers, and two fractions are
 * equal when their fields are.
 */
export type Num = number | SmallFraction | Rational;

/** A non-integer n/d in lowest terms with 2 <= d < 2^26 and |n| < 2^26. */
export class SmallFraction {
  readonly n: number;
  readonly d: number;

  /** Use `ratio`; this assumes its arguments are already reduced and in range. */
  constructor(n: number, d: number) {
    this.n = n;
    this.d = d;
  }
}

const MAX = Number.MAX_SAFE_INTEGER;
const SMALL = 2 ** 26;

function gcd(a: number, b: number): number {
  a = Math.abs(a);
  while (b !== 0) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

/** n/d for safe integers n and d (d > 0), in its smallest form. */
function ratio(n: number, d: number): Num {
  const g = gcd(n, d);
  if (g !== 1) {
    n /= g;
    d /= g;
  }
  if (d === 1) return n === 0 ? 0 : n;
  if (n < SMALL && n > -SMALL && d < SMALL) return new SmallFraction(n, d);
  return Rational.of(BigInt(n), BigInt(d));
}

export function toRational(a: Num): Rational {
  if (typeof a === 'number') return Rational.fromInteger(a);
  if (a instanceof SmallFraction) return Rational.of(BigInt(a.n), BigInt(a.d));
  return a;
}

export function fromRational(r: Rational): Num {
  if (r.den === 1n) {
    if (r.num <= BigInt(MAX) && r.num >= -BigInt(MAX)) return Number(r.num);
    return r;
  }
  if (r.den < BigInt(SMALL) && r.num < BigInt(SMALL) && r.num > -BigInt(SMALL)) return new SmallFraction(Number(r.num), Number(r.den));
  return r;
}

/** Numerator and denominator as doubles when both are small enough for exact cross products. */
function smallNum(a: Num): number | undefined {
  if (typeof a === 'number') return a < SMALL && a > -SMALL ? a : undefined;
  return a instanceof SmallFraction ? a.n : undefined;
}

function smallDen(a: Num): number {
  return a instanceof SmallFraction ? a.d : 1;
}

/** Reads a JSON number or an exact string such as `12.5` or `7/3`. */
export function numFrom(value: number | string): Num {
  if (typeof value === 'number') {
    return Number.isSafeInteger(value) ? value : fromRational(Rational.fromNumber(value));
  }
  const parsed = Rational.parse(value);
  if (parsed === null) throw new RangeError(`not an exact number: ${JSON.stringify(value)}`);
  return fromRational(parsed);
}

export function add(a: Num, b: Num): Num {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a + b;
    if (r <= MAX && r >= -MAX) return r;
  }
  const an = smallNum(a);
  const bn = smallNum(b);
  if (an !== undefined && bn !== undefined) {
    const ad = smallDen(a);
    const bd = smallDen(b);
    return ratio(an * bd + bn * ad, ad * bd);
  }
  return fromRational(toRational(a).add(toRational(b)));
}

export function sub(a: Num, b: Num): Num {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a - b;
    if (r <= MAX && r >= -MAX) return r;
  }
  return add(a, neg(b));
}

export function mul(a: Num, b: Num): Num {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a * b;
    if (r <= MAX && r >= -MAX) return r === 0 ? 0 : r;
  }
  const an = smallNum(a);
  const bn = smallNum(b);
  if (an !== undefined && bn !== undefined) return ratio(an * bn, smallDen(a) * smallDen(b));
  return fromRational(toRational(a).mul(toRational(b)));
}

export function div(a: Num, b: Num): Num {
  if (b === 0) throw new RangeError('division by zero');
  if (typeof a === 'number' && typeof b === 'number' && a % b === 0) {
    const r = a / b;
    return r === 0 ? 0 : r;
  }
  const an = smallNum(a);
  const bn = smallNum(b);
  if (an !== undefined && bn !== undefined) {
    const n = an * smallDen(b);
    const d = smallDen(a) * bn;
    return d < 0 ? ratio(-n, -d) : ratio(n, d);
  }
  return fromRational(toRational(a).div(toRational(b)));
}

export function neg(a: Num): Num {
  if (typeof a === 'number') return a === 0 ? 0 : -a;
  return a instanceof SmallFraction ? new SmallFraction(-a.n, a.d) : a.neg();
}

/** Integer exponents only; anything else has no exact rational value in general. */
export function pow(a: Num, b: Num): Num {
  if (typeof b !== 'number') throw new RangeError('the exponent must be an integer');
  if (Math.abs(b) > 64) throw new RangeError(`exponent ${b} is out of range`);
  if (typeof a === 'number' && b >= 0) {
    const r = a ** b;
    if (r <= MAX && r >= -MAX) return r;
  }
  return fromRational(toRational(a).pow(b));
}

/** Floored modulo, as mathjs defines `mod` and as a remainder is taught: the sign follows the divisor. */
export function mod(a: Num, b: Num): Num {
  if (b === 0) throw new RangeError('modulo by zero');
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a % b;
    return r !== 0 && r < 0 !== b < 0 ? r + b : r === 0 ? 0 : r;
  }
  return sub(a, mul(b, floor(div(a, b))));
}

export function compare(a: Num, b: Num): -1 | 0 | 1 {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  const an = smallNum(a);
  const bn = smallNum(b);
  if (an !== undefined && bn !== undefined) {
    const left = an * smallDen(b);
    const right = bn * smallDen(a);
    return left < right ? -1 : left > right ? 1 : 0;
  }
  return toRational(a).compare(toRational(b));
}

export function equals(a: Num, b: Num): boolean {
  if (typeof a === 'number' || typeof b === 'number') return a === b;
  if (a instanceof SmallFraction || b instanceof SmallFraction) {
    return a instanceof SmallFraction && b instanceof SmallFraction && a.n === b.n && a.d === b.d;
  }
  return a.equals(b);
}

/** Integers beyond 2^53 live in a Rational with denominator 1; they are integers too. */
export function isInteger(a: Num): boolean {
  return typeof a === 'number' || (a instanceof Rational && a.den === 1n);
}

export function floor(a: Num): Num {
  if (typeof a === 'number') return a;
  return a instanceof SmallFraction ? Math.floor(a.n / a.d) : fromRational(a.floor());
}

export function ceil(a: Num): Num {
  if (typeof a === 'number') return a;
  return a instanceof SmallFraction ? Math.ceil(a.n / a.d) : fromRational(a.ceil());
}

export function round(a: Num, places = 0): Num {
  if (typeof a === 'number' && places >= 0) return a;
  return fromRational(places === 0 ? toRational(a).round() : toRational(a).roundTo(places));
}

export function abs(a: Num): Num {
  if (typeof a === 'number') return Math.abs(a);
  return a instanceof SmallFraction ? new SmallFraction(Math.abs(a.n), a.d) : a.abs();
}

export function sign(a: Num): -1 | 0 | 1 {
  if (typeof a === 'number') return a < 0 ? -1 : a > 0 ? 1 : 0;
  return a instanceof SmallFraction ? (a.n < 0 ? -1 : 1) : a.sign();
}

/** Digits after the point of the shortest exact decimal (0 for integers), or null if it repeats. */
export function decimalPlaces(a: Num): number | null {
  if (typeof a === 'number') return 0;
  if (!(a instanceof SmallFraction)) return a.decimalPlaces();
  let d = a.d;
  let twos = 0;
  let fives = 0;
  while (d % 2 === 0) {
    d /= 2;
    twos++;
  }
  while (d % 5 === 0) {
    d /= 5;
    fives++;
  }
  return d === 1 ? Math.max(twos, fives) : null;
}

export function isFiniteDecimal(a: Num): boolean {
  return decimalPlaces(a) !== null;
}

/**
 * Exactly `places` decimals, for a value that has at most that many; rounded
 * half away from zero otherwise (callers that must not round check first).
 */
export function toFixed(a: Num, places: number): string {
  if (a instanceof SmallFraction && places <= 15) {
    const scale = 10 ** places;
    const scaled = a.n * (scale / a.d);
    if (scale % a.d === 0 && Number.isSafeInteger(scaled)) {
      const digits = Math.abs(scaled)
        .toString()
        .padStart(places + 1, '0');
      const body = places === 0 ? digits : `${digits.slice(0, -places)}.${digits.slice(-places)}`;
      return scaled < 0 ? `-${body}` : body;
    }
  }
  if (typeof a === 'number' && places === 0) return String(a);
  return toRational(a).toFixed(places);
}

/** `7/3`, or the integer. */
export function fractionString(a: Num): string {
  if (typeof a === 'number') return String(a);
  return a instanceof SmallFraction ? `${a.n}/${a.d}` : a.toFractionString();
}

/** `42`, `-3`, `12.5` or `7/3`. */
export function canonical(a: Num): string {
  if (typeof a === 'number') return String(a);
  const places = decimalPlaces(a);
  return places === null ? fractionString(a) : toFixed(a, places);
}

/** JSON-ready form: integers and terminating decimals as numbers, the rest as exact strings. */
export function toJsonValue(a: Num): number | string {
  if (typeof a === 'number') return a;
  const places = decimalPlaces(a);
  if (places === null) return fractionString(a);
  // |n| < 2^26 has at most 8 digits, so with at most 7 places the decimal has at most 15 significant
  // digits: the correctly rounded quotient is the double whose shortest form is exactly that decimal.
  if (a instanceof SmallFraction && places <= 7) return a.n / a.d;
  const text = toFixed(a, places);
  // Only hand out a JSON number when it reads back as exactly the same decimal.
  return String(Number(text)) === text ? Number(text) : text;
}

export function toNumber(a: Num): number {
  if (typeof a === 'number') return a;
  return a instanceof SmallFraction ? a.n / a.d : a.toNumber();
}

import { Rational } from './rational.js';

/**
 * The generator's number: a safe integer as a plain JS number (the common case
 * in grade-school arithmetic, and fast), anything else as an exact Rational.
 * Results are folded back to a plain number whenever they are safe integers, so
 * a value has exactly one representation and `===` works on integers.
 */
export type Num = number | Rational;

const MAX = Number.MAX_SAFE_INTEGER;

export function toRational(a: Num): Rational {
  return typeof a === 'number' ? Rational.fromInteger(a) : a;
}

export function fromRational(r: Rational): Num {
  if (r.den === 1n && r.num <= BigInt(MAX) && r.num >= -BigInt(MAX)) return Number(r.num);
  return r;
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
  return fromRational(toRational(a).add(toRational(b)));
}

export function sub(a: Num, b: Num): Num {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a - b;
    if (r <= MAX && r >= -MAX) return r;
  }
  return fromRational(toRational(a).sub(toRational(b)));
}

export function mul(a: Num, b: Num): Num {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a * b;
    if (r <= MAX && r >= -MAX) return r === 0 ? 0 : r;
  }
  return fromRational(toRational(a).mul(toRational(b)));
}

export function div(a: Num, b: Num): Num {
  if (b === 0) throw new RangeError('division by zero');
  if (typeof a === 'number' && typeof b === 'number' && a % b === 0) {
    const r = a / b;
    return r === 0 ? 0 : r;
  }
  return fromRational(toRational(a).div(toRational(b)));
}

export function neg(a: Num): Num {
  return typeof a === 'number' ? (a === 0 ? 0 : -a) : a.neg();
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
    return r !== 0 && (r < 0) !== (b < 0) ? r + b : r === 0 ? 0 : r;
  }
  const ra = toRational(a);
  const rb = toRational(b);
  return fromRational(ra.sub(rb.mul(ra.div(rb).floor())));
}

export function compare(a: Num, b: Num): -1 | 0 | 1 {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  return toRational(a).compare(toRational(b));
}

export function equals(a: Num, b: Num): boolean {
  if (typeof a === 'number' || typeof b === 'number') return a === b;
  return a.equals(b);
}

export function isInteger(a: Num): boolean {
  return typeof a === 'number';
}

export function floor(a: Num): Num {
  return typeof a === 'number' ? a : fromRational(a.floor());
}

export function ceil(a: Num): Num {
  return typeof a === 'number' ? a : fromRational(a.ceil());
}

export function round(a: Num, places = 0): Num {
  if (typeof a === 'number' && places >= 0) return a;
  return fromRational(places === 0 ? toRational(a).round() : toRational(a).roundTo(places));
}

export function abs(a: Num): Num {
  return typeof a === 'number' ? Math.abs(a) : a.abs();
}

export function sign(a: Num): -1 | 0 | 1 {
  return typeof a === 'number' ? (a < 0 ? -1 : a > 0 ? 1 : 0) : a.sign();
}

/** `42`, `-3`, `12.5` or `7/3`. */
export function canonical(a: Num): string {
  return typeof a === 'number' ? String(a) : a.toCanonical();
}

/** JSON-ready form: integers and terminating decimals as numbers, the rest as exact strings. */
export function toJsonValue(a: Num): number | string {
  if (typeof a === 'number') return a;
  if (!a.isFiniteDecimal()) return a.toFractionString();
  const text = a.toCanonical();
  // Only hand out a JSON number when it reads back as exactly the same decimal.
  return String(Number(text)) === text ? Number(text) : text;
}

export function toNumber(a: Num): number {
  return typeof a === 'number' ? a : a.toNumber();
}

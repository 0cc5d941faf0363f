import { Rational } from '../exact/rational.js';

/**
 * Exact real numbers of the form q₀ + q₁√r₁ + q₂√r₂ + …: rational q and
 * distinct square-free integers r > 1. Square roots of distinct square-free
 * integers are linearly independent over the rationals, so this form is
 * canonical and equality is equality of the term maps. That is what lets
 * `2\sqrt{2}` and `\sqrt{8}`, or `1/\sqrt{2}` and `\sqrt{2}/2`, be compared
 * exactly instead of to some number of decimals.
 *
 * Sums, products, integer powers and inverses stay in the form (an inverse
 * multiplies by conjugates, one prime at a time). Square roots are taken of
 * rationals only. Every operation is capped: the number of terms, the size of
 * a radicand, the bits of a coefficient. An operation past a cap returns null,
 * and the caller falls back to floating point.
 */
export class Surd {
  private constructor(
    /** radicand → coefficient; radicand 1 is the rational part. No zero coefficients. */
    readonly terms: ReadonlyMap<bigint, Rational>,
  ) {}

  static readonly MAX_TERMS = 32;
  /** Radicands are factored by trial division, so they stay small. */
  static readonly MAX_RADICAND = 10_000_000_000n;
  static readonly MAX_COEFFICIENT_BITS = 4096;

  static of(value: Rational): Surd {
    return new Surd(value.num === 0n ? new Map() : new Map([[1n, value]]));
  }

  /** √value for a rational value ≥ 0, or null (negative, or too large to factor). */
  static sqrt(value: Rational): Surd | null {
    if (value.num < 0n) return null;
    if (value.num === 0n) return Surd.of(Rational.ZERO);
    // √(p/q) = √(pq)/q, and pq = s²·t with t square-free gives (s/q)√t.
    const product = value.num * value.den;
    const split = splitSquare(product);
    if (split === null) return null;
    const coefficient = Rational.of(split.root, value.den);
    return new Surd(new Map([[split.free, coefficient]]));
  }

  private static fromTerms(terms: Map<bigint, Rational>): Surd | null {
    if (terms.size > Surd.MAX_TERMS) return null;
    for (const [radicand, coefficient] of terms) {
      if (coefficient.num === 0n) terms.delete(radicand);
      else if (radicand > Surd.MAX_RADICAND || tooBig(coefficient)) return null;
    }
    return new Surd(terms);
  }

  /** The value when it is rational. */
  rational(): Rational | null {
    if (this.terms.size === 0) return Rational.ZERO;
    if (this.terms.size === 1) return this.terms.get(1n) ?? null;
    return null;
  }

  isZero(): boolean {
    return this.terms.size === 0;
  }

  equals(other: Surd): boolean {
    if (this.terms.size !== other.terms.size) return false;
    for (const [radicand, coefficient] of this.terms) {
      const theirs = other.terms.get(radicand);
      if (theirs === undefined || !theirs.equals(coefficient)) return false;
    }
    return true;
  }

  add(other: Surd): Surd | null {
    const terms = new Map(this.terms);
    for (const [radicand, coefficient] of other.terms) {
      const mine = terms.get(radicand);
      terms.set(radicand, mine === undefined ? coefficient : mine.add(coefficient));
    }
    return Surd.fromTerms(terms);
  }

  neg(): Surd {
    const terms = new Map<bigint, Rational>();
    for (const [radicand, coefficient] of this.terms) terms.set(radicand, coefficient.neg());
    return new Surd(terms);
  }

  sub(other: Surd): Surd | null {
    return this.add(other.neg());
  }

  mul(other: Surd): Surd | null {
    if (this.terms.size * other.terms.size > Surd.MAX_TERMS * Surd.MAX_TERMS) return null;
    const terms = new Map<bigint, Rational>();
    for (const [r1, q1] of this.terms) {
      for (const [r2, q2] of other.terms) {
        // √r1·√r2 = g·√(r1/g · r2/g) with g = gcd(r1, r2); both square-free, so the result is too.
        const g = gcd(r1, r2);
        const radicand = (r1 / g) * (r2 / g);
        const coefficient = q1.mul(q2).mul(Rational.of(g));
        const existing = terms.get(radicand);
        terms.set(radicand, existing === undefined ? coefficient : existing.add(coefficient));
      }
    }
    return Surd.fromTerms(terms);
  }

  /** 1/this, or null for zero or past a cap. */
  inverse(depth = 0): Surd | null {
    if (this.terms.size === 0 || depth > 8) return null;
    if (this.terms.size === 1) {
      const [radicand, coefficient] = this.terms.entries().next().value as [bigint, Rational];
      // 1/(q√r) = √r/(q·r)
      return Surd.fromTerms(new Map([[radicand, Rational.ONE.div(coefficient.mul(Rational.of(radicand)))]]));
    }
    // Write this = A + B√p for a prime p of some radicand; then
    // 1/(A + B√p) = (A − B√p)/(A² − p·B²), and the denominator has no √p.
    let prime: bigint | null = null;
    for (const radicand of this.terms.keys()) {
      if (radicand !== 1n) {
        prime = smallestPrimeFactor(radicand);
        break;
      }
    }
    if (prime === null) return null;
    const conjugateTerms = new Map<bigint, Rational>();
    for (const [radicand, coefficient] of this.terms) {
      conjugateTerms.set(radicand, radicand % prime === 0n ? coefficient.neg() : coefficient);
    }
    const conjugate = new Surd(conjugateTerms);
    const norm = this.mul(conjugate);
    if (norm === null) return null;
    const normInverse = norm.inverse(depth + 1);
    return normInverse === null ? null : conjugate.mul(normInverse);
  }

  /** this^n for an integer n, by squaring; null past a cap. */
  pow(n: number): Surd | null {
    if (!Number.isSafeInteger(n) || Math.abs(n) > 256) return null;
    if (n < 0) {
      const inverse = this.inverse();
      return inverse === null ? null : inverse.pow(-n);
    }
    const rational = this.rational();
    if (rational !== null) {
      const bits = Math.max(bitLength(rational.num), bitLength(rational.den));
      return bits * n > Surd.MAX_COEFFICIENT_BITS ? null : Surd.of(rational.pow(n));
    }
    let result: Surd | null = Surd.of(Rational.ONE);
    // oxlint-disable-next-line typescript/no-this-alias -- the loop's running power starts at this value; nothing captures it
    let base: Surd | null = this;
    let e = n;
    while (e > 0 && result !== null && base !== null) {
      if (e & 1) result = result.mul(base);
      e >>= 1;
      if (e > 0) base = base.mul(base);
    }
    return base === null ? null : result;
  }

  /** Nearest double, for the floating-point fallback and for signs. */
  toNumber(): number {
    let total = 0;
    for (const [radicand, coefficient] of this.terms) total += coefficient.toNumber() * Math.sqrt(Number(radicand));
    return total;
  }
}

function tooBig(value: Rational): boolean {
  return bitLength(value.num) > Surd.MAX_COEFFICIENT_BITS || bitLength(value.den) > Surd.MAX_COEFFICIENT_BITS;
}

function bitLength(n: bigint): number {
  if (n < 0n) n = -n;
  if (n <= 0xffffffffn) return n === 0n ? 0 : 32 - Math.clz32(Number(n));
  return n.toString(16).length * 4;
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

/**
 * Writes n = root²·free with free square-free, by trial division in doubles
 * (n is at most MAX_RADICAND, so at most 50,000 odd divisors are tried).
 */
function splitSquare(n: bigint): { root: bigint; free: bigint } | null {
  if (n > Surd.MAX_RADICAND) return null;
  let rest = Number(n);
  let root = 1;
  let free = 1;
  for (let p = 2; p * p <= rest; p += p === 2 ? 1 : 2) {
    if (rest % p !== 0) continue;
    let count = 0;
    while (rest % p === 0) {
      rest /= p;
      count++;
    }
    if (count >= 2) root *= p ** (count >> 1);
    if (count & 1) free *= p;
  }
  free *= rest; // what is left is 1 or a prime
  return { root: BigInt(root), free: BigInt(free) };
}

function smallestPrimeFactor(n: bigint): bigint {
  const m = Number(n);
  if (m % 2 === 0) return 2n;
  for (let p = 3; p * p <= m; p += 2) if (m % p === 0) return BigInt(p);
  return n;
}

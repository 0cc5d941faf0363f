import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as N from '../../src/exact/num.js';
import { Rational } from '../../src/exact/rational.js';

/** Values across every form and boundary: small and huge integers, small fractions, fractions past 2^26. */
const numArb: fc.Arbitrary<N.Num> = fc.oneof(
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.constantFrom(2 ** 26 - 1, 2 ** 26, -(2 ** 26), 2 ** 40, Number.MAX_SAFE_INTEGER),
  fc.tuple(fc.integer({ min: -10_000, max: 10_000 }), fc.integer({ min: 1, max: 1000 })).map(([n, d]) => N.fromRational(Rational.of(n, d))),
  fc.tuple(fc.bigInt({ min: -(2n ** 40n), max: 2n ** 40n }), fc.bigInt({ min: 1n, max: 2n ** 30n })).map(([n, d]) => N.fromRational(Rational.of(n, d))),
);

/** The one representation a value may have: number for integers, SmallFraction below 2^26, else Rational. */
function expectSmallestForm(value: N.Num): void {
  const r = N.toRational(value);
  if (r.den === 1n && r.num <= BigInt(Number.MAX_SAFE_INTEGER) && r.num >= -BigInt(Number.MAX_SAFE_INTEGER)) expect(typeof value).toBe('number');
  else if (r.den !== 1n && r.den < 2n ** 26n && r.num < 2n ** 26n && r.num > -(2n ** 26n)) expect(value).toBeInstanceOf(N.SmallFraction);
  else expect(value).toBeInstanceOf(Rational);
}

describe('Num', () => {
  it('keeps safe integers as plain numbers and folds integral rationals back', () => {
    expect(N.div(12, 4)).toBe(3);
    expect(N.div(N.div(1, 2), N.div(1, 4))).toBe(2);
    expect(N.div(1, 3)).toBeInstanceOf(N.SmallFraction);
    expect(N.div(1, 2 ** 30)).toBeInstanceOf(Rational);
  });

  it('escapes to BigInt instead of losing precision on overflow', () => {
    const big = N.mul(Number.MAX_SAFE_INTEGER, 3);
    expect(big).toBeInstanceOf(Rational);
    expect(N.canonical(big)).toBe((BigInt(Number.MAX_SAFE_INTEGER) * 3n).toString());
    expect(N.sub(big, N.mul(Number.MAX_SAFE_INTEGER, 2))).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('agrees with Rational arithmetic on every operation', () => {
    fc.assert(
      fc.property(numArb, numArb, (a, b) => {
        const ra = N.toRational(a);
        const rb = N.toRational(b);
        expect(N.toRational(N.add(a, b)).equals(ra.add(rb))).toBe(true);
        expect(N.toRational(N.sub(a, b)).equals(ra.sub(rb))).toBe(true);
        expect(N.toRational(N.mul(a, b)).equals(ra.mul(rb))).toBe(true);
        if (rb.sign() !== 0) expect(N.toRational(N.div(a, b)).equals(ra.div(rb))).toBe(true);
        expect(N.compare(a, b)).toBe(ra.compare(rb));
        expect(N.equals(a, b)).toBe(ra.equals(rb));
        for (const result of [N.add(a, b), N.sub(a, b), N.mul(a, b), ...(rb.sign() !== 0 ? [N.div(a, b)] : [])]) expectSmallestForm(result);
      }),
    );
  });

  it('agrees with Rational on rounding, signs and every printed form', () => {
    fc.assert(
      fc.property(numArb, fc.integer({ min: 0, max: 6 }), (a, places) => {
        const r = N.toRational(a);
        expect(N.toRational(N.floor(a)).equals(r.floor())).toBe(true);
        expect(N.toRational(N.ceil(a)).equals(r.ceil())).toBe(true);
        expect(N.toRational(N.neg(a)).equals(r.neg())).toBe(true);
        expect(N.toRational(N.abs(a)).equals(r.abs())).toBe(true);
        expect(N.sign(a)).toBe(r.sign());
        expect(N.isInteger(a)).toBe(r.isInteger());
        expect(N.decimalPlaces(a)).toBe(r.decimalPlaces());
        expect(N.canonical(a)).toBe(r.toCanonical());
        expect(N.toFixed(a, places)).toBe(r.toFixed(places));
        expect(N.fractionString(a)).toBe(r.toFractionString());
        expect(N.toNumber(a)).toBeCloseTo(r.toNumber(), 6);
        // JSON carries the exact decimal: what a reader parses back is the same value.
        const json = N.toJsonValue(a);
        expect(N.toRational(N.numFrom(JSON.parse(JSON.stringify(json)) as number | string)).equals(r)).toBe(true);
        expectSmallestForm(a);
      }),
    );
  });

  it('takes the sign of the divisor in mod, for integers and rationals alike', () => {
    expect(N.mod(7, 3)).toBe(1);
    expect(N.mod(-7, 3)).toBe(2);
    expect(N.mod(7, -3)).toBe(-2);
    expect(N.canonical(N.mod(N.numFrom('7.5'), 2))).toBe('1.5');
    fc.assert(
      fc.property(
        numArb,
        numArb.filter((b) => N.sign(b) !== 0),
        (a, b) => {
          const m = N.mod(a, b);
          const quotient = N.div(N.sub(a, m), b);
          expect(N.isInteger(quotient)).toBe(true);
          expect(N.sign(m) === 0 || N.sign(m) === N.sign(b)).toBe(true);
        },
      ),
    );
  });

  it('refuses exponents that are not small integers', () => {
    expect(N.pow(2, 10)).toBe(1024);
    expect(N.canonical(N.pow(N.numFrom('1/2'), 3))).toBe('0.125');
    expect(() => N.pow(2, N.numFrom('1/2'))).toThrow(RangeError);
    expect(() => N.pow(10, 1000)).toThrow(RangeError);
  });

  it('emits JSON numbers only when they read back exactly', () => {
    expect(N.toJsonValue(N.numFrom('12.5'))).toBe(12.5);
    expect(N.toJsonValue(N.numFrom('7/3'))).toBe('7/3');
    expect(N.toJsonValue(42)).toBe(42);
  });
});

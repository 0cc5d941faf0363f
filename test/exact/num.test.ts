import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as N from '../../src/exact/num.js';
import { Rational } from '../../src/exact/rational.js';

const numArb: fc.Arbitrary<N.Num> = fc.oneof(
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc
    .tuple(fc.integer({ min: -10_000, max: 10_000 }), fc.integer({ min: 1, max: 1000 }))
    .map(([n, d]) => N.fromRational(Rational.of(n, d))),
);

describe('Num', () => {
  it('keeps safe integers as plain numbers and folds integral rationals back', () => {
    expect(N.div(12, 4)).toBe(3);
    expect(N.div(N.div(1, 2), N.div(1, 4))).toBe(2);
    expect(N.div(1, 3)).toBeInstanceOf(Rational);
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
      }),
    );
  });

  it('takes the sign of the divisor in mod, for integers and rationals alike', () => {
    expect(N.mod(7, 3)).toBe(1);
    expect(N.mod(-7, 3)).toBe(2);
    expect(N.mod(7, -3)).toBe(-2);
    expect(N.canonical(N.mod(N.numFrom('7.5'), 2))).toBe('1.5');
    fc.assert(
      fc.property(numArb, numArb.filter((b) => N.sign(b) !== 0), (a, b) => {
        const m = N.mod(a, b);
        const quotient = N.div(N.sub(a, m), b);
        expect(N.isInteger(quotient)).toBe(true);
        expect(N.sign(m) === 0 || N.sign(m) === N.sign(b)).toBe(true);
      }),
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

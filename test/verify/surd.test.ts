import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rational } from '../../src/exact/rational.js';
import { Surd } from '../../src/verify/surd.js';
import { runs } from '../support/runs.js';

const rationalArb = fc.tuple(fc.integer({ min: -50, max: 50 }), fc.integer({ min: 1, max: 12 })).map(([n, d]) => Rational.of(n, d));
const rootArb = fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 6 })).map(([n, d]) => Surd.sqrt(Rational.of(n, d))!);
/** Small sums q₀ + q₁√a + q₂√b. */
const surdArb = fc.tuple(rationalArb, rationalArb, rootArb, rationalArb, rootArb).map(([q0, q1, r1, q2, r2]) => {
  const sum = Surd.of(q0).add(Surd.of(q1).mul(r1)!)!.add(Surd.of(q2).mul(r2)!);
  return sum!;
});

describe('Surd', () => {
  it('simplifies square roots of rationals', () => {
    const eight = Surd.sqrt(Rational.of(8))!;
    const twoRootTwo = Surd.of(Rational.of(2)).mul(Surd.sqrt(Rational.of(2))!)!;
    expect(eight.equals(twoRootTwo)).toBe(true);
    expect(Surd.sqrt(Rational.of(9, 4))!.rational()?.toCanonical()).toBe('1.5');
    expect(Surd.sqrt(Rational.of(-1))).toBeNull();
  });

  it('multiplies √a·√b into one root', () => {
    const product = Surd.sqrt(Rational.of(6))!.mul(Surd.sqrt(Rational.of(10))!)!;
    expect(product.equals(Surd.of(Rational.of(2)).mul(Surd.sqrt(Rational.of(15))!)!)).toBe(true);
  });

  it('inverts sums of roots exactly', () => {
    fc.assert(
      fc.property(surdArb, (x) => {
        if (x.isZero()) {
          expect(x.inverse()).toBeNull();
          return;
        }
        const inverse = x.inverse();
        if (inverse === null) return; // past a cap
        expect(x.mul(inverse)!.rational()?.toCanonical()).toBe('1');
      }),
      { numRuns: runs(300, 5000) },
    );
  });

  it('obeys the field laws it relies on', () => {
    fc.assert(
      fc.property(surdArb, surdArb, surdArb, (a, b, c) => {
        const left = a.mul(b.add(c)!);
        const right = a.mul(b)!.add(a.mul(c)!);
        if (left !== null && right !== null) expect(left.equals(right)).toBe(true);
        expect(a.add(b)!.equals(b.add(a)!)).toBe(true);
        expect(a.sub(a)!.isZero()).toBe(true);
        expect(Math.abs(a.toNumber() + b.toNumber() - a.add(b)!.toNumber())).toBeLessThan(1e-6 * (1 + Math.abs(a.toNumber()) + Math.abs(b.toNumber())));
      }),
      { numRuns: runs(300, 5000) },
    );
  });

  it('raises to integer powers and refuses huge ones', () => {
    const root = Surd.of(Rational.ONE).add(Surd.sqrt(Rational.of(2))!)!;
    const squared = root.pow(2)!;
    expect(squared.equals(Surd.of(Rational.of(3)).add(Surd.of(Rational.of(2)).mul(Surd.sqrt(Rational.of(2))!)!)!)).toBe(true);
    expect(root.pow(-1)!.equals(Surd.sqrt(Rational.of(2))!.sub(Surd.of(Rational.ONE))!)).toBe(true);
    expect(root.pow(10_000)).toBeNull();
    expect(Surd.of(Rational.of(10)).pow(100_000)).toBeNull();
  });

  it('refuses radicands too large to factor cheaply', () => {
    expect(Surd.sqrt(Rational.of(10n ** 30n + 7n))).toBeNull();
  });
});

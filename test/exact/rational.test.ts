import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rational } from '../../src/exact/rational.js';

const bigintArb = fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n });
const rationalArb = fc.tuple(bigintArb, fc.bigInt({ min: 1n, max: 10n ** 6n })).map(([n, d]) => Rational.of(n, d));

describe('Rational', () => {
  it('normalises so that equal values have equal fields', () => {
    const half = Rational.of(3, 6);
    expect([half.num, half.den]).toEqual([1n, 2n]);
    const negative = Rational.of(4, -8);
    expect([negative.num, negative.den]).toEqual([-1n, 2n]);
  });

  it('serialises to JSON as its exact fraction text, which parses back', () => {
    for (const value of [Rational.of(7n, 3n), Rational.of(-12n), Rational.of(1n, 8n), Rational.ZERO]) {
      const text = JSON.parse(JSON.stringify({ value })).value as string;
      expect(Rational.parse(text)?.equals(value)).toBe(true);
    }
  });

  it('rejects a zero denominator', () => {
    expect(() => Rational.of(1, 0)).toThrow(RangeError);
    expect(Rational.parse('1/0')).toBeNull();
  });

  it('adds 0.1 and 0.2 to exactly 3/10', () => {
    const sum = Rational.parse('0.1')!.add(Rational.parse('0.2')!);
    expect(sum.equals(Rational.of(3, 10))).toBe(true);
    expect(sum.toCanonical()).toBe('0.3');
  });

  it.each([
    ['42', '42'],
    ['-3', '-3'],
    ['12.50', '12.5'],
    ['.5', '0.5'],
    ['1e3', '1000'],
    ['2.5E-2', '0.025'],
    ['7/3', '7/3'],
    ['-14/6', '-7/3'],
    ['3/4', '0.75'],
    ['+8', '8'],
  ])('parses %s to the canonical %s', (text, expected) => {
    expect(Rational.parse(text)?.toCanonical()).toBe(expected);
  });

  it.each(['', '.', '1.2.3', '1,000', '--1', '1/-2', '1/2/3', 'e5', '1e', ' 1', '1e9999999'])('refuses %j', (text) => {
    expect(Rational.parse(text)).toBeNull();
  });

  it('reads doubles by their shortest decimal form', () => {
    expect(Rational.fromNumber(0.1).equals(Rational.of(1, 10))).toBe(true);
    expect(Rational.fromNumber(-2.75).toCanonical()).toBe('-2.75');
    expect(() => Rational.fromNumber(Number.NaN)).toThrow(RangeError);
  });

  it('rounds half away from zero', () => {
    expect(Rational.parse('2.5')!.round().toCanonical()).toBe('3');
    expect(Rational.parse('-2.5')!.round().toCanonical()).toBe('-3');
    expect(Rational.parse('2.49')!.round().toCanonical()).toBe('2');
    expect(Rational.parse('1.005')!.roundTo(2).toCanonical()).toBe('1.01');
    expect(Rational.of(-7, 2).floor().toCanonical()).toBe('-4');
    expect(Rational.of(-7, 2).ceil().toCanonical()).toBe('-3');
  });

  it('prints fixed decimals exactly', () => {
    expect(Rational.parse('3.5')!.toFixed(2)).toBe('3.50');
    expect(Rational.parse('-0.05')!.toFixed(2)).toBe('-0.05');
    expect(Rational.of(2, 3).toFixed(3)).toBe('0.667');
    expect(Rational.of(7).toFixed(0)).toBe('7');
  });

  it('knows which values have terminating decimals', () => {
    expect(Rational.of(7, 40).decimalPlaces()).toBe(3);
    expect(Rational.of(1, 3).decimalPlaces()).toBeNull();
    expect(Rational.of(5).decimalPlaces()).toBe(0);
  });

  it('obeys the field laws', () => {
    fc.assert(
      fc.property(rationalArb, rationalArb, rationalArb, (a, b, c) => {
        expect(a.add(b).equals(b.add(a))).toBe(true);
        expect(a.mul(b.add(c)).equals(a.mul(b).add(a.mul(c)))).toBe(true);
        expect(a.sub(b).add(b).equals(a)).toBe(true);
        if (b.sign() !== 0) expect(a.div(b).mul(b).equals(a)).toBe(true);
      }),
    );
  });

  it('orders consistently with cross-multiplication', () => {
    fc.assert(
      fc.property(rationalArb, rationalArb, (a, b) => {
        const expected = a.num * b.den < b.num * a.den ? -1 : a.num * b.den > b.num * a.den ? 1 : 0;
        expect(a.compare(b)).toBe(expected);
      }),
    );
  });

  it('prints toFixed(p) as exactly the value rounded to p places, exact or not', () => {
    fc.assert(
      fc.property(rationalArb, fc.integer({ min: 0, max: 8 }), (a, places) => {
        const printed = a.toFixed(places);
        expect(Rational.parse(printed)!.equals(a.roundTo(places))).toBe(true);
        expect(printed.split('.')[1]?.length ?? 0).toBe(places);
      }),
    );
  });

  it('round-trips through its canonical string', () => {
    fc.assert(
      fc.property(rationalArb, (a) => {
        expect(Rational.parse(a.toCanonical())!.equals(a)).toBe(true);
      }),
    );
  });
});
